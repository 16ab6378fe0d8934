"""On-site notifications: the header count, marking read, and the e-mail sent by the worker."""

from __future__ import annotations

import pytest
from coaching_helpers import page
from django.core import mail
from helpers import signed_in

from coaching.models import Notification
from coaching.services import notification_create, notification_email_send


def nav_text(client) -> str:
    return " ".join(page(client.get("/learn/")).select_one(".site-nav").get_text(" ").split())


def test_the_header_counts_unread_notifications_and_mark_all_read_clears_them(cohort, learner):
    for n in range(3):
        Notification.objects.create(
            recipient=learner, kind=Notification.GOAL, message=f"Goal {n}", url="/coach/me/"
        )
    client = signed_in(learner)
    assert "My coach 3 new notifications" in nav_text(client)

    response = client.post("/coach/notifications/read/")

    assert response.status_code == 302
    assert "My coach" in nav_text(client)
    assert "new notification" not in nav_text(client)


def test_a_learner_without_a_cohort_has_no_my_coach_link(colleague):
    assert "My coach" not in nav_text(signed_in(colleague))


def test_the_coaching_link_shows_for_coaches_only(coach, learner, cohort):
    assert "Coaching" in nav_text(signed_in(coach))
    assert "Coaching" not in nav_text(signed_in(learner))


def test_the_email_is_sent_once_and_links_to_the_site(
    learner, settings, django_capture_on_commit_callbacks
):
    settings.TOUCHPOINT_BASE_URL = "https://touchpoint.example"
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_create(
            recipient=learner,
            kind=Notification.ANSWER,
            message="Your coach answered.",
            url="/coach/me/#question-1",
        )

    assert len(mail.outbox) == 1
    assert "https://touchpoint.example/coach/me/#question-1" in mail.outbox[0].body
    assert "Hello Asha" in mail.outbox[0].body
    assert notification_email_send(notification_id=notification.pk) is False  # a retried task
    assert len(mail.outbox) == 1


def test_notifications_only_link_inside_the_site(learner):
    for url in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        with pytest.raises(ValueError):
            notification_create(recipient=learner, kind=Notification.GOAL, message="x", url=url)
