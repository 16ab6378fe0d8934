"""Issue 4's walk: before the course, a module with a role-play, after the course; the learner
sees both charts and the comparison; HR's figures do not move for one more person."""

from __future__ import annotations

import pytest
from e2e_helpers import all_modules_done_but, answer_mirrored, sign_in, take_module_to_the_end

from assessments.selectors import dimension_names
from scenarios.models import Attempt

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def attitude_rows(page) -> dict[str, list[str]]:
    rows = {}
    for row in page.locator("table.attitude-table tbody tr").all():
        rows[row.locator("th").inner_text().strip()] = [
            cell.inner_text().strip() for cell in row.locator("td").all()
        ]
    return rows


def test_before_a_roleplay_and_after_show_the_change_and_the_comparison(demo, page, browser):
    module = all_modules_done_but("care-after-the-sale")  # the one this walk takes
    sign_in(page)
    page.goto(f"{module.url}step/1/")

    # Before the first module the course asks its questionnaire.
    page.wait_for_url("**/before/**")
    answer_mirrored(page, 2)  # modest: every attitude 25.0
    page.wait_for_url("**/step/1/")
    page.goto("/learn/attitude/")
    assert page.locator("svg.profile-chart").count() == 1
    assert all(cells[:3] == ["25.0", "—", "—"] for cells in attitude_rows(page).values())

    # The module, with its role-play, to the end: the course is complete and offers the after.
    page.goto(f"{module.url}step/1/")
    take_module_to_the_end(page)
    page.get_by_role("link", name="Answer the questionnaire after the course").click()
    page.wait_for_url("**/after/**")
    answer_mirrored(page, 4)  # every attitude 75.0
    page.wait_for_url("**/learn/attitude/")

    chart = page.locator("svg.profile-chart").first
    assert chart.is_visible()
    assert chart.locator("rect[fill^='url(#pc-hatch']").count() == 6  # before bars, hatched
    rows = attitude_rows(page)
    assert len(rows) == 6
    # Role-play points: the latest finished attempt of each role-play in the course (the one
    # just played, and the demo's earlier written reply in another module) add up.
    latest: dict[tuple[int, str], dict[str, int]] = {}
    for attempt in Attempt.objects.filter(
        user__email="learner@example.com", finished_at__isnull=False
    ).order_by("number"):
        latest[(attempt.context_page_id, attempt.context_step_id)] = attempt.points
    assert any(page_id == module.pk for page_id, _step in latest), "the role-play just played"
    totals: dict[str, int] = {}
    for points in latest.values():
        for slug, value in points.items():
            totals[slug] = totals.get(slug, 0) + int(value)
    for slug, name in dimension_names().items():
        before, after, change, points, comparison = rows[name]
        assert (before, after, change) == ("25.0", "75.0", "+50.0")
        played = totals.get(slug)
        if played is None:
            assert (points, comparison) == ("—", "No role-play choice has touched this yet.")
        elif played > 0:
            assert points == f"+{played}" and comparison.startswith("Agreed: you rated yourself")
        elif played < 0:
            assert points == str(played) and comparison.startswith("Differs: you rated yourself")
        else:
            assert points == "0" and comparison.startswith("Even:")
    assert any(totals.values()), "the role-plays moved no attitude"

    # HR: the demo learner is the fifth of Customer support to answer, before and after. Showing
    # the team now would give its four others away: the organisation's figure from before the
    # learner answered (all ten) minus the Store floor's (the same six) is those four. So HR
    # still sees the organisation only, and when its figures were last updated.
    hr = browser.new_context(base_url=page.url.split("/learn/")[0]).new_page()
    sign_in(hr, email="hr@example.com")
    hr.goto("/hr/attitudes/")
    team = hr.locator("section.hr-group", has_text="Team Customer support")
    assert "Not enough responses" in team.locator("dl").inner_text()
    whole = hr.locator("section.hr-group", has_text="whole organisation")
    assert "10 respondents" in whole.locator("dl").inner_text()
    assert whole.locator("table.scores").is_visible()
    assert "Figures last updated" in hr.content()
    assert "Prakash" not in hr.content() and "learner@example.com" not in hr.content()
