"""The checks that gate publishing a scenario: each problem is found and names its node."""

from __future__ import annotations

import play_helpers as ph
import pytest
from django.urls import reverse

from scenarios.graph import graph_from_raw, graph_problems
from scenarios.models import Scenario

DIMENSIONS = {"empathy", "ownership", "acknowledgement"}


def problems_of(nodes: list[dict], start: str = "opening", dimensions=DIMENSIONS) -> list[str]:
    return [str(p) for p in graph_problems(graph_from_raw(start, nodes), dimensions=dimensions)]


def ending(key: str = "done") -> dict:
    return ph.ending_node(key, outcome="Over", tone="good")


def test_a_valid_graph_has_no_problems():
    assert problems_of(ph.call_centre_nodes()) == []


def test_a_graph_without_nodes_is_refused():
    assert problems_of([]) == ["The scenario has no nodes."]


def test_a_graph_without_a_start_is_refused():
    problems = problems_of(ph.call_centre_nodes(), start="")

    assert problems == ["The scenario has no start: choose the first node."]


def test_a_start_that_is_no_nodes_key_is_refused_and_named():
    problems = problems_of(ph.call_centre_nodes(), start="hello")

    assert problems == ["The start “hello” is not the key of any node."]


def test_a_choice_pointing_at_a_missing_node_names_the_node_and_the_missing_key():
    nodes = [
        ph.choice_node(
            "opening",
            "Hello?",
            [ph.choice("Hi", "done"), ph.choice("Go away", "nowhere")],
        ),
        ending(),
    ]

    problems = problems_of(nodes)

    assert problems == [
        "Node “opening”: the choice “Go away” points at “nowhere”, which does not exist."
    ]


def test_a_reply_pointing_at_a_missing_node_names_both():
    nodes = [
        ph.choice_node("opening", "Hello?", [ph.choice("Hi", "write")]),
        ph.free_text_node("write", "Say sorry.", next_key="gone"),
        ending(),
    ]

    problems = problems_of(nodes)

    assert "Node “write”: the reply points at “gone”, which does not exist." in problems
    assert "Node “done”: it cannot be reached from the start." in problems


def test_an_unreachable_node_is_named():
    nodes = [
        ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done")]),
        ph.choice_node("orphan", "Nobody gets here.", [ph.choice("Bye", "done")]),
        ending(),
    ]

    assert problems_of(nodes) == ["Node “orphan”: it cannot be reached from the start."]


def test_a_cycle_without_an_exit_is_named_node_by_node():
    nodes = [
        ph.choice_node(
            "opening", "Hello?", [ph.choice("Hi", "done"), ph.choice("Let me check", "hold")]
        ),
        ph.choice_node("hold", "Still waiting…", [ph.choice("One more minute", "loop")]),
        ph.choice_node("loop", "Hello? Anyone?", [ph.choice("Back on hold", "hold")]),
        ending(),
    ]

    problems = problems_of(nodes)

    assert problems == [
        "Node “hold”: no path from here ever reaches an ending.",
        "Node “loop”: no path from here ever reaches an ending.",
    ]


def test_a_cycle_with_an_exit_is_fine():
    nodes = [
        ph.choice_node("opening", "Hello?", [ph.choice("Let me check", "hold")]),
        ph.choice_node(
            "hold", "Still waiting…", [ph.choice("More hold", "opening"), ph.choice("Done", "done")]
        ),
        ending(),
    ]

    assert problems_of(nodes) == []


def test_a_graph_without_any_ending_is_refused():
    nodes = [ph.choice_node("opening", "Hello?", [ph.choice("Hi", "opening")])]

    problems = problems_of(nodes)

    assert "The scenario has no ending." in problems
    assert "Node “opening”: no path from here ever reaches an ending." in problems


def test_a_choice_node_whose_every_choice_is_conditional_is_named():
    nodes = [
        ph.choice_node(
            "opening",
            "Hello?",
            [
                ph.choice("Warm", "done", condition=("empathy", 1)),
                ph.choice("Warmer", "done", condition=("ownership", 2)),
            ],
        ),
        ending(),
    ]

    assert problems_of(nodes) == [
        "Node “opening”: every choice has a condition; add one that is always offered."
    ]


def test_one_unconditional_choice_is_enough():
    nodes = [
        ph.choice_node(
            "opening",
            "Hello?",
            [ph.choice("Warm", "done", condition=("empathy", 1)), ph.choice("Plain", "done")],
        ),
        ending(),
    ]

    assert problems_of(nodes) == []


