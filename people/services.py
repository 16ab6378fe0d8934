"""Writes about people: roles, memberships."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction

from .models import Organisation, Team, User
from .roles import Role, role_page_permissions, role_permissions


def roles_ensure() -> dict[Role, Group]:
    """Create the role groups with their permissions (idempotent)."""
    groups: dict[Role, Group] = {}
    for role, codenames in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=role.value)
        for dotted in codenames:
            app_label, codename = dotted.split(".", 1)
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
                if app_label in COLLECTION_PERMISSION_APPS:
                    _collection_permission_ensure(group=group, permission=permission)
        groups[role] = group
    tables = None
    for role, grants in role_page_permissions().items():
        for model_label, codenames in grants:
            model = apps.get_model(model_label)
            tables = tables or connection.introspection.table_names()
            if model._meta.db_table not in tables:
                continue  # that app is not migrated yet; its post_migrate comes later
            for page in model.objects.all():
                _page_permissions_ensure(group=groups[role], page=page, codenames=codenames)
    return groups


def role_page_permissions_ensure(page) -> None:
    """Grant the roles their declared permissions on a new page (e.g. a new course index)."""
    for role, grants in role_page_permissions().items():
        for model_label, codenames in grants:
            if isinstance(page, apps.get_model(model_label)):
                group, _created = Group.objects.get_or_create(name=role.value)
                _page_permissions_ensure(group=group, page=page, codenames=codenames)


def _page_permissions_ensure(*, group: Group, page, codenames: list[str]) -> None:
    from wagtail.models import GroupPagePermission

    for codename in codenames:
        permission = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename=codename
        ).first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


# Wagtail checks image and document permissions per collection, not per model: a role's
# image permissions hold on the root collection (so coaches can upload module images).
COLLECTION_PERMISSION_APPS = {"wagtailimages", "wagtaildocs"}


def _collection_permission_ensure(*, group: Group, permission: Permission) -> None:
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is not None:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def user_set_roles(*, user: User, roles: list[Role]) -> None:
    """Replace the user's role groups with exactly these roles."""
    groups = roles_ensure()
    wanted = {groups[role].pk for role in roles}
    # Touch only what changes, so the audit trail (people.signals) records real changes only.
    user.groups.remove(*[group.pk for group in groups.values() if group.pk not in wanted])
    user.groups.add(*wanted)
    user.is_staff = False  # the Django admin is not used; Wagtail admin access is a permission
    user.save(update_fields=["is_staff"])
    user.__dict__.pop("role_names", None)


def user_add_role(*, user: User, role: Role) -> None:
    group = roles_ensure()[role]
    user.groups.add(group)
    user.__dict__.pop("role_names", None)


def user_join_organisation(
    *, user: User, organisation: Organisation, team: Team | None = None
) -> User:
    if team is not None and team.organisation_id != organisation.pk:
        raise ValueError("The team belongs to another organisation.")
    user.organisation = organisation
    user.team = team
    user.save(update_fields=["organisation", "team"])
    return user


def user_language_set(*, user: User, language: str) -> None:
    """Remember the person's language ("" follows the browser again)."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
