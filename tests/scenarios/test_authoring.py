"""Authoring role-plays in the Wagtail admin: drafts, refused and accepted publishing, who may
author, and putting a published scenario into a module."""

from __future__ import annotations

import play_helpers as ph
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from factories import UserFactory, story, takeaways
from helpers import modules_of, signed_in, step_url
from wagtail import hooks
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses.blocks import RolePlayBlock
from courses.models import ModulePage
from people.roles import Role
from scenarios.graph import graph_problems
from scenarios.models import Scenario

ADD_URL = "wagtailsnippets_scenarios_scenario:add"
TITLE = "The wrong size"


def edit_url(scenario: Scenario) -> str:
    return reverse("wagtailsnippets_scenarios_scenario:edit", args=[scenario.pk])


def three_nodes(*, polite_goes_to: str = "thanks") -> list[dict]:
    return [
        ph.choice_node(
            "opening",
            "These shoes are the wrong size. Again.",
            [
                ph.choice(
                    "I'm sorry. Let me swap them now and post the right pair today.",
                    polite_goes_to,
                    points={"ownership": 2},
                    feedback="You fixed it without making her ask twice.",
                    reaction="She puts the box down.",
                    mood=1,
                ),
                ph.choice(
                    "Did you check the size chart?",
                    "bye",
                    points={"ownership": -2},
                    feedback="You made it her fault.",
                    mood=-2,
                ),
            ],
        ),
        ph.ending_node("thanks", "Thank you.", outcome="She stays", tone="good"),
        ph.ending_node("bye", "Never again.", outcome="She leaves", tone="poor"),
    ]


@pytest.fixture
def coach(org_a):
    ph.dimensions_ensure()
    return UserFactory(organisation=org_a, email="coach@acme.example", roles=[Role.COACH])


def post_scenario(client, url: str, *, nodes: list[dict], publish: bool, start: str = "opening"):
    data = ph.scenario_form_data(title=TITLE, start=start, nodes=nodes, publish=publish)
    return client.post(url, data)


def errors(response) -> str:
    return ph.text(response)


# --- creating and publishing --------------------------------------------------------------------


def test_the_add_form_offers_the_scenario_fields(root_client):
    response = root_client.get(reverse(ADD_URL))

    assert response.status_code == 200
    names = {tag.get("name") for tag in ph.page(response).find_all(["input", "textarea"])}
    assert {"title", "persona_name", "persona_situation", "start_key"} <= names
    assert "Conversation" in ph.text(response)


def test_admin_creates_and_publishes_a_three_node_scenario(root_client):
    response = post_scenario(root_client, reverse(ADD_URL), nodes=three_nodes(), publish=True)

    assert response.status_code == 302, errors(response)
    scenario = Scenario.objects.get(title=TITLE)
    assert scenario.live
    assert scenario.live_revision_id == scenario.latest_revision_id is not None
    graph = scenario.graph
    assert list(graph.order) == ["opening", "thanks", "bye"]
    assert graph.start.text == "These shoes are the wrong size. Again."
    assert [c.next_key for c in graph.start.choices] == ["thanks", "bye"]
    assert graph.start.choices[0].points == {"ownership": 2}
    assert graph.start.choices[1].mood == -2
    assert graph.node("thanks").tone == "good"
    assert graph_problems(graph, dimensions={"ownership"}) == []


