"""HR's figures move only in published steps: reading the page twice never isolates anyone.

The attack (issue 14): read the organisation's means over 10 people, read them again after an
11th answered, and 11 * m2 - 10 * m1 is the 11th person's score. Each test plays an attacker who
keeps every reading and subtracts them.
"""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from factories import TeamFactory, UserFactory
from helpers import signed_in
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hr_aggregates import (
    COURSE_PAGE_ID,
    MESSAGE,
    counts,
    group,
    make_questionnaire,
    page,
    people,
    respond,
    table,
)

from assessments.models import (
    AttitudeRelease,
    Dimension,
    Questionnaire,
    QuestionnaireItem,
    Response,
)
from assessments.releases import smallest_difference
from assessments.services import _release_publish, attitude_releases_refresh, response_submit
from people.roles import Role

AFTER = "After the course"


@pytest.fixture
def dimensions():
    return [
        Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    ]


@pytest.fixture
def questionnaire(dimensions) -> Questionnaire:
    return make_questionnaire()


@pytest.fixture
def hr_client(org_a):
    return signed_in(UserFactory(organisation=org_a, roles=[Role.HR]))


def scores(index: int) -> dict[str, float]:
    """Everyone answers differently, so a leak would show in the figures."""
    return {"empathy": 40.0 + 3.7 * index, "ownership": 90.0 - 2.9 * index}


def answer_after(users, questionnaire, *, start: int = 0, page_id: int = COURSE_PAGE_ID):
    for index, user in enumerate(users, start=start):
        respond(user, questionnaire, phase=Response.AFTER, page=page_id, **scores(index))


def reading(client, heading: str = "Acme Retail", **params) -> tuple[int, list[Decimal]] | None:
    """What HR reads for one group after the course: (respondents, means), None if withheld."""
    section = group(page(client, compare="after", **params), heading)
    shown = counts(section)[AFTER]
    if MESSAGE in shown:
        return None
    return int(shown.split()[0]), [Decimal(value) for value in table(section)[AFTER]]


def assert_no_small_difference(readings: list[tuple[int, list[Decimal]] | None]) -> None:
    """Every pair of readings: figures identical, or the difference is over at least 5 people."""
    shown = [r for r in readings if r is not None]
    for n1, m1 in shown:
        for n2, m2 in shown:
            if (n1, m1) != (n2, m2):
                assert abs(n2 - n1) >= 5, (n1, m1, n2, m2)


def test_one_more_respondent_does_not_move_the_figures(hr_client, org_a, questionnaire):
    staff = people(15, org_a)
    answer_after(staff[:10], questionnaire)
    first = reading(hr_client)
    assert first is not None and first[0] == 10

    answer_after(staff[10:11], questionnaire, start=10)
    second = reading(hr_client)
    # Unchanged: the attacker's 11 * m2 - 10 * m1 has nothing to work on.
    assert second == first

    answer_after(staff[11:14], questionnaire, start=11)
    assert reading(hr_client) == first  # four new people: still the first release

    answer_after(staff[14:], questionnaire, start=14)
    fifth = reading(hr_client)
    assert fifth is not None and fifth[0] == 15 and fifth != first
    # What the attacker can now compute is a mean over the five newcomers, not anyone's scores.
    n1, m1 = first
    n2, m2 = fifth
    derived = [(n2 * b - n1 * a) / (n2 - n1) for a, b in zip(m1, m2, strict=True)]
    assert n2 - n1 == 5
    newcomers = [scores(i) for i in range(10, 15)]
    assert abs(derived[0] - Decimal(sum(s["empathy"] for s in newcomers) / 5)) < 1
    assert_no_small_difference([first, second, fifth])


