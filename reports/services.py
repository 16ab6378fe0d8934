"""Writes for HR: assign courses, send reminders once, build and expire export files."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.files import File
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.models import Assignment, CoursePage, Enrolment
from people.audit import audit_record
from people.emails import Email, email_render, email_send
from people.languages import language_for
from people.links import absolute_url
from people.models import AuditAction, Organisation, Team, User

from . import selectors
from .columns import COLUMNS
from .filters import CompletionFilterSet
from .models import (
    ExportFormat,
    ExportJob,
    ExportStatus,
    ReminderKind,
    ReminderSent,
    ReminderSettings,
)

logger = logging.getLogger(__name__)

# How long a finished export may be downloaded; the cleanup deletes the file afterwards.
EXPORT_TTL = timedelta(hours=getattr(settings, "REPORTS_EXPORT_TTL_HOURS", 24))
# The PDF summary lists the first rows; the CSV and XLSX carry all of them.
PDF_ROW_LIMIT = 500
_CHUNK = 500  # ids per statement: well under SQLite's parameter limit


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- Assigning ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentOutcome:
    assignment: Assignment
    enrolled: int  # new enrolments
    updated: int  # already enrolled: due date moved
    already_completed: int  # of those, already completed the course
    unknown: list[str] = field(default_factory=list)


class AssignmentRefused(ValueError):
    """The course or team is not the organisation's to assign."""


@transaction.atomic
def assignment_create(
    *,
    organisation: Organisation,
    course: CoursePage,
    due_date: date,
    assigned_by: User | None,
    team: Team | None = None,
    emails: Iterable[str] = (),
    not_emails: Iterable[str] = (),
    notify: bool = False,
) -> AssignmentOutcome:
    """Assign the course to a team and/or people (by e-mail) of the organisation, due on a date.

    Everyone found is enrolled (or keeps their enrolment and progress) with the new due date.
    E-mails matching nobody in the organisation, and entries that are not e-mail addresses
    (`not_emails`), are kept on the assignment and returned, so HR can fix and resend them.
    With `notify`, each person still to finish the course gets one e-mail (by the worker, after
    the assignment is committed).
    """
    if not selectors.assignable_courses(organisation=organisation).filter(pk=course.pk).exists():
        raise AssignmentRefused("This course is not offered to the organisation.")
    if team is not None and team.organisation_id != organisation.pk:
        raise AssignmentRefused("This team belongs to another organisation.")

    user_ids: set[int] = set()
    if team is not None:
        user_ids.update(
            User.objects.filter(organisation=organisation, team=team, is_active=True).values_list(
                "pk", flat=True
            )
        )
    wanted = {email.strip().lower() for email in emails if email.strip()}
    found = selectors.organisation_members_by_email(organisation=organisation, emails=wanted)
    user_ids.update(user.pk for user in found.values())
    unknown = sorted(wanted - set(found)) + [entry for entry in not_emails if entry]

    now = timezone.now()
    assignment = Assignment.objects.create(
        organisation=organisation,
        course=course,
        team=team,
        due_date=due_date,
        assigned_by=assigned_by,
        learner_count=len(user_ids),
        unknown_emails=unknown,
        notify=notify,
    )
    ids = sorted(user_ids)
    existing: set[int] = set()
    completed = 0
    for chunk in _chunks(ids):
        rows = Enrolment.objects.filter(course=course, user_id__in=chunk)
        for user_id, completed_at in rows.values_list("user_id", "completed_at"):
            existing.add(user_id)
            completed += completed_at is not None
    # Insert the missing ones first (a learner enrolling at this moment is simply skipped),
    # then give everyone the assignment's due date in one update per chunk.
    Enrolment.objects.bulk_create(
        [Enrolment(user_id=user_id, course=course) for user_id in ids if user_id not in existing],
        batch_size=1000,
        ignore_conflicts=True,
    )
    for chunk in _chunks(ids):
        Enrolment.objects.filter(course=course, user_id__in=chunk).update(
            due_date=due_date, assigned_at=now, assignment=assignment
        )
    audit_record(
        actor=assigned_by,
        action=AuditAction.COURSE_ASSIGN,
        organisation=organisation,
        target=assignment,
        details={
            "course": course,
            "team": team,
            "due_date": due_date,
            "people": len(ids),
            "enrolled": len(ids) - len(existing),
            # Assigning again is how HR changes a due date: these people's date moved.
            "due_date_moved": len(existing),
            "not_found": len(unknown),
            "notify": notify,
        },
    )
    if notify and ids:
        from .tasks import assignment_notify

        transaction.on_commit(lambda: assignment_notify.enqueue(assignment.pk))
    return AssignmentOutcome(
        assignment=assignment,
        enrolled=len(ids) - len(existing),
        updated=len(existing),
        already_completed=completed,
        unknown=unknown,
    )