def test_duplicate_keys_are_named():
    nodes = [
        ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done")]),
        ph.choice_node("opening", "Hello again?", [ph.choice("Hi", "done")]),
        ending(),
    ]

    assert problems_of(nodes) == ["Node “opening”: the key is used by more than one node."]


def test_a_blank_key_is_refused():
    nodes = [
        ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done")]),
        ph.choice_node("", "Who am I?", [ph.choice("Hi", "done")]),
        ending(),
    ]

    assert problems_of(nodes) == ["A node has no key."]


def test_unknown_dimensions_in_points_and_conditions_are_named():
    nodes = [
        ph.choice_node(
            "opening",
            "Hello?",
            [
                ph.choice("Hi", "done", points={"empathy": 1, "patience": 2}),
                ph.choice("Hey", "done", condition=("charm", 1)),
            ],
        ),
        ending(),
    ]

    problems = problems_of(nodes)

    assert problems == [
        "Node “opening”: the choice “Hi” uses an unknown dimension “patience”.",
        "Node “opening”: the choice “Hey” uses an unknown dimension “charm”.",
    ]
    # Without a list of dimensions to check against, slugs are not judged.
    assert problems_of(nodes, dimensions=None) == []


def test_the_admin_listblock_format_is_read_like_plain_lists():
    """The admin saves ListBlock items as {"type": "item", "value": ...}; both mean the same."""
    plain = ph.call_centre_nodes()
    wrapped = ph.call_centre_nodes()
    for item in wrapped:
        value = item["value"]
        if item["type"] == "choice":
            for choice in value["choices"]:
                choice["points"] = [{"type": "item", "value": p} for p in choice["points"]]
            value["choices"] = [{"type": "item", "value": c, "id": "x"} for c in value["choices"]]
        elif item["type"] == "free_text":
            value["rubric"] = [{"type": "item", "value": s} for s in value["rubric"]]

    assert graph_from_raw("opening", wrapped) == graph_from_raw("opening", plain)
    assert graph_from_raw("opening", wrapped).node("probe").choices[0].condition.minimum == 2
    assert graph_from_raw("opening", wrapped).node("write").rubric == ("empathy",)


# --- the same checks, met in the admin when publishing -----------------------------------------

BROKEN = {
    "no start": (
        "",
        ph.call_centre_nodes,
        "The scenario has no start: choose the first node.",
    ),
    "missing start": (
        "hello",
        ph.call_centre_nodes,
        "The start “hello” is not the key of any node.",
    ),
    "dangling choice": (
        "opening",
        lambda: [
            ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done"), ph.choice("No", "gone")]),
            ending(),
        ],
        "Node “opening”: the choice “No” points at “gone”, which does not exist.",
    ),
    "unreachable": (
        "opening",
        lambda: [
            ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done")]),
            ph.choice_node("orphan", "Nobody comes.", [ph.choice("Bye", "done")]),
            ending(),
        ],
        "Node “orphan”: it cannot be reached from the start.",
    ),
    "never ends": (
        "opening",
        lambda: [
            ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done"), ph.choice("Hm", "hold")]),
            ph.choice_node("hold", "Waiting…", [ph.choice("Wait", "hold")]),
            ending(),
        ],
        "Node “hold”: no path from here ever reaches an ending.",
    ),
    "all conditional": (
        "opening",
        lambda: [
            ph.choice_node(
                "opening", "Hello?", [ph.choice("Hi", "done", condition=("empathy", 1))]
            ),
            ending(),
        ],
        "Node “opening”: every choice has a condition; add one that is always offered.",
    ),
    "duplicate keys": (
        "opening",
        lambda: [
            ph.choice_node("opening", "Hello?", [ph.choice("Hi", "done")]),
            ending(),
            ending(),
        ],
        "Node “done”: the key is used by more than one node.",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_admin_refuses_to_publish_a_broken_graph_and_says_why(root_client, case):
    start, nodes, message = BROKEN[case]
    data = ph.scenario_form_data(title=f"Broken: {case}", start=start, nodes=nodes(), publish=True)

    response = root_client.post(reverse("wagtailsnippets_scenarios_scenario:add"), data)

    assert response.status_code == 200
    assert "This scenario cannot be published yet, so it was not saved" in ph.text(response)
    assert message in ph.text(response)
    assert not Scenario.objects.filter(live=True).exists()
    assert not Scenario.objects.filter(title=f"Broken: {case}").exists()
