"""Coaching pages run a fixed number of queries, however much a learner has done."""

from __future__ import annotations

from coaching_helpers import hand_in_reflection, make_cohort, review_data, write_reply
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import UserFactory
from helpers import signed_in

from coaching.models import CoachNote, Goal, GoalEvent, Question
from coaching.services import goal_tick


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def busy(learner, coach, cohort, module, scenario, times: int) -> None:
    """`times` replies (reviewed), reflections (every other one answered), notes, goals ticked
    off, questions answered."""
    client = signed_in(coach)
    for n in range(times):
        step = write_reply(learner, module, scenario, f"Reply {n}")
        client.post(f"/coach/reviews/{step.pk}/", review_data(f"Feedback {n}", empathy=3))
        reflection = hand_in_reflection(learner, module, f"Reflection {n}", prompt=f"Prompt {n}")
        if n % 2:
            client.post(f"/coach/reflections/{reflection.pk}/", {"feedback": "Yes.", "send": "1"})
        CoachNote.objects.create(coach=coach, learner=learner, session_on="2026-01-01", body="n")
        goal = Goal.objects.create(
            learner=learner, created_by=coach, text=f"G{n}", due_on=timezone.localdate()
        )
        GoalEvent.objects.create(goal=goal, actor=coach, kind=GoalEvent.ADDED)
        goal_tick(goal=goal, actor=learner, done=True)
        Question.objects.create(learner=learner, cohort=cohort, module=module, text=f"Q{n}")


def test_learner_and_cohort_pages_do_not_grow_with_the_data(
    coach, learner, org_a, roleplay_course, module, scenario
):
    busier = UserFactory(organisation=org_a, email="busy@acme.example", full_name="Busy Bee")
    cohort = make_cohort(
        name="Spring cohort",
        organisation=org_a,
        coaches=[coach],
        learners=[learner, busier],
        courses=[roleplay_course],
    )
    busy(learner, coach, cohort, module, scenario, times=1)
    busy(busier, coach, cohort, module, scenario, times=5)
    coach_client = signed_in(coach)

    for url in ("/coach/learners/{}/", "/coach/learners/{}/attempts/{}/"):
        few = queries(coach_client, url.format(learner.pk, learner.roleplay_attempts.last().pk))
        many = queries(coach_client, url.format(busier.pk, busier.roleplay_attempts.last().pk))
        assert few == many, (url, few, many)
    for person in (learner, busier):
        assert queries(signed_in(person), "/coach/me/") == queries(signed_in(learner), "/coach/me/")
    reflection = busier.enrolments.get().reflection_answers.last()
    assert queries(coach_client, f"/coach/reflections/{reflection.pk}/") <= 20
    attempt = busier.roleplay_attempts.last()
    assert queries(signed_in(busier), f"/learn/attempts/{attempt.pk}/") <= 30
    assert queries(coach_client, f"/coach/cohorts/{cohort.pk}/") <= 20
