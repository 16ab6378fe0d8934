"""In a real browser: pages full of the XSS corpus open no dialog, and the strict Content
Security Policy reports nothing (no inline script of ours, none injected)."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from e2e_helpers import sign_in

from coaching.services import goal_add, question_answer, question_ask, review_save
from courses.models import CourseIndexPage
from courses.services import enrolment_get_or_create, module_step_complete
from people.models import User
from scenarios.services import attempt_answer, attempt_start

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "scenarios"))
sys.path.insert(0, str(TESTS / "trust"))
import play_helpers as ph  # noqa: E402
from factories import (  # noqa: E402
    CertificateFactory,
    CoursePageFactory,
    ModulePageFactory,
    reflection,
    story,
)
from xss_payloads import PAYLOADS  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "\"><img src=x onerror=alert('name')><script>alert('name')</script>"
JOINED = "\n".join(PAYLOADS)


@pytest.fixture
def payload_pages(demo, live_server, settings):
    """The demo, plus a course whose learner wrote every payload and whose coach answered
    with every payload, in Markdown."""
    settings.TOUCHPOINT_BASE_URL = live_server.url
    learner = User.objects.get(email="learner@example.com")
    coach = User.objects.get(email="coach@example.com")
    learner.full_name, learner.preferred_name = NAME, ""
    learner.save()

    ph.dimensions_ensure()
    scenario = ph.scenario_create(title="Payloads")
    course = CoursePageFactory(parent=CourseIndexPage.objects.first(), title="Payload course")
    module = ModulePageFactory(
        parent=course,
        steps=[
            story("The order", "<p>A parcel goes missing.</p>"),
            reflection("What would you say?", min_length=5),
            ph.roleplay_step(scenario),
        ],
    )
    steps = list(module.steps)
    enrolment = enrolment_get_or_create(user=learner, course=course)
    module_step_complete(enrolment=enrolment, module=module, step_id=steps[0].id)
    module_step_complete(
        enrolment=enrolment, module=module, step_id=steps[1].id, reflection=("Prompt", JOINED)
    )
    attempt = attempt_start(
        user=learner, scenario=scenario, context_page_id=module.pk, context_step_id=steps[2].id
    )
    attempt_answer(attempt=attempt, sequence=0, node_key="opening", choice_index=0)
    attempt_answer(attempt=attempt, sequence=1, node_key="probe", choice_index=0)
    reply = attempt_answer(attempt=attempt, sequence=2, node_key="write", reply=JOINED)
    review_save(coach=coach, step=reply, ratings={"empathy": 3}, feedback=JOINED)
    question = question_ask(learner=learner, text=JOINED, module=module)
    question_answer(question=question, coach=coach, answer=JOINED)
    goal_add(
        learner=learner,
        actor=coach,
        text=PAYLOADS[9],
        due_on=timezone.localdate() + timedelta(days=7),
    )
    certificate = CertificateFactory(user=learner, course=course, learner_name=NAME)
    return {
        "learner_urls": [
            "/learn/",
            "/profile/",
            "/certificates/",
            "/coach/me/",
            f"{module.url}step/2/",
            f"{module.url}step/3/",
            f"/learn/attempts/{attempt.pk}/",
        ],
        "coach_urls": [
            f"/coach/reviews/{reply.pk}/",
            f"/coach/questions/{question.pk}/",
            f"/coach/learners/{learner.pk}/",
        ],
        "public_urls": [f"/certificates/verify/{certificate.code}/"],
    }


def watch(page) -> tuple[list[str], list[str]]:
    dialogs: list[str] = []
    policy_reports: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            policy_reports.append(f"{page.url}: {message.text}")

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    return dialogs, policy_reports


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    # Give handlers a chance: hover and focus what a person would.
    page.mouse.move(200, 200)
    page.keyboard.press("Tab")
    page.wait_for_timeout(150)


def test_payload_pages_open_no_dialog_and_break_no_policy(payload_pages, page, browser):
    dialogs, reports = watch(page)
    for url in payload_pages["public_urls"]:
        visit(page, url)
        assert NAME in page.inner_text("main")  # shown as the text it is

    sign_in(page)
    for url in payload_pages["learner_urls"]:
        visit(page, url)

    coach_page = browser.new_context(base_url=page.url.split("/learn/")[0]).new_page()
    coach_dialogs, coach_reports = watch(coach_page)
    sign_in(coach_page, email="coach@example.com")
    for url in payload_pages["coach_urls"]:
        visit(coach_page, url)
    coach_page.context.close()

    assert dialogs + coach_dialogs == []
    assert reports + coach_reports == []
