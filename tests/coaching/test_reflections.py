"""Reflections: "Only you and your coach can read your answer" is kept.

The learner's cohort coaches read handed-in reflections on the learner's page and answer them
from the review queue; nobody else does (another cohort's coach, HR of the organisation or of
another one, another learner), and a draft kept by "Back" stays the learner's own.
"""

from __future__ import annotations

import pytest
from coaching_helpers import make_cohort, page, text_of
from django.utils import timezone
from django.utils.formats import date_format
from factories import ModulePageFactory, reflection, story
from helpers import modules_of, signed_in, step_url

from coaching.models import Notification, ReflectionFeedback
from courses.models import ReflectionAnswer

PROMPT = "When did you last keep someone waiting?"
ANSWER = "Yesterday <script>alert('x')</script> I let a caller wait while I typed."


@pytest.fixture
def reflect_course(make_course):
    return make_course(
        modules=1,
        steps=[story("Scene", "<p>A shop.</p>"), reflection(PROMPT, min_length=10)],
        title="Waiting",
        slug="waiting",
    )


@pytest.fixture
def reflect_module(reflect_course):
    return modules_of(reflect_course)[0]


@pytest.fixture
def spring(org_a, coach, learner, reflect_course):
    return make_cohort(
        name="Spring cohort",
        organisation=org_a,
        coaches=[coach],
        learners=[learner],
        courses=[reflect_course],
    )


@pytest.fixture
def autumn(org_a, other_coach, colleague, reflect_course):
    """Another cohort of the same organisation, with its own coach and learner."""
    return make_cohort(
        name="Autumn cohort",
        organisation=org_a,
        coaches=[other_coach],
        learners=[colleague],
        courses=[reflect_course],
    )


def hand_in(client, module, answer: str, action: str = "next"):
    """Read the story, then answer the reflection step (Next hands it in, Back keeps a draft)."""
    client.post(step_url(module, 1), {"action": "next"})
    assert client.get(step_url(module, 2)).status_code == 200
    response = client.post(step_url(module, 2), {"action": action, "answer": answer})
    assert response.status_code == 302
    return response


def test_the_cohort_coach_reads_the_reflection_with_its_module_prompt_and_date(
    spring, coach, learner, reflect_module
):
    hand_in(signed_in(learner), reflect_module, ANSWER)
    saved = ReflectionAnswer.objects.get()

    response = signed_in(coach).get(f"/coach/learners/{learner.pk}/")

    section = page(response).find(id="reflections")
    text = " ".join(section.get_text(" ").split())
    assert reflect_module.title in text
    assert PROMPT in text
    # The reader's day (TIME_ZONE), written the one way the site writes dates.
    assert date_format(timezone.localtime(saved.submitted_at), "DATE_FORMAT") in text
    assert "Yesterday <script>alert('x')</script> I let a caller wait" in text
    # The learner's words are text, never markup.
    assert "<script>alert" not in response.content.decode()
    assert section.find("script") is None
    assert section.find("a", href=f"/coach/reflections/{saved.pk}/")


def test_nobody_else_reads_it(
    spring, autumn, coach, other_coach, learner, colleague, hr_a, hr_b, learner_b, reflect_module
):
    hand_in(signed_in(learner), reflect_module, ANSWER)
    saved = ReflectionAnswer.objects.get()
    assert signed_in(coach).get(f"/coach/reflections/{saved.pk}/").status_code == 200

    for stranger in (other_coach, hr_a, hr_b, colleague, learner_b):
        client = signed_in(stranger)
        for url in (f"/coach/learners/{learner.pk}/", f"/coach/reflections/{saved.pk}/"):
            assert client.get(url).status_code == 404, (stranger, url)
        for url in ("/coach/", "/coach/me/", "/learn/"):
            response = client.get(url)
            assert "let a caller wait" not in response.content.decode(), (stranger, url)


def test_a_draft_kept_by_back_is_not_shown_to_the_coach(spring, coach, learner, reflect_module):
    hand_in(signed_in(learner), reflect_module, "Half a thought, not ready", action="back")

    response = signed_in(coach).get(f"/coach/learners/{learner.pk}/")

    assert "Half a thought" not in response.content.decode()
    assert "Half a thought" not in signed_in(coach).get("/coach/").content.decode()
    assert "No reflection handed in yet." in text_of(response)


