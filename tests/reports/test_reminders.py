"""Reminders: due soon and overdue e-mails, each sent once; HR configures; learners see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from factories import UserFactory
from helpers import signed_in, soup
from reports_helpers import enrol

from reports import services
from reports.models import ReminderKind, ReminderSent, ReminderSettings


@pytest.fixture
def today():
    return timezone.localdate()


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def learners(org_a, course):
    """One enrolment per situation, in organisation A."""
    people = {}
    for key, state, due in [
        ("soon", "in_progress", days(2)),
        ("today", "not_started", days(0)),
        ("later", "not_started", days(10)),
        ("late", "in_progress", days(-1)),
        ("done", "completed", days(1)),
        ("none", "not_started", None),
    ]:
        user = UserFactory(organisation=org_a, email=f"{key}@acme.example", full_name=key.title())
        enrol(user, course, state=state, due=due)
        people[key] = user
    return people


def sent_to() -> list[tuple[str, str]]:
    return sorted(
        (m.to[0], "Overdue" if m.subject.startswith("Overdue") else "Soon") for m in mail.outbox
    )


def test_due_soon_and_overdue_reminders_go_out_once(learners, course):
    run = services.reminders_send()

    assert (run.sent, run.already_sent, run.failed) == (3, 0, 0)
    assert sent_to() == [
        ("late@acme.example", "Overdue"),
        ("soon@acme.example", "Soon"),
        ("today@acme.example", "Soon"),
    ]
    soon = next(m for m in mail.outbox if m.to == ["soon@acme.example"])
    assert soon.subject == f"Reminder: “{course.title}” is due on {days(2).day} {days(2):%b %Y}"
    assert "Hello Soon," in soon.body and "in 2 days" in soon.body
    assert course.full_url in soon.body
    late = next(m for m in mail.outbox if m.to == ["late@acme.example"])
    assert late.subject == f"Overdue: “{course.title}”" and "was due on" in late.body

    mail.outbox.clear()
    again = services.reminders_send()
    assert again.sent == 0 and mail.outbox == []
    assert ReminderSent.objects.count() == 3


def test_the_command_and_the_worker_task_send_no_duplicates(learners):
    call_command("send_reminders")
    call_command("send_reminders", "--enqueue")  # the test backend runs tasks at once
    call_command("send_reminders")
    assert len(mail.outbox) == 3


def test_the_worker_sends_reminders_on_its_own_schedule_without_cron(learners, monkeypatch):
    """Every worker's housekeeping thread runs send_reminders --enqueue (no cron needed)."""
    from django.core.cache import cache

    from cms import worker

    cache.clear()  # no earlier test's "ran this interval" mark
    monkeypatch.setattr(worker, "FIRST_RUN_DELAY", 0)
    # The thread closes stale connections first; here that would close the test's transaction
    # (PostgreSQL), which a real worker thread never runs inside.
    monkeypatch.setattr(worker, "close_old_connections", lambda: None)
    housekeeper = worker.Housekeeper(worker_id="test:1:abcdefgh")
    assert housekeeper._periodic["send_reminders --enqueue"] == 3600

    housekeeper.tick()
    assert len(mail.outbox) == 3  # the test backend runs the queued task at once
    housekeeper.tick()
    assert len(mail.outbox) == 3  # once per interval across the pool


def test_a_reminder_taken_by_another_worker_is_not_sent_again(learners, course):
    enrolment = learners["soon"].enrolments.get()
    # Another worker recorded this send a moment ago (the unique constraint is the lock).
    ReminderSent.objects.create(
        enrolment=enrolment, kind=ReminderKind.DUE_SOON, due_date=enrolment.due_date
    )
    result = services.reminder_send(
        enrolment=enrolment,
        kind=ReminderKind.DUE_SOON,
        policy=services.selectors.reminder_policy(organisation_id=enrolment.user.organisation_id),
        today=timezone.localdate(),
    )
    assert result is False and mail.outbox == []


