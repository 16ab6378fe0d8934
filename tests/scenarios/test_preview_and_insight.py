"""Authors preview a scenario (diagram, play-through) and read what learners chose (insight)."""

from __future__ import annotations

import pytest
from conftest import (
    choice,
    choice_node,
    ending_node,
    reply_node,
    scenario_form_data,
    two_way_nodes,
)
from django.contrib.auth.models import Permission
from django.urls import reverse
from factories import UserFactory
from helpers import queries_to_get, signed_in, soup

from people.roles import Role
from scenarios.models import Attempt, AttemptStep
from scenarios.services import attempt_answer, attempt_start

NS = "wagtailsnippets_scenarios_scenario"


def preview_url(scenario) -> str:
    return reverse(f"{NS}:preview_on_edit", args=[scenario.pk])


def insight_url(pk) -> str:
    return reverse(f"{NS}:insight", args=[pk])


def preview(client, scenario, mode: str = ""):
    """The editor's preview: post the form, then load the preview (as the preview panel does)."""
    posted = client.post(preview_url(scenario), scenario_form_data(scenario))
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(preview_url(scenario) + (f"?mode={mode}" if mode else ""))


def play(user, scenario, *choices):
    """A learner plays the published scenario, picking these choice indexes in turn."""
    attempt = attempt_start(user=user, scenario=scenario)
    for sequence, index in enumerate(choices):
        attempt_answer(
            attempt=attempt,
            sequence=sequence,
            node_key=attempt.current_key,
            choice_index=index,
        )
    return attempt


# --- Preview ------------------------------------------------------------------------------------


def test_the_diagram_preview_shows_persona_diagram_and_legend(superuser_client, make_scenario):
    scenario = make_scenario(source_title="Customers Not Targets", source_author="P. S.")

    response = preview(superuser_client, scenario)

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "The late service"
    text = page.get_text(" ", strip=True)
    for expected in (
        "Anil Mehta",
        "UH-nil",
        "His car was due at nine",
        "You are the service advisor.",
        "Based on “Customers Not Targets” by P. S.",
    ):
        assert expected in text
    svg = page.select_one(".scenario-diagram svg[role=img]")
    assert svg is not None
    assert str(svg).count("marker-end=") == 2
    legend = page.select(".scenario-legend tbody tr")
    assert len(legend) == 4  # two choices, two endings
    assert "I'm sorry, let me check now." in legend[0].get_text()
    assert page.select_one(".scenario-problems") is None
    assert page.find("link", href=lambda href: href and href.endswith("cms/css/scenarios.css"))


def test_the_play_through_nests_choices_feedback_points_and_endings(
    superuser_client, make_scenario
):
    scenario = make_scenario()

    response = preview(superuser_client, scenario, "play")

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".scenario-diagram") is None
    summaries = [summary.get_text(" ", strip=True) for summary in page.select("summary")]
    assert summaries == ["1. I'm sorry, let me check now.", "2. We are busy today."]
    first = page.select("details")[0]
    text = first.get_text(" ", strip=True)
    assert "You owned it." in text
    assert "He relaxes." in text
    assert "+2 Empathy" in text
    assert "Leaves happy" in text and "Well done" in text
    second = page.select("details")[1].get_text(" ", strip=True)
    assert "−1 Empathy" in second and "Leaves angry" in second and "poor" in second


def test_the_play_through_follows_conditions_and_stops_at_cycles(superuser_client, make_scenario):
    nodes = [
        choice_node(
            "a",
            "Hello?",
            [
                choice("Go round", "b"),
                choice("Kind words", "c", points={"empathy": 2}),
            ],
        ),
        choice_node("b", "Again?", [choice("Back to the start", "a"), choice("End", "e")]),
        choice_node(
            "c",
            "Thank you.",
            [choice("Offer a car", "e", condition=("empathy", 2)), choice("Leave", "e")],
        ),
        ending_node("e"),
    ]
    scenario = make_scenario(nodes)

    page = soup(preview(superuser_client, scenario, "play"))

    notes = [note.get_text(strip=True) for note in page.select(".play-note")]
    assert any("already on this path" in note for note in notes)
    assert not page.select(".play-choice--not-offered")  # 2 points on empathy: offered


