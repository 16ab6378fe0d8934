"""The conversation graph as authored in the admin: a list of nodes of three kinds.

A conversation holds hundreds of fields (a 40-node graph: about 1,700). The editor draws a node's
fields only when the author opens it (NodeBlockAdapter, scenarios/static/scenarios/nodes.js); an
unopened node submits its stored value as one hidden field. The fields drawn are cheap: text fields
are plain textareas that CSS grows with their text, and the dimension selects read the dimensions
once per request, not once per value.
"""

import json

from django import forms
from django.core.validators import RegexValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import StructBlockAdapter

from assessments.selectors import dimension_choices
from people.translation import NotTranslated, TextOnlyTranslation

from . import graph

KEY_HELP = _("Short identifier other nodes point at, e.g. “opening” or “angry-reply”.")
SLUG_PATTERN = r"[a-z0-9][a-z0-9-]*"  # node keys and flags alike
key_validator = RegexValidator(
    rf"^{SLUG_PATTERN}$", _("Use lowercase letters, digits and hyphens, e.g. “opening”.")
)

SPEAKERS = [("customer", _("The customer")), ("narrator", _("Narrator"))]
MOODS = [
    ("-2", _("Much worse")),
    ("-1", _("Worse")),
    ("0", _("No change")),
    ("1", _("Better")),
    ("2", _("Much better")),
]
TONES = [("good", _("Good")), ("mixed", _("Mixed")), ("poor", _("Poor"))]


class DimensionChoiceBlock(blocks.ChoiceBlock):
    """A select of the attitude dimensions, read when the form is drawn (stays current)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Dimension"))
        super().__init__(choices=dimension_choices, **kwargs)

    def normalize_choice(self, value):
        # ChoiceBlock looks each stored value up in the choices to restore its type: here a
        # query per value (hundreds on a big graph's editor). Slugs are strings already.
        return value

    def deconstruct(self):
        # Migrations should not freeze the current list of dimensions.
        return ("scenarios.blocks.DimensionChoiceBlock", [], {"required": self.required})

    class Meta:
        icon = "pick"


class ConversationTextarea(forms.Textarea):
    """A textarea that grows with its text through CSS (field-sizing), not script.

    Wagtail's TextBlock uses an auto-height textarea whose script measures it as it appears,
    a forced layout of the whole editor per field: on a conversation's hundreds of fields that
    made the scenario editor take seconds to open.
    """

    class Media:
        css = {"all": ["scenarios/editor.css"]}

    def __init__(self, attrs=None):
        super().__init__({"class": "conversation-text", **(attrs or {})})


class GrowingTextBlock(blocks.TextBlock):
    """wagtail.blocks.TextBlock drawn as a ConversationTextarea; the same block to migrations."""

    @cached_property
    def field(self):
        widget = ConversationTextarea(attrs={"rows": self.rows})
        return forms.CharField(widget=widget, **self.field_options)

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return ("wagtail.blocks.TextBlock", args, kwargs)


class NodeKeyBlock(NotTranslated, blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=40, validators=[key_validator], help_text=KEY_HELP, **kwargs)

    def deconstruct(self):
        return (
            "scenarios.blocks.NodeKeyBlock",
            [],
            {"label": self.label, "required": self.required},
        )


class PointsBlock(blocks.StructBlock):
    dimension = DimensionChoiceBlock()
    points = blocks.IntegerBlock(label=_("Points"), min_value=-5, max_value=5, default=1)

    class Meta:
        icon = "plus"
        template = "scenarios/blocks/points.html"
        label = _("Points")
        help_text = _(
            "Positive for an answer that shows the attitude, negative for one that hurts."
        )


FLAG_HELP = _("Lowercase letters, digits and hyphens, e.g. “promised-a-date”.")
flag_validator = RegexValidator(rf"^{SLUG_PATTERN}$", FLAG_HELP)
flags_validator = RegexValidator(
    rf"^\s*({SLUG_PATTERN}\s*(,\s*{SLUG_PATTERN}\s*)*)?$",
    _("Separate flags with commas, each in lowercase letters, digits and hyphens."),
)

# What a condition tests. The first is the meaning of a condition stored before tests had a
# choice ({"dimension", "minimum"} only), so older scenarios keep their meaning.
CONDITION_TEST_CHOICES = [
    (graph.POINTS_AT_LEAST, _("Points on a dimension are at least")),
    (graph.POINTS_AT_MOST, _("Points on a dimension are at most")),
    (graph.MOOD_AT_LEAST, _("The customer's mood is at least")),
    (graph.MOOD_AT_MOST, _("The customer's mood is at most")),
    (graph.FLAG_SET, _("A flag has been set")),
    (graph.FLAG_NOT_SET, _("A flag has not been set")),
]
RATINGS = [("best", _("Best")), ("okay", _("Okay")), ("poor", _("Poor"))]
FEEDBACK_TIMINGS = [
    ("immediate", _("After each choice")),
    ("debrief", _("Held back until the debrief")),
]


class ConditionBlock(NotTranslated, blocks.StructBlock):
    test = blocks.ChoiceBlock(
        label=_("Test"),
        choices=CONDITION_TEST_CHOICES,
        default=graph.POINTS_AT_LEAST,
        required=False,
    )
    dimension = DimensionChoiceBlock(required=False)
    minimum = blocks.IntegerBlock(
        label=_("Value"),
        required=False,
        default=2,
        help_text=_("Points on the dimension, or the mood from -5 (very upset) to 5 (delighted)."),
    )
    flag = blocks.CharBlock(
        label=_("Flag"), required=False, max_length=40, validators=[flag_validator], default=""
    )

    class Meta:
        icon = "lock"
        template = "scenarios/blocks/condition.html"
        label = _("Only when")
        help_text = _(
            "Leave the dimension (or the flag) empty for no condition. Tests look at the points "
            "gathered so far, the customer's mood now, or a flag an earlier answer set."
        )
        collapsed = True


class FlagsBlock(NotTranslated, blocks.CharBlock):
    """Comma-separated flags an answer sets, for later conditions ("promised-a-date")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Sets flags"))
        kwargs.setdefault(
            "help_text",
            _("Flags later lines and choices can test, comma-separated, e.g. “promised-a-date”."),
        )
        kwargs.setdefault("default", "")
        super().__init__(required=False, max_length=200, validators=[flags_validator], **kwargs)

    def deconstruct(self):
        return ("scenarios.blocks.FlagsBlock", [], {"label": self.label})

    class Meta:
        icon = "tag"