def test_a_retake_does_not_move_the_figures(hr_client, org_a, questionnaire):
    staff = people(14, org_a)
    answer_after(staff[:10], questionnaire)
    first = reading(hr_client)

    # The first person answers the same questionnaire after another course: only the latest
    # counts, so their scores change, not the count. That is one person changing.
    respond(staff[0], questionnaire, phase=Response.AFTER, page=COURSE_PAGE_ID + 1, empathy=0.0)
    assert reading(hr_client) == first

    answer_after(staff[10:14], questionnaire, start=10)  # four more: five people changed
    moved = reading(hr_client)
    # 14 * m2 - 10 * m1 is now the four newcomers' scores plus the change in the first
    # person's: five people's answers in one sum, nobody's on their own.
    assert moved is not None and moved[0] == 14 and moved != first


def test_a_person_leaving_does_not_move_the_figures(hr_client, org_a, org_b, questionnaire):
    staff = people(10, org_a)
    answer_after(staff, questionnaire)
    first = reading(hr_client)

    staff[3].organisation = org_b  # moved to another organisation: no longer counted
    staff[3].save(update_fields=["organisation"])

    assert reading(hr_client) == first  # 10 * m1 - 9 * m2 would be their scores


def test_a_person_moving_team_does_not_move_the_team_figures(hr_client, org_a, questionnaire):
    alpha = TeamFactory(organisation=org_a, name="Alpha")
    bravo = TeamFactory(organisation=org_a, name="Bravo")
    a_people, b_people = people(6, org_a, alpha), people(6, org_a, bravo)
    answer_after(a_people, questionnaire)
    answer_after(b_people, questionnaire, start=6)
    before = [reading(hr_client, f"Team {name}") for name in ("Alpha", "Bravo")]
    assert before[0][0] == 6 and before[1][0] == 6

    a_people[0].team = bravo
    a_people[0].save(update_fields=["team"])

    assert [reading(hr_client, f"Team {name}") for name in ("Alpha", "Bravo")] == before


def test_a_team_is_not_subtracted_from_an_earlier_organisation_figure(
    hr_client, org_a, questionnaire
):
    """4 + 6 people: the organisation is shown, neither team. Later five join the first team;
    showing the second team now (the same 6 people) would give the first team's 4 earlier
    members' mean, 10 * m(org then) - 6 * m(team now)."""
    support = TeamFactory(organisation=org_a, name="Support")
    floor = TeamFactory(organisation=org_a, name="Floor")
    early, floor_people = people(4, org_a, support), people(6, org_a, floor)
    answer_after(early, questionnaire)
    answer_after(floor_people, questionnaire, start=4)
    org_then = reading(hr_client)
    assert org_then[0] == 10
    assert reading(hr_client, "Team Floor") is None

    answer_after(people(5, org_a, support), questionnaire, start=10)

    org_now = reading(hr_client)
    floor_now = reading(hr_client, "Team Floor")
    support_now = reading(hr_client, "Team Support")
    assert org_now[0] == 15  # the organisation moved: five people changed
    assert floor_now is None and support_now is None  # either team would give the 4 away
    assert_no_small_difference([org_then, org_now])
    # The same with the team chosen in the filter.
    assert reading(hr_client, "Team Floor", team=floor.pk) is None


def test_a_new_team_is_shown_when_that_isolates_nobody(hr_client, org_a, questionnaire):
    """Five people in no team, then a team of five answers: the team can be shown at once (the
    organisation's earlier figure was over exactly the others)."""
    answer_after(people(5, org_a), questionnaire)
    assert reading(hr_client)[0] == 5
    team = TeamFactory(organisation=org_a, name="Newcomers")
    answer_after(people(5, org_a, team), questionnaire, start=5)

    assert reading(hr_client)[0] == 10
    assert reading(hr_client, "Team Newcomers")[0] == 5


def test_the_page_says_when_the_figures_were_last_updated(hr_client, org_a, questionnaire):
    answer_after(people(5, org_a), questionnaire)

    text = page(hr_client).content.decode()

    release = AttitudeRelease.objects.get(organisation=org_a, phase=Response.AFTER)
    when = date_filter(timezone.localtime(release.published_at), "DATE_FORMAT")
    assert f"Figures last updated {when}." in text
    assert "Figures update only after at least 5 more people have answered" in text


