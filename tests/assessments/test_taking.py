"""Taking a questionnaire as a module step: the form, refused submissions, the saved scores and
chart, answering once, Next waiting for it, privacy, and responses kept through later edits."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from factories import takeaways
from helpers import modules_of, signed_in, step_url

from assessments.models import Answer, Dimension, Questionnaire, QuestionnaireItem, Response
from courses.models import ModulePage, ModuleProgress

# Empathy: I1 (reverse), I2; Ownership: I3, I4 (reverse). A 5-point scale.
STATEMENTS = [
    ("Customers who shout deserve less patience.", "empathy", True),
    ("I ask how the customer feels about it.", "empathy", False),
    ("I follow a problem through to the end.", "ownership", False),
    ("Once a customer has paid, it is not my problem.", "ownership", True),
]
ANSWERS = [2, 5, 3, 1]
# Empathy: 2 reversed -> 4; 5 -> 5. Mean 4.5; (4.5 - 1) / 4 = 0.875 -> 87.5
# Ownership: 3 -> 3; 1 reversed -> 5. Mean 4; (4 - 1) / 4 = 0.75 -> 75.0
EXPECTED = {"empathy": 87.5, "ownership": 75.0}
MISSING = "Please answer every statement."
OFF_SCALE = "Each answer must be a point on the scale."
NOT_YET = "Rate every statement and save before you move on."


@pytest.fixture
def dims():
    return {
        "empathy": Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        "ownership": Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    }


def questionnaire_publish(title, statements, dims, *, points=5) -> Questionnaire:
    labels = [f"Point {n}" for n in range(1, points + 1)]
    questionnaire = Questionnaire(title=title, scale_points=points, scale_labels="\n".join(labels))
    # An explicit order: without one, PostgreSQL may return equal sort_orders in any order.
    questionnaire.items = [
        QuestionnaireItem(
            statement=text, dimension=dims[slug], reverse_scored=reverse, sort_order=order
        )
        for order, (text, slug, reverse) in enumerate(statements)
    ]
    questionnaire.save()
    questionnaire.save_revision().publish()
    questionnaire.refresh_from_db()
    return questionnaire


@pytest.fixture
def questionnaire(dims) -> Questionnaire:
    return questionnaire_publish("How I serve", STATEMENTS, dims)


@pytest.fixture
def module(make_course, questionnaire) -> ModulePage:
    """Self-assessment, then takeaways."""
    course = make_course(
        modules=1,
        steps=[
            {"type": "self_assessment", "value": {"questionnaire": questionnaire.pk}},
            takeaways("Carry this", ("Listen first",)),
        ],
        title="Serving people",
        slug="serving-people",
    )
    return modules_of(course)[0]


def items_of(questionnaire) -> list[QuestionnaireItem]:
    return list(questionnaire.live_revision.as_object().items.order_by("sort_order", "pk"))


def answers(questionnaire, values) -> dict:
    data = {"assessment": "submit"}
    for item, value in zip(items_of(questionnaire), values, strict=False):
        if value is not None:
            data[f"item-{item.pk}"] = str(value)
    return data


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def checked(response) -> dict[str, str]:
    return {
        radio["name"]: radio["value"]
        for radio in page(response).select("input[type=radio]")
        if radio.has_attr("checked")
    }


def score_rows(response) -> list[tuple[str, str]]:
    return [
        (row.th.get_text(strip=True), row.td.get_text(strip=True))
        for row in page(response).select("table.scores tbody tr")
    ]


def done_ids(user, module) -> list[str]:
    progress = ModuleProgress.objects.filter(enrolment__user=user, module=module).first()
    return list(progress.completed_step_ids) if progress else []


# --- the form -----------------------------------------------------------------------------------


def test_the_step_shows_every_statement_with_one_radio_per_point(
    learner_client, module, questionnaire
):
    response = learner_client.get(step_url(module, 1))

    assert response.status_code == 200
    html = page(response)
    legends = [legend.get_text(" ", strip=True) for legend in html.select("form.likert legend")]
    assert legends == [f"{n}. {text}" for n, (text, _, _) in enumerate(STATEMENTS, start=1)]
    for item in items_of(questionnaire):
        radios = html.select(f'input[type=radio][name="item-{item.pk}"]')
        assert [r["value"] for r in radios] == ["1", "2", "3", "4", "5"]
    labels = [s.get_text(strip=True) for s in html.select("form.likert .likert__point span")]
    assert labels[:5] == ["Point 1", "Point 2", "Point 3", "Point 4", "Point 5"]
    assert html.select("svg.profile-chart") == []
    assert not checked(response)


def test_a_7_point_questionnaire_offers_seven_radios(learner_client, make_course, dims):
    seven = questionnaire_publish("Seven", STATEMENTS[:2], dims, points=7)
    course = make_course(
        modules=1, steps=[{"type": "self_assessment", "value": {"questionnaire": seven.pk}}]
    )
    module = modules_of(course)[0]

    html = page(learner_client.get(step_url(module, 1)))

    for item in items_of(seven):
        radios = html.select(f'input[type=radio][name="item-{item.pk}"]')
        assert [r["value"] for r in radios] == [str(n) for n in range(1, 8)]


# --- refused submissions ------------------------------------------------------------------------


def test_a_missing_answer_is_refused_keeping_the_answers_given(
    learner_client, module, questionnaire
):
    items = items_of(questionnaire)
    data = answers(questionnaire, [2, None, 3, 1])

    response = learner_client.post(step_url(module, 1), data)

    assert response.status_code == 200
    assert messages(response) == [MISSING]
    assert MISSING in response.content.decode()
    assert checked(response) == {
        f"item-{items[0].pk}": "2",
        f"item-{items[2].pk}": "3",
        f"item-{items[3].pk}": "1",
    }
    assert not Response.objects.exists()
    assert not Answer.objects.exists()


@pytest.mark.parametrize("bad", ["9", "0", "-1", "six", "", "3.5"])
def test_an_answer_off_the_scale_or_not_a_number_is_refused(
    learner_client, module, questionnaire, bad
):
    data = answers(questionnaire, ANSWERS)
    data[f"item-{items_of(questionnaire)[1].pk}"] = bad

    response = learner_client.post(step_url(module, 1), data)

    assert response.status_code == 200
    assert messages(response) == ([MISSING] if bad == "" else [OFF_SCALE])
    assert not Response.objects.exists()
    assert not Answer.objects.exists()
    # The answers given are kept, ticked as they were.
    form = page(response).select_one("form.likert")
    for number, item in enumerate(items_of(questionnaire)):
        checked = form.select(f'input[name="item-{item.pk}"][checked]')
        assert [box["value"] for box in checked] == ([] if number == 1 else [str(ANSWERS[number])])


def test_answers_for_another_questionnaires_items_are_ignored(
    learner, learner_client, module, questionnaire, dims
):
    other = questionnaire_publish(
        "Other", [("I smile.", "empathy", False), ("I own it.", "ownership", False)], dims
    )
    foreign = {f"item-{item.pk}": "1" for item in items_of(other)}

    # Only the other questionnaire's items: nothing of this one is answered.
    refused = learner_client.post(step_url(module, 1), {"assessment": "submit", **foreign})
    assert messages(refused) == [MISSING]
    assert not Response.objects.exists()

    # A complete set plus the foreign items: saved, scored on this questionnaire's items only.
    response = learner_client.post(
        step_url(module, 1), {**answers(questionnaire, ANSWERS), **foreign}
    )

    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.questionnaire == questionnaire
    assert saved.scores == EXPECTED
    assert sorted(saved.answers.values_list("item_id", flat=True)) == sorted(
        item.pk for item in items_of(questionnaire)
    )
    assert not Response.objects.filter(questionnaire=other).exists()


# --- a complete submission ----------------------------------------------------------------------


def test_a_complete_submission_is_scored_and_shows_the_chart_and_table(
    learner, learner_client, module, questionnaire
):
    url = step_url(module, 1)

    response = learner_client.post(url, answers(questionnaire, ANSWERS))

    assert response.status_code == 302
    assert response["Location"] == url + "#assessment"
    saved = Response.objects.get()
    assert saved.user == learner
    assert saved.scores == EXPECTED
    assert saved.scale_points == 5
    assert saved.context_page_id == module.pk
    assert saved.context_step_id == module.steps[0].id
    assert saved.phase == ""
    assert saved.revision_id == questionnaire.live_revision_id
    items = items_of(questionnaire)
    assert sorted(
        saved.answers.values_list("item_id", "dimension", "reverse_scored", "value")
    ) == sorted(
        (item.pk, slug, reverse, value)
        for item, (_, slug, reverse), value in zip(items, STATEMENTS, ANSWERS, strict=True)
    )

    shown = learner_client.get(url)
    html = page(shown)
    assert len(html.select("svg.profile-chart")) == 1
    assert score_rows(shown) == [("Empathy", "87.5"), ("Ownership", "75.0")]
    assert html.select("form.likert") == []
    chart_text = html.select_one("svg.profile-chart").get_text(" ")
    assert "87.5" in chart_text and "75" in chart_text


def test_a_7_point_submission_is_scored_by_hand_worked_numbers(learner_client, make_course, dims):
    seven = questionnaire_publish("Seven", STATEMENTS, dims, points=7)
    course = make_course(
        modules=1, steps=[{"type": "self_assessment", "value": {"questionnaire": seven.pk}}]
    )
    module = modules_of(course)[0]
    # Empathy: 7 reversed -> 1; 4 -> 4. Mean 2.5; 1.5 / 6 = 0.25 -> 25.0
    # Ownership: 6 -> 6; 2 reversed -> 6. Mean 6; 5 / 6 = 0.8333.. -> 83.3
    response = learner_client.post(step_url(module, 1), answers(seven, [7, 4, 6, 2]))

    assert response.status_code == 302
    assert Response.objects.get().scores == {"empathy": 25.0, "ownership": 83.3}


def test_answering_again_is_refused_and_keeps_the_first_scores(
    learner_client, module, questionnaire
):
    url = step_url(module, 1)
    assert learner_client.post(url, answers(questionnaire, ANSWERS)).status_code == 302

    again = learner_client.post(url, answers(questionnaire, [5, 1, 1, 5]))

    assert again.status_code == 200
    assert len(messages(again)) == 1
    assert "already answered" in messages(again)[0]
    saved = Response.objects.get()
    assert saved.scores == EXPECTED
    assert sorted(saved.answers.values_list("value", flat=True)) == sorted(ANSWERS)
    assert score_rows(again) == [("Empathy", "87.5"), ("Ownership", "75.0")]


# --- Next waits for the questionnaire -----------------------------------------------------------


def test_next_is_refused_until_the_questionnaire_is_saved(
    learner, learner_client, module, questionnaire
):
    url = step_url(module, 1)

    refused = learner_client.post(url, {"action": "next"})

    assert refused.status_code == 302
    assert refused["Location"] == url + "#assessment"
    assert messages(refused) == [NOT_YET]
    assert module.steps[0].id not in done_ids(learner, module)
    assert learner_client.get(step_url(module, 2))["Location"] == url  # step 2 is still closed

    learner_client.post(url, answers(questionnaire, ANSWERS))
    moved = learner_client.post(url, {"action": "next"})

    assert moved.status_code == 302
    assert moved["Location"] == step_url(module, 2)
    assert module.steps[0].id in done_ids(learner, module)


def test_the_step_offers_next_only_once_the_answers_are_saved(
    learner_client, module, questionnaire
):
    """Before saving, the step says what to do instead of offering a Next it would refuse."""
    url = step_url(module, 1)

    before = learner_client.get(url)
    going_on = page(before).select("button[name=action][value=next]")
    assert going_on == []
    assert "Rate every statement and save your answers to go on." in page(before).get_text(" ")

    learner_client.post(url, answers(questionnaire, ANSWERS))
    after = learner_client.get(url)
    [next_button] = page(after).select("button[name=action][value=next]")
    assert next_button.get_text(strip=True) == "Next"
    assert "save your answers to go on" not in page(after).get_text(" ")


# --- privacy ------------------------------------------------------------------------------------


def test_another_learner_never_sees_someone_elses_scores(
    learner_client, learner_b, module, questionnaire
):
    url = step_url(module, 1)
    learner_client.post(url, answers(questionnaire, ANSWERS))
    other = signed_in(learner_b)

    response = other.get(url)

    assert response.status_code == 200
    html = page(response)
    assert html.select("svg.profile-chart") == []
    assert html.select("table.scores") == []
    assert "87.5" not in response.content.decode()
    assert html.select("form.likert")
    assert not checked(response)
    # Their own answers are theirs: recorded separately, with their own scores.
    assert other.post(url, answers(questionnaire, [5, 1, 1, 5])).status_code == 302
    theirs = Response.objects.get(user=learner_b)
    # Empathy: 5 reversed -> 1; 1 -> 1 -> 0.0. Ownership: 1 -> 1; 5 reversed -> 1 -> 0.0
    assert theirs.scores == {"empathy": 0.0, "ownership": 0.0}
    assert score_rows(other.get(url)) == [("Empathy", "0.0"), ("Ownership", "0.0")]
    assert score_rows(learner_client.get(url)) == [("Empathy", "87.5"), ("Ownership", "75.0")]


# --- later edits --------------------------------------------------------------------------------


def add_statement_and_publish(questionnaire, dims, *, save_first: bool) -> None:
    """Publish a new revision with one more (ownership) statement."""
    questionnaire = Questionnaire.objects.get(pk=questionnaire.pk)
    items = [
        *questionnaire.items.all(),
        QuestionnaireItem(statement="I call back when I promised.", dimension=dims["ownership"]),
    ]
    # Explicit positions: without them the database (PostgreSQL) may return the items in any order.
    for position, item in enumerate(items):
        item.sort_order = position
    questionnaire.items = items
    if save_first:
        questionnaire.save()
    questionnaire.save_revision().publish()


def test_a_later_published_edit_does_not_change_a_stored_response(
    learner_client, module, questionnaire, dims
):
    url = step_url(module, 1)
    learner_client.post(url, answers(questionnaire, ANSWERS))
    first_revision = questionnaire.live_revision_id

    add_statement_and_publish(questionnaire, dims, save_first=True)

    questionnaire.refresh_from_db()
    assert questionnaire.live_revision_id != first_revision
    assert len(items_of(questionnaire)) == 5
    saved = Response.objects.get()
    assert saved.scores == EXPECTED
    assert saved.revision_id == first_revision
    assert saved.answers.count() == 4
    assert score_rows(learner_client.get(url)) == [("Empathy", "87.5"), ("Ownership", "75.0")]


def test_after_a_published_edit_a_new_learner_answers_the_new_statement_too(
    learner_b, module, questionnaire, dims
):
    add_statement_and_publish(questionnaire, dims, save_first=True)
    questionnaire.refresh_from_db()
    client, url = signed_in(learner_b), step_url(module, 1)
    assert len(page(client.get(url)).select("form.likert fieldset")) == 5

    # Ownership: 3, 1 reversed -> 5, and 4: mean 4 -> 75.0
    response = client.post(url, answers(questionnaire, [*ANSWERS, 4]))

    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.scores == {"empathy": 87.5, "ownership": 75.0}
    assert saved.answers.count() == 5
    assert saved.revision_id == questionnaire.live_revision_id


def test_a_statement_added_through_an_edit_of_the_live_questionnaire_can_be_answered(
    learner_b, module, questionnaire, dims
):
    # As the snippet edit view does for a live object: form.save(commit=False), then a revision.
    add_statement_and_publish(questionnaire, dims, save_first=False)
    questionnaire.refresh_from_db()
    client, url = signed_in(learner_b), step_url(module, 1)
    html = page(client.get(url))
    names = {radio["name"] for radio in html.select("form.likert input[type=radio]")}
    assert "item-None" not in names
    assert len(names) == 5

    response = client.post(url, {"assessment": "submit", **dict.fromkeys(names, "3")})

    assert response.status_code == 302
    assert Response.objects.get().answers.count() == 5
