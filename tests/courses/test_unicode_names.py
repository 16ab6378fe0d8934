"""Names in any script are stored exactly, shown as the preferred name and escaped correctly."""

from __future__ import annotations

import pytest
from django.utils.html import escape
from factories import UserFactory
from helpers import done_url, form_data, modules_of, signed_in, soup, step_url

from people.models import User

DEVANAGARI = "प्रकाश कुलकर्णी"
LATIN = "Zoë O'Brien-Ñúñez"
LATIN_HTML = "Zoë O&#x27;Brien-Ñúñez"  # what Django's autoescape makes of the apostrophe

NAMES = [
    pytest.param(DEVANAGARI, LATIN, id="devanagari-full-latin-preferred"),
    pytest.param(LATIN, DEVANAGARI, id="latin-full-devanagari-preferred"),
]


@pytest.fixture
def one_module_course(make_course):
    return make_course(modules=1, title="One module", slug="one-module")


def make_person(org_a, full_name, preferred_name):
    return UserFactory(
        organisation=org_a,
        email="name@acme.example",
        full_name=full_name,
        preferred_name=preferred_name,
    )


def finish(client, module):
    for number in range(1, len(module.steps) + 1):
        data = {"answer": "Answered in my own words, at length."} if number == 3 else {}
        client.post(step_url(module, number), {"action": "next", **data})


def test_django_escapes_the_apostrophe_as_we_expect():
    assert escape(LATIN) == LATIN_HTML


@pytest.mark.parametrize(("full_name", "preferred_name"), NAMES)
@pytest.mark.parametrize(
    "where", ["home", "learn", "catalogue", "course", "step", "done", "profile"]
)
def test_preferred_name_is_shown_escaped(
    org_a, one_module_course, full_name, preferred_name, where
):
    person = make_person(org_a, full_name, preferred_name)
    client = signed_in(person)
    module = modules_of(one_module_course)[0]
    if where == "done":
        finish(client, module)
    url = {
        "home": "/",
        "learn": "/learn/",
        "catalogue": "/learn/catalogue/",
        "course": one_module_course.url,
        "step": step_url(module, 1),
        "done": done_url(module),
        "profile": "/profile/",
    }[where]

    response = client.get(url)

    assert response.status_code == 200
    body = response.content.decode()
    assert escape(preferred_name) in body
    assert "O'Brien" not in body  # never unescaped
    text = soup(response).get_text()
    assert preferred_name in text
    if where != "profile":
        assert full_name not in text  # greeted by the preferred name only


GREETINGS = {
    "home": "Welcome back, {}.",
    "learn": "Hello, {}",
    "done": "Well done, {}. You have finished every module.",
}


@pytest.mark.parametrize(("full_name", "preferred_name"), NAMES)
@pytest.mark.parametrize("where", sorted(GREETINGS))
def test_greetings_use_the_preferred_name(
    org_a, one_module_course, full_name, preferred_name, where
):
    client = signed_in(make_person(org_a, full_name, preferred_name))
    module = modules_of(one_module_course)[0]
    if where == "done":
        finish(client, module)
    url = {"home": "/", "learn": "/learn/", "done": done_url(module)}[where]

    text = " ".join(soup(client.get(url)).get_text().split())

    assert GREETINGS[where].format(preferred_name) in text


def test_without_preferred_name_the_full_name_greets(org_a):
    client = signed_in(make_person(org_a, DEVANAGARI, ""))

    assert f"Hello, {DEVANAGARI}" in soup(client.get("/learn/")).get_text()


@pytest.mark.parametrize(("full_name", "preferred_name"), NAMES)
def test_full_name_survives_a_profile_round_trip(org_a, full_name, preferred_name):
    person = make_person(org_a, full_name, preferred_name)
    client = signed_in(person)
    data = form_data(client.get("/profile/"), "full_name")
    assert data["full_name"] == [full_name]
    assert data["preferred_name"] == [preferred_name]

    response = client.post("/profile/", data)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == full_name
    assert person.preferred_name == preferred_name
    assert "Your profile is saved." in client.get("/profile/").content.decode()


def test_profile_edit_stores_a_new_unicode_name_exactly(org_a):
    person = make_person(org_a, "Prakash K", "")
    client = signed_in(person)

    client.post(
        "/profile/",
        {
            "full_name": f"  {DEVANAGARI}  ",
            "preferred_name": LATIN,
            "name_pronunciation": "pruh-KAASH",
        },
    )

    person = User.objects.get(pk=person.pk)
    assert person.full_name == DEVANAGARI
    assert person.preferred_name == LATIN
    assert person.name_pronunciation == "pruh-KAASH"
    assert f"Hello, {LATIN}" in soup(client.get("/learn/")).get_text()


def test_profile_refuses_an_empty_full_name(org_a):
    person = make_person(org_a, DEVANAGARI, LATIN)
    client = signed_in(person)

    response = client.post("/profile/", {"full_name": "   ", "preferred_name": LATIN})

    assert response.status_code == 200
    person.refresh_from_db()
    assert person.full_name == DEVANAGARI