def test_saving_a_response_publishes_through_the_worker(
    org_a, dimensions, django_capture_on_commit_callbacks
):
    quick = Questionnaire(
        title="Quick check",
        items=[QuestionnaireItem(statement="I listen.", dimension=dimensions[0])],
    )
    quick.save()
    quick.save_revision().publish()
    quick.refresh_from_db()
    item = quick.items.get()
    staff = people(6, org_a)

    def submit(user, value):
        with django_capture_on_commit_callbacks(execute=True):
            response_submit(
                user=user,
                questionnaire=quick,
                values={item.pk: value},
                context_page_id=COURSE_PAGE_ID,
                phase=Response.AFTER,
            )

    for user in staff[:4]:
        submit(user, 4)
    assert not AttitudeRelease.objects.exists()  # four people: nothing to publish
    submit(staff[4], 2)
    release = AttitudeRelease.objects.get()
    assert release.figures["groups"]["organisation"]["respondents"] == 5
    submit(staff[5], 5)
    assert AttitudeRelease.objects.count() == 1  # the sixth waits for four more


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ({}, {}, None),
        # the same five: only a whole cell (5) against nothing differs
        ({str(i): ("rest", i) for i in range(5)}, {str(i): ("rest", i) for i in range(5)}, 5),
        # one newcomer in an otherwise identical group
        ({str(i): ("rest", i) for i in range(10)}, {str(i): ("rest", i) for i in range(11)}, 1),
        # a retake: same person, another response, counts once
        ({"1": ("rest", 1), "2": ("rest", 2)}, {"1": ("rest", 1), "2": ("rest", 3)}, 1),
        # someone moving between two shown teams
        (
            {"1": ("a", 1), "2": ("a", 2), "3": ("b", 3)},
            {"1": ("a", 1), "2": ("b", 2), "3": ("b", 3)},
            1,
        ),
        # earlier the whole of 4 + 6; now the 6 on their own: the 4 by subtraction
        (
            {str(i): ("rest", i) for i in range(10)},
            {str(i): ("6" if i >= 4 else "rest", i) for i in range(10)},
            4,
        ),
    ],
)
def test_smallest_difference_finds_the_subtraction(old, new, expected):
    assert smallest_difference(old, new) == expected


def test_the_periodic_command_publishes_after_people_leave(org_a, org_b, questionnaire):
    staff = people(10, org_a)
    answer_after(staff, questionnaire)
    call_command("attitude_releases_refresh", stdout=StringIO())
    assert AttitudeRelease.objects.filter(organisation=org_a).count() == 1

    for user in staff[:4]:
        user.organisation = org_b
        user.save(update_fields=["organisation"])
    call_command("attitude_releases_refresh", stdout=StringIO())
    assert AttitudeRelease.objects.filter(organisation=org_a).count() == 1  # four: not yet

    staff[4].organisation = org_b
    staff[4].save(update_fields=["organisation"])
    call_command("attitude_releases_refresh", stdout=StringIO())
    latest = AttitudeRelease.objects.filter(organisation=org_a).order_by("-number").first()
    assert latest.number == 2
    assert latest.figures["groups"]["organisation"]["respondents"] == 5


def test_two_publishers_racing_for_the_same_step_publish_once(org_a, questionnaire):
    """Two workers saw the same newest release and both try to publish the next one."""
    answer_after(people(5, org_a), questionnaire)
    first = attitude_releases_refresh(organisation=org_a, questionnaire=questionnaire)
    mine = _release_publish(
        organisation=org_a,
        questionnaire=questionnaire,
        phase=Response.AFTER,
        number=first[Response.AFTER].number,  # the other worker got there first
        figures={"dimensions": [], "groups": {}},
        members={},
    )

    assert mine == first[Response.AFTER]
    assert mine.figures["groups"]["organisation"]["respondents"] == 5
    assert AttitudeRelease.objects.filter(organisation=org_a).count() == 1


