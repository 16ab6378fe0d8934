"""Authors read how questionnaire statements were answered and whether they hang together."""

from __future__ import annotations

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from factories import UserFactory
from helpers import queries_to_get, signed_in, soup

from assessments.insights import (
    NO_VARIANCE,
    TOO_FEW_ITEMS,
    TOO_FEW_PEOPLE,
    TOO_FEW_RESPONSES,
    Alpha,
    alpha_if_deleted,
    cronbach_alpha,
    mean,
    questionnaire_insight,
    sample_sd,
    sample_variance,
)
from assessments.models import Dimension, Questionnaire, QuestionnaireItem, Response
from assessments.services import response_submit
from people.roles import Role

NS = "wagtailsnippets_assessments_questionnaire"

# Three items, five respondents, worked by hand:
#   item 1: 4 2 5 3 1  mean 3.0  squared deviations 1+1+4+0+4 = 10    variance 10/4 = 2.5
#   item 2: 5 3 4 3 2  mean 3.4  2.56+0.16+0.36+0.16+1.96 = 5.2       variance 1.3
#   item 3: 4 3 5 2 2  mean 3.2  0.64+0.04+3.24+1.44+1.44 = 6.8       variance 1.7
#   totals: 13 8 14 8 5  mean 9.6  11.56+2.56+19.36+2.56+21.16 = 57.2  variance 14.3
#   alpha = 3/2 * (1 - (2.5 + 1.3 + 1.7) / 14.3) = 1.5 * 8.8/14.3 = 1.5 * 8/13 = 12/13
# Without item 1: variances 1.3 + 1.7 = 3.0; totals 9 6 9 5 4, mean 6.6,
#   5.76+0.36+5.76+2.56+6.76 = 21.2, variance 5.3; alpha = 2 * (1 - 3/5.3) = 4.6/5.3
WORKED = [[4, 5, 4], [2, 3, 3], [5, 4, 5], [3, 3, 2], [1, 2, 2]]
WORKED_ALPHA = 12 / 13  # 0.923077
WORKED_ALPHA_WITHOUT_1 = 4.6 / 5.3  # 0.867925


def insight_url(pk) -> str:
    return reverse(f"{NS}:insight", args=[pk])


@pytest.fixture
def dimensions():
    return [
        Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    ]


@pytest.fixture
def superuser():
    return UserFactory(
        roles=[Role.PLATFORM_ADMIN], is_superuser=True, organisation=None, email="root@example.org"
    )


@pytest.fixture
def superuser_client(superuser):
    return signed_in(superuser)


@pytest.fixture
def make_questionnaire(dimensions):
    """A published questionnaire; `items` is a list of (statement, dimension slug, reverse)."""
    by_slug = {d.slug: d for d in dimensions}

    def make(items, *, title="How I serve", points=5):
        questionnaire = Questionnaire(
            title=title,
            scale_points=points,
            items=[
                QuestionnaireItem(
                    statement=statement, dimension=by_slug[slug], reverse_scored=reverse
                )
                for statement, slug, reverse in items
            ],
        )
        questionnaire.save()
        questionnaire.save_revision().publish()
        questionnaire.refresh_from_db()
        return questionnaire

    return make


def items_of(questionnaire) -> list[QuestionnaireItem]:
    return list(questionnaire.items.order_by("sort_order", "pk"))


def answer(user, questionnaire, values, step="s"):
    """The learner answers the live statements in order with these values."""
    items = items_of(questionnaire)
    assert len(items) == len(values)
    return response_submit(
        user=user,
        questionnaire=questionnaire,
        values={item.pk: value for item, value in zip(items, values, strict=True)},
        context_page_id=1,
        context_step_id=step,
    )


THREE_EMPATHY = [
    ("I listen before I answer.", "empathy", False),
    ("I interrupt customers who ramble.", "empathy", True),
    ("I notice when a customer is upset.", "empathy", False),
]


