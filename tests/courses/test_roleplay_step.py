"""The role-play as a module step: Next waits for an ending, an unpublished scenario can be passed,
the page runs a fixed number of queries, and the demo course's role-plays can be played."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import UserFactory, story, takeaways
from helpers import modules_of, signed_in, step_url

from cms.demo_data import demo_scenarios
from courses.models import CoursePage, ModulePage, ModuleProgress
from people.models import User
from scenarios.models import Attempt, Scenario
from scenarios.services import attempt_answer, attempt_start

# The role-play builders and play helpers live next to the scenario tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenarios"))
import play_helpers as ph

NOT_YET = "Play the role-play to an ending before you move on."


@pytest.fixture
def scenario():
    ph.dimensions_ensure()
    return ph.scenario_create()


@pytest.fixture
def module(make_course, scenario) -> ModulePage:
    """Story, role-play, takeaways."""
    course = make_course(
        modules=1,
        steps=[story("The order", "<p>A parcel goes missing.</p>"), ph.roleplay_step(scenario)],
        title="Parcels",
        slug="parcels",
    )
    module = modules_of(course)[0]
    module.steps = [*module.steps.raw_data, takeaways("Carry this", ("Ring back",))]
    module.save_revision().publish()
    return ModulePage.objects.originals().get(pk=module.pk)


def roleplay_step_id(module: ModulePage) -> str:
    return next(step.id for step in module.steps if step.block_type == "roleplay")


def done_ids(learner, module) -> list[str]:
    progress = ModuleProgress.objects.filter(enrolment__user=learner, module=module).first()
    return list(progress.completed_step_ids) if progress else []


def next_(client, module, number: int):
    return client.post(step_url(module, number), {"action": "next"})


# --- Next waits for an ending -------------------------------------------------------------------


def test_next_is_refused_until_an_attempt_has_finished(learner_client, learner, module):
    client, url = learner_client, step_url(module, 2)
    assert next_(client, module, 1)["Location"] == url

    for play in (lambda: None, lambda: ph.start(client, url), lambda: ph.choose(client, url, 0)):
        play()
        refused = next_(client, module, 2)

        assert refused.status_code == 302
        assert refused["Location"].split("#")[0] == url
        assert ph.messages(client.get(url)) == [NOT_YET]
        assert roleplay_step_id(module) not in done_ids(learner, module)
        assert client.get(step_url(module, 3))["Location"] == url  # step 3 is still closed

    ph.choose(client, url, 0)
    ph.reply(client, url, "I'll ring you at ten tomorrow.")
    ph.choose(client, url, 0)
    allowed = next_(client, module, 2)

    assert allowed["Location"] == step_url(module, 3)
    assert roleplay_step_id(module) in done_ids(learner, module)
    assert client.get(step_url(module, 3)).status_code == 200


def test_next_stays_allowed_while_a_retry_is_in_progress(learner_client, learner, module):
    url = step_url(module, 2)
    next_(learner_client, module, 1)
    ph.play_good_path(learner_client, url)
    ph.retry(learner_client, url)

    response = next_(learner_client, module, 2)

    assert response["Location"] == step_url(module, 3)


def test_the_step_labels_next_as_finish_on_the_last_step(learner_client, make_course, scenario):
    module = modules_of(make_course(modules=1, steps=[ph.roleplay_step(scenario)]))[0]
    url = step_url(module, 1)

    assert "Finish module" not in ph.text(learner_client.get(url))  # not before an ending
    assert next_(learner_client, module, 1)["Location"].split("#")[0] == url
    ph.play_good_path(learner_client, url)

    assert "Finish module" in ph.text(learner_client.get(url))


def go_on_buttons(response) -> list[str]:
    """The step's own way on (Next / Finish module), not the role-play's buttons."""
    return [
        button.get_text(strip=True)
        for button in ph.page(response).select("button[name=action][value=next]")
    ]


def test_the_step_offers_next_only_once_the_conversation_has_ended(learner_client, module):
    url = step_url(module, 2)
    next_(learner_client, module, 1)

    before = learner_client.get(url)
    assert go_on_buttons(before) == []
    assert ph.page(before).find("button", attrs={"value": "start"}).get_text(strip=True) == (
        "Start the conversation"
    )
    assert "Start the conversation and play it to an ending to go on." in ph.text(before)
    assert "Back" in [link.get_text(strip=True) for link in ph.page(before).select(".actions a")]

    ph.start(learner_client, url)
    ph.choose(learner_client, url, 0)
    playing = learner_client.get(url)
    assert go_on_buttons(playing) == []
    assert "Play the conversation to an ending to go on." in ph.text(playing)

    ph.choose(learner_client, url, 0)
    ph.reply(learner_client, url, "I'll ring you at ten tomorrow.")
    ph.choose(learner_client, url, 0)
    assert go_on_buttons(learner_client.get(url)) == ["Next"]

    ph.retry(learner_client, url)  # a retry in progress: it was played to an ending once
    assert go_on_buttons(learner_client.get(url)) == ["Next"]


def test_an_unavailable_roleplay_offers_next_at_once(learner_client, module, scenario):
    next_(learner_client, module, 1)
    scenario.unpublish()

    assert go_on_buttons(learner_client.get(step_url(module, 2))) == ["Next"]


def test_an_unpublished_scenario_shows_a_notice_and_can_be_passed(
    learner_client, learner, module, scenario
):
    next_(learner_client, module, 1)
    ph.start(learner_client, step_url(module, 2))
    scenario.unpublish()

    response = learner_client.get(step_url(module, 2))

    assert response.status_code == 200
    text = ph.text(response)
    assert "This role-play is not available at the moment. You can go on with the module." in text
    assert ph.OPENING_LINE not in text
    assert ph.page(response).select_one("form.roleplay-turn") is None
    assert next_(learner_client, module, 2)["Location"] == step_url(module, 3)


# --- a fixed number of queries ------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200  # warm up: visit records, graph cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def roleplay_module(make_course, scenario, slug: str) -> ModulePage:
    return modules_of(make_course(modules=1, steps=[ph.roleplay_step(scenario)], slug=slug))[0]


def play_chain(user, scenario, module, *, answers: int) -> Attempt:
    attempt = attempt_start(
        user=user,
        scenario=scenario,
        context_page_id=module.pk,
        context_step_id=roleplay_step_id(module),
    )
    for sequence in range(answers):
        attempt_answer(
            attempt=attempt,
            sequence=sequence,
            node_key=attempt.current_key,
            choice_index=sequence % 2,
        )
    return attempt


@pytest.mark.parametrize("finished", [False, True], ids=["playing", "finished"])
def test_a_roleplay_step_runs_as_many_queries_for_4_nodes_as_for_40(
    learner_client, learner, make_course, finished
):
    ph.dimensions_ensure()
    counts = {}
    for size in (4, 40):
        scenario = ph.scenario_create(title=f"{size} nodes", start="n0", nodes=ph.chain_nodes(size))
        module = roleplay_module(make_course, scenario, f"chain-{size}")
        attempt = play_chain(learner, scenario, module, answers=size - 1 if finished else 2)
        assert attempt.finished == finished
        counts[size] = count_queries(learner_client, step_url(module, 1))

    assert counts[4] == counts[40], counts


def test_a_roleplay_step_runs_as_many_queries_after_1_attempt_as_after_20(
    make_course, org_a, learner
):
    ph.dimensions_ensure()
    scenario = ph.scenario_create(title="Chain", start="n0", nodes=ph.chain_nodes(4))
    module = roleplay_module(make_course, scenario, "chain")
    few, many = learner, UserFactory(organisation=org_a, email="many@acme.example")
    counts = {}
    for user, earlier in ((few, 1), (many, 20)):
        for _ in range(earlier):
            play_chain(user, scenario, module, answers=3)
        play_chain(user, scenario, module, answers=1)  # and one in progress
        assert Attempt.objects.filter(user=user).count() == earlier + 1
        counts[earlier] = count_queries(signed_in(user), step_url(module, 1))

    assert counts[1] == counts[20], counts


# --- the demo course ----------------------------------------------------------------------------


@pytest.fixture
def demo(demo):
    return CoursePage.objects.originals().get(slug="customers-not-targets")


def test_every_demo_module_has_a_live_roleplay_step_a_coach_can_edit(demo):
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    modules = modules_of(demo)

    assert len(modules) == len(demo_scenarios()) == 13
    for module in modules:
        steps = [step for step in module.steps if step.block_type == "roleplay"]
        assert len(steps) == 1, module.slug  # once, even after seeding twice
        scenario = steps[0].value["scenario"]
        assert scenario.live, module.slug
        assert scenario.title == demo_scenarios()[module.slug]["title"]
    originals = Scenario.objects.filter(locale__language_code="en")
    assert originals.count() == originals.filter(live=True).count() == 13
    coach = signed_in(User.objects.get(email="coach@example.com"))
    assert coach.get("/admin/snippets/scenarios/scenario/").status_code == 200
    assert coach.get(f"/admin/snippets/scenarios/scenario/edit/{scenario.pk}/").status_code == 200
