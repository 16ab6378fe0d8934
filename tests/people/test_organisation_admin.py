"""Platform admins manage organisations, their sign-up domains and teams in the Wagtail admin."""

from __future__ import annotations

import pytest
from factories import UserFactory
from helpers import signed_in
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from people.models import Organisation, OrganisationDomain, User
from people.roles import Role

ADD_URL = "/admin/snippets/people/organisation/add/"
NEW_PASSWORD = "a-long-and-unusual-passphrase-42"


def organisation_form(domain: str, teams: tuple[str, ...] = ()) -> dict:
    return nested_form_data(
        {
            "name": "Zed Shops",
            "slug": "zed",
            "domains": inline_formset([{"domain": domain}]),
            "teams": inline_formset([{"name": name} for name in teams]),
        }
    )


@pytest.fixture
def admin_client():
    return signed_in(UserFactory(roles=[Role.PLATFORM_ADMIN], is_superuser=True, organisation=None))


def test_platform_admin_adds_an_organisation_whose_domain_then_admits_sign_ups(
    admin_client, client
):
    assert admin_client.get(ADD_URL).status_code == 200

    response = admin_client.post(ADD_URL, organisation_form("zed-shop.example", ("Floor",)))

    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="zed")
    assert list(organisation.domains.values_list("domain", flat=True)) == ["zed-shop.example"]
    assert list(organisation.teams.values_list("name", flat=True)) == ["Floor"]

    client.post(
        "/accounts/signup/",
        {
            "email": "kim@zed-shop.example",
            "full_name": "Kim Lee",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert User.objects.get(email="kim@zed-shop.example").organisation == organisation


def test_a_domain_given_as_a_url_is_refused(admin_client):
    response = admin_client.post(ADD_URL, organisation_form("http://zed-shop.example"))

    assert response.status_code == 200
    assert "Enter a domain such as example.com" in response.content.decode()
    assert not Organisation.objects.filter(slug="zed").exists()


@pytest.mark.parametrize("typed", ["Zed-Shop.Example", "@zed-shop.example"])
def test_a_domain_typed_in_capitals_or_with_at_sign_is_stored_normalised(admin_client, typed):
    response = admin_client.post(ADD_URL, organisation_form(typed))

    assert response.status_code == 302
    assert OrganisationDomain.objects.get().domain == "zed-shop.example"