@pytest.fixture
def five(org_a):
    """Five learners: the fewest whose answers an author may see, as figures."""
    return [UserFactory(organisation=org_a) for _ in range(5)]


@pytest.fixture
def worked(make_questionnaire, five):
    """The worked example, with item 2 reverse-scored: learners ticked 6 - the scored value."""
    questionnaire = make_questionnaire(THREE_EMPATHY)
    for number, (a, b, c) in enumerate(WORKED):
        answer(five[number], questionnaire, [a, 6 - b, c], step=str(number))
    return questionnaire


def by_statement(insight):
    return {item.statement: item for d in insight.dimensions for item in d.items}


# --- The statistics -----------------------------------------------------------------------------


def test_cronbach_alpha_of_the_hand_worked_example():
    alpha = cronbach_alpha(WORKED)

    assert alpha.value == pytest.approx(WORKED_ALPHA, abs=1e-6)
    assert (alpha.items, alpha.responses, alpha.reason) == (3, 5, "")
    assert alpha.level == "good"
    assert alpha.hint == "The statements hang together well."


def test_alpha_if_each_item_is_deleted():
    without = alpha_if_deleted(WORKED)

    assert len(without) == 3
    assert without[0].value == pytest.approx(WORKED_ALPHA_WITHOUT_1, abs=1e-6)
    # Each alternative is alpha of the other two columns.
    assert without[2].value == pytest.approx(
        cronbach_alpha([[a, b] for a, b, _ in WORKED]).value, abs=1e-12
    )


def test_sample_statistics_use_n_minus_1():
    assert mean([4, 2, 5, 3, 1]) == 3
    assert sample_variance([4, 2, 5, 3, 1]) == pytest.approx(2.5)
    assert sample_sd([5, 3, 4, 3, 2]) == pytest.approx(1.3**0.5)
    assert mean([]) is None
    assert sample_variance([3]) is None
    assert sample_sd([3]) is None


@pytest.mark.parametrize(
    ("rows", "reason", "items", "responses"),
    [
        ([[3], [4], [5], [2]], TOO_FEW_ITEMS, 1, 4),
        ([], TOO_FEW_ITEMS, 0, 0),
        ([[3, 4], [4, 5]], TOO_FEW_RESPONSES, 2, 2),
        ([[3, 4], [4, 3], [5, 2]], NO_VARIANCE, 2, 3),  # every total is 7
        ([[3, 3], [3, 3], [3, 3]], NO_VARIANCE, 2, 3),
    ],
)
def test_alpha_is_undefined_with_a_reason(rows, reason, items, responses):
    alpha = cronbach_alpha(rows)

    assert alpha.value is None
    assert not alpha.defined
    assert (alpha.reason, alpha.items, alpha.responses) == (reason, items, responses)
    assert alpha.reason_text
    assert alpha.hint == ""


def test_ragged_rows_are_refused():
    with pytest.raises(ValueError):
        cronbach_alpha([[1, 2], [1, 2, 3], [1, 2]])


@pytest.mark.parametrize(
    ("value", "level", "words"),
    [
        (0.95, "good", "hang together well"),
        (0.7, "good", "hang together well"),
        (0.69, "fair", "somewhat"),
        (0.5, "fair", "somewhat"),
        (0.49, "poor", "may measure different things"),
        (-0.4, "poor", "may measure different things"),
    ],
)
def test_the_plain_language_hint(value, level, words):
    alpha = Alpha(value, 3, 10)

    assert alpha.level == level
    assert words in alpha.hint


def test_alpha_can_be_negative_when_items_pull_apart():
    # Two items that move in opposite directions, not quite cancelling out.
    alpha = cronbach_alpha([[1, 5], [2, 3], [5, 2], [4, 1]])

    assert alpha.value < 0
    assert alpha.level == "poor"


# --- The selector -------------------------------------------------------------------------------


