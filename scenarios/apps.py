from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from people.roles import Role


class ScenariosConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scenarios"
    verbose_name = _("Role-plays")
    # What each role may do with this app's models in the Wagtail admin (people.roles).
    role_permissions = {
        Role.COACH: [
            "scenarios.add_scenario",
            "scenarios.change_scenario",
            "scenarios.publish_scenario",
            "scenarios.lock_scenario",
            "scenarios.unlock_scenario",
            "scenarios.view_scenario",
        ],
        Role.PLATFORM_ADMIN: [
            "scenarios.add_scenario",
            "scenarios.change_scenario",
            "scenarios.delete_scenario",
            "scenarios.publish_scenario",
            "scenarios.view_scenario",
        ],
    }
