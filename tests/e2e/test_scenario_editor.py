"""The role-play editor in Chromium: a 40-node conversation opens as headings, the author opens
one node, edits it and publishes; that node changed and every other node is saved unchanged."""

from __future__ import annotations

import pytest
from django.test import Client
from e2e_helpers import read_while_serving
from factories import ScenarioFactory, UserFactory, chain_conversation

from assessments.models import Dimension
from people.roles import Role
from scenarios.models import Scenario

pytestmark = pytest.mark.django_db(transaction=True)

SIZE = 40


@pytest.fixture
def editor(page, live_server):
    """A published 40-node scenario and the browser signed in to the admin as a coach."""
    Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1)
    Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2)
    coach = UserFactory(roles=[Role.COACH], email="coach@editor.example")
    scenario = ScenarioFactory(
        title="Forty nodes",
        persona_name="Anil",
        persona_situation="His car is late.",
        start_key="n0",
        nodes=chain_conversation(SIZE),
    )
    client = Client()
    client.force_login(coach)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_default_timeout(60_000)
    page.goto(f"/admin/snippets/scenarios/scenario/edit/{scenario.pk}/")
    yield Scenario.objects.get(pk=scenario.pk)
    # Leave the editor before the database is flushed: its background requests (the editing
    # session's ping, autosave) would otherwise hold SQLite's lock while the flush runs.
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")


def saved_nodes(scenario: Scenario) -> list[dict]:
    return list(Scenario.objects.get(pk=scenario.pk).nodes.raw_data)


def node_toggle(page, block_id: str):
    return page.locator(f'[data-panel-toggle][aria-controls="block-{block_id}-content"]')


def publish(page) -> None:
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state("load")


def test_an_edited_node_is_saved_and_every_other_node_unchanged(editor, page):
    before = saved_nodes(editor)
    target = before[17]
    # Unopened nodes are headings: none of their text fields is drawn yet.
    assert page.locator("textarea[name^='nodes-']").count() == 0
    assert page.locator(f"#block-{target['id']}-heading").inner_text().split()[-1] == "n17"

    node_toggle(page, target["id"]).click()
    text = page.locator("textarea[name='nodes-17-value-text']")
    assert text.input_value() == "Line 17?"
    text.fill("Line 17, edited in the browser?")
    publish(page)

    after = saved_nodes(editor)
    assert after[17]["value"]["text"] == "Line 17, edited in the browser?"
    edited = {**target, "value": {**target["value"], "text": "Line 17, edited in the browser?"}}
    assert after == [*before[:17], edited, *before[18:]]


def test_an_error_opens_the_node_it_is_on_and_saves_nothing(editor, page):
    before = saved_nodes(editor)
    node_toggle(page, before[5]["id"]).click()
    page.locator("input[name='nodes-5-value-key']").fill("Not A Key")
    publish(page)

    key = page.locator("input[name='nodes-5-value-key']")
    assert key.is_visible()  # its node is open again, the error beside the field
    field = page.locator("[data-contentpath='key']", has=key)
    assert "lowercase letters" in field.inner_text()
    assert node_toggle(page, before[6]["id"]).get_attribute("aria-expanded") == "false"
    assert saved_nodes(editor) == before

    # Fixed, the same form publishes: the other nodes came back through the error unchanged.
    key.fill("n5")
    publish(page)
    assert saved_nodes(editor) == before


def latest_revision(scenario: Scenario) -> tuple:
    revision = read_while_serving(lambda: Scenario.objects.get(pk=scenario.pk).latest_revision)
    return revision.pk, revision.created_at


def test_opening_a_node_is_no_edit_to_autosave_but_typing_in_it_is(editor, page):
    before = latest_revision(editor)
    target = saved_nodes(editor)[3]
    page.wait_for_timeout(3_000)  # the editor notes the form as loaded after 2 s
    node_toggle(page, target["id"]).click()
    page.locator("textarea[name='nodes-3-value-text']").wait_for()
    page.wait_for_timeout(3_000)  # autosave looks every 0.5 s
    assert latest_revision(editor) == before

    page.locator("textarea[name='nodes-3-value-text']").fill("Autosaved?")
    for _ in range(40):
        if latest_revision(editor) != before:
            break
        page.wait_for_timeout(250)
    assert latest_revision(editor) != before
    content = read_while_serving(lambda: Scenario.objects.get(pk=editor.pk).latest_revision.content)
    assert "Autosaved?" in str(content)


def node_action(page, block_id: str, action: str):
    return (
        page.locator(f"#block-{block_id}-section")
        .locator(f"[data-streamfield-action='{action}']")
        .first
    )


def draft_nodes(scenario: Scenario) -> list[dict]:
    return list(Scenario.objects.get(pk=scenario.pk).get_latest_revision_as_object().nodes.raw_data)


def test_unopened_nodes_duplicated_moved_and_added_to_are_saved_as_a_draft(editor, page):
    before = saved_nodes(editor)
    node_action(page, before[2]["id"], "DUPLICATE").click()
    node_action(page, before[5]["id"], "MOVE_UP").click()
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Ending").click()
    page.locator("input[name$='-value-key']:visible").last.fill("extra")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("load")

    after = draft_nodes(editor)
    duplicate = after[3]
    assert duplicate["id"] != before[2]["id"]
    assert duplicate["value"]["key"] == "n2"
    assert [c["value"]["text"] for c in duplicate["value"]["choices"]] == [
        c["value"]["text"] for c in before[2]["value"]["choices"]
    ]
    assert after[:3] == before[:3]
    assert after[4:7] == [before[3], before[5], before[4]]
    assert after[7:-1] == before[6:]
    assert after[-1]["type"] == "ending" and after[-1]["value"]["key"] == "extra"