@transaction.atomic  # all of a person's team courses, or none (the signal's caller logs why)
def team_assignments_follow(*, user: User, team_id: int, today: date | None = None) -> list[int]:
    """Someone joined a team: enrol them on each course assigned to the team and still due.

    For each course, the team's latest assignment counts; one whose due date has passed is not
    applied (a newcomer would start out overdue: HR assigns again with a new date). A course the
    person already has a due date for keeps it, and their progress is kept. The assignment's
    e-mail goes out if HR asked for one. Returns the ids of the assignments applied.
    """
    today = today or timezone.localdate()
    if not user.is_active or user.organisation_id is None:
        return []
    latest: dict[int, Assignment] = {}
    for assignment in Assignment.objects.filter(
        team_id=team_id, organisation_id=user.organisation_id
    ).order_by("created_at", "pk"):
        latest[assignment.course_id] = assignment
    # One query for the lot: a course since withdrawn from the organisation is not given.
    offered = set(
        selectors.assignable_courses(organisation=user.organisation)
        .filter(pk__in=list(latest))
        .values_list("pk", flat=True)
    )
    applied = []
    for assignment in latest.values():
        if assignment.due_date < today or assignment.course_id not in offered:
            continue
        enrolment, _created = Enrolment.objects.get_or_create(
            user=user, course_id=assignment.course_id
        )
        if enrolment.completed_at is not None or enrolment.due_date is not None:
            continue
        enrolment.due_date = assignment.due_date
        enrolment.assigned_at = timezone.now()
        enrolment.assignment = assignment
        enrolment.save(update_fields=["due_date", "assigned_at", "assignment"])
        Assignment.objects.filter(pk=assignment.pk).update(learner_count=F("learner_count") + 1)
        applied.append(assignment.pk)
        if assignment.notify:
            from .tasks import assignment_notify

            transaction.on_commit(
                lambda pk=assignment.pk: assignment_notify.enqueue(pk), robust=True
            )
    return applied


# --- Reminders ----------------------------------------------------------------------------------


def reminder_settings_save(
    *,
    organisation: Organisation,
    due_soon_enabled: bool,
    days_before: int,
    overdue_enabled: bool,
    message: str,
) -> ReminderSettings:
    row, _created = ReminderSettings.objects.update_or_create(
        organisation=organisation,
        defaults={
            "due_soon_enabled": due_soon_enabled,
            "days_before": days_before,
            "overdue_enabled": overdue_enabled,
            "message": message.strip(),
        },
    )
    return row


def reminder_message(
    *,
    kind: str,
    learner_name: str,
    course_title: str,
    course_url: str,
    due_date: date,
    today: date,
    note: str,
    language: str | None = None,
) -> Email:
    """The e-mail a learner gets, in `language` (theirs); HR previews exactly this (its text)
    on the reminders page."""
    context = {
        "kind": kind,
        "is_assigned": kind == ReminderKind.ASSIGNED,
        "is_overdue": kind == ReminderKind.OVERDUE,
        "name": learner_name,
        "course": course_title,
        "course_url": course_url,
        "due_date": due_date,
        "days_left": (due_date - today).days,
        "days_over": (today - due_date).days,
        "note": note,
    }
    return email_render(template="reports/email/reminder", context=context, language=language)


def course_url_for(course: CoursePage) -> str:
    """Where the e-mail sends the learner: the course page (My learning if it has no address)."""
    path = course.get_url_parts()
    return absolute_url(path[2] if path and path[2] else reverse("courses:learn"))


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0
    failed: int = 0

    def count(self, result: bool | None) -> None:
        """Tally one `reminder_send` result."""
        if result is True:
            self.sent += 1
        elif result is False:
            self.already_sent += 1
        else:
            self.failed += 1

    def add(self, other: ReminderRun) -> None:
        self.sent += other.sent
        self.already_sent += other.already_sent
        self.failed += other.failed


