"""Every e-mail goes out as text and HTML in the site's look: the same content in both, links on
the base URL, user text escaped in the HTML, nothing a mail client would block or strip."""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import RequestFactory
from django.utils import formats, timezone
from factories import UserFactory
from wagtail.models import Site

from cms.models import SiteBranding
from coaching.models import Notification
from coaching.services import notification_create
from courses.models import Enrolment
from reports import services as reports
from reports.models import ReminderSettings
from reports.selectors import ReminderPolicy

BASE = "https://learn.example.com"
ACCENT = "#8a2b0e"


@pytest.fixture(autouse=True)
def branded(settings):
    settings.TOUCHPOINT_BASE_URL = BASE
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.site_name = "Acme Academy"
    branding.accent_colour = ACCENT
    branding.support_email = "help@acme.example"
    branding.save()


def parts(message) -> tuple[str, BeautifulSoup]:
    """The text body and the parsed HTML alternative, checked for what mail clients refuse."""
    assert isinstance(message, EmailMultiAlternatives)
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    document = BeautifulSoup(html, "html.parser")
    # Clients strip <style> and block remote images and fonts: inline styles only, no assets.
    assert document.select("style, link, script, img") == []
    assert not re.search(r"<(p|a|div|table|td|br)\b", message.body)  # text, not HTML
    return message.body, document


def words(document: BeautifulSoup) -> str:
    return " ".join(document.get_text(" ").split())


def hrefs(document: BeautifulSoup) -> set[str]:
    return {a["href"] for a in document.select("a[href]")}


def assert_branded(text: str, document: BeautifulSoup) -> None:
    assert "Acme Academy" in text and "Acme Academy" in words(document)
    assert ACCENT in str(document)
    assert BASE in text and f"{BASE}/" in hrefs(document)


def due_in(days: int):
    return timezone.localdate() + timedelta(days=days)


def test_the_assignment_email_says_course_due_date_and_link_in_text_and_html(learner, course):
    due = due_in(9)
    enrolment = Enrolment.objects.create(user=learner, course=course, due_date=due)

    reports.reminder_send(
        enrolment=enrolment, kind="assigned", policy=ReminderPolicy(), today=timezone.localdate()
    )

    [message] = mail.outbox
    text, html = parts(message)
    link = BASE + course.url
    assert course.title in text and course.title in words(html)
    assert f"{due.day} {due:%b %Y}" in text
    assert formats.date_format(due, "DATE_FORMAT") in words(html)
    assert link in text and link in hrefs(html)
    assert "Start the course" in words(html)
    assert_branded(text, html)


def test_a_reminder_carries_the_same_content_and_escapes_what_hr_wrote(learner, org_a, course):
    due = due_in(2)
    Enrolment.objects.create(user=learner, course=course, due_date=due)
    course.title = "Tom & Jerry <b>say sorry</b>"
    course.save_revision().publish()
    ReminderSettings.objects.create(
        organisation=org_a, message="Ask <script>alert(1)</script> Hira\nfor help."
    )

    reports.reminders_send()

    [message] = mail.outbox
    text, html = parts(message)
    assert "Tom & Jerry <b>say sorry</b>" not in str(html)
    assert "Tom &amp; Jerry &lt;b&gt;say sorry&lt;/b&gt;" in str(html)
    assert "<script>" not in str(html) and "&lt;script&gt;" in str(html)
    assert "Ask <script>alert(1)</script> Hira\nfor help." in text  # plain text stays as written
    assert "Tom & Jerry <b>say sorry</b>" in words(html)
    assert "in 2 days" in text and "in 2 days" in words(html)
    assert formats.date_format(due, "DATE_FORMAT") in words(html)
    assert BASE + course.url in text and BASE + course.url in hrefs(html)
    assert "Continue the course" in words(html)
    assert_branded(text, html)


