from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from .forms import QuestionnaireAdminForm


class Dimension(index.Indexed, models.Model):
    """One attitude of the shared model. Role-play choices, questionnaires and rubrics score it."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "Identifier used by scenarios and questionnaires. Changing it breaks references."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("attitude dimension")
        verbose_name_plural = _("attitude dimensions")

    def __str__(self) -> str:
        return self.name


SCALE_CHOICES = [(5, _("5 points")), (7, _("7 points"))]


class Questionnaire(
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A Likert self-assessment: statements that each measure one dimension."""

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the statements, e.g. why honest answers help the learner."),
    )
    scale_points = models.PositiveSmallIntegerField(
        _("points on the scale"), choices=SCALE_CHOICES, default=5
    )
    scale_labels = models.TextField(
        _("scale labels"),
        default="Strongly disagree\nDisagree\nNeither agree nor disagree\nAgree\nStrongly agree",
        help_text=_("One label per line, from the lowest point to the highest."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="questionnaire")

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("scale_points"), FieldPanel("scale_labels")], heading=_("Scale")
        ),
        InlinePanel("items", heading=_("Statements"), label=_("Statement"), min_num=1),
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    base_form_class = QuestionnaireAdminForm

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def labels(self) -> list[str]:
        return [line.strip() for line in self.scale_labels.splitlines() if line.strip()]

    def scale(self) -> list[tuple[int, str]]:
        """(value, label) for each point of the scale, lowest first."""
        labels = self.labels
        return [
            (value, labels[value - 1] if value <= len(labels) else str(value))
            for value in range(1, self.scale_points + 1)
        ]

    def get_preview_template(self, request, mode_name):
        return "assessments/questionnaire_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"questionnaire": self, "items": list(self.items.all()), "scale": self.scale()}


class QuestionnaireItem(TranslatableMixin, Orderable):
    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="items")
    statement = models.CharField(_("statement"), max_length=300)
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="+"
    )
    reverse_scored = models.BooleanField(
        _("reverse-scored"),
        default=False,
        help_text=_("Agreeing shows less of the attitude, e.g. “Once a customer has paid, ...”."),
    )

    panels = [FieldPanel("statement"), FieldPanel("dimension"), FieldPanel("reverse_scored")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.statement


class Response(models.Model):
    """One learner's completed questionnaire, with its per-dimension scores (0-100)."""

    BEFORE = "before"
    AFTER = "after"
    PHASES = [("", _("module step")), (BEFORE, _("before the course")), (AFTER, _("after it"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_responses"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="responses"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    # Where it was taken: a page (module or course) and, for a module, the step's block id.
    context_page_id = models.PositiveIntegerField(null=True, blank=True)
    context_step_id = models.CharField(max_length=64, blank=True)
    phase = models.CharField(max_length=10, choices=PHASES, blank=True)
    scale_points = models.PositiveSmallIntegerField()
    scores = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "questionnaire", "context_page_id", "context_step_id", "phase"],
                name="response_once_per_context",
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} ({self.user_id}, {self.submitted_at:%Y-%m-%d})"

    def clean(self) -> None:
        if self.phase and not self.context_page_id:
            raise ValidationError(_("A before/after response belongs to a course."))


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item_id = models.PositiveIntegerField()
    dimension = models.SlugField(max_length=80)
    reverse_scored = models.BooleanField(default=False)
    value = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "item_id"], name="answer_once_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.item_id}={self.value}"


class AttitudeRelease(models.Model):
    """HR's published attitude figures for one organisation, questionnaire and phase.

    HR reads only releases, never the live responses: a new release is published only when it
    differs from every earlier one by at least five people (assessments/releases.py), so that
    comparing the page over time never isolates one person's answers.
    """

    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="+")
    phase = models.CharField(
        max_length=10, choices=[(Response.BEFORE, _("before")), (Response.AFTER, _("after"))]
    )
    number = models.PositiveIntegerField()  # 1, 2, ... within its organisation/questionnaire/phase
    published_at = models.DateTimeField(default=timezone.now)
    # {"dimensions": [slug, ...], "groups": {"organisation" | "<team id>": {"shown", "respondents",
    #  "few", "means": {slug: "74.5"}}}}: exactly what HR is shown.
    figures = models.JSONField()
    # {"<user id>": [team id | null, response id, [slug, ...]]}: who the figures are over, for
    # comparing the next release with this one. Never shown.
    members = models.JSONField()

    class Meta:
        verbose_name = _("attitude release")
        verbose_name_plural = _("attitude releases")
        ordering = ["organisation", "questionnaire", "phase", "-number"]
        constraints = [
            # Two workers publishing at once: the second insert fails instead of both publishing.
            models.UniqueConstraint(
                fields=["organisation", "questionnaire", "phase", "number"],
                name="attitude_release_once_per_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} {self.phase} #{self.number} ({self.organisation_id})"
