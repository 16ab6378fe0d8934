"""The one reachability search: steps from the start, and which nodes can get somewhere."""

from __future__ import annotations

import play_helpers as ph

from scenarios.graph import graph_from_raw, reachable


def graph():
    return graph_from_raw(
        "opening",
        [
            ph.choice_node("opening", "Hello?", [ph.choice("Hi", "ask"), ph.choice("Bye", "done")]),
            ph.free_text_node("ask", "Tell me more", next_key="done"),
            ph.ending_node("done", outcome="Over", tone="good"),
            ph.choice_node("island", "Nobody gets here", [ph.choice("On", "done")]),
        ],
    )


def test_forwards_each_node_reached_from_the_start_with_its_steps():
    assert reachable(graph(), ["opening"]) == {"opening": 0, "ask": 1, "done": 1}


def test_backwards_the_nodes_that_can_get_to_a_target():
    assert set(reachable(graph(), ["ask"], backwards=True)) == {"ask", "opening"}
    assert set(reachable(graph(), ["done"], backwards=True)) == {"done", "ask", "opening", "island"}
