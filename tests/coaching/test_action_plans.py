"""Action plans: coach and learner agree goals; the learner ticks them off; both see the history."""

from __future__ import annotations

from datetime import timedelta

from coaching_helpers import page, text_of
from django.utils import timezone
from helpers import signed_in

from coaching.models import Goal, GoalEvent, Notification

GOAL = "Greet every caller by name this week"


def in_days(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def history(goal: Goal) -> list[tuple[str, str]]:
    return [(e.kind, e.actor.email) for e in goal.events.order_by("at", "pk")]


def test_coach_agrees_a_goal_the_learner_ticks_it_off_and_both_see_the_history(
    cohort, coach, coach_client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            f"/coach/learners/{learner.pk}/goals/", {"text": GOAL, "due_on": in_days(7)}
        )
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert (goal.learner, goal.created_by, goal.done) == (learner, coach, False)
    notification = Notification.objects.get(recipient=learner)
    assert notification.kind == Notification.GOAL
    assert GOAL in notification.message

    learner_client = signed_in(learner)
    mine = learner_client.get("/coach/me/")
    item = page(mine).select_one(f"#goal-{goal.pk}")
    assert GOAL in item.get_text()
    assert item.find("button").get_text(strip=True).startswith("Tick off")

    response = learner_client.post(f"/coach/me/goals/{goal.pk}/", {"done": "1"})

    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.done
    assert history(goal) == [
        (GoalEvent.ADDED, "zoe@coach.example"),
        (GoalEvent.DONE, "asha@acme.example"),
    ]
    coach_view = page(coach_client.get(f"/coach/learners/{learner.pk}/"))
    coach_item = " ".join(coach_view.select_one(f"#goal-{goal.pk}").get_text(" ").split())
    assert "Done" in coach_item
    assert "agreed — Zoë Coach" in coach_item
    assert "ticked off — Asha Rao" in coach_item
    learner_item = " ".join(
        page(learner_client.get("/coach/me/")).select_one(f"#goal-{goal.pk}").get_text(" ").split()
    )
    assert "ticked off — Asha Rao" in learner_item


def test_opening_a_goal_again_is_logged_and_a_double_tick_is_not(cohort, coach, learner):
    goal = Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(3))
    GoalEvent.objects.create(goal=goal, actor=coach, kind=GoalEvent.ADDED)
    client = signed_in(learner)

    client.post(f"/coach/me/goals/{goal.pk}/", {"done": "1"})
    client.post(f"/coach/me/goals/{goal.pk}/", {"done": "1"})  # second tab, same click
    client.post(f"/coach/me/goals/{goal.pk}/", {"done": "0"})

    goal.refresh_from_db()
    assert not goal.done
    assert [kind for kind, _who in history(goal)] == ["added", "done", "reopened"]


def test_the_learner_writes_down_a_goal_the_coach_then_sees(cohort, coach_client, learner):
    client = signed_in(learner)

    response = client.post("/coach/me/goals/", {"text": GOAL, "due_on": in_days(5)})

    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.created_by == learner
    assert not Notification.objects.exists()  # nobody notifies themselves
    assert GOAL in text_of(coach_client.get(f"/coach/learners/{learner.pk}/"))


def test_a_goal_due_in_the_past_or_without_text_is_refused(cohort, coach_client, learner):
    for data in ({"text": GOAL, "due_on": in_days(-1)}, {"text": " ", "due_on": in_days(2)}):
        response = coach_client.post(f"/coach/learners/{learner.pk}/goals/", data)
        assert response.status_code == 400
    assert not Goal.objects.exists()


def test_only_the_learner_ticks_their_goals(cohort, coach, coach_client, learner, colleague):
    goal = Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(3))

    assert coach_client.post(f"/coach/me/goals/{goal.pk}/", {"done": "1"}).status_code == 404
    assert (
        signed_in(colleague).post(f"/coach/me/goals/{goal.pk}/", {"done": "1"}).status_code == 404
    )
    goal.refresh_from_db()
    assert not goal.done


