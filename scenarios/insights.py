"""Read-only figures for authors: what learners chose at each node, and how poor endings happen.

A fixed number of queries whatever the number of attempts: counting is done by the database
(values() + annotate(Count)); only the most common path to a poor ending is counted in Python,
over the steps of at most the latest POOR_PATH_CAP poor-ending attempts.

A learner's choices are theirs and their coach's (DESIGN.md), so, as with questionnaires,
nothing is shown over fewer than `MINIMUM_GROUP` distinct learners. Until that many have played,
the page gives no figure at all (not even how many played, finished or ended poorly: with one
learner each is their transcript) and no node or path, which are not even read. Once enough
have, a node fewer than that many answered at (none included: "none" next to "a few" would say
where a few went) and a poor path fewer than that many took are withheld.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from assessments.aggregates import MINIMUM_GROUP

from .diagram import tone_label
from .graph import CHOICE, FREE_TEXT, TONES, Graph
from .models import Attempt, AttemptStep, Scenario

POOR_PATH_CAP = 5000


@dataclass
class ChoiceFigure:
    index: int | None  # None: a written reply
    text: str
    next_key: str
    learners: int = 0  # distinct learners who chose it at least once
    answers: int = 0  # times it was chosen, over all attempts
    node_learners: int = 0  # distinct learners who answered at this node

    @property
    def number(self) -> str:
        return "" if self.index is None else str(self.index + 1)

    @property
    def percent(self) -> int:
        if not self.node_learners:
            return 0
        return round(100 * self.learners / self.node_learners)


@dataclass
class NodeFigure:
    key: str
    text: str
    kind: str
    learners: int = 0
    answers: int = 0
    in_current_version: bool = True
    choices: list[ChoiceFigure] = field(default_factory=list)
    scenario_learners: int = 0  # how many played the scenario at all

    @property
    def withheld(self) -> bool:
        """Fewer than the minimum answered here (none included) while others played."""
        return self.scenario_learners > 0 and self.learners < MINIMUM_GROUP


@dataclass
class EndingFigure:
    tone: str
    label: str
    attempts: int
    learners: int


@dataclass
class PathStep:
    node_key: str
    node_text: str
    choice_number: str
    choice_text: str


@dataclass
class PoorPath:
    steps: list[PathStep]
    attempts: int  # attempts that took exactly this path
    considered: int  # poor-ending attempts looked at
    capped: bool
    ending_key: str = ""
    ending_outcome: str = ""
    learners: int = 0  # distinct learners behind the poor-ending attempts looked at

    @property
    def withheld(self) -> bool:
        return self.learners < MINIMUM_GROUP


@dataclass
class DecisionFigures:
    """How learners' answers rated against the best on offer, and whether place still told:
    the share of shuffled answers that were the one shown first."""

    rated: int = 0
    best: int = 0
    okay: int = 0
    poor: int = 0
    shuffled: int = 0
    shown_first: int = 0

    @staticmethod
    def _share(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def best_share(self) -> int | None:
        return self._share(self.best, self.rated)

    @property
    def okay_share(self) -> int | None:
        return self._share(self.okay, self.rated)

    @property
    def poor_share(self) -> int | None:
        return self._share(self.poor, self.rated)

    @property
    def shown_first_share(self) -> int | None:
        return self._share(self.shown_first, self.shuffled)


@dataclass
class ScenarioInsight:
    attempts: int
    finished: int
    learners: int
    endings: list[EndingFigure]
    nodes: list[NodeFigure]
    poor_path: PoorPath | None
    poor_attempts: int
    decisions: DecisionFigures = field(default_factory=DecisionFigures)

    @property
    def withheld(self) -> bool:
        """Too few learners played it to show any of their choices."""
        return 0 < self.learners < MINIMUM_GROUP

    @property
    def minimum_group(self) -> int:
        return MINIMUM_GROUP


def scenario_insight(scenario: Scenario, *, graph: Graph | None = None) -> ScenarioInsight:
    """Everything the insight page shows, in six queries (one while too few have played)."""
    graph = graph if graph is not None else scenario.graph
    attempts = Attempt.objects.filter(scenario=scenario)
    totals = attempts.aggregate(
        attempts=Count("id"),
        finished=Count("id", filter=Q(finished_at__isnull=False)),
        learners=Count("user", distinct=True),
    )
    if 0 < totals["learners"] < MINIMUM_GROUP:
        return ScenarioInsight(
            attempts=0,
            finished=0,
            learners=totals["learners"],
            endings=[],
            nodes=[],
            poor_path=None,
            poor_attempts=0,
        )
    ending_rows = {
        row["ending_tone"]: row
        for row in attempts.filter(finished_at__isnull=False)
        .values("ending_tone")
        .annotate(n=Count("id"), learners=Count("user", distinct=True))
        .order_by()
    }
    endings = [
        EndingFigure(
            tone=tone,
            label=tone_label(tone),
            attempts=ending_rows.get(tone, {}).get("n", 0),
            learners=ending_rows.get(tone, {}).get("learners", 0),
        )
        for tone in TONES
    ]
    poor_attempts = ending_rows.get("poor", {}).get("n", 0)

    steps = AttemptStep.objects.filter(attempt__scenario=scenario)
    per_choice = list(
        steps.values("node_key", "choice_index")
        .annotate(
            learners=Count("attempt__user", distinct=True),
            answers=Count("id"),
            node_text=Max("node_text"),
            choice_text=Max("choice_text"),
        )
        .order_by()
    )
    per_node = {
        row["node_key"]: row["learners"]
        for row in steps.values("node_key")
        .annotate(learners=Count("attempt__user", distinct=True))
        .order_by()
    }
    shuffled = Q(position__isnull=False, attempt__shuffle_seed__gt=0)
    decisions = DecisionFigures(
        **steps.filter(choice_index__isnull=False).aggregate(
            rated=Count("id", filter=~Q(rating="")),
            best=Count("id", filter=Q(rating="best")),
            okay=Count("id", filter=Q(rating="okay")),
            poor=Count("id", filter=Q(rating="poor")),
            shuffled=Count("id", filter=shuffled),
            shown_first=Count("id", filter=shuffled & Q(position=1)),
        )
    )
    nodes = _node_figures(graph, per_choice, per_node)
    for node in nodes:
        node.scenario_learners = totals["learners"]
    recorded = {
        (row["node_key"], row["choice_index"]): (row["node_text"], row["choice_text"])
        for row in per_choice
    }
    poor_path = _poor_path(scenario, graph, recorded, poor_attempts) if poor_attempts else None
    return ScenarioInsight(
        attempts=totals["attempts"],
        finished=totals["finished"],
        learners=totals["learners"],
        endings=endings,
        nodes=nodes,
        poor_path=poor_path,
        poor_attempts=poor_attempts,
        decisions=decisions,
    )


def _node_figures(
    graph: Graph, per_choice: list[dict], per_node: dict[str, int]
) -> list[NodeFigure]:
    by_node: dict[str, dict[int | None, dict]] = {}
    for row in per_choice:
        by_node.setdefault(row["node_key"], {})[row["choice_index"]] = row

    figures: list[NodeFigure] = []
    seen: set[str] = set()
    for key in [*graph.order, *graph.nodes]:
        node = graph.nodes.get(key)
        if node is None or key in seen or node.kind not in (CHOICE, FREE_TEXT):
            continue
        seen.add(key)
        rows = by_node.get(key, {})
        figure = NodeFigure(key=key, text=node.text, kind=node.kind, learners=per_node.get(key, 0))
        if node.kind == CHOICE:
            for choice in node.choices:
                row = rows.pop(choice.index, None) or {}
                figure.choices.append(
                    ChoiceFigure(
                        index=choice.index,
                        text=choice.text,
                        next_key=choice.next_key,
                        learners=row.get("learners", 0),
                        answers=row.get("answers", 0),
                        node_learners=figure.learners,
                    )
                )
        else:
            row = rows.pop(None, None) or {}
            figure.choices.append(
                ChoiceFigure(
                    index=None,
                    text=_("Wrote a reply"),
                    next_key=node.next_key,
                    learners=row.get("learners", 0),
                    answers=row.get("answers", 0),
                    node_learners=figure.learners,
                )
            )
        # Answers recorded against choices an earlier version had and this one no longer has.
        for index, row in sorted(rows.items(), key=lambda item: (item[0] is None, item[0] or 0)):
            figure.choices.append(_recorded_choice(index, row, figure.learners))
        figure.answers = sum(choice.answers for choice in figure.choices)
        figures.append(figure)

    # Nodes answered in an earlier version that the current one no longer has.
    for key in sorted(set(by_node) - seen):
        rows = by_node[key]
        any_row = next(iter(rows.values()))
        figure = NodeFigure(
            key=key,
            text=any_row["node_text"] or "",
            kind=CHOICE,
            learners=per_node.get(key, 0),
            in_current_version=False,
        )
        for index, row in sorted(rows.items(), key=lambda item: (item[0] is None, item[0] or 0)):
            figure.choices.append(_recorded_choice(index, row, figure.learners))
        figure.answers = sum(choice.answers for choice in figure.choices)
        figures.append(figure)
    return figures


def _recorded_choice(index: int | None, row: dict, node_learners: int) -> ChoiceFigure:
    return ChoiceFigure(
        index=index,
        text=(row["choice_text"] or "") if index is not None else _("Wrote a reply"),
        next_key="",
        learners=row["learners"],
        answers=row["answers"],
        node_learners=node_learners,
    )


def _poor_path(
    scenario: Scenario,
    graph: Graph,
    recorded: dict[tuple[str, int | None], tuple[str, str]],
    poor_attempts: int,
) -> PoorPath | None:
    """The most frequent sequence of (node, choice) among the latest poor-ending attempts."""
    latest = (
        Attempt.objects.filter(scenario=scenario, ending_tone="poor", finished_at__isnull=False)
        .order_by("-finished_at", "-id")
        .values("id")[:POOR_PATH_CAP]
    )
    rows = (
        AttemptStep.objects.filter(attempt_id__in=latest)
        .order_by("attempt_id", "sequence")
        .values_list("attempt_id", "attempt__user_id", "node_key", "choice_index")
    )
    paths: dict[int, list[tuple[str, int | None]]] = {}
    learners: set[int] = set()
    for attempt_id, user_id, node_key, choice_index in rows.iterator(chunk_size=2000):
        paths.setdefault(attempt_id, []).append((node_key, choice_index))
        learners.add(user_id)
    if not paths:
        return None
    counts = Counter(tuple(path) for path in paths.values())
    # Most attempts first; among equals, the shorter and then the alphabetically first path.
    path, count = min(counts.items(), key=lambda item: (-item[1], len(item[0]), item[0]))

    steps = []
    for node_key, choice_index in path:
        node = graph.node(node_key)
        node_text, choice_text = recorded.get((node_key, choice_index), ("", ""))
        if node is not None:
            node_text = node.text
            if choice_index is not None and choice_index < len(node.choices):
                choice_text = node.choices[choice_index].text
        if choice_index is None:
            choice_text = _("(a written reply)")
        steps.append(
            PathStep(
                node_key=node_key,
                node_text=node_text,
                choice_number="" if choice_index is None else str(choice_index + 1),
                choice_text=choice_text,
            )
        )
    ending_key, ending_outcome = "", ""
    last_key, last_index = path[-1]
    last = graph.node(last_key)
    if last is not None:
        if last.kind == CHOICE and last_index is not None and last_index < len(last.choices):
            ending_key = last.choices[last_index].next_key
        elif last.kind == FREE_TEXT:
            ending_key = last.next_key
        ending = graph.node(ending_key)
        ending_outcome = ending.outcome if ending is not None and ending.is_ending else ""
    return PoorPath(
        steps=steps,
        attempts=count,
        considered=len(paths),
        capped=poor_attempts > POOR_PATH_CAP,
        ending_key=ending_key,
        ending_outcome=ending_outcome,
        learners=len(learners),
    )
