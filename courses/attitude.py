"""The learner's own attitude profile: before and after a course, and what role-plays showed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail import hooks

from assessments.charts import Bar, profile_svg
from assessments.models import Response
from assessments.selectors import dimension_names
from scenarios.models import Attempt

from .models import CoursePage, Enrolment
from .selectors import live_modules_of


@dataclass
class DimensionRow:
    slug: str
    name: str
    before: float | None = None
    after: float | None = None
    roleplay: int | None = None
    # One score (0-100) per extra source of the course entry (see AttitudeSource), and its label.
    others: list[float | None] = field(default_factory=list)
    other_labels: list[str] = field(default_factory=list)

    @property
    def others_labelled(self) -> list[tuple[float | None, str]]:
        """(score, source label) pairs: a stacked row names each value's column."""
        return list(zip(self.others, self.other_labels, strict=True))

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)

    @property
    def change_text(self) -> str:
        """Signed, e.g. "+12.5" or "-3.0"; a dash when there is nothing to compare."""
        if self.change is None:
            return "—"
        return f"{self.change:+}" if self.change else str(self.change)

    @property
    def roleplay_text(self) -> str:
        """Signed points; "0" when choices touched it and balanced out; a dash when none did."""
        return "—" if self.roleplay is None else f"{self.roleplay:+}" if self.roleplay else "0"

    @property
    def self_rating(self) -> float | None:
        return self.after if self.after is not None else self.before

    @property
    def band(self) -> str | None:
        """Where the self-rating falls on the 0-100 scale: "high", "middle" or "low"."""
        return rating_band(self.self_rating)

    @property
    def comparison(self) -> str:
        """Where the learner's role-play choices agreed or disagreed with their self-rating."""
        band = self.band
        if band is None:
            return ""
        if self.roleplay is None:
            return _("No role-play choice has touched this yet.")
        if self.roleplay == 0:
            return _("Even: your role-play choices here came to no points either way.")
        showed = self.roleplay > 0
        if band == "high" and showed:
            return _("Agreed: you rated yourself high and your choices showed it.")
        if band == "high":
            return _(
                "Differs: you rated yourself high, but your role-play choices cost points here."
            )
        if band == "middle" and showed:
            return _(
                "In between: you rated yourself in the middle, and your role-play choices "
                "showed this."
            )
        if band == "middle":
            return _(
                "In between: you rated yourself in the middle, and your role-play choices "
                "cost points here."
            )
        if showed:
            return _("Differs: your choices showed more of this than you gave yourself credit for.")
        return _("Agreed: your rating and your choices both point to room to grow.")

    @property
    def agrees(self) -> bool | None:
        """True or False when a high or low rating meets choices that gained or cost points;
        None when untouched, balanced out or rated in the middle (nothing to agree with)."""
        if self.band in (None, "middle") or not self.roleplay:
            return None
        return (self.band == "high") == (self.roleplay > 0)


# A self-rating says "high" only in the top third of the 0-100 scale and "low" only in the
# bottom third; scores are kept to one decimal, so 33.3 (a 7-point scale's 3) is low and
# 66.7 (its 5) high, while 50 (any scale's midpoint) is neither.
LOW_UP_TO = 100 / 3
HIGH_FROM = 200 / 3


def rating_band(score: float | None) -> str | None:
    if score is None:
        return None
    if score >= HIGH_FROM:
        return "high"
    if score <= LOW_UP_TO:
        return "low"
    return "middle"


@dataclass
class CourseAttitude:
    course: CoursePage
    before: Response | None = None
    after: Response | None = None
    rows: list[DimensionRow] = field(default_factory=list)
    chart: str = ""
    other_labels: list[str] = field(default_factory=list)
    completed: bool = False  # the learner has finished the course

    @property
    def after_url(self) -> str:
        """The after-questionnaire, once the course is finished and until it is answered."""
        questionnaire_id = self.course.after_questionnaire_id
        answered = self.after is not None and self.after.questionnaire_id == questionnaire_id
        if answered or not self.completed or not questionnaire_id:
            return ""
        return self.course.questionnaire_url(Response.AFTER)


