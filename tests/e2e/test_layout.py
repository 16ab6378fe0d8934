"""Layout in a real browser at a laptop's 1280 px and a phone's 360 px: HR's completion report
fits without the page scrolling sideways, Wagtail's userbar covers no content, and a role-play
step offers no "Next" before the conversation has been played."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from e2e_helpers import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [1280, 360]
# Set TOUCHPOINT_SCREENSHOTS=/some/dir to look at the pages these tests see.
SCREENSHOTS = os.environ.get("TOUCHPOINT_SCREENSHOTS", "")


def shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


@pytest.fixture
def long_rows(demo):
    """Learners with long names and e-mail addresses who completed the demo course, each with
    a certificate: the widest rows the report shows."""
    from factories import CertificateFactory

    from courses.models import CoursePage, Enrolment
    from people.models import Team, User

    organisation = User.objects.get(email="hr@example.com").organisation
    team = Team.objects.get(organisation=organisation, name="Customer support")
    course = CoursePage.objects.originals().get(slug="customers-not-targets")
    now = timezone.now()
    for number in range(3):
        person = User.objects.create_user(
            email=f"venkatanarasimha.rajuvaripet.{number}@customer-support.example.com",
            full_name=f"Venkatanarasimharajuvaripet Subrahmanya Lakshminarayana {number}",
            organisation=organisation,
            team=team,
        )
        Enrolment.objects.create(
            user=person,
            course=course,
            due_date=timezone.localdate() + timedelta(days=7),
            assigned_at=now - timedelta(days=20),
            started_at=now - timedelta(days=10),
            completed_at=now - timedelta(days=1),
        )
        CertificateFactory(user=person, course=course, code=f"WWWWW-WWWWW-WWWWW-WWW{number}W")


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


def box_within(inner: dict, outer: dict) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_completion_report_fits_the_screen(long_rows, browser, live_server, width):
    viewport = {"width": width, "height": 900}
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    page = context.new_page()
    sign_in(page, "hr@example.com")
    page.goto("/hr/report/?status=completed")
    shot(page, f"report-{width}")

    no_sideways_scroll(page)
    header = page.get_by_role("columnheader", name="Certificate")
    codes = page.locator("table.report-table tbody td code")
    assert codes.count() == 3
    screen = {"x": 0, "width": width}
    scroller = page.locator(".hr-table")
    if width >= 1280:
        # Every column, the certificate code whole on its line, without scrolling at all.
        for cell in (header, *codes.all()):
            assert box_within(cell.bounding_box(), screen), cell.bounding_box()
        assert page.evaluate("(el) => el.scrollWidth <= el.clientWidth", scroller.element_handle())
        for code in codes.all():
            assert code.evaluate("(el) => el.getClientRects().length") == 1  # one line
    else:
        # On a phone the table scrolls in its own box, the learner's name staying in view.
        assert box_within(scroller.bounding_box(), screen)
        scroller.evaluate("(el) => el.scrollLeft = el.scrollWidth")
        box = scroller.bounding_box()
        for cell in (header, codes.first):
            assert box_within(cell.bounding_box(), box), cell.bounding_box()
        name = page.locator("table.report-table tbody th").first
        assert box_within(name.bounding_box(), box)
        no_sideways_scroll(page)
    context.close()


# --- Wagtail's userbar covers nothing -------------------------------------------------------------

# Boxes of everything a person reads or uses on the page (Wagtail's userbar itself left out):
# interactive elements, and each line of text (a Range's client rects).
CONTENT_BOXES = """() => {
    const boxes = [];
    const add = (what, r) => {
        if (r.width > 0 && r.height > 0) {
            boxes.push({what, x: r.x, y: r.y, w: r.width, h: r.height});
        }
    };
    const used = 'a, button, input, select, textarea, label, summary';
    for (const el of document.querySelectorAll(used)) {
        if (el.closest('wagtail-userbar')) continue;
        add(el.outerHTML.slice(0, 80), el.getBoundingClientRect());
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const skip = node.parentElement.closest('wagtail-userbar, script, style, template');
        if (!node.textContent.trim() || skip) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) add(node.textContent.trim().slice(0, 80), r);
    }
    return boxes;
}"""


def covered_by_userbar(page) -> list[str]:
    """What Wagtail's userbar button covers, at the top of the page and scrolled to its end."""
    trigger = page.locator("#wagtail-userbar-trigger")
    if not trigger.count():
        return []
    covered = []
    for scroll in ("0", "document.documentElement.scrollHeight"):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        bar = trigger.bounding_box()
        for box in page.evaluate(CONTENT_BOXES):
            if (
                box["x"] < bar["x"] + bar["width"]
                and bar["x"] < box["x"] + box["w"]
                and box["y"] < bar["y"] + bar["height"]
                and bar["y"] < box["y"] + box["h"]
            ):
                covered.append(f"{page.url}: {box['what']}")
    return covered


def phone(browser, live_server, email: str):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, email)
    return context, page


def test_wagtails_userbar_covers_nothing_on_coach_and_hr_pages_on_a_phone(
    long_rows, browser, live_server
):
    covered = []
    for email, urls in (
        ("coach@example.com", ["/coach/"]),
        ("hr@example.com", ["/hr/", "/hr/report/", "/certificates/manage/"]),
    ):
        context, page = phone(browser, live_server, email)
        for url in urls:
            page.goto(url)
            shot(page, f"userbar{url.replace('/', '-')}360")
            covered += covered_by_userbar(page)
        context.close()

    assert covered == []


def test_on_a_course_page_an_editor_keeps_the_userbar_and_the_page_end_stays_clear(
    demo, browser, live_server
):
    from courses.models import CoursePage

    context, page = phone(browser, live_server, "coach@example.com")
    page.goto(CoursePage.objects.originals().get(slug="customers-not-targets").url)
    shot(page, "userbar-course-360")

    assert page.locator("#wagtail-userbar-trigger").is_visible()  # "edit this page" stays
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    bar = page.locator("#wagtail-userbar-trigger").bounding_box()
    footer = page.locator(".site-footer p, .site-footer a").all()
    assert footer
    for item in footer:
        assert item.bounding_box()["y"] + item.bounding_box()["height"] <= bar["y"], item
    context.close()


# --- the role-play step: "Start the conversation", and no "Next" before an ending ----------------


def test_a_roleplay_step_offers_next_only_after_the_conversation(demo, browser, live_server):
    import re

    from e2e_helpers import answer_questionnaire_if_asked, play_to_an_ending

    from courses.models import ModulePage

    context, page = phone(browser, live_server, "learner@example.com")
    module = ModulePage.objects.originals().get(slug="care-after-the-sale")
    number = [block.block_type for block in module.steps].index("roleplay") + 1
    page.goto(f"{module.url}step/1/")
    answer_questionnaire_if_asked(page)
    page.wait_for_url("**/step/1/")
    for _step in range(1, number):
        page.get_by_role("button", name="Next").click()
    page.wait_for_url(f"**/step/{number}/")
    go_on = page.get_by_role("button", name=re.compile(r"^(Next|Finish module)$"))
    shot(page, "roleplay-before-360")

    assert go_on.count() == 0
    assert page.get_by_role("link", name=re.compile(r"^Next$")).count() == 0
    assert page.get_by_role("button", name="Start the conversation").is_visible()

    play_to_an_ending(page)
    assert go_on.count() == 1 and go_on.is_visible()
    context.close()