def test_the_play_through_stops_at_depth_25(superuser_client, make_scenario):
    nodes = [choice_node(f"n{i}", f"Step {i}", [choice("On", f"n{i + 1}")]) for i in range(30)]
    nodes.append(ending_node("n30"))
    scenario = make_scenario(nodes, start_key="n0")

    page = soup(preview(superuser_client, scenario, "play"))

    assert len(page.select(".play-node")) == 25
    assert "Stopped after 25 steps" in page.select_one(".play-note--depth").get_text()


def test_preview_lists_the_problems_that_block_publishing(superuser_client, make_scenario):
    nodes = two_way_nodes()
    nodes[0]["value"]["choices"][1]["next_key"] = "nowhere"
    nodes.append(ending_node("lonely"))
    scenario = make_scenario(nodes, publish=False)

    page = soup(preview(superuser_client, scenario))

    problems = page.select_one(".scenario-problems")
    assert "Publishing is refused until these are fixed" in problems.get_text()
    items = [item.get_text(strip=True) for item in problems.select("li")]
    assert any("“a”" in item and "nowhere" in item for item in items)
    assert any("“lonely”" in item and "cannot be reached" in item for item in items)
    assert "missing: nowhere" in str(page.select_one(".scenario-diagram svg"))

    # The play-through shows them too, and says where a branch breaks.
    play_page = soup(superuser_client.get(preview_url(scenario) + "?mode=play"))
    assert play_page.select_one(".scenario-problems") is not None
    assert "“nowhere” does not exist" in play_page.select_one(".play-note--missing").get_text()


def test_a_saved_revision_previews_in_both_modes(superuser_client, make_scenario):
    scenario = make_scenario()
    url = reverse(f"{NS}:revisions_view", args=[scenario.pk, scenario.latest_revision_id])

    diagram = superuser_client.get(url)
    played = superuser_client.get(url + "?mode=play")

    assert diagram.status_code == 200 and played.status_code == 200
    assert soup(diagram).select_one(".scenario-diagram svg") is not None
    assert len(soup(played).select("summary")) == 2


def test_escaped_author_text_in_the_preview(superuser_client, make_scenario):
    nodes = two_way_nodes()
    nodes[0]["value"]["text"] = "<script>alert(1)</script>"
    scenario = make_scenario(nodes, publish=False)

    for mode in ("", "play"):
        html = preview(superuser_client, scenario, mode).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Insight ------------------------------------------------------------------------------------


@pytest.fixture
def played(make_scenario, org_a):
    """Five learners (the fewest shown): three choose 1 (one of them twice), two choose 2 (a
    poor ending)."""
    scenario = make_scenario()
    learners = [UserFactory(organisation=org_a) for _ in range(5)]
    play(learners[0], scenario, 0)
    play(learners[0], scenario, 0)
    play(learners[1], scenario, 0)
    play(learners[2], scenario, 0)
    play(learners[3], scenario, 1)
    play(learners[4], scenario, 1)
    return scenario


def test_authors_see_how_many_learners_chose_each_answer(superuser_client, played):
    response = superuser_client.get(insight_url(played.pk))

    assert response.status_code == 200
    page = soup(response)
    node = page.select_one(".scenario-insight__node")
    assert "My car is still not ready!" in node.get_text()
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in node.select("tbody tr")
    ]
    assert rows == [
        ["1", "I'm sorry, let me check now.", "3 of 5 (60%)", "4"],
        ["2", "We are busy today.", "2 of 5 (40%)", "2"],
    ]
    meters = node.select("meter")
    assert [(meter["value"], meter["max"]) for meter in meters] == [("3", "5"), ("2", "5")]
    summary = page.select_one(".scenario-insight__summary").get_text(" ", strip=True)
    assert "5 learners" in summary and "6 attempts" in summary and "2 poor endings" in summary


