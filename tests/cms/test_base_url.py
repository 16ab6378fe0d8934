"""One base URL for every link the site sends out: e-mails, certificates, seed_demo's sign-in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from coaching.models import Notification
from coaching.services import notification_create
from courses.models import Enrolment
from reports import services as reports
from reports.selectors import ReminderPolicy

ROOT = Path(__file__).resolve().parent.parent.parent
BASE = "https://learn.example.com:8443"


@pytest.fixture
def base_url(settings):
    settings.TOUCHPOINT_BASE_URL = BASE
    return BASE


def links(text: str) -> list[str]:
    """Every address in `text` but the signature's (the base URL itself)."""
    return [u for u in re.findall(r"https?://[^\s\"<>]+", text) if u != BASE]


def test_the_assignment_email_links_to_the_course_on_the_base_url(base_url, learner, course):
    enrolment = Enrolment.objects.create(
        user=learner, course=course, due_date=timezone.localdate() + timedelta(days=9)
    )

    sent = reports.reminder_send(
        enrolment=enrolment,
        kind="assigned",
        policy=ReminderPolicy(),
        today=timezone.localdate(),
    )

    assert sent is True
    [message] = mail.outbox
    assert links(message.body) == [BASE + course.url]


def test_a_reminder_links_to_the_course_on_the_base_url(base_url, learner, course):
    Enrolment.objects.create(
        user=learner, course=course, due_date=timezone.localdate() + timedelta(days=1)
    )

    reports.reminders_send()

    [message] = mail.outbox
    assert message.subject.startswith("Reminder:")
    assert links(message.body) == [BASE + course.url]


def test_a_coaching_notification_links_to_the_page_on_the_base_url(
    base_url, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification_create(
            recipient=learner, kind=Notification.GOAL, message="A new goal.", url="/coach/me/"
        )

    [message] = mail.outbox
    assert links(message.body) == [f"{BASE}/coach/me/"]


def test_password_reset_and_confirmation_links_use_the_base_url_not_the_request_host(
    base_url, client, learner, org_a
):
    client.post("/accounts/password/reset/", {"email": learner.email}, HTTP_HOST="localhost")
    client.post(
        "/accounts/signup/",
        {
            "email": "new@acme.example",
            "full_name": "New Person",
            "password1": "a-long-enough-Passw0rd",
            "password2": "a-long-enough-Passw0rd",
        },
        HTTP_HOST="localhost",
    )

    reset, confirm = mail.outbox
    assert f"{BASE}/accounts/password/reset/key/" in reset.body, reset.body
    assert f"{BASE}/accounts/confirm-email/" in confirm.body, confirm.body


def test_seed_demo_prints_the_sign_in_address_on_the_base_url(base_url):
    out = StringIO()
    call_command("seed_demo", stdout=out)

    assert f"Sign in at {BASE}/accounts/login/ with:" in out.getvalue()


def dev_setting(**env: str) -> str:
    """TOUCHPOINT_BASE_URL as the dev settings compute it from `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in {"HOST", "PORT"}}
    clean.pop("TOUCHPOINT_BASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.TOUCHPOINT_BASE_URL, s.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_dev_links_follow_the_port_make_run_serves_on():
    assert dev_setting(PORT="8123") == "http://127.0.0.1:8123 http://127.0.0.1:8123"
    everywhere = "0.0.0.0"  # noqa: S104 - runserver listening on every interface
    assert dev_setting(HOST=everywhere, PORT="9000").split()[0] == "http://127.0.0.1:9000"
    assert dev_setting().split()[0] == "http://127.0.0.1:8000"
    assert dev_setting(TOUCHPOINT_BASE_URL="https://dev.example/").split()[0] == (
        "https://dev.example"
    )


def test_make_run_hands_its_host_and_port_to_the_settings():
    """`make run PORT=8765`: the commands it runs (seed_demo, runserver) see PORT=8765."""
    result = subprocess.run(
        # Under `make test` a sub-make prints "Entering directory" lines unless told not to.
        [  # noqa: S607 - the machine's make, as a developer runs it
            "make",
            "--no-print-directory",
            "--eval",
            "probe: ; @echo $$HOST:$$PORT",
            "probe",
            "PORT=8765",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "127.0.0.1:8765", result.stderr
