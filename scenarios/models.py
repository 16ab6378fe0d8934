from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import FEEDBACK_TIMINGS, ScenarioNodesBlock
from .forms import ScenarioAdminForm
from .graph import Graph, PlayState, graph_from_raw


class Scenario(
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A branching role-play: every answer the learner gives changes what the customer does next."""

    title = models.CharField(_("title"), max_length=200)
    persona_name = models.CharField(_("customer's name"), max_length=120)
    persona_pronunciation = models.CharField(_("how to say the name"), max_length=160, blank=True)
    persona_situation = models.TextField(
        _("situation"), help_text=_("Who the customer is and what has just happened.")
    )
    learner_role = models.CharField(
        _("the learner's role"),
        max_length=300,
        blank=True,
        help_text=_("e.g. “You are the sales consultant at the dealership.”"),
    )
    source_title = models.CharField(_("source"), max_length=200, blank=True)
    source_author = models.CharField(_("source author"), max_length=200, blank=True)
    start_key = models.CharField(
        _("start node"),
        max_length=40,
        blank=True,
        help_text=_("Key of the node the conversation starts at."),
    )
    nodes = StreamField(ScenarioNodesBlock(), blank=True, verbose_name=_("conversation"))
    feedback_timing = models.CharField(
        _("feedback on each choice"),
        max_length=10,
        choices=FEEDBACK_TIMINGS,
        default="immediate",
        help_text=_(
            "Held back, the learner sees the customer's reaction at once and your feedback on "
            "each choice in the debrief, beside the best path."
        ),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="scenario")

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("persona_name"),
                FieldPanel("persona_pronunciation"),
                FieldPanel("persona_situation"),
                FieldPanel("learner_role"),
            ],
            heading=_("The customer"),
        ),
        MultiFieldPanel(
            [FieldPanel("source_title"), FieldPanel("source_author")],
            heading=_("Source anecdote and credit"),
        ),
        FieldPanel("start_key"),
        FieldPanel("feedback_timing"),
        FieldPanel("nodes"),
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    base_form_class = ScenarioAdminForm
    # Translators translate the words; the conversation's structure stays the original's.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("persona_pronunciation", "source_title", "source_author", "start_key")
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("role-play scenario")
        verbose_name_plural = _("role-play scenarios")

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @cached_property
    def graph(self) -> Graph:
        return graph_from_raw(self.start_key, list(self.nodes.raw_data))

    @property
    def credit(self) -> str:
        if not self.source_title:
            return ""
        if self.source_author:
            return _("Based on “%(title)s” by %(author)s") % {
                "title": self.source_title,
                "author": self.source_author,
            }
        return _("Based on “%(title)s”") % {"title": self.source_title}

    # --- Preview: the diagram, and a play-through a coach can click along.
    @property
    def preview_modes(self):
        return [("diagram", _("Diagram")), ("play", _("Play through"))]

    def get_preview_template(self, request, mode_name):
        return "scenarios/preview_play.html" if mode_name == "play" else "scenarios/preview.html"

    def get_preview_context(self, request, mode_name):
        from assessments.selectors import dimension_names

        from .diagram import diagram_svg
        from .graph import graph_problems

        names = dimension_names()
        return {
            "scenario": self,
            "graph": self.graph,
            "problems": graph_problems(self.graph, dimensions=set(names)),
            "diagram": diagram_svg(self.graph, names=names),
            "dimension_names": names,
        }


class Attempt(models.Model):
    """One play of a scenario by a learner. Every attempt is kept; a retry starts a new one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roleplay_attempts"
    )
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="attempts")
    # The published revision played, so later edits never break an attempt in progress.
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    # Where it is played: a module page and the step's block id (opaque to this app).
    context_page_id = models.PositiveIntegerField(null=True, blank=True)
    context_step_id = models.CharField(max_length=64, blank=True)
    number = models.PositiveSmallIntegerField(default=1)
    current_key = models.CharField(max_length=40)
    step_count = models.PositiveSmallIntegerField(default=0)
    points = models.JSONField(default=dict, blank=True)
    mood = models.SmallIntegerField(default=0)
    # Flags set by the answers so far (sorted), for conditions and variants.
    flags = models.JSONField(default=list, blank=True)
    # Orders the choices of every node for this attempt: the same on reload and on resume,
    # different from one attempt to the next.
    shuffle_seed = models.PositiveIntegerField(default=0)
    ending_key = models.CharField(max_length=40, blank=True)
    ending_tone = models.CharField(max_length=10, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("role-play attempt")
        verbose_name_plural = _("role-play attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "scenario", "context_page_id", "context_step_id", "number"],
                name="attempt_number_unique",
            )
        ]
        indexes = [
            models.Index(fields=["user", "scenario", "context_page_id", "context_step_id"]),
            models.Index(fields=["scenario", "finished_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.scenario} #{self.number} ({self.user})"

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def play_state(self) -> PlayState:
        return PlayState(points=dict(self.points), mood=self.mood, flags=frozenset(self.flags))

    @property
    def tone_label(self) -> str:
        labels = {"good": _("good outcome"), "mixed": _("mixed outcome"), "poor": _("poor outcome")}
        return str(labels.get(self.ending_tone, _("not finished")))


class AttemptStep(models.Model):
    """One answer in an attempt: the node, the choice or the written reply, and its points."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="steps")
    sequence = models.PositiveSmallIntegerField()
    node_key = models.CharField(max_length=40)
    node_text = models.TextField()
    choice_index = models.PositiveSmallIntegerField(null=True, blank=True)
    choice_text = models.TextField(blank=True)
    reply = models.TextField(blank=True)
    # The self-checks the learner ticked on a written reply (their indexes).
    checks = models.JSONField(default=list, blank=True)
    # The choice's rating at this node (best / okay / poor) and where it was shown (1 = first).
    rating = models.CharField(max_length=10, blank=True)
    position = models.PositiveSmallIntegerField(null=True, blank=True)
    points = models.JSONField(default=dict, blank=True)
    mood = models.SmallIntegerField(default=0)
    flags = models.JSONField(default=list, blank=True)  # the flags this answer set
    next_key = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role-play answer")
        verbose_name_plural = _("role-play answers")
        ordering = ["attempt", "sequence"]
        constraints = [
            # A double submit or a second tab can never record the same step twice.
            models.UniqueConstraint(fields=["attempt", "sequence"], name="attempt_step_unique")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.sequence} {self.node_key}"

    @property
    def is_reply(self) -> bool:
        return self.choice_index is None
