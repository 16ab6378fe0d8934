"""The conversation diagram: every node and arrow drawn, problems visible, all text escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import choice, choice_node, ending_node, reply_node, two_way_nodes

from scenarios.diagram import diagram_legend, diagram_svg
from scenarios.graph import graph_from_raw

SVG = "{http://www.w3.org/2000/svg}"


def graph_of(nodes, start="a"):
    return graph_from_raw(start, nodes)


def arrows(svg: str) -> int:
    return svg.count("marker-end=")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to prove it is well-formed


def texts(svg: str) -> str:
    return " ".join("".join(element.itertext()) for element in parse(svg).iter(f"{SVG}text"))


def branching_nodes():
    """a → b, c, d; b → e (if), f; c → a (a cycle); d → e; e ending; f reply → e; z orphan."""
    return [
        choice_node(
            "a",
            "Where is my car?",
            [choice("Sorry", "b"), choice("Wait", "c"), choice("Busy", "d")],
        ),
        choice_node(
            "b",
            "Hm.",
            [choice("Offer a car", "e", condition=("empathy", 2)), choice("Ask", "f")],
        ),
        choice_node("c", "What?", [choice("Start again", "a")]),
        choice_node("d", "Really?", [choice("Yes", "e")]),
        ending_node("e", outcome="Done", tone="mixed"),
        reply_node("f", "Go on.", "e"),
        ending_node("z", outcome="Nobody gets here", tone="good"),
    ]


def test_the_diagram_is_an_accessible_self_contained_svg():
    svg = str(diagram_svg(graph_of(two_way_nodes())))
    root = parse(svg)

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert "starts at “a”" in root.find(f"{SVG}desc").text
    assert root.get("viewBox").startswith("0 0 ")
    assert "<script" not in svg
    assert not re.search(r"\son[a-z]+=", svg)  # no inline event handlers
    assert "style=" not in svg  # the site's CSP allows no inline styles
    assert "href=" not in svg.replace("url(#", "")  # nothing external


def test_every_node_key_is_drawn_and_every_edge_has_an_arrow():
    graph = graph_of(branching_nodes())
    svg = str(diagram_svg(graph))
    drawn = texts(svg)

    for key in graph.nodes:
        assert key in drawn
    edges = sum(len(node.successors()) for node in graph.nodes.values())
    assert edges == 8
    assert arrows(svg) == edges
    assert svg.count('class="sd-badge"') == edges
    # The start is marked, the cycle c → a is drawn through a lane, the orphan is dashed.
    assert "Start" in drawn
    assert "sd-edge--back" in svg
    assert "sd-node--ending sd-node--unreachable" in svg
    assert "unreachable" in drawn


def test_choice_numbers_truncated_text_and_conditions_label_the_arrows():
    nodes = branching_nodes()
    nodes[1]["value"]["choices"][1]["text"] = (
        "Ask what would help most today, and listen to the answer"
    )
    svg = str(diagram_svg(graph_of(nodes)))
    drawn = texts(svg)

    assert "[if empathy ≥ 2] Offer a car" in drawn
    assert "sd-edge--conditional" in svg
    assert "listen to the answer" not in drawn  # cut short in the box …
    assert "Ask what would help most today,…" in drawn
    assert "Ask what would help most today, and listen to the answer" in svg  # … full in <title>
    names = {"empathy": "Empathy"}
    assert "[if Empathy ≥ 2]" in texts(str(diagram_svg(graph_of(nodes), names=names)))


def test_a_dangling_reference_points_at_a_red_missing_box():
    nodes = two_way_nodes()
    nodes[0]["value"]["choices"][1]["next_key"] = "nowhere"
    nodes[0]["value"]["choices"].append(choice("Say nothing", ""))
    svg = str(diagram_svg(graph_of(nodes)))
    drawn = texts(svg)

    assert "missing: nowhere" in drawn
    assert "missing: no next node" in drawn
    assert svg.count("sd-node--missing") == 2
    assert svg.count('marker-end="url(#sd-arrow-missing)"') == 2
    assert arrows(svg) == 3
    assert "Points at missing nodes" in parse(svg).find(f"{SVG}desc").text


def test_endings_are_drawn_distinctly_with_their_tone_in_words():
    svg = str(diagram_svg(graph_of(two_way_nodes())))
    drawn = texts(svg)

    assert svg.count("sd-node--ending") == 2
    assert "Ending · ✓ good" in drawn
    assert "Ending · ✗ poor" in drawn
    assert "url(#sd-tone-poor)" in svg and "url(#sd-tone-good)" in svg
    ending = next(
        group
        for group in parse(svg).iter(f"{SVG}g")
        if "sd-node--ending" in (group.get("class") or "")
    )
    assert len(ending.findall(f"{SVG}rect")) >= 2  # a double border


def test_written_reply_nodes_are_marked():
    nodes = [reply_node("a", "Tell me.", "b"), ending_node("b")]
    drawn = texts(str(diagram_svg(graph_of(nodes))))

    assert "written reply" in drawn


def test_author_text_is_escaped_everywhere():
    nodes = two_way_nodes()
    nodes[0]["value"]["text"] = "<script>alert(1)</script> & more"
    nodes[0]["value"]["choices"][0]["text"] = '"><img src=x onerror=alert(2)>'
    nodes[1]["value"]["outcome"] = "<b>bold</b>"
    svg = str(diagram_svg(graph_of(nodes)))

    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "<img" not in svg and "<b>" not in svg
    assert "onerror=alert(2)" not in svg.replace("&quot;&gt;&lt;img src=x onerror=alert(2)", "")
    parse(svg)  # still well-formed


def test_width_grows_with_the_widest_layer():
    narrow = graph_of([choice_node("a", "Hi", [choice("Bye", "b")]), ending_node("b")])
    wide = graph_of(
        [choice_node("a", "Hi", [choice(str(n), f"e{n}") for n in range(4)])]
        + [ending_node(f"e{n}") for n in range(4)]
    )

    def width(graph):
        return float(parse(str(diagram_svg(graph))).get("viewBox").split()[2])

    assert width(wide) > 3 * width(narrow) * 0.9


def test_an_empty_or_startless_graph_still_draws():
    empty = str(diagram_svg(graph_of([], start="")))
    assert "No nodes yet" in texts(empty)

    startless = str(diagram_svg(graph_of(two_way_nodes(), start="")))
    assert "has no start" in parse(startless).find(f"{SVG}desc").text
    assert arrows(startless) == 2


def test_the_legend_lists_every_connection_in_full():
    nodes = branching_nodes()
    rows = diagram_legend(graph_of(nodes), {"empathy": "Empathy"})

    assert [(row.node_key, row.number, row.next_key) for row in rows if row.number][:4] == [
        ("a", "1", "b"),
        ("a", "2", "c"),
        ("a", "3", "d"),
        ("b", "1", "e"),
    ]
    offer = next(row for row in rows if row.text == "Offer a car")
    assert offer.condition == "if Empathy ≥ 2"
    assert any(row.is_reply and row.node_key == "f" and row.next_key == "e" for row in rows)
    assert any(row.is_ending and row.node_key == "z" for row in rows)


def test_a_duplicated_key_is_drawn_once():
    nodes = [*two_way_nodes(), ending_node("b", outcome="Second b")]
    svg = str(diagram_svg(graph_of(nodes)))

    assert svg.count('class="sd-node sd-node--ending') == 2
    assert arrows(svg) == 2


def test_cycles_and_skips_are_routed_around_the_boxes():
    nodes = [
        choice_node("a", "Hi", [choice("Loop", "a"), choice("Next", "b")]),
        choice_node("b", "Hm", [choice("On", "c"), choice("Back", "a"), choice("Skip", "d")]),
        choice_node("c", "Ok", [choice("On", "e")]),
        ending_node("d"),
        choice_node("e", "So?", [choice("End", "d")]),
    ]
    svg = str(diagram_svg(graph_of(nodes)))
    routed = [
        path.get("d")
        for path in parse(svg).iter(f"{SVG}path")
        if re.search(r"sd-edge--(back|down)", path.get("class") or "")
    ]

    assert arrows(svg) == 7
    assert svg.count("sd-edge--back") == 3  # a → a, b → a, and e → d (a row up)
    assert len(routed) == 3
    assert all(" Q" in d for d in routed)  # rounded corners through the lanes
