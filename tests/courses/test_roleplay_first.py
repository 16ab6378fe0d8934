"""A module may open with the role-play; the story and insight after it read as its debrief."""

from __future__ import annotations

import sys
from pathlib import Path

from factories import key_insight, story, takeaways
from helpers import modules_of, soup, step_url

sys.path.insert(0, str(Path(__file__).parent.parent / "scenarios"))
import play_helpers as ph


def kinds(response) -> list[str]:
    return [p.get_text(strip=True) for p in soup(response).select(".step__kind")]


def test_after_the_role_play_the_story_and_insight_read_as_the_debrief(make_course, learner_client):
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    steps = [ph.roleplay_step(scenario), story(), key_insight(), takeaways()]
    module = modules_of(make_course(modules=1, steps=steps))[0]
    ph.play_good_path(learner_client, step_url(module, 1))
    learner_client.post(step_url(module, 1), {"action": "next"})

    assert kinds(learner_client.get(step_url(module, 2))) == ["Debrief: the story behind it"]
    assert "is based on this story" in soup(learner_client.get(step_url(module, 2))).get_text()
    learner_client.post(step_url(module, 2), {"action": "next"})
    assert kinds(learner_client.get(step_url(module, 3))) == ["Debrief: the key insight"]


def test_before_the_role_play_the_story_and_insight_read_as_the_lesson(make_course, learner_client):
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    steps = [story(), key_insight(), ph.roleplay_step(scenario), takeaways()]
    module = modules_of(make_course(modules=1, steps=steps))[0]

    assert kinds(learner_client.get(step_url(module, 1))) == ["Story"]
    learner_client.post(step_url(module, 1), {"action": "next"})
    assert kinds(learner_client.get(step_url(module, 2))) == ["Key insight"]
