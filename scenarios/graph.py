"""A scenario's conversation graph as plain data, and the checks that gate publishing.

The StreamField is the authoring format; everything that plays, checks or draws a scenario works
on this neutral form, so it needs no database and behaves the same for any revision.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

CHOICE = "choice"
FREE_TEXT = "free_text"
ENDING = "ending"
TONES = ("good", "mixed", "poor")


# What a rating is worth at one decision: the best choice a node offered counts 2, so no path
# that recovers from a poor answer can reach the score of one that never needed to.
RATING_VALUES = {"best": 2, "okay": 1, "poor": 0}
MOOD_RANGE = (-5, 5)

POINTS_AT_LEAST = "points_at_least"
POINTS_AT_MOST = "points_at_most"
MOOD_AT_LEAST = "mood_at_least"
MOOD_AT_MOST = "mood_at_most"
FLAG_SET = "flag_set"
FLAG_NOT_SET = "flag_not_set"
POINT_TESTS = (POINTS_AT_LEAST, POINTS_AT_MOST)
MOOD_TESTS = (MOOD_AT_LEAST, MOOD_AT_MOST)
FLAG_TESTS = (FLAG_SET, FLAG_NOT_SET)
CONDITION_TESTS = (*POINT_TESTS, *MOOD_TESTS, *FLAG_TESTS)


@dataclass(frozen=True)
class PlayState:
    """Where a play-through stands: what conditions test. Points per dimension slug, the
    customer's mood (0 at the start, within MOOD_RANGE) and the flags set so far."""

    points: dict[str, int] = field(default_factory=dict)
    mood: int = 0
    flags: frozenset[str] = frozenset()

    def plus(self, points: dict[str, int], mood: int = 0, flags: Iterable[str] = ()) -> PlayState:
        """This state once an answer's points are added, its mood change made (within
        MOOD_RANGE) and its flags set: the one rule every answer follows."""
        total = dict(self.points)
        for slug, value in points.items():
            total[slug] = total.get(slug, 0) + int(value)
        moved = max(MOOD_RANGE[0], min(MOOD_RANGE[1], self.mood + int(mood)))
        return PlayState(points=total, mood=moved, flags=self.flags | frozenset(flags))


@dataclass(frozen=True)
class Condition:
    """One test on the play state. `value` is the points or the mood compared with."""

    test: str
    dimension: str = ""
    value: int = 0
    flag: str = ""

    def holds(self, state: PlayState) -> bool:
        if self.test == POINTS_AT_LEAST:
            return state.points.get(self.dimension, 0) >= self.value
        if self.test == POINTS_AT_MOST:
            return state.points.get(self.dimension, 0) <= self.value
        if self.test == MOOD_AT_LEAST:
            return state.mood >= self.value
        if self.test == MOOD_AT_MOST:
            return state.mood <= self.value
        if self.test == FLAG_SET:
            return self.flag in state.flags
        if self.test == FLAG_NOT_SET:
            return self.flag not in state.flags
        return False  # an unknown test (graph_problems reports it) never opens a branch

    @property
    def minimum(self) -> int:  # the name the stored value uses
        return self.value


@dataclass(frozen=True)
class Variant:
    """A node's line (and an ending's debrief) said instead when the condition holds."""

    condition: Condition | None  # None: tests nothing, never used (graph_problems says so)
    text: str = ""
    debrief: str = ""


@dataclass(frozen=True)
class SelfCheck:
    """A question the learner ticks about their own written reply; a tick sets a flag and
    adds points."""

    index: int
    text: str
    flag: str = ""
    points: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    index: int
    text: str
    next_key: str
    feedback: str = ""
    reaction: str = ""
    mood: int = 0
    points: dict[str, int] = field(default_factory=dict)
    condition: Condition | None = None
    # best / okay / poor against the node's best choice; "" until the node rates its choices.
    rating: str = ""
    sets_flags: tuple[str, ...] = ()

    def offered(self, state: PlayState) -> bool:
        return self.condition is None or self.condition.holds(state)


@dataclass(frozen=True)
class Node:
    key: str
    kind: str
    speaker: str = "customer"
    text: str = ""
    choices: tuple[Choice, ...] = ()
    variants: tuple[Variant, ...] = ()
    # free text
    prompt: str = ""
    exemplar: str = ""
    rubric: tuple[str, ...] = ()
    checks: tuple[SelfCheck, ...] = ()
    next_key: str = ""
    # ending
    outcome: str = ""
    tone: str = ""
    debrief: str = ""

    @property
    def is_ending(self) -> bool:
        return self.kind == ENDING

    def successors(self) -> list[str]:
        if self.kind == CHOICE:
            return [choice.next_key for choice in self.choices]
        if self.kind == FREE_TEXT:
            return [self.next_key] if self.next_key else []
        return []

    def offered_choices(self, state: PlayState) -> list[Choice]:
        return [choice for choice in self.choices if choice.offered(state)]

    def variant_for(self, state: PlayState) -> Variant | None:
        return next((v for v in self.variants if v.condition and v.condition.holds(state)), None)

    def text_for(self, state: PlayState) -> str:
        """The line said on this path: the first variant whose condition holds, else the line."""
        variant = self.variant_for(state)
        return variant.text if variant and variant.text else self.text

    def debrief_for(self, state: PlayState) -> str:
        variant = self.variant_for(state)
        return variant.debrief if variant and variant.debrief else self.debrief


