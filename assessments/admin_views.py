"""Admin views for questionnaires: the editor and the insight report (statistics for authors)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView

from .insight_admin import InsightEditView, InsightView
from .insights import FAIR_ALPHA, GOOD_ALPHA, MIN_ALPHA_RESPONSES, questionnaire_insight
from .models import Questionnaire
from .publish_admin import DraftSavedWhenPublishRefusedMixin


class QuestionnaireEditView(DraftSavedWhenPublishRefusedMixin, InsightEditView):
    publish_refused_message = _("The draft was saved. This questionnaire cannot be published yet:")


class QuestionnaireCreateView(DraftSavedWhenPublishRefusedMixin, CreateView):
    publish_refused_unsaved_message = _(
        "This questionnaire cannot be published yet, so it was not saved "
        "(“Save draft” keeps an unfinished one):"
    )


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
