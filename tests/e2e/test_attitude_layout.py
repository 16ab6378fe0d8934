"""My attitude reads well on a desktop and on a phone (issue 14: "Befor e" at 1280 px, a
collapsed table at 360 px): no word breaks inside itself, nothing runs off the page, every value
shows. The same table serves the coach's view of a shared profile (with the coach's ratings)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from e2e_helpers import sign_in

from assessments.models import Response
from assessments.selectors import dimension_names
from coaching.models import Cohort, ProfileShare, Review
from courses.models import CoursePage, ModulePage
from people.models import User
from scenarios.models import Attempt, AttemptStep, Scenario

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1280, 1024, 800, 360)  # the two, and a tablet's either way

# Every text node of the table's cells, word by word: a word drawn on two lines has two boxes.
BROKEN_WORDS = """(table) => {
    const broken = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const head = node.parentElement.closest('thead');
        if (head && head.getBoundingClientRect().width <= 1) continue;  // for screen readers
        const re = /\\S+/g;
        let match;
        while ((match = re.exec(node.data))) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""

# Each cell: its text, whether it is drawn (non-empty box inside the viewport), and whether
# its content is cut off (scrollWidth beyond its box); for the header cells, their lines.
CELLS = """(table) => [...table.querySelectorAll('th, td')].map((cell) => {
    const box = cell.getBoundingClientRect();
    const style = getComputedStyle(cell);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    return {
        text: cell.innerText.trim(),
        tag: cell.tagName,
        head: !!cell.closest('thead'),
        label: getComputedStyle(cell, '::before').content,
        shown: box.width > 0 && box.height > 0 && box.left >= 0
            && box.right <= document.documentElement.clientWidth + 0.5,
        cut: cell.scrollWidth > cell.clientWidth + 1,
        lines: Math.round((box.height - padding) / line),
    };
})"""


@pytest.fixture
def profile(demo, live_server):
    """The demo learner's before and after answers, role-play points and a coach's rating,
    shared with the demo cohort."""
    learner = User.objects.get(email="learner@example.com")
    coach = User.objects.get(email="coach@example.com")
    course = CoursePage.objects.originals().get(slug="customers-not-targets")
    slugs = list(dimension_names())
    for phase, base in ((Response.BEFORE, 12.5), (Response.AFTER, 50.0)):
        Response.objects.create(
            user=learner,
            questionnaire=course.before_questionnaire,
            revision=course.before_questionnaire.latest_revision,
            context_page_id=course.pk,
            phase=phase,
            scale_points=5,
            scores={slug: base + 12.5 * (n % 3) for n, slug in enumerate(slugs)},
        )
    module = ModulePage.objects.child_of(course).live().order_by("path").first()
    scenario = Scenario.objects.filter(live=True).first()
    Attempt.objects.create(
        user=learner,
        scenario=scenario,
        revision=scenario.latest_revision,
        context_page_id=module.pk,
        context_step_id="layout",
        current_key="end",
        points={slug: (-2, 0, 3)[n % 3] for n, slug in enumerate(slugs)},
        finished_at=timezone.now(),
        number=99,
    )
    step = AttemptStep.objects.filter(attempt__user=learner).exclude(reply="").first()
    Review.objects.create(
        step=step,
        learner=learner,
        coach=coach,
        course=course,
        ratings=dict.fromkeys(slugs, 4),
        feedback="Good.",
    )
    ProfileShare.objects.create(learner=learner, cohort=Cohort.objects.get(learners=learner))
    return learner


def check_table(page, width: int) -> list[dict]:
    page.set_viewport_size({"width": width, "height": 900})
    tables = page.locator("table.attitude-table")
    assert tables.count() >= 1
    table = tables.first
    assert table.evaluate(BROKEN_WORDS) == [], f"words broken at {width} px"
    cells = table.evaluate(CELLS)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    values = [cell for cell in cells if not cell["head"]]
    assert values and all(cell["shown"] and not cell["cut"] for cell in values), (width, values)
    side_by_side = page.locator("table.attitude-table thead").first.bounding_box()["width"] > 1
    assert side_by_side == (width > 960), "a table from the page's full width, else cards"
    if side_by_side:
        headers = [cell for cell in cells if cell["head"]]
        assert all(cell["shown"] and not cell["cut"] for cell in headers), headers
        assert all(cell["lines"] <= 2 for cell in headers), headers
    else:
        # Stacked: each value names its column (the header row is there for screen readers).
        data = [cell for cell in values if cell["tag"] == "TD"]
        assert all(cell["label"] not in ("none", "normal", '""') for cell in data), data
    return cells


@pytest.mark.parametrize("width", WIDTHS)
def test_my_attitude_reads_well_at_each_width(profile, page, width):
    sign_in(page)
    page.goto("/learn/attitude/")

    cells = check_table(page, width)

    texts = [cell["text"] for cell in cells]
    for header in ("Before", "After", "Change", "Role-play points"):
        assert header in texts
    assert "50.0" in texts and "12.5" in texts and "+37.5" in texts
    assert any(t.startswith("In between: you rated yourself in the middle") for t in texts)


@pytest.mark.parametrize("width", (1280, 360))
def test_the_coach_sees_a_shared_profile_as_readably(profile, page, width):
    sign_in(page, "coach@example.com")
    page.goto(f"/coach/learners/{profile.pk}/profile/")

    cells = check_table(page, width)

    texts = [cell["text"] for cell in cells]
    assert "Coach's rating" in texts and "75.0" in texts  # a rating of 4 on 1-5
