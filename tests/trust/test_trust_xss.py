"""Cross-site scripting: the payload corpus (xss_payloads.py) rendered on every page that shows
text someone typed. Names, reflections, written role-play replies, coach feedback (Markdown),
questions, goals, notes, and the staff-authored course text (rich text, scenario lines).

Nothing may come out executable: no script that is not our static file, no event handler, no
`javascript:`/`data:` URL, no frame or object. Plain text must come out as the same text.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from factories import UserFactory, reflection, story
from helpers import modules_of, signed_in, step_url
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from xss_payloads import PAYLOADS, executable_markup, visible_text

from certificates.services import certificate_issue
from coaching.services import (
    cohort_create,
    goal_add,
    note_add,
    question_answer,
    question_ask,
    question_follow_up,
    review_save,
)
from courses.blocks import RICH_TEXT_FEATURES
from courses.services import enrolment_get_or_create
from people.roles import Role
from scenarios.models import AttemptStep

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenarios"))
import play_helpers as ph

JOINED = "\n".join(PAYLOADS)


def test_the_corpus_is_broad():
    assert len(PAYLOADS) >= 30
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert all(len(p) <= 200 for p in PAYLOADS)  # each fits a full name
    assert len(JOINED) <= 3000  # all of them fit one written reply


def test_the_check_catches_what_it_should():
    """The checker itself: each of these would run script in a browser."""
    for page in [
        "<p><script>alert(1)</script></p>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JAVA\tscript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
        '<iframe src="/"></iframe>',
        '<meta http-equiv="refresh" content="0;url=/">',
    ]:
        assert executable_markup(page), page
    assert executable_markup('<script src="/static/cms/js/site.js" defer></script>') == []


def inert(client: Client, url: str, *, expect_text: str | None = None, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    page = response.content.decode()
    problems = executable_markup(page)
    assert problems == [], (url, problems)
    if expect_text is not None:
        assert expect_text in visible_text(page), (url, expect_text)
    return page


# --- data -----------------------------------------------------------------------------------------


def world_build(org_a, make_course, *, names: list[str]) -> dict:
    """A role-play course, one learner per name, a cohort with a coach, certificates."""
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    course = make_course(
        modules=1,
        steps=[
            story("The order", "<p>A parcel goes missing.</p>"),
            reflection("What would you say?", min_length=5),
            ph.roleplay_step(scenario),
        ],
        title="Parcels",
        slug="parcels",
    )
    module = modules_of(course)[0]
    coach = UserFactory(organisation=None, roles=[Role.COACH], full_name="Zoë Coach")
    hr = UserFactory(organisation=org_a, roles=[Role.HR], full_name="Hema HR")
    learners = []
    certificates = []
    for name in names:
        learner = UserFactory(organisation=org_a, full_name=name, preferred_name="")
        enrolment_get_or_create(user=learner, course=course)
        certificates.append(certificate_issue(user=learner, course=course))
        learners.append(learner)
    cohort = cohort_create(
        name="Cohort",
        organisation=org_a,
        starts_on=date(2026, 1, 1),
        ends_on=date(2036, 1, 1),
        coaches=[coach],
        learners=learners,
        courses=[course],
    )
    return {
        "course": course,
        "module": module,
        "scenario": scenario,
        "coach": coach,
        "hr": hr,
        "learners": learners,
        "certificates": certificates,
        "cohort": cohort,
    }


@pytest.fixture
def world(org_a, make_course):
    """One learner (named with a payload too) in a coached cohort."""
    return world_build(org_a, make_course, names=[PAYLOADS[0]])


@pytest.fixture
def named_world(org_a, make_course):
    """One learner per payload, each named with it."""
    return world_build(org_a, make_course, names=PAYLOADS)


# --- names ----------------------------------------------------------------------------------------


def test_names_render_as_text_wherever_they_appear(named_world):
    world = named_world
    for learner, certificate in zip(world["learners"], world["certificates"], strict=True):
        name = learner.full_name
        client = signed_in(learner)
        inert(client, "/learn/", expect_text=name)  # the header greets them
        inert(client, "/profile/")
        inert(client, "/certificates/", expect_text=name)
        inert(Client(), f"/certificates/verify/{certificate.code}/", expect_text=name)

    hr = signed_in(world["hr"])
    for url in ("/hr/", "/hr/report/", "/certificates/manage/", "/hr/attitudes/"):
        inert(hr, url)
    report = inert(hr, "/hr/report/")
    manage = inert(hr, "/certificates/manage/")
    for payload in PAYLOADS[:20]:  # the first page of each list
        assert payload in visible_text(report) or payload in visible_text(manage), payload

    coach = signed_in(world["coach"])
    cohort = inert(coach, f"/coach/cohorts/{world['cohort'].pk}/")
    inert(coach, "/coach/")
    for learner in world["learners"]:
        assert learner.full_name in visible_text(cohort)
        inert(coach, f"/coach/learners/{learner.pk}/", expect_text=learner.full_name)


# --- what learners write --------------------------------------------------------------------------


def test_reflection_answers_render_as_text(world):
    learner, module = world["learners"][0], world["module"]
    client = signed_in(learner)
    client.post(step_url(module, 1), {"action": "next"})

    saved = client.post(step_url(module, 2), {"action": "next", "answer": JOINED})

    assert saved.status_code == 302
    page = inert(client, step_url(module, 2))
    for payload in PAYLOADS:
        assert payload in visible_text(page), payload


def test_written_replies_and_coach_feedback_are_harmless(world):
    learner, module, coach = world["learners"][0], world["module"], world["coach"]
    client = signed_in(learner)
    url = step_url(module, 3)
    client.post(step_url(module, 1), {"action": "next"})
    client.post(step_url(module, 2), {"action": "next", "answer": "An honest answer."})
    ph.start(client, url)
    ph.choose(client, url, 0)
    ph.choose(client, url, 0)
    ph.reply(client, url, JOINED)
    step = AttemptStep.objects.get(attempt__user=learner, node_key="write")
    assert step.reply == JOINED
    attempt_url = reverse("courses:attempt", args=[step.attempt_id])
    coach_client = signed_in(coach)

    for page in (
        inert(client, url),
        inert(client, attempt_url),
        inert(coach_client, f"/coach/reviews/{step.pk}/"),
        inert(coach_client, f"/coach/learners/{learner.pk}/attempts/{step.attempt_id}/"),
    ):
        for payload in PAYLOADS:
            assert payload in visible_text(page), payload

    # The coach's Markdown feedback, one payload at a time, where learner and coach read it.
    rubric = dict.fromkeys(("empathy",), 3)
    for payload in PAYLOADS:
        review_save(coach=coach, step=step, ratings=rubric, feedback=f"Well done.\n\n{payload}")
        inert(client, attempt_url)
        inert(client, "/coach/me/")
    inert(coach_client, f"/coach/reviews/{step.pk}/")


def test_questions_goals_and_notes_are_harmless(world):
    learner, coach, module = world["learners"][0], world["coach"], world["module"]
    client, coach_client = signed_in(learner), signed_in(coach)
    for payload in PAYLOADS:
        question = question_ask(learner=learner, text=payload, module=module)
        question_answer(question=question, coach=coach, answer=f"Try this: {payload}")
        # The conversation goes on: a follow-up, read with the earlier messages above it.
        reply = question_follow_up(learner=learner, question=question, text=f"And? {payload}")
        inert(coach_client, f"/coach/questions/{reply.pk}/", expect_text=payload)
        question_answer(question=reply, coach=coach, answer=f"Then: {payload}")
        goal_add(learner=learner, actor=coach, text=payload, due_on=date(2030, 1, 1))
        note_add(coach=coach, learner=learner, session_on=date(2026, 2, 1), body=payload)
        inert(coach_client, f"/coach/questions/{question.pk}/", expect_text=payload)

    me = inert(client, "/coach/me/")
    coach_page = inert(coach_client, f"/coach/learners/{learner.pk}/")
    for payload in PAYLOADS:
        assert payload in visible_text(me), payload
        assert payload in visible_text(coach_page), payload
    inert(coach_client, "/coach/")


# --- what staff write -----------------------------------------------------------------------------


def contentstate_with(payloads: list[str]) -> str:
    """Rich text as the Draftail editor posts it: each payload a paragraph, and links with
    dangerous URLs (the editor would send whatever was pasted)."""
    import json

    blocks, entities = [], {}
    for index, payload in enumerate(payloads):
        entities[str(index)] = {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": "javascript:alert(1)" if index % 2 else "data:text/html,<b>x</b>"},
        }
        blocks.append(
            {
                "key": f"k{index}",
                "type": "unstyled",
                "depth": 0,
                "text": payload,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(payload), "key": index}],
                "data": {},
            }
        )
    return json.dumps({"blocks": blocks, "entityMap": entities})


def test_rich_text_and_scenario_lines_written_in_the_admin_are_harmless(make_course, learner):
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    body = converter.to_database_format(contentstate_with(PAYLOADS))
    ph.dimensions_ensure()
    nodes = ph.call_centre_nodes()
    nodes[0]["value"]["text"] = PAYLOADS[0]
    nodes[0]["value"]["choices"][0]["text"] = PAYLOADS[8]
    scenario = ph.scenario_create(persona_name=PAYLOADS[5][:120], nodes=nodes)
    course = make_course(
        modules=1,
        steps=[story(PAYLOADS[1][:200], body), ph.roleplay_step(scenario)],
        title="</title><script>alert(1)</script>",
    )
    module = modules_of(course)[0]
    client = signed_in(learner)

    inert(client, "/learn/catalogue/", expect_text=course.title)
    inert(client, course.url, expect_text=course.title)
    story_page = inert(client, step_url(module, 1))
    for payload in PAYLOADS:
        assert payload in visible_text(story_page), payload
    client.post(step_url(module, 1), {"action": "next"})
    ph.start(client, step_url(module, 2))
    inert(client, step_url(module, 2), expect_text=PAYLOADS[0])
    enrolment_get_or_create(user=learner, course=course)
    inert(client, "/learn/", expect_text=course.title)
