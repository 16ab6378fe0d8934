"""A scenario's conversation graph as plain data, and the checks that gate publishing.

The StreamField is the authoring format; everything that plays, checks or draws a scenario works
on this neutral form, so it needs no database and behaves the same for any revision.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

CHOICE = "choice"
FREE_TEXT = "free_text"
ENDING = "ending"
TONES = ("good", "mixed", "poor")


@dataclass(frozen=True)
class Condition:
    dimension: str
    minimum: int

    def holds(self, points: dict[str, int]) -> bool:
        return points.get(self.dimension, 0) >= self.minimum


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

    def offered(self, points: dict[str, int]) -> bool:
        return self.condition is None or self.condition.holds(points)


@dataclass(frozen=True)
class Node:
    key: str
    kind: str
    speaker: str = "customer"
    text: str = ""
    choices: tuple[Choice, ...] = ()
    # free text
    prompt: str = ""
    exemplar: str = ""
    rubric: tuple[str, ...] = ()
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

    def offered_choices(self, points: dict[str, int]) -> list[Choice]:
        return [choice for choice in self.choices if choice.offered(points)]


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
        if kind == CHOICE:
            choices = []
            for index, raw in enumerate(_list_items(value.get("choices"))):
                condition = raw.get("condition") or {}
                dimension = (condition.get("dimension") or "").strip()
                points = {}
                for row in _list_items(raw.get("points")):
                    slug = (row.get("dimension") or "").strip()
                    if slug:
                        points[slug] = points.get(slug, 0) + _int(row.get("points"))
                choices.append(
                    Choice(
                        index=index,
                        text=raw.get("text") or "",
                        next_key=(raw.get("next_key") or "").strip(),
                        feedback=raw.get("feedback") or "",
                        reaction=raw.get("reaction") or "",
                        mood=_int(raw.get("mood")),
                        points=points,
                        condition=(
                            Condition(dimension, _int(condition.get("minimum")))
                            if dimension
                            else None
                        ),
                    )
                )
            nodes[key] = Node(**common, choices=tuple(choices))
        elif kind == FREE_TEXT:
            nodes[key] = Node(
                **common,
                prompt=value.get("prompt") or "",
                exemplar=value.get("exemplar") or "",
                rubric=tuple(slug for slug in _list_items(value.get("rubric")) if slug),
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
                if dimensions is not None:
                    used = set(choice.points)
                    if choice.condition:
                        used.add(choice.condition.dimension)
                    for slug in sorted(used - dimensions):
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
