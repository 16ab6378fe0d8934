"""Before the course, a module with a role-play, after the course: the learner sees the change."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone
from e2e_helpers import answer_questionnaire_if_asked, play_to_an_ending, sign_in

from courses.models import CoursePage, Enrolment, ModulePage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server):
    call_command("seed_demo", verbosity=0)


def test_before_a_roleplay_and_after_show_the_change_and_the_comparison(demo, page):
    sign_in(page)
    module = ModulePage.objects.get(slug="care-after-the-sale")
    page.goto(f"{module.url}step/1/")
    answer_questionnaire_if_asked(page, value=2)  # modest before the course
    page.wait_for_url("**/step/1/")
    # Walk to the role-play and play it.
    while not page.get_by_role("button", name="Start the conversation").count():
        page.get_by_role("button", name="Next").click()
    play_to_an_ending(page)

    # The rest of the course is done elsewhere; the after questionnaire then opens.
    course = CoursePage.objects.get(slug="customers-not-targets")
    Enrolment.objects.filter(user__email="learner@example.com", course=course).update(
        completed_at=timezone.now()
    )
    page.goto(f"/learn/courses/{course.pk}/after/")
    assert answer_questionnaire_if_asked(page, value=4)
    page.wait_for_url("**/learn/attitude/")

    chart = page.locator("svg.profile-chart").first
    assert chart.is_visible()
    assert chart.locator("rect[fill^='url(#pc-hatch']").count() == 6  # before bars, hatched
    table = page.locator("table.attitude-table")
    assert table.locator("tbody tr").count() == 6
    text = table.inner_text()
    assert "+" in text  # a change after the course
    assert "Agreed" in text or "Differs" in text  # compared with the role-play choices
