"""Before and after a course: the questionnaires, and the learner's own attitude page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from helpers import modules_of, soup, step_url

from assessments.models import Dimension, Questionnaire, QuestionnaireItem, Response
from scenarios.models import Attempt, Scenario


@pytest.fixture
def dimensions():
    return {
        "empathy": Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        "ownership": Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    }


@pytest.fixture
def questionnaire(dimensions):
    q = Questionnaire(title="Attitude check", scale_points=5)
    q.items = [
        QuestionnaireItem(
            statement="I notice how customers feel.", dimension=dimensions["empathy"]
        ),
        QuestionnaireItem(
            statement="Feelings are not my job.",
            dimension=dimensions["empathy"],
            reverse_scored=True,
        ),
        QuestionnaireItem(statement="I fix what I break.", dimension=dimensions["ownership"]),
        QuestionnaireItem(
            statement="Mistakes are usually someone else's.",
            dimension=dimensions["ownership"],
            reverse_scored=True,
        ),
    ]
    q.save()
    q.save_revision().publish()
    return q


@pytest.fixture
def course_with_questionnaires(make_course, questionnaire):
    course = make_course(modules=1)
    course.before_questionnaire = course.after_questionnaire = questionnaire
    course.save()
    return course


def answers(questionnaire, *values) -> dict[str, str]:
    items = list(questionnaire.items.order_by("sort_order", "pk"))
    return {f"item-{item.pk}": str(value) for item, value in zip(items, values, strict=True)}


def url(course, phase):
    return reverse("courses:questionnaire", args=[course.pk, phase])


def test_the_first_module_waits_for_the_before_questionnaire(
    learner_client, course_with_questionnaires
):
    module = modules_of(course_with_questionnaires)[0]

    response = learner_client.get(step_url(module, 1))

    assert response.status_code == 302
    assert response["Location"].startswith(url(course_with_questionnaires, "before"))


def test_a_missing_answer_keeps_the_others_and_records_nothing(
    learner, learner_client, course_with_questionnaires, questionnaire
):
    data = answers(questionnaire, 5, 1, 4, 2)
    first = next(iter(data))
    partial = {first: data[first]}

    response = learner_client.post(url(course_with_questionnaires, "before"), partial)

    assert response.status_code == 200
    assert "Please answer every statement." in response.content.decode()
    assert f'name="{first}" value="{data[first]}" required checked' in response.content.decode()
    assert not Response.objects.filter(user=learner).exists()


def test_before_then_after_shows_the_change_and_the_roleplay_comparison(
    learner, learner_client, course_with_questionnaires, questionnaire
):
    course = course_with_questionnaires
    module = modules_of(course)[0]
    # Before: empathy items 2 and 4(rev -> 2): mean 2 -> 25.0; ownership 4 and 2(rev -> 4) -> 75.0
    before = learner_client.post(
        url(course, "before"), {**answers(questionnaire, 2, 4, 4, 2), "next": step_url(module, 1)}
    )
    assert before["Location"] == step_url(module, 1)
    assert learner_client.get(step_url(module, 1)).status_code == 200

    # After is closed until the course is complete.
    closed = learner_client.get(url(course, "after"))
    assert closed.status_code == 302

    from django.utils import timezone

    from courses.models import Enrolment

    Enrolment.objects.filter(user=learner, course=course).update(completed_at=timezone.now())
    # After: empathy 5 and 1(rev -> 5) -> 100.0; ownership 3 and 3 -> 50.0
    after = learner_client.post(url(course, "after"), answers(questionnaire, 5, 1, 3, 3))
    assert after["Location"] == reverse("courses:attitude")

    # A finished role-play in the course's module: empathy +3, ownership -2.
    scenario = Scenario.objects.create(
        title="S", persona_name="A", persona_situation="S", start_key="a", nodes=[]
    )
    revision = scenario.save_revision()
    Attempt.objects.create(
        user=learner,
        scenario=scenario,
        revision=revision,
        context_page_id=module.pk,
        context_step_id="x",
        current_key="end",
        points={"empathy": 3, "ownership": -2},
        finished_at=timezone.now(),
    )

    response = learner_client.get(reverse("courses:attitude"))
    page = response.content.decode()
    assert "profile-chart" in page
    rows = {
        r["slug"]: r
        for r in [
            {"slug": "empathy", "before": "25.0", "after": "100.0", "change": "+75.0"},
            {"slug": "ownership", "before": "75.0", "after": "50.0", "change": "-25.0"},
        ]
    }
    # Each value in its row's cell (a cell carries its column's name for narrow screens, so the
    # cells are read, not matched as "<td>25.0</td>").
    cells = {
        tr.th.get_text(strip=True).lower(): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in soup(response).select("table.attitude-table tbody tr")
    }
    for row in rows.values():
        for index, key in enumerate(("before", "after", "change")):
            assert cells[row["slug"]][index] == row[key]
    # Empathy rated 100 and +3 in role-plays: agreed. Ownership rated 50, the scale's middle,
    # and -2: neither high nor low (issue 14: 50 said "you rated yourself high").
    assert "Agreed: you rated yourself high and your choices showed it." in page
    assert (
        "In between: you rated yourself in the middle, and your role-play choices cost points here."
        in page
    )
    assert "rated yourself high, but" not in page


@pytest.mark.parametrize(
    ("rated", "points", "shown", "message"),
    [
        ("high", 2, "+2", "Agreed: you rated yourself high and your choices showed it."),
        ("high", -2, "-2", "Differs: you rated yourself high, but your role-play choices cost"),
        ("low", 2, "+2", "Differs: your choices showed more of this than you gave yourself"),
        ("low", -2, "-2", "Agreed: your rating and your choices both point to room to grow."),
        ("low", 0, "0", "Even: your role-play choices here came to no points either way."),
        ("high", None, "—", "No role-play choice has touched this yet."),
    ],
)
def test_each_way_role_play_choices_can_compare_with_the_self_rating(
    learner,
    learner_client,
    course_with_questionnaires,
    questionnaire,
    rated,
    points,
    shown,
    message,
):
    course = course_with_questionnaires
    module = modules_of(course)[0]
    empathy = (5, 1) if rated == "high" else (1, 5)  # 100.0 or 0.0 (the second is reversed)
    learner_client.post(url(course, "before"), answers(questionnaire, *empathy, 3, 3))
    scenario = Scenario.objects.create(
        title="S", persona_name="A", persona_situation="S", start_key="a", nodes=[]
    )
    from django.utils import timezone

    Attempt.objects.create(
        user=learner,
        scenario=scenario,
        revision=scenario.save_revision(),
        context_page_id=module.pk,
        context_step_id="x",
        current_key="end",
        points={} if points is None else {"empathy": points},
        finished_at=timezone.now(),
    )

    page = soup(learner_client.get(reverse("courses:attitude")))

    row = next(
        tr for tr in page.select("table.attitude-table tbody tr") if "Empathy" in tr.th.get_text()
    )
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells[0] == ("100.0" if rated == "high" else "0.0")
    assert cells[3] == shown
    assert cells[4].startswith(message)


MIDDLE = "In between: you rated yourself in the middle, and your role-play choices"


@pytest.mark.parametrize(
    ("score", "points", "message"),
    [
        (100.0, 2, "Agreed: you rated yourself high and your choices showed it."),
        (66.7, 2, "Agreed: you rated yourself high"),  # a 7-point scale's 5
        (66.7, -2, "Differs: you rated yourself high, but your role-play choices cost points"),
        (66.6, 2, f"{MIDDLE} showed"),
        (62.5, -2, f"{MIDDLE} cost"),
        (50.0, 2, f"{MIDDLE} showed"),
        (50.0, -2, f"{MIDDLE} cost"),
        (50.0, 0, "Even: your role-play choices here came to no points either way."),
        (33.4, -2, "In between: you rated yourself in the middle"),
        (33.3, -2, "Agreed: your rating and your choices both point to room to grow."),
        (33.3, 2, "Differs: your choices showed more of this than you gave yourself credit for."),
        (0.0, -2, "Agreed: your rating and your choices both point to room to grow."),
    ],
)
def test_high_and_low_mean_the_top_and_bottom_thirds_of_the_scale(
    learner, learner_client, course_with_questionnaires, questionnaire, score, points, message
):
    from django.utils import timezone

    course = course_with_questionnaires
    module = modules_of(course)[0]
    Response.objects.create(
        user=learner,
        questionnaire=questionnaire,
        revision=questionnaire.latest_revision,
        context_page_id=course.pk,
        phase=Response.BEFORE,
        scale_points=5,
        scores={"empathy": score},
    )
    scenario = Scenario.objects.create(
        title="S", persona_name="A", persona_situation="S", start_key="a", nodes=[]
    )
    Attempt.objects.create(
        user=learner,
        scenario=scenario,
        revision=scenario.save_revision(),
        context_page_id=module.pk,
        context_step_id="x",
        current_key="end",
        points={"empathy": points},
        finished_at=timezone.now(),
    )

    page = soup(learner_client.get(reverse("courses:attitude")))

    row = next(tr for tr in page.select("table.attitude-table tbody tr") if "Empathy" in tr.th.text)
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells[0] == str(score)
    assert cells[4].startswith(message)


def test_the_after_questionnaire_is_offered_once_the_course_is_finished_until_answered(
    learner, learner_client, course_with_questionnaires, questionnaire
):
    from django.utils import timezone

    from courses.models import Enrolment

    course = course_with_questionnaires
    after = url(course, "after")
    learner_client.post(url(course, "before"), answers(questionnaire, 2, 4, 4, 2))
    for page in ("courses:learn", "courses:attitude"):
        assert f'href="{after}"' not in learner_client.get(reverse(page)).content.decode()

    Enrolment.objects.filter(user=learner, course=course).update(completed_at=timezone.now())
    for page in ("courses:learn", "courses:attitude"):
        offered = soup(learner_client.get(reverse(page))).find("a", href=after)
        assert offered.get_text(" ", strip=True).startswith(
            "Answer the questionnaire after the course"
        )

    learner_client.post(after, answers(questionnaire, 5, 1, 3, 3))
    for page in ("courses:learn", "courses:attitude"):
        assert f'href="{after}"' not in learner_client.get(reverse(page)).content.decode()


def test_saving_the_before_answers_points_to_the_profile_on_the_way_to_the_module(
    learner_client, course_with_questionnaires, questionnaire
):
    module = modules_of(course_with_questionnaires)[0]

    response = learner_client.post(
        url(course_with_questionnaires, "before"),
        {**answers(questionnaire, 2, 4, 4, 2), "next": step_url(module, 1)},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == step_url(module, 1)
    message = soup(response).select_one(".message--success")
    assert message.get_text(" ", strip=True).startswith("Your answers are saved.")
    assert message.find("a", href=reverse("courses:attitude")) is not None


def test_answers_are_never_shown_to_another_learner(
    learner, learner_client, learner_b, course_with_questionnaires, questionnaire
):
    learner_client.post(
        url(course_with_questionnaires, "before"), answers(questionnaire, 5, 1, 5, 1)
    )
    from helpers import signed_in

    other = signed_in(learner_b).get(reverse("courses:attitude")).content.decode()

    assert "Nothing here yet." in other
    assert "100.0" not in other


def test_an_unknown_phase_or_a_course_without_questionnaire_is_404(learner_client, make_course):
    course = make_course(modules=1)

    assert learner_client.get(url(course, "before")).status_code == 404
    assert learner_client.get(f"/learn/courses/{course.pk}/during/").status_code == 404
