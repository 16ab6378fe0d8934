"""Admin views for questionnaires: the insight report, and links to it from the listing and editor.

The same pattern as the role-play insight (scenarios/admin_views.py).
"""

from __future__ import annotations

from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView

from .insights import FAIR_ALPHA, GOOD_ALPHA, MIN_ALPHA_RESPONSES, questionnaire_insight
from .models import Questionnaire

INSIGHT_PERMISSIONS = ["change", "view"]
INSIGHT_ICON = "table"


class QuestionnaireInsightView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per statement: n, mean and spread; per dimension: Cronbach's alpha."""

    model = Questionnaire
    any_permission_required = INSIGHT_PERMISSIONS
    template_name = "assessments/insight.html"
    page_title = gettext_lazy("Insight")
    header_icon = INSIGHT_ICON
    index_url_name = None
    edit_url_name = None
    insight_url_name = None
    pk_url_kwarg = "pk"

    def get(self, request, *args, **kwargs):
        # After the permission check: only people allowed to see questionnaires learn which exist.
        self.object = get_object_or_404(
            Questionnaire, pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_edit_url(self):
        if self.edit_url_name and self.user_has_permission("change"):
            return reverse(self.edit_url_name, args=(quote(self.object.pk),))
        return None

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(self.model._meta.verbose_name_plural),
                }
            )
        items.append({"url": self.get_edit_url() or "", "label": str(self.object)})
        items.append({"url": "", "label": self.get_page_title(), "sublabel": str(self.object)})
        return self.breadcrumbs_items + items

    @cached_property
    def header_buttons(self):
        if edit_url := self.get_edit_url():
            return [HeaderButton(_("Edit"), url=edit_url, icon_name="edit")]
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            questionnaire=self.object,
            insight=questionnaire_insight(self.object),
            good_alpha=GOOD_ALPHA,
            fair_alpha=FAIR_ALPHA,
            min_alpha_responses=MIN_ALPHA_RESPONSES,
        )
        return context


def _insight_url(url_name: str | None, instance) -> str | None:
    if not url_name:
        return None
    return reverse(url_name, args=(quote(instance.pk),))


class QuestionnaireIndexView(IndexView):
    """The listing, with an “Insight” item in each row's “More” menu."""

    insight_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        url = _insight_url(self.insight_url_name, instance)
        if url and self.user_has_any_permission(INSIGHT_PERMISSIONS):
            buttons.append(MenuItem(_("Insight"), url=url, icon_name=INSIGHT_ICON, priority=25))
        return buttons


class QuestionnaireEditView(EditView):
    """The editor, with an “Insight” button in the header."""

    insight_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        url = _insight_url(self.insight_url_name, self.object)
        if url and self.user_has_any_permission(INSIGHT_PERMISSIONS):
            buttons.append(HeaderButton(_("Insight"), url=url, icon_name=INSIGHT_ICON))
        return buttons
