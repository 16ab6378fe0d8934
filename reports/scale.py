"""A large synthetic organisation for benchmarks and for trying the reports (`seed_scale`).

Bulk inserts in batches: users (bulk_create), then group memberships, enrolments, module progress
(and, if asked, certificates) as plain rows: COPY on PostgreSQL, executemany elsewhere. Statuses,
teams and dates follow a fixed arithmetic pattern, so two runs with the same sizes build the same
shape of data.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from certificates.models import Certificate
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage, ModuleProgress
from people.models import Organisation, Team, User
from people.roles import Role
from people.services import roles_ensure

BATCH = 2000  # learners per batch: about BATCH * courses-per-learner enrolments
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class ScaleOrganisationExists(Exception):
    pass


@dataclass(frozen=True)
class ScaleResult:
    organisation: Organisation
    learners: int
    courses: int
    enrolments: int
    progress_rows: int
    certificates: int
    hr_email: str


def _code() -> str:
    # Like certificate_code_new (100 random bits, Crockford base32), without 20 secrets calls.
    raw = int.from_bytes(os.urandom(13), "big") >> 4
    chars = "".join(_CROCKFORD[(raw >> (5 * i)) & 31] for i in range(20))
    return "-".join(chars[i : i + 5] for i in range(0, 20, 5))


STEPS = [
    {"type": "story", "value": {"heading": "A scene", "body": "<p>A customer waits.</p>"}},
    {"type": "takeaways", "value": {"heading": "Takeaways", "items": ["Look up", "Say hello"]}},
]


def _courses(
    index: CourseIndexPage, organisation: Organisation, count: int, modules: int
) -> list[tuple[CoursePage, list[ModulePage]]]:
    """Live courses limited to the organisation (nobody else sees them), without revisions."""
    result = []
    for number in range(1, count + 1):
        course = CoursePage(
            title=f"{organisation.name}: course {number}",
            slug=f"{organisation.slug}-course-{number}",
            summary="A synthetic course for benchmarks.",
        )
        course.organisations = [organisation]
        index.add_child(instance=course)
        children = []
        for module_number in range(1, modules + 1):
            module = ModulePage(
                title=f"Module {module_number}",
                slug=f"module-{module_number}",
                summary="A synthetic module.",
                source_title="Synthetic",
                steps=STEPS,
            )
            course.add_child(instance=module)
            children.append(module)
        result.append((course, children))
    return result


def scale_seed(
    *,
    learners: int,
    courses: int,
    slug: str = "scale",
    per_learner: int = 10,
    modules: int = 5,
    teams: int = 20,
    password: str = "touchpoint-scale",  # noqa: S107 - synthetic accounts, printed
    certificates: bool = False,
    progress: Callable[[str], None] | None = None,
    course_index: Callable[[], CourseIndexPage],
) -> ScaleResult:
    """Create the organisation `slug` with its HR person, teams, courses and learners.

    `course_index` gives the catalogue page the courses go under, creating it (and the site's
    home) if need be; it is cms's to build, and courses may not import cms.
    """
    say = progress or (lambda message: None)
    if Organisation.objects.filter(slug=slug).exists():
        raise ScaleOrganisationExists(slug)
    per_learner = max(1, min(per_learner, courses))
    groups = roles_ensure()
    now = timezone.now()
    today = timezone.localdate()

    with transaction.atomic():
        organisation = Organisation.objects.create(name=f"Scale {slug}", slug=slug)
        team_list = Team.objects.bulk_create(
            [Team(organisation=organisation, name=f"Team {n:02d}") for n in range(1, teams + 1)]
        )
        hr_email = f"hr@{slug}.scale.example"
        hr = User.objects.create_user(
            email=hr_email, password=password, full_name=f"HR {slug}", organisation=organisation
        )
        hr.groups.add(groups[Role.HR])
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=hr, email=hr_email, verified=True, primary=True)
        course_list = _courses(course_index(), organisation, courses, modules)
    say(f"Organisation {slug!r}: {teams} teams, {courses} courses of {modules} modules.")

    password_hash = make_password(password)  # hashed once: every synthetic learner shares it
    learner_group = groups[Role.LEARNER]
    membership = User.groups.through
    totals = {"enrolments": 0, "progress": 0, "certificates": 0}
    for start in range(0, learners, BATCH):
        numbers = range(start, min(start + BATCH, learners))
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        email=f"learner{n:07d}@{slug}.scale.example",
                        full_name=f"Learner {n:07d}",
                        organisation=organisation,
                        team=team_list[n % len(team_list)] if team_list else None,
                        password=password_hash,
                        date_joined=now,
                    )
                    for n in numbers
                ],
                batch_size=BATCH,
            )
            _insert(
                membership,
                ["id", "user_id", "group_id"],
                [
                    (pk, user.pk, learner_group.pk)
                    for pk, user in zip(_allocate_ids(membership, len(users)), users, strict=True)
                ],
            )
            _enrol_batch(
                users=list(zip(numbers, users, strict=True)),
                course_list=course_list,
                per_learner=per_learner,
                now=now,
                today=today,
                certificates=certificates,
                totals=totals,
            )
        say(f"  {min(start + BATCH, learners)} of {learners} learners")
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner sees the new rows (the reports' plans depend on it).
        tables = [model._meta.db_table for model in (User, Enrolment, ModuleProgress, Certificate)]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))
    return ScaleResult(
        organisation=organisation,
        learners=learners,
        courses=courses,
        enrolments=totals["enrolments"],
        progress_rows=totals["progress"],
        certificates=totals["certificates"],
        hr_email=hr_email,
    )


def _allocate_ids(model, count: int) -> list[int]:
    """Primary keys for rows inserted without RETURNING (COPY cannot return them)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite and others: the writer holds the database lock for this transaction.
        quoted = connection.ops.quote_name(table)  # a model's own table name, not user input
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quoted}")  # noqa: S608
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