def test_a_reorganised_large_organisation_still_gets_its_organisation_figures(org_a, questionnaire):
    """Fourteen teams shown, then everyone's team changes and five newcomers answer: the teams
    must be withheld (one mover per team would show by subtraction), but the organisation's
    figure moves, over the five newcomers; a large earlier release never freezes the page."""
    teams = [TeamFactory(organisation=org_a, name=f"Team {n:02}") for n in range(14)]
    members = [people(5, org_a, team) for team in teams]
    for index, group_members in enumerate(members):
        answer_after(group_members, questionnaire, start=5 * index)
    first = attitude_releases_refresh(organisation=org_a, questionnaire=questionnaire)
    shown = [key for key, g in first[Response.AFTER].figures["groups"].items() if g["shown"]]
    assert len(shown) == 15  # the organisation and all fourteen teams

    for index, group_members in enumerate(members):  # one person of each team moves on
        mover = group_members[0]
        mover.team = teams[(index + 1) % len(teams)]
        mover.save(update_fields=["team"])
    answer_after(people(5, org_a), questionnaire, start=70)
    latest = attitude_releases_refresh(organisation=org_a, questionnaire=questionnaire)

    release = latest[Response.AFTER]
    assert release.number == 2
    groups = release.figures["groups"]
    assert groups["organisation"]["respondents"] == 75
    assert [key for key, g in groups.items() if g["shown"]] == ["organisation"]


def _brute_force_smallest(old, new):
    """Every union of old cells against every union of new cells, as an attacker would try."""
    old_cells = sorted({cell for cell, _ in old.values()})
    new_cells = sorted({cell for cell, _ in new.values()})
    best = None
    for u in range(1 << len(old_cells)):
        in_old = {c for i, c in enumerate(old_cells) if u >> i & 1}
        for v in range(1 << len(new_cells)):
            in_new = {c for i, c in enumerate(new_cells) if v >> i & 1}
            a = {p: r for p, (c, r) in old.items() if c in in_old}
            b = {p: r for p, (c, r) in new.items() if c in in_new}
            differ = len(a.keys() ^ b.keys()) + sum(1 for p in a.keys() & b.keys() if a[p] != b[p])
            if differ and (best is None or differ < best):
                best = differ
    return best


@given(
    st.dictionaries(
        st.integers(0, 14),
        st.tuples(
            st.one_of(st.none(), st.sampled_from("abcd")),
            st.one_of(st.none(), st.sampled_from("abcde")),
            st.booleans(),
        ),
        max_size=15,
    )
)
@settings(max_examples=300, deadline=None)
def test_smallest_difference_agrees_with_trying_every_union(people_states):
    """The fast search is exact: it finds what trying every pair of unions finds."""
    old, new = {}, {}
    for person, (before, after, retook) in people_states.items():
        if before is not None:
            old[str(person)] = (before, 1)
        if after is not None:
            new[str(person)] = (after, 2 if retook else 1)
    assert smallest_difference(old, new) == _brute_force_smallest(old, new)


def test_five_people_moving_team_update_the_team_figures(org_a, questionnaire):
    """A move is a change like an arrival: five of them publish figures for the new teams."""
    alpha = TeamFactory(organisation=org_a, name="Alpha")
    bravo = TeamFactory(organisation=org_a, name="Bravo")
    a_people, b_people = people(10, org_a, alpha), people(10, org_a, bravo)
    answer_after(a_people, questionnaire)
    answer_after(b_people, questionnaire, start=10)
    first = attitude_releases_refresh(organisation=org_a, questionnaire=questionnaire)
    assert first[Response.AFTER].figures["groups"][str(alpha.pk)]["respondents"] == 10

    for mover in a_people[:5]:
        mover.team = bravo
        mover.save(update_fields=["team"])
    latest = attitude_releases_refresh(organisation=org_a, questionnaire=questionnaire)

    groups = latest[Response.AFTER].figures["groups"]
    assert latest[Response.AFTER].number == 2
    assert groups[str(alpha.pk)]["respondents"] == 5
    assert groups[str(bravo.pk)]["respondents"] == 15
