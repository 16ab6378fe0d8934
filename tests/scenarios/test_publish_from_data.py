"""Loading a role-play or a questionnaire from data files (as seed_demo loads demo/): checked as
the editor's Publish checks it, and bad data saves nothing."""

from __future__ import annotations

import play_helpers as ph
import pytest
from django.core.exceptions import ValidationError

from assessments.models import Questionnaire
from assessments.services import QuestionnaireError, questionnaire_publish_from_data
from scenarios.models import Scenario
from scenarios.services import scenario_publish_from_data


def scenario_data(**overrides) -> dict:
    data = {
        "title": "The late parcel",
        "persona_name": "Maya Pillai",
        "persona_situation": "Maya ordered a present that never came.",
        "start_key": "opening",
        "feedback_timing": "debrief",
        "nodes": ph.call_centre_nodes(),
    }
    return {**data, **overrides}


def test_a_role_play_from_data_is_published_as_given():
    ph.dimensions_ensure()
    scenario = scenario_publish_from_data(data=scenario_data())

    assert scenario.live and scenario.live_revision_id
    assert scenario.feedback_timing == "debrief"
    assert scenario.graph.start.text == ph.OPENING_LINE


def test_a_role_play_with_an_unknown_dimension_names_the_field_and_saves_nothing():
    ph.dimensions_ensure()
    nodes = ph.call_centre_nodes()
    nodes[0]["value"]["choices"][0]["points"][0]["dimension"] = "patience"

    with pytest.raises(ValidationError) as raised:
        scenario_publish_from_data(data=scenario_data(nodes=nodes))

    assert any(m.startswith("nodes.0.choices.0.points.0.dimension:") for m in raised.value.messages)
    assert not Scenario.objects.exists()


def test_a_role_play_that_fails_the_publish_checks_saves_nothing():
    ph.dimensions_ensure()
    with pytest.raises(ValidationError) as raised:
        scenario_publish_from_data(data=scenario_data(start_key="nowhere"))

    assert any("nowhere" in message for message in raised.value.messages)
    assert not Scenario.objects.exists()


def test_a_questionnaire_from_data_keeps_its_order_and_reverse_items():
    ph.dimensions_ensure()
    questionnaire = questionnaire_publish_from_data(
        data={
            "title": "How I work",
            "introduction": "Six statements.",
            "scale_points": 5,
            "items": [
                {"statement": "I listen first.", "dimension": "empathy"},
                {"statement": "It's not my job.", "dimension": "ownership", "reverse_scored": True},
            ],
        }
    )

    assert questionnaire.live
    items = list(questionnaire.items.order_by("sort_order"))
    assert [(i.statement, i.dimension.slug, i.reverse_scored) for i in items] == [
        ("I listen first.", "empathy", False),
        ("It's not my job.", "ownership", True),
    ]


def test_a_questionnaire_with_an_unknown_dimension_saves_nothing():
    ph.dimensions_ensure()
    with pytest.raises(QuestionnaireError, match="patience"):
        questionnaire_publish_from_data(
            data={"title": "X", "items": [{"statement": "S", "dimension": "patience"}]}
        )
    assert not Questionnaire.objects.exists()
