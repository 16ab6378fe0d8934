"""The Wagtail admin: coaches edit and preview modules; learners get no admin; user forms."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from factories import PASSWORD, TeamFactory, UserFactory, reflection, story, takeaways
from helpers import form_data, modules_of, signed_in, soup
from wagtail import blocks
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses.models import CourseIndexPage, ModulePage
from people.models import User
from people.roles import Role

STEPS = [
    story("The showroom", "<p>The family chose the dealer who listened.</p>"),
    story("The silence", "<p>Then the payment cleared.</p>"),
    reflection("When did you go quiet after a sale?", min_length=20),
    takeaways("Carry this back", ("Call after the sale", "Keep promises small")),
]
HEADINGS = ["The showroom", "The silence", "When did you go quiet after a sale?", "Carry this back"]


@pytest.fixture
def module(make_course):
    course = make_course(modules=1, steps=STEPS, title="Care", slug="care", revision=True)
    return modules_of(course)[0]


@pytest.fixture
def coach(org_a, course_index):
    """A coach: the Coaches role holds its page permissions on every course index (courses'
    role_page_permissions), granted when the index was created."""
    return UserFactory(
        organisation=org_a,
        email="coach@acme.example",
        full_name="Zoë O'Brien-Ñúñez",
        roles=[Role.COACH],
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def preview_url(page) -> str:
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def block_form_data(block, value):
    """One block's value as the StreamField editor posts it (wagtail.test.utils.form_data)."""
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form_data(child, value.get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return streamfield([("item", block_form_data(block.child_block, item)) for item in value])
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value else "")
    if isinstance(block, blocks.ChooserBlock):
        return str(value.pk) if value else ""
    return "" if value is None else str(value)


def steps_form_data(module: ModulePage) -> dict:
    """The module's StreamField as the editor's JavaScript posts it."""
    items = [(step.block_type, block_form_data(step.block, step.value)) for step in module.steps]
    return nested_form_data({"steps": streamfield(items)})


def edit_form_data(client: Client, module: ModulePage) -> dict:
    page = client.get(edit_url(module))
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form").dict()
    data.update(steps_form_data(module))
    return data


def preview(client: Client, module: ModulePage):
    posted = client.post(preview_url(module), edit_form_data(client, module))
    assert posted.status_code == 200
    assert json.loads(posted.content) == {"is_valid": True, "is_available": True}
    return client.get(preview_url(module))


# --- coaches author modules -------------------------------------------------------------------


def test_coach_opens_the_module_editor(coach, module):
    response = signed_in(coach).get(edit_url(module))

    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="page-edit-form"' in body
    assert 'name="source_title"' in body
    for heading in HEADINGS:
        assert heading in body  # in the StreamField's data for the editor


def test_coach_previews_every_step_on_one_page(coach, module):
    response = preview(signed_in(coach), module)

    assert response.status_code == 200
    body = response.content.decode()
    text = " ".join(soup(response).get_text().split())
    for number, heading in enumerate(HEADINGS, start=1):
        assert f"Step {number} of 4" in text
        assert escape(heading) in body
    assert "Keep promises small" in text
    assert "Based on “Customers Not Targets” by Priya Shrivastava" in text


def test_preview_shows_unsaved_edits(coach, module):
    client = signed_in(coach)
    data = edit_form_data(client, module)
    data["steps-1-value-heading"] = "A heading not yet saved"

    client.post(preview_url(module), data)
    response = client.get(preview_url(module))

    assert "A heading not yet saved" in response.content.decode()
    module.refresh_from_db()
    assert module.steps[1].value["heading"] == "The silence"


def test_coach_saves_a_draft_and_learners_still_see_the_live_version(coach, module, learner):
    client = signed_in(coach)
    data = edit_form_data(client, module)
    data["steps-0-value-heading"] = "A draft heading"

    response = client.post(edit_url(module), data)

    assert response.status_code == 302
    learner_view = signed_in(learner).get(f"{module.url}step/1/").content.decode()
    assert "The showroom" in learner_view
    assert "A draft heading" not in learner_view
    latest = ModulePage.objects.originals().get(pk=module.pk).get_latest_revision_as_object()
    assert latest.steps[0].value["heading"] == "A draft heading"


def test_demo_coach_can_edit_and_preview_a_demo_module(demo, client):
    assert client.login(email="coach@example.com", password="touchpoint-demo")
    module = ModulePage.objects.order_by("path").first()
    index = CourseIndexPage.objects.filter(locale__language_code="en").get()
    assert GroupPagePermission.objects.filter(group__name=Role.COACH.value, page=index).exists()

    assert client.get(edit_url(module)).status_code == 200
    body = preview(client, module).content.decode()

    assert escape(module.title) in body
    assert f"Step {len(module.steps)} of {len(module.steps)}" in body


def test_hr_has_the_admin_but_cannot_edit_modules(org_a, module):
    client = signed_in(UserFactory(organisation=org_a, roles=[Role.HR]))

    assert client.get("/admin/").status_code == 200
    response = client.get(edit_url(module))

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or not response["Location"].startswith(edit_url(module))


