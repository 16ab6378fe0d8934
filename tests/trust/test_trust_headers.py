"""Security headers: a strict CSP on site pages, a relaxed one only in the Wagtail admin,
personal pages never cached, production's deploy check clean."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client
from factories import UserFactory
from helpers import signed_in

from people.roles import Role

ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_site_pages_get_the_strict_policy(home):
    response = Client().get("/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_sign_in_and_learner_pages_get_the_strict_policy(learner_client):
    for url in ("/accounts/login/", "/learn/", "/profile/"):
        response = (Client() if "login" in url else learner_client).get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url


def test_only_the_wagtail_admin_may_run_inline_script(org_a):
    coach = UserFactory(organisation=org_a, roles=[Role.COACH])

    response = signed_in(coach).get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the editor frames its own previews
    assert policy["object-src"] == ["'none'"]


def test_signed_in_pages_are_not_stored_by_any_cache(learner_client, course):
    for url in ("/learn/", course.url, "/certificates/"):
        response = learner_client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, url


def test_anonymous_pages_may_be_cached(home):
    response = Client().get("/")

    assert "no-store" not in response.get("Cache-Control", "")


def test_a_view_that_chose_its_caching_keeps_it(learner_client):
    response = learner_client.get("/branding.css")

    assert response["Cache-Control"] == "public, max-age=300"


def test_no_site_template_carries_inline_script_style_or_handlers():
    """The CSP would block them: every script and style is a static file."""
    import re

    offenders = []
    allowed = {
        # Rendered by WeasyPrint and in the admin preview only (under /admin/).
        "certificates/certificate_document.html",
        # Wagtail admin pages (relaxed admin policy).
        "assessments/insight.html",
    }
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")|<style|\sstyle=|\son[a-z]+=",
        re.IGNORECASE,
    )
    # E-mails are never served under the CSP, and mail clients strip <style>: their styles are
    # inline (templates/email/base.html). Scripts and handlers stay refused there too.
    email_inline = re.compile(r"<script|\son[a-z]+=", re.IGNORECASE)
    for path in (ROOT / "templates").rglob("*.html"):
        name = path.relative_to(ROOT / "templates").as_posix()
        if name in allowed or name.startswith(("wagtailadmin/", "wagtailusers/")):
            if name.startswith("wagtailadmin/notifications/") and email_inline.search(
                path.read_text()
            ):
                offenders.append(name)
            continue
        is_email = name.startswith("email/") or "/email/" in name
        if (email_inline if is_email else inline).search(path.read_text()):
            offenders.append(name)
    assert offenders == []


def test_production_deploy_check_is_clean():
    """HSTS, frame denial, secure cookies, SSL redirect: Django's own deploy checks, all clean."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-random-test-value-" + "x" * 40,
        "ALLOWED_HOSTS": "touchpoint.example.com",
        "TOUCHPOINT_BASE_URL": "https://touchpoint.example.com",
    }
    env.pop("DATABASE_URL", None)
    # The browser tests set this for their own process; check --deploy warns about it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
