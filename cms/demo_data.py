"""The demo course as data: demo/dimensions.yaml, demo/questionnaire.yaml and
demo/scenarios/<module slug>.yaml (in the shape the StreamField stores).

Kept apart from seed_demo so authors can check the content (tests/cms/test_demo_teaching.py)
without a database.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from scenarios.graph import Graph, graph_from_raw

DEMO_DIR = Path(settings.BASE_DIR) / "demo"


def _load(name: str):
    with (DEMO_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def demo_dimensions() -> list[dict]:
    """The shared attitude dimensions: slug, name, description, in display order."""
    return _load("dimensions.yaml")


@cache
def demo_questionnaire() -> dict:
    """The self-assessment: title, introduction, scale_points, items."""
    return _load("questionnaire.yaml")


@cache
def demo_scenarios() -> dict[str, dict]:
    """Every demo role-play, keyed by the slug of the module that plays it (file name order)."""
    result = {}
    for path in sorted((DEMO_DIR / "scenarios").glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            result[path.stem] = yaml.safe_load(handle)
    return result


def demo_graph(module_slug: str) -> Graph:
    data = demo_scenarios()[module_slug]
    return graph_from_raw(data["start_key"], data["nodes"])
