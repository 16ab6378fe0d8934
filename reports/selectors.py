"""Reads for HR: the completion rows, the dashboard figures, reminders. All scoped to one
organisation, and each a fixed number of queries whatever the number of learners.

The completion rows are one SQL statement (joins and correlated subqueries, no per-row queries),
so the same statement serves the paginated page, the streamed CSV and `COPY ... TO STDOUT`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import connections, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, TruncDate, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from courses.models import (
    Assignment,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    ModulePage,
    ModuleProgress,
)
from people.models import Organisation, Team, User

from .columns import COLUMNS, DATE
from .models import (
    DEFAULT_DAYS_BEFORE,
    ExportJob,
    ReminderKind,
    ReminderSent,
    ReminderSettings,
)

if TYPE_CHECKING:
    from .filters import CompletionFilterSet

# --- Statuses -----------------------------------------------------------------------------------


# The report's name for a learner's status on a course; the one definition lives in courses.
Status = EnrolmentStatus


def status_q(status: str, *, today: date) -> Q:
    """The status as plain conditions on the enrolment (index-friendly, unlike the CASE)."""
    return Status(status).condition(today=today)


# --- Filters (reports.filters has what each one means) -------------------------------------------

NO_TEAM = "none"  # ?team=none: the people in no team


def organisation_enrolments(*, organisation: Organisation) -> QuerySet[Enrolment]:
    """Every enrolment of the organisation's people: the one place the HR scope is applied."""
    return Enrolment.objects.filter(user__organisation=organisation)


def filtered_enrolments(*, filters: CompletionFilterSet) -> QuerySet[Enrolment]:
    """The chosen enrolments, neither annotated nor ordered: for counting them, and figures."""
    rows = organisation_enrolments(organisation=filters.organisation)
    return filters.filter_queryset(rows, ordered=False)


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# --- Rows ---------------------------------------------------------------------------------------


def live_module_counts() -> tuple[dict[int, int], list[int]]:
    """Live modules per course id, and every live module's id: two queries, catalogue-sized."""
    course_paths = dict(CoursePage.objects.values_list("path", "pk"))
    counts: dict[int, int] = {}
    module_ids: list[int] = []
    for pk, course_path in ModulePage.objects.live_in().values_list("pk", "course_path"):
        course_id = course_paths.get(course_path)
        if course_id is not None:
            counts[course_id] = counts.get(course_id, 0) + 1
            module_ids.append(pk)
    return counts, module_ids


