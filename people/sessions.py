"""Signed-in sessions: end them all when someone is deactivated.

Django's session store cannot be searched by user. allauth.usersessions keeps an index
(UserSession) written on every sign-in, so ending one person's sessions touches only their own
rows, whatever the session engine (database, cache or cached_db with Redis in production).
"""

from __future__ import annotations

from allauth.usersessions.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.db import transaction

from .audit import audit_actor, audit_record
from .models import AuditAction, User


def user_session_forget(*, session_key: str) -> None:
    """Signing out: the index forgets the session now (allauth would only on the next sign-in)."""
    UserSession.objects.filter(session_key=session_key).delete()


def user_sessions_end(*, user: User) -> int:
    """Sign the user out everywhere, now. Returns how many sessions were ended."""
    sessions = list(UserSession.objects.filter(user_id=user.pk))
    get_adapter().end_sessions(sessions)  # the session row and, with cached_db, its cached copy
    return len(sessions)


@transaction.atomic
def user_deactivate(*, user: User, by: User | None = None) -> User:
    """Stop the person signing in; their open sessions end at once (people.signals)."""
    if not user.is_active:
        return user
    user.is_active = False
    user._audit_actor = by  # the signal records the event with this actor
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def users_set_active(*, users: list[User], active: bool, by: User | None = None) -> int:
    """Activate or deactivate several people, each through the save that ends sessions and audits.

    One save per person, not `QuerySet.update()`: an update would leave the deactivated signed in
    (no signal fires) until their next request. Returns how many changed.
    """
    changed = 0
    for user in users:
        if user.is_active == active:
            continue
        user.is_active = active
        user._audit_actor = by
        user.save(update_fields=["is_active"])
        changed += 1
    return changed


def user_active_changed(*, user: User, active: bool, by: User | None = None) -> None:
    """What follows a change of `is_active`, whichever path made it (service, admin form)."""
    if not active:
        # At once, not on commit: ending a session twice is harmless, a late end is not.
        user_sessions_end(user=user)
    audit_record(
        actor=by if by is not None else audit_actor(),
        action=AuditAction.USER_ACTIVATE if active else AuditAction.USER_DEACTIVATE,
        organisation=user.organisation_id,
        target=user,
    )