def test_reverse_scoring_is_applied_before_the_statistics(worked):
    insight = questionnaire_insight(worked)

    assert insight.responses == 5
    [empathy] = insight.dimensions
    assert empathy.name == "Empathy"
    reversed_item = by_statement(insight)["I interrupt customers who ramble."]
    assert reversed_item.reverse_scored
    assert reversed_item.n == 5
    assert reversed_item.raw_mean == pytest.approx(2.6)  # ticked 1 3 2 3 4
    assert reversed_item.mean == pytest.approx(3.4)  # scored 5 3 4 3 2
    assert reversed_item.sd == pytest.approx(1.3**0.5)
    assert empathy.alpha.value == pytest.approx(WORKED_ALPHA, abs=1e-6)
    first = by_statement(insight)["I listen before I answer."]
    assert first.raw_mean == first.mean == 3
    assert first.alpha_if_deleted.value == pytest.approx(WORKED_ALPHA_WITHOUT_1, abs=1e-6)


def test_without_reverse_scoring_the_same_answers_do_not_hang_together(make_questionnaire, five):
    # The ticked values of the worked example, but nobody told the questionnaire item 2 is
    # reversed: alpha drops, which is what the report is for.
    questionnaire = make_questionnaire([(s, d, False) for s, d, _ in THREE_EMPATHY])
    for number, (a, b, c) in enumerate(WORKED):
        answer(five[number], questionnaire, [a, 6 - b, c], step=str(number))

    [empathy] = questionnaire_insight(questionnaire).dimensions

    assert empathy.alpha.value < 0.5


def test_a_single_item_dimension_has_figures_but_no_alpha(make_questionnaire, five):
    questionnaire = make_questionnaire(
        [*THREE_EMPATHY, ("I finish what I promise.", "ownership", False)]
    )
    for person, promise in zip(five, [5, 4, 4, 3, 5], strict=True):
        answer(person, questionnaire, [4, 2, 4, promise])

    empathy, ownership = questionnaire_insight(questionnaire).dimensions

    assert empathy.alpha.reason == NO_VARIANCE  # every response has the same empathy total
    assert ownership.alpha.reason == TOO_FEW_ITEMS
    [promise] = ownership.items
    assert (promise.n, promise.mean, promise.sd) == (5, 4.2, pytest.approx(0.7**0.5))


@pytest.mark.parametrize("people", [1, 2, 4])
def test_fewer_than_five_people_show_no_figure_however_often_they_answered(
    make_questionnaire, five, people
):
    # One person's answers are theirs: an author must not read them off a mean over one.
    questionnaire = make_questionnaire(
        [*THREE_EMPATHY, ("I finish what I promise.", "ownership", False)]
    )
    for number in range(10):
        answer(five[number % people], questionnaire, [4, 2, 4, 5], step=str(number))

    insight = questionnaire_insight(questionnaire)

    assert (insight.responses, insight.respondents, insight.withheld) == (10, people, True)
    for dimension in insight.dimensions:
        assert dimension.alpha.reason in (TOO_FEW_PEOPLE, TOO_FEW_ITEMS)
        for item in dimension.items:
            assert (item.n, item.mean, item.raw_mean, item.sd) == (None, None, None, None)


