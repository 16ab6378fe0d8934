"""Coaching: cohorts, reviews of free-text answers, private notes, action plans, questions.

Who may read what is decided in selectors.py, following DESIGN.md's table; nothing here is
registered in the Django admin, so a coach's private note has no back door.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .markdown import markdown_to_html

RATING_CHOICES = [
    (1, _("1 – not yet")),
    (2, _("2 – beginning")),
    (3, _("3 – developing")),
    (4, _("4 – good")),
    (5, _("5 – excellent")),
]
RATING_MAX = 5


class Cohort(index.Indexed, models.Model):
    """A group of learners of one organisation, coached through some courses for a while."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coaches"),
        related_name="coached_cohorts",
        help_text=_("People with the Coach role; they may come from any organisation."),
    )
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learners"),
        related_name="cohorts",
        blank=True,
        help_text=_("People of the cohort's organisation."),
    )
    courses = models.ManyToManyField(
        "courses.CoursePage",
        verbose_name=_("courses"),
        related_name="cohorts",
        blank=True,
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="cohort_name_unique_per_org"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The cohort must end on or after its start.")})


class Review(models.Model):
    """A coach's feedback on one free-text role-play answer, with rubric ratings."""

    step = models.OneToOneField(
        "scenarios.AttemptStep", on_delete=models.CASCADE, related_name="coach_review"
    )
    # Denormalised from the step, so scoping and the profile need no joins through attempts.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_reviews"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="reviews_given",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The course the answer was written in, for the learner's profile."),
    )
    # {dimension slug: 1..5}, one entry per rubric dimension of the node.
    ratings = models.JSONField(_("ratings"), default=dict)
    feedback = models.TextField(_("feedback"), help_text=_("Markdown."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["learner", "course"])]

    def __str__(self) -> str:
        return f"Review of step {self.step_id}"

    @property
    def feedback_html(self) -> SafeString:
        return markdown_to_html(self.feedback)


class ReflectionFeedback(models.Model):
    """A coach's reply to a learner's handed-in reflection (not rated: no rubric)."""

    reflection = models.OneToOneField(
        "courses.ReflectionAnswer", on_delete=models.CASCADE, related_name="coach_feedback"
    )
    # Denormalised from the reflection's enrolment, so the learner's page needs no joins.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_feedback"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    feedback = models.TextField(_("feedback"), help_text=_("Markdown."))
    # The hand-in the coach answered: a newer hand-in puts the reflection back in the queue.
    answered_submission = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("feedback on a reflection")
        verbose_name_plural = _("feedback on reflections")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Feedback on reflection {self.reflection_id}"

    @property
    def feedback_html(self) -> SafeString:
        return markdown_to_html(self.feedback)

    @property
    def outdated(self) -> bool:
        """The learner handed in new words since this feedback (reflection selected with it)."""
        submitted = self.reflection.submitted_at
        return bool(submitted and self.answered_submission and submitted > self.answered_submission)


class CoachNote(models.Model):
    """A coach's private note about a learner (a one-to-one session). Only its author reads it."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_notes_written"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_notes_about"
    )
    session_on = models.DateField(_("session date"))
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")
        ordering = ["-session_on", "-created_at"]
        indexes = [models.Index(fields=["coach", "learner"])]

    def __str__(self) -> str:
        # Also the audit trail's label for a note read: the date as pages write it.
        return f"Note {self.pk} ({formats.date_format(self.session_on, 'DATE_FORMAT')})"


class Goal(models.Model):
    """One goal of a learner's action plan, agreed with their coach."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.CharField(_("goal"), max_length=300)
    due_on = models.DateField(_("due date"))
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("action plan goal")
        verbose_name_plural = _("action plan goals")
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def done(self) -> bool:
        return self.done_at is not None


class GoalEvent(models.Model):
    """The history of a goal: who agreed it, ticked it off or opened it again, and when."""

    ADDED = "added"
    DONE = "done"
    REOPENED = "reopened"
    CHANGED = "changed"
    KINDS = [
        (ADDED, _("agreed")),
        (DONE, _("ticked off")),
        (REOPENED, _("opened again")),
        (CHANGED, _("reworded or moved")),
    ]

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=KINDS)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("goal event")
        verbose_name_plural = _("goal events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.goal_id} {self.kind}"


class Question(models.Model):
    """A learner's question to their cohort's coaches, asked from a module."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_questions"
    )
    # Deleting a cohort leaves the learner their questions and answers (no coach sees them then).
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("question"))
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True, help_text=_("Markdown."))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # A conversation: the learner's follow-ups to an answered question point at the first one.
    follow_up_of = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="follow_ups"
    )

    class Meta:
        verbose_name = _("question to a coach")
        verbose_name_plural = _("questions to coaches")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cohort", "answered_at", "created_at"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def answer_html(self) -> SafeString:
        return markdown_to_html(self.answer)

    @property
    def open_for_reply(self) -> bool:
        """A conversation (first question, follow-ups prefetched) the learner may add to: its
        cohort still exists, the learner is still in it (when the selector says so) and every
        message in it has been answered."""
        if self.follow_up_of_id is not None or self.cohort_id is None:
            return False
        if not getattr(self, "learner_in_cohort", True):
            return False
        return all(m.answered_at for m in [self, *self.follow_ups.all()])


class ProfileShare(models.Model):
    """The learner lets one cohort's coaches see their attitude profile; deleted on withdrawal."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile_shares"
    )
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="profile_shares")
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("shared profile")
        verbose_name_plural = _("shared profiles")
        constraints = [
            models.UniqueConstraint(fields=["learner", "cohort"], name="profile_share_once")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} → {self.cohort_id}"


class Notification(models.Model):
    """Something for a learner to look at on the site; also sent by e-mail."""

    FEEDBACK = "feedback"
    ANSWER = "answer"
    GOAL = "goal"
    KINDS = [
        (FEEDBACK, _("feedback on an answer")),
        (ANSWER, _("answer to a question")),
        (GOAL, _("new goal")),
    ]

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coaching_notifications"
    )
    kind = models.CharField(max_length=10, choices=KINDS)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.message
