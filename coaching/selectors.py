"""Reads for coaching, each scoped to the person asking (DESIGN.md, "Who may see what").

A coach sees the learners of their own cohorts, and only while the learner still belongs to the
cohort's organisation. Every function runs a fixed number of queries, whatever the data size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from courses.models import (
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    ModuleProgress,
    ReflectionAnswer,
)
from courses.selectors import live_modules_of
from people.models import User
from people.roles import Role
from scenarios.models import Attempt, AttemptStep

from .models import (
    RATING_CHOICES,
    RATING_MAX,
    CoachNote,
    Cohort,
    Goal,
    GoalEvent,
    Notification,
    ProfileShare,
    Question,
    ReflectionFeedback,
    Review,
)

CohortLearner = Cohort.learners.through
QUEUE_LIMIT = 50
# Percentage points a learner may trail the cohort's calendar before counting as behind.
PACE_TOLERANCE = 15


def is_coach(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.COACH))


def cohorts_of_coach(*, coach: User) -> QuerySet[Cohort]:
    return Cohort.objects.filter(coaches=coach)


def coached_learner_ids(*, coach: User) -> QuerySet:
    """Subquery of the ids of the coach's learners (members still of the cohort's organisation)."""
    return (
        CohortLearner.objects.filter(
            cohort__coaches=coach, cohort__organisation_id=F("user__organisation_id")
        )
        .values("user_id")
        .distinct()
    )


def coached_learner(*, coach: User, learner_id: int) -> User | None:
    """The learner, if they are in one of the coach's cohorts; else None (the view's 404)."""
    return (
        User.objects.filter(pk=learner_id, pk__in=coached_learner_ids(coach=coach))
        .select_related("organisation", "team")
        .first()
    )


def shared_cohorts(*, coach: User, learner: User) -> list[Cohort]:
    """The cohorts in which this coach coaches this learner."""
    return list(
        Cohort.objects.filter(
            coaches=coach, learners=learner, organisation_id=learner.organisation_id
        ).order_by("-starts_on", "name")
    )


def learner_cohorts(*, learner: User) -> list[Cohort]:
    """The learner's own cohorts, with their coaches (two queries)."""
    return list(
        Cohort.objects.filter(learners=learner, organisation_id=learner.organisation_id)
        .select_related("organisation")
        .prefetch_related(Prefetch("coaches", queryset=User.objects.order_by("full_name")))
        .order_by("-starts_on", "name")
    )


# --- progress at a glance ---------------------------------------------------------------------


class LearnerStatus(models.TextChoices):
    """A learner's standing in a cohort, over all of the cohort's courses.

    Built from each enrolment's EnrolmentStatus (completed, overdue) and the cohort's calendar:
    "behind" is overdue on a course, or trailing the calendar by more than PACE_TOLERANCE.
    The values double as CSS class names.
    """

    FINISHED = "finished", _("Finished")
    BEHIND = "behind", _("Behind")
    NOT_STARTED = "not-started", _("Not started")
    ON_TRACK = "on-track", _("On track")


@dataclass
class LearnerProgress:
    learner: User
    modules_total: int = 0
    modules_done: int = 0
    courses_total: int = 0
    courses_done: int = 0
    started: bool = False
    overdue: bool = False
    expected: int = 0  # where the cohort's calendar says they should be, in percent

    @property
    def percent(self) -> int:
        return round(100 * self.modules_done / self.modules_total) if self.modules_total else 0

    @property
    def finished(self) -> bool:
        return bool(self.courses_total) and self.courses_done == self.courses_total

    @property
    def behind(self) -> bool:
        if self.finished:
            return False
        return self.overdue or self.percent + PACE_TOLERANCE < self.expected

    @property
    def status(self) -> LearnerStatus:
        if self.finished:
            return LearnerStatus.FINISHED
        if self.behind:
            return LearnerStatus.BEHIND
        if not self.started:
            return LearnerStatus.NOT_STARTED
        return LearnerStatus.ON_TRACK

    @property
    def status_label(self) -> str:
        return str(self.status.label)


@dataclass
class CohortProgress:
    cohort: Cohort
    courses: list[CoursePage]
    rows: list[LearnerProgress] = field(default_factory=list)
    expected: int = 0

    @property
    def finished(self) -> list[LearnerProgress]:
        return [row for row in self.rows if row.finished]

    @property
    def behind(self) -> list[LearnerProgress]:
        return [row for row in self.rows if row.behind]

    @property
    def on_track(self) -> list[LearnerProgress]:
        return [row for row in self.rows if row.status == LearnerStatus.ON_TRACK]

    @property
    def not_started(self) -> list[LearnerProgress]:
        return [row for row in self.rows if row.status == LearnerStatus.NOT_STARTED]


