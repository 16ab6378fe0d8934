"""Admin views for role-plays: the editor and the insight report (what learners chose)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView

from assessments.insight_admin import InsightEditView, InsightView
from assessments.publish_admin import DraftSavedWhenPublishRefusedMixin

from .insights import POOR_PATH_CAP, scenario_insight
from .models import Scenario


class ScenarioEditView(DraftSavedWhenPublishRefusedMixin, InsightEditView):
    publish_refused_message = _("The draft was saved. This scenario cannot be published yet:")


class ScenarioCreateView(DraftSavedWhenPublishRefusedMixin, CreateView):
    publish_refused_unsaved_message = _(
        "This scenario cannot be published yet, so it was not saved "
        "(“Save draft” keeps an unfinished one):"
    )


class ScenarioInsightView(InsightView):
    """Per node, how many learners chose each answer; and the most common way to a poor ending."""

    model = Scenario
    template_name = "scenarios/insight.html"

    def get_insight_context(self) -> dict:
        return {
            "scenario": self.object,
            "insight": scenario_insight(self.object),
            "poor_path_cap": POOR_PATH_CAP,
        }
