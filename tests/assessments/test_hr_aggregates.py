"""HR's attitude aggregates: only groups of at least 5, no differencing, own organisation only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from factories import OrganisationFactory, TeamFactory, UserFactory
from helpers import signed_in, soup

from assessments.aggregates import (
    MINIMUM_GROUP,
    attitude_aggregates,
    hr_questionnaires,
    withheld_groups,
)
from assessments.models import Dimension, Questionnaire, Response
from people.roles import Role

URL = reverse("assessments:hr_attitudes")
MESSAGE = "Not enough responses to show without identifying people"
COURSE_PAGE_ID = 4242


@pytest.fixture
def dimensions():
    return [
        Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    ]


def make_questionnaire(title: str = "Attitudes check") -> Questionnaire:
    questionnaire = Questionnaire(title=title, live=True)
    questionnaire.save()
    questionnaire.save_revision().publish()
    questionnaire.refresh_from_db()
    return questionnaire


@pytest.fixture
def questionnaire(dimensions) -> Questionnaire:
    return make_questionnaire()


def respond(user, questionnaire, *, phase=Response.BEFORE, page=COURSE_PAGE_ID, **scores):
    return Response.objects.create(
        user=user,
        questionnaire=questionnaire,
        revision_id=questionnaire.live_revision_id,
        context_page_id=page,
        phase=phase,
        scale_points=5,
        scores=scores,
    )


def people(n: int, org, team=None) -> list:
    return [UserFactory(organisation=org, team=team) for _ in range(n)]


@pytest.fixture
def hr(org_a):
    return UserFactory(organisation=org_a, roles=[Role.HR])


@pytest.fixture
def hr_client(hr) -> Client:
    return signed_in(hr)


def page(client: Client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def group(response, heading: str):
    """The <section> of one group, found by the start of its heading."""
    for section in soup(response).select("section.hr-group"):
        if section.h3.get_text(strip=True).startswith(heading):
            return section
    raise AssertionError(f"no group {heading!r}")


def table(section) -> dict[str, list[str]]:
    """{column heading: [cell texts]} plus "rows": the attitude names, from a group's table."""
    tbl = section.find("table")
    if tbl is None:
        return {}
    headings = [th.get_text(strip=True) for th in tbl.thead.find_all("th")]
    rows = list(tbl.tbody.find_all("tr"))
    columns: dict[str, list[str]] = {h: [] for h in headings}
    for tr in rows:
        cells = [tr.th, *tr.find_all("td")]
        for h, cell in zip(headings, cells, strict=True):
            columns[h].append(cell.get_text(strip=True))
    return columns


def shown_text(response) -> str:
    """Everything the page says in <main>: the tables and the chart's written values."""
    main = soup(response).find("main")
    for svg in main.find_all("svg"):
        svg.replace_with(" ".join(t.get_text() for t in svg.find_all(["text", "title"])))
    return " ".join(main.get_text(" ").split())


def counts(section) -> dict[str, str]:
    dl = section.find("dl")
    return {
        dt.get_text(strip=True): " ".join(dd.get_text(" ", strip=True).split())
        for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"), strict=True)
    }


# --- the threshold -------------------------------------------------------------------------


def test_four_respondents_show_the_message_and_no_numbers(hr_client, org_a, questionnaire):
    for user in people(4, org_a):
        respond(user, questionnaire, empathy=81.3, ownership=61.7)

    response = page(hr_client)

    whole = group(response, "Acme Retail")
    assert counts(whole)["Before the course"] == f"{MESSAGE} (fewer than 5 respondents)"
    assert table(whole) == {}  # after is empty too: nothing shown, no table
    text = shown_text(response)
    assert MESSAGE in text
    assert "81.3" not in text and "61.7" not in text and "4 respondents" not in text
    assert "profile-chart" not in text


def test_five_respondents_show_exact_means(hr_client, org_a, questionnaire):
    empathy = [60.0, 70.0, 80.0, 90.0, 72.5]  # 372.5 / 5 = 74.5
    ownership = [10.0, 20.0, 30.0, 40.0, 50.5]  # 150.5 / 5 = 30.1
    for user, e, o in zip(people(5, org_a), empathy, ownership, strict=True):
        respond(user, questionnaire, empathy=e, ownership=o)

    response = page(hr_client, compare="before")

    whole = group(response, "Acme Retail")
    assert counts(whole) == {"Before the course": "5 respondents"}
    assert table(whole) == {
        "Attitude": ["Empathy", "Ownership"],
        "Before the course": ["74.5", "30.1"],
    }
    assert MESSAGE not in response.content.decode()
    assert "profile-chart" in response.content.decode()