def test_a_draft_may_point_nowhere_but_publishing_it_is_refused_until_fixed(root_client):
    broken = three_nodes(polite_goes_to="nowhere")

    # 1. Save as draft: accepted, saved, not live.
    response = post_scenario(root_client, reverse(ADD_URL), nodes=broken, publish=False)

    assert response.status_code == 302, errors(response)
    scenario = Scenario.objects.get(title=TITLE)
    assert not scenario.live
    assert scenario.live_revision_id is None
    assert scenario.latest_revision_id is not None
    assert scenario.graph.start.choices[0].next_key == "nowhere"
    draft_revision = scenario.latest_revision_id

    # 2. Publish it as it is: refused, and the message names the node and the missing key.
    response = post_scenario(root_client, edit_url(scenario), nodes=broken, publish=True)

    assert response.status_code == 200
    text = errors(response)
    assert "This scenario cannot be published yet" in text
    assert (
        "Node “opening”: the choice “I'm sorry. Let me swap them now and post” "
        "points at “nowhere”, which does not exist."
    ) in text  # the choice is named by its first 40 characters
    scenario.refresh_from_db()
    assert not scenario.live
    assert scenario.live_revision_id is None
    assert scenario.latest_revision_id == draft_revision

    # 3. Point the choice at an existing node and publish: live.
    response = post_scenario(root_client, edit_url(scenario), nodes=three_nodes(), publish=True)

    assert response.status_code == 302, errors(response)
    scenario.refresh_from_db()
    assert scenario.live
    assert scenario.live_revision_id == scenario.latest_revision_id != draft_revision
    assert Scenario.objects.get(pk=scenario.pk).graph.start.choices[0].next_key == "thanks"


def test_a_broken_edit_of_a_live_scenario_leaves_the_live_version_alone(root_client):
    post_scenario(root_client, reverse(ADD_URL), nodes=three_nodes(), publish=True)
    scenario = Scenario.objects.get(title=TITLE)
    live_revision = scenario.live_revision_id
    broken = three_nodes()
    broken[0]["value"]["choices"][1]["next_key"] = "gone"

    refused = post_scenario(root_client, edit_url(scenario), nodes=broken, publish=True)
    drafted = post_scenario(root_client, edit_url(scenario), nodes=broken, publish=False)

    assert refused.status_code == 200
    assert "points at “gone”, which does not exist." in errors(refused)
    assert drafted.status_code == 302
    scenario.refresh_from_db()
    assert scenario.live
    assert scenario.live_revision_id == live_revision
    assert scenario.has_unpublished_changes
    assert Scenario.objects.get(pk=scenario.pk).graph.start.choices[1].next_key == "bye"
    latest = scenario.get_latest_revision_as_object()
    assert latest.graph.start.choices[1].next_key == "gone"  # the draft


def test_a_refused_publish_saves_the_draft_and_lists_each_problem_on_its_own_line(root_client):
    post_scenario(root_client, reverse(ADD_URL), nodes=three_nodes(), publish=False)
    scenario = Scenario.objects.get(title=TITLE)
    first_draft = scenario.latest_revision_id
    broken = three_nodes(polite_goes_to="nowhere")
    broken[0]["value"]["choices"][1]["next_key"] = "gone"
    broken[0]["value"]["choices"][1]["text"] = "Read the size chart."

    response = post_scenario(root_client, edit_url(scenario), nodes=broken, publish=True)

    assert response.status_code == 200
    [message] = ph.page(response).select(".messages li.error")
    words = " ".join(message.get_text(" ").split())
    assert words.startswith("The draft was saved. This scenario cannot be published yet:")
    assert "could not be saved" not in ph.text(response)
    problems = [" ".join(li.get_text().split()) for li in message.select("ul.errorlist li")]
    assert problems == [
        "Node “opening”: the choice “I'm sorry. Let me swap them now and post” "
        "points at “nowhere”, which does not exist.",
        "Node “opening”: the choice “Read the size chart.” points at “gone”, which does not exist.",
        "Node “thanks”: it cannot be reached from the start.",
        "Node “bye”: it cannot be reached from the start.",
        "Node “opening”: no path from here ever reaches an ending.",
    ]
    scenario.refresh_from_db()
    assert not scenario.live
    assert scenario.latest_revision_id != first_draft  # the edits are kept, as a draft
    draft = scenario.get_latest_revision_as_object().graph.start
    assert [choice.next_key for choice in draft.choices] == ["nowhere", "gone"]


