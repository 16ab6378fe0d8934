"""Reads for learner pages. Each function runs a fixed number of queries, whatever the data size."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from assessments.models import Response
from assessments.selectors import course_responses_given
from people.models import User
from people.translation import in_language_many

from .models import (
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    ModulePage,
    ModuleProgress,
    ReflectionAnswer,
)


def visible_courses(*, user: User) -> QuerySet[CoursePage]:
    """Live courses this user may see: open to all, or limited to the user's organisation."""
    courses = CoursePage.objects.live().originals()
    if getattr(user, "is_superuser", False):
        return courses
    organisation_id = getattr(user, "organisation_id", None)
    allowed = Q(organisations__isnull=True)
    if organisation_id:
        allowed |= Q(organisations=organisation_id)
    # A subquery of ids keeps the outer query free of duplicate rows from the M2M join.
    return courses.filter(pk__in=CoursePage.objects.filter(allowed).values("pk"))


def course_visible_to(*, user: User, course: CoursePage) -> bool:
    return visible_courses(user=user).filter(pk=course.pk).exists()


def enrolment_for(*, user: User, course: CoursePage) -> Enrolment | None:
    """The learner's enrolment on the course, if they enrolled (a read never creates one)."""
    return Enrolment.objects.filter(user=user, course=course).first()


def live_modules_of(*, courses: list[CoursePage]) -> dict[int, list[ModulePage]]:
    """Live modules per course id, in the authored order, for any number of courses in one query."""
    by_path = {course.path: course.pk for course in courses}
    result: dict[int, list[ModulePage]] = {course.pk: [] for course in courses}
    if not by_path:
        return result
    modules = ModulePage.objects.live_in(courses).only(
        "id",
        "path",
        "depth",
        "title",
        "slug",
        "url_path",
        "summary",
        "estimated_minutes",
        "translation_key",  # to find its translation for the reader
    )
    # Titles and summaries in the reader's language (one query, none in the site's language).
    for module in in_language_many(modules, fields=("title", "summary")):
        result[by_path[module.course_path]].append(module)
    return result


def module_step_url(*, module: ModulePage, number: int, request: HttpRequest | None) -> str:
    return module.get_url(request) + module.reverse_subpage("step", args=[number])


@dataclass
class ModuleStatus:
    module: ModulePage
    number: int
    completed: bool
    started: bool
    request: HttpRequest | None = None

    @property
    def url(self) -> str:
        # Worked out only where a page shows the module's link (the course page, not /learn/).
        return self.module.get_url(self.request)

    @property
    def status_label(self) -> str:
        if self.completed:
            return str(_("Completed"))
        if self.started:
            return str(_("In progress"))
        return str(_("Not started"))


@dataclass
class CourseProgress:
    """One course on a learner's dashboard, with everything the card shows."""

    course: CoursePage
    enrolment: Enrolment | None
    modules: list[ModuleStatus] = field(default_factory=list)
    continue_url: str = ""
    continue_module: ModulePage | None = None
    # Set while a completed course's after-questionnaire waits to be answered.
    after_questionnaire_url: str = ""

    @property
    def total(self) -> int:
        return len(self.modules)

    @property
    def done(self) -> int:
        return sum(1 for status in self.modules if status.completed)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def status(self) -> EnrolmentStatus | None:
        """The enrolment's status (the selectors read enrolments `with_status()`); None if none."""
        return EnrolmentStatus(self.enrolment.status) if self.enrolment else None

    @property
    def completed(self) -> bool:
        return self.status == EnrolmentStatus.COMPLETED

    @property
    def started(self) -> bool:
        return any(status.started for status in self.modules)

    @property
    def due_date(self) -> date | None:
        return self.enrolment.due_date if self.enrolment else None

    @property
    def overdue(self) -> bool:
        return self.status == EnrolmentStatus.OVERDUE

    @property
    def days_left(self) -> int | None:
        if not self.due_date or self.completed:
            return None
        return (self.due_date - timezone.localdate()).days

    @property
    def minutes(self) -> int:
        return sum(status.module.estimated_minutes for status in self.modules)

    @property
    def action_label(self) -> str:
        if self.completed:
            return str(_("Review course"))
        if self.started:
            return str(_("Continue"))
        return str(_("Start"))