def expected_percent(*, starts_on: date, ends_on: date, today: date) -> int:
    """How far through its calendar the cohort is, 0-100."""
    if today <= starts_on:
        return 0
    span = max((ends_on - starts_on).days, 1)
    return min(100, round(100 * (today - starts_on).days / span))


def cohorts_progress(
    *, coach: User, cohort_id: int | None = None, today: date | None = None
) -> list[CohortProgress]:
    """Each of the coach's cohorts with every learner's progress on the cohort's courses.

    Seven queries whatever the number of cohorts, learners, courses or modules.
    """
    today = today or timezone.localdate()
    cohorts_qs = cohorts_of_coach(coach=coach)
    if cohort_id is not None:
        cohorts_qs = cohorts_qs.filter(pk=cohort_id)
    cohorts = list(
        cohorts_qs.select_related("organisation")
        .prefetch_related(
            Prefetch("learners", queryset=User.objects.order_by("full_name", "email")),
            Prefetch("courses", queryset=CoursePage.objects.live().originals().order_by("path")),
            Prefetch("coaches", queryset=User.objects.order_by("full_name")),
        )
        .order_by("-starts_on", "name")
    )
    if not cohorts:
        return []
    courses = {course.pk: course for cohort in cohorts for course in cohort.courses.all()}
    modules = live_modules_of(courses=list(courses.values()))
    learner_ids = coached_learner_ids(coach=coach)
    cohort_courses = Cohort.courses.through.objects.filter(cohort__in=cohorts_qs).values(
        "coursepage_id"
    )
    enrolments = {
        (e.user_id, e.course_id): e
        for e in Enrolment.objects.filter(user_id__in=learner_ids, course_id__in=cohort_courses)
        .only("id", "user_id", "course_id", "started_at", "completed_at", "due_date")
        .with_status(today)
    }
    live_module_ids = [module.pk for ms in modules.values() for module in ms]
    done: dict[tuple[int, int], int] = defaultdict(int)
    counts = (
        ModuleProgress.objects.filter(
            enrolment__user_id__in=learner_ids,
            enrolment__course_id__in=cohort_courses,
            completed_at__isnull=False,
            module_id__in=live_module_ids,
        )
        .values("enrolment__user_id", "enrolment__course_id")
        .annotate(n=Count("id"))
    )
    for row in counts:
        done[(row["enrolment__user_id"], row["enrolment__course_id"])] = row["n"]

    result = []
    for cohort in cohorts:
        expected = expected_percent(starts_on=cohort.starts_on, ends_on=cohort.ends_on, today=today)
        progress = CohortProgress(
            cohort=cohort, courses=list(cohort.courses.all()), expected=expected
        )
        for learner in cohort.learners.all():
            if learner.organisation_id != cohort.organisation_id:
                continue  # moved to another organisation: walled off from this cohort
            row = LearnerProgress(learner=learner, expected=expected)
            for course in progress.courses:
                total = len(modules.get(course.pk, []))
                enrolment = enrolments.get((learner.pk, course.pk))
                row.courses_total += 1
                row.modules_total += total
                row.modules_done += min(done.get((learner.pk, course.pk), 0), total)
                if enrolment is None:
                    continue
                row.started = row.started or enrolment.started_at is not None
                if enrolment.status == EnrolmentStatus.COMPLETED:
                    row.courses_done += 1
                elif enrolment.status == EnrolmentStatus.OVERDUE:
                    row.overdue = True
            row.started = row.started or row.modules_done > 0
            progress.rows.append(row)
        result.append(progress)
    return result


@dataclass(frozen=True)
class CourseRow:
    course: CoursePage
    modules_total: int
    modules_done: int
    due_date: date | None
    completed_at: datetime | None
    status: EnrolmentStatus | None  # None: not enrolled

    @property
    def overdue(self) -> bool:
        return self.status == EnrolmentStatus.OVERDUE