def test_goals_are_not_shown_to_other_learners_hr_or_other_coaches(
    cohort, cohort_b, coach, learner, colleague, hr_a, other_coach
):
    Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(3))

    assert GOAL not in signed_in(colleague).get("/coach/me/").content.decode()
    for user in (hr_a, other_coach):
        assert signed_in(user).get(f"/coach/learners/{learner.pk}/").status_code == 404


def test_a_learner_without_a_coach_cannot_add_goals(colleague):
    client = signed_in(colleague)

    assert client.post("/coach/me/goals/", {"text": GOAL, "due_on": in_days(5)}).status_code == 404
    assert "not in a coaching cohort yet" in text_of(client.get("/coach/me/"))
    assert not Goal.objects.exists()


# --- rewording a goal or moving its date ----------------------------------------------------------


def test_the_learner_rewords_their_goal_and_the_history_says_so(cohort, coach, learner):
    goal = Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(7))
    client = signed_in(learner)
    edit_link = page(client.get("/coach/me/")).select_one(f"#goal-{goal.pk} a[href$='/edit/']")
    assert edit_link["href"] == f"/coach/me/goals/{goal.pk}/edit/"
    form = page(client.get(edit_link["href"]))
    assert form.select_one("input[name=text]")["value"] == GOAL

    response = client.post(
        edit_link["href"], {"text": "Greet every caller by name", "due_on": in_days(14)}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/coach/me/#goal-{goal.pk}"
    goal.refresh_from_db()
    assert (goal.text, goal.due_on.isoformat()) == ("Greet every caller by name", in_days(14))
    assert history(goal)[-1] == (GoalEvent.CHANGED, learner.email)
    assert "reworded or moved — Asha Rao" in " ".join(
        page(client.get("/coach/me/")).select_one(f"#goal-{goal.pk}").get_text(" ").split()
    )


def test_the_coach_moves_a_goal_and_the_learner_is_told(
    cohort, coach, coach_client, learner, django_capture_on_commit_callbacks
):
    goal = Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(7))

    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            f"/coach/learners/{learner.pk}/goals/{goal.pk}/", {"text": GOAL, "due_on": in_days(21)}
        )

    assert response["Location"] == f"/coach/learners/{learner.pk}/#goal-{goal.pk}"
    goal.refresh_from_db()
    assert goal.due_on.isoformat() == in_days(21)
    assert history(goal)[-1] == (GoalEvent.CHANGED, coach.email)
    assert "Your coach changed a goal" in Notification.objects.get(recipient=learner).message


def test_saving_unchanged_records_nothing_and_a_past_goal_keeps_its_date(cohort, coach, learner):
    goal = Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(-3))
    client = signed_in(learner)
    url = f"/coach/me/goals/{goal.pk}/edit/"

    unchanged = client.post(url, {"text": GOAL, "due_on": in_days(-3)})
    assert unchanged.status_code == 302
    assert GoalEvent.objects.filter(goal=goal).count() == 0

    reworded = client.post(url, {"text": "Greet callers by name", "due_on": in_days(-3)})
    assert reworded.status_code == 302  # its own past date may stay

    moved_back = client.post(url, {"text": "Greet callers by name", "due_on": in_days(-5)})
    assert moved_back.status_code == 400
    assert "Choose today or a later date." in text_of(moved_back)
    goal.refresh_from_db()
    assert goal.due_on.isoformat() == in_days(-3)


def test_an_empty_goal_is_refused_and_keeps_what_was_typed(cohort, coach, learner):
    goal = Goal.objects.create(learner=learner, created_by=coach, text=GOAL, due_on=in_days(7))

    response = signed_in(learner).post(
        f"/coach/me/goals/{goal.pk}/edit/", {"text": "   ", "due_on": in_days(9)}
    )

    assert response.status_code == 400
    assert page(response).select_one("input[name=due_on]")["value"] == in_days(9)
    goal.refresh_from_db()
    assert goal.text == GOAL
