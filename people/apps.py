from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


def _ensure_roles(sender, **kwargs) -> None:
    from .services import roles_ensure

    roles_ensure()


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        # The role groups exist on every database once it is migrated.
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="people_ensure_roles")


class TouchpointUsersAppConfig(WagtailUsersAppConfig):
    # Wagtail's user admin, with our name fields instead of first/last name.
    user_viewset = "people.viewsets.UserViewSet"
