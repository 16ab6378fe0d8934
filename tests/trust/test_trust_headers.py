"""Security headers: a strict CSP on site pages, a relaxed one only in the Wagtail admin,
framing denied except for the editor's own previews, personal pages never cached,
production's deploy check clean."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from factories import CertificateTemplateFactory, UserFactory
from helpers import modules_of, signed_in
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from assessments.models import Dimension, Questionnaire
from people.roles import Role
from scenarios.models import Scenario

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


# --- framing: DENY everywhere but the previews the editor shows in its own iframe ------------


@pytest.fixture
def root_client():
    return signed_in(
        UserFactory(
            roles=[Role.PLATFORM_ADMIN], is_superuser=True, organisation=None, email="r@example.org"
        )
    )


def assert_framing_denied(response, url: str) -> None:
    assert response.status_code == 200, url
    assert response["X-Frame-Options"] == "DENY", url
    assert directives(response)["frame-ancestors"] in (["'none'"], ["'self'"]), url
    if not url.startswith("/admin/"):
        assert directives(response)["frame-ancestors"] == ["'none'"], url


def assert_framed_by_this_site_only(response, style_src=("'self'",)) -> None:
    """What the preview panel needs: this origin may frame it, no other may."""
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    # Otherwise the site's own strict policy: the preview shows what learners get.
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == list(style_src)


def previewed(client: Client, url: str, data: dict, mode: str = ""):
    """As the preview panel does: post the form as it stands, then load the preview."""
    query = f"?mode={mode}" if mode else ""
    posted = client.post(url + query, data)
    assert posted.json()["is_valid"] is True, posted.content.decode()[:2000]
    return client.get(url + query)


def test_site_and_admin_pages_may_not_be_framed(root_client, learner_client, course):
    module = modules_of(course)[0]
    scenario = Scenario.objects.create(
        title="Framing", persona_name="Anil", persona_situation="Late", start_key="a"
    )
    for client, url in (
        (Client(), "/"),
        (learner_client, "/learn/"),
        (learner_client, course.url),
        (root_client, "/admin/"),
        (root_client, reverse("wagtailadmin_pages:edit", args=[module.pk])),
        (root_client, reverse("wagtailsnippets_scenarios_scenario:edit", args=[scenario.pk])),
    ):
        assert_framing_denied(client.get(url), url)


def test_the_page_editor_preview_may_be_framed_by_the_admin(root_client, course):
    module = modules_of(course)[0]
    edit = reverse("wagtailadmin_pages:edit", args=[module.pk])
    data = querydict_from_html(
        root_client.get(edit).content.decode(), form_id="page-edit-form"
    ).dict()
    data.update(
        nested_form_data(
            {
                "steps": streamfield(
                    [
                        (
                            "story",
                            {
                                "heading": "The showroom",
                                "body": rich_text("<p>The family chose the dealer.</p>"),
                                "image": "",
                                "image_alt": "",
                            },
                        )
                    ]
                )
            }
        )
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[module.pk])

    response = previewed(root_client, url, data)

    assert_framed_by_this_site_only(response)
    assert "The family chose the dealer." in response.content.decode()
    # The module itself, outside the editor, still may not be framed.
    assert_framing_denied(root_client.get(module.url), module.url)


def scenario_form(title: str) -> dict:
    ending = {
        "key": "bye",
        "speaker": "customer",
        "text": "Thank you for listening.",
        "outcome": "Leaves happy",
        "tone": "good",
        "debrief": "Well done",
        "variants": {"count": "0"},
    }
    return nested_form_data(
        {
            "title": title,
            "persona_name": "Anil Mehta",
            "persona_situation": "His car was due at nine.",
            "start_key": "bye",
            "feedback_timing": "immediate",
            "nodes": streamfield([("ending", ending)]),
        }
    )


def test_snippet_previews_may_be_framed_by_the_admin(root_client):
    empathy = Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1)
    scenario = Scenario.objects.create(
        title="The late car", persona_name="Anil", persona_situation="Late", start_key="a"
    )
    questionnaire = Questionnaire.objects.create(title="How I serve", scale_labels="")
    template = CertificateTemplateFactory(heading="Certificate of care")
    questionnaire_form = nested_form_data(
        {
            "title": "How I serve",
            "introduction": "Be honest.",
            "scale_points": "5",
            "scale_labels": "Strongly disagree\nDisagree\nNeither\nAgree\nStrongly agree",
            "items": inline_formset(
                [{"statement": "I listen first.", "dimension": str(empathy.pk)}]
            ),
        }
    )
    certificate_form = {
        "name": template.name,
        "heading": "Certificate of care",
        "wording": "{name} completed {course} on {date}.",
        "accent_colour": "#224466",
        "page_size": "A4",
    }
    strict = ("'self'",)
    # The certificate document sets its page size and colours in its own <style>.
    own_style = ("'self'", "'unsafe-inline'")
    cases = [
        ("scenarios_scenario", scenario, scenario_form("The late car"), "", "Anil Mehta", strict),
        ("scenarios_scenario", scenario, scenario_form("The late car"), "play", "Anil", strict),
        ("assessments_questionnaire", questionnaire, questionnaire_form, "", "I listen", strict),
        (
            "certificates_certificatetemplate",
            template,
            certificate_form,
            "html",
            "of care",
            own_style,
        ),
    ]
    for name, obj, data, mode, shown, style_src in cases:
        url = reverse(f"wagtailsnippets_{name}:preview_on_edit", args=[obj.pk])

        response = previewed(root_client, url, data, mode)

        assert_framed_by_this_site_only(response, style_src)
        assert shown in response.content.decode(), (name, mode)


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
        # HR's PDF summary: rendered by WeasyPrint only, never served as a page.
        "reports/summary_pdf.html",
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
