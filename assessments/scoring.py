"""Scoring a Likert questionnaire: reverse-scored items flipped, a 0-100 score per dimension."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ScoredItem:
    dimension: str
    value: int
    reverse: bool = False


def item_score(*, value: int, points: int, reverse: bool) -> int:
    """The answer on the scale 1..points, flipped for a reverse-scored item (1 <-> points)."""
    if not 1 <= value <= points:
        raise ValueError(f"{value} is outside the scale 1..{points}")
    return points + 1 - value if reverse else value


def dimension_scores(items: Iterable[ScoredItem], *, points: int) -> dict[str, float]:
    """Mean item score per dimension, mapped linearly from 1..points onto 0..100 (one decimal)."""
    totals: dict[str, list[int]] = defaultdict(list)
    for item in items:
        totals[item.dimension].append(
            item_score(value=item.value, points=points, reverse=item.reverse)
        )
    return {
        dimension: round((sum(values) / len(values) - 1) / (points - 1) * 100, 1)
        for dimension, values in totals.items()
    }
