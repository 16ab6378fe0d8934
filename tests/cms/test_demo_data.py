"""The demo course's data files: stories in Markdown under their step's heading, read the way
seed_demo reads them; a file that does not fit says where."""

from __future__ import annotations

import re

import pytest

from cms.demo_data import demo_course, demo_modules, demo_scenarios

MODULE = """---
slug: a-module
title: A module
steps:
- type: story
  heading: The first visit
- type: key_insight
  heading: Why it matters
  insight: People remember how it felt.
- type: takeaways
  heading: Try this
  items: [one, two]
---

## The first visit

She came in *twice* that week,
and the **second** time she stayed.

Then she told her friends.

## Why it matters

Because it felt like being seen.
"""


def test_every_demo_module_has_its_stories_and_a_role_play():
    modules = demo_modules()

    assert len(modules) == 13
    assert {module["slug"] for module in modules} == set(demo_scenarios())
    for module in modules:
        stories = [value for kind, value in module["steps"] if kind == "story"]
        assert stories, module["slug"]
        assert all(story["body"].startswith("<p>") for story in stories), module["slug"]
        assert module["source_title"], module["slug"]
    assert demo_course()["description"].startswith("<p>")


def test_a_story_in_markdown_is_stored_as_the_editor_stores_rich_text(tmp_path):
    (tmp_path / "01-a-module.md").write_text(MODULE)

    [module] = demo_modules(tmp_path)

    [story, insight, takeaways] = module["steps"]
    assert story == (
        "story",
        {
            "heading": "The first visit",
            "body": "<p>She came in <i>twice</i> that week, and the <b>second</b> time she "
            "stayed.</p><p>Then she told her friends.</p>",
        },
    )
    assert insight[1]["explanation"] == "<p>Because it felt like being seen.</p>"
    assert takeaways == ("takeaways", {"heading": "Try this", "items": ["one", "two"]})


def test_a_section_under_the_wrong_heading_names_the_file_and_both_headings(tmp_path):
    (tmp_path / "01-a-module.md").write_text(MODULE.replace("## The first visit", "## First"))

    message = "01-a-module.md: section “First” is not “The first visit”"
    with pytest.raises(ValueError, match=re.escape(message)):
        demo_modules(tmp_path)


def test_a_section_without_a_step_is_refused(tmp_path):
    (tmp_path / "01-a-module.md").write_text(MODULE + "\n## An extra part\n\nText.\n")

    with pytest.raises(ValueError, match="no step for the section “An extra part”"):
        demo_modules(tmp_path)
