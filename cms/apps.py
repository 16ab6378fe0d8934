from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deployment checks