def after_choice(state: PlayState, choice: Choice) -> PlayState:
    """The play state once `choice` is taken."""
    return state.plus(choice.points, choice.mood, choice.sets_flags)


def rating_value(choice: Choice) -> int:
    return RATING_VALUES.get(choice.rating, 0)


def strongest(choices: Iterable[Choice]) -> Choice:
    """The best-rated of these choices (the first authored one of equal rating)."""
    return max(choices, key=rating_value)


def shown_order(choices: list[Choice], *, seed: int, node_key: str) -> list[Choice]:
    """The choices in the order one attempt shows them at one node.

    The order comes from the attempt's seed and the node, so it is the same on every reload
    and on resume, and differs between attempts: the position of an answer tells nothing.
    Seed 0 (attempts started before shuffling) keeps the authored order they were shown in.
    """
    if not seed:
        return list(choices)
    shown = list(choices)
    random.Random(f"{seed}:{node_key}").shuffle(shown)  # an order, not a secret
    return shown


def rated(choices: list[Choice]) -> list[Choice]:
    """Each choice with its rating: the author's, else by total points within the node (the
    highest best, a negative total poor, the rest okay)."""
    if all(choice.rating for choice in choices):
        return choices
    totals = [sum(choice.points.values()) for choice in choices]
    top = max(totals, default=0)
    result = []
    for choice, total in zip(choices, totals, strict=True):
        rating = choice.rating
        if not rating:
            rating = "best" if total == top and total > 0 else "poor" if total < 0 else "okay"
        result.append(replace(choice, rating=rating))
    return result


@dataclass(frozen=True)
class Graph:
    start_key: str
    nodes: dict[str, Node]
    order: tuple[str, ...] = ()

    def node(self, key: str) -> Node | None:
        return self.nodes.get(key)

    @property
    def start(self) -> Node | None:
        return self.nodes.get(self.start_key)


@dataclass(frozen=True)
class Problem:
    node_key: str
    message: str
    about_start: bool = False

    def __str__(self) -> str:
        if self.node_key:
            return _("Node “%(key)s”: %(message)s") % {
                "key": self.node_key,
                "message": self.message,
            }
        return self.message


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def graph_from_raw(start_key: str, raw_nodes: list[dict]) -> Graph:
    """Build a Graph from StreamField raw data: [{"type": kind, "value": {...}}, ...]."""
    nodes: dict[str, Node] = {}
    order: list[str] = []
    for item in raw_nodes or []:
        kind = item.get("type")
        value = item.get("value") or {}
        key = (value.get("key") or "").strip()
        if not key or key in nodes:
            # Duplicates and blank keys are reported by graph_problems_raw; keep the first.
            order.append(key)
            continue
        common = {"key": key, "kind": kind, "speaker": value.get("speaker") or "customer"}
        common["text"] = value.get("text") or ""
        common["variants"] = tuple(_variants(value.get("variants")))
        if kind == CHOICE:
            choices = []
            for index, raw in enumerate(_list_items(value.get("choices"))):
                rating = (raw.get("rating") or "").strip()
                choices.append(
                    Choice(
                        index=index,
                        text=raw.get("text") or "",
                        next_key=(raw.get("next_key") or "").strip(),
                        feedback=raw.get("feedback") or "",
                        reaction=raw.get("reaction") or "",
                        mood=_int(raw.get("mood")),
                        points=_points(raw.get("points")),
                        condition=condition_from_raw(raw.get("condition")),
                        rating=rating,
                        sets_flags=_flags(raw.get("sets_flags")),
                    )
                )
            nodes[key] = Node(**common, choices=tuple(rated(choices)))
        elif kind == FREE_TEXT:
            checks = tuple(
                SelfCheck(
                    index=index,
                    text=raw.get("text") or "",
                    flag=(raw.get("flag") or "").strip(),
                    points=_points(raw.get("points")),
                )
                for index, raw in enumerate(_list_items(value.get("checks")))
            )
            nodes[key] = Node(
                **common,
                prompt=value.get("prompt") or "",
                exemplar=value.get("exemplar") or "",
                rubric=tuple(slug for slug in _list_items(value.get("rubric")) if slug),
                checks=checks,
                next_key=(value.get("next_key") or "").strip(),
            )
        elif kind == ENDING:
            nodes[key] = Node(
                **common,
                outcome=value.get("outcome") or "",
                tone=value.get("tone") or "mixed",
                debrief=value.get("debrief") or "",
            )
        order.append(key)
    return Graph(start_key=(start_key or "").strip(), nodes=nodes, order=tuple(order))


