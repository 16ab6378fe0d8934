"""A learner plays a demo role-play in Chromium, with the keyboard where it matters."""

from __future__ import annotations

import pytest
from e2e_helpers import answer_questionnaire_if_asked, sign_in
from playwright.sync_api import expect

from cms.demo_data import demo_graph
from courses.models import ModulePage
from scenarios.scoring import best_path

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def test_learner_plays_a_demo_roleplay_to_a_good_ending(demo, page):
    sign_in(page)
    module = ModulePage.objects.originals().get(slug="care-after-the-sale")
    number = [block.block_type for block in module.steps].index("roleplay") + 1
    page.goto(f"{module.url}step/1/")
    answer_questionnaire_if_asked(page)
    page.wait_for_url("**/step/1/")
    for _step in range(1, number):  # story and insight come first
        page.get_by_role("button", name="Next").click()
    expect(page.locator("body")).to_contain_text(f"Step {number} of")
    graph = demo_graph("care-after-the-sale")
    best = best_path(graph)  # the strongest answer at every decision, every self-check ticked
    decisions = {decision.node.key: decision for decision in best.decisions}

    page.get_by_role("button", name="Start the conversation").click()
    for key in best.steps:
        node = graph.node(key)
        if key in decisions:
            decision = decisions[key]
            line = node.text_for(decision.state)
            expect(page.locator("form.roleplay-turn blockquote")).to_contain_text(line[:40])
            radio = page.locator(f"#choice-{decision.choice.index}")
            radio.focus()
            page.keyboard.press("Space")  # choose with the keyboard
            assert radio.is_checked()
            page.get_by_role("button", name="Answer").click()
            if decision.choice.reaction:
                expect(page.locator(".feedback")).to_contain_text(decision.choice.reaction[:40])
        else:
            page.get_by_label(node.prompt).fill(
                "I'm sorry for the silence. I will call you every Friday until the car is home."
            )
            for check in node.checks:
                page.get_by_label(check.text).check()
            page.get_by_role("button", name="Send reply").click()

    ending = best.ending
    assert ending.tone == "good"
    result = page.locator(".result")
    assert ending.outcome in result.inner_text()
    assert "100 out of 100" in result.inner_text()
    assert "Points per attitude" in result.inner_text()
    assert result.locator("table.scores tbody tr").count() >= 1

    # Every attempt is kept: a retry starts afresh and lists the first one.
    page.get_by_role("button", name="Try the conversation again").click()
    assert page.get_by_role("button", name="Answer").is_visible()
    page.get_by_text("1 earlier attempt").click()
    page.get_by_role("link", name="Attempt 1").click()
    # The link opens another page: wait for it rather than read the old one mid-navigation.
    page.wait_for_url("**/attempts/*/")
    expect(page.locator("body")).to_contain_text(ending.outcome)