def test_means_round_half_up_to_one_decimal(org_a, questionnaire):
    # 33.3 * 4 + 33.45 = 166.65 / 5 = 33.33 -> 33.3; 0.25 mean -> 0.3 (not banker's 0.2)
    values = [0.0, 0.0, 0.0, 0.5, 0.75]  # 1.25 / 5 = 0.25
    for user, value in zip(people(5, org_a), values, strict=True):
        respond(user, questionnaire, empathy=value)

    report = attitude_aggregates(organisation=org_a, questionnaire=questionnaire)

    assert report.organisation.before.means == {"empathy": Decimal("0.3")}


def test_before_and_after_means_and_change_are_exact(hr_client, org_a, questionnaire):
    team = people(6, org_a)
    for user, (before, after) in zip(
        team, [(40, 70), (50, 75), (60, 80), (55, 65), (45, 90), (50, 70.5)], strict=True
    ):
        respond(user, questionnaire, phase=Response.BEFORE, empathy=before, ownership=50)
        respond(user, questionnaire, phase=Response.AFTER, empathy=after, ownership=45)

    response = page(hr_client)

    whole = group(response, "Acme Retail")
    assert counts(whole) == {
        "Before the course": "6 respondents",
        "After the course": "6 respondents",
    }
    # before: 300 / 6 = 50.0; after: 450.5 / 6 = 75.083.. -> 75.1; change +25.1
    assert table(whole) == {
        "Attitude": ["Empathy", "Ownership"],
        "Before the course": ["50.0", "50.0"],
        "After the course": ["75.1", "45.0"],
        "Change": ["+25.1", "-5.0"],
    }


def test_each_persons_latest_response_per_phase_counts_once(org_a, questionnaire):
    users = people(5, org_a)
    for user in users:
        respond(user, questionnaire, empathy=50.0)
    # The first person answered "before" again for another course: only that latest one counts.
    respond(users[0], questionnaire, page=COURSE_PAGE_ID + 1, empathy=100.0)

    report = attitude_aggregates(organisation=org_a, questionnaire=questionnaire)

    assert report.organisation.before.respondents == 5
    assert report.organisation.before.means == {"empathy": Decimal("60.0")}  # 300 / 5


def test_module_step_responses_are_not_before_or_after(org_a, questionnaire):
    for user in people(5, org_a):
        Response.objects.create(
            user=user,
            questionnaire=questionnaire,
            revision_id=questionnaire.live_revision_id,
            phase="",
            scale_points=5,
            scores={"empathy": 50.0},
        )

    report = attitude_aggregates(organisation=org_a, questionnaire=questionnaire)

    assert not report.organisation.before.shown
    assert list(hr_questionnaires(organisation=org_a)) == []


# --- teams and differencing --------------------------------------------------------------


def test_a_team_of_five_is_shown_and_a_team_of_three_suppressed(hr_client, org_a, questionnaire):
    shop = TeamFactory(organisation=org_a, name="Shop floor")
    calls = TeamFactory(organisation=org_a, name="Call centre")
    for user in people(5, org_a, shop):
        respond(user, questionnaire, empathy=80.0)
    for user in people(3, org_a, calls):
        respond(user, questionnaire, empathy=23.3)
    for user in people(2, org_a):  # in no team: org minus Shop floor = 5, so Shop floor is safe
        respond(user, questionnaire, empathy=50.0)

    response = page(hr_client, compare="before")

    assert table(group(response, "Acme Retail"))["Before the course"] == ["57.0"]  # 569.9 / 10
    assert counts(group(response, "Acme Retail")) == {"Before the course": "10 respondents"}
    assert table(group(response, "Team Shop floor"))["Before the course"] == ["80.0"]
    calls_section = group(response, "Team Call centre")
    assert counts(calls_section) == {"Before the course": f"{MESSAGE} (fewer than 5 respondents)"}
    assert table(calls_section) == {}
    assert "23.3" not in shown_text(response)
    assert "3 respondents" not in shown_text(response)


