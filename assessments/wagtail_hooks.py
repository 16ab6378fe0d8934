from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import (
    QuestionnaireCreateView,
    QuestionnaireEditView,
    QuestionnaireInsightView,
)
from .insight_admin import InsightSnippetViewSet
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


class QuestionnaireViewSet(InsightSnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "scale_points"]
    search_fields = ["title"]

    add_view_class = QuestionnaireCreateView
    edit_view_class = QuestionnaireEditView
    insight_view_class = QuestionnaireInsightView


register_snippet(QuestionnaireViewSet)