def reminder_send(
    *,
    enrolment: Enrolment,
    kind: str,
    policy: selectors.ReminderPolicy,
    today: date,
    connection=None,
) -> bool | None:
    """Send one reminder unless it went out already. True: sent; False: already; None: failed.

    The ReminderSent row is written first, in the same transaction as the send: a second worker
    racing for the same reminder waits on the unique constraint and then finds it taken; a send
    that fails rolls the row back, so the next run tries again.
    """
    try:
        with transaction.atomic():
            ReminderSent.objects.create(enrolment=enrolment, kind=kind, due_date=enrolment.due_date)
            message = reminder_message(
                kind=kind,
                learner_name=enrolment.user.greeting_name,
                course_title=enrolment.course.title,
                course_url=course_url_for(enrolment.course),
                due_date=enrolment.due_date,
                today=today,
                note=policy.message,
                language=language_for(enrolment.user),
            )
            email_send(to=[enrolment.user.email], email=message, connection=connection)
    except IntegrityError:
        return False
    except Exception:  # a mail server refusing one message must not stop the others
        logger.exception("Reminder for enrolment %s (%s) not sent", enrolment.pk, kind)
        return None
    return True


def _send_each(
    candidates, ids: list[int], *, kind: str, policy, today: date, connection, run: ReminderRun
) -> None:
    """Send `kind` to each candidate enrolment among `ids`, tallying into `run`.

    Ids first (the caller's), then rows in chunks: no cursor stays open while we write.
    """
    for chunk in _chunks(ids):
        for enrolment in candidates.filter(pk__in=chunk):
            run.count(
                reminder_send(
                    enrolment=enrolment,
                    kind=kind,
                    policy=policy,
                    today=today,
                    connection=connection,
                )
            )


def assignment_notify(*, assignment_id: int, today: date | None = None) -> ReminderRun:
    """Tell each learner of an assignment about it, once per due date (safe to run twice)."""
    today = today or timezone.localdate()
    run = ReminderRun()
    candidates = selectors.assignment_notice_candidates(assignment_id=assignment_id)
    ids = list(candidates.values_list("pk", flat=True))
    if not ids:
        return run
    organisation_id = (
        Assignment.objects.filter(pk=assignment_id)
        .values_list("organisation_id", flat=True)
        .first()
    )
    policy = selectors.reminder_policy(organisation_id=organisation_id)  # HR's note, if any
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        _send_each(
            candidates,
            ids,
            kind=ReminderKind.ASSIGNED,
            policy=policy,
            today=today,
            connection=connection,
            run=run,
        )
    return run


# How long the daily run keeps retrying an assignment e-mail that could not be sent.
ASSIGNMENT_NOTICE_RETRY_DAYS = 7


def reminders_send(*, today: date | None = None) -> ReminderRun:
    """Every reminder due today across all organisations, each exactly once.

    Assignment e-mails that failed (mail server down) go out here too, for a week.
    """
    today = today or timezone.localdate()
    run = ReminderRun()
    since = timezone.now() - timedelta(days=ASSIGNMENT_NOTICE_RETRY_DAYS)
    for assignment_id in selectors.assignments_with_unsent_notices(since=since):
        run.add(assignment_notify(assignment_id=assignment_id, today=today))
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        for organisation in selectors.organisations_with_due_dates():
            policy = selectors.reminder_policy(organisation_id=organisation.pk)
            kinds = [
                (ReminderKind.DUE_SOON, policy.due_soon_enabled),
                (ReminderKind.OVERDUE, policy.overdue_enabled),
            ]
            for kind, enabled in kinds:
                if not enabled:
                    continue
                candidates = selectors.reminder_candidates(
                    organisation=organisation, policy=policy, kind=kind, today=today
                )
                ids = list(candidates.values_list("pk", flat=True))
                _send_each(
                    candidates,
                    ids,
                    kind=kind,
                    policy=policy,
                    today=today,
                    connection=connection,
                    run=run,
                )
    return run


# --- Export jobs --------------------------------------------------------------------------------


def export_job_create(
    *,
    requester: User,
    organisation: Organisation,
    filters: CompletionFilterSet,
    format: str,
) -> ExportJob:
    """Record the job and hand it to the worker; the requester watches its page."""
    from .tasks import export_build

    now = timezone.now()
    job = ExportJob.objects.create(
        requester=requester,
        organisation=organisation,
        filters=filters.stored(),
        format=format,
        created_at=now,
        expires_at=now + EXPORT_TTL,
    )
    export_build.enqueue(str(job.pk))
    export_record(
        actor=requester, organisation=organisation, filters=filters, format=format, job=job
    )
    return job


def export_record(
    *,
    actor: User | None,
    organisation: Organisation,
    filters: CompletionFilterSet,
    format: str,
    job: ExportJob | None = None,
) -> None:
    """Put an export of people's records on the audit trail (actor None: the command line)."""
    audit_record(
        actor=actor,
        action=AuditAction.HR_EXPORT,
        organisation=organisation,
        target=job,
        details={"format": str(format), "filters": filters.stored()},
        # The filters in words as they read now: the team or course may later be renamed.
        labels={"filters": "; ".join(filters.description()) or _("none (everyone)")},
    )


