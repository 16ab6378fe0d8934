"""Accessibility in Chromium: axe-core (bundled by axe-playwright-python, nothing downloaded)
with the WCAG 2.1 A and AA rules on the main pages; reflow at 320 px; a whole module with a
role-play done with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from e2e_helpers import answer_questionnaire_if_asked, sign_in
from factories import CertificateFactory

from courses.models import CoursePage, ModulePage
from people.models import User

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


@pytest.fixture
def demo(demo, live_server, settings):
    settings.TOUCHPOINT_BASE_URL = live_server.url
    return live_server


def axe_problems(page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    results = AXE.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{page.url}: {v['id']} ({v['impact']}) {v['help']} at "
        + "; ".join(str(node["target"]) for node in v["nodes"][:4])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def overflow(page) -> int:
    """How far the page scrolls sideways (0: it reflows)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def check(page, problems: list[str], narrow: list[str]) -> None:
    page.wait_for_load_state("load")
    problems.extend(axe_problems(page))
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": 320, "height": 640})
    if (extra := overflow(page)) > 1:
        narrow.append(f"{page.url} scrolls {extra}px sideways at 320px")
    page.set_viewport_size({"width": width, "height": 800})


def demo_course() -> CoursePage:
    return CoursePage.objects.originals().get(slug="customers-not-targets")


def roleplay_module() -> tuple[ModulePage, int]:
    for module in ModulePage.objects.child_of(demo_course()).live().order_by("path"):
        kinds = [step.block_type for step in module.steps]
        if "roleplay" in kinds:
            return module, kinds.index("roleplay") + 1
    raise AssertionError("the demo course has no role-play")


def test_main_pages_have_no_serious_violations_and_reflow(demo, page, browser):
    problems: list[str] = []
    narrow: list[str] = []
    learner = User.objects.get(email="learner@example.com")
    course = demo_course()
    certificate = CertificateFactory(user=learner, course=course)

    for url in ("/", "/accounts/login/", f"/certificates/verify/{certificate.code}/"):
        page.goto(url)
        check(page, problems, narrow)

    sign_in(page)
    check(page, problems, narrow)  # /learn/
    for url in ("/learn/catalogue/", "/certificates/", "/profile/", "/accounts/2fa/"):
        page.goto(url)
        check(page, problems, narrow)

    # The course's questionnaire (asked before the first module).
    module, roleplay_number = roleplay_module()
    page.goto(f"{module.url}step/1/")
    if "/before/" in page.url:
        check(page, problems, narrow)
        answer_questionnaire_if_asked(page)
    page.goto(f"{module.url}step/1/")
    check(page, problems, narrow)  # a module step
    for _ in range(1, roleplay_number):
        if page.locator("textarea[name=answer]").count():
            page.locator("textarea[name=answer]").fill("I look up and greet the customer first.")
        page.get_by_role("button", name=re.compile(r"^Next$")).click()
    page.get_by_role("button", name="Start the conversation").click()
    page.wait_for_url(f"**/step/{roleplay_number}/**")
    check(page, problems, narrow)  # a role-play step, mid-conversation

    coach = browser.new_context(base_url=demo.url, viewport={"width": 1024, "height": 800})
    coach_page = coach.new_page()
    sign_in(coach_page, "coach@example.com")
    coach_page.goto("/coach/")
    check(coach_page, problems, narrow)  # the coach's queue
    coach.close()

    hr = browser.new_context(base_url=demo.url, viewport={"width": 1024, "height": 800})
    hr_page = hr.new_page()
    sign_in(hr_page, "hr@example.com")
    for url in ("/hr/", "/hr/report/", "/certificates/manage/"):
        hr_page.goto(url)
        check(hr_page, problems, narrow)  # the HR dashboard and report
    hr.close()

    assert problems == []
    assert narrow == []


