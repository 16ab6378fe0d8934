"""Cohorts in the Wagtail admin. HR see and manage only their own organisation's cohorts.

Every view that takes an id looks it up in the requester's cohorts, so another organisation's
cohort is a 404 for edit, delete, history and usage alike (not a 403 that confirms it exists).
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from people.roles import Role

from .forms import CohortAdminForm
from .models import Cohort


def cohorts_manageable_by(user) -> QuerySet[Cohort]:
    """Platform admins: every cohort. HR: their organisation's. Anyone else: none."""
    cohorts = Cohort.objects.select_related("organisation")
    if user.is_superuser or user.has_role(Role.PLATFORM_ADMIN):
        return cohorts
    if user.has_role(Role.HR) and user.organisation_id:
        return cohorts.filter(organisation_id=user.organisation_id)
    return cohorts.none()


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return cohorts_manageable_by(self.request.user)


class EditView(generic.EditView):
    def get_queryset(self):
        return cohorts_manageable_by(self.request.user)


class DeleteView(generic.DeleteView):
    def get_queryset(self):
        return cohorts_manageable_by(self.request.user)


class HistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return cohorts_manageable_by(self.request.user)


class UsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return cohorts_manageable_by(self.request.user)


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "organisation", "starts_on", "ends_on"]
    search_fields = ["name"]
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_enabled = False

    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("organisation", widget=forms.Select),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            MultiFieldPanel(
                [
                    FieldPanel("coaches", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("learners", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("courses", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("People and courses"),
            ),
        ],
        base_form_class=CohortAdminForm,
    )
