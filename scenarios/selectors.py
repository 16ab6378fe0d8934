"""Reads for role-plays. Each runs a fixed number of queries, whatever the graph or history size."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import QuerySet

from .graph import CHOICE, Graph, Node, PlayState, graph_from_raw
from .models import Attempt, AttemptStep, Scenario
from .scoring import Decision, after_step


def live_scenarios() -> QuerySet[Scenario]:
    return Scenario.objects.filter(live=True)


@lru_cache(maxsize=256)
def _graph_for_revision(revision_id: int, start_key: str, nodes_json: str) -> Graph:
    return graph_from_raw(start_key, json.loads(nodes_json) if nodes_json else [])


def graph_for_attempt(attempt: Attempt) -> Graph:
    """The graph of the revision the attempt plays. Revisions never change, so it is cached."""
    content = attempt.revision.content
    nodes = content.get("nodes") or "[]"
    if not isinstance(nodes, str):
        nodes = json.dumps(nodes)
    return _graph_for_revision(attempt.revision_id, content.get("start_key") or "", nodes)


def attempts_for(*, user, scenario_id: int, page_id: int | None, step_id: str) -> list[Attempt]:
    """The learner's attempts at one role-play step, newest first (one query)."""
    return list(
        Attempt.objects.filter(
            user=user, scenario_id=scenario_id, context_page_id=page_id, context_step_id=step_id
        )
        .select_related("revision")
        .order_by("-number")
    )


def attempt_for_user(*, user, attempt_id: int) -> Attempt | None:
    return (
        Attempt.objects.filter(pk=attempt_id, user=user)
        .select_related("revision", "scenario")
        .first()
    )


@dataclass
class TranscriptLine:
    step: AttemptStep
    node: Node | None

    @property
    def speaker_is_narrator(self) -> bool:
        return bool(self.node and self.node.speaker == "narrator")


@dataclass
class DimensionScore:
    slug: str
    name: str
    points: int
    possible: int | None = None  # the most the decisions taken offered on this attitude

    @property
    def sign(self) -> str:
        return "positive" if self.points > 0 else "negative" if self.points < 0 else "zero"


def transcript(*, attempt: Attempt, graph: Graph) -> list[TranscriptLine]:
    steps = AttemptStep.objects.filter(attempt=attempt).order_by("sequence")
    return [TranscriptLine(step=step, node=graph.node(step.node_key)) for step in steps]


def scores(
    *, points: dict[str, int], names: dict[str, str], possible: dict[str, int] | None = None
) -> list[DimensionScore]:
    """Points per dimension in the model's order, each beside the most on offer when known;
    dimensions never touched are left out."""
    possible = possible or {}
    touched = {*points, *(slug for slug, value in possible.items() if value)}
    ordered = [slug for slug in names if slug in touched]
    ordered += sorted(slug for slug in touched if slug not in names)
    return [
        DimensionScore(slug, names.get(slug, slug), int(points.get(slug, 0)), possible.get(slug))
        for slug in ordered
    ]


def decisions_of(*, graph: Graph, steps: list[AttemptStep]) -> dict[int, Decision]:
    """The attempt's choices as scored decisions by step sequence, each against what its node
    offered then.

    The play state is rebuilt from the recorded steps, so a revision's conditions offer the same
    choices they offered the learner.
    """
    state = PlayState()
    decisions = {}
    for step in steps:
        node = graph.node(step.node_key)
        if node is not None and node.kind == CHOICE and step.choice_index is not None:
            offered = tuple(node.offered_choices(state))
            choice = next((c for c in offered if c.index == step.choice_index), None)
            if choice is not None:
                decisions[step.sequence] = Decision(node, state, offered, choice)
        state = after_step(state, points=step.points, mood=step.mood, flags=step.flags)
    return decisions