def _progress_expression(counts: dict[int, int], module_ids: list[int]):
    """Percent of the course's live modules completed: 100 once the course is complete."""
    done = (
        ModuleProgress.objects.filter(
            enrolment=OuterRef("pk"), completed_at__isnull=False, module_id__in=module_ids
        )
        .order_by()
        .values("enrolment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    total = Case(
        *(When(course_id=course_id, then=Value(n)) for course_id, n in counts.items() if n),
        default=Value(None),
        output_field=IntegerField(),
    )
    # One correlated count per row; a course without live modules divides by NULL, giving 0.
    percent = Coalesce(Coalesce(Subquery(done), 0) * 100 / total, 0)
    return Case(
        When(completed_at__isnull=False, then=Value(100)),
        default=percent,
        output_field=IntegerField(),
    )


STATUS_RANK = Case(
    # Sorting by status puts the ones needing attention first.
    When(status=Status.OVERDUE, then=Value(0)),
    When(status=Status.NOT_STARTED, then=Value(1)),
    When(status=Status.IN_PROGRESS, then=Value(2)),
    default=Value(3),
)

# The columns of a completion row, in export order.
ROW_COLUMNS = tuple(column.field for column in COLUMNS)


def completion_rows(
    *,
    filters: CompletionFilterSet,
    module_counts: tuple[dict[int, int], list[int]] | None = None,
) -> QuerySet[Enrolment]:
    """The filtered, annotated, ordered completion rows (not yet evaluated)."""
    today = filters.today
    counts, module_ids = module_counts or live_module_counts()
    certificate = (
        Certificate.objects.current()
        .filter(user_id=OuterRef("user_id"), course_id=OuterRef("course_id"))
        .order_by()
        .values("code")[:1]
    )
    rows = (
        organisation_enrolments(organisation=filters.organisation)
        .with_status(today)
        .annotate(
            progress=_progress_expression(counts, module_ids),
            assigned_on=TruncDate("assigned_at"),
            started_on=TruncDate("started_at"),
            completed_on=TruncDate("completed_at"),
            certificate_code=Subquery(certificate),
        )
    )
    # The filters, then the sort, which may order by any annotation above or status_rank.
    return filters.filter_queryset(rows.alias(status_rank=STATUS_RANK))


def completion_values(rows: QuerySet[Enrolment]) -> QuerySet:
    """Just the export columns, as tuples: what the CSV, the XLSX and the bench's COPY read."""
    return rows.values_list(*ROW_COLUMNS)


CSV_COLUMNS = tuple(
    f"{column.field}_text" if column.kind == DATE else column.field for column in COLUMNS
)


def completion_csv_values(rows: QuerySet[Enrolment]) -> QuerySet:
    """The export columns with the dates as ISO text, formatted by the database (as COPY would):
    the CSV writer then handles nothing but text and numbers."""
    text = CharField()
    return rows.annotate(
        **{
            f"{column.field}_text": Cast(column.field, text)
            for column in COLUMNS
            if column.kind == DATE
        }
    ).values_list(*CSV_COLUMNS)


def completion_tuples(rows: QuerySet[Enrolment], *, chunk_size: int = 2000) -> Iterator[tuple]:
    """The export columns as the database returns them, streamed from a server-side cursor.

    For the streamed CSV: no per-value conversion by the ORM (completion_csv_values has the dates
    as ISO text already). Read in a transaction of its own, so
    PostgreSQL streams the rows instead of first storing the whole result for a WITH HOLD
    cursor; and without JIT for this statement: compiling its CASE expressions took longer than
    running the query.
    """
    values = completion_csv_values(rows)
    connection = connections[values.db]
    sql, params = values.query.sql_with_params()
    with transaction.atomic(using=values.db):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL datestyle = 'ISO, YMD'")  # dates as YYYY-MM-DD
        with connection.chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(chunk_size):
                yield from chunk


class CompletionRow:
    """One row on the report page: each column's value as an attribute named by its key
    (row.name, row.due, ...), and as (column, value) pairs in order (row.cells)."""

    def __init__(self, values: Iterable) -> None:
        self.cells = list(zip(COLUMNS, values, strict=True))
        for column, value in self.cells:
            setattr(self, column.key, value)

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def badge_class(self) -> str:
        return {
            Status.COMPLETED: "badge--done",
            Status.OVERDUE: "badge--overdue",
            Status.IN_PROGRESS: "badge--progress",
        }.get(self.status, "badge--muted")


def completion_page_rows(values: Iterable[tuple]) -> list[CompletionRow]:
    return [CompletionRow(row) for row in values]


# --- Dashboard ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupFigures:
    """Counts for one course or one team."""

    label: str
    total: int
    completed: int
    overdue: int
    in_progress: int
    key: int | None = None

    @property
    def not_started(self) -> int:
        return self.total - self.completed - self.overdue - self.in_progress

    @property
    def rate(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0


@dataclass(frozen=True)
class WeekFigure:
    start: date
    completed: int


@dataclass
class Dashboard:
    courses: list[GroupFigures] = field(default_factory=list)
    teams: list[GroupFigures] = field(default_factory=list)
    weeks: list[WeekFigure] = field(default_factory=list)

    @property
    def total(self) -> GroupFigures:
        def add(name: str) -> int:
            return sum(getattr(group, name) for group in self.courses)

        return GroupFigures(
            str(_("All courses")),
            add("total"),
            add("completed"),
            add("overdue"),
            add("in_progress"),
        )

    @property
    def is_empty(self) -> bool:
        return not self.courses


def _counts(today: date) -> dict:
    return {
        "total": Count("pk"),
        **{
            name: Count("pk", filter=status.condition(today=today))
            for name, status in (
                ("completed", Status.COMPLETED),
                ("overdue", Status.OVERDUE),
                ("in_progress", Status.IN_PROGRESS),
            )
        },
    }


WEEKS = 12


def dashboard_figures(
    *, enrolments: QuerySet[Enrolment], today: date | None = None, weeks: int = WEEKS
) -> Dashboard:
    """Completion per course and per team, and completions per week.

    One pass over the enrolments, grouped by course, team and (recent) completion week; the
    sums per course and per team are added up here. Then course titles and team names: two
    small queries. Three in all, and only the first grows with the number of learners.
    """
    today = today or timezone.localdate()
    this_week = today - timedelta(days=today.weekday())
    first_week = this_week - timedelta(weeks=weeks - 1)
    recent = Case(
        When(completed_at__gte=day_start(first_week), then=TruncWeek("completed_at")),
        default=Value(None),
    )
    groups = (
        enrolments.order_by()
        .annotate(week=recent)
        .values("course_id", "user__team_id", "week")
        .annotate(**_counts(today))
    )
    by_course: dict[int, list[int]] = {}
    by_team: dict[int | None, list[int]] = {}
    per_week: dict[date, int] = {}
    for row in groups:
        counts = (row["total"], row["completed"], row["overdue"], row["in_progress"])
        for totals in (
            by_course.setdefault(row["course_id"], [0, 0, 0, 0]),
            by_team.setdefault(row["user__team_id"], [0, 0, 0, 0]),
        ):
            for index, value in enumerate(counts):
                totals[index] += value
        if row["week"] is not None:
            week = _as_date(row["week"])
            per_week[week] = per_week.get(week, 0) + row["completed"]
    titles = dict(CoursePage.objects.filter(pk__in=list(by_course)).values_list("pk", "title"))
    names = dict(Team.objects.filter(pk__in=[pk for pk in by_team if pk]).values_list("pk", "name"))
    courses = sorted(
        (GroupFigures(titles.get(pk, "?"), *totals, key=pk) for pk, totals in by_course.items()),
        key=lambda group: (group.label.casefold(), group.key),
    )
    no_team = str(_("No team"))
    teams = sorted(
        (
            GroupFigures(names.get(pk, no_team) if pk else no_team, *totals, key=pk)
            for pk, totals in by_team.items()
        ),
        key=lambda group: (group.key is None, group.label.casefold()),
    )
    week_figures = [
        WeekFigure(start, per_week.get(start, 0))
        for start in (first_week + timedelta(weeks=n) for n in range(weeks))
    ]
    return Dashboard(courses=courses, teams=teams, weeks=week_figures)


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


# --- Choices for HR's forms ----------------------------------------------------------------------


def organisation_teams(*, organisation: Organisation) -> QuerySet[Team]:
    return Team.objects.filter(organisation=organisation).order_by("name")


def assignable_courses(*, organisation: Organisation) -> QuerySet[CoursePage]:
    """Live courses the organisation's people may take: open to all, or limited to it."""
    allowed = Q(organisations__isnull=True) | Q(organisations=organisation)
    return (
        CoursePage.objects.live()
        .originals()
        .filter(pk__in=CoursePage.objects.filter(allowed).values("pk"))
        .order_by("title")
    )


def reported_courses(*, organisation: Organisation) -> QuerySet[CoursePage]:
    """Courses for the report's filter: those HR can assign now, and any assigned before.

    (Not "every course someone enrolled on": that reads every enrolment on every page view.)
    """
    assigned = Assignment.objects.filter(organisation=organisation).values("course_id")
    allowed = Q(organisations__isnull=True) | Q(organisations=organisation)
    return CoursePage.objects.filter(
        Q(pk__in=CoursePage.objects.live().originals().filter(allowed).values("pk"))
        | Q(pk__in=assigned)
    ).order_by("title")


def organisation_members_by_email(
    *, organisation: Organisation, emails: Iterable[str]
) -> dict[str, User]:
    """Active members of the organisation with these (lower-case) e-mail addresses."""
    emails = sorted(set(emails))
    found: dict[str, User] = {}
    for start in range(0, len(emails), 500):  # SQLite caps the parameters of one statement
        chunk = emails[start : start + 500]
        for user in User.objects.filter(organisation=organisation, is_active=True, email__in=chunk):
            found[user.email.lower()] = user
    return found


def recent_assignments(*, organisation: Organisation, limit: int = 10) -> list[Assignment]:
    return list(
        Assignment.objects.filter(organisation=organisation)
        .select_related("course", "team", "assigned_by")
        .order_by("-created_at", "-pk")[:limit]
    )


# --- Reminders -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderPolicy:
    """An organisation's reminder rules, with the defaults when HR has not changed them."""

    due_soon_enabled: bool = True
    days_before: int = DEFAULT_DAYS_BEFORE
    overdue_enabled: bool = True
    message: str = ""

    @property
    def any_enabled(self) -> bool:
        return self.due_soon_enabled or self.overdue_enabled


def reminder_policy(*, organisation_id: int | None) -> ReminderPolicy:
    row = (
        ReminderSettings.objects.filter(organisation_id=organisation_id).first()
        if organisation_id
        else None
    )
    if row is None:
        return ReminderPolicy()
    return ReminderPolicy(
        due_soon_enabled=row.due_soon_enabled,
        days_before=row.days_before,
        overdue_enabled=row.overdue_enabled,
        message=row.message,
    )


def reminders_sent_to(*, user: User, limit: int = 5) -> list[ReminderSent]:
    return list(
        ReminderSent.objects.filter(enrolment__user=user)
        .select_related("enrolment__course")
        .order_by("-sent_at")[:limit]
    )


def reminders_sent_count(*, organisation: Organisation, since: datetime) -> int:
    return ReminderSent.objects.filter(
        enrolment__user__organisation=organisation, sent_at__gte=since
    ).count()


def reminder_candidates(
    *, organisation: Organisation, policy: ReminderPolicy, kind: str, today: date
) -> QuerySet[Enrolment]:
    """Open enrolments due for a reminder of this kind that has not gone out for this due date."""
    rows = organisation_enrolments(organisation=organisation).filter(
        completed_at__isnull=True,
        due_date__isnull=False,
        user__is_active=True,
        course__live=True,
    )
    if kind == ReminderKind.DUE_SOON:
        rows = rows.filter(
            due_date__gte=today, due_date__lte=today + timedelta(days=policy.days_before)
        )
    else:
        rows = rows.filter_status(Status.OVERDUE, today=today)
    already = ReminderSent.objects.filter(
        enrolment=OuterRef("pk"), kind=kind, due_date=OuterRef("due_date")
    )
    return rows.filter(~Exists(already)).select_related("user", "course")


def assignment_notice_candidates(*, assignment_id: int) -> QuerySet[Enrolment]:
    """The open enrolments an assignment set, not yet told about it (for this due date)."""
    already = ReminderSent.objects.filter(
        enrolment=OuterRef("pk"), kind=ReminderKind.ASSIGNED, due_date=OuterRef("due_date")
    )
    return (
        Enrolment.objects.filter(
            assignment_id=assignment_id,
            completed_at__isnull=True,
            due_date__isnull=False,
            user__is_active=True,
            course__live=True,
        )
        .filter(~Exists(already))
        .select_related("user", "course")
    )


def assignments_with_unsent_notices(*, since: datetime) -> list[int]:
    """Assignments made since `since` whose e-mails were asked for and not all sent."""
    unsent = assignment_notice_candidates(assignment_id=OuterRef("pk"))
    return list(
        Assignment.objects.filter(notify=True, created_at__gte=since)
        .filter(Exists(unsent))
        .values_list("pk", flat=True)
    )


def organisations_with_due_dates() -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        pk__in=Enrolment.objects.filter(completed_at__isnull=True, due_date__isnull=False).values(
            "user__organisation_id"
        )
    )


# --- Export jobs ---------------------------------------------------------------------------------


def export_job_for(*, user: User, job_id) -> ExportJob | None:
    """The job, if this user asked for it; anyone else's is None (a 404)."""
    return ExportJob.objects.filter(pk=job_id, requester=user).first()


def recent_export_jobs(*, user: User, limit: int = 5) -> list[ExportJob]:
    return list(ExportJob.objects.filter(requester=user).order_by("-created_at")[:limit])
