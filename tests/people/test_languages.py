"""Hindi, Marathi and English: the switcher on every page, the stored preference (which outranks
the browser), a new person's default from the browser, and e-mails and certificates written in
the recipient's language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from factories import PASSWORD, UserFactory
from helpers import signed_in, soup

from people.models import User

LOGIN_URL = "/accounts/login/"


def in_(language: str, message: str) -> str:
    """`message` as the catalogue translates it; asserts that it is translated."""
    with translation.override(language):
        translated = gettext(message)
    assert translated != message, f"{message!r} has no {language} translation"
    return translated


def page_text(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


def test_signed_out_the_switcher_offers_each_language_in_its_own_script(client):
    response = client.get(LOGIN_URL)

    switcher = soup(response).select_one("footer form.language-switcher")
    options = [(b["value"], b.get_text(strip=True), b["lang"]) for b in switcher.select("button")]
    assert options == [("hi", "हिन्दी", "hi"), ("mr", "मराठी", "mr")]
    assert switcher.select_one("[aria-current]").get_text(strip=True) == "English"


@pytest.mark.parametrize("language", ["hi", "mr"])
def test_choosing_a_language_signed_out_turns_the_next_pages_into_it(client, language):
    response = client.post("/language/", {"language": language, "next": LOGIN_URL})

    assert response.status_code == 302 and response["Location"] == LOGIN_URL
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    page = client.get(LOGIN_URL)
    assert soup(page).html["lang"] == language
    assert in_(language, "Language") in page_text(page)
    assert in_(language, "Sign in") in page_text(page)


def test_a_next_address_on_another_site_is_not_followed(client):
    response = client.post("/language/", {"language": "hi", "next": "https://evil.example/"})

    assert response.status_code == 302 and response["Location"] == "/"


def test_an_unknown_language_changes_nothing(client):
    client.post("/language/", {"language": "xx", "next": LOGIN_URL})

    assert soup(client.get(LOGIN_URL)).html["lang"] == "en"


def test_a_signed_in_persons_choice_is_kept_and_outranks_the_browser(learner):
    client = signed_in(learner)
    client.post("/language/", {"language": "mr", "next": "/learn/"})

    learner.refresh_from_db()
    assert learner.language == "mr"
    # Another device, whose browser asks for Hindi: the person's own choice wins.
    other = signed_in(learner)
    page = other.get("/learn/", HTTP_ACCEPT_LANGUAGE="hi")
    assert soup(page).html["lang"] == "mr"


def test_the_profile_can_go_back_to_the_browsers_language(learner):
    learner.language = "hi"
    learner.save()
    client = signed_in(learner)

    response = client.post(
        "/profile/",
        {"full_name": learner.full_name, "preferred_name": "", "name_pronunciation": ""},
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.language == ""
    assert soup(client.get("/learn/", HTTP_ACCEPT_LANGUAGE="mr")).html["lang"] == "mr"


def test_a_new_persons_language_is_their_browsers(client, org_a):
    data = {
        "email": "asha@acme.example",
        "full_name": "आशा पाटील",
        "preferred_name": "Asha",
        "name_pronunciation": "",
        "password1": "a-long-and-unusual-passphrase-42",
        "password2": "a-long-and-unusual-passphrase-42",
    }
    response = client.post("/accounts/signup/", data, HTTP_ACCEPT_LANGUAGE="mr,en;q=0.5")

    assert response.status_code == 302
    assert User.objects.get(email="asha@acme.example").language == "mr"
    # The verification e-mail goes out in it too.
    [message] = mail.outbox
    assert message.to == ["asha@acme.example"]


def test_a_password_reset_e_mail_is_written_in_the_recipients_language(client, learner):
    learner.language = "hi"
    learner.save()

    client.post("/accounts/password/reset/", {"email": learner.email})  # from an English page

    [message] = mail.outbox
    assert in_("hi", "Choose a new password here (the link works once):") in message.body


def test_people_without_a_choice_get_e_mails_in_the_sites_language(client):
    person = UserFactory(password=PASSWORD)

    client.post("/accounts/password/reset/", {"email": person.email})

    [message] = mail.outbox
    assert "Choose a new password here (the link works once):" in message.body