def _insert(model, names: list[str], rows: list[tuple]) -> None:
    """Insert plain rows fast: COPY on PostgreSQL, executemany elsewhere. No model instances:
    at millions of rows, building and saving model objects is most of the time.

    `names` are the attnames the tuples hold; every other column gets the field's default.
    """
    if not rows:
        return
    fields = {field.attname: field for field in model._meta.concrete_fields}
    rest = [field for attname, field in fields.items() if attname not in names]
    tail = tuple(field.get_default() for field in rest)
    columns = [fields[name].column for name in names] + [field.column for field in rest]
    table = connection.ops.quote_name(model._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tail_text = "".join("\t" + _copy_text(value) for value in tail)
            with cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                for start in range(0, len(rows), 10_000):
                    lines = [
                        "\t".join(map(_copy_text, row)) + tail_text + "\n"
                        for row in rows[start : start + 10_000]
                    ]
                    copy.write("".join(lines).encode())
            return
        ordered = [fields[name] for name in names] + rest
        values = [
            [
                field.get_db_prep_save(value, connection)
                for field, value in zip(ordered, row + tail, strict=True)
            ]
            for row in rows
        ]
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"  # noqa: S608
        cursor.executemany(sql, values)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | dict):
        value = json.dumps(value)
    return str(value).translate(_ESCAPES)


ENROLMENT_COLUMNS = [
    "id",
    "user_id",
    "course_id",
    "enrolled_at",
    "due_date",
    "assigned_at",
    "started_at",
    "completed_at",
    "resume_step",
]
PROGRESS_COLUMNS = [
    "id",
    "enrolment_id",
    "module_id",
    "completed_step_ids",
    "started_at",
    "completed_at",
]
CERTIFICATE_COLUMNS = [
    "id",
    "code",
    "user_id",
    "course_id",
    "learner_name",
    "course_title",
    "completed_on",
    "issued_at",
]


def _enrol_batch(
    *,
    users: list[tuple[int, User]],
    course_list: list[tuple[CoursePage, list[ModulePage]]],
    per_learner: int,
    now: datetime,
    today: date,
    certificates: bool,
    totals: dict[str, int],
) -> None:
    plans = []
    for n, user in users:
        for j in range(per_learner):
            course_index = (n + j) % len(course_list)
            modules = course_list[course_index][1]
            shape = (n * 7919 + j * 104729) % 100  # a fixed spread of statuses and dates
            assigned = now - timedelta(days=5 + shape % 60)
            due = today + timedelta(days=(shape % 45) - 20)  # about 4 in 9 already past
            started = completed = None
            done = 0
            if shape < 40:  # completed
                started = assigned + timedelta(days=1)
                completed = started + timedelta(days=1 + shape % 4)
                done = len(modules)
            elif shape < 70:  # in progress
                started = assigned + timedelta(days=1)
                done = shape % max(1, len(modules))
            plans.append((user, course_index, assigned, due, started, completed, done))
    ids = _allocate_ids(Enrolment, len(plans))
    _insert(
        Enrolment,
        ENROLMENT_COLUMNS,
        [
            (pk, user.pk, course_list[index][0].pk, assigned, due, assigned, started, completed, 1)
            for pk, (user, index, assigned, due, started, completed, _done) in zip(
                ids, plans, strict=True
            )
        ],
    )
    totals["enrolments"] += len(plans)

    progress = []
    issued = []
    for pk, (user, index, _assigned, _due, started, completed, done) in zip(
        ids, plans, strict=True
    ):
        course, modules = course_list[index]
        for module in modules[:done]:
            progress.append((pk, module.pk, [], started, completed or started))
        if certificates and completed is not None:
            issued.append(
                (
                    _code(),
                    user.pk,
                    course.pk,
                    user.full_name,
                    course.title,
                    timezone.localtime(completed).date(),
                    completed,
                )
            )
    _insert(
        ModuleProgress,
        PROGRESS_COLUMNS,
        [
            (pk, *row)
            for pk, row in zip(_allocate_ids(ModuleProgress, len(progress)), progress, strict=True)
        ],
    )
    totals["progress"] += len(progress)
    if issued:
        _insert(
            Certificate,
            CERTIFICATE_COLUMNS,
            [
                (pk, *row)
                for pk, row in zip(_allocate_ids(Certificate, len(issued)), issued, strict=True)
            ],
        )
        totals["certificates"] += len(issued)