def _points(value) -> dict[str, int]:
    points: dict[str, int] = {}
    for row in _list_items(value):
        slug = (row.get("dimension") or "").strip()
        if slug:
            points[slug] = points.get(slug, 0) + _int(row.get("points"))
    return points


def _flags(value) -> tuple[str, ...]:
    parts = value if isinstance(value, list | tuple) else (value or "").split(",")
    return tuple(dict.fromkeys(part.strip() for part in parts if part and part.strip()))


def condition_from_raw(raw) -> Condition | None:
    """A stored condition (block value or raw dict), or None when it tests nothing.

    A condition stored before tests had a choice holds {"dimension", "minimum"}: points at least.
    """
    raw = raw or {}
    test = (raw.get("test") or POINTS_AT_LEAST).strip()
    dimension = (raw.get("dimension") or "").strip()
    flag = (raw.get("flag") or "").strip()
    if test in POINT_TESTS and not dimension:
        return None
    if test in FLAG_TESTS and not flag:
        return None
    return Condition(test=test, dimension=dimension, value=_int(raw.get("minimum")), flag=flag)


def _variants(value) -> list[Variant]:
    variants = []
    for raw in _list_items(value):
        variants.append(
            Variant(
                condition=condition_from_raw(raw.get("condition")),
                text=raw.get("text") or "",
                debrief=raw.get("debrief") or "",
            )
        )
    return variants


def _list_items(value) -> list:
    """ListBlock raw data is either a plain list or [{"type": "item", "value": v, "id": ...}]."""
    items = []
    for item in value or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        else:
            items.append(item)
    return items