def test_differencing_org_of_seven_hides_a_team_of_five(hr_client, org_a, questionnaire):
    team_a = TeamFactory(organisation=org_a, name="Alpha")
    for user in people(5, org_a, team_a):
        respond(user, questionnaire, empathy=71.3)
    for user in people(2, org_a):  # org 7 - team 5 = the other 2 people
        respond(user, questionnaire, empathy=0.0)

    response = page(hr_client, compare="before")

    assert table(group(response, "Acme Retail"))["Before the course"] == ["50.9"]  # 356.5 / 7
    alpha = group(response, "Team Alpha")
    # Withheld though it has 5: its count must not be shown, and "fewer than 5" would be false.
    assert counts(alpha) == {"Before the course": MESSAGE}
    assert table(alpha) == {}
    assert "71.3" not in shown_text(response)

    # Choosing the team does not change that.
    filtered = page(hr_client, compare="before", team=team_a.pk)
    assert counts(group(filtered, "Team Alpha")) == {"Before the course": MESSAGE}
    assert "71.3" not in shown_text(filtered)


def test_differencing_across_several_shown_teams(hr_client, org_a, questionnaire):
    # Org 13 = A 5 + B 6 + C 2. Showing org, A and B would give C's mean by subtraction.
    team_a = TeamFactory(organisation=org_a, name="Alpha")
    team_b = TeamFactory(organisation=org_a, name="Bravo")
    team_c = TeamFactory(organisation=org_a, name="Charlie")
    for team, n, score in [(team_a, 5, 61.3), (team_b, 6, 70.0), (team_c, 2, 12.3)]:
        for user in people(n, org_a, team):
            respond(user, questionnaire, empathy=score)

    report = attitude_aggregates(organisation=org_a, questionnaire=questionnaire)
    shown = {g.label: g.before.shown for g in report.teams}
    assert report.organisation.before.shown
    assert shown == {"Alpha": False, "Bravo": True, "Charlie": False}  # the smallest goes

    # Every filter combination: org total minus the shown teams is never 1-4 people.
    for team in (None, team_a, team_b, team_c):
        params = {"compare": "before"} | ({"team": team.pk} if team else {})
        text = shown_text(page(hr_client, **params))
        assert "61.3" not in text and "12.3" not in text, params
        assert "57.8" in text  # the organisation: 751.1 / 13
    assert "70.0" in shown_text(page(hr_client, compare="before", team=team_b.pk))


def test_a_team_filter_selecting_fewer_than_five_shows_the_message(hr_client, org_a, questionnaire):
    big = TeamFactory(organisation=org_a, name="Big")
    small = TeamFactory(organisation=org_a, name="Small")
    for user in people(6, org_a, big):
        respond(user, questionnaire, empathy=50.0)
    for user in people(4, org_a, small):
        respond(user, questionnaire, empathy=91.9)
    for user in people(1, org_a, small):  # answered "after" only
        respond(user, questionnaire, phase=Response.AFTER, empathy=91.9)

    response = page(hr_client, team=small.pk)

    section = group(response, "Team Small")
    assert counts(section) == {
        "Before the course": f"{MESSAGE} (fewer than 5 respondents)",
        "After the course": f"{MESSAGE} (fewer than 5 respondents)",
    }
    assert "91.9" not in shown_text(response)
    assert "66.8" in shown_text(response)  # the organisation before: 667.6 / 10
    # Only the organisation and the chosen team are listed.
    headings = [h.get_text(strip=True) for h in soup(response).select("section.hr-group h3")]
    assert headings == ["Acme Retail (whole organisation)", "Team Small"]


def test_a_dimension_answered_by_too_few_is_not_shown(org_a, questionnaire):
    users = people(6, org_a)
    for user in users[:3]:  # an older revision without "ownership"
        respond(user, questionnaire, empathy=50.0)
    for user in users[3:]:
        respond(user, questionnaire, empathy=50.0, ownership=90.0)

    report = attitude_aggregates(organisation=org_a, questionnaire=questionnaire)

    assert report.organisation.before.respondents == 6
    assert report.organisation.before.means == {"empathy": Decimal("50.0")}


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        (4, {"a": 4}, (True, {"a"})),
        (5, {"a": 5}, (False, set())),
        (10, {"a": 5, "b": 3}, (False, {"b"})),
        (8, {"a": 5, "b": 3}, (False, {"a", "b"})),
        (7, {"a": 5}, (False, {"a"})),
        (13, {"a": 5, "b": 6, "c": 2}, (False, {"a", "c"})),
        (12, {"a": 6, "b": 6}, (False, set())),
        (11, {"a": 5, "b": 5}, (False, {"a"})),
        (10, {"a": 0, "b": 10}, (False, {"a"})),
    ],
)
def test_withheld_groups_leave_no_remainder_of_one_to_four(total, parts, expected):
    whole, withheld = withheld_groups(total=total, parts=parts, minimum=MINIMUM_GROUP)

    assert (whole, set(withheld)) == expected
    if not whole:
        rest = total - sum(n for key, n in parts.items() if key not in withheld)
        assert rest == 0 or rest >= MINIMUM_GROUP