def learner_course_progress(*, learner: User, courses: list[CoursePage]) -> list[CourseRow]:
    """Per course: modules done of total, due date, completion (three queries)."""
    modules = live_modules_of(courses=courses)
    enrolments = {
        e.course_id: e
        for e in Enrolment.objects.filter(user=learner, course__in=courses).with_status()
    }
    done = dict(
        ModuleProgress.objects.filter(
            enrolment__user=learner,
            enrolment__course__in=courses,
            completed_at__isnull=False,
            module_id__in=[m.pk for ms in modules.values() for m in ms],
        )
        .values("enrolment__course_id")
        .annotate(n=Count("id"))
        .values_list("enrolment__course_id", "n")
    )
    rows = []
    for course in courses:
        enrolment = enrolments.get(course.pk)
        total = len(modules.get(course.pk, []))
        rows.append(
            CourseRow(
                course=course,
                modules_total=total,
                modules_done=min(done.get(course.pk, 0), total),
                due_date=enrolment.due_date if enrolment else None,
                completed_at=enrolment.completed_at if enrolment else None,
                status=EnrolmentStatus(enrolment.status) if enrolment else None,
            )
        )
    return rows


# --- the review queue -------------------------------------------------------------------------


@dataclass
class QueueItem:
    kind: str  # "answer", "reflection" or "question"
    created_at: datetime
    learner: User
    title: str
    text: str
    pk: int

    @property
    def url(self) -> str:
        """Where the coach answers it."""
        name = {"answer": "review", "reflection": "reflection", "question": "question"}[self.kind]
        return reverse(f"coaching:{name}", args=[self.pk])

    @property
    def waiting_label(self) -> str:
        """ "waiting 3 hours"; "just in" for under a minute (timesince would say "0 minutes")."""
        if timezone.now() - self.created_at < timedelta(minutes=1):
            return _("just in")
        return _("waiting %(since)s") % {"since": timesince(self.created_at)}


def pending_answers(*, coach: User) -> QuerySet[AttemptStep]:
    """Free-text role-play answers of the coach's learners with no feedback yet, oldest first."""
    return (
        AttemptStep.objects.filter(
            choice_index__isnull=True,
            attempt__user_id__in=coached_learner_ids(coach=coach),
            coach_review__isnull=True,
        )
        .exclude(reply="")
        .order_by("created_at", "pk")
    )


def pending_questions(*, coach: User) -> QuerySet[Question]:
    """Unanswered questions asked in the coach's cohorts by learners still in them."""
    member = CohortLearner.objects.filter(
        cohort_id=OuterRef("cohort_id"), user_id=OuterRef("learner_id")
    )
    return (
        Question.objects.filter(
            answered_at__isnull=True,
            cohort__in=cohorts_of_coach(coach=coach),
            learner_id__in=coached_learner_ids(coach=coach),
        )
        .filter(Exists(member))
        .order_by("created_at", "pk")
    )


def handed_in_reflections(*, coach: User) -> QuerySet[ReflectionAnswer]:
    """Reflections the coach's learners handed in (drafts stay the learner's own)."""
    return ReflectionAnswer.objects.filter(
        submitted_at__isnull=False, enrolment__user_id__in=coached_learner_ids(coach=coach)
    )


def pending_reflections(*, coach: User) -> QuerySet[ReflectionAnswer]:
    """Handed-in reflections with no feedback yet, or handed in again since, oldest first."""
    return (
        handed_in_reflections(coach=coach)
        .filter(
            Q(coach_feedback__isnull=True)
            | Q(submitted_at__gt=F("coach_feedback__answered_submission"))
        )
        .order_by("submitted_at", "pk")
    )


def _queue_question_title(question: Question) -> str:
    title = question.module.title if question.module else str(question.cohort)
    if question.follow_up_of_id:
        return _("Follow-up: %(title)s") % {"title": title}
    return title


def review_queue(*, coach: User, limit: int = QUEUE_LIMIT) -> tuple[list[QueueItem], int]:
    """Answers and reflections waiting for feedback and questions waiting for an answer,
    oldest first.

    Returns the oldest `limit` items and how many wait in all (six queries).
    """
    answers = pending_answers(coach=coach)
    reflections = pending_reflections(coach=coach)
    questions = pending_questions(coach=coach)
    items = [
        QueueItem(
            kind="answer",
            created_at=step.created_at,
            learner=step.attempt.user,
            title=step.attempt.scenario.title,
            text=step.reply,
            pk=step.pk,
        )
        for step in answers.select_related("attempt__user", "attempt__scenario")[:limit]
    ]
    items += [
        QueueItem(
            kind="reflection",
            created_at=reflection.submitted_at,
            learner=reflection.enrolment.user,
            title=reflection.module.title,
            text=reflection.answer,
            pk=reflection.pk,
        )
        for reflection in reflections.select_related("enrolment__user", "module")[:limit]
    ]
    items += [
        QueueItem(
            kind="question",
            created_at=question.created_at,
            learner=question.learner,
            title=_queue_question_title(question),
            text=question.text,
            pk=question.pk,
        )
        for question in questions.select_related("learner", "module", "cohort")[:limit]
    ]
    items.sort(key=lambda item: (item.created_at, item.kind, item.pk))
    return items[:limit], answers.count() + reflections.count() + questions.count()


