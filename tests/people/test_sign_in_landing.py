"""Where signing in lands each role: at its work, not on an empty "My learning"."""

from __future__ import annotations

import pytest
from django.test import Client
from factories import PASSWORD, UserFactory

from people.roles import Role


@pytest.fixture(autouse=True)
def _mfa_off(settings):
    # Landing is about the address signing in redirects to; two-factor sign-in is tested in
    # tests/trust/test_trust_mfa.py and tests/e2e/test_staff_sign_in.py.
    settings.TOUCHPOINT_MFA_REQUIRED = False


def sign_in(email: str, query: str = "") -> tuple[Client, object]:
    """Sign in through allauth's form; follow the redirects to the page that opens."""
    client = Client()
    response = client.post(
        f"/accounts/login/{query}", {"login": email, "password": PASSWORD}, follow=True
    )
    return client, response


@pytest.mark.parametrize(
    ("roles", "landing"),
    [
        ([Role.LEARNER], "/learn/"),
        ([Role.COACH], "/coach/"),
        ([Role.HR], "/hr/"),
        ([Role.PLATFORM_ADMIN], "/admin/"),
        # A person with several roles lands where their widest work is.
        ([Role.LEARNER, Role.COACH], "/coach/"),
        ([Role.COACH, Role.HR], "/hr/"),
        ([Role.HR, Role.PLATFORM_ADMIN], "/admin/"),
    ],
)
def test_each_role_lands_where_its_work_is(org_a, roles, landing):
    person = UserFactory(organisation=org_a, roles=roles)

    _client, response = sign_in(person.email)

    assert response.redirect_chain[0] == (landing, 302)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == landing


def test_a_superuser_lands_in_the_admin():
    person = UserFactory(organisation=None, is_superuser=True, is_staff=True, roles=[])

    _client, response = sign_in(person.email)

    assert response.redirect_chain[0] == ("/admin/", 302)
    assert response.status_code == 200


def test_the_coach_lands_on_their_coaching_page_not_an_empty_my_learning(org_a):
    coach = UserFactory(organisation=org_a, roles=[Role.COACH])

    _client, response = sign_in(coach.email)

    assert "no courses yet" not in response.content.decode().lower()
    assert response.request["PATH_INFO"] == "/coach/"


def test_an_explicit_next_wins(org_a):
    coach = UserFactory(organisation=org_a, roles=[Role.COACH])

    _client, response = sign_in(coach.email, "?next=/certificates/")

    assert response.redirect_chain[0] == ("/certificates/", 302)
    assert response.status_code == 200


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/coach/"])
def test_an_unsafe_next_is_ignored(org_a, unsafe):
    hr = UserFactory(organisation=org_a, roles=[Role.HR])

    _client, response = sign_in(hr.email, f"?next={unsafe}")

    assert response.redirect_chain[0] == ("/hr/", 302)
