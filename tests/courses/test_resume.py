"""A learner who leaves mid-module is brought back to exactly where they stopped."""

from __future__ import annotations

import pytest
from helpers import modules_of, soup, step_url


def continue_link(response, course) -> str:
    """The href of the course card's main button on /learn/ (its text names the course)."""
    for link in soup(response).select("a.button"):
        if course.title in link.get_text():
            return link["href"]
    raise AssertionError(f"No button for {course.title!r} in the page")


@pytest.fixture
def three_modules(make_course):
    return make_course(modules=3, title="Three modules", slug="three-modules")


def visit_step_three_of_module_two(client, course):
    second = modules_of(course)[1]
    for number in (1, 2):
        client.get(step_url(second, number))
        client.post(step_url(second, number), {"action": "next"})
    assert client.get(step_url(second, 3)).status_code == 200
    return second


def test_my_learning_continue_link_points_at_the_exact_step(learner_client, three_modules):
    second = visit_step_three_of_module_two(learner_client, three_modules)
    learner_client.get("/")  # leave: somewhere else entirely

    response = learner_client.get("/learn/")

    link = continue_link(response, three_modules)
    assert link == step_url(second, 3)
    assert "Continue" in response.content.decode()
    assert f"Next: {second.title}" in response.content.decode()


def test_course_page_button_points_at_the_exact_step(learner_client, three_modules):
    second = visit_step_three_of_module_two(learner_client, three_modules)

    response = learner_client.get(three_modules.url)

    buttons = soup(response).select(".panel a.button")
    assert [(a.get_text(strip=True), a["href"]) for a in buttons] == [
        ("Continue", step_url(second, 3))
    ]


def test_module_overview_continues_at_the_exact_step(learner_client, three_modules):
    second = visit_step_three_of_module_two(learner_client, three_modules)

    response = learner_client.get(second.url)

    buttons = soup(response).select("a.button")
    assert [(a.get_text(strip=True), a["href"]) for a in buttons] == [
        ("Continue", step_url(second, 3))
    ]


def test_going_back_a_step_moves_the_resume_point_back(learner_client, three_modules):
    second = visit_step_three_of_module_two(learner_client, three_modules)
    learner_client.get(step_url(second, 2))

    assert continue_link(learner_client.get("/learn/"), three_modules) == step_url(second, 2)


def test_the_home_page_offers_the_same_continue_link(learner_client, three_modules):
    second = visit_step_three_of_module_two(learner_client, three_modules)

    assert continue_link(learner_client.get("/"), three_modules) == step_url(second, 3)


def test_after_finishing_a_module_continue_goes_to_the_next_unfinished_module(
    learner_client, three_modules
):
    first, second, _third = modules_of(three_modules)
    for number in range(1, 6):
        data = {"answer": "A thoughtful answer of some length."} if number == 3 else {}
        learner_client.post(step_url(first, number), {"action": "next", **data})

    assert continue_link(learner_client.get("/learn/"), three_modules) == step_url(second, 1)


def test_a_new_enrolment_starts_at_the_first_step(learner_client, three_modules):
    learner_client.post(f"/learn/enrol/{three_modules.pk}/")

    response = learner_client.get("/learn/")

    first = modules_of(three_modules)[0]
    assert continue_link(response, three_modules) == step_url(first, 1)
    assert "Start" in response.content.decode()