def answer_for_coach(*, coach: User, step_id: int) -> AttemptStep | None:
    """A free-text answer the coach may review (one of their learners'), else None."""
    return (
        AttemptStep.objects.filter(
            pk=step_id,
            choice_index__isnull=True,
            attempt__user_id__in=coached_learner_ids(coach=coach),
        )
        .exclude(reply="")
        .select_related("attempt__user", "attempt__scenario", "attempt__revision")
        .first()
    )


def reflection_for_coach(*, coach: User, reflection_id: int) -> ReflectionAnswer | None:
    """A handed-in reflection of one of the coach's learners, with any feedback, else None."""
    return (
        handed_in_reflections(coach=coach)
        .filter(pk=reflection_id)
        .select_related("enrolment__user", "enrolment__course", "module", "coach_feedback__coach")
        .first()
    )


def question_for_coach(*, coach: User, question_id: int) -> Question | None:
    return (
        pending_or_answered_questions(coach=coach)
        .filter(pk=question_id)
        .select_related("learner", "module", "cohort", "answered_by")
        .first()
    )


def pending_or_answered_questions(*, coach: User) -> QuerySet[Question]:
    member = CohortLearner.objects.filter(
        cohort_id=OuterRef("cohort_id"), user_id=OuterRef("learner_id")
    )
    return Question.objects.filter(
        cohort__in=cohorts_of_coach(coach=coach),
        learner_id__in=coached_learner_ids(coach=coach),
    ).filter(Exists(member))


def queue_next(*, coach: User) -> QueueItem | None:
    items, _total = review_queue(coach=coach, limit=1)
    return items[0] if items else None


# --- one learner, seen by their coach ---------------------------------------------------------


def attempts_of_learner(*, learner: User) -> list[Attempt]:
    """The learner's role-play attempts, newest first, with how many replies await review."""
    return list(
        Attempt.objects.filter(user=learner)
        .select_related("scenario")
        .annotate(
            replies=Count(
                "steps", filter=Q(steps__choice_index__isnull=True) & ~Q(steps__reply="")
            ),
            reviewed=Count("steps__coach_review"),
        )
        .order_by("-started_at")
    )


def attempt_of_learner(*, learner: User, attempt_id: int) -> Attempt | None:
    return (
        Attempt.objects.filter(pk=attempt_id, user=learner)
        .select_related("scenario", "revision")
        .first()
    )


def reflections_of_learner(*, coach: User, learner: User) -> list[ReflectionAnswer]:
    """The learner's handed-in reflections, newest first, with the module, course and any
    feedback (one query)."""
    return list(
        handed_in_reflections(coach=coach)
        .filter(enrolment__user=learner)
        .select_related("module", "enrolment__course", "coach_feedback__coach")
        .order_by("-submitted_at", "-pk")
    )


def reflection_feedback_of(*, learner: User) -> list[ReflectionFeedback]:
    """Coaches' feedback on the learner's reflections, newest first (one query)."""
    return list(
        ReflectionFeedback.objects.filter(learner=learner)
        .select_related("coach", "reflection__module")
        .order_by("-updated_at", "-pk")
    )


def reviews_for_steps(*, step_ids: list[int]) -> dict[int, Review]:
    return {
        review.step_id: review
        for review in Review.objects.filter(step_id__in=step_ids).select_related("coach")
    }


def reviews_of_learner(*, learner: User) -> list[Review]:
    return list(
        Review.objects.filter(learner=learner)
        .select_related("coach", "step__attempt__scenario")
        .order_by("-created_at")
    )


def notes_of(*, coach: User, learner: User) -> list[CoachNote]:
    """The coach's own notes about the learner. Another coach's notes are never read here."""
    return list(CoachNote.objects.filter(coach=coach, learner=learner))


def note_of(*, coach: User, learner: User, note_id: int) -> CoachNote | None:
    return CoachNote.objects.filter(pk=note_id, coach=coach, learner=learner).first()


def goal_of(*, learner: User, goal_id: int) -> Goal | None:
    """One goal of the learner's own action plan."""
    return Goal.objects.filter(pk=goal_id, learner=learner).first()


def notification_of(*, user: User, notification_id: int) -> Notification | None:
    """One notification addressed to the user."""
    return Notification.objects.filter(pk=notification_id, recipient=user).first()