def test_authors_see_how_answers_rated_and_whether_learners_picked_by_place(
    superuser_client, played
):
    page = soup(superuser_client.get(insight_url(played.pk)))

    summaries = page.select(".scenario-insight__summary")
    decided = summaries[1].get_text(" ", strip=True)
    # 4 of 6 answers were the best on offer (+2 empathy), 2 the poor one (-1).
    assert decided == (
        "67% of answers were the strongest on offer 0% partly right 33% missed the point"
    )
    first = AttemptStep.objects.filter(position=1).count()
    assert f"{round(100 * first / 6)}% of 6 answers were the one shown first" in page.get_text(
        " ", strip=True
    )


def test_the_most_common_path_to_a_poor_ending(superuser_client, make_scenario, org_a):
    nodes = [
        choice_node("a", "Hello?", [choice("Hi", "b"), choice("What?", "b"), choice("Bye", "g")]),
        choice_node("b", "My car!", [choice("Wait", "p"), choice("Sorry", "g")]),
        ending_node("g", outcome="Happy", tone="good"),
        ending_node("p", outcome="Furious", tone="poor"),
    ]
    scenario = make_scenario(nodes)
    learners = [UserFactory(organisation=org_a) for _ in range(6)]
    for learner in learners[:3]:
        play(learner, scenario, 1, 0)  # What? → Wait: poor, three times
    play(learners[3], scenario, 0, 0)  # Hi → Wait: poor, twice
    play(learners[4], scenario, 0, 0)
    play(learners[5], scenario, 2)  # good

    page = soup(superuser_client.get(insight_url(scenario.pk)))

    section = page.select_one(".scenario-insight__path")
    steps = [item.get_text(" ", strip=True) for item in section.select("li")]
    assert "Hello?" in steps[0] and "Choice 2: What?" in steps[0]
    assert "My car!" in steps[1] and "Choice 1: Wait" in steps[1]
    assert "Furious" in steps[2]
    assert "3 of the 5 attempts that ended poorly" in page.get_text(" ", strip=True)


def test_fewer_than_five_learners_choices_are_not_shown(superuser_client, make_scenario, org_a):
    # "1 of 1 chose this" would be one learner's transcript, which only their coach may read.
    scenario = make_scenario()
    learners = [UserFactory(organisation=org_a) for _ in range(4)]
    for number, learner in enumerate(learners):
        play(learner, scenario, number % 2)
        play(learner, scenario, 1)  # many attempts, still four people

    page = soup(superuser_client.get(insight_url(scenario.pk)))

    content = page.select_one(".scenario-insight")
    text = content.get_text(" ", strip=True)
    assert "Fewer than 5 learners have played this role-play." in text
    # Not how many played, finished or ended how; no node, no path.
    assert not content.select(".scenario-insight__summary, .scenario-insight__node")
    assert "ended poorly" not in text and "8" not in text
    assert "We are busy today." not in text and "My car is still not ready!" not in text


def hello_then_car() -> list:
    """Two choice nodes: "Hi" at "a" leads to "b"; "Bye" ends happily at once."""
    return [
        choice_node("a", "Hello?", [choice("Hi", "b"), choice("Bye", "g")]),
        choice_node("b", "My car!", [choice("Wait", "p"), choice("Sorry", "g")]),
        ending_node("g", outcome="Happy", tone="good"),
        ending_node("p", outcome="Furious", tone="poor"),
    ]


def test_a_node_few_reached_is_withheld_while_the_rest_is_shown(
    superuser_client, make_scenario, org_a
):
    scenario = make_scenario(hello_then_car())
    learners = [UserFactory(organisation=org_a) for _ in range(6)]
    play(learners[0], scenario, 0, 1)  # only one learner reaches "b"
    for learner in learners[1:]:
        play(learner, scenario, 1)

    page = soup(superuser_client.get(insight_url(scenario.pk)))

    first, second = page.select(".scenario-insight__node")
    assert "1 of 6" in first.get_text(" ", strip=True) and "5 of 6" in first.get_text(
        " ", strip=True
    )
    assert "Fewer than 5 learners answered here" in second.get_text()
    assert not second.select("table")


