"""Demo coaching data for `seed_demo`: the demo cohort and one written reply waiting for review.

Idempotent: running it again adds nobody twice and plays no second role-play.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage, ModulePage
from people.models import Organisation, User
from scenarios.graph import FREE_TEXT, Graph, reachable
from scenarios.models import AttemptStep
from scenarios.selectors import graph_for_attempt
from scenarios.services import attempt_answer, attempt_start

from .models import Cohort
from .services import cohort_create

COHORT_NAME = "Demo cohort"
# A module no browser test plays, so the seeded attempt changes nothing they check.
REVIEW_MODULE_SLUG = "it-was-my-fault"
DEMO_REPLY = (
    "Sorry about that, it happens sometimes with our mailing list. I'll send you the slides "
    "from the orientation so you can read them. Let me know if you have questions."
)


def demo_coaching_ensure(
    *, organisation: Organisation, coach: User, learners: list[User], course: CoursePage
) -> Cohort:
    cohort = Cohort.objects.filter(organisation=organisation, name=COHORT_NAME).first()
    if cohort is None:
        today = timezone.localdate()
        cohort = cohort_create(
            name=COHORT_NAME,
            organisation=organisation,
            starts_on=today - timedelta(days=7),
            ends_on=today + timedelta(days=49),
            coaches=[coach],
            learners=learners,
            courses=[course],
        )
    else:
        cohort.coaches.add(coach)
        cohort.learners.add(*learners)
        cohort.courses.add(course)
    if learners:
        _written_reply_ensure(learner=learners[0], course=course)
    return cohort


def _written_reply_ensure(*, learner: User, course: CoursePage) -> None:
    """The learner plays one role-play with a written reply, so the coach has one to review."""
    if AttemptStep.objects.filter(
        attempt__user=learner, choice_index__isnull=True, reply__gt=""
    ).exists():
        return
    module = ModulePage.objects.child_of(course).filter(slug=REVIEW_MODULE_SLUG).first()
    if module is None:
        return
    step = next((block for block in module.steps if block.block_type == "roleplay"), None)
    scenario = step.value.get("scenario") if step else None
    if scenario is None or not scenario.live:
        return
    attempt = attempt_start(
        user=learner, scenario=scenario, context_page_id=module.pk, context_step_id=step.id
    )
    graph = graph_for_attempt(attempt)
    toward_reply = _nodes_reaching(graph, kind=FREE_TEXT)
    for _turn in range(50):
        node = graph.node(attempt.current_key)
        if node is None or attempt.finished_at is not None:
            return
        if node.kind == FREE_TEXT:
            attempt_answer(
                attempt=attempt,
                sequence=attempt.step_count,
                node_key=node.key,
                reply=DEMO_REPLY,
            )
            toward_reply = set()  # from here on, any way to an ending will do
            continue
        offered = node.offered_choices(attempt.play_state)
        choice = next((c for c in offered if c.next_key in toward_reply), offered[0])
        attempt_answer(
            attempt=attempt,
            sequence=attempt.step_count,
            node_key=node.key,
            choice_index=choice.index,
        )


def _nodes_reaching(graph: Graph, *, kind: str) -> set[str]:
    """Keys of nodes from which some path reaches a node of this kind (including those nodes)."""
    targets = [key for key, node in graph.nodes.items() if node.kind == kind]
    return set(reachable(graph, targets, backwards=True))
