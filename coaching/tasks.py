"""Background work for coaching: the worker (`manage.py db_worker`) sends notification e-mails."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def notification_email(*, notification_id: int) -> bool:
    """E-mail one on-site notification to its recipient (at most once)."""
    return services.notification_email_send(notification_id=notification_id)
