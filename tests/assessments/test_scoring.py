"""Scoring a Likert questionnaire by hand-worked numbers: reverse items, 0-100, one decimal."""

from __future__ import annotations

import pytest

from assessments.scoring import ScoredItem, dimension_scores, item_score


@pytest.mark.parametrize(("value", "expected"), [(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)])
def test_a_reverse_scored_item_is_flipped_on_a_5_point_scale(value, expected):
    assert item_score(value=value, points=5, reverse=True) == expected
    assert item_score(value=value, points=5, reverse=False) == value


@pytest.mark.parametrize(
    ("value", "expected"), [(1, 7), (2, 6), (3, 5), (4, 4), (5, 3), (6, 2), (7, 1)]
)
def test_a_reverse_scored_item_is_flipped_on_a_7_point_scale(value, expected):
    assert item_score(value=value, points=7, reverse=True) == expected
    assert item_score(value=value, points=7, reverse=False) == value


@pytest.mark.parametrize(
    ("points", "value"), [(5, 0), (5, -1), (5, 6), (5, 9), (7, 0), (7, 8), (7, 9)]
)
def test_a_value_off_the_scale_raises(points, value):
    with pytest.raises(ValueError, match="outside the scale"):
        item_score(value=value, points=points, reverse=False)
    with pytest.raises(ValueError):
        item_score(value=value, points=points, reverse=True)
    with pytest.raises(ValueError):
        dimension_scores([ScoredItem("empathy", value)], points=points)


@pytest.mark.parametrize(
    ("points", "value", "expected"),
    [(5, 1, 0.0), (5, 5, 100.0), (5, 3, 50.0), (7, 1, 0.0), (7, 7, 100.0), (7, 4, 50.0)],
)
def test_the_ends_and_middle_of_the_scale_map_to_0_100_and_50(points, value, expected):
    items = [ScoredItem("empathy", value), ScoredItem("empathy", value)]

    assert dimension_scores(items, points=points) == {"empathy": expected}


@pytest.mark.parametrize("points", [5, 7])
def test_all_lowest_answers_on_reverse_items_score_100(points):
    items = [ScoredItem("empathy", 1, reverse=True), ScoredItem("empathy", 1, reverse=True)]

    assert dimension_scores(items, points=points) == {"empathy": 100.0}
    items = [ScoredItem("empathy", points, reverse=True)] * 2
    assert dimension_scores(items, points=points) == {"empathy": 0.0}


def test_a_mixed_5_point_example_worked_by_hand():
    # Empathy: 4 -> 4; 2 reversed -> 4; 5 -> 5. Mean 13/3 = 4.333..; (4.333 - 1) / 4 = 0.8333
    #          -> 83.333.. -> 83.3
    # Ownership: 1 reversed -> 5; 3 -> 3. Mean 4; (4 - 1) / 4 = 0.75 -> 75.0
    items = [
        ScoredItem("empathy", 4),
        ScoredItem("ownership", 1, reverse=True),
        ScoredItem("empathy", 2, reverse=True),
        ScoredItem("ownership", 3),
        ScoredItem("empathy", 5),
    ]

    assert dimension_scores(items, points=5) == {"empathy": 83.3, "ownership": 75.0}


def test_a_mixed_7_point_example_worked_by_hand():
    # Empathy: 6 -> 6; 3 reversed -> 5. Mean 5.5; (5.5 - 1) / 6 = 0.75 -> 75.0
    # Ownership: 2 -> 2; 7 reversed -> 1; 1 reversed -> 7. Mean 10/3 = 3.333..;
    #            (3.333 - 1) / 6 = 0.3888.. -> 38.888.. -> 38.9
    items = [
        ScoredItem("empathy", 6),
        ScoredItem("empathy", 3, reverse=True),
        ScoredItem("ownership", 2),
        ScoredItem("ownership", 7, reverse=True),
        ScoredItem("ownership", 1, reverse=True),
    ]

    assert dimension_scores(items, points=7) == {"empathy": 75.0, "ownership": 38.9}


@pytest.mark.parametrize(
    ("points", "values", "expected"),
    [
        (5, (1, 1, 2), 8.3),  # mean 4/3: (1/3) / 4 = 0.0833.. -> 8.3
        (5, (2, 2, 3), 33.3),  # mean 7/3: (4/3) / 4 = 0.333.. -> 33.3
        (5, (4, 4, 5), 83.3),  # mean 13/3: (10/3) / 4 = 0.8333.. -> 83.3
        (7, (2, 3, 3), 27.8),  # mean 8/3: (5/3) / 6 = 0.2777.. -> 27.8
        (7, (1, 1, 2), 5.6),  # mean 4/3: (1/3) / 6 = 0.0555.. -> 5.6
    ],
)
def test_scores_are_rounded_to_one_decimal(points, values, expected):
    scores = dimension_scores([ScoredItem("empathy", v) for v in values], points=points)

    assert scores == {"empathy": expected}
    assert isinstance(scores["empathy"], float)


def test_no_items_give_no_scores():
    assert dimension_scores([], points=5) == {}
