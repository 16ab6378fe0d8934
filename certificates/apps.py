from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from people.roles import Role


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "certificates"
    label = "certificates"
    verbose_name = _("Certificates")
    # What each role may do with this app's models in the Wagtail admin (people.roles).
    role_permissions = {
        Role.COACH: [
            "certificates.add_certificatetemplate",
            "certificates.change_certificatetemplate",
            "certificates.view_certificatetemplate",
        ],
        Role.PLATFORM_ADMIN: [
            "certificates.add_certificatetemplate",
            "certificates.change_certificatetemplate",
            "certificates.delete_certificatetemplate",
            "certificates.view_certificatetemplate",
        ],
    }

    def ready(self) -> None:
        from courses.signals import course_completed

        from . import services

        def _issue(sender, user, course, completed_on, **kwargs) -> None:
            services.certificate_issue(user=user, course=course, completed_on=completed_on)

        # courses announces a completion once; the certificate is issued in the same transaction.
        course_completed.connect(_issue, dispatch_uid="certificate_on_completion", weak=False)
