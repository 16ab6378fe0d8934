"""Publish checks on what tests the play state: conditions on mood and flags, variants of a
line, self-checks. Each problem names its node; a sound graph has none."""

from __future__ import annotations

import play_helpers as ph
import pytest
from bs4 import BeautifulSoup

from scenarios.diagram import diagram_svg
from scenarios.graph import PlayState, graph_from_raw, graph_problems
from scenarios.models import Scenario
from scenarios.templatetags.scenario_tags import play_through_html

DIMENSIONS = {"empathy", "ownership"}


def graph_with(*, opening: dict | None = None, choices: list[dict] | None = None, reply=None):
    """opening -> (reply ->) end; `opening` and `choices` add fields to the opening node."""
    after = "reply" if reply is not None else "end"
    choices = choices or [ph.choice("I'll call you by Friday.", after, points={"empathy": 1})]
    node = ph.choice_node("opening", "Where is my parcel?", choices)
    node["value"].update(opening or {})
    nodes = [node]
    if reply is not None:
        free = ph.free_text_node("reply", "Go on.", next_key="end")
        free["value"].update(reply)
        nodes.append(free)
    nodes.append(ph.ending_node("end", outcome="Maya hangs up"))
    return graph_from_raw("opening", nodes)


def messages(graph) -> list[str]:
    return [str(problem) for problem in graph_problems(graph, dimensions=DIMENSIONS)]


def condition(test: str, *, dimension: str = "", minimum: int | None = None, flag: str = ""):
    return {"test": test, "dimension": dimension, "minimum": minimum, "flag": flag}


def test_a_flag_set_by_a_choice_may_be_tested_by_a_later_line():
    promised = ph.choice("I'll call you by Friday.", "end", points={"empathy": 1})
    promised["sets_flags"] = "promised-friday"
    variant = {"condition": condition("flag_set", flag="promised-friday"), "text": "Friday, then."}
    graph = graph_with(choices=[promised], opening={"variants": [variant]})

    assert messages(graph) == []
    assert graph.node("opening").choices[0].sets_flags == ("promised-friday",)


def test_a_flag_no_answer_sets_is_named_with_its_node():
    variant = {"condition": condition("flag_set", flag="promised-friday"), "text": "Friday, then."}
    graph = graph_with(opening={"variants": [variant]})

    assert messages(graph) == [
        "Node “opening”: variant 1 tests the flag “promised-friday”, which no answer or "
        "self-check sets."
    ]


def test_a_flag_a_self_check_sets_counts_as_set():
    check = {"text": "Did I give a date?", "flag": "gave-a-date", "points": []}
    wary = ph.choice("Go on.", "reply")
    wary["condition"] = condition("flag_not_set", flag="gave-a-date")
    graph = graph_with(reply={"checks": [check]}, choices=[ph.choice("Sorry.", "reply"), wary])

    assert messages(graph) == []


def test_a_mood_outside_its_range_and_a_variant_without_a_test_are_refused():
    moody = ph.choice("Calm down.", "end")
    moody["condition"] = condition("mood_at_least", minimum=7)
    blank = {"condition": condition("points_at_least"), "text": "Again?"}
    silent = {"condition": condition("mood_at_most", minimum=-1), "text": ""}
    graph = graph_with(
        choices=[ph.choice("Sorry.", "end"), moody], opening={"variants": [blank, silent]}
    )

    assert messages(graph) == [
        "Node “opening”: the choice “Calm down.” tests a mood of 7; the mood runs from -5 to 5.",
        "Node “opening”: variant 1 tests nothing, so it would never be said: give it a condition.",
        "Node “opening”: variant 2 says nothing.",
    ]


def test_unknown_dimensions_in_variants_and_self_checks_are_named():
    variant = {
        "condition": condition("points_at_least", dimension="charm", minimum=1),
        "text": "Hm.",
    }
    check = {"text": "Did I smile?", "flag": "", "points": [{"dimension": "charm", "points": 1}]}
    graph = graph_with(opening={"variants": [variant]}, reply={"checks": [check]})

    assert messages(graph) == [
        "Node “opening”: variant 1 uses an unknown dimension “charm”.",
        "Node “reply”: the self-check “Did I smile?” uses an unknown dimension “charm”.",
    ]


