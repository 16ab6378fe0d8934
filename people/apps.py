from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

# The apps whose permissions the roles hold; whichever of them migrates last completes the set.
ROLE_PERMISSION_APPS = {"people", "scenarios", "assessments", "wagtailadmin", "wagtailimages"}


def _ensure_roles(sender, **kwargs) -> None:
    if sender.label not in ROLE_PERMISSION_APPS:
        return
    from .services import roles_ensure

    roles_ensure()


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        # The role groups exist on every database once it is migrated.
        post_migrate.connect(_ensure_roles, dispatch_uid="people_ensure_roles")


class TouchpointUsersAppConfig(WagtailUsersAppConfig):
    # Wagtail's user admin, with our name fields instead of first/last name.
    user_viewset = "people.viewsets.UserViewSet"