def test_a_reflection_waits_in_the_queue_until_the_coach_answers_it(
    spring, coach, learner, reflect_module
):
    learner_client, coach_client = signed_in(learner), signed_in(coach)
    hand_in(learner_client, reflect_module, ANSWER)
    saved = ReflectionAnswer.objects.get()

    queue = page(coach_client.get("/coach/")).find("ol", class_="queue")
    assert "Reflection" in queue.get_text()
    assert queue.find("a", href=f"/coach/reflections/{saved.pk}/")

    review = coach_client.get(f"/coach/reflections/{saved.pk}/")
    assert PROMPT in text_of(review)
    assert "<script>alert" not in review.content.decode()
    sent = coach_client.post(
        f"/coach/reflections/{saved.pk}/", {"feedback": "Thank you: **honest**.", "send": "1"}
    )

    assert sent.status_code == 302
    assert f"/coach/reflections/{saved.pk}/" not in coach_client.get("/coach/").content.decode()
    notification = Notification.objects.get(recipient=learner)
    assert notification.url == f"/coach/me/#reflection-{saved.pk}"
    mine = page(learner_client.get("/coach/me/")).find(id=f"reflection-{saved.pk}")
    assert mine.find("strong", string="honest")
    assert reflect_module.title in mine.get_text()

    # Handing in the same words again changes nothing; new words come back to the coach.
    hand_in(learner_client, reflect_module, ANSWER)
    assert f"/coach/reflections/{saved.pk}/" not in coach_client.get("/coach/").content.decode()
    hand_in(learner_client, reflect_module, "On second thoughts, I would ring back at once.")
    assert f"/coach/reflections/{saved.pk}/" in coach_client.get("/coach/").content.decode()
    assert "Changed since the feedback" in text_of(
        coach_client.get(f"/coach/learners/{learner.pk}/")
    )
    coach_client.post(f"/coach/reflections/{saved.pk}/", {"feedback": "Even better.", "send": "1"})
    assert Notification.objects.filter(recipient=learner).count() == 2
    assert ReflectionFeedback.objects.get().feedback == "Even better."


def test_correcting_feedback_does_not_notify_twice(spring, coach, learner, reflect_module):
    hand_in(signed_in(learner), reflect_module, ANSWER)
    saved = ReflectionAnswer.objects.get()
    coach_client = signed_in(coach)

    for words in ("Thanks.", "Thanks, and well put."):
        coach_client.post(f"/coach/reflections/{saved.pk}/", {"feedback": words, "send": "1"})

    assert Notification.objects.filter(recipient=learner).count() == 1
    assert ReflectionFeedback.objects.get().feedback == "Thanks, and well put."


def test_empty_feedback_is_refused(spring, coach, learner, reflect_module):
    hand_in(signed_in(learner), reflect_module, ANSWER)
    saved = ReflectionAnswer.objects.get()

    response = signed_in(coach).post(
        f"/coach/reflections/{saved.pk}/", {"feedback": "   ", "send": "1"}
    )

    assert response.status_code == 200
    assert not ReflectionFeedback.objects.exists()


def test_reflections_handed_in_before_the_upgrade_are_shown_drafts_are_not(
    spring, coach, learner, reflect_module
):
    """The migration that adds submitted_at counts an answer to a finished step as handed in."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("courses.migrations.0009_reflectionanswer_submitted_at")
    learner_client = signed_in(learner)
    hand_in(learner_client, reflect_module, "Handed in long ago, before coaches could read it.")
    ReflectionAnswer.objects.update(submitted_at=None)  # as every answer was before 0009
    other = ModulePageFactory(
        parent=reflect_module.get_parent(),
        steps=[story("Scene", "<p>Two.</p>"), reflection(PROMPT)],
    )
    hand_in(learner_client, other, "A draft that was never handed in", action="back")

    migration.handed_in_before(apps, None)

    text = text_of(signed_in(coach).get(f"/coach/learners/{learner.pk}/"))
    assert "Handed in long ago" in text
    assert "never handed in" not in text