# --- organisations are walled off ----------------------------------------------------------


def test_another_organisations_responses_are_never_counted_nor_reachable(
    hr_client, org_a, org_b, questionnaire
):
    for user in people(5, org_a):
        respond(user, questionnaire, empathy=40.0)
    bolt_team = TeamFactory(organisation=org_b, name="Bolt crew")
    for user in people(5, org_b, bolt_team):
        respond(user, questionnaire, empathy=98.7)
    bolt_only = make_questionnaire("Bolt only")
    for user in people(5, org_b):
        respond(user, bolt_only, empathy=97.1)

    response = page(hr_client, compare="before")
    assert table(group(response, "Acme Retail"))["Before the course"] == ["40.0"]
    assert counts(group(response, "Acme Retail")) == {"Before the course": "5 respondents"}

    for params in (
        {"organisation": org_b.pk},
        {"organisation": org_b.pk, "team": bolt_team.pk},
        {"team": bolt_team.pk},
        {"questionnaire": bolt_only.pk},
        {"organisation": org_b.pk, "questionnaire": bolt_only.pk},
    ):
        text = shown_text(page(hr_client, **params))
        assert "98.7" not in text and "97.1" not in text, params
        assert "Bolt" not in text, params
    # The organisation parameter is ignored for HR: still their own organisation's numbers.
    assert "40.0" in shown_text(page(hr_client, organisation=org_b.pk))


def test_platform_admin_chooses_an_organisation(org_a, org_b, questionnaire):
    for user in people(5, org_b):
        respond(user, questionnaire, empathy=31.7)
    admin = UserFactory(organisation=None, roles=[Role.PLATFORM_ADMIN])
    client = signed_in(admin)

    first = page(client)
    assert "31.7" not in shown_text(first)
    assert soup(first).find("select", attrs={"name": "organisation"}) is not None

    chosen = page(client, organisation=org_b.pk, compare="before")
    assert table(group(chosen, "Bolt Services"))["Before the course"] == ["31.7"]

    superuser = UserFactory(organisation=None, roles=[], is_superuser=True, is_staff=True)
    assert "31.7" in shown_text(page(signed_in(superuser), organisation=org_b.pk))


# --- who may see the page ------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEARNER, Role.COACH])
def test_learners_and_coaches_get_404(org_a, questionnaire, role):
    for user in people(5, org_a):
        respond(user, questionnaire, empathy=40.0)
    client = signed_in(UserFactory(organisation=org_a, roles=[role]))

    assert client.get(URL).status_code == 404


def test_hr_without_an_organisation_gets_404():
    client = signed_in(UserFactory(organisation=None, roles=[Role.HR]))

    assert client.get(URL).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in():
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_page_is_never_cached(hr_client):
    response = page(hr_client)

    assert "no-store" in response["Cache-Control"]


def test_no_questionnaire_answered_yet(hr_client):
    response = page(hr_client)

    assert "has answered a before or after questionnaire yet" in response.content.decode()


# --- queries do not grow -------------------------------------------------------------------


def _populate(org, questionnaire, *, teams: int, per_team: int) -> None:
    for _ in range(teams):
        team = TeamFactory(organisation=org)
        for user in people(per_team, org, team):
            respond(user, questionnaire, phase=Response.BEFORE, empathy=50.0, ownership=40.0)
            respond(user, questionnaire, phase=Response.AFTER, empathy=60.0, ownership=45.0)


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client)
    return len(captured)


def test_queries_do_not_grow_from_10_to_60_respondents(org_a, hr, questionnaire):
    _populate(org_a, questionnaire, teams=2, per_team=5)
    page(signed_in(hr))  # warm the site-wide caches (site root, branding) once
    small = _queries(signed_in(hr))

    _populate(org_a, questionnaire, teams=5, per_team=10)
    org_b = OrganisationFactory()
    _populate(org_b, questionnaire, teams=3, per_team=5)
    response = page(signed_in(hr))
    assert counts(group(response, "Acme Retail"))["Before the course"] == "60 respondents"

    assert _queries(signed_in(hr)) == small
