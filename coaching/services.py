"""Writes for coaching. Views check who may act (selectors); these check what is valid."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, ModulePage, ReflectionAnswer
from people.audit import audit_record
from people.emails import email_render, email_send
from people.languages import language_for
from people.links import absolute_url
from people.models import AuditAction, Organisation, User
from scenarios.models import AttemptStep
from scenarios.selectors import graph_for_attempt

from .models import (
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

MAX_TEXT = 5000


class CoachingError(Exception):
    """A request that cannot be carried out; the message is safe to show."""


def _written(text: str | None, *, empty: str, too_long: str) -> str:
    """What a person wrote: Windows line ends made plain, trimmed. Refused when empty or over
    MAX_TEXT characters (`too_long` says so, with %(n)d for the limit)."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise CoachingError(empty)
    if len(text) > MAX_TEXT:
        raise CoachingError(too_long % {"n": MAX_TEXT})
    return text


# --- cohorts ----------------------------------------------------------------------------------


@transaction.atomic
def cohort_create(
    *,
    name: str,
    organisation: Organisation,
    starts_on: date,
    ends_on: date,
    coaches: list[User],
    learners: list[User] | None = None,
    courses: list[CoursePage] | None = None,
) -> Cohort:
    if ends_on < starts_on:
        raise CoachingError(_("The cohort must end on or after its start."))
    strangers = [u for u in learners or [] if u.organisation_id != organisation.pk]
    if strangers:
        raise CoachingError(_("Every learner must belong to the cohort's organisation."))
    cohort = Cohort.objects.create(
        name=name, organisation=organisation, starts_on=starts_on, ends_on=ends_on
    )
    cohort.coaches.set(coaches)
    cohort.learners.set(learners or [])
    cohort.courses.set(courses or [])
    return cohort


# --- notifications ----------------------------------------------------------------------------


def notification_create(*, recipient: User, kind: str, message: str, url: str) -> Notification:
    """An on-site notification; the e-mail goes out from the worker once this commits."""
    if not url.startswith("/") or url.startswith("//"):
        raise ValueError("Notifications link to a page of this site.")
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, message=message[:300], url=url
    )
    from .tasks import notification_email

    transaction.on_commit(lambda: notification_email.enqueue(notification_id=notification.pk))
    return notification


def notification_email_send(*, notification_id: int) -> bool:
    """Send the notification's e-mail once. The e-mail says where to look, not what was written."""
    notification = (
        Notification.objects.filter(pk=notification_id, emailed_at__isnull=True)
        .select_related("recipient")
        .first()
    )
    if notification is None or not notification.recipient.is_active:
        return False
    # Claim it first, so a retried task never sends the same e-mail twice.
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    link = absolute_url(notification.url)
    context = {"notification": notification, "recipient": notification.recipient, "link": link}
    email = email_render(
        template="coaching/email/notification",
        context=context,
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + notification.message,
        language=language_for(notification.recipient),
    )
    email_send(to=[notification.recipient.email], email=email)
    return True


def notification_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )


