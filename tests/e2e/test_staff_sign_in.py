"""A coach's first sign-in in a real browser: password, set up the authenticator app (without
typing the password again), save the recovery codes, and on to the coaching page."""

from __future__ import annotations

import pytest
from helpers import totp_code

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server, settings):
    settings.TOUCHPOINT_MFA_REQUIRED = True  # the test settings switch it off for role tests


def password_sign_in(page, email: str, query: str = "") -> None:
    page.goto(f"/accounts/login/{query}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("touchpoint-demo")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def test_a_coach_sets_up_two_factor_sign_in_and_goes_on_to_their_coaching_page(demo, page):
    password_sign_in(page, "coach@example.com")

    # Sent from /coach/ (where signing in lands a coach) to set up the app, not asked for the
    # password typed a moment ago.
    page.wait_for_url("**/accounts/2fa/totp/activate/?next=%2Fcoach%2F")
    assert "needs two-factor sign-in" in page.locator(".messages").inner_text()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()

    page.wait_for_url("**/accounts/2fa/recovery-codes/?next=%2Fcoach%2F")
    assert page.locator("#recovery_codes").input_value().count("\n") == 9  # ten codes
    page.get_by_role("link", name="I have saved my codes: continue").click()

    page.wait_for_url("**/coach/")
    assert page.get_by_role("heading", level=1).inner_text() != ""
    assert page.get_by_role("link", name="Demo cohort", exact=True).is_visible()

    # Opening the coaching pages again right away asks for nothing more.
    page.goto("/coach/")
    assert page.url.endswith("/coach/")
    assert page.get_by_role("link", name="Demo cohort", exact=True).is_visible()


def test_a_coach_with_the_app_signs_in_with_the_code_and_opens_the_coach_page(demo, page):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from coaching.models import Cohort
    from people.models import User

    coach = User.objects.get(email="coach@example.com")
    cohort_url = f"/coach/cohorts/{Cohort.objects.get(name='Demo cohort').pk}/"
    secret = generate_totp_secret()
    TOTP.activate(coach, secret)
    RecoveryCodes.activate(coach)

    password_sign_in(page, "coach@example.com", f"?next={cohort_url}")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()

    page.wait_for_url(f"**{cohort_url}")  # where they were going, not asked again
    page.goto("/coach/")
    assert page.url.endswith("/coach/")
    assert page.get_by_role("link", name="Demo cohort", exact=True).is_visible()
