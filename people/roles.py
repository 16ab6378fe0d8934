"""The four roles. A role is a Django group; the organisation on the user is the scope."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "Learners", _("Learner")
    COACH = "Coaches", _("Coach")
    HR = "HR", _("HR")
    PLATFORM_ADMIN = "Platform admins", _("Platform admin")


def role_permissions() -> dict[Role, list[str]]:
    """What each role may do in the Wagtail admin, as the installed apps declare it.

    Each app names the permissions on its own models in its AppConfig's `role_permissions`
    ({Role: ["app_label.codename", ...]}), so people names none of the apps above it. Page
    permissions are granted per page tree: see role_page_permissions.
    """
    merged: dict[Role, list[str]] = {role: [] for role in Role}
    for config in apps.get_app_configs():
        for role, codenames in getattr(config, "role_permissions", {}).items():
            merged[role].extend(c for c in codenames if c not in merged[role])
    return merged


def role_page_permissions() -> dict[Role, list[tuple[str, list[str]]]]:
    """What each role may do in page trees, as the installed apps declare it.

    An AppConfig's `role_page_permissions` is {Role: [("app_label.PageModel", [codename, ...])]}:
    the role holds those Wagtail page permissions on every page of that model (and so on the
    pages below it).
    """
    merged: dict[Role, list[tuple[str, list[str]]]] = {role: [] for role in Role}
    for config in apps.get_app_configs():
        for role, grants in getattr(config, "role_page_permissions", {}).items():
            merged[role].extend(grants)
    return merged
