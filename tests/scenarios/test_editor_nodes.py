"""The editor draws a node's fields only once the author opens it; an unopened node posts its
stored value as one hidden field (scenarios.blocks.BaseNodeBlock), read and validated like the
fields it stands for."""

from __future__ import annotations

import json

import play_helpers as ph
from django.urls import reverse
from wagtail.admin.telepath import registry

from scenarios.blocks import STORED_INPUT, STORED_STATE, NodeBlockAdapter
from scenarios.models import Scenario

STREAM = Scenario._meta.get_field("nodes").stream_block


def edit_url(scenario: Scenario) -> str:
    return reverse("wagtailsnippets_scenarios_scenario:edit", args=[scenario.pk])


def stored_nodes(scenario: Scenario) -> list[tuple]:
    """Each node's type and value (list items as plain values; the form data here has no ids)."""
    nodes = Scenario.objects.get(pk=scenario.pk).nodes
    return [(n.block_type, n.block.get_api_representation(n.value)) for n in nodes]


def posted_unopened(data: dict, index: int, stored) -> dict:
    """The form data with node `index` unopened: no fields, its stored value as one input."""
    prefix = f"nodes-{index}-value"
    data = {name: value for name, value in data.items() if not name.startswith(f"{prefix}-")}
    data[f"{prefix}-{STORED_INPUT}"] = stored if isinstance(stored, str) else json.dumps(stored)
    return data


def node_prep_value(scenario: Scenario, index: int) -> dict:
    child = scenario.nodes[index]
    return child.block.get_prep_value(child.value)


def test_every_node_is_drawn_by_the_lazy_definition_with_its_stored_value_in_its_state():
    for name in ("choice", "free_text", "ending"):
        assert isinstance(registry.find_adapter(type(STREAM.child_blocks[name])), NodeBlockAdapter)
    scenario = ph.scenario_create(title="State", start="n0", nodes=ph.chain_nodes(3))
    child = scenario.nodes[0]
    state = child.block.get_form_state(child.value)
    assert state[STORED_STATE] == child.block.get_prep_value(child.value)
    assert state["key"] == "n0"


def test_unopened_nodes_are_saved_as_they_were_and_opened_ones_as_edited(root_client):
    scenario = ph.scenario_create(title="Chain", start="n0", nodes=ph.chain_nodes(4))
    nodes = ph.chain_nodes(4)
    nodes[1]["value"]["text"] = "Edited in the open node."
    data = ph.scenario_form_data(title="Chain", start="n0", nodes=nodes, publish=True)
    for index in (0, 2, 3):
        data = posted_unopened(data, index, node_prep_value(scenario, index))
    before = stored_nodes(scenario)

    response = root_client.post(edit_url(scenario), data)

    assert response.status_code == 302, ph.text(response)
    after = stored_nodes(scenario)
    assert [node for i, node in enumerate(after) if i != 1] == [
        node for i, node in enumerate(before) if i != 1
    ]
    assert after[1][1]["text"] == "Edited in the open node."
    assert Scenario.objects.get(pk=scenario.pk).graph.node("n1").text == "Edited in the open node."


def test_a_stored_value_is_validated_like_the_fields(root_client):
    scenario = ph.scenario_create(title="Chain", start="n0", nodes=ph.chain_nodes(3))
    data = ph.scenario_form_data(title="Chain", start="n0", nodes=ph.chain_nodes(3), publish=True)
    broken = {**node_prep_value(scenario, 1), "key": "Not A Key"}
    before = stored_nodes(scenario)

    response = root_client.post(edit_url(scenario), posted_unopened(data, 1, broken))

    assert response.status_code == 200
    error = response.context["form"].errors["nodes"].as_data()[0]
    assert list(error.block_errors) == [1]  # shown on that node, which the editor opens
    assert "key" in error.block_errors[1].block_errors
    assert stored_nodes(scenario) == before


def test_a_stored_value_that_is_not_json_reads_the_fields_instead(root_client):
    scenario = ph.scenario_create(title="Chain", start="n0", nodes=ph.chain_nodes(3))
    data = ph.scenario_form_data(title="Chain", start="n0", nodes=ph.chain_nodes(3), publish=True)
    data["nodes-1-value-stored"] = "{not json"

    response = root_client.post(edit_url(scenario), data)

    assert response.status_code == 302, ph.text(response)
    assert Scenario.objects.get(pk=scenario.pk).graph.node("n1").text == "Line number 1."
