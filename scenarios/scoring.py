"""Per-decision scoring and the paths through a scenario.

A play-through is scored decision by decision: each answer against the best answer that node
offered at that moment (best 2, okay 1, poor 0, as a share of the best on offer). A path that
recovers from a poor answer therefore never reaches the score of one that did not need to, and
the best path scores 100. Pure functions over graph.Graph: no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .graph import (
    CHOICE,
    FREE_TEXT,
    Choice,
    Graph,
    Node,
    PlayState,
    after_choice,
    rating_value,
    strongest,
)


@dataclass(frozen=True)
class Decision:
    """One answered choice node: what was offered, what was taken, and the best on offer."""

    node: Node
    state: PlayState  # before the answer
    offered: tuple[Choice, ...]
    choice: Choice

    @property
    def best(self) -> Choice:
        """The strongest answer on offer here (the first authored one of equal value)."""
        return strongest(self.offered)

    @property
    def value(self) -> float:
        """This answer as a share of the best on offer: 1.0 for the best, 0.0 for poor."""
        top = rating_value(self.best)
        if top <= 0:
            return 1.0  # nothing better was offered
        return rating_value(self.choice) / top

    @property
    def is_best(self) -> bool:
        return self.value >= 1.0

    @property
    def rating(self) -> str:
        """best / okay / poor against what was offered here."""
        if self.is_best:
            return "best"
        return "poor" if self.value <= 0 else "okay"

    def points_possible(self) -> dict[str, int]:
        """Per dimension, the most any offered answer gained here (never below 0)."""
        possible: dict[str, int] = {}
        for choice in self.offered:
            for slug, value in choice.points.items():
                possible[slug] = max(possible.get(slug, 0), value)
        return possible


def decision_score(decisions: Iterable[Decision]) -> int | None:
    """0-100: the mean share of the best on offer over the decisions; None without any."""
    values = [decision.value for decision in decisions]
    if not values:
        return None
    return round(100 * sum(values) / len(values))


def points_possible(decisions: Iterable[Decision]) -> dict[str, int]:
    """Per attitude, the most these decisions offered: the sum of each one's best."""
    possible: dict[str, int] = {}
    for decision in decisions:
        for slug, value in decision.points_possible().items():
            possible[slug] = possible.get(slug, 0) + value
    return possible


@dataclass(frozen=True)
class Path:
    """A play-through from the start to an ending (ending None: it stopped on a broken link)."""

    decisions: tuple[Decision, ...]
    ending: Node | None
    state: PlayState
    steps: tuple[str, ...] = ()  # node keys visited, in order

    @property
    def score(self) -> int | None:
        return decision_score(self.decisions)

    @property
    def tone(self) -> str:
        return self.ending.tone if self.ending else ""


def checks_gain(node: Node, ticked: Iterable[int]) -> tuple[dict[str, int], tuple[str, ...]]:
    """What ticking these self-checks of a written reply adds: points and flags."""
    ticked = set(ticked)
    points: dict[str, int] = {}
    flags: list[str] = []
    for check in node.checks:
        if check.index not in ticked:
            continue
        for slug, value in check.points.items():
            points[slug] = points.get(slug, 0) + value
        if check.flag:
            flags.append(check.flag)
    return points, tuple(sorted(set(flags)))


def after_checks(state: PlayState, node: Node, ticked: Iterable[int]) -> PlayState:
    """The play state once the learner has ticked these self-checks on a written reply."""
    points, flags = checks_gain(node, ticked)
    return state.plus(points, 0, flags)


def after_step(state: PlayState, *, points: dict, mood: int, flags: Iterable[str]) -> PlayState:
    """The play state once a recorded answer (its points, mood and flags) is added."""
    return state.plus(points, mood, flags)


def tick_options(node: Node) -> list[list[int]]:
    """The ways a written reply is followed through: every self-check ticked, and (when it has
    any) none ticked."""
    every = [check.index for check in node.checks]
    return [every, []] if node.checks else [every]


Picker = Callable[[Node, list[Choice]], Choice]


Ticks = Callable[[Node], Iterable[int]]