# --- learners get no admin -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/", "edit", "preview", "/admin/users/"])
def test_learner_gets_no_admin_access(learner_client, module, path):
    url = {"edit": edit_url(module), "preview": preview_url(module)}.get(path, path)

    response = learner_client.get(url)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")
    assert "page-edit-form" not in response.content.decode()


def test_learner_cannot_post_to_the_page_editor(learner_client, module):
    title = module.title
    response = learner_client.post(edit_url(module), {"title": "Hacked"})

    assert response.status_code in (302, 403)
    module.refresh_from_db()
    assert module.title == title
    assert module.get_latest_revision().content["title"] == title


def test_learner_opening_the_admin_is_told_why_not_sent_round_a_redirect_loop(learner_client):
    response = learner_client.get("/admin/", follow=True)

    assert response.status_code in (200, 403)
    assert len(response.redirect_chain) <= 2
    assert "You do not have permission to access the admin." in response.content.decode()


def test_anonymous_admin_visit_is_sent_to_sign_in(client, module):
    response = client.get(edit_url(module))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


# --- the Wagtail user admin with our name fields ----------------------------------------------


@pytest.fixture
def superuser_client():
    return signed_in(
        UserFactory(
            roles=[Role.PLATFORM_ADMIN],
            is_superuser=True,
            organisation=None,
            email="root@example.org",
        )
    )


def test_user_add_form_has_full_name_not_first_and_last_name(superuser_client):
    response = superuser_client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    form = soup(response).find("input", attrs={"name": "email"}).find_parent("form")
    names = {field.get("name") for field in form.find_all(["input", "select", "textarea"])}
    assert {"email", "full_name", "preferred_name", "name_pronunciation", "organisation"} <= names
    assert {"team", "password1", "password2"} <= names
    assert "first_name" not in names
    assert "last_name" not in names


def test_user_edit_form_shows_the_stored_unicode_name(superuser_client, learner):
    learner.full_name = "प्रकाश कुलकर्णी"
    learner.save()

    response = superuser_client.get(reverse("wagtailusers_users:edit", args=[learner.pk]))

    assert response.status_code == 200
    field = soup(response).find("input", attrs={"name": "full_name"})
    assert field["value"] == "प्रकाश कुलकर्णी"
    assert soup(response).find("input", attrs={"name": "first_name"}) is None


def test_admin_creates_a_user_with_a_unicode_name(superuser_client, org_a):
    team = TeamFactory(organisation=org_a, name="Store floor")

    response = superuser_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "Zoe@Acme.example",
            "full_name": "Zoë O'Brien-Ñúñez",
            "preferred_name": "Zoë",
            "name_pronunciation": "",
            "organisation": org_a.pk,
            "team": team.pk,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "is_active": "on",
        },
    )

    assert response.status_code == 302, soup(response).select(".error-message")
    user = User.objects.get(email__iexact="zoe@acme.example")
    assert user.full_name == "Zoë O'Brien-Ñúñez"
    assert user.organisation == org_a
    assert user.team == team


def test_admin_refuses_a_team_of_another_organisation(superuser_client, org_a, org_b):
    other_team = TeamFactory(organisation=org_b, name="Elsewhere")

    response = superuser_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "x@acme.example",
            "full_name": "X",
            "organisation": org_a.pk,
            "team": other_team.pk,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "Choose a team of the user&#x27;s own organisation." in response.content.decode()
    assert not User.objects.filter(email="x@acme.example").exists()


def test_admin_edits_a_users_full_name_and_keeps_the_rest(superuser_client, learner):
    url = reverse("wagtailusers_users:edit", args=[learner.pk])
    data = form_data(superuser_client.get(url), "full_name")
    data["full_name"] = ["प्रकाश कुलकर्णी"]

    response = superuser_client.post(url, data)

    assert response.status_code == 302, soup(response).select(".error-message")
    learner.refresh_from_db()
    assert learner.full_name == "प्रकाश कुलकर्णी"
    assert learner.preferred_name == "Asha"
    assert learner.email == "asha@acme.example"
    assert learner.organisation.slug == "acme"
    assert learner.is_active
    assert learner.check_password(PASSWORD)
    assert list(learner.groups.values_list("name", flat=True)) == [Role.LEARNER.value]


def test_platform_admin_role_without_superuser_manages_people_and_organisations(learner):
    client = signed_in(UserFactory(roles=[Role.PLATFORM_ADMIN], organisation=None))

    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        "/admin/snippets/people/organisation/add/",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", [Role.LEARNER, Role.COACH, Role.HR])
def test_other_roles_cannot_manage_people(learner, role):
    client = signed_in(UserFactory(roles=[role], email=f"{role.name.lower()}@acme.example"))

    for url in (
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        "/admin/snippets/people/organisation/add/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert 'name="full_name"' not in response.content.decode(), url


def test_the_admin_draws_devanagari_with_the_bundled_font(coach):
    response = signed_in(coach).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    page = response.content.decode()

    assert "/static/cms/css/admin-fonts.css" in page
    css = (settings.BASE_DIR / "cms/static/cms/css/admin-fonts.css").read_text()
    assert "--w-font-sans: 'Touchpoint Devanagari'" in css
    assert "noto-sans-devanagari-devanagari-400-normal.woff2" in css
