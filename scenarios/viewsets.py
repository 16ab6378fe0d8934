from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn

from assessments.insight_admin import InsightSnippetViewSet

from .admin_views import ScenarioCreateView, ScenarioEditView, ScenarioInsightView
from .models import Scenario


class ScenarioViewSet(InsightSnippetViewSet):
    model = Scenario
    icon = "comment"
    menu_label = _("Role-plays")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "persona_name", UpdatedAtColumn()]
    search_fields = ["title", "persona_name"]
    add_view_class = ScenarioCreateView
    edit_view_class = ScenarioEditView
    insight_view_class = ScenarioInsightView
