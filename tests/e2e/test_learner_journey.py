"""The demo learner signs in, takes a module to the end, sees the progress, signs out."""

from __future__ import annotations

import re

import pytest
from e2e_helpers import answer_questionnaire_if_asked, play_to_an_ending, sign_in
from playwright.sync_api import expect

from courses.models import ModulePage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def test_demo_learner_takes_a_module_and_sees_progress(demo, page):
    sign_in(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Hello, Prakash"
    expect(page.locator("body")).to_contain_text("0 of 13 modules done")

    page.get_by_role("link", name=re.compile(r"^Start\b.*Customers, not targets")).click()
    # Before the first module: the course's self-assessment, with every statement required.
    expect(page.locator("body")).to_contain_text("how do you work with customers today?")
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_load_state()
    assert "/before/" in page.url  # the browser refuses the empty form (required radios)
    assert answer_questionnaire_if_asked(page)
    page.wait_for_url("**/step/1/")
    module = ModulePage.objects.originals().get(slug="care-after-the-sale")
    total = len(module.steps)
    for number in range(1, total + 1):
        expect(page.locator("body")).to_contain_text(f"Step {number} of {total}")
        if page.get_by_role("button", name="Start the conversation").count():
            play_to_an_ending(page)
        answer = page.locator("textarea[name=answer]")
        if answer.count():
            # Too short first: a clear message, and the text is kept.
            answer.fill("Too short")
            page.get_by_role("button", name="Next").click()
            expect(page.locator("body")).to_contain_text("Please write at least")
            assert answer.input_value() == "Too short"
            answer.fill(
                "Call the customer a week after delivery and ask how the car is treating them."
            )
        last = number == total
        page.get_by_role("button", name="Finish module" if last else "Next").click()

    assert "You completed" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("link", name="Back to my learning").click()
    expect(page.locator("body")).to_contain_text("1 of 13 modules done")
    progress = page.locator("progress").first
    assert progress.get_attribute("value") == "1"

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto("/learn/")
    assert "/accounts/login/" in page.url


def test_step_pages_reflow_on_a_narrow_phone(demo, page):
    page.set_viewport_size({"width": 320, "height": 700})
    sign_in(page)
    module = ModulePage.objects.originals().get(slug="in-the-callers-own-language")
    page.goto(module.url + "step/1/")
    answer_questionnaire_if_asked(page)
    for path in ("/learn/", module.url, module.url + "step/1/", "/learn/attitude/"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways at 320 px ({width} px wide)"


def test_devanagari_name_renders_with_the_bundled_font(demo, page):
    sign_in(page)
    # The learner's name is Devanagari; the bundled Noto Sans Devanagari face must load.
    page.goto("/profile/")
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate("document.fonts.check('16px \"Touchpoint Sans\"', 'प्रकाश कुलकर्णी')")
    assert loaded
    assert page.locator("input[name=full_name]").input_value() == "प्रकाश कुलकर्णी"
