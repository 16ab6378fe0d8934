"""The steps a module is made of. Each step is one screen for the learner."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from people.translation import TextOnlyTranslation

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "blockquote"]


def field_error(name: str, message: str) -> blocks.StructBlockValidationError:
    """A validation error shown on one field of a StructBlock in the editor."""
    return blocks.StructBlockValidationError(block_errors={name: ValidationError(message)})


class StepStructValue(blocks.StructValue):
    """Presentation helpers shared by every step."""

    @property
    def kind(self) -> str:
        return self.block.name

    @property
    def wants_answer(self) -> bool:
        return bool(getattr(self.block.meta, "collects_answer", False))


class StoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    body = blocks.RichTextBlock(label=_("Story"), features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt = blocks.CharBlock(
        label=_("Image description"),
        required=False,
        default="",
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("image_alt"):
            raise field_error("image_alt", _("Describe the image."))
        return value

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/story.html"
        label = _("Story")
        help_text = _(
            "A part of the anecdote, retold in your own words. Placed after the role-play, it "
            "reads as the debrief."
        )
        value_class = StepStructValue
        form_classname = "struct-block story-block"


class KeyInsightStructValue(StepStructValue):
    @property
    def has_explanation(self) -> bool:
        return bool(self.get("explanation") and str(self.get("explanation")).strip())


class KeyInsightBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Key insight"))
    insight = blocks.TextBlock(
        label=_("Insight"), max_length=400, help_text=_("The one idea to remember, in a sentence.")
    )
    explanation = blocks.RichTextBlock(
        label=_("Explanation"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "pick"
        template = "courses/blocks/key_insight.html"
        label = _("Key insight")
        help_text = _("The attitude the story teaches, stated plainly.")
        value_class = KeyInsightStructValue


class ReflectionStructValue(StepStructValue):
    @property
    def min_length(self) -> int:
        return int(self.get("min_length") or 1)


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"), max_length=500)
    guidance = blocks.CharBlock(
        label=_("Guidance"),
        required=False,
        default="",
        max_length=250,
        help_text=_("A hint on what a good answer covers, shown under the prompt."),
    )
    min_length = blocks.IntegerBlock(
        label=_("Minimum length"),
        default=20,
        min_value=1,
        max_value=2000,
        help_text=_("The fewest characters an answer needs."),
    )

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection.html"
        label = _("Reflection")
        help_text = _("The learner writes an answer; it is saved and they can come back to it.")
        value_class = ReflectionStructValue
        collects_answer = True


class TakeawaysBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Takeaways"))
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Takeaway"), max_length=250),
        label=_("Takeaways"),
        min_num=1,
    )

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/takeaways.html"
        label = _("Takeaways")
        help_text = _("Short, actionable lines to carry back to work.")
        value_class = StepStructValue


class PublishedSnippetStepBlock(TextOnlyTranslation, blocks.StructBlock):
    """A step that plays a snippet with drafts: only a published one may be chosen.

    A translation keeps the original's snippet (the learner is shown its translation).
    """

    translated_children = ("introduction",)

    published_field = ""
    unpublished_message = ""

    def clean(self, value):
        value = super().clean(value)
        chosen = value.get(self.published_field)
        if chosen is not None and not chosen.live:
            raise field_error(self.published_field, self.unpublished_message)
        return value


class RolePlayBlock(PublishedSnippetStepBlock):
    scenario = SnippetChooserBlock("scenarios.Scenario", label=_("Role-play scenario"))
    introduction = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        default="",
        max_length=500,
        help_text=_("Optional words before the learner starts, e.g. what to try."),
    )

    published_field = "scenario"
    unpublished_message = _("Publish this scenario before adding it to a module.")

    class Meta:
        icon = "comment"
        template = "courses/blocks/roleplay.html"
        label = _("Role-play")
        help_text = _("The learner answers a customer in a published branching scenario.")
        value_class = StepStructValue
        collects_answer = True


class SelfAssessmentBlock(PublishedSnippetStepBlock):
    questionnaire = SnippetChooserBlock("assessments.Questionnaire", label=_("Questionnaire"))
    introduction = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        default="",
        max_length=500,
        help_text=_("Optional words before the statements."),
    )

    published_field = "questionnaire"
    unpublished_message = _("Publish this questionnaire before adding it to a module.")

    class Meta:
        icon = "form"
        template = "courses/blocks/self_assessment.html"
        label = _("Self-assessment")
        help_text = _("The learner rates statements about their own attitude; only they see it.")
        value_class = StepStructValue
        collects_answer = True


class ModuleStepsBlock(blocks.StreamBlock):
    story = StoryBlock()
    key_insight = KeyInsightBlock()
    reflection = ReflectionBlock()
    roleplay = RolePlayBlock()
    self_assessment = SelfAssessmentBlock()
    takeaways = TakeawaysBlock()

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        help_text = _("Each block is one screen the learner moves through with Back and Next.")
        min_num = 1