def _course_progress(
    *,
    course: CoursePage,
    enrolment: Enrolment | None,
    modules: list[ModulePage],
    progress: dict[int, ModuleProgress],
    request: HttpRequest | None,
) -> CourseProgress:
    card = CourseProgress(course=course, enrolment=enrolment)
    for number, module in enumerate(modules, start=1):
        row = progress.get(module.pk)
        card.modules.append(
            ModuleStatus(
                module=module,
                number=number,
                completed=bool(row and row.completed_at),
                started=row is not None,
                request=request,
            )
        )
    # Resume exactly where the learner stopped; else the first module not yet completed.
    resume = None
    if enrolment and enrolment.resume_module_id:
        resume = next((s for s in card.modules if s.module.pk == enrolment.resume_module_id), None)
        if resume and not resume.completed:
            card.continue_module = resume.module
            card.continue_url = module_step_url(
                module=resume.module, number=enrolment.resume_step, request=request
            )
            return card
    pending = next((s for s in card.modules if not s.completed), None)
    if pending and not card.completed:
        card.continue_module = pending.module
        card.continue_url = module_step_url(module=pending.module, number=1, request=request)
    else:
        card.continue_url = course.get_url(request)
    return card


def learner_courses(*, user: User, request: HttpRequest | None = None) -> list[CourseProgress]:
    """The learner's enrolled courses with progress: three queries however many courses."""
    enrolments = list(
        Enrolment.objects.filter(user=user, course__in=visible_courses(user=user))
        .with_status()
        .select_related("course")
        .order_by("completed_at", "due_date", "-enrolled_at")
    )
    courses = in_language_many(
        [enrolment.course for enrolment in enrolments], fields=("title", "summary")
    )
    modules = live_modules_of(courses=courses)
    progress: dict[int, dict[int, ModuleProgress]] = {e.pk: {} for e in enrolments}
    rows = ModuleProgress.objects.filter(enrolment__in=[e.pk for e in enrolments]).only(
        "id", "enrolment_id", "module_id", "completed_at"
    )
    for row in rows:
        progress[row.enrolment_id][row.module_id] = row
    cards = [
        _course_progress(
            course=e.course,
            enrolment=e,
            modules=modules[e.course.pk],
            progress=progress[e.pk],
            request=request,
        )
        for e in enrolments
    ]
    _offer_after_questionnaires(user=user, cards=cards)
    # Overdue first, then by due date, then unfinished before finished.
    cards.sort(key=lambda c: (c.completed, not c.overdue, c.due_date or date.max, -c.enrolment.pk))
    return cards


def _offer_after_questionnaires(*, user: User, cards: list[CourseProgress]) -> None:
    """Link each completed course's after-questionnaire until it is answered (one query)."""
    waiting = [card for card in cards if card.completed and card.course.after_questionnaire_id]
    answered = course_responses_given(
        user=user, course_ids=[card.course.pk for card in waiting], phase=Response.AFTER
    )
    for card in waiting:
        if (card.course.pk, card.course.after_questionnaire_id) not in answered:
            card.after_questionnaire_url = card.course.questionnaire_url(Response.AFTER)


def catalogue_for(
    *, user: User, parent: Page | None = None, request: HttpRequest | None = None
) -> list[CourseProgress]:
    """Courses the user may see; enrolled ones carry their progress. Fixed query count."""
    if not user.is_authenticated:
        courses = list(CoursePage.objects.live().originals().filter(organisations__isnull=True))
    else:
        courses = list(visible_courses(user=user))
    if parent is not None:
        courses = [c for c in courses if c.path.startswith(parent.path)]
    courses.sort(key=lambda c: c.path)
    in_language_many(courses, fields=("title", "summary"))
    enrolments: dict[int, Enrolment] = {}
    progress: dict[int, dict[int, ModuleProgress]] = {}
    if user.is_authenticated:
        enrolments = {
            e.course_id: e
            for e in Enrolment.objects.filter(user=user, course__in=courses).with_status()
        }
        progress = {e.pk: {} for e in enrolments.values()}
        rows = ModuleProgress.objects.filter(enrolment__in=list(progress)).only(
            "id", "enrolment_id", "module_id", "completed_at"
        )
        for row in rows:
            progress[row.enrolment_id][row.module_id] = row
    modules = live_modules_of(courses=courses)
    cards = []
    for course in courses:
        enrolment = enrolments.get(course.pk)
        cards.append(
            _course_progress(
                course=course,
                enrolment=enrolment,
                modules=modules[course.pk],
                progress=progress.get(enrolment.pk, {}) if enrolment else {},
                request=request,
            )
        )
    return cards


def course_overview(
    *, user: User, course: CoursePage, request: HttpRequest | None = None
) -> CourseProgress:
    enrolment = Enrolment.objects.filter(user=user, course=course).with_status().first()
    modules = live_modules_of(courses=[course])[course.pk]
    progress = {}
    if enrolment:
        progress = {
            row.module_id: row for row in ModuleProgress.objects.filter(enrolment=enrolment)
        }
    return _course_progress(
        course=course, enrolment=enrolment, modules=modules, progress=progress, request=request
    )


def reflection_answers(*, enrolment: Enrolment, module: ModulePage) -> dict[str, ReflectionAnswer]:
    return {
        answer.step_id: answer
        for answer in ReflectionAnswer.objects.filter(enrolment=enrolment, module=module)
    }
