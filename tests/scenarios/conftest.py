"""Role-play test data: dimensions, scenarios built from raw StreamField data, admin clients."""

from __future__ import annotations

import pytest
from factories import ScenarioFactory, UserFactory
from helpers import signed_in
from wagtail import blocks

from assessments.models import Dimension
from people.roles import Role
from scenarios.models import Scenario
from scenarios.services import SCENARIO_DATA_FIELDS


def choice(text, next_key, *, points=None, condition=None, feedback="", reaction="", mood="0"):
    return {
        "text": text,
        "next_key": next_key,
        "feedback": feedback,
        "reaction": reaction,
        "mood": mood,
        "points": [{"dimension": slug, "points": value} for slug, value in (points or {}).items()],
        "condition": (
            {"dimension": condition[0], "minimum": condition[1]}
            if condition
            else {"dimension": "", "minimum": None}
        ),
    }


def choice_node(key, text, choices, speaker="customer"):
    return {
        "type": "choice",
        "value": {"key": key, "speaker": speaker, "text": text, "choices": choices},
    }


def reply_node(key, text, next_key, prompt="Say it in your own words.", rubric=("empathy",)):
    return {
        "type": "free_text",
        "value": {
            "key": key,
            "speaker": "customer",
            "text": text,
            "prompt": prompt,
            "exemplar": "I am sorry you waited.",
            "rubric": list(rubric),
            "next_key": next_key,
        },
    }


def ending_node(key, text="Bye", *, outcome="Happy", tone="good", debrief="Well done"):
    return {
        "type": "ending",
        "value": {
            "key": key,
            "speaker": "customer",
            "text": text,
            "outcome": outcome,
            "tone": tone,
            "debrief": debrief,
        },
    }


def two_way_nodes() -> list[dict]:
    """Start “a”: choice 1 leads to a good ending “b”, choice 2 to a poor ending “c”."""
    return [
        choice_node(
            "a",
            "My car is still not ready!",
            [
                choice(
                    "I'm sorry, let me check now.",
                    "b",
                    points={"empathy": 2},
                    feedback="You owned it.",
                    reaction="He relaxes.",
                    mood="1",
                ),
                choice("We are busy today.", "c", points={"empathy": -1}, mood="-1"),
            ],
        ),
        ending_node("b", "Thanks.", outcome="Leaves happy", tone="good", debrief="Well done"),
        ending_node(
            "c", "Never again.", outcome="Leaves angry", tone="poor", debrief="Listen first"
        ),
    ]


def form_data_for(block, value, prefix: str, data: dict) -> dict:
    """The POST data the admin's StreamField widget would send for a raw value."""
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, item in enumerate(value):
            data[f"{prefix}-{index}-type"] = item["type"]
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = ""
            child = block.child_blocks[item["type"]]
            form_data_for(child, item["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(value or []))
        for index, item in enumerate(value or []):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = ""
            form_data_for(block.child_block, item, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            form_data_for(child, (value or {}).get(name), f"{prefix}-{name}", data)
    else:
        data[prefix] = "" if value is None else str(value)
    return data


def scenario_form_data(scenario: Scenario) -> dict:
    """The edit form as the admin posts it: the scenario's fields, then its nodes."""
    data = {name: getattr(scenario, name) for name in SCENARIO_DATA_FIELDS}
    block = Scenario._meta.get_field("nodes").stream_block
    return form_data_for(block, list(scenario.nodes.raw_data), "nodes", data)


@pytest.fixture
def dimensions():
    return [
        Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    ]


@pytest.fixture
def make_scenario(dimensions):
    """A scenario from raw nodes; published (with a live revision) unless publish=False."""

    def make(nodes=None, *, start_key="a", publish=True, **fields):
        fields.setdefault("title", "The late service")
        fields.setdefault("persona_name", "Anil Mehta")
        fields.setdefault("persona_pronunciation", "UH-nil")
        fields.setdefault("persona_situation", "His car was due at nine; it is eleven now.")
        fields.setdefault("learner_role", "You are the service advisor.")
        return ScenarioFactory(
            start_key=start_key,
            nodes=nodes if nodes is not None else two_way_nodes(),
            publish=publish,
            **fields,
        )

    return make


@pytest.fixture
def superuser():
    return UserFactory(
        roles=[Role.PLATFORM_ADMIN], is_superuser=True, organisation=None, email="root@example.org"
    )


@pytest.fixture
def superuser_client(superuser):
    return signed_in(superuser)


@pytest.fixture
def root_client(superuser):
    """The platform admin signed in, with the shared dimensions in place."""
    import play_helpers

    play_helpers.dimensions_ensure()
    return signed_in(superuser)
