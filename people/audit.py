"""The audit trail: record who did what (HR exports, certificates, roles, private notes).

`audit_record` is the one way rows are written. Code that knows who acted passes `actor`; code
that runs inside a request without knowing (a signal fired by the Wagtail user form) asks
`audit_actor()`, which reads the request that cms.security.AuditContextMiddleware keeps for the
duration of the request.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from django.db import models
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from .models import AuditAction, AuditEvent, Organisation, User

logger = logging.getLogger("touchpoint.audit")

_current_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)


@contextmanager
def audit_request(request: HttpRequest) -> Iterator[None]:
    """Make `request` the one audit events are attributed to while the block runs."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def audit_actor() -> User | None:
    """The signed-in person of the request being served, if any."""
    request = _current_request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    from allauth.account.adapter import get_adapter

    # allauth's reading honours ALLAUTH_TRUSTED_PROXY_COUNT (the client behind our TLS proxy).
    try:
        candidate = get_adapter(request).get_client_ip(request)
    except Exception:  # no readable address must not lose the audit row
        candidate = request.META.get("REMOTE_ADDR", "")
    try:
        # Only a well-formed address is kept (PostgreSQL's inet column refuses anything else).
        return str(ipaddress.ip_address((candidate or "").strip()))
    except ValueError:
        return None


def _snapshot(details: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The details as stored (JSON: a model as its id, a date in ISO) and the names they had."""
    stored: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for key, value in details.items():
        if isinstance(value, models.Model):
            stored[key] = value.pk
            labels[key] = str(value)
        elif isinstance(value, date):  # a datetime too
            stored[key] = value.isoformat()
        else:
            stored[key] = value
    return stored, labels


def _organisation_label(organisation: Organisation | int | None) -> str | Coalesce:
    """The organisation's name now; for an id, read inside the insert (no query of its own)."""
    if isinstance(organisation, Organisation):
        return organisation.name[:200]
    if organisation is None:
        return ""
    return Coalesce(
        Subquery(Organisation.objects.filter(pk=organisation).values("name")[:1]), Value("")
    )


def audit_record(
    *,
    actor: User | None,
    action: AuditAction | str,
    organisation: Organisation | int | None = None,
    target: models.Model | None = None,
    details: dict[str, Any] | None = None,
    labels: dict[str, str] | None = None,
) -> AuditEvent:
    """Add one event to the trail. `target` is any model instance (kept as type, id and label).

    A model instance in `details` is stored as its id, with its name kept beside it (the
    event's `detail_labels`); `labels` adds words for other values, e.g. an export's filters.
    """
    request = _current_request.get()
    organisation_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    stored, detail_labels = _snapshot(details or {})
    detail_labels.update({key: str(text) for key, text in (labels or {}).items()})
    event = AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_label=(actor.email if actor is not None and actor.pk else "")[:254],
        action=AuditAction(action),
        organisation_id=organisation_id,
        organisation_label=_organisation_label(organisation),
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None and target.pk is not None else "",
        target_label=str(target)[:255] if target is not None else "",
        details=stored,
        detail_labels=detail_labels,
        ip_address=_client_ip(request),
    )
    if not isinstance(event.organisation_label, str):
        del event.organisation_label  # the value is in the row: read it if ever asked for
    logger.info(
        "audit event",
        extra={
            "audit_action": event.action,
            "actor_id": event.actor_id,
            "target": f"{event.target_type}:{event.target_id}",
        },
    )
    return event
