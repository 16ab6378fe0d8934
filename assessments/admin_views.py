"""Admin views for questionnaires: the insight report (statistics for authors)."""

from __future__ import annotations

from .insight_admin import InsightView
from .insights import FAIR_ALPHA, GOOD_ALPHA, MIN_ALPHA_RESPONSES, questionnaire_insight
from .models import Questionnaire


class QuestionnaireInsightView(InsightView):
    """Per statement: n, mean and spread; per dimension: Cronbach's alpha."""

    model = Questionnaire
    template_name = "assessments/insight.html"

    def get_insight_context(self) -> dict:
        return {
            "questionnaire": self.object,
            "insight": questionnaire_insight(self.object),
            "good_alpha": GOOD_ALPHA,
            "fair_alpha": FAIR_ALPHA,
            "min_alpha_responses": MIN_ALPHA_RESPONSES,
        }