def test_a_node_nobody_reached_is_withheld_too_once_people_played(
    superuser_client, make_scenario, org_a
):
    # "0" beside "fewer than 5" would say where the few went.
    scenario = make_scenario(hello_then_car())
    for _ in range(5):
        play(UserFactory(organisation=org_a), scenario, 1)  # nobody reaches "b"

    first, second = soup(superuser_client.get(insight_url(scenario.pk))).select(
        ".scenario-insight__node"
    )
    assert "5 of 5" in first.get_text(" ", strip=True)
    assert "Fewer than 5 learners answered here" in second.get_text()


def test_insight_without_attempts(superuser_client, make_scenario):
    page = soup(superuser_client.get(insight_url(make_scenario().pk)))

    assert "No learner has played this role-play yet." in page.get_text()
    assert "No attempt has ended poorly yet." in page.get_text()
    assert "0 of 0 (0%)" in page.select_one(".scenario-insight__node").get_text(" ", strip=True)


def test_unknown_scenario_is_not_found(superuser_client):
    assert superuser_client.get(insight_url(999999)).status_code == 404


def test_learners_and_anonymous_visitors_cannot_see_insight(client, learner_client, played):
    anonymous = client.get(insight_url(played.pk))
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]

    learner = learner_client.get(insight_url(played.pk))
    assert learner.status_code in (302, 403)
    assert "We are busy today." not in learner.content.decode()


def test_admin_users_need_a_permission_on_role_plays(org_a, played):
    hr = UserFactory(organisation=org_a, roles=[Role.HR])
    refused = signed_in(hr).get(insight_url(played.pk))
    assert refused.status_code in (302, 403)
    assert "We are busy today." not in refused.content.decode()

    hr.user_permissions.add(
        Permission.objects.get(content_type__app_label="scenarios", codename="view_scenario")
    )
    allowed = signed_in(hr).get(insight_url(played.pk))
    assert allowed.status_code == 200
    assert "We are busy today." in allowed.content.decode()
    # A viewer is not offered the editor.
    assert reverse(f"{NS}:edit", args=[played.pk]) not in allowed.content.decode()


def test_the_listing_and_the_editor_link_to_insight(superuser_client, played):
    url = insight_url(played.pk)

    listing = superuser_client.get(reverse(f"{NS}:list"))
    editor = superuser_client.get(reverse(f"{NS}:edit", args=[played.pk]))

    assert listing.status_code == 200 and editor.status_code == 200
    assert f'href="{url}"' in listing.content.decode()
    assert f'href="{url}"' in editor.content.decode()


def test_insight_queries_do_not_grow_with_attempts(superuser_client, make_scenario, org_a):
    scenario = make_scenario([reply_node("r", "Why?", "a"), *two_way_nodes()], start_key="r")
    learners = [UserFactory(organisation=org_a) for _ in range(5)]

    def add_attempts(count):
        for number in range(count):
            attempt = attempt_start(user=learners[number % 5], scenario=scenario)
            attempt_answer(attempt=attempt, sequence=0, node_key="r", reply="Because.")
            attempt_answer(attempt=attempt, sequence=1, node_key="a", choice_index=number % 2)

    add_attempts(5)
    superuser_client.get(insight_url(scenario.pk))  # warm-up: the session's first write
    few = queries_to_get(superuser_client, insight_url(scenario.pk))
    add_attempts(45)
    assert Attempt.objects.filter(scenario=scenario).count() == 50
    many = queries_to_get(superuser_client, insight_url(scenario.pk))

    assert many == few, (few, many)
    page = soup(superuser_client.get(insight_url(scenario.pk)))
    assert "24 of the 24 attempts that ended poorly" in page.get_text(" ", strip=True)


def test_the_block_templates_render_the_streamfield_itself(make_scenario):
    from django.template import engines

    scenario = make_scenario()
    template = engines["django"].from_string(
        "{% load wagtailcore_tags %}{% for node in scenario.nodes %}{% include_block node %}"
        "{% endfor %}"
    )

    html = template.render({"scenario": scenario, "dimension_names": {"empathy": "Empathy"}})

    page = soup(type("R", (), {"content": html.encode()})())
    text = page.get_text(" ", strip=True)
    assert "My car is still not ready!" in text
    assert "I'm sorry, let me check now." in text and "+2 Empathy" in text
    assert "Leads to: b" in text
    assert "Leaves angry" in text and "poor" in text
