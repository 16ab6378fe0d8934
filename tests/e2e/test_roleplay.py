"""A learner plays a demo role-play in Chromium, with the keyboard where it matters."""

from __future__ import annotations

import pytest
from e2e_helpers import answer_questionnaire_if_asked, sign_in
from playwright.sync_api import expect

from cms import demo_scenarios
from courses.models import ModulePage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def caring_choice(node: dict) -> int:
    """Index of the unconditional choice with the most points: the caring answer."""
    scored = [
        (sum(choice["points"].values()), index)
        for index, choice in enumerate(node["choices"])
        if not choice.get("condition")
    ]
    return max(scored)[1]


def test_learner_plays_a_demo_roleplay_to_a_good_ending(demo, page):
    sign_in(page)
    module = ModulePage.objects.get(slug="care-after-the-sale")
    number = [block.block_type for block in module.steps].index("roleplay") + 1
    page.goto(f"{module.url}step/1/")
    answer_questionnaire_if_asked(page)
    page.wait_for_url("**/step/1/")
    for _step in range(1, number):  # story and insight come first
        page.get_by_role("button", name="Next").click()
    expect(page.locator("body")).to_contain_text(f"Step {number} of")
    data = demo_scenarios.SCENARIOS["care-after-the-sale"]
    nodes = {node["key"]: node for node in data["nodes"]}

    page.get_by_role("button", name="Start the conversation").click()
    key = data["start"]
    for _turn in range(len(nodes)):
        node = nodes[key]
        if node["kind"] == "ending":
            break
        expect(page.locator("body")).to_contain_text(node["text"][:40])
        if node["kind"] == "choice":
            index = caring_choice(node)
            radio = page.locator(f"#choice-{index}")
            radio.focus()
            page.keyboard.press("Space")  # choose with the keyboard
            assert radio.is_checked()
            page.get_by_role("button", name="Answer").click()
            choice = node["choices"][index]
            if choice.get("feedback"):
                assert choice["feedback"][:40] in page.locator(".feedback").inner_text()
            key = choice["next"]
        else:
            page.get_by_label(node["prompt"]).fill(
                "I'm sorry for the silence. I will call you every Friday until the car is home."
            )
            page.get_by_role("button", name="Send reply").click()
            key = node["next"]

    ending = nodes[key]
    assert ending["kind"] == "ending"
    result = page.locator(".result")
    assert ending["outcome"] in result.inner_text()
    assert "Points per attitude" in result.inner_text()
    assert result.locator("table.scores tbody tr").count() >= 1

    # Every attempt is kept: a retry starts afresh and lists the first one.
    page.get_by_role("button", name="Try the conversation again").click()
    assert page.get_by_role("button", name="Answer").is_visible()
    page.get_by_text("1 earlier attempt").click()
    page.get_by_role("link", name="Attempt 1").click()
    # The link opens another page: wait for it rather than read the old one mid-navigation.
    page.wait_for_url("**/attempts/*/")
    expect(page.locator("body")).to_contain_text(ending["outcome"])