def graph_problems(graph: Graph, *, dimensions: set[str] | None = None) -> list[Problem]:
    """Everything that stops a scenario from being published, each naming its node."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for key in graph.order:
        if not key:
            problems.append(Problem("", _("A node has no key.")))
        elif key in seen:
            problems.append(Problem(key, _("the key is used by more than one node.")))
        seen.add(key)
    if not graph.nodes:
        return [*problems, Problem("", _("The scenario has no nodes."))]
    if not graph.start_key:
        return [
            *problems,
            Problem("", _("The scenario has no start: choose the first node."), about_start=True),
        ]
    if graph.start is None:
        return [
            *problems,
            Problem(
                "",
                _("The start “%(key)s” is not the key of any node.") % {"key": graph.start_key},
                about_start=True,
            ),
        ]
    if not any(node.is_ending for node in graph.nodes.values()):
        problems.append(Problem("", _("The scenario has no ending.")))

    for node in graph.nodes.values():
        if node.kind == CHOICE:
            if not node.choices:
                problems.append(Problem(node.key, _("it offers no choices.")))
            elif all(choice.condition for choice in node.choices):
                problems.append(
                    Problem(
                        node.key,
                        _("every choice has a condition; add one that is always offered."),
                    )
                )
            for choice in node.choices:
                label = choice.text[:40] or str(choice.index + 1)
                if not choice.next_key:
                    problems.append(
                        Problem(node.key, _("the choice “%(c)s” has no next node.") % {"c": label})
                    )
                elif choice.next_key not in graph.nodes:
                    problems.append(
                        Problem(
                            node.key,
                            _("the choice “%(c)s” points at “%(next)s”, which does not exist.")
                            % {"c": label, "next": choice.next_key},
                        )
                    )
                if dimensions is not None:  # its condition: _state_problems
                    for slug in sorted(set(choice.points) - dimensions):
                        problems.append(
                            Problem(
                                node.key,
                                _("the choice “%(c)s” uses an unknown dimension “%(d)s”.")
                                % {"c": label, "d": slug},
                            )
                        )
        elif node.kind == FREE_TEXT:
            if not node.next_key:
                problems.append(Problem(node.key, _("the reply has no next node.")))
            elif node.next_key not in graph.nodes:
                problems.append(
                    Problem(
                        node.key,
                        _("the reply points at “%(next)s”, which does not exist.")
                        % {"next": node.next_key},
                    )
                )

    problems += _state_problems(graph, dimensions=dimensions)

    reached = reachable(graph, [graph.start_key])
    for key in graph.order:
        if key and key in graph.nodes and key not in reached:
            problems.append(Problem(key, _("it cannot be reached from the start.")))

    finishing = _can_finish(graph)
    for key in graph.order:
        node = graph.nodes.get(key)
        if node and key in reached and key not in finishing:
            problems.append(Problem(key, _("no path from here ever reaches an ending.")))
    return problems


def _condition_problems(
    node_key: str, where: str, condition: Condition, *, dimensions: set[str] | None, set_flags
) -> list[Problem]:
    """What is wrong with one condition; `where` names it ("the choice “…”", "variant 2")."""
    args = {"where": where}
    if condition.test not in CONDITION_TESTS:
        return [Problem(node_key, _("%(where)s uses an unknown test.") % args)]
    if condition.test in MOOD_TESTS and not MOOD_RANGE[0] <= condition.value <= MOOD_RANGE[1]:
        message = _("%(where)s tests a mood of %(value)d; the mood runs from %(low)d to %(high)d.")
        args.update(value=condition.value, low=MOOD_RANGE[0], high=MOOD_RANGE[1])
        return [Problem(node_key, message % args)]
    if condition.test in FLAG_TESTS and condition.flag not in set_flags:
        message = _("%(where)s tests the flag “%(flag)s”, which no answer or self-check sets.")
        return [Problem(node_key, message % {**args, "flag": condition.flag})]
    if (
        condition.test in POINT_TESTS
        and dimensions is not None
        and condition.dimension not in dimensions
    ):
        message = _("%(where)s uses an unknown dimension “%(d)s”.")
        return [Problem(node_key, message % {**args, "d": condition.dimension})]
    return []


def _state_problems(graph: Graph, *, dimensions: set[str] | None) -> list[Problem]:
    """The checks on what tests the play state: every condition (of choices and variants),
    flags, moods and self-checks."""
    set_flags = {
        flag for node in graph.nodes.values() for c in node.choices for flag in c.sets_flags
    }
    set_flags |= {
        check.flag for node in graph.nodes.values() for check in node.checks if check.flag
    }
    problems: list[Problem] = []
    for node in graph.nodes.values():
        for choice in node.choices:
            if choice.condition:
                where = _("the choice “%(c)s”") % {"c": choice.text[:40] or str(choice.index + 1)}
                problems += _condition_problems(
                    node.key, where, choice.condition, dimensions=dimensions, set_flags=set_flags
                )
        for number, variant in enumerate(node.variants, start=1):
            where = _("variant %(n)d") % {"n": number}
            if variant.condition is None:
                message = _(
                    "%(where)s tests nothing, so it would never be said: give it a condition."
                )
                problems.append(Problem(node.key, message % {"where": where}))
            else:
                problems += _condition_problems(
                    node.key, where, variant.condition, dimensions=dimensions, set_flags=set_flags
                )
            if not variant.text.strip() and not variant.debrief.strip():
                problems.append(Problem(node.key, _("%(where)s says nothing.") % {"where": where}))
        for check in node.checks:
            if dimensions is not None:
                for slug in sorted(set(check.points) - dimensions):
                    message = _("the self-check “%(q)s” uses an unknown dimension “%(d)s”.")
                    problems.append(Problem(node.key, message % {"q": check.text[:40], "d": slug}))
    return problems


def reachable(graph: Graph, starts: Iterable[str], *, backwards: bool = False) -> dict[str, int]:
    """The one reachability search: every node reached from `starts`, with its number of steps.

    Breadth-first along the arrows (node to successor), or against them with `backwards` (which
    nodes can get to one of `starts`). The starts are included at 0 steps.
    """
    if backwards:
        neighbours: dict[str, list[str]] = {key: [] for key in graph.nodes}
        for node in graph.nodes.values():
            for successor in node.successors():
                if successor in neighbours:
                    neighbours[successor].append(node.key)
    else:
        neighbours = {key: node.successors() for key, node in graph.nodes.items()}
    steps = dict.fromkeys(starts, 0)
    queue = deque(steps)
    while queue:
        key = queue.popleft()
        for neighbour in neighbours.get(key, ()):
            if neighbour in graph.nodes and neighbour not in steps:
                steps[neighbour] = steps[key] + 1
                queue.append(neighbour)
    return steps


def _can_finish(graph: Graph) -> set[str]:
    """Nodes from which some path reaches an ending."""
    endings = [key for key, node in graph.nodes.items() if node.is_ending]
    return set(reachable(graph, endings, backwards=True))


def layers(graph: Graph) -> list[list[str]]:
    """Nodes grouped by their distance from the start (unreachable ones last), for drawing."""
    if graph.start is None:
        return [list(graph.nodes)] if graph.nodes else []
    depth = reachable(graph, [graph.start_key])
    result: list[list[str]] = []
    for key in graph.order:
        if key in depth:
            while len(result) <= depth[key]:
                result.append([])
            result[depth[key]].append(key)
    orphans = [key for key in graph.order if key in graph.nodes and key not in depth]
    if orphans:
        result.append(orphans)
    return result
