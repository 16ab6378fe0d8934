"""Every coaching URL, walked for every role: only the right person gets in, others get a 404."""

from __future__ import annotations

import pytest
from coaching_helpers import hand_in_reflection, write_reply
from django.urls import URLPattern
from helpers import signed_in

from coaching import urls as coaching_urls
from coaching.models import CoachNote, Goal, Notification, ProfileShare, Question

ROLES = ["coach", "learner", "colleague", "learner_b", "other_coach", "hr_a", "hr_b", "admin"]


@pytest.fixture
def world(cohort, cohort_b, coach, learner, module, scenario):
    step = write_reply(learner, module, scenario)
    question = Question.objects.create(learner=learner, cohort=cohort, module=module, text="Q?")
    note = CoachNote.objects.create(coach=coach, learner=learner, session_on="2026-03-02", body="N")
    goal = Goal.objects.create(learner=learner, created_by=coach, text="G", due_on="2099-01-01")
    notification = Notification.objects.create(
        recipient=learner, kind=Notification.GOAL, message="M", url="/coach/me/"
    )
    ProfileShare.objects.create(learner=learner, cohort=cohort)
    reflection = hand_in_reflection(learner, module, "I would call back the same day.")
    return {
        "reflection_id": reflection.pk,
        "cohort_id": cohort.pk,
        "step_id": step.pk,
        "question_id": question.pk,
        "learner_id": learner.pk,
        "attempt_id": step.attempt_id,
        "note_id": note.pk,
        "goal_id": goal.pk,
        "notification_id": notification.pk,
    }


# name: (who may GET it with 200, or "any" signed-in person; POST-only views are listed as None)
COACH_PAGES = {
    "home": "coaches",  # every coach has a home; it shows only their own cohorts
    "cohort": "coach",
    "review": "coach",
    "reflection": "coach",
    "question": "coach",
    "learner": "coach",
    "learner_attempt": "coach",
    "note_edit": "coach",
    "learner_profile": "coach",
    "goal_edit": "coach",
}
LEARNER_PAGES = {"me": "any", "ask": "any", "sharing": "any", "my_goal_edit": "learner"}
POST_ONLY = {
    "note_add": "coach",
    "note_delete": "coach",
    "goal_add": "coach",
    "my_goal_add": ("learner", "learner_b"),  # anyone with a coach writes their own goals
    "my_goal_tick": "learner",
    "my_question_follow_up": "learner",
    "notifications_read": "any",
}
REDIRECTS = {"notification": "learner"}  # opening a notification marks it read, then redirects
SEPARATELY_TESTED = {"learner_certificate"}  # test_certificates_for_coaches.py


def url_for(name: str, world: dict) -> str:
    from django.urls import reverse

    pattern = next(p for p in coaching_urls.urlpatterns if p.name == name)
    kwargs = {key: world[key] for key in pattern.pattern.converters}
    return reverse(f"coaching:{name}", kwargs=kwargs)


def test_every_coaching_url_is_walked_here():
    names = {p.name for p in coaching_urls.urlpatterns if isinstance(p, URLPattern)}
    covered = set(COACH_PAGES) | set(LEARNER_PAGES) | set(POST_ONLY) | set(REDIRECTS)
    assert names == covered | SEPARATELY_TESTED


@pytest.mark.parametrize("name", sorted({**COACH_PAGES, **LEARNER_PAGES, **REDIRECTS}))
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name):
    url = url_for(name, world)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url[:6]}")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_pages_it_may_see(request, world, role):
    client = signed_in(request.getfixturevalue(role))
    for name, allowed in {**COACH_PAGES, **LEARNER_PAGES}.items():
        allowed_roles = {"coaches": ("coach", "other_coach"), "any": ROLES}.get(allowed, (allowed,))
        expected = 200 if role in allowed_roles else 404
        response = client.get(url_for(name, world))
        assert response.status_code == expected, (role, name)
        if role == "other_coach" and name == "home":
            assert "Asha Rao" not in response.content.decode()
    for name, allowed in REDIRECTS.items():
        expected = 302 if allowed == role else 404
        assert client.get(url_for(name, world)).status_code == expected, (role, name)


@pytest.mark.parametrize("role", ROLES)
def test_post_only_views_refuse_get_and_refuse_strangers(request, world, role):
    client = signed_in(request.getfixturevalue(role))
    for name, allowed in POST_ONLY.items():
        url = url_for(name, world)
        assert client.get(url).status_code == 405, (role, name)
        if role not in (allowed if isinstance(allowed, tuple) else (allowed,)) and allowed != "any":
            assert client.post(url, {"done": "1", "body": "x", "text": "x"}).status_code == 404, (
                role,
                name,
            )
    assert CoachNote.objects.filter(pk=world["note_id"]).exists()
    if role != "learner":
        assert not Goal.objects.get(pk=world["goal_id"]).done