class TextVariantBlock(blocks.StructBlock):
    condition = ConditionBlock()
    text = GrowingTextBlock(label=_("What they say instead"), max_length=1000, rows=2)

    class Meta:
        icon = "redirect"
        template = "scenarios/blocks/variant.html"
        label = _("Variant")
        help_text = _(
            "Said instead of the node's line when its condition holds (the first that holds), "
            "so the customer remembers what happened earlier."
        )


class EndingVariantBlock(blocks.StructBlock):
    condition = ConditionBlock()
    text = GrowingTextBlock(
        label=_("What they say instead"), max_length=1000, rows=2, required=False, default=""
    )
    debrief = GrowingTextBlock(
        label=_("Debrief instead"), max_length=2000, required=False, default=""
    )

    class Meta:
        icon = "redirect"
        template = "scenarios/blocks/variant.html"
        label = _("Ending variant")
        help_text = _(
            "The ending's line and/or its debrief, when the condition holds (the first that "
            "holds): every ending fits the path taken to it."
        )


class SelfCheckBlock(TextOnlyTranslation, blocks.StructBlock):
    translated_children = ("text",)
    text = blocks.CharBlock(label=_("Question"), max_length=200)
    flag = blocks.CharBlock(
        label=_("Flag when ticked"),
        required=False,
        max_length=40,
        validators=[flag_validator],
        default="",
    )
    points = blocks.ListBlock(PointsBlock(), label=_("Points when ticked"), default=[])

    class Meta:
        icon = "tick"
        template = "scenarios/blocks/self_check.html"
        label = _("Self-check")
        help_text = _(
            "A question the learner ticks before sending the reply, e.g. “Did I give a date?”. "
            "A tick sets the flag and adds the points, so what follows depends on what was written."
        )


class ChoiceBlock(blocks.StructBlock):
    text = GrowingTextBlock(label=_("What the learner says"), max_length=400, rows=2)
    next_key = NodeKeyBlock(label=_("Next node"))
    feedback = GrowingTextBlock(
        label=_("Feedback to the learner"), required=False, max_length=600, rows=2, default=""
    )
    reaction = GrowingTextBlock(
        label=_("The customer's reaction"),
        required=False,
        default="",
        max_length=400,
        rows=2,
        help_text=_("What the answer did to the customer, e.g. “Anil's shoulders drop.”"),
    )
    mood = blocks.ChoiceBlock(
        label=_("Effect on the customer's feelings"), choices=MOODS, default="0"
    )
    rating = blocks.ChoiceBlock(
        label=_("Rating"),
        choices=RATINGS,
        required=False,
        default="",
        help_text=_(
            "Against the best answer this node offers. Leave empty to rate by points: the "
            "highest-scoring choice is best, a negative one poor."
        ),
    )
    points = blocks.ListBlock(PointsBlock(), label=_("Points"), default=[])
    sets_flags = FlagsBlock()
    condition = ConditionBlock()

    class Meta:
        icon = "comment"
        template = "scenarios/blocks/choice.html"
        label = _("Choice")
        help_text = _("One answer the learner can give, and what it leads to.")


