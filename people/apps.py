from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


def _ensure_roles(sender, **kwargs) -> None:
    from .services import ROLE_PERMISSIONS, roles_ensure

    # Only after an app whose permissions the roles hold; whichever migrates last completes the set.
    apps_with_role_permissions = {
        dotted.split(".", 1)[0] for codenames in ROLE_PERMISSIONS.values() for dotted in codenames
    }
    if sender.label not in apps_with_role_permissions:
        return

    roles_ensure()


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        # The role groups exist on every database once it is migrated.
        post_migrate.connect(_ensure_roles, dispatch_uid="people_ensure_roles")
        # Session index, deactivation and role changes into the audit trail (people/signals.py).
        from . import signals

        signals.connect()


class TouchpointUsersAppConfig(WagtailUsersAppConfig):
    # Wagtail's user admin, with our name fields instead of first/last name.
    user_viewset = "people.viewsets.UserViewSet"
