"""The site itself: health check, home page, branding, demo content, production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.db.backends.utils import CursorWrapper
from django.test import override_settings
from django.utils.html import escape
from factories import PASSWORD
from helpers import soup
from wagtail.models import GroupPagePermission, Page, Site

from cms.demo_data import demo_questionnaire
from cms.models import HomePage, SiteBranding
from cms.services import site_home_ensure
from courses.models import CoursePage, Enrolment, ModulePage
from people.models import Organisation, OrganisationDomain, Team, User
from people.roles import Role

PROJECT_DIR = Path(settings.BASE_DIR)


# --- health check and branding -------------------------------------------------------------


def test_healthz_answers_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content.decode().strip() == "ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client):
    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    with mock.patch.object(CursorWrapper, "execute", broken):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert "ok" not in response.content.decode()


def test_branding_css_carries_the_accent_colour(client, home):
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.accent_colour = "#aa3300"
    branding.save()

    response = client.get("/branding.css")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--accent: #aa3300;" in response.content.decode()


def test_branding_css_defaults_to_the_house_colour(client, home):
    assert "--accent: #1f5f8b;" in client.get("/branding.css").content.decode()


def test_branding_css_never_emits_an_invalid_colour(client, home):
    # Saved past the validator (e.g. a shell or a migration): nothing else reaches the CSS.
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    SiteBranding.objects.filter(pk=branding.pk).update(accent_colour="red;}*{")

    body = client.get("/branding.css").content.decode()

    assert "red" not in body
    assert "--accent: #1f5f8b;" in body


def test_pages_link_the_branding_stylesheet(client, home):
    links = [link["href"] for link in soup(client.get("/")).find_all("link", rel="stylesheet")]

    assert "/branding.css" in links


# --- home page -------------------------------------------------------------------------------


def test_home_page_for_anonymous_visitors(client, home):
    response = client.get("/")

    assert response.status_code == 200
    body = response.content.decode()
    assert home.headline in body
    assert 'href="/accounts/login/"' in body
    assert 'href="/accounts/signup/"' in body
    assert "Welcome back" not in body
    assert "Stories, not slides" in body


def test_home_page_greets_a_signed_in_learner_by_preferred_name(learner_client, home):
    response = learner_client.get("/")

    assert response.status_code == 200
    text = " ".join(soup(response).get_text().split())
    assert "Welcome back, Asha." in text
    assert "Go to my learning" in text


def test_site_home_ensure_replaces_a_welcome_page_and_is_idempotent(home):
    # As on a fresh Wagtail install: the default site's root is an empty plain Page.
    welcome = Page.get_first_root_node().add_child(instance=Page(title="Welcome", slug="welcome"))
    Site.objects.filter(is_default_site=True).update(root_page=welcome)
    pages = Page.objects.count()

    first = site_home_ensure()
    second = site_home_ensure()

    assert first.pk == second.pk == home.pk
    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert Page.objects.count() == pages - 1


# --- seed_demo -------------------------------------------------------------------------------


def seed(**options):
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"), **options)  # noqa: SIM115


def snapshot() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "pages": Page.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "organisations": Organisation.objects.count(),
        "domains": OrganisationDomain.objects.count(),
        "teams": Team.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "sites": Site.objects.count(),
    }


def test_seed_demo_run_again_changes_nothing_but_the_passwords(demo):
    """Idempotent, keeps a coach's edits; forced under production settings, with a password.

    Overridden settings have no SETTINGS_MODULE: the production check must not need it.
    """
    before = snapshot()
    module = ModulePage.objects.order_by("path").first()
    module.title = "Edited by a coach"
    module.save_revision().publish()

    with override_settings(TOUCHPOINT_ENVIRONMENT="production"):
        seed(force=True, password=PASSWORD)

    assert snapshot() == before
    module.refresh_from_db()
    assert module.title == "Edited by a coach"
    assert User.objects.get(email="hr@example.com").check_password(PASSWORD)


DEMO_ROLES = {
    "learner@example.com": Role.LEARNER,
    "coach@example.com": Role.COACH,
    "hr@example.com": Role.HR,
    "admin@example.com": Role.PLATFORM_ADMIN,
}


def test_seed_demo_creates_people_teams_and_a_course_the_demo_learner_can_take(demo, client):
    organisation = Organisation.objects.get(slug="demo")
    assert sorted(organisation.teams.values_list("name", flat=True)) == [
        "Customer support",
        "Store floor",
    ]
    assert list(organisation.domains.values_list("domain", flat=True)) == ["example.com"]
    emails = set(User.objects.values_list("email", flat=True))
    colleagues = {email for email in emails if email.startswith("colleague")}
    assert emails - colleagues == set(DEMO_ROLES)
    assert len(colleagues) == 10  # their answers give HR an organisation aggregate of 10
    for email, role in DEMO_ROLES.items():
        user = User.objects.get(email=email)
        assert list(user.groups.values_list("name", flat=True)) == [role.value], email
        assert user.organisation == organisation
        assert EmailAddress.objects.get(user=user).verified
    assert User.objects.get(email="admin@example.com").is_superuser
    assert not User.objects.filter(is_superuser=True).exclude(email="admin@example.com").exists()
    learner = User.objects.get(email="learner@example.com")
    assert learner.full_name == "प्रकाश कुलकर्णी"
    assert learner.team.name == "Customer support"
    assert User.objects.get(email="coach@example.com").full_name == "Zoë O'Brien-Ñúñez"

    # The course: at least 8 live modules, each crediting the anecdote it retells.
    course = CoursePage.objects.live().originals().get(slug="customers-not-targets")
    modules = ModulePage.objects.child_of(course).live().order_by("path")
    assert modules.count() >= 8
    for module in modules:
        assert module.source_title.strip(), module.title
        assert module.credit.startswith("Based on"), module.title
        assert len(module.steps) >= 3, module.title
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.due_date is not None

    # The demo learner signs in with the printed password and opens the first module.
    response = client.post(
        "/accounts/login/", {"login": "learner@example.com", "password": "touchpoint-demo"}
    )
    assert response["Location"] == "/learn/"
    assert course.title in client.get("/learn/").content.decode()
    # The course asks its "before" questionnaire first; once answered, the module opens.
    asked = client.get(f"{modules[0].url}step/1/")
    assert asked.status_code == 302
    assert f"/learn/courses/{course.pk}/before/" in asked["Location"]
    questionnaire = course.before_questionnaire
    assert questionnaire.live and questionnaire.title == "Customer-centric attitude"
    # As demo/questionnaire.yaml has it: 4-6 statements per attitude, some reverse-scored.
    stored = [
        (item.statement, item.dimension.slug, item.reverse_scored)
        for item in questionnaire.items.select_related("dimension").order_by("sort_order")
    ]
    assert stored == [
        (item["statement"], item["dimension"], bool(item.get("reverse_scored")))
        for item in demo_questionnaire()["items"]
    ]
    per_dimension = Counter(slug for _statement, slug, _reverse in stored)
    assert len(per_dimension) == 6 and all(4 <= n <= 6 for n in per_dimension.values())
    assert any(reverse for *_rest, reverse in stored)
    assert "groups of at least five" in questionnaire.introduction
    values = {f"item-{item.pk}": "3" for item in questionnaire.items.all()}
    assert client.post(asked["Location"], values).status_code == 302
    step = client.get(f"{modules[0].url}step/1/")
    assert step.status_code == 200
    assert escape(modules[0].credit) in step.content.decode()


PRODUCTION = {"SETTINGS_MODULE": "cms.settings.production", "TOUCHPOINT_ENVIRONMENT": "production"}


def test_seed_demo_refuses_with_production_settings():
    with override_settings(**PRODUCTION), pytest.raises(CommandError, match="--force"):
        seed()

    assert not User.objects.exists()


# --- production settings -----------------------------------------------------------------


def run_in_production(args: list[str], **env) -> subprocess.CompletedProcess:
    """Run our interpreter with production settings and only the given environment."""
    clean_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def import_production_settings(**env) -> subprocess.CompletedProcess:
    code = "import django; from django.conf import settings; settings.INSTALLED_APPS; print('ok')"
    return run_in_production(["-c", code], **env)


def test_production_settings_refuse_to_load_without_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="touchpoint.example")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_settings_refuse_to_load_without_allowed_hosts():
    result = import_production_settings(SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_settings_load_with_secret_key_and_allowed_hosts():
    result = import_production_settings(
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="touchpoint.example",
        TOUCHPOINT_BASE_URL="https://touchpoint.example",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_seed_demo_refuses_in_a_real_production_process(tmp_path):
    env = {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "touchpoint.example",
        "TOUCHPOINT_BASE_URL": "https://touchpoint.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'never-created.sqlite3'}",
    }

    refused = run_in_production(["manage.py", "seed_demo"], **env)

    assert refused.returncode != 0
    assert "Refusing to create demo accounts" in refused.stderr
    assert not (tmp_path / "never-created.sqlite3").exists()
