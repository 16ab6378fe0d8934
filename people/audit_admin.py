"""The audit trail in the Wagtail admin: a read-only report for platform admins.

Built like Wagtail's own reports (Reports → Site history): a ReportView with filters and a
CSV/XLSX download. Nobody can add, change or delete an event from here.
"""

from __future__ import annotations

import json

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .audit_details import audit_details_texts
from .models import AuditAction, AuditEvent, Organisation, User
from .roles import Role
from .spreadsheets import inert

EXPORT_CHUNK = 500  # events described per batch of a download: a few queries per batch


def may_read_audit_trail(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_role(Role.PLATFORM_ADMIN))


def _describe(events: list[AuditEvent]) -> list[AuditEvent]:
    for event, text in zip(events, audit_details_texts(events), strict=True):
        event.details_text = text
        event.by_text = (
            f"{event.actor.get_full_name()} ({event.actor.email})"
            if event.actor is not None
            else event.actor_label
        )
        event.organisation_text = event.organisation_label or (
            event.organisation.name if event.organisation is not None else ""
        )
    return events


class _DescribedEvents:
    """A download's events, described a batch at a time (the export reads `.model`)."""

    def __init__(self, queryset) -> None:
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        batch = []
        for event in self.queryset.iterator(chunk_size=EXPORT_CHUNK):
            batch.append(event)
            if len(batch) == EXPORT_CHUNK:
                yield from _describe(batch)
                batch = []
        yield from _describe(batch)


class AuditEventFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("Action"), choices=AuditAction.choices)
    actor = django_filters.ModelChoiceFilter(
        label=_("By"),
        queryset=lambda request: User.objects.filter(
            pk__in=AuditEvent.objects.filter(actor__isnull=False).values("actor_id")
        ).order_by("email"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEvent
        fields = ["action", "actor", "organisation", "created_at"]


class AuditTrailView(ReportView):
    page_title = _("Audit trail")
    header_icon = "history"
    filterset_class = AuditEventFilterSet
    index_url_name = "audit_trail"
    index_results_url_name = "audit_trail_results"
    model = AuditEvent
    paginate_by = 50
    columns = [
        DateColumn("created_at", label=_("When")),
        Column("action_label", label=_("Action"), accessor="get_action_display"),
        Column("by_text", label=_("By")),
        Column("target_label", label=_("Object")),
        Column("organisation_text", label=_("Organisation")),
        Column("details_text", label=_("Details")),
        Column("ip_address", label=_("IP address")),
    ]
    list_export = [
        "created_at",
        "action",
        "actor_label",
        "target_type",
        "target_id",
        "target_label",
        "organisation_text",
        "details_text",
        "details",
        "ip_address",
    ]
    export_headings = {
        "actor_label": _("By"),
        "target_label": _("Object"),
        "organisation_text": _("Organisation"),
        "details_text": _("Details"),
        "details": _("Details (JSON)"),
    }
    # The data as data, for whoever processes the download (not Python's repr of a dict).
    custom_field_preprocess = {
        "details": {
            ReportView.FORMAT_CSV: lambda value: json.dumps(value, ensure_ascii=False),
            ReportView.FORMAT_XLSX: lambda value: json.dumps(value, ensure_ascii=False),
        }
    }

    def get_filename(self) -> str:
        return "audit-trail"

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_trail(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AuditEvent.objects.select_related("organisation", "actor").order_by(
            "-created_at", "-pk"
        )

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            return _DescribedEvents(object_list)
        return _describe(list(object_list))

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # A data file: ISO date and time, not the admin's display format (Wagtail's default).
        return super().generate_xlsx_row(worksheet, row_dict, date_format="yyyy-mm-dd hh:mm:ss")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return inert(value) if isinstance(value, str) else value


class AuditTrailMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_read_audit_trail(request.user)
