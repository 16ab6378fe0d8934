"""Two-factor sign-in: offered to everyone, required for coaches, HR and platform admins
before their pages; the Wagtail admin signs in through allauth only."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from django.utils.http import urlencode
from factories import PASSWORD, UserFactory
from helpers import signed_in, soup, totp_code
from trust_helpers import password_sign_in, totp_activate_for

from people.roles import Role

SETUP_URL = "/accounts/2fa/totp/activate/"


def setup_for(url: str) -> str:
    """The set-up page, carrying the page the person was going to."""
    return f"{SETUP_URL}?{urlencode({'next': url})}"


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

    assert response.redirect_chain[0] == (setup_for(url), 302)
    assert "needs two-factor sign-in" in response.content.decode()


@pytest.mark.parametrize("url", ["/coach/", "/admin/"])
def test_coaches_and_platform_admins_are_asked_too(coach, org_a, url):
    admin = UserFactory(organisation=org_a, roles=[Role.PLATFORM_ADMIN])
    superuser = UserFactory(organisation=None, is_superuser=True, roles=[])
    for person in (coach, admin, superuser):
        response = signed_in(person).get(url)
        assert response.status_code == 302, person
        assert response.url == setup_for(url), person


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
    assert client.get("/coach/").url == setup_for("/coach/")  # their coaching pages still are
    assert client.get("/coach/learners/1/").url == setup_for("/coach/learners/1/")


def open_setup(client: Client):
    """Right after signing in, the set-up opens without asking for the password again."""
    page = client.get(SETUP_URL)
    assert page.status_code == 200, page.get("Location")
    return page


def test_a_session_that_did_not_just_sign_in_is_asked_for_the_password_first(learner):
    """allauth asks for the password again before an authenticator is added to a session
    that has not signed in recently (here: force_login, no sign-in recorded)."""
    client = signed_in(learner)

    asked = client.get(SETUP_URL)

    assert asked.status_code == 302
    assert asked.url.startswith("/accounts/reauthenticate/")
    confirmed = client.post(asked.url, {"password": PASSWORD})
    assert confirmed.status_code == 302 and confirmed.url == SETUP_URL
    assert client.get(SETUP_URL).status_code == 200


def test_learners_may_set_up_two_factor_sign_in_too(learner):
    client, _ = password_sign_in(learner.email)

    page = open_setup(client)

    assert page.status_code == 200
    assert "Authenticator" in page.content.decode()
    assert client.get("/profile/").content.decode().count('href="/accounts/2fa/"') == 1


def test_hr_sets_up_the_app_then_reaches_the_hr_pages(hr):
    client, signed = password_sign_in(hr.email)
    assert signed.status_code == 302
    assert client.get("/hr/").url == setup_for("/hr/")

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


# --- from signing in to the page the person was going to -----------------------------------------


def test_a_coach_sets_up_the_app_right_after_signing_in_and_goes_on_to_the_coach_page(coach):
    """Signing in lands the coach on /coach/; setting up the app there does not ask for the
    password they typed seconds ago; after the recovery codes they continue to /coach/."""
    client, signed = password_sign_in(coach.email)
    assert signed.url == "/coach/"

    sent = client.get("/coach/")
    assert sent.url == f"{SETUP_URL}?next=%2Fcoach%2F"
    page = client.get(sent.url)
    assert page.status_code == 200, page.get("Location")  # not /accounts/reauthenticate/
    assert soup(page).find("input", attrs={"name": "next", "type": "hidden"})["value"] == "/coach/"

    activated = client.post(
        SETUP_URL, {"code": totp_code(page.context["form"].secret), "next": "/coach/"}
    )
    assert activated.status_code == 302, activated.context["form"].errors
    assert activated.url == "/accounts/2fa/recovery-codes/?next=%2Fcoach%2F"
    codes = client.get(activated.url)
    assert codes.status_code == 200
    assert len(codes.context["unused_codes"]) == 10
    continue_link = soup(codes).find("a", string=lambda text: text and "continue" in text.lower())
    assert continue_link["href"] == "/coach/"
    assert client.get("/coach/").status_code == 200


def test_an_unsafe_next_does_not_travel_through_the_set_up(coach):
    client, _ = password_sign_in(coach.email)

    page = client.get(f"{SETUP_URL}?next=https://evil.example/")
    activated = client.post(
        SETUP_URL,
        {"code": totp_code(page.context["form"].secret), "next": "https://evil.example/"},
    )

    assert activated.url == "/accounts/2fa/recovery-codes/"
    assert "evil.example" not in client.get(activated.url).content.decode()


def test_setting_up_the_app_asks_for_the_password_once_the_sign_in_is_old(coach, settings):
    """A fresh sign-in counts as recent authentication only for ACCOUNT_REAUTHENTICATION_TIMEOUT."""
    client, _ = password_sign_in(coach.email)
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0

    asked = client.get(f"{SETUP_URL}?next=%2Fcoach%2F")

    assert asked.status_code == 302
    assert asked.url.startswith("/accounts/reauthenticate/?next=")
    confirmed = client.post(asked.url, {"password": PASSWORD})
    assert confirmed.url == f"{SETUP_URL}?next=%2Fcoach%2F"


def test_opening_the_coach_page_right_after_signing_in_with_the_code_asks_nothing(coach):
    secret = totp_activate_for(coach)
    client, first = password_sign_in(coach.email)
    assert first.url == "/accounts/2fa/authenticate/"

    done = client.post(first.url, {"code": totp_code(secret)})

    assert done.url == "/coach/"
    assert client.get("/coach/").status_code == 200


@pytest.mark.parametrize(
    "sensitive", ["/accounts/2fa/recovery-codes/", "/accounts/2fa/totp/deactivate/"]
)
def test_right_after_signing_in_an_existing_second_factor_still_asks_for_the_password(
    coach, sensitive
):
    """Only setting up the first authenticator skips the password; a session taken over
    minutes after sign-in cannot read the recovery codes or remove the app."""
    secret = totp_activate_for(coach)
    client, first = password_sign_in(coach.email)
    client.post(first.url, {"code": totp_code(secret)})

    asked = client.get(sensitive)

    assert asked.status_code == 302, sensitive
    assert asked.url.startswith("/accounts/reauthenticate/"), asked.url
