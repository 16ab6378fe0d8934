"""The demo course as data: demo/course.md and demo/modules/*.md (front matter in YAML, stories
in Markdown), demo/questionnaire.yaml and demo/scenarios/<module slug>.yaml
(in the shape the StreamField stores).

Kept apart from seed_demo so authors can check the content (tests/cms/test_demo_teaching.py)
without a database.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import markdown
import yaml
from django.conf import settings

from scenarios.graph import Graph, graph_from_raw

DEMO_DIR = Path(settings.BASE_DIR) / "demo"


def _load(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def demo_questionnaire() -> dict:
    """The self-assessment: title, introduction, scale_points, items."""
    return _load(DEMO_DIR / "questionnaire.yaml")


@cache
def demo_scenarios() -> dict[str, dict]:
    """Every demo role-play, keyed by the slug of the module that plays it (file name order)."""
    return {path.stem: _load(path) for path in sorted((DEMO_DIR / "scenarios").glob("*.yaml"))}


def story_html(text: str) -> str:
    """Markdown as the rich-text editor stores it: paragraphs, <b> and <i>, lines joined."""
    html = markdown.markdown(text.strip())
    html = html.replace("<strong>", "<b>").replace("</strong>", "</b>")
    html = html.replace("<em>", "<i>").replace("</em>", "</i>")
    return re.sub(r"\s*\n\s*", " ", html).replace("</p> <p>", "</p><p>")


def _front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _before, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def _sections(body: str) -> list[tuple[str, str]]:
    """The "## heading" sections of a Markdown body, in order."""
    parts = re.split(r"^## (.+)$", body, flags=re.M)
    return [(parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts), 2)]


@cache
def demo_course() -> dict:
    """The course's fields, its description as rich text."""
    data, body = _front_matter(DEMO_DIR / "course.md")
    return {**data, "description": story_html(body)}


@cache
def demo_modules(folder: Path | None = None) -> list[dict]:
    """Every module in file-name order: its fields and steps [(kind, value)], each story's body
    (and a key insight's explanation) taken from the Markdown section under its heading."""
    modules = []
    for path in sorted((folder or DEMO_DIR / "modules").glob("*.md")):
        data, body = _front_matter(path)
        sections = _sections(body)
        steps = []
        for raw in data.pop("steps"):
            value = dict(raw)
            kind = value.pop("type")
            here = sections[0][0] if sections else None
            if kind == "story" or (kind == "key_insight" and here == value.get("heading")):
                heading, text = sections.pop(0)
                if heading != value["heading"]:
                    expected = value["heading"]
                    raise ValueError(f"{path.name}: section “{heading}” is not “{expected}”")
                value["body" if kind == "story" else "explanation"] = story_html(text)
            steps.append((kind, value))
        if sections:
            raise ValueError(f"{path.name}: no step for the section “{sections[0][0]}”")
        modules.append({**data, "steps": steps})
    return modules


def demo_graph(module_slug: str) -> Graph:
    data = demo_scenarios()[module_slug]
    return graph_from_raw(data["start_key"], data["nodes"])