# Form state key (scenarios/static/scenarios/nodes.js) and input suffix of a node's stored value.
STORED_STATE = "__stored__"
STORED_INPUT = "stored"


class BaseNodeBlock(blocks.StructBlock):
    """A node of the conversation; its fields are drawn in the editor once the author opens it.

    Its form state carries the node's stored value too, and an unopened node posts that back as
    one hidden `<prefix>-stored` field (validated like any other node's value), so a 40-node
    editor opens with 40 headings rather than 1,700 fields.
    """

    key = NodeKeyBlock(label=_("Key"))
    speaker = blocks.ChoiceBlock(label=_("Who speaks"), choices=SPEAKERS, default="customer")
    text = GrowingTextBlock(label=_("What they say"), max_length=1000)

    def get_form_state(self, value):
        return {**super().get_form_state(value), STORED_STATE: self.get_prep_value(value)}

    def value_from_datadict(self, data, files, prefix):
        stored = data.get(f"{prefix}-{STORED_INPUT}")
        if stored is not None:
            try:
                return self.to_python(json.loads(stored))
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # not a stored value: read the fields (none posted: a node left empty)
        return super().value_from_datadict(data, files, prefix)

    def value_omitted_from_data(self, data, files, prefix):
        return f"{prefix}-{STORED_INPUT}" not in data and super().value_omitted_from_data(
            data, files, prefix
        )


class ChoiceNodeBlock(BaseNodeBlock):
    variants = blocks.ListBlock(TextVariantBlock(), label=_("Variants of the line"), default=[])
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Choices"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "scenarios/blocks/node.html"
        label = _("Node with choices")
        help_text = _("The customer says something; the learner picks one of the answers.")


class FreeTextNodeBlock(BaseNodeBlock):
    prompt = GrowingTextBlock(
        label=_("Prompt"),
        max_length=400,
        help_text=_("Tell the learner what to write, e.g. “In your own words, apologise.”"),
    )
    exemplar = GrowingTextBlock(
        label=_("Exemplar answer"), max_length=1000, help_text=_("Shown after the learner replies.")
    )
    variants = blocks.ListBlock(TextVariantBlock(), label=_("Variants of the line"), default=[])
    checks = blocks.ListBlock(SelfCheckBlock(), label=_("Self-check"), default=[])
    rubric = blocks.ListBlock(
        DimensionChoiceBlock(), label=_("Dimensions a coach rates"), min_num=1, default=[]
    )
    next_key = NodeKeyBlock(label=_("Next node"))

    class Meta:
        icon = "edit"
        template = "scenarios/blocks/node.html"
        label = _("Node with a written reply")
        help_text = _("The learner writes their own answer; a coach reviews it later.")


class EndingNodeBlock(BaseNodeBlock):
    outcome = blocks.CharBlock(label=_("Outcome"), max_length=120)
    tone = blocks.ChoiceBlock(label=_("Tone"), choices=TONES, default="mixed")
    debrief = GrowingTextBlock(label=_("Debrief"), max_length=2000)
    variants = blocks.ListBlock(EndingVariantBlock(), label=_("Variants"), default=[])

    class Meta:
        icon = "flag"
        template = "scenarios/blocks/node.html"
        label = _("Ending")
        help_text = _("Where a conversation ends: the outcome and what to learn from it.")


class ScenarioNodesBlock(blocks.StreamBlock):
    choice = ChoiceNodeBlock()
    free_text = FreeTextNodeBlock()
    ending = EndingNodeBlock()

    class Meta:
        icon = "site"
        label = _("Conversation")
        # Nodes open closed, named by their key: the author opens the one to edit, and a big
        # graph's editor lays out a list of headings, not every field of every node.
        collapsed = True
        help_text = _("The nodes of the conversation; choices point at other nodes by key.")


class NodeBlockAdapter(StructBlockAdapter):
    """A node is drawn by scenarios/static/scenarios/nodes.js: its fields only once opened."""

    js_constructor = "scenarios.blocks.NodeBlock"

    @cached_property
    def media(self):
        return super().media + forms.Media(js=[versioned_static("scenarios/nodes.js")])


register(NodeBlockAdapter(), BaseNodeBlock)
