from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ScenarioEditView, ScenarioIndexView, ScenarioInsightView
from .models import Scenario


class ScenarioViewSet(SnippetViewSet):
    model = Scenario
    icon = "comment"
    menu_label = _("Role-plays")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "persona_name", UpdatedAtColumn()]
    search_fields = ["title", "persona_name"]

    index_view_class = ScenarioIndexView
    edit_view_class = ScenarioEditView
    insight_view_class = ScenarioInsightView

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