def _progress_writer(job_id, total: int):
    """Write progress at most once per percent: a handful of updates, however many rows."""
    last = {"percent": -1}

    def write(done: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != last["percent"]:
            last["percent"] = percent
            ExportJob.objects.filter(pk=job_id).update(rows_done=done)

    return write


def export_job_run(*, job_id) -> ExportJob | None:
    """Build the job's file. Safe to run again (a worker died): it starts over, and a finished
    or expired job is left alone."""
    now = timezone.now()
    claimed = ExportJob.objects.filter(
        pk=job_id, status__in=[ExportStatus.PENDING, ExportStatus.RUNNING]
    ).update(status=ExportStatus.RUNNING, started_at=now, attempts=F("attempts") + 1, rows_done=0)
    if not claimed:
        return None
    job = ExportJob.objects.select_related("organisation").get(pk=job_id)
    if job.expires_at <= now:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.EXPIRED)
        return job
    try:
        _export_build(job)
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED, error=f"{type(error).__name__}", finished_at=timezone.now()
        )
        raise
    job.refresh_from_db()
    return job


def _export_build(job: ExportJob) -> None:
    filters = CompletionFilterSet.from_values(job.filters, organisation=job.organisation)
    if not filters.is_valid():
        # A team or course gone since the job was asked for: the file would not be what was asked.
        raise ValueError(f"The export's filters are no longer valid: {filters.errors.as_json()}")
    rows = selectors.completion_rows(filters=filters)
    with translation.override(settings.LANGUAGE_CODE), tempfile.TemporaryFile() as handle:
        if job.format == ExportFormat.PDF:
            total = rows.count()
            ExportJob.objects.filter(pk=job.pk).update(rows_total=total)
            handle.write(_pdf_bytes(job, filters, rows, total))
        else:
            total = rows.count()
            ExportJob.objects.filter(pk=job.pk).update(rows_total=total)
            progress = _progress_writer(job.pk, total)
            if job.format == ExportFormat.CSV:
                from .exports import csv_write

                csv_write(selectors.completion_tuples(rows), handle, on_progress=progress)
            else:
                from .exports import xlsx_write

                # The ORM's typed values: real dates for the spreadsheet's date cells.
                values = selectors.completion_values(rows).iterator(chunk_size=2000)
                xlsx_write(values, handle, title=job.organisation.name, on_progress=progress)
        handle.seek(0)
        job.file.save(job.filename, File(handle), save=False)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.DONE,
        file=job.file.name,
        rows_done=total,
        finished_at=timezone.now(),
    )


def summary_context(
    *,
    organisation: Organisation,
    filters: CompletionFilterSet,
    rows,
    total: int,
    row_limit: int = PDF_ROW_LIMIT,
) -> dict:
    """What the PDF summary shows: figures and charts for exactly the filtered rows."""
    from .charts import pdf_bars, pdf_legend, pdf_weeks

    dashboard = selectors.dashboard_figures(
        enrolments=selectors.filtered_enrolments(filters=filters)
    )
    first = selectors.completion_page_rows(selectors.completion_values(rows)[:row_limit])
    return {
        "organisation": organisation,
        "generated_at": timezone.localtime(),
        "filters": filters.description(),
        "dashboard": dashboard,
        "total": total,
        "columns": [column for column in COLUMNS if column.in_pdf],
        "rows": first,
        "row_limit": row_limit,
        "legend": pdf_legend(),
        "course_bars": pdf_bars(dashboard.courses),
        "team_bars": pdf_bars(dashboard.teams),
        "weeks": pdf_weeks(dashboard.weeks),
    }


def _pdf_bytes(job: ExportJob, filters, rows, total: int) -> bytes:
    from .exports import pdf_summary

    context = summary_context(
        organisation=job.organisation, filters=filters, rows=rows, total=total
    )
    ExportJob.objects.filter(pk=job.pk).update(rows_done=total // 2)
    return pdf_summary(context)


def export_jobs_expire(*, now: datetime | None = None) -> int:
    """Delete the files of expired exports and mark them expired. Returns how many."""
    now = now or timezone.now()
    jobs = ExportJob.objects.filter(expires_at__lte=now).exclude(
        status=ExportStatus.EXPIRED, file=""
    )
    count = 0
    for job in jobs.iterator(chunk_size=200):
        if job.file:
            try:
                job.file.storage.delete(job.file.name)
            except OSError:
                logger.exception("Could not delete expired export %s", job.pk)
                continue
        ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.EXPIRED, file="")
        count += 1
    return count
