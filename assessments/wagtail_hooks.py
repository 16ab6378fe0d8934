from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import QuestionnaireEditView, QuestionnaireIndexView, QuestionnaireInsightView
from .models import Dimension, Questionnaire


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "pick"
    menu_label = _("Attitude dimensions")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(DimensionViewSet)


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "scale_points"]
    search_fields = ["title"]

    index_view_class = QuestionnaireIndexView
    edit_view_class = QuestionnaireEditView
    insight_view_class = QuestionnaireInsightView

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


register_snippet(QuestionnaireViewSet)
