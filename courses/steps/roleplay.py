"""The role-play step: the courses side of playing a scenario (scenarios does the rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from assessments.selectors import dimension_names
from people.translation import Shown, in_language, shown
from scenarios import selectors as scenario_selectors
from scenarios import services as scenario_services
from scenarios.graph import CHOICE, FREE_TEXT, Choice, Graph, Node, PlayState, shown_order
from scenarios.models import Attempt, Scenario
from scenarios.scoring import Decision, Path, best_path, decision_score, points_possible

from .base import PublishedSnippetStep, register

DRAFT_KEY = "roleplay_reply_draft"
RATING_LABELS = {
    "best": gettext_lazy("Strongest answer"),
    "okay": gettext_lazy("Partly right"),
    "poor": gettext_lazy("Missed the point"),
}


@dataclass
class PastExchange:
    """One answered node, with what the answer did."""

    line: scenario_selectors.TranscriptLine
    choice: Choice | None
    # HTML that higher apps show beside the learner's answer (coaching: the coach's feedback).
    notes: list[SafeString] = field(default_factory=list)
    decision: Decision | None = None  # the choice scored against the best on offer then

    @property
    def feedback(self) -> str:
        return self.choice.feedback if self.choice else ""

    @property
    def reaction(self) -> str:
        return self.choice.reaction if self.choice else ""

    @property
    def exemplar(self) -> str:
        node = self.line.node
        return node.exemplar if node and self.line.step.is_reply else ""

    @property
    def checks_ticked(self) -> list[str]:
        """The self-checks the learner ticked on this written reply, in the author's words."""
        node, ticked = self.line.node, set(self.line.step.checks or ())
        if not node or not self.line.step.is_reply:
            return []
        return [check.text for check in node.checks if check.index in ticked]

    @property
    def rating(self) -> str:
        return self.decision.rating if self.decision else ""

    @property
    def rating_label(self) -> str:
        return str(RATING_LABELS.get(self.rating, ""))

    @property
    def stronger(self) -> Choice | None:
        """The best answer on offer here, when the learner's was not it."""
        if self.decision is None or self.decision.is_best:
            return None
        return self.decision.best


@dataclass
class RolePlayState:
    """Everything the role-play step shows; built with a fixed number of queries."""

    scenario: Scenario
    attempts: list[Attempt]
    attempt: Attempt | None = None
    graph: Graph | None = None
    node: Node | None = None
    offered: list[Choice] = field(default_factory=list)
    exchanges: list[PastExchange] = field(default_factory=list)
    scores: list[scenario_selectors.DimensionScore] = field(default_factory=list)
    # The author's choice: "debrief" holds each choice's feedback back until the end.
    feedback_timing: str = "immediate"
    best: Path | None = None  # the path taking the best answer at every decision (when finished)

    @property
    def play_state(self) -> PlayState:
        return self.attempt.play_state if self.attempt else PlayState()

    @property
    def line(self) -> str:
        """The current node's line as this learner hears it (its variant for the path taken)."""
        return self.node.text_for(self.play_state) if self.node else ""

    @property
    def ending_debrief(self) -> str:
        return self.node.debrief_for(self.play_state) if self.node else ""

    @property
    def feedback_held(self) -> bool:
        return self.feedback_timing == "debrief"

    @property
    def decisions(self) -> list[Decision]:
        return [exchange.decision for exchange in self.exchanges if exchange.decision]

    @property
    def score(self) -> int | None:
        """0-100: each decision against the best on offer there (best 2, okay 1, poor 0)."""
        return decision_score(self.decisions)

    @property
    def best_count(self) -> int:
        return sum(decision.is_best for decision in self.decisions)

    @property
    def best_path_items(self) -> list[str]:
        """The best path's answers in order, a written reply named as such."""
        if self.best is None or self.graph is None:
            return []
        chosen = {decision.node.key: decision.choice.text for decision in self.best.decisions}
        items = []
        for key in self.best.steps:
            node = self.graph.node(key)
            if key in chosen:
                items.append(chosen[key])
            elif node and node.checks:
                items.append(_("A written reply that does what each self-check asks"))
            else:
                items.append(_("A written reply"))
        return items

    @property
    def took_best_path(self) -> bool:
        return bool(self.best) and all(decision.is_best for decision in self.decisions)

    @property
    def started(self) -> bool:
        return self.attempt is not None

    @property
    def finished(self) -> bool:
        return bool(self.attempt and self.attempt.finished)

    @property
    def has_finished_attempt(self) -> bool:
        return any(attempt.finished for attempt in self.attempts)

    @property
    def is_choice(self) -> bool:
        return bool(self.node and not self.finished and self.node.kind == CHOICE)

    @property
    def is_reply(self) -> bool:
        return bool(self.node and not self.finished and self.node.kind == FREE_TEXT)

    @property
    def last_exchange(self) -> PastExchange | None:
        return self.exchanges[-1] if self.exchanges else None

    @property
    def earlier_exchanges(self) -> list[PastExchange]:
        return self.exchanges[:-1]

    @property
    def previous_attempts(self) -> list[Attempt]:
        return [a for a in self.attempts if self.attempt is None or a.pk != self.attempt.pk]

    @property
    def mood_label(self) -> str:
        mood = self.attempt.mood if self.attempt else 0
        if mood <= -3:
            return _("Very upset")
        if mood < 0:
            return _("Unhappy")
        if mood == 0:
            return _("Unsure")
        if mood < 3:
            return _("Reassured")
        return _("Delighted")

    @property
    def mood_value(self) -> int:
        """0-10 for a <meter>, 5 being where the customer started."""
        return (self.attempt.mood if self.attempt else 0) + 5


