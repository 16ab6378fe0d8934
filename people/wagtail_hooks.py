from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.users.views.bulk_actions import SetActiveStateBulkAction

from .audit_admin import AuditTrailMenuItem, AuditTrailView
from .sessions import users_set_active
from .viewsets import OrganisationViewSet

register_snippet(OrganisationViewSet)


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    return [
        path("reports/audit-trail/", AuditTrailView.as_view(), name="audit_trail"),
        path(
            "reports/audit-trail/results/",
            AuditTrailView.as_view(results_only=True),
            name="audit_trail_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    # Platform admins only (AuditTrailMenuItem.is_shown; the view checks again).
    return AuditTrailMenuItem(
        _("Audit trail"),
        reverse("audit_trail"),
        name="audit-trail",
        icon_name="history",
        order=1050,
    )


# Replaces Wagtail's own "Set active state" (same action type, registered after it): Wagtail's
# updates the rows in one statement, so no signal fires, sessions stay open and nothing is audited.
@hooks.register("register_bulk_action", order=1)
class SetActiveStateEndingSessions(SetActiveStateBulkAction):
    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, **kwargs):
        by = kwargs.get("user")
        # As Wagtail: nobody deactivates themselves from the list.
        users = [user for user in objects if by is None or user.pk != by.pk]
        return users_set_active(users=users, active=mark_as_active, by=by), 0