def test_a_refused_publish_that_saves_the_draft_runs_the_after_edit_hooks_once(root_client):
    """Code hooked on snippet edits (Wagtail's after_edit_snippet) hears of the saved draft, as
    it would after "Save draft"; an unchanged draft saves nothing and tells nobody."""
    post_scenario(root_client, reverse(ADD_URL), nodes=three_nodes(), publish=False)
    scenario = Scenario.objects.get(title=TITLE)
    heard = []
    broken = three_nodes(polite_goes_to="nowhere")

    with hooks.register_temporarily(
        "after_edit_snippet", lambda request, obj: heard.append(obj.pk)
    ):
        post_scenario(root_client, edit_url(scenario), nodes=broken, publish=True)
        post_scenario(root_client, edit_url(scenario), nodes=broken, publish=True)

    assert heard == [scenario.pk]


def test_a_refused_publish_that_would_not_save_as_a_draft_either_says_so(root_client):
    post_scenario(root_client, reverse(ADD_URL), nodes=three_nodes(), publish=False)
    scenario = Scenario.objects.get(title=TITLE)
    draft = scenario.latest_revision_id
    bad_key = three_nodes()
    bad_key[1]["value"]["key"] = "Not A Key"

    response = post_scenario(root_client, edit_url(scenario), nodes=bad_key, publish=True)

    assert response.status_code == 200
    assert "could not be saved due to errors" in ph.text(response)
    assert "The draft was saved" not in ph.text(response)
    scenario.refresh_from_db()
    assert scenario.latest_revision_id == draft


def test_a_dimension_that_does_not_exist_is_refused_by_the_form(root_client):
    nodes = three_nodes()
    nodes[0]["value"]["choices"][0]["points"] = [{"dimension": "charm", "points": 1}]

    response = post_scenario(root_client, reverse(ADD_URL), nodes=nodes, publish=True)

    assert response.status_code == 200
    assert "charm is not one of the available choices" in response.content.decode()
    assert not Scenario.objects.exists()


# --- the editor opens fast whatever the size of the conversation -------------------------------


def test_the_editor_costs_the_same_for_4_and_40_nodes(root_client):
    """Fixed queries (no query per dimension select), no field that measures itself with script
    per conversation field (Wagtail's auto-height textarea: a forced layout each), nodes drawn
    collapsed. bench/scenario_edit.py measures the time."""
    small = ph.scenario_create(title="Small", start="n0", nodes=ph.chain_nodes(4))
    big = ph.scenario_create(title="Big", start="n0", nodes=ph.chain_nodes(40))

    pages = {}
    for scenario in (small, big):
        with CaptureQueriesContext(connection) as queries:
            response = root_client.get(edit_url(scenario))
        assert response.status_code == 200
        pages[scenario.title] = (len(queries), response.content.decode())

    assert pages["Small"][0] == pages["Big"][0]
    small_html, big_html = pages["Small"][1], pages["Big"][1]
    assert big_html.count("w-autosize") == small_html.count("w-autosize")
    assert big_html.count("conversation-text") == small_html.count("conversation-text") > 0
    block = Scenario._meta.get_field("nodes").stream_block
    assert block.meta.collapsed


# --- who may author -----------------------------------------------------------------------------


def coach_authors_a_scenario(client) -> Scenario:
    assert client.get(reverse("wagtailsnippets_scenarios_scenario:list")).status_code == 200
    assert client.get(reverse(ADD_URL)).status_code == 200
    response = post_scenario(
        client, reverse(ADD_URL), nodes=three_nodes(polite_goes_to="nowhere"), publish=False
    )
    assert response.status_code == 302, errors(response)
    scenario = Scenario.objects.get(title=TITLE)
    assert client.get(edit_url(scenario)).status_code == 200
    response = post_scenario(client, edit_url(scenario), nodes=three_nodes(), publish=True)
    assert response.status_code == 302, errors(response)
    scenario.refresh_from_db()
    assert scenario.live
    return scenario


def test_a_coach_adds_a_draft_then_fixes_and_publishes_a_scenario(coach):
    scenario = coach_authors_a_scenario(signed_in(coach))

    assert scenario.graph.start.choices[0].next_key == "thanks"


