"""HR: reminder rules and sends, and background export jobs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS_BEFORE = 3


class ReminderSettings(models.Model):
    """What an organisation's learners are reminded of, and when. No row: the defaults."""

    organisation = models.OneToOneField(
        "people.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="reminder_settings",
    )
    due_soon_enabled = models.BooleanField(
        _("remind before the due date"),
        default=True,
        help_text=_("One e-mail, the chosen number of days before a course is due."),
    )
    days_before = models.PositiveSmallIntegerField(
        _("days before the due date"),
        default=DEFAULT_DAYS_BEFORE,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    overdue_enabled = models.BooleanField(
        _("remind when overdue"),
        default=True,
        help_text=_("One e-mail, the day after the due date has passed."),
    )
    message = models.TextField(
        _("a note from HR"),
        blank=True,
        max_length=1000,
        help_text=_("Optional. Added to every reminder, e.g. who to ask for help. Plain text."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")

    def __str__(self) -> str:
        return str(self.organisation)


class ReminderKind(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


class ReminderSent(models.Model):
    """One reminder e-mail that went out. The unique constraint is what makes it go out once."""

    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.CASCADE, related_name="reminders_sent"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    # The due date the reminder was about: when HR moves the date, a new reminder may go out.
    due_date = models.DateField(_("due date"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "kind", "due_date"], name="reminder_once_per_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.kind} {self.due_date}"


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", _("Excel (XLSX)")
    PDF = "pdf", _("PDF summary")


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to start")
    RUNNING = "running", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")


def export_upload_to(job: ExportJob, filename: str) -> str:
    # An unguessable folder per job: the file is private to its requester.
    return f"exports/{job.pk.hex}/{filename}"


class ExportJob(models.Model):
    """A completion export built by the worker; only its requester may download it, until expiry."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.CASCADE, related_name="export_jobs"
    )
    filters = models.JSONField(default=dict, blank=True)
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=export_upload_to, blank=True, max_length=255)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["requester", "-created_at"]),
            models.Index(fields=["expires_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.format} export {self.pk}"

    @property
    def progress(self) -> int:
        """Percent done, 0-100."""
        if self.status == ExportStatus.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, round(100 * self.rows_done / self.rows_total))

    @property
    def is_expired(self) -> bool:
        return self.status == ExportStatus.EXPIRED or self.expires_at <= timezone.now()

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED, ExportStatus.EXPIRED)

    @property
    def filename(self) -> str:
        stamp = timezone.localtime(self.created_at).strftime("%Y-%m-%d")
        return f"completions-{stamp}.{self.format}"
