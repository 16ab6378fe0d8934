"""Two-factor sign-in: offered to everyone, required for coaches, HR and platform admins
before their pages; the Wagtail admin signs in through allauth only."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from factories import PASSWORD, UserFactory
from helpers import signed_in, soup
from trust_helpers import password_sign_in, totp_activate_for, totp_code

from people.roles import Role

SETUP_URL = "/accounts/2fa/totp/activate/"


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.TOUCHPOINT_MFA_REQUIRED = True


@pytest.fixture
def hr(org_a):
    return UserFactory(organisation=org_a, email="hema@acme.example", roles=[Role.HR])


@pytest.fixture
def coach(org_a):
    return UserFactory(organisation=org_a, email="cyrus@acme.example", roles=[Role.COACH])


STAFF_PAGES = ["/hr/", "/hr/report/", "/hr/attitudes/", "/certificates/manage/", "/admin/"]


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_hr_without_an_authenticator_is_sent_to_set_one_up(hr, url):
    response = signed_in(hr).get(url, follow=True)

    assert response.redirect_chain[0] == (SETUP_URL, 302)
    assert "needs two-factor sign-in" in response.content.decode()


@pytest.mark.parametrize("url", ["/coach/", "/admin/"])
def test_coaches_and_platform_admins_are_asked_too(coach, org_a, url):
    admin = UserFactory(organisation=org_a, roles=[Role.PLATFORM_ADMIN])
    superuser = UserFactory(organisation=None, is_superuser=True, roles=[])
    for person in (coach, admin, superuser):
        response = signed_in(person).get(url)
        assert response.status_code == 302, person
        assert response.url == SETUP_URL, person


def test_a_learner_is_never_asked(learner_client, course):
    for url in ("/learn/", course.url, "/profile/", "/coach/me/", "/certificates/"):
        response = learner_client.get(url)
        assert response.status_code in (200, 404), url  # /coach/me/ needs a cohort
        assert "2fa" not in response.get("Location", ""), url


def test_a_coachs_own_learner_pages_are_not_behind_the_staff_check(coach):
    client = signed_in(coach)

    for url in ("/coach/me/", "/coach/ask/", "/coach/sharing/"):
        response = client.get(url)
        assert "2fa" not in response.get("Location", ""), url
    assert client.get("/coach/").url == SETUP_URL  # their coaching pages still are
    assert client.get("/coach/learners/1/").url == SETUP_URL


def open_setup(client: Client):
    """allauth asks for the password again before an authenticator is added."""
    asked = client.get(SETUP_URL)
    assert asked.status_code == 302
    assert asked.url.startswith("/accounts/reauthenticate/")
    confirmed = client.post(asked.url, {"password": PASSWORD})
    assert confirmed.status_code == 302 and confirmed.url == SETUP_URL
    return client.get(SETUP_URL)


def test_learners_may_set_up_two_factor_sign_in_too(learner):
    client, _ = password_sign_in(learner.email)

    page = open_setup(client)

    assert page.status_code == 200
    assert "Authenticator" in page.content.decode()
    assert client.get("/profile/").content.decode().count('href="/accounts/2fa/"') == 1


def test_hr_sets_up_the_app_then_reaches_the_hr_pages(hr):
    client, signed = password_sign_in(hr.email)
    assert signed.status_code == 302
    assert client.get("/hr/").url == SETUP_URL

    page = open_setup(client)
    assert page.status_code == 200
    secret = page.context["form"].secret
    activated = client.post(SETUP_URL, {"code": totp_code(secret)})

    assert activated.status_code == 302, activated.context["form"].errors
    assert Authenticator.objects.filter(user=hr, type=Authenticator.Type.TOTP).exists()
    assert client.get("/hr/").status_code == 200


def test_signing_in_asks_for_the_code_and_then_opens_the_hr_pages(hr):
    secret = totp_activate_for(hr)

    client, first = password_sign_in(hr.email)
    assert first.url == "/accounts/2fa/authenticate/"
    assert client.get("/hr/").status_code == 302  # not signed in until the code is given

    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    done = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert done.status_code == 302
    assert client.get("/hr/").status_code == 200


def test_a_recovery_code_works_instead_of_the_app(hr):
    totp_activate_for(hr)
    recovery = RecoveryCodes(
        Authenticator.objects.get(user=hr, type=Authenticator.Type.RECOVERY_CODES)
    )
    code = recovery.get_unused_codes()[0]

    client, _ = password_sign_in(hr.email)
    client.post("/accounts/2fa/authenticate/", {"code": code})

    assert client.get("/hr/").status_code == 200


def test_a_session_that_skipped_the_code_is_asked_for_it(coach):
    """A session from before the app was set up (here: force_login) must show the code."""
    secret = totp_activate_for(coach)
    client = signed_in(coach)

    asked = client.get("/coach/")

    assert asked.status_code == 302
    assert asked.url == "/accounts/2fa/reauthenticate/?next=%2Fcoach%2F"
    answered = client.post(asked.url, {"code": totp_code(secret)})
    assert answered.status_code == 302
    assert answered.url == "/coach/"
    assert client.get("/coach/").status_code == 200


def test_switched_off_by_the_setting(hr, settings):
    settings.TOUCHPOINT_MFA_REQUIRED = False

    assert signed_in(hr).get("/hr/").status_code == 200


# --- the Wagtail admin signs in through allauth only --------------------------------------------


def test_the_admin_login_page_is_allauths(home):
    response = Client().get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_posting_to_the_old_admin_login_form_signs_nobody_in(coach):
    client = Client()
    response = client.post("/admin/login/", {"username": coach.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_opening_the_admin_signed_out_leads_to_allauths_form(home):
    response = Client().get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert soup(response).find("input", attrs={"name": "login"}) is not None


def test_wagtails_own_password_reset_is_gone(home):
    assert Client().get("/admin/password_reset/").status_code == 404
