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
from typing import Any

from django.db import models
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


def audit_record(
    *,
    actor: User | None,
    action: AuditAction | str,
    organisation: Organisation | int | None = None,
    target: models.Model | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one event to the trail. `target` is any model instance (kept as type, id and label)."""
    request = _current_request.get()
    organisation_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    event = AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_label=(actor.email if actor is not None and actor.pk else "")[:254],
        action=AuditAction(action),
        organisation_id=organisation_id,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None and target.pk is not None else "",
        target_label=str(target)[:255] if target is not None else "",
        details=details or {},
        ip_address=_client_ip(request),
    )
    logger.info(
        "audit event",
        extra={
            "audit_action": event.action,
            "actor_id": event.actor_id,
            "target": f"{event.target_type}:{event.target_id}",
        },
    )
    return event
