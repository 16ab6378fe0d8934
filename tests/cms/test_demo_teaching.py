"""The demo role-plays teach: no answer is given away by its place, length or wording, and the
score agrees with the lesson. Runs on the demo/ data files, no database."""

from __future__ import annotations

import pytest

from assessments.dimensions import SHARED_DIMENSIONS
from cms.demo_data import demo_graph, demo_scenarios
from scenarios.graph import graph_problems
from scenarios.scoring import STRATEGIES, all_paths, best_path, play

SLUGS = list(demo_scenarios())


def test_there_are_thirteen_demo_role_plays():
    assert len(SLUGS) == 13


@pytest.mark.parametrize("strategy", list(STRATEGIES))
def test_no_fixed_strategy_reaches_a_good_ending_in_more_than_one_role_play(strategy):
    pick = STRATEGIES[strategy]
    good = [slug for slug in SLUGS if play(demo_graph(slug), pick).tone == "good"]
    assert len(good) <= 1, f"always {strategy!r} ends well in {good}"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_best_path_ends_well_and_scores_full_marks(slug):
    path = best_path(demo_graph(slug))
    assert path.tone == "good", path.steps
    assert path.score == 100


@pytest.mark.parametrize("slug", SLUGS)
def test_the_score_agrees_with_the_ending(slug):
    paths = [path for path in all_paths(demo_graph(slug)) if path.ending is not None]
    top = max(path.score for path in paths)
    assert all(path.tone == "good" for path in paths if path.score == top)
    good = [path.score for path in paths if path.tone == "good"]
    poor = [(path.score, path.steps) for path in paths if path.tone == "poor"]
    assert good, "no path ends well"
    outscoring = [(score, steps) for score, steps in poor if score >= min(good)]
    assert not outscoring, f"poor endings scoring {min(good)} or more: {outscoring}"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_demo_role_play_passes_the_publish_checks(slug):
    dimensions = {dimension["slug"] for dimension in SHARED_DIMENSIONS}
    assert [str(p) for p in graph_problems(demo_graph(slug), dimensions=dimensions)] == []
