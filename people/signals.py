"""Signal receivers for trust: signing out, deactivation, role changes into the audit trail.

Connected in PeopleConfig.ready(). They catch every path: our services, the Wagtail user form,
Wagtail's bulk "assign role", the shell.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.dispatch import Signal

from .audit import audit_actor, audit_record
from .models import AuditAction, User
from .roles import Role
from .sessions import user_active_changed, user_session_forget, user_sessions_end

ROLE_NAMES = {role.value for role in Role}

# Sent after a person is saved into a team they were not in (joining the organisation with a
# team, or moving team) through Model.save(): our services, the Wagtail user form, the shell; not
# bulk_create or QuerySet.update. Arguments: user, team_id. Apps above people act on it
# (reports: the team's assignments follow); a receiver must not break the save.
team_joined = Signal()


def _on_logged_out(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        user_session_forget(session_key=session.session_key)


def _before_user_save(sender, instance: User, update_fields=None, raw=False, **kwargs) -> None:
    """Remember what the row said before, for the fields whose change we act on."""
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"is_active", "is_superuser", "team"} & set(update_fields):
        return  # e.g. last_login on every sign-in: nothing to compare, no query
    instance._trust_before = (
        User.objects.filter(pk=instance.pk).values("is_active", "is_superuser", "team_id").first()
    )


def _after_user_save(sender, instance: User, created=False, raw=False, **kwargs) -> None:
    before = instance.__dict__.pop("_trust_before", None)
    if raw:
        return
    # Joining a team, or coming back (reactivated) to one: its courses apply from now.
    moved = before and before["team_id"] != instance.team_id
    returned = before and not before["is_active"] and instance.is_active
    joined = instance.team_id and (created or moved or returned)
    if not created and before:
        _record_trust_changes(instance, before)
    if joined:
        team_joined.send(sender=User, user=instance, team_id=instance.team_id)


def _record_trust_changes(instance: User, before: dict) -> None:
    by = instance.__dict__.pop("_audit_actor", None) or audit_actor()
    if before["is_active"] != instance.is_active:
        user_active_changed(user=instance, active=instance.is_active, by=by)
    if before["is_superuser"] != instance.is_superuser:
        audit_record(
            actor=by,
            action=AuditAction.ROLE_CHANGE,
            organisation=instance.organisation_id,
            target=instance,
            details={"superuser": instance.is_superuser},
        )


def _role_names(pk_set) -> list[str]:
    if not pk_set:
        return []
    return sorted(
        Group.objects.filter(pk__in=pk_set, name__in=ROLE_NAMES).values_list("name", flat=True)
    )


def _on_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """A role granted or withdrawn, from the user's side (user.groups) or the group's."""
    if action == "pre_clear":
        # clear() sends no ids afterwards: note what is about to go.
        if reverse:
            instance._trust_cleared = list(instance.user_set.values_list("pk", flat=True))
        else:
            instance._trust_cleared = list(instance.groups.values_list("pk", flat=True))
        return
    if action == "pre_remove":
        # remove() reports the ids it was given; keep only those actually held.
        if reverse:
            held = set(instance.user_set.filter(pk__in=pk_set).values_list("pk", flat=True))
        else:
            held = set(instance.groups.filter(pk__in=pk_set).values_list("pk", flat=True))
        instance._trust_removing = held
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        ids = set(instance.__dict__.pop("_trust_cleared", []))
    elif action == "post_remove":
        ids = instance.__dict__.pop("_trust_removing", set())
    else:
        ids = set(pk_set or ())  # add() reports only the rows it inserted
    if not ids:
        return
    change = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(users...): one group, several people
        if instance.name not in ROLE_NAMES:
            return
        pairs = [(user, [instance.name]) for user in User.objects.filter(pk__in=ids)]
    else:
        names = _role_names(ids)
        pairs = [(instance, names)] if names else []
    actor = audit_actor()
    for user, names in pairs:
        user.__dict__.pop("role_names", None)
        audit_record(
            actor=actor,
            action=AuditAction.ROLE_CHANGE,
            organisation=user.organisation_id,
            target=user,
            details={change: names},
        )


def _before_user_delete(sender, instance: User, **kwargs) -> None:
    """Deleting someone (admin list, shell) signs them out everywhere and goes on the trail.

    Before the delete: the session index rows go with the user, and with them the keys.
    """
    user_sessions_end(user=instance)
    audit_record(
        actor=audit_actor(),
        action=AuditAction.USER_DELETE,
        organisation=instance.organisation_id,
        target=instance,
        details={"email": instance.email},
    )


def connect() -> None:
    user_logged_out.connect(_on_logged_out, dispatch_uid="people_session_forget")
    pre_save.connect(_before_user_save, sender=User, dispatch_uid="people_user_before")
    post_save.connect(_after_user_save, sender=User, dispatch_uid="people_user_after")
    pre_delete.connect(_before_user_delete, sender=User, dispatch_uid="people_user_delete")
    m2m_changed.connect(
        _on_groups_changed, sender=User.groups.through, dispatch_uid="people_role_audit"
    )