def test_a_choice_conditioned_on_the_mood_uses_no_dimension():
    moody = ph.choice("Let me make it right.", "end")
    moody["condition"] = condition("mood_at_most", minimum=-1)
    graph = graph_with(choices=[ph.choice("Sorry.", "end"), moody])

    assert messages(graph) == []
    shown = graph.node("opening").offered_choices(PlayState(mood=-2))
    assert [c.text for c in shown] == ["Sorry.", "Let me make it right."]
    assert [c.text for c in graph.node("opening").offered_choices(PlayState())] == ["Sorry."]


@pytest.mark.parametrize(
    ("test", "extra", "label"),
    [
        ("mood_at_most", {"minimum": -1}, "if mood ≤ -1"),
        ("flag_set", {"flag": "promised"}, "if “promised”"),
        ("flag_not_set", {"flag": "promised"}, "unless “promised”"),
        ("points_at_most", {"dimension": "empathy", "minimum": 0}, "if Empathy ≤ 0"),
    ],
)
def test_the_diagram_labels_each_kind_of_condition(test, extra, label):
    promised = ph.choice("By Friday.", "end")
    promised["sets_flags"] = "promised"
    conditional = ph.choice("Let me make it right.", "end")
    conditional["condition"] = condition(test, **extra)
    graph = graph_with(choices=[promised, conditional])

    assert label in str(diagram_svg(graph, names={"empathy": "Empathy"}))


def test_publishing_a_scenario_that_tests_a_flag_nobody_sets_is_refused(root_client):
    ph.dimensions_ensure()
    nodes = [
        ph.choice_node(
            "opening",
            "Where is my parcel?",
            [ph.choice("I'll look now.", "end", points={"empathy": 1})],
        ),
        ph.ending_node("end", outcome="Maya hangs up"),
    ]
    nodes[0]["value"]["variants"] = [
        {"condition": condition("flag_set", flag="promised-friday"), "text": "Friday, then."}
    ]
    data = ph.scenario_form_data(title="Flags", start="opening", nodes=nodes, publish=True)

    response = root_client.post("/admin/snippets/scenarios/scenario/add/", data, follow=True)

    assert "tests the flag “promised-friday”, which no answer or self-check sets" in ph.text(
        response
    )
    assert not Scenario.objects.filter(title="Flags", live=True).exists()


def test_the_play_through_carries_flags_and_mood_along_each_path():
    promised = ph.choice("I'll call you by Friday.", "follow-up", mood=1)
    promised["sets_flags"] = "promised-friday"
    vague = ph.choice("Someone will be in touch.", "follow-up", mood=-1)
    remind = ph.choice("As promised, it is Friday: here is the news.", "end")
    remind["condition"] = condition("flag_set", flag="promised-friday")
    soothe = ph.choice("I can hear this has gone on too long.", "end")
    soothe["condition"] = condition("mood_at_most", minimum=-1)
    nodes = [
        ph.choice_node("opening", "Where is my parcel?", [promised, vague]),
        ph.choice_node("follow-up", "So?", [ph.choice("Here is the news.", "end"), remind, soothe]),
        ph.ending_node("end", outcome="Maya hangs up"),
    ]
    html = play_through_html(graph_from_raw("opening", nodes), {"empathy": "Empathy"})
    page = BeautifulSoup(str(html), "html.parser")

    first, second = page.select("ol.play-choices")[0].find_all("li", recursive=False)
    offered_after = [
        [
            " ".join(li.summary.get_text().split())
            for li in branch.select("ol.play-choices > li")
            if "play-choice--not-offered" not in li["class"]
        ]
        for branch in (first, second)
    ]
    assert offered_after == [
        [
            "1. Here is the news.",
            "2. As promised, it is Friday: here is the news. (if “promised-friday”)",
        ],
        ["1. Here is the news.", "3. I can hear this has gone on too long. (if mood ≤ -1)"],
    ]
    assert "Not offered on this path." in second.get_text()