def test_a_failed_send_is_retried_next_run(learners, monkeypatch):
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send

    def refuse_late(self, *args, **kwargs):
        if self.to == ["late@acme.example"]:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refuse_late)
    first = services.reminders_send()
    assert (first.sent, first.failed) == (2, 1)
    assert not ReminderSent.objects.filter(kind=ReminderKind.OVERDUE).exists()

    monkeypatch.setattr(EmailMessage, "send", real_send)
    second = services.reminders_send()
    assert (second.sent, second.failed) == (1, 0)
    assert mail.outbox[-1].to == ["late@acme.example"]


def test_moving_the_due_date_allows_a_new_reminder(learners):
    services.reminders_send()
    enrolment = learners["late"].enrolments.get()
    enrolment.due_date = days(1)
    enrolment.save()
    mail.outbox.clear()

    services.reminders_send()

    assert sent_to() == [("late@acme.example", "Soon")]


def test_hr_settings_change_what_is_sent(org_a, learners):
    ReminderSettings.objects.create(
        organisation=org_a, days_before=10, overdue_enabled=False, message="Ask Hira for help."
    )
    services.reminders_send()
    assert sent_to() == [
        ("later@acme.example", "Soon"),
        ("soon@acme.example", "Soon"),
        ("today@acme.example", "Soon"),
    ]
    assert all("Ask Hira for help." in m.body for m in mail.outbox)
    today_mail = next(m for m in mail.outbox if m.to == ["today@acme.example"])
    assert "is due today" in today_mail.body


def test_settings_of_one_organisation_do_not_touch_another(org_a, org_b, course, learners):
    ReminderSettings.objects.create(
        organisation=org_b, due_soon_enabled=False, overdue_enabled=False
    )
    ben = UserFactory(organisation=org_b, email="ben@bolt.example")
    enrol(ben, course, due=days(1))
    services.reminders_send()
    recipients = [m.to[0] for m in mail.outbox]
    assert "ben@bolt.example" not in recipients and "soon@acme.example" in recipients


def test_inactive_people_and_unpublished_courses_get_nothing(learners, course):
    learners["soon"].is_active = False
    learners["soon"].save()
    services.reminders_send()
    assert "soon@acme.example" not in [m.to[0] for m in mail.outbox]
    mail.outbox.clear()
    ReminderSent.objects.all().delete()
    course.unpublish()
    services.reminders_send()
    assert mail.outbox == []


def test_hr_configures_reminders_and_sees_the_e_mails(hr_client, org_a, course):
    url = reverse("reports:reminders")
    page = soup(hr_client.get(url))
    previews = page.select(".email-preview")
    assert len(previews) == 2
    assert "3 days before the due date" in previews[0].get_text()
    assert f"Reminder: “{course.title}”" in previews[0].get_text()

    response = hr_client.post(
        url,
        {"due_soon_enabled": "on", "days_before": "5", "message": "Questions? Ask Hira."},
        follow=True,
    )

    settings = ReminderSettings.objects.get(organisation=org_a)
    assert (settings.days_before, settings.overdue_enabled) == (5, False)
    page = soup(response)
    assert "Reminder settings saved." in page.get_text()
    previews = page.select(".email-preview")
    assert "5 days before the due date" in previews[0].get_text()
    assert "Questions? Ask Hira." in previews[0].get_text()
    assert "switched off" in previews[1].get_text()


def test_days_before_must_be_sensible(hr_client, org_a):
    response = hr_client.post(reverse("reports:reminders"), {"days_before": "0"})
    assert response.status_code == 200
    assert not ReminderSettings.objects.filter(organisation=org_a).exists()


def test_learners_see_what_is_sent_and_what_went_out(org_a, learners):
    ReminderSettings.objects.create(organisation=org_a, days_before=4, message="Ask Hira.")
    services.reminders_send()
    page = soup(signed_in(learners["soon"]).get(reverse("courses:learn")))

    note = page.select_one(".reminder-note").get_text(" ")
    note = " ".join(note.split())
    assert "We e-mail you 4 days before a course is due, and once if it becomes overdue." in note
    assert "Ask Hira." in note
    assert "Sent to you recently:" in note and "Due soon" in note


def test_learners_without_due_dates_see_no_reminder_note(learner, learner_client, course):
    enrol(learner, course, due=None)
    page = soup(learner_client.get(reverse("courses:learn")))
    assert page.select_one(".reminder-note") is None
