from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .audit_admin import AuditTrailMenuItem, AuditTrailView
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