# --- the keyboard alone ---------------------------------------------------------------------------

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)
LABEL_FOCUSABLE = """(selector) => {
    const visible = (el) =>
        el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const found = [];
    document.querySelectorAll(selector).forEach((el, i) => {
        if (!visible(el) && !el.classList.contains('skip-link')) return;
        if (el.closest('[inert], [hidden]')) return;
        el.dataset.kb = String(i);
        found.push({id: String(i), radio: el.type === 'radio' ? el.name : null,
                    text: (el.innerText || el.value || el.name || '').trim().slice(0, 40)});
    });
    return found;
}"""
ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
        || s.boxShadow !== 'none';
    const text = el.innerText || el.value || el.getAttribute('aria-label') || '';
    return {id: el.dataset.kb || null, tag: el.tagName, type: el.type || '', name: el.name || '',
            text: text.trim().slice(0, 40), ring: ring};
}"""


def tab_tour(page, failures: list[str], limit: int = 250) -> None:
    """Tab through the whole page: every control reached, each with a visible focus ring, and
    the tour comes back round (no trap)."""
    controls = page.evaluate(LABEL_FOCUSABLE, FOCUSABLE)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.evaluate("() => window.scrollTo(0, 0)")
    reached: list[dict] = []
    seen: set[str | None] = set()
    came_round = False
    outside = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active is None:  # past the last control, into the browser's own UI
            outside += 1
            if outside > 2:
                break
            continue
        if active["id"] in seen:  # round again: a page without a trap gets here
            came_round = True
            break
        seen.add(active["id"])
        reached.append(active)
    if not came_round:
        failures.append(f"{page.url}: Tab never came back round")
    groups = {c["radio"] for c in controls if c["radio"] and c["id"] in seen}
    for control in controls:
        if control["radio"]:
            if control["radio"] not in groups:
                failures.append(f"{page.url}: radio group {control['radio']} not reachable")
        elif control["id"] not in seen:
            failures.append(f"{page.url}: not reachable with Tab: {control['text']!r}")
    for item in reached:
        if not item["ring"]:
            failures.append(f"{page.url}: no visible focus on {item['tag']} {item['text']!r}")


def tab_to(page, matches: str, limit: int = 250) -> dict:
    """Press Tab until the focused element satisfies the JS predicate `matches` (el => bool)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"() => {{ const el = document.activeElement; return !!el && ({matches})(el); }}"
        ):
            return page.evaluate(ACTIVE)
    raise AssertionError(f"{page.url}: Tab never reached {matches}")


def button_named(*names: str) -> str:
    quoted = ", ".join(repr(n) for n in names)
    return f"(el) => el.tagName === 'BUTTON' && [{quoted}].includes(el.innerText.trim())"


def submit(page) -> None:
    """Enter on the focused button: the form is sent and the next page has loaded."""
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")


def keyboard_sign_in(page, email: str = "learner@example.com") -> None:
    page.goto("/accounts/login/")
    tab_to(page, "(el) => el.name === 'login'")
    page.keyboard.type(email)
    tab_to(page, "(el) => el.name === 'password'")
    page.keyboard.type("touchpoint-demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/learn/")


def keyboard_questionnaire(page) -> None:
    """Each statement: Tab into its radio group, Space picks the focused point."""
    for _statement in range(page.locator("fieldset.likert__item").count()):
        tab_to(page, "(el) => el.type === 'radio' && !el.checked")
        page.keyboard.press("ArrowRight")  # moves to, and checks, the next point
    tab_to(page, button_named("Save my answers"))
    submit(page)


def keyboard_roleplay(page, failures: list[str]) -> None:
    tab_to(page, button_named("Start the conversation"))
    submit(page)
    for _turn in range(30):
        if page.locator("button:has-text('Try the conversation again')").count():
            return
        tab_tour(page, failures)
        page.evaluate("() => window.scrollTo(0, 0)")
        if page.locator("input[name=choice]").count():
            tab_to(page, "(el) => el.type === 'radio' && el.name === 'choice'")
            page.keyboard.press("Space")
            tab_to(page, button_named("Answer"))
        else:
            tab_to(page, "(el) => el.name === 'reply'")
            page.keyboard.type("I'm sorry. I will sort this out for you today.")
            tab_to(page, button_named("Send reply"))
        submit(page)
    raise AssertionError("the role-play never reached an ending")


def test_a_whole_module_with_a_roleplay_by_keyboard_alone(demo, page):
    failures: list[str] = []
    module, _roleplay_number = roleplay_module()
    keyboard_sign_in(page)
    tab_tour(page, failures)  # /learn/

    page.goto(f"{module.url}step/1/")
    if "/before/" in page.url:
        tab_tour(page, failures)
        keyboard_questionnaire(page)
        page.wait_for_url("**/step/1/")
    for _step in range(len(list(module.steps)) + 1):
        if "/done/" in page.url:
            break
        tab_tour(page, failures)
        page.evaluate("() => window.scrollTo(0, 0)")
        if page.locator("button:has-text('Start the conversation')").count():
            keyboard_roleplay(page, failures)
            page.evaluate("() => window.scrollTo(0, 0)")
        if page.locator("textarea[name=answer]").count():
            tab_to(page, "(el) => el.name === 'answer'")
            page.keyboard.type("At the till I look up and greet the customer first.")
        if (
            page.locator("fieldset.likert__item").count()
            and not page.locator("svg.profile-chart").count()
        ):
            keyboard_questionnaire(page)
        tab_to(page, button_named("Next", "Finish module"))
        submit(page)
    assert "/done/" in page.url, page.url
    tab_tour(page, failures)  # the module-done page

    assert not failures, "\n".join(failures)