def test_alpha_counts_only_responses_that_answered_every_current_statement(worked, learner):
    # The author adds a fourth empathy statement and removes the second; two learners answer.
    second = items_of(worked)[1]
    worked.items.remove(second)
    worked.items.add(
        QuestionnaireItem(
            statement="I ask how the customer is.",
            dimension=Dimension.objects.get(slug="empathy"),
            sort_order=9,
        )
    )
    # Saved before the revision so the new statement has a pk in the live revision (publishing a
    # revision with a brand-new statement leaves its pk empty there; see the report).
    worked.save()
    worked.save_revision().publish()
    worked.refresh_from_db()
    assert len(items_of(worked)) == 3
    answer(learner, worked, [4, 4, 5], step="new-1")
    answer(learner, worked, [2, 3, 3], step="new-2")

    insight = questionnaire_insight(worked)

    # One more person: the figures wait for a step of five (test_one_more_response_...).
    assert (insight.responses, insight.respondents) == (5, 5)
    assert by_statement(insight)["I ask how the customer is."].n is None

    for values in ([5, 4, 5], [1, 2, 1], [3, 3, 4], [4, 5, 4]):
        answer(UserFactory(organisation=learner.organisation), worked, values, step="new")
    insight = questionnaire_insight(worked)

    assert (insight.responses, insight.respondents) == (11, 10)
    [empathy] = insight.dimensions
    # Only the six new responses (five people) answered all three current statements.
    assert empathy.alpha.defined
    assert empathy.alpha.responses == 6
    items = by_statement(insight)
    assert items["I listen before I answer."].n == 11
    assert items["I ask how the customer is."].n == 6
    removed = items["I interrupt customers who ramble."]  # its text, from the old revision
    assert not removed.in_current_version
    assert (removed.n, removed.mean) == (5, pytest.approx(3.4))


def test_responses_on_another_scale_are_left_out(worked, learner):
    Response.objects.filter(questionnaire=worked).update(scale_points=7)
    # the author has since moved the questionnaire to 7 points
    worked.scale_points = 7
    worked.save()

    insight = questionnaire_insight(worked)
    assert insight.responses == 5 and insight.left_out == {}

    worked.scale_points = 5
    worked.save()
    insight = questionnaire_insight(worked)
    assert (insight.responses, insight.left_out) == (0, {7: 5})
    assert all(item.n is None for d in insight.dimensions for item in d.items)


# --- The admin page -----------------------------------------------------------------------------


def test_authors_see_the_figures(superuser_client, worked):
    response = superuser_client.get(insight_url(worked.pk))

    assert response.status_code == 200
    page = soup(response)
    text = page.get_text(" ", strip=True)
    assert "How I serve" in text
    assert "5 responses" in text
    alpha = page.select_one(".questionnaire-insight__alpha--good").get_text(" ", strip=True)
    assert "0.92" in alpha and "hang together well" in alpha
    row = page.select_one(f'tr[data-item-id="{items_of(worked)[1].pk}"]')
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert "reverse-scored" in cells[0]
    # n, mean (scored), raw mean, spread, alpha if deleted
    assert cells[1:5] == ["5", "3.40", "2.60", f"{1.3**0.5:.2f}"]
    assert cells[5] == f"{cronbach_alpha([[a, c] for a, _, c in WORKED]).value:.2f}"


def test_a_coach_author_cannot_read_one_learners_answers(org_a, make_questionnaire, learner):
    coach = UserFactory(organisation=org_a, roles=[Role.COACH])
    questionnaire = make_questionnaire(THREE_EMPATHY)
    answer(learner, questionnaire, [1, 5, 1])

    response = signed_in(coach).get(insight_url(questionnaire.pk))

    assert response.status_code == 200
    page = soup(response)
    text = page.get_text(" ", strip=True)
    assert "Not enough responses to show without identifying people" in text
    assert "Fewer than 5 people have answered." in text and "1 response" not in text
    for row in page.select("tr.questionnaire-insight__item"):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        assert cells[1:6] == ["fewer than 5", "—", "—", "—", "—"]


def test_undefined_alpha_shows_a_dash_and_the_reason(superuser_client, make_questionnaire):
    questionnaire = make_questionnaire(THREE_EMPATHY)

    page = soup(superuser_client.get(insight_url(questionnaire.pk)))

    text = page.get_text(" ", strip=True)
    assert "No learner has answered this questionnaire yet." in text
    alpha = page.select_one(".questionnaire-insight__alpha").get_text(" ", strip=True)
    assert "—" in alpha and "complete answers from at least 5 people" in alpha


def test_unknown_questionnaire_is_not_found(superuser_client):
    assert superuser_client.get(insight_url(999999)).status_code == 404


