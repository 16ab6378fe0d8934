"""Writes for taking courses: enrol, move through steps, complete modules and courses."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from people.models import User

from .models import CoursePage, Enrolment, ModulePage, ModuleProgress, ReflectionAnswer
from .signals import course_completed


@dataclass(frozen=True)
class StepOutcome:
    module_completed: bool
    course_completed: bool


def enrolment_get_or_create(*, user: User, course: CoursePage) -> Enrolment:
    """The learner's enrolment on the course; safe when two requests race to create it."""
    # Read first: nearly every call finds one, and a plain read costs no transaction.
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        return enrolment
    try:
        with transaction.atomic():
            enrolment, _created = Enrolment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        enrolment = Enrolment.objects.get(user=user, course=course)
    return enrolment


def _progress_for_update(*, enrolment: Enrolment, module: ModulePage) -> ModuleProgress:
    progress, _created = ModuleProgress.objects.get_or_create(enrolment=enrolment, module=module)
    # Lock the row so two tabs or a double submit serialise on it (no-op on SQLite, whose
    # IMMEDIATE transactions serialise writers anyway).
    return ModuleProgress.objects.select_for_update().get(pk=progress.pk)


def module_step_visit(*, enrolment: Enrolment, module: ModulePage, number: int) -> None:
    """Remember where the learner is, so 'continue' brings them back to this exact step."""
    now = timezone.now()
    changes: dict[str, object] = {}
    if enrolment.resume_module_id != module.pk or enrolment.resume_step != number:
        changes.update(resume_module=module, resume_step=number)
    if enrolment.started_at is None:
        changes["started_at"] = now
    if changes:
        Enrolment.objects.filter(pk=enrolment.pk).update(**changes)
        for key, value in changes.items():
            setattr(enrolment, key, value)


@transaction.atomic
def reflection_save(
    *,
    enrolment: Enrolment,
    module: ModulePage,
    step_id: str,
    prompt: str,
    answer: str,
    submitted: bool = False,
) -> ReflectionAnswer:
    """Save (or replace) the learner's answer to one reflection step.

    `submitted`: the learner finished the step with it. Coaches read handed-in answers only, so
    handing in new words stamps the time again (the coach sees it changed), handing in the same
    words keeps it, and a draft that rewrites a handed-in answer takes it back until handed in.
    """
    key = {"enrolment": enrolment, "module": module, "step_id": step_id}
    # Locked: a draft autosave and the hand-in racing must not stamp from a stale read.
    current = (
        ReflectionAnswer.objects.select_for_update()
        .filter(**key)
        .values("answer", "submitted_at")
        .first()
    )
    defaults: dict[str, object] = {"prompt": prompt, "answer": answer}
    unchanged = current is not None and current["answer"] == answer
    if submitted and not (unchanged and current["submitted_at"]):
        defaults["submitted_at"] = timezone.now()
    elif not submitted and not unchanged:
        defaults["submitted_at"] = None
    reflection, _created = ReflectionAnswer.objects.update_or_create(**key, defaults=defaults)
    return reflection


@transaction.atomic
def module_step_complete(
    *,
    enrolment: Enrolment,
    module: ModulePage,
    step_id: str,
    reflection: tuple[str, str] | None = None,
) -> StepOutcome:
    """Mark one step done (idempotent), completing the module and course when all are done.

    `reflection` is the (prompt, answer) pair for a reflection step, saved in the same transaction.
    """
    progress = _progress_for_update(enrolment=enrolment, module=module)
    if reflection is not None:
        prompt, answer = reflection
        reflection_save(
            enrolment=enrolment,
            module=module,
            step_id=step_id,
            prompt=prompt,
            answer=answer,
            submitted=True,
        )
    if step_id not in progress.completed_step_ids:
        progress.completed_step_ids = [*progress.completed_step_ids, step_id]
    current_ids = {block.id for block in module.steps}
    module_completed = False
    if progress.completed_at is None and current_ids <= set(progress.completed_step_ids):
        progress.completed_at = timezone.now()
        module_completed = True
    progress.save(update_fields=["completed_step_ids", "completed_at"])
    course_completed = False
    if module_completed:
        course_completed = course_completion_check(enrolment=enrolment)
    return StepOutcome(module_completed=module_completed, course_completed=course_completed)


def course_completion_check(*, enrolment: Enrolment) -> bool:
    """Complete the course (once) when every live module in it is complete. True if it just did."""
    if enrolment.completed_at is not None:
        return False
    module_ids = set(ModulePage.objects.live_in([enrolment.course]).values_list("pk", flat=True))
    done_ids = set(
        ModuleProgress.objects.filter(
            enrolment=enrolment, module_id__in=module_ids, completed_at__isnull=False
        ).values_list("module_id", flat=True)
    )
    if not module_ids or module_ids - done_ids:
        return False
    now = timezone.now()
    updated = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    if updated:
        enrolment.completed_at = now
        # Only the request whose update completed the course announces it (certificates issue
        # on it); the certificate table's unique constraint backs this up against any other path.
        course_completed.send(
            sender=Enrolment,
            enrolment=enrolment,
            user=enrolment.user,
            course=enrolment.course,
            completed_on=timezone.localdate(now),
        )
    return bool(updated)


@transaction.atomic
def enrolment_restart(*, user: User, course: CoursePage) -> Enrolment:
    """Take a completed course again (e.g. to renew an expired certificate).

    Progress starts over; reflections and role-play attempts are kept as the learner's history.
    """
    enrolment = enrolment_get_or_create(user=user, course=course)
    ModuleProgress.objects.filter(enrolment=enrolment).delete()
    Enrolment.objects.filter(pk=enrolment.pk).update(
        completed_at=None, started_at=None, resume_module=None, resume_step=1
    )
    enrolment.refresh_from_db()
    return enrolment
