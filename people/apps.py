from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

from .roles import Role, role_permissions


def _ensure_roles(sender, **kwargs) -> None:
    from .services import roles_ensure

    # Only after an app whose permissions the roles hold; whichever migrates last completes the set.
    apps_with_role_permissions = {
        dotted.split(".", 1)[0] for codenames in role_permissions().values() for dotted in codenames
    }
    if sender.label not in apps_with_role_permissions:
        return

    roles_ensure()


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("People")
    # What each role may do in the Wagtail admin on people's models and Wagtail's own; every
    # app above declares its models' permissions likewise (people.roles.role_permissions).
    role_permissions = {
        Role.COACH: [
            "wagtailadmin.access_admin",
            # Wagtail checks these per collection: held on the root (module images).
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
        ],
        Role.HR: ["wagtailadmin.access_admin"],
        Role.PLATFORM_ADMIN: [
            "wagtailadmin.access_admin",
            "people.add_organisation",
            "people.change_organisation",
            "people.delete_organisation",
            "people.view_organisation",
            "people.add_user",
            "people.change_user",
            "people.delete_user",
            "people.view_user",
        ],
    }

    def ready(self) -> None:
        # The role groups exist on every database once it is migrated.
        post_migrate.connect(_ensure_roles, dispatch_uid="people_ensure_roles")
        # Session index, deactivation and role changes into the audit trail (people/signals.py).
        from . import signals

        signals.connect()


class TouchpointUsersAppConfig(WagtailUsersAppConfig):
    # Wagtail's user admin, with our name fields instead of first/last name.
    user_viewset = "people.viewsets.UserViewSet"
