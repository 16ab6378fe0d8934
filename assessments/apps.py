from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from people.roles import Role


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("Assessments")
    # What each role may do with this app's models in the Wagtail admin (people.roles).
    role_permissions = {
        Role.COACH: [
            "assessments.view_dimension",
            "assessments.add_questionnaire",
            "assessments.change_questionnaire",
            "assessments.publish_questionnaire",
            "assessments.view_questionnaire",
        ],
        Role.PLATFORM_ADMIN: [
            "assessments.add_dimension",
            "assessments.change_dimension",
            "assessments.view_dimension",
            "assessments.add_questionnaire",
            "assessments.change_questionnaire",
            "assessments.delete_questionnaire",
            "assessments.publish_questionnaire",
            "assessments.view_questionnaire",
        ],
    }