def test_a_coaching_notification_is_text_and_html_with_the_link(
    learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification_create(
            recipient=learner,
            kind=Notification.ANSWER,
            message="Your coach answered <you>.",
            url="/coach/me/#question-1",
        )

    [message] = mail.outbox
    text, html = parts(message)
    assert "Hello Asha" in text and "Hello Asha" in words(html)
    assert "Your coach answered <you>." in text
    assert "Your coach answered <you>." in words(html) and "&lt;you&gt;" in str(html)
    assert f"{BASE}/coach/me/#question-1" in text
    assert f"{BASE}/coach/me/#question-1" in hrefs(html)
    assert_branded(text, html)


def test_allauth_password_reset_is_text_and_html_branded_with_the_link(client, learner):
    client.post("/accounts/password/reset/", {"email": learner.email})

    [message] = mail.outbox
    text, html = parts(message)
    assert message.subject == "[Touchpoint] Choose a new password"
    [link] = [u for u in hrefs(html) if "/accounts/password/reset/key/" in u]
    assert link.startswith(f"{BASE}/accounts/password/reset/key/")
    assert link in text
    assert learner.email in text and learner.email in words(html)
    assert "testserver" not in text + str(html)  # not the request's host
    assert_branded(text, html)


def test_allauth_email_confirmation_is_text_and_html_branded_with_the_link(client, org_a):
    client.post(
        "/accounts/signup/",
        {
            "email": "priya@acme.example",
            "full_name": "Priya <i>Shrivastava</i>",
            "password1": "a-long-enough-Passw0rd",
            "password2": "a-long-enough-Passw0rd",
        },
    )

    [message] = mail.outbox
    text, html = parts(message)
    assert message.subject == "[Touchpoint] Confirm your e-mail address"
    [link] = [u for u in hrefs(html) if "/accounts/confirm-email/" in u]
    assert link.startswith(f"{BASE}/accounts/confirm-email/") and link in text
    assert "priya@acme.example" in text and "priya@acme.example" in words(html)
    assert_branded(text, html)


def test_allauth_account_exists_and_unknown_account_mails_are_branded(client, learner):
    client.post(
        "/accounts/signup/",
        {
            "email": learner.email,
            "full_name": "Someone",
            "password1": "a-long-enough-Passw0rd",
            "password2": "a-long-enough-Passw0rd",
        },
    )
    client.post("/accounts/password/reset/", {"email": "nobody@acme.example"})

    exists, unknown = mail.outbox
    text, html = parts(exists)
    assert f"{BASE}/accounts/password/reset/" in text
    assert f"{BASE}/accounts/password/reset/" in hrefs(html)
    assert_branded(text, html)
    text, html = parts(unknown)
    assert f"{BASE}/accounts/signup/" in text and f"{BASE}/accounts/signup/" in hrefs(html)
    assert_branded(text, html)


def test_an_allauth_notice_without_an_html_template_still_goes_out_in_the_layout(settings, learner):
    """allauth's security notices (when switched on) have text templates only."""
    from allauth.account.adapter import get_adapter
    from allauth.core.context import request_context

    with request_context(RequestFactory().get("/accounts/email/")):
        get_adapter().send_mail(
            "account/email/email_deleted",
            learner.email,
            {"deleted_email": "<b>x</b>@acme.example", "ip": "10.0.0.1", "user_agent": "x"},
        )

    [message] = mail.outbox
    text, html = parts(message)
    assert "<b>x</b>@acme.example" in text
    assert "&lt;b&gt;x&lt;/b&gt;@acme.example" in str(html)
    assert_branded(text, html)


def test_wagtail_comment_notifications_are_text_and_html_in_the_layout(course):
    """Wagtail's own admin e-mails (moderation, comments) use the layout too, not its remote
    header image and <style> block."""
    from wagtail.admin.mail import send_notification

    editor = UserFactory(email="zoe@coach.example", full_name="Zoë <Coach>")
    reader = UserFactory(email="ravi@coach.example", full_name="Ravi")

    send_notification(
        [reader],
        "updated_comments",
        {
            "page": course,
            "editor": editor,
            "new_comments": [SimpleNamespace(text="Shorter <please>")],
            "resolved_comments": [],
            "deleted_comments": [],
            "replied_comments": [],
        },
    )

    [message] = mail.outbox
    text, html = parts(message)
    assert "Shorter <please>" in text
    assert "Shorter <please>" in words(html) and "&lt;please&gt;" in str(html)
    assert course.title in words(html)
    assert f"{BASE}/admin/account/" in " ".join(hrefs(html))
    assert "Acme Academy" in words(html) and ACCENT in str(html)
