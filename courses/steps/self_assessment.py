"""The self-assessment step: the courses side of taking a questionnaire.

`assessment_state` and `assessment_submit` also serve the course's own before/after questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from assessments import selectors as assessment_selectors
from assessments import services as assessment_services
from assessments.charts import Bar, profile_svg
from assessments.models import Questionnaire, Response
from people.translation import in_language, shown

from .base import PublishedSnippetStep, register


@dataclass
class Statement:
    pk: int
    text: str
    chosen: int | None = None


@dataclass
class AssessmentState:
    questionnaire: Questionnaire
    statements: list[Statement] = field(default_factory=list)
    scale: list[tuple[int, str]] = field(default_factory=list)
    response: Response | None = None
    error: str = ""
    chart: str = ""
    rows: list[Bar] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.response is not None


def assessment_state(
    *,
    user,
    questionnaire: Questionnaire,
    page_id: int,
    step_id: str = "",
    phase: str = "",
    posted=None,
) -> AssessmentState:
    response = (
        Response.objects.filter(
            user=user,
            questionnaire=questionnaire,
            context_page_id=page_id,
            context_step_id=step_id,
            phase=phase,
        )
        .order_by("-submitted_at")
        .first()
    )
    live, items = assessment_services.published_items(questionnaire)
    # Answers are the original's items (pks); the words are the learner's language's, where the
    # questionnaire has a published translation.
    found = shown(questionnaire)
    in_language(live, found=found)
    words = {}
    if found.content is not questionnaire:
        _shown, shown_items = assessment_services.published_items(found.content)
        words = {item.translation_key: item.statement for item in shown_items}
    state = AssessmentState(questionnaire=live, scale=live.scale(), response=response)
    for item in items:
        item.statement = words.get(item.translation_key, item.statement)
        chosen = None
        if posted is not None:
            try:
                chosen = int(posted.get(f"item-{item.pk}", ""))
            except ValueError:
                chosen = None
        state.statements.append(Statement(pk=item.pk, text=item.statement, chosen=chosen))
    if response is not None:
        names = assessment_selectors.dimension_names()
        state.rows = [
            Bar(label=names.get(slug, slug), value=score)
            for slug, score in sorted(
                response.scores.items(),
                key=lambda pair: list(names).index(pair[0]) if pair[0] in names else len(names),
            )
        ]
        state.chart = profile_svg(state.rows, title=_("Your attitude profile (0 to 100)"))
    return state


def assessment_submit(
    *, user, questionnaire: Questionnaire, page_id: int, posted, step_id: str = "", phase: str = ""
) -> str:
    """Record the answers; returns an error message, or "" when saved."""
    values: dict[int, int] = {}
    for key, raw in posted.items():
        if not key.startswith("item-") or not key[5:].isdigit():
            continue  # not an answer (or not one of ours): ignored
        if not raw.strip():
            continue  # an empty answer is a missing one, which the service names
        try:
            values[int(key[5:])] = int(raw)
        except ValueError:
            return _("Each answer must be a point on the scale.")
    try:
        assessment_services.response_submit(
            user=user,
            questionnaire=questionnaire,
            values=values,
            context_page_id=page_id,
            context_step_id=step_id,
            phase=phase,
        )
    except assessment_services.QuestionnaireError as error:
        return str(error)
    return ""


@register("self_assessment")
class SelfAssessmentStep(PublishedSnippetStep):
    """Answered and saved before Next; one unpublished since can be passed."""

    posted = None  # answers refused on this request, shown again as given

    def state_of(self, snippet: Questionnaire) -> AssessmentState:
        return assessment_state(
            user=self.request.user,
            questionnaire=snippet,
            page_id=self.visit.module.pk,
            step_id=self.block.id,
            posted=self.posted,
        )

    def state_done(self, state: AssessmentState) -> bool:
        return state.done

    def post(self) -> HttpResponse | None:
        if self.snippet is None or "assessment" not in self.request.POST:
            return super().post()
        error = assessment_submit(
            user=self.request.user,
            questionnaire=self.snippet,
            page_id=self.visit.module.pk,
            step_id=self.block.id,
            posted=self.request.POST,
        )
        if not error:
            return redirect(self.url + "#assessment")
        messages.error(self.request, error)
        # Refused: shown again with every answer already given, not handled as "next".
        self.posted = self.request.POST
        return None

    def not_done(self) -> HttpResponse:
        messages.error(self.request, _("Rate every statement and save before you move on."))
        return redirect(self.url + "#assessment")

    def context(self) -> dict:
        hint = None if self.done() else _("Rate every statement and save your answers to go on.")
        return {"assessment": self.state, "next_hint": hint}