def roleplay_state(*, user, scenario: Scenario, page_id: int, step_id: str) -> RolePlayState:
    attempts = scenario_selectors.attempts_for(
        user=user, scenario_id=scenario.pk, page_id=page_id, step_id=step_id
    )
    state = RolePlayState(scenario=scenario, attempts=attempts)
    if not attempts:
        return state
    return _fill(state, attempts[0])


def attempt_state(*, attempt: Attempt) -> RolePlayState:
    """A single (past) attempt, for its own page."""
    return _fill(RolePlayState(scenario=attempt.scenario, attempts=[attempt]), attempt)


STEP_NOTES_HOOK = "touchpoint_attempt_step_notes"


def step_notes_add(state: RolePlayState) -> RolePlayState:
    """Ask higher apps (wagtail.hooks; courses cannot import them) for notes beside the answers.

    A hook takes `attempt` and `steps` and returns {step id: [safe HTML, ...]}.
    """
    steps = [exchange.line.step for exchange in state.exchanges]
    if not steps:
        return state
    for hook in hooks.get_hooks(STEP_NOTES_HOOK):
        notes = hook(attempt=state.attempt, steps=steps)
        for exchange in state.exchanges:
            exchange.notes.extend(notes.get(exchange.line.step.pk, []))
    return state


def _fill(state: RolePlayState, attempt: Attempt) -> RolePlayState:
    graph = scenario_selectors.graph_for_attempt(attempt)
    state.attempt, state.graph = attempt, graph
    state.feedback_timing = attempt.revision.content.get("feedback_timing") or "immediate"
    lines = scenario_selectors.transcript(attempt=attempt, graph=graph)
    decisions = scenario_selectors.decisions_of(graph=graph, steps=[line.step for line in lines])
    for line in lines:
        choice = None
        if line.node and line.step.choice_index is not None:
            choice = next((c for c in line.node.choices if c.index == line.step.choice_index), None)
        decision = decisions.get(line.step.sequence)
        state.exchanges.append(PastExchange(line=line, choice=choice, decision=decision))
    state.node = graph.node(attempt.current_key)
    if state.node and not attempt.finished:
        # Shuffled per attempt (stable on reload): the first answer is not the best one.
        state.offered = shown_order(
            state.node.offered_choices(attempt.play_state),
            seed=attempt.shuffle_seed,
            node_key=state.node.key,
        )
    if attempt.finished:
        state.best = best_path(graph)
        state.scores = scenario_selectors.scores(
            points=attempt.points, names=dimension_names(), possible=_possible(state)
        )
    return state


