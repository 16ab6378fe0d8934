"""An "Insight" page for a snippet, linked from its listing and editor.

Shared by questionnaires (here) and role-play scenarios (scenarios, which imports this app):
a subclass of InsightView names the model, the template and the figures to show.
"""

from __future__ import annotations

from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

INSIGHT_PERMISSIONS = ["change", "view"]
INSIGHT_ICON = "table"


class InsightView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The report for one object; subclasses set `model`, `template_name`, get_insight_context."""

    any_permission_required = INSIGHT_PERMISSIONS
    page_title = gettext_lazy("Insight")
    header_icon = INSIGHT_ICON
    index_url_name = None
    edit_url_name = None
    insight_url_name = None
    pk_url_kwarg = "pk"

    def get(self, request, *args, **kwargs):
        # Looked up after the permission check, so unknown and forbidden are told apart only
        # for people allowed to see these objects at all.
        self.object = get_object_or_404(self.model, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))
        return super().get(request, *args, **kwargs)

    def get_insight_context(self) -> dict:
        raise NotImplementedError

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
        context.update(object=self.object, **self.get_insight_context())
        return context


def _insight_url(url_name: str | None, instance) -> str | None:
    if not url_name:
        return None
    return reverse(url_name, args=(quote(instance.pk),))


class InsightIndexView(IndexView):
    """The listing, with an “Insight” item in each row's “More” menu."""

    insight_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        url = _insight_url(self.insight_url_name, instance)
        if url and self.user_has_any_permission(INSIGHT_PERMISSIONS):
            buttons.append(MenuItem(_("Insight"), url=url, icon_name=INSIGHT_ICON, priority=25))
        return buttons


class InsightEditView(EditView):
    """The editor, with an “Insight” button in the header."""

    insight_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        url = _insight_url(self.insight_url_name, self.object)
        if url and self.user_has_any_permission(INSIGHT_PERMISSIONS):
            buttons.append(HeaderButton(_("Insight"), url=url, icon_name=INSIGHT_ICON))
        return buttons


class InsightSnippetViewSet(SnippetViewSet):
    """A snippet viewset with an insight page at insight/<pk>/; set `insight_view_class`."""

    index_view_class = InsightIndexView
    edit_view_class = InsightEditView
    insight_view_class: type[InsightView]

    def get_common_view_kwargs(self, **kwargs):
        # Views with an `insight_url_name` attribute (listing, editor, insight) link to it.
        return super().get_common_view_kwargs(
            insight_url_name=self.get_url_name("insight"), **kwargs
        )

    @property
    def insight_view(self):
        return self.construct_view(
            self.insight_view_class, permission_policy=self.permission_policy
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"insight/<{self.pk_path_converter}:pk>/", self.insight_view, name="insight"),
        ]
