"""Platform admins find people in the admin's people list by organisation, team and role."""

from __future__ import annotations

import pytest
from factories import OrganisationFactory, TeamFactory, UserFactory
from helpers import queries_to_get, signed_in, soup

from people.roles import Role

USERS_URL = "/admin/users/"


@pytest.fixture
def platform_admin():
    return UserFactory(organisation=None, email="root@example.org", roles=[Role.PLATFORM_ADMIN])


@pytest.fixture
def people(org_a, org_b):
    store = TeamFactory(organisation=org_a, name="Store floor")
    bolt_store = TeamFactory(organisation=org_b, name="Store floor")
    return {
        "asha": UserFactory(
            organisation=org_a, team=store, email="asha@acme.example", full_name="Asha Rao"
        ),
        "hira": UserFactory(
            organisation=org_a,
            email="hira@acme.example",
            full_name="Hira Shah",
            roles=[Role.HR, Role.COACH],
        ),
        "ben": UserFactory(
            organisation=org_b, team=bolt_store, email="ben@bolt.example", full_name="Ben Okafor"
        ),
        "gone": UserFactory(
            organisation=org_b, email="gone@bolt.example", full_name="Gil Gone", is_active=False
        ),
    }


def listing(client, **params) -> dict[str, dict[str, str]]:
    """The list as {e-mail: {column heading: cell text}}."""
    response = client.get(USERS_URL, params)
    assert response.status_code == 200
    page = soup(response)
    headings = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    rows = {}
    for tr in page.select("table tbody tr"):
        cells = dict(
            zip(headings, [td.get_text(" ", strip=True) for td in tr.find_all("td")], strict=False)
        )
        rows[cells["Username"]] = cells
    return rows


def test_the_list_shows_each_persons_organisation_team_and_roles(platform_admin, people):
    rows = listing(signed_in(platform_admin))

    asha, hira, ben = rows["asha@acme.example"], rows["hira@acme.example"], rows["ben@bolt.example"]
    assert (asha["Organisation"], asha["Team"], asha["Roles"]) == (
        "Acme Retail",
        "Store floor",
        "Learner",
    )
    assert (hira["Organisation"], hira["Team"], hira["Roles"]) == ("Acme Retail", "", "Coach, HR")
    assert (ben["Organisation"], ben["Team"]) == ("Bolt Services", "Store floor")
    assert rows["root@example.org"]["Organisation"] == ""
    assert rows["root@example.org"]["Roles"] == "Platform admin"


def test_each_filter_narrows_the_list(platform_admin, people, org_a, org_b):
    client = signed_in(platform_admin)
    store = people["asha"].team
    everyone = {*(person.email for person in people.values()), platform_admin.email}

    assert set(listing(client)) == everyone
    assert set(listing(client, organisation=org_a.pk)) == {"asha@acme.example", "hira@acme.example"}
    assert set(listing(client, organisation="null")) == {"root@example.org"}
    # Bolt's team has the same name: the filter is by team, not by name.
    assert set(listing(client, team=store.pk)) == {"asha@acme.example"}
    assert set(listing(client, role=Role.HR.value)) == {"hira@acme.example"}
    assert set(listing(client, role=Role.PLATFORM_ADMIN.value)) == {"root@example.org"}
    assert set(listing(client, is_active="false")) == {"gone@bolt.example"}
    assert set(listing(client, organisation=org_b.pk, is_active="true")) == {"ben@bolt.example"}


def test_the_team_filter_names_each_teams_organisation(platform_admin, people):
    response = signed_in(platform_admin).get(USERS_URL)

    options = [option.get_text(strip=True) for option in soup(response).select("#id_team option")]
    assert "Acme Retail · Store floor" in options
    assert "Bolt Services · Store floor" in options


def test_people_are_found_by_name(platform_admin, people):
    assert set(listing(signed_in(platform_admin), q="Okafor")) == {"ben@bolt.example"}


def test_the_list_runs_a_fixed_number_of_queries(platform_admin):
    def add_people(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            UserFactory(
                organisation=organisation,
                team=TeamFactory(organisation=organisation),
                roles=[Role.LEARNER, Role.COACH],
            )

    client = signed_in(platform_admin)
    add_people(5)
    few = queries_to_get(client, USERS_URL)
    add_people(45)
    many = queries_to_get(client, USERS_URL)

    assert many == few


@pytest.mark.parametrize("role", [Role.HR, Role.COACH])
def test_only_platform_admins_open_the_list(org_a, role):
    person = UserFactory(organisation=org_a, roles=[role])

    response = signed_in(person).get(USERS_URL)

    assert response.status_code in (302, 403)
    assert "asha@acme.example" not in response.content.decode()