def _possible(state: RolePlayState) -> dict[str, int]:
    """Per attitude, the most this path offered: the best answer at each decision and every
    self-check of each written reply."""
    possible = points_possible(state.decisions)
    for exchange in state.exchanges:
        node = exchange.line.node
        if node and exchange.line.step.is_reply:
            for check in node.checks:
                for slug, value in check.points.items():
                    possible[slug] = possible.get(slug, 0) + max(0, value)
    return possible


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def roleplay_post(
    request: HttpRequest,
    *,
    scenario: Scenario,
    page_id: int,
    step_id: str,
    played: Scenario | None = None,
) -> None:
    """Carry out a role-play action from the step's form; problems become messages."""
    action = request.POST.get("roleplay")
    user = request.user
    # The self-checks ticked on a written reply (their indexes; anything else is dropped).
    ticked = [i for i in map(_int_or_none, request.POST.getlist("check")) if i is not None]
    try:
        if action in ("start", "retry"):
            attempts = scenario_selectors.attempts_for(
                user=user, scenario_id=scenario.pk, page_id=page_id, step_id=step_id
            )
            if action == "start" and attempts and not attempts[0].finished:
                return  # already playing (second tab): carry on with that attempt
            scenario_services.attempt_start(
                user=user,
                scenario=scenario,
                context_page_id=page_id,
                context_step_id=step_id,
                played=played,
            )
        elif action in ("choose", "reply"):
            attempts = scenario_selectors.attempts_for(
                user=user, scenario_id=scenario.pk, page_id=page_id, step_id=step_id
            )
            if not attempts:
                messages.error(request, _("Start the role-play first."))
                return
            sequence = _int_or_none(request.POST.get("sequence"))
            if sequence is None:
                messages.error(request, _("That answer could not be read. Please try again."))
                return
            recorded = scenario_services.attempt_answer(
                attempt=attempts[0],
                sequence=sequence,
                node_key=request.POST.get("node", ""),
                choice_index=_int_or_none(request.POST.get("choice")),
                reply=request.POST.get("reply") if action == "reply" else None,
                checks=ticked,
            )
            if recorded is None:
                messages.info(request, _("That answer was already recorded."))
        else:
            messages.error(request, _("Unknown action."))
    except scenario_services.RolePlayError as error:
        messages.error(request, str(error))
        if action == "reply" and (request.POST.get("reply") or request.POST.getlist("check")):
            # Keep what the learner wrote and ticked, to put back in the form.
            request.session[DRAFT_KEY] = {
                "scenario": scenario.pk,
                "node": request.POST.get("node", ""),
                "text": request.POST.get("reply", "")[: scenario_services.MAX_REPLY_LENGTH * 2],
                "checks": ticked[:20],
            }


def reply_draft(request: HttpRequest, state: RolePlayState) -> tuple[str, list[int]]:
    """A reply refused on the last request and the self-checks ticked with it, if it was for
    the node now shown (read once)."""
    draft = request.session.pop(DRAFT_KEY, None)
    if not draft or not state.is_reply or state.node is None:
        return "", []
    if draft.get("scenario") != state.scenario.pk or draft.get("node") != state.node.key:
        return "", []
    checks = [index for index in draft.get("checks", []) if isinstance(index, int)]
    return str(draft.get("text", "")), checks


@register("roleplay")
class RolePlayStep(PublishedSnippetStep):
    """Played to an ending before Next; one unpublished since can be passed, with a notice."""

    @cached_property
    def shown_scenario(self) -> Shown[Scenario]:
        """The scenario as the learner's language has it: its published translation, if any."""
        return shown(self.snippet)

    @property
    def translation(self) -> Scenario | None:
        """The translation a new attempt plays, if there is one (else the original)."""
        found = self.shown_scenario if self.snippet is not None else None
        return found.content if found and found.content is not found.original else None

    def state_of(self, snippet: Scenario) -> RolePlayState:
        in_language(snippet, found=self.shown_scenario)  # the step shows the learner's words
        return roleplay_state(
            user=self.request.user,
            scenario=snippet,
            page_id=self.visit.module.pk,
            step_id=self.block.id,
        )

    def state_done(self, state: RolePlayState) -> bool:
        # The one answer to "may the learner go on?", for the button offered and for the POST.
        return state.has_finished_attempt

    def post(self) -> HttpResponse | None:
        if "roleplay" not in self.request.POST:
            return super().post()
        if self.snippet is None:
            messages.error(self.request, _("This role-play is no longer available."))
        else:
            roleplay_post(
                self.request,
                scenario=self.snippet,
                page_id=self.visit.module.pk,
                step_id=self.block.id,
                played=self.translation,
            )
        return redirect(self.url + "#roleplay-now")

    def not_done(self) -> HttpResponse:
        messages.error(self.request, _("Play the role-play to an ending before you move on."))
        return redirect(self.url + "#roleplay")

    def context(self) -> dict:
        state = self.state
        hint = None
        if not self.done():
            hint = (
                _("Play the conversation to an ending to go on.")
                if state.started
                else _("Start the conversation and play it to an ending to go on.")
            )
        draft, checks = reply_draft(self.request, state) if state else ("", [])
        return {
            "roleplay": state,
            "next_hint": hint,  # shown instead of Next until the step can be passed
            "reply_draft": draft,
            "reply_checks": checks,
        }