def notifications_read_all(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- reviews ----------------------------------------------------------------------------------


def _course_of_module(module_id: int | None) -> CoursePage | None:
    if not module_id:
        return None
    module = ModulePage.objects.filter(pk=module_id).only("path").first()
    return module.course if module is not None else None


def rubric_of(step: AttemptStep) -> tuple[str, ...]:
    """The rubric dimensions of the node the answer was written at (the played revision's)."""
    node = graph_for_attempt(step.attempt).node(step.node_key)
    return node.rubric if node else ()


@transaction.atomic
def review_save(
    *, coach: User, step: AttemptStep, ratings: dict[str, int], feedback: str
) -> tuple[Review, bool]:
    """Save the coach's ratings and feedback on a free-text answer; (review, created).

    The first review notifies the learner; a correction later does not notify again.
    """
    if step.choice_index is not None or not step.reply:
        raise CoachingError(_("Only written replies are reviewed."))
    feedback = _written(
        feedback,
        empty=_("Write some feedback for the learner."),
        too_long=_("Please keep feedback under %(n)d characters."),
    )
    rubric = rubric_of(step)
    if set(ratings) != set(rubric):
        raise CoachingError(_("Rate every dimension of the rubric."))
    if any(not isinstance(v, int) or not 1 <= v <= RATING_MAX for v in ratings.values()):
        raise CoachingError(_("Ratings run from 1 to %(n)d.") % {"n": RATING_MAX})
    attempt = step.attempt
    defaults = {
        "learner_id": attempt.user_id,
        "coach": coach,
        "ratings": {slug: ratings[slug] for slug in rubric},
        "feedback": feedback,
    }
    create_defaults = {**defaults, "course": _course_of_module(attempt.context_page_id)}
    try:
        with transaction.atomic():
            review, created = Review.objects.update_or_create(
                step=step, defaults=defaults, create_defaults=create_defaults
            )
    except IntegrityError:  # two coaches saved at the same moment: the later one corrects
        review = Review.objects.update_or_create(step=step, defaults=defaults)[0]
        created = False
    if created:
        notification_create(
            recipient=attempt.user,
            kind=Notification.FEEDBACK,
            message=_("Your coach gave feedback on your reply in “%(title)s”.")
            % {"title": attempt.scenario.title},
            url=reverse("courses:attempt", args=[attempt.pk]) + f"#answer-{step.pk}",
        )
    return review, created


@transaction.atomic
def reflection_feedback_save(
    *, coach: User, reflection: ReflectionAnswer, feedback: str
) -> tuple[ReflectionFeedback, bool]:
    """Save the coach's feedback on a handed-in reflection; (feedback, created).

    The learner is notified of feedback on each hand-in once: a correction of the same feedback
    does not notify again, an answer to words handed in since does.
    """
    if reflection.submitted_at is None:
        raise CoachingError(_("Only handed-in reflections get feedback."))
    feedback = _written(
        feedback,
        empty=_("Write some feedback for the learner."),
        too_long=_("Please keep feedback under %(n)d characters."),
    )
    existing = ReflectionFeedback.objects.select_for_update().filter(reflection=reflection).first()
    fresh = existing is None or existing.answered_submission != reflection.submitted_at
    defaults = {
        "learner_id": reflection.enrolment.user_id,
        "coach": coach,
        "feedback": feedback,
        "answered_submission": reflection.submitted_at,
    }
    try:
        with transaction.atomic():
            saved, created = ReflectionFeedback.objects.update_or_create(
                reflection=reflection, defaults=defaults
            )
    except IntegrityError:
        # Two coaches saved at the same moment: the later one corrects the first, whose save
        # already notified the learner.
        saved, created = (
            ReflectionFeedback.objects.update_or_create(reflection=reflection, defaults=defaults)[
                0
            ],
            False,
        )
        fresh = False
    if fresh:
        notification_create(
            recipient=reflection.enrolment.user,
            kind=Notification.FEEDBACK,
            message=_("Your coach replied to your reflection in “%(title)s”.")
            % {"title": reflection.module.title},
            url=reverse("coaching:me") + f"#reflection-{reflection.pk}",
        )
    return saved, created


# --- private notes ----------------------------------------------------------------------------


def _note_fields(session_on: date, body: str) -> dict:
    body = _written(
        body,
        empty=_("The note is empty."),
        too_long=_("Please keep a note under %(n)d characters."),
    )
    return {"session_on": session_on, "body": body}


def note_add(*, coach: User, learner: User, session_on: date, body: str) -> CoachNote:
    return CoachNote.objects.create(coach=coach, learner=learner, **_note_fields(session_on, body))


def note_update(*, note: CoachNote, session_on: date, body: str) -> CoachNote:
    for name, value in _note_fields(session_on, body).items():
        setattr(note, name, value)
    note.save(update_fields=["session_on", "body", "updated_at"])
    return note


def note_delete(*, note: CoachNote) -> None:
    note.delete()


def notes_opened(*, coach: User, learner: User, notes: list[CoachNote]) -> None:
    """Put a coach's reading of private notes on the audit trail (nothing when there are none)."""
    if not notes:
        return
    audit_record(
        actor=coach,
        action=AuditAction.PRIVATE_NOTE_VIEW,
        organisation=learner.organisation_id,
        target=notes[0] if len(notes) == 1 else learner,
        details={"learner": learner.email, "notes": [note.pk for note in notes]},
        labels={"learner": f"{learner.get_full_name()} ({learner.email})"},
    )


# --- action plans -----------------------------------------------------------------------------


@transaction.atomic
def goal_add(*, learner: User, actor: User, text: str, due_on: date) -> Goal:
    """A goal agreed by the learner and their coach; either of them may write it down."""
    text = " ".join((text or "").split())
    if not text:
        raise CoachingError(_("Describe the goal."))
    goal = Goal.objects.create(learner=learner, created_by=actor, text=text[:300], due_on=due_on)
    GoalEvent.objects.create(goal=goal, actor=actor, kind=GoalEvent.ADDED)
    if actor.pk != learner.pk:
        notification_create(
            recipient=learner,
            kind=Notification.GOAL,
            message=_("Your coach added a goal to your action plan: “%(goal)s”.")
            % {"goal": goal.text[:120]},
            url=reverse("coaching:me") + f"#goal-{goal.pk}",
        )
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, actor: User, text: str, due_on: date) -> Goal:
    """Reword a goal or move its date (the learner or their coach); the history says who did."""
    text = " ".join((text or "").split())[:300]
    if not text:
        raise CoachingError(_("Describe the goal."))
    locked = Goal.objects.select_for_update().get(pk=goal.pk)
    if (locked.text, locked.due_on) == (text, due_on):
        return locked  # saved unchanged: nothing to record
    locked.text, locked.due_on = text, due_on
    locked.save(update_fields=["text", "due_on"])
    GoalEvent.objects.create(goal=locked, actor=actor, kind=GoalEvent.CHANGED)
    if actor.pk != locked.learner_id:
        notification_create(
            recipient=locked.learner,
            kind=Notification.GOAL,
            message=_("Your coach changed a goal in your action plan: “%(goal)s”.")
            % {"goal": locked.text[:120]},
            url=reverse("coaching:me") + f"#goal-{locked.pk}",
        )
    return locked


