"""The demo coach reviews the demo learner's written reply; notes, an action plan, a tick."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from e2e_helpers import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Private: nervous about phone calls, practise the apology out loud."
GOAL = "Greet every caller by name this week"


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_coach_reviews_learner_sees_feedback_note_stays_private_goal_ticked(demo, page):
    # The coach finds the demo cohort and the reply waiting for feedback.
    sign_in(page, "coach@example.com")
    page.get_by_role("link", name="Coaching").click()
    page.wait_for_url("**/coach/")
    assert page.get_by_role("link", name="Demo cohort", exact=True).is_visible()
    page.locator(".queue__item").first.get_by_role("link", name="Review").click()
    page.wait_for_url("**/coach/reviews/**")
    assert page.locator(".transcript__focus").is_visible()
    page.get_by_role("group", name="Ownership").get_by_label("2 – beginning").check()
    page.get_by_role("group", name="Quality mindset").get_by_label("4 – good").check()
    page.get_by_label("Feedback for the learner").fill(
        "You owned the mistake. Next time **offer a catch-up** and fix the address."
    )
    page.get_by_role("button", name="Preview").click()
    assert page.locator(".coach-feedback strong").inner_text() == "offer a catch-up"
    page.get_by_role("button", name="Send feedback").click()
    page.wait_for_url("**/coach/")
    assert "Feedback sent to Prakash" in page.locator(".messages").inner_text()
    assert "Nothing is waiting" in page.content()

    # A private note and an agreed goal on the learner's page.
    page.get_by_role("link", name="Demo cohort", exact=True).click()
    page.wait_for_url("**/coach/cohorts/**")
    page.get_by_role("link", name="प्रकाश कुलकर्णी").click()
    page.wait_for_url("**/coach/learners/**")
    learner_url = page.url
    page.get_by_role("textbox", name="Note").fill(NOTE)
    page.get_by_role("button", name="Save note").click()
    assert NOTE in page.locator("#notes").inner_text()
    page.locator("#action-plan").get_by_role("textbox", name="Goal").fill(GOAL)
    page.get_by_label("Due date").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Add goal").click()
    assert GOAL in page.locator("#action-plan").inner_text()
    sign_out(page)

    # The learner: two notifications, e-mailed too; the feedback beside the answer.
    sign_in(page)
    assert page.locator(".site-nav .badge--count").inner_text().split() == [
        "2",
        "new",
        "notifications",
    ]
    assert {m.to[0] for m in mail.outbox} == {"learner@example.com"}
    assert len(mail.outbox) == 2
    page.get_by_role("link", name="My coach").click()
    page.wait_for_url("**/coach/me/")
    page.get_by_role("link", name="Your coach gave feedback").click()
    page.wait_for_url("**/learn/attempts/**")
    feedback = page.locator(".line--you + .coach-feedback")
    assert feedback.is_visible()
    assert feedback.locator("strong").inner_text() == "offer a catch-up"
    assert "4 – good" in feedback.inner_text()
    assert NOTE not in page.content()

    # The learner ticks the goal off; the note is nowhere on their pages.
    page.goto("/coach/me/")
    assert NOTE not in page.content()
    goal = page.locator(".goal", has_text=GOAL)
    goal.get_by_role("button", name="Tick off").click()
    page.wait_for_url("**/coach/me/**")
    assert "Done" in page.locator(".goal", has_text=GOAL).inner_text()
    page.goto("/learn/attitude/")
    assert "Coach's rating" in page.locator("table.attitude-table").first.inner_text()
    sign_out(page)

    # The coach sees the history.
    sign_in(page, "coach@example.com")
    page.goto(learner_url)
    goal = page.locator(".goal", has_text=GOAL)
    goal.locator("summary").click()
    history = goal.locator(".goal__history").inner_text()
    assert "agreed — Zoë O'Brien-Ñúñez" in history
    assert "ticked off — प्रकाश कुलकर्णी" in history
