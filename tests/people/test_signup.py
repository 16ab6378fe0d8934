"""Sign-up, sign-in, sign-out and password reset through django-allauth's pages."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib import auth
from factories import PASSWORD, OrganisationFactory, UserFactory

from people.models import User
from people.roles import Role

SIGNUP_URL = "/accounts/signup/"
LOGIN_URL = "/accounts/login/"
LOGOUT_URL = "/accounts/logout/"
RESET_URL = "/accounts/password/reset/"
NEW_PASSWORD = "a-long-and-unusual-passphrase-42"


def signup_data(email: str, **overrides) -> dict:
    data = {
        "email": email,
        "full_name": "Priya Shrivastava",
        "preferred_name": "Priya",
        "name_pronunciation": "PREE-yuh",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(overrides)
    return data


def test_signup_page_asks_for_names(client):
    response = client.get(SIGNUP_URL)

    assert response.status_code == 200
    body = response.content.decode()
    for field in ("email", "full_name", "preferred_name", "name_pronunciation", "password1"):
        assert f'name="{field}"' in body


def test_signup_with_organisation_domain_creates_learner_and_sends_verification(
    client, org_a, mailoutbox
):
    response = client.post(SIGNUP_URL, signup_data("priya@acme.example"))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="priya@acme.example")
    assert user.organisation == org_a
    assert user.full_name == "Priya Shrivastava"
    assert user.preferred_name == "Priya"
    assert user.name_pronunciation == "PREE-yuh"
    assert user.has_role(Role.LEARNER)
    assert list(user.groups.values_list("name", flat=True)) == [Role.LEARNER.value]
    assert not user.is_staff
    assert not user.is_superuser
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["priya@acme.example"]
    assert mailoutbox[0].subject.startswith("[Touchpoint] ")
    address = EmailAddress.objects.get(user=user)
    assert not address.verified


def test_verification_link_from_the_email_confirms_and_signs_in(client, org_a, mailoutbox):
    client.post(SIGNUP_URL, signup_data("priya@acme.example"))
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mailoutbox[0].body)
    assert link, mailoutbox[0].body

    page = client.get(link.group(1))
    assert page.status_code == 200
    response = client.post(link.group(1))

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="priya@acme.example").verified
    assert auth.get_user(client).email == "priya@acme.example"


def test_signup_outside_every_organisation_is_refused_and_creates_nothing(
    client, org_a, mailoutbox
):
    response = client.post(SIGNUP_URL, signup_data("someone@gmail.com"))

    assert response.status_code == 200
    assert "does not belong to an organisation" in response.content.decode()
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert mailoutbox == []


def test_signup_with_subdomain_of_an_organisation_domain_is_refused(client, org_a):
    response = client.post(SIGNUP_URL, signup_data("mallory@evil.acme.example"))

    assert "does not belong to an organisation" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize("email", ["Priya@ACME.Example", "PRIYA@acme.EXAMPLE"])
def test_signup_domain_matches_case_insensitively(client, org_a, email):
    response = client.post(SIGNUP_URL, signup_data(email))

    assert response.status_code == 302
    user = User.objects.get(email__iexact=email)
    assert user.organisation == org_a
    assert user.email == email.lower()


def test_signup_joins_the_organisation_that_owns_the_domain(client, org_a, org_b):
    client.post(SIGNUP_URL, signup_data("carla@bolt.example"))

    assert User.objects.get(email="carla@bolt.example").organisation == org_b


@pytest.mark.parametrize(
    ("full_name", "preferred_name"),
    [("प्रकाश कुलकर्णी", "Zoë O'Brien-Ñúñez"), ("Zoë O'Brien-Ñúñez", "प्रकाश")],
)
def test_signup_stores_unicode_names_exactly(client, org_a, full_name, preferred_name):
    response = client.post(
        SIGNUP_URL,
        signup_data(
            "unicode@acme.example",
            full_name=full_name,
            preferred_name=preferred_name,
            name_pronunciation="pruh-KAASH kool-KUR-nee",
        ),
    )

    assert response.status_code == 302
    user = User.objects.get(email="unicode@acme.example")
    assert user.full_name == full_name
    assert user.preferred_name == preferred_name
    assert user.name_pronunciation == "pruh-KAASH kool-KUR-nee"


def test_signup_requires_a_full_name(client, org_a):
    response = client.post(SIGNUP_URL, signup_data("blank@acme.example", full_name="   "))

    assert response.status_code == 200
    assert not User.objects.exists()


def test_signup_with_an_address_already_taken_in_another_case_creates_no_second_account(
    client, learner, mailoutbox
):
    # allauth does not reveal that the account exists; it mails the owner instead.
    client.post(SIGNUP_URL, signup_data("ASHA@acme.example", full_name="Impostor"))

    assert User.objects.filter(email__iexact="asha@acme.example").count() == 1
    learner.refresh_from_db()
    assert learner.full_name == "Asha Rao"
    assert [m.to for m in mailoutbox] == [["asha@acme.example"]]


def test_sign_in_with_email_and_password_lands_on_my_learning(client, learner):
    response = client.post(LOGIN_URL, {"login": "asha@acme.example", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    assert auth.get_user(client) == learner
    assert client.get("/learn/").status_code == 200


def test_sign_in_is_case_insensitive_on_the_email(client, learner):
    response = client.post(LOGIN_URL, {"login": "Asha@ACME.example", "password": PASSWORD})

    assert response.status_code == 302
    assert auth.get_user(client) == learner


def test_sign_in_with_a_wrong_password_is_refused(client, learner):
    response = client.post(LOGIN_URL, {"login": "asha@acme.example", "password": "wrong"})

    assert response.status_code == 200
    assert not auth.get_user(client).is_authenticated


def test_unverified_user_cannot_sign_in_until_verified(client, org_a, mailoutbox):
    UserFactory(organisation=org_a, email="new@acme.example", verified_email=False)

    response = client.post(LOGIN_URL, {"login": "new@acme.example", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert not auth.get_user(client).is_authenticated
    assert len(mailoutbox) == 1


def test_sign_in_honours_next(client, learner):
    response = client.post(
        f"{LOGIN_URL}?next=/profile/", {"login": "asha@acme.example", "password": PASSWORD}
    )

    assert response["Location"] == "/profile/"


def test_sign_out(learner_client):
    assert auth.get_user(learner_client).is_authenticated

    response = learner_client.post(LOGOUT_URL)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not auth.get_user(learner_client).is_authenticated
    assert learner_client.get("/learn/").status_code == 302


def test_password_reset_sends_an_email_and_the_link_sets_a_new_password(
    client, learner, mailoutbox
):
    response = client.post(RESET_URL, {"email": "asha@acme.example"})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["asha@acme.example"]
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", message.body)
    assert link, message.body

    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    done = client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302

    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


def test_signup_matches_a_domain_that_was_stored_in_capitals(client):
    organisation = OrganisationFactory(slug="mixed", domain="Mixed-Case.Example")

    client.post(SIGNUP_URL, signup_data("dev@mixed-case.example"))

    assert User.objects.get(email="dev@mixed-case.example").organisation == organisation
