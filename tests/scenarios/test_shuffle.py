"""Choices are shown in an order of their own per attempt: the same on every reload and on
resume, different from one attempt to the next; the answer is still recorded by choice."""

from __future__ import annotations

import play_helpers as ph
import pytest
from factories import takeaways
from helpers import modules_of, signed_in, step_url

from scenarios.models import Attempt, AttemptStep

ANSWERS = [
    "I'm sorry, let me look at it now.",
    "Let me check with the depot first.",
    "The courier handles deliveries.",
    "Could you tell me the order number?",
]


@pytest.fixture
def url(make_course):
    ph.dimensions_ensure()
    nodes = [
        ph.choice_node(
            "opening",
            "Where is my parcel?",
            [ph.choice(text, "end", points={"empathy": 2 - n}) for n, text in enumerate(ANSWERS)],
        ),
        ph.ending_node("end", outcome="Maya hangs up"),
    ]
    scenario = ph.scenario_create(nodes=nodes)
    course = make_course(
        modules=1, steps=[ph.roleplay_step(scenario), takeaways()], slug="shuffled"
    )
    return step_url(modules_of(course)[0], 1)


def shown(response) -> list[int]:
    """The choice indexes in the order the page lists them."""
    return list(ph.offered(response))


def test_the_order_holds_on_reload_and_when_the_learner_comes_back(learner, learner_client, url):
    order = shown(ph.start(learner_client, url))
    assert sorted(order) == [0, 1, 2, 3]

    assert shown(learner_client.get(url)) == order
    assert shown(signed_in(learner).get(url)) == order  # another device, the same attempt
    [attempt] = Attempt.objects.filter(user=learner)
    assert attempt.shuffle_seed > 0


def test_each_attempt_has_its_own_order(learner_client, url):
    orders = {tuple(shown(ph.start(learner_client, url)))}
    for _attempt in range(11):
        orders.add(tuple(shown(ph.retry(learner_client, url))))
    # Twelve attempts over 24 possible orders: all alike would be a 1-in-24^11 chance.
    assert len(orders) > 1
    assert all(sorted(order) == [0, 1, 2, 3] for order in orders)
    # The authored first answer is not always shown first.
    assert any(order[0] != 0 for order in orders)


def test_the_answer_is_recorded_by_choice_with_the_place_it_was_shown(learner, learner_client, url):
    order = shown(ph.start(learner_client, url))
    index = order[2]  # the third one on the page

    ph.choose(learner_client, url, index)

    [step] = AttemptStep.objects.filter(attempt__user=learner)
    assert (step.choice_index, step.choice_text, step.position) == (index, ANSWERS[index], 3)


def test_an_attempt_started_before_shuffling_keeps_the_authored_order(learner, learner_client, url):
    ph.start(learner_client, url)
    Attempt.objects.filter(user=learner).update(shuffle_seed=0)

    assert shown(learner_client.get(url)) == [0, 1, 2, 3]