@transaction.atomic
def goal_tick(*, goal: Goal, actor: User, done: bool) -> Goal:
    """The learner ticks a goal off (or opens it again); each change goes into its history."""
    if actor.pk != goal.learner_id:
        raise CoachingError(_("Only the learner ticks off their own goals."))
    locked = Goal.objects.select_for_update().get(pk=goal.pk)
    if locked.done == done:
        return locked  # a double click or a second tab: nothing changes, nothing is logged
    locked.done_at = timezone.now() if done else None
    locked.save(update_fields=["done_at"])
    GoalEvent.objects.create(
        goal=locked, actor=actor, kind=GoalEvent.DONE if done else GoalEvent.REOPENED
    )
    return locked


# --- questions --------------------------------------------------------------------------------


def cohort_for_question(*, learner: User, module: ModulePage | None) -> Cohort | None:
    """The cohort whose coaches get the question: the one running the module's course, if any."""
    cohorts = Cohort.objects.filter(learners=learner, organisation_id=learner.organisation_id)
    if module is not None:
        # The module's course as a subquery: no query of its own.
        course = CoursePage.objects.parent_of(module)
        running = cohorts.filter(courses__in=course).order_by("-starts_on").first()
        if running is not None:
            return running
    return cohorts.order_by("-starts_on", "pk").first()


def question_ask(*, learner: User, text: str, module: ModulePage | None = None) -> Question:
    text = _written(
        text,
        empty=_("Write your question first."),
        too_long=_("Please keep a question under %(n)d characters."),
    )
    cohort = cohort_for_question(learner=learner, module=module)
    if cohort is None:
        raise CoachingError(_("You are not in a coaching cohort yet, so there is no coach to ask."))
    return Question.objects.create(learner=learner, cohort=cohort, module=module, text=text)


def question_follow_up(*, learner: User, question: Question, text: str) -> Question:
    """The learner replies to their coach's answer: a new question in the same conversation.

    `question` is the conversation's first question (the learner's own). Refused while a
    message of the conversation still waits for an answer, or once the cohort is gone or the
    learner has left it (no coach would see it).
    """
    text = _written(
        text,
        empty=_("Write your reply first."),
        too_long=_("Please keep a reply under %(n)d characters."),
    )
    if question.learner_id != learner.pk or question.follow_up_of_id is not None:
        raise CoachingError(_("You can only reply in your own conversations."))
    if question.cohort is None or not question.cohort.learners.filter(pk=learner.pk).exists():
        raise CoachingError(_("This conversation's cohort has ended. Ask a new question instead."))
    with transaction.atomic():
        # The first question is locked, so a double click cannot slip two replies past the check.
        Question.objects.select_for_update().filter(pk=question.pk).first()
        waiting = Question.objects.filter(
            Q(pk=question.pk) | Q(follow_up_of=question), answered_at__isnull=True
        )
        if waiting.exists():
            raise CoachingError(_("Your coach has not answered yet: one message at a time."))
        return Question.objects.create(
            learner=learner,
            cohort=question.cohort,
            module=question.module,
            text=text,
            follow_up_of=question,
        )


@transaction.atomic
def question_answer(*, question: Question, coach: User, answer: str) -> Question:
    answer = _written(
        answer,
        empty=_("Write an answer first."),
        too_long=_("Please keep an answer under %(n)d characters."),
    )
    first = question.answered_at is None
    question.answer = answer
    question.answered_by = coach
    question.answered_at = question.answered_at or timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    if first:
        notification_create(
            recipient=question.learner,
            kind=Notification.ANSWER,
            message=_("Your coach answered your question."),
            url=reverse("coaching:me") + f"#question-{question.pk}",
        )
    return question


# --- sharing the attitude profile -------------------------------------------------------------


def profile_share(*, learner: User, cohort: Cohort) -> ProfileShare:
    if not cohort.learners.filter(pk=learner.pk).exists():
        raise CoachingError(_("You can only share with a cohort you belong to."))
    share, _created = ProfileShare.objects.get_or_create(learner=learner, cohort=cohort)
    return share


def profile_withdraw(*, learner: User, cohort: Cohort) -> bool:
    deleted, _rows = ProfileShare.objects.filter(learner=learner, cohort=cohort).delete()
    return bool(deleted)