@dataclass(frozen=True)
class AttitudeSource:
    """Scores a higher app adds to the profile (coaching: its rubric ratings), 0-100."""

    label: str
    scores: dict[int, dict[str, float]]  # course id -> dimension slug -> score


ATTITUDE_SOURCES_HOOK = "touchpoint_attitude_sources"


def attitude_sources(*, user) -> list[AttitudeSource]:
    """Extra sources registered with wagtail.hooks, since courses may not import the apps above."""
    sources = [fn(user=user) for fn in hooks.get_hooks(ATTITUDE_SOURCES_HOOK)]
    return [source for source in sources if source is not None]


def my_attitude(
    *, user, chart_title: Callable[[CoursePage], str] | None = None
) -> list[CourseAttitude]:
    """Per course with a before or after response (or another source's scores): scores, change
    and role-play comparison. `chart_title` names each course's chart (default: "Your attitude").

    Six queries whatever the number of courses, responses or attempts (plus one per source).
    """
    responses = list(
        Response.objects.filter(user=user, phase__in=[Response.BEFORE, Response.AFTER])
        .exclude(context_page_id=None)
        .order_by("submitted_at")
    )
    sources = attitude_sources(user=user)
    course_ids = {r.context_page_id for r in responses}
    course_ids |= {course_id for source in sources for course_id in source.scores}
    if not course_ids:
        return []
    courses = {c.pk: c for c in CoursePage.objects.live().filter(pk__in=course_ids)}
    result: dict[int, CourseAttitude] = {}
    for response in responses:  # oldest first: the latest of each phase wins
        course = courses.get(response.context_page_id)
        if course is None:
            continue
        entry = result.setdefault(course.pk, CourseAttitude(course=course))
        setattr(entry, response.phase, response)
    for source in sources:
        for course_id in source.scores:
            if course_id in courses:
                result.setdefault(course_id, CourseAttitude(course=courses[course_id]))

    completed = set(
        Enrolment.objects.filter(
            user=user, course_id__in=list(result), completed_at__isnull=False
        ).values_list("course_id", flat=True)
    )
    for course_id, entry in result.items():
        entry.completed = course_id in completed
    modules = live_modules_of(courses=[entry.course for entry in result.values()])
    module_course = {m.pk: course_id for course_id, ms in modules.items() for m in ms}
    # The latest finished attempt of each role-play step counts.
    latest: dict[tuple[int, str], dict] = {}
    attempts = (
        Attempt.objects.filter(
            user=user, finished_at__isnull=False, context_page_id__in=list(module_course)
        )
        .order_by("number")
        .values_list("context_page_id", "context_step_id", "points")
    )
    for page_id, step_id, points in attempts:
        latest[(page_id, step_id)] = points
    played: dict[int, dict[str, int]] = {}
    for (page_id, _step_id), points in latest.items():
        totals = played.setdefault(module_course[page_id], {})
        for slug, value in points.items():
            totals[slug] = totals.get(slug, 0) + int(value)

    names = dimension_names()
    for entry in result.values():
        before = entry.before.scores if entry.before else {}
        after = entry.after.scores if entry.after else {}
        points = played.get(entry.course.pk, {})
        others = [source.scores.get(entry.course.pk, {}) for source in sources]
        entry.other_labels = [source.label for source in sources]
        slugs = [
            slug
            for slug in names
            if slug in before or slug in after or any(slug in other for other in others)
        ]
        entry.rows = [
            DimensionRow(
                slug=slug,
                name=names[slug],
                before=before.get(slug),
                after=after.get(slug),
                roleplay=points.get(slug),
                others=[other.get(slug) for other in others],
                other_labels=entry.other_labels,
            )
            for slug in slugs
        ]
        bars = [
            Bar(
                label=row.name,
                value=row.after if row.after is not None else row.before,
                before=row.before if row.after is not None else None,
            )
            for row in entry.rows
        ]
        entry.chart = profile_svg(
            bars,
            title=chart_title(entry.course)
            if chart_title is not None
            else _("Your attitude, before and after: %(course)s") % {"course": entry.course.title},
        )
    return list(result.values())