def play(graph: Graph, pick: Picker, *, ticks: Ticks | None = None) -> Path:
    """Play from the start, answering each choice node with `pick(node, offered)` and each
    written reply by ticking `ticks(node)` (default: every self-check, as a careful reply would)."""
    ticks = ticks or (lambda node: [check.index for check in node.checks])
    state = PlayState()
    decisions: list[Decision] = []
    visited: list[str] = []
    node = graph.start
    while node is not None and not node.is_ending and len(visited) <= len(graph.nodes):
        visited.append(node.key)
        if node.kind == CHOICE:
            offered = node.offered_choices(state)
            if not offered:
                break
            choice = pick(node, offered)
            decisions.append(Decision(node, state, tuple(offered), choice))
            state = after_choice(state, choice)
            node = graph.node(choice.next_key)
        elif node.kind == FREE_TEXT:
            state = after_checks(state, node, ticks(node))
            node = graph.node(node.next_key)
        else:
            break
    ending = node if node is not None and node.is_ending else None
    return Path(tuple(decisions), ending, state, tuple(visited))


def best_path(graph: Graph) -> Path:
    """The path that takes the strongest answer on offer at every decision."""
    return play(graph, lambda node, offered: strongest(offered))


def all_paths(graph: Graph, *, limit: int = 20000) -> list[Path]:
    """Every path from the start (each self-check set all ticked or none), up to `limit`."""
    paths: list[Path] = []
    # (node key, state, decisions so far, keys visited)
    stack: list[tuple[str, PlayState, tuple[Decision, ...], tuple[str, ...]]] = [
        (graph.start_key, PlayState(), (), ())
    ]
    while stack and len(paths) < limit:
        key, state, decisions, visited = stack.pop()
        node = graph.node(key)
        if node is None or node.is_ending or key in visited:
            ending = node if node is not None and node.is_ending else None
            paths.append(Path(decisions, ending, state, visited))
            continue
        visited = (*visited, key)
        if node.kind == CHOICE:
            offered = tuple(node.offered_choices(state))
            if not offered:
                paths.append(Path(decisions, None, state, visited))
            for choice in reversed(offered):
                decision = Decision(node, state, offered, choice)
                stack.append(
                    (choice.next_key, after_choice(state, choice), (*decisions, decision), visited)
                )
        elif node.kind == FREE_TEXT:
            for ticked in tick_options(node):
                stack.append((node.next_key, after_checks(state, node, ticked), decisions, visited))
    return paths


_WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: "sorry", not "the"


def words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def pick_first(node: Node, offered: list[Choice]) -> Choice:
    return offered[0]


def pick_longest(node: Node, offered: list[Choice]) -> Choice:
    return max(offered, key=lambda choice: len(choice.text.split()))


def pick_echoing_feedback(node: Node, offered: list[Choice]) -> Choice:
    """The answer sharing the most words with the node's feedback: the author's vocabulary."""
    feedback = words(" ".join(choice.feedback for choice in node.choices))
    return max(offered, key=lambda choice: len(words(choice.text) & feedback))


STRATEGIES: dict[str, Picker] = {
    "first": pick_first,
    "longest": pick_longest,
    "echoing the feedback": pick_echoing_feedback,
}


@dataclass
class ContentFigures:
    """What a set of scenarios gives away by form: where the best answer sits and how long it is."""

    choice_nodes: int = 0
    best_first: int = 0
    best_longest: int = 0
    options: list[int] = field(default_factory=list)
    length_spreads: list[float] = field(default_factory=list)  # longest / shortest, per node
    non_negative_two: int = 0  # nodes with at least two answers rated above poor

    def add(self, graph: Graph) -> None:
        for node in graph.nodes.values():
            if node.kind != CHOICE or len(node.choices) < 2:
                continue
            self.choice_nodes += 1
            top = rating_value(strongest(node.choices))
            best = [c for c in node.choices if rating_value(c) == top]
            lengths = [len(choice.text.split()) for choice in node.choices]
            self.best_first += node.choices[0] in best
            self.best_longest += any(len(c.text.split()) == max(lengths) for c in best)
            self.options.append(len(node.choices))
            self.length_spreads.append(max(lengths) / max(1, min(lengths)))
            self.non_negative_two += sum(c.rating != "poor" for c in node.choices) >= 2