@pytest.mark.parametrize("role", [Role.LEARNER, Role.HR])
def test_learners_and_hr_cannot_author_scenarios(org_a, role):
    ph.dimensions_ensure()
    client = signed_in(UserFactory(organisation=org_a, roles=[role]))

    response = post_scenario(client, reverse(ADD_URL), nodes=three_nodes(), publish=True)

    assert response.status_code in (302, 403)
    assert not Scenario.objects.exists()


# --- into a module ------------------------------------------------------------------------------


@pytest.fixture
def module(make_course):
    course = make_course(
        modules=1,
        steps=[story("The shop", "<p>A box comes back.</p>"), takeaways()],
        title="Returns",
        slug="returns",
    )
    return modules_of(course)[0]


def module_edit_data(client, module, scenario_id) -> dict:
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").dict()
    data.update(
        nested_form_data(
            {
                "steps": streamfield(
                    [
                        (
                            "story",
                            {
                                "heading": "The shop",
                                "body": rich_text("<p>A box comes back.</p>"),
                                "image": "",
                                "image_alt": "",
                            },
                        ),
                        ("roleplay", {"scenario": str(scenario_id), "introduction": "Go on."}),
                    ]
                )
            }
        )
    )
    data["action-publish"] = "action-publish"
    return data


def test_a_published_scenario_is_added_to_a_module_and_learners_play_it(
    root_client, module, learner_client
):
    post_scenario(root_client, reverse(ADD_URL), nodes=three_nodes(), publish=True)
    scenario = Scenario.objects.get(title=TITLE)
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])

    response = root_client.post(url, module_edit_data(root_client, module, scenario.pk))

    assert response.status_code == 302, errors(response)
    module = ModulePage.objects.originals().get(pk=module.pk)
    assert [block.block_type for block in module.steps] == ["story", "roleplay"]
    assert module.steps[1].value["scenario"] == scenario
    learner_client.post(step_url(module, 1), {"action": "next"})
    shown = ph.start(learner_client, step_url(module, 2))
    assert ph.current_line(shown) == "Maya Pillai These shoes are the wrong size. Again."
    response = ph.choose(learner_client, step_url(module, 2), 0, shown=shown)
    assert "She stays" in ph.result_text(response)


def test_the_module_editor_refuses_a_scenario_that_is_not_published(root_client, module):
    draft = ph.scenario_create(title="Still a draft", nodes=three_nodes(), live=False)
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])

    response = root_client.post(url, module_edit_data(root_client, module, draft.pk))

    assert response.status_code == 200
    assert "Publish this scenario before adding it to a module." in response.content.decode()
    module = ModulePage.objects.originals().get(pk=module.pk)
    assert [block.block_type for block in module.steps] == ["story", "takeaways"]


def test_the_roleplay_block_refuses_an_unpublished_scenario():
    ph.dimensions_ensure()
    draft = ph.scenario_create(title="Draft", nodes=three_nodes(), live=False)
    block = RolePlayBlock()

    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"scenario": draft.pk, "introduction": ""}))

    assert "Publish this scenario before adding it to a module." in str(refused.value.block_errors)


def test_the_roleplay_block_accepts_a_live_scenario():
    ph.dimensions_ensure()
    live = ph.scenario_create(title="Live", nodes=three_nodes())
    block = RolePlayBlock()

    cleaned = block.clean(block.to_python({"scenario": live.pk, "introduction": "Hi"}))

    assert cleaned["scenario"] == live
    assert cleaned["introduction"] == "Hi"


def test_a_scenario_set_into_module_steps_as_raw_data_is_played(module, learner_client):
    ph.dimensions_ensure()
    scenario = ph.scenario_create(title="Raw", nodes=three_nodes())
    raw = list(module.steps.raw_data)
    raw.insert(1, ph.roleplay_step(scenario, "Keep her."))
    module.steps = raw
    module.save_revision().publish()
    module = ModulePage.objects.originals().get(pk=module.pk)
    learner_client.post(step_url(module, 1), {"action": "next"})

    response = learner_client.get(step_url(module, 2))

    assert "Keep her." in ph.text(response)
    assert "Start the conversation" in ph.text(response)
