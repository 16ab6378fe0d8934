"""Playing a role-play to a written reply, and reading coaching pages, for the coaching tests."""

from __future__ import annotations

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from coaching.models import Cohort
from coaching.services import cohort_create
from courses.models import ReflectionAnswer
from courses.services import enrolment_get_or_create, module_step_complete
from scenarios.models import AttemptStep
from scenarios.services import attempt_answer, attempt_start

REPLY = "I will ring the courier and call you back by five, whatever happens."


def step_id_of(module) -> str:
    return next(block.id for block in module.steps if block.block_type == "roleplay")


def write_reply(user, module, scenario, text: str = REPLY, *, finish: bool = True) -> AttemptStep:
    """Play the call-centre role-play: kind opening, own it, the written reply, (a good close)."""
    attempt = attempt_start(
        user=user, scenario=scenario, context_page_id=module.pk, context_step_id=step_id_of(module)
    )
    attempt_answer(attempt=attempt, sequence=0, node_key="opening", choice_index=0)
    attempt_answer(attempt=attempt, sequence=1, node_key="probe", choice_index=0)
    step = attempt_answer(attempt=attempt, sequence=2, node_key="write", reply=text)
    if finish:
        attempt_answer(attempt=attempt, sequence=3, node_key="close", choice_index=0)
    return step


def hand_in_reflection(
    user, module, text: str, *, prompt: str = "What would you do differently?"
) -> ReflectionAnswer:
    """The learner finishes a reflection step of `module` with `text` (as its Next button does)."""
    course = module.get_parent().specific
    enrolment = enrolment_get_or_create(user=user, course=course)
    step_id = f"reflect-{module.pk}-{prompt[:20]}"
    module_step_complete(
        enrolment=enrolment, module=module, step_id=step_id, reflection=(prompt, text)
    )
    return ReflectionAnswer.objects.get(enrolment=enrolment, module=module, step_id=step_id)


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response) -> str:
    main = page(response).find("main")
    return " ".join((main or page(response)).get_text(" ").split())


def review_data(feedback: str, **ratings: int) -> dict[str, str]:
    data = {"feedback": feedback, "send": "1"}
    data.update({f"rating_{slug}": str(value) for slug, value in ratings.items()})
    return data


def make_cohort(
    *, name, organisation, coaches, learners, courses=(), days_in=7, days_left=49
) -> Cohort:
    today = timezone.localdate()
    return cohort_create(
        name=name,
        organisation=organisation,
        starts_on=today - timedelta(days=days_in),
        ends_on=today + timedelta(days=days_left),
        coaches=list(coaches),
        learners=list(learners),
        courses=list(courses),
    )