def test_learners_and_anonymous_visitors_cannot_see_insight(client, learner_client, worked):
    anonymous = client.get(insight_url(worked.pk))
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]

    learner = learner_client.get(insight_url(worked.pk))
    assert learner.status_code in (302, 403)
    assert "0.92" not in learner.content.decode()


def test_admin_users_need_a_permission_on_questionnaires(org_a, worked):
    from django.contrib.auth.models import Permission

    hr = UserFactory(organisation=org_a, roles=[Role.HR])
    refused = signed_in(hr).get(insight_url(worked.pk))
    assert refused.status_code in (302, 403)

    hr.user_permissions.add(
        Permission.objects.get(content_type__app_label="assessments", codename="view_questionnaire")
    )
    allowed = signed_in(hr).get(insight_url(worked.pk))
    assert allowed.status_code == 200
    assert "0.92" in allowed.content.decode()
    assert reverse(f"{NS}:edit", args=[worked.pk]) not in allowed.content.decode()


def test_the_listing_and_the_editor_link_to_insight(superuser_client, worked):
    url = insight_url(worked.pk)

    listing = superuser_client.get(reverse(f"{NS}:list"))
    editor = superuser_client.get(reverse(f"{NS}:edit", args=[worked.pk]))

    assert listing.status_code == 200 and editor.status_code == 200
    assert f'href="{url}"' in listing.content.decode()
    assert f'href="{url}"' in editor.content.decode()


def test_insight_queries_do_not_grow_with_responses(superuser_client, make_questionnaire, org_a):
    questionnaire = make_questionnaire(
        [*THREE_EMPATHY, ("I finish what I promise.", "ownership", False)]
    )
    learners = [UserFactory(organisation=org_a) for _ in range(5)]

    def add_responses(start, count):
        for number in range(start, start + count):
            values = [1 + number % 5, 1 + (number * 3) % 5, 1 + (number + 1) % 5, 3]
            answer(learners[number % 5], questionnaire, values, step=str(number))

    add_responses(0, 5)
    superuser_client.get(insight_url(questionnaire.pk))  # warm-up: the session's first write
    few = queries_to_get(superuser_client, insight_url(questionnaire.pk))
    add_responses(5, 45)
    assert Response.objects.filter(questionnaire=questionnaire).count() == 50
    many = queries_to_get(superuser_client, insight_url(questionnaire.pk))

    assert many == few, (few, many)
    assert "50 responses" in soup(superuser_client.get(insight_url(questionnaire.pk))).get_text(
        " ", strip=True
    )


# --- Published steps: no subtraction over time ---------------------------------------------------


def figures(insight) -> list:
    """Everything an author reads about the answers: counts, each statement's figures, alpha."""
    return [
        insight.responses,
        insight.respondents,
        *[(i.statement, i.n, i.mean, i.raw_mean, i.sd) for i in by_statement(insight).values()],
        *[d.alpha.value for d in insight.dimensions],
    ]


def test_one_more_response_does_not_move_the_figures(worked, org_a, superuser_client):
    """Five people's n and means, then six people's, would give the sixth person's answers."""
    first = figures(questionnaire_insight(worked))
    late = [UserFactory(organisation=org_a) for _ in range(5)]

    answer(late[0], worked, [1, 5, 1], step="late")
    assert figures(questionnaire_insight(worked)) == first
    for user in late[1:4]:
        answer(user, worked, [3, 3, 3], step="late")
    assert figures(questionnaire_insight(worked)) == first  # four new people: still the same

    answer(late[4], worked, [2, 4, 2], step="late")
    moved = questionnaire_insight(worked)
    assert (moved.responses, moved.respondents) == (10, 10)
    assert by_statement(moved)["I listen before I answer."].n == 10

    text = soup(superuser_client.get(insight_url(worked.pk))).get_text(" ", strip=True)
    assert (
        f"Figures last updated {date_filter(timezone.localtime(moved.updated), 'DATE_FORMAT')}."
        in text
    )
