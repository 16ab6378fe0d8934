from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from people.roles import Role


class CoachingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "coaching"
    verbose_name = _("Coaching")
    # What each role may do with this app's models in the Wagtail admin (people.roles).
    role_permissions = {
        Role.HR: [
            "coaching.add_cohort",
            "coaching.change_cohort",
            "coaching.delete_cohort",
            "coaching.view_cohort",
        ],
        Role.PLATFORM_ADMIN: [
            "coaching.add_cohort",
            "coaching.change_cohort",
            "coaching.delete_cohort",
            "coaching.view_cohort",
        ],
    }
