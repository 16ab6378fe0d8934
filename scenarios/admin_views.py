"""Admin views for role-plays: the insight report (what learners chose)."""

from __future__ import annotations

from assessments.insight_admin import InsightView

from .insights import POOR_PATH_CAP, scenario_insight
from .models import Scenario


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