def goals_of(*, learner: User) -> list[Goal]:
    """The learner's action plan with each goal's history (two queries)."""
    return list(
        Goal.objects.filter(learner=learner)
        .select_related("created_by")
        .prefetch_related(
            Prefetch(
                "events", queryset=GoalEvent.objects.select_related("actor").order_by("at", "pk")
            )
        )
    )


def questions_of(*, learner: User) -> list[Question]:
    """The learner's conversations, newest first: each first question with its follow-ups."""
    still_member = CohortLearner.objects.filter(cohort_id=OuterRef("cohort_id"), user=learner)
    return list(
        Question.objects.filter(learner=learner, follow_up_of=None)
        .annotate(learner_in_cohort=Exists(still_member))
        .select_related("module", "answered_by", "cohort")
        .prefetch_related(
            Prefetch(
                "follow_ups",
                queryset=Question.objects.select_related("answered_by").order_by(
                    "created_at", "pk"
                ),
            )
        )
    )


def own_conversation(*, learner: User, question_id: int) -> Question | None:
    """The learner's own conversation by its first question's id, else None."""
    return (
        Question.objects.filter(pk=question_id, learner=learner, follow_up_of=None)
        .select_related("cohort", "module")
        .first()
    )


def earlier_in_conversation(*, question: Question) -> list[Question]:
    """For a follow-up: the messages before it in its conversation, oldest first."""
    if question.follow_up_of_id is None:
        return []
    return list(
        Question.objects.filter(
            Q(pk=question.follow_up_of_id)
            | Q(follow_up_of_id=question.follow_up_of_id, created_at__lt=question.created_at)
        )
        .select_related("answered_by")
        .order_by("created_at", "pk")
    )


def profile_shared_with(*, coach: User, learner: User) -> bool:
    """Whether the learner shares their profile with a cohort this coach coaches them in."""
    return ProfileShare.objects.filter(
        learner=learner,
        cohort__coaches=coach,
        cohort__learners=learner,
        cohort__organisation_id=learner.organisation_id,
    ).exists()


def shared_cohort_ids(*, learner: User) -> set[int]:
    return set(ProfileShare.objects.filter(learner=learner).values_list("cohort_id", flat=True))


# --- coach ratings as a source of the learner's profile ----------------------------------------


def rating_score(value: int) -> float:
    """A 1..RATING_MAX rating on the profile's 0-100 scale."""
    return round((value - 1) / (RATING_MAX - 1) * 100, 1)


def coach_ratings_by_course(*, user: User) -> dict[int, dict[str, float]]:
    """Mean coach rating per dimension (0-100) per course, for the learner's profile (one query)."""
    values: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for course_id, ratings in Review.objects.filter(learner=user, course__isnull=False).values_list(
        "course_id", "ratings"
    ):
        for slug, value in (ratings or {}).items():
            try:
                values[course_id][slug].append(int(value))
            except (TypeError, ValueError):
                continue
    return {
        course_id: {
            slug: rating_score(sum(vs) / len(vs)) if vs else None for slug, vs in slugs.items()
        }
        for course_id, slugs in values.items()
    }


# --- notifications ----------------------------------------------------------------------------


def notifications_of(*, user: User, limit: int = 20) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user)[:limit])


def nav_counts(*, user: User) -> dict[str, int | bool]:
    """For the header: unread notifications and whether the user has a coach (one query)."""
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            in_cohort=Exists(
                CohortLearner.objects.filter(
                    user_id=OuterRef("pk"), cohort__organisation_id=OuterRef("organisation_id")
                )
            ),
            unread=Count(
                "coaching_notifications",
                filter=Q(coaching_notifications__read_at__isnull=True),
            ),
        )
        .values("in_cohort", "unread")
        .first()
    )
    return row or {"in_cohort": False, "unread": 0}


# --- presenting ratings -----------------------------------------------------------------------


@dataclass(frozen=True)
class RatingRow:
    name: str
    value: int

    @property
    def label(self) -> str:
        return str(dict(RATING_CHOICES).get(self.value, self.value))

    @property
    def maximum(self) -> int:
        return RATING_MAX


def rating_rows(*, review: Review, names: dict[str, str]) -> list[RatingRow]:
    """The review's ratings in the dimension model's order, named."""
    ordered = [slug for slug in names if slug in review.ratings]
    ordered += sorted(slug for slug in review.ratings if slug not in names)
    return [RatingRow(names.get(slug, slug), int(review.ratings[slug])) for slug in ordered]
