"""Playing a role-play through the module step, as a learner: turns, conditions, endings,
retries, resuming, double submits and tampered forms."""

from __future__ import annotations

import play_helpers as ph
import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from factories import takeaways
from helpers import modules_of, signed_in, step_url

from scenarios.models import Attempt, AttemptStep
from scenarios.services import attempt_answer, attempt_start


@pytest.fixture
def scenario():
    ph.dimensions_ensure()
    return ph.scenario_create()


@pytest.fixture
def module(make_course, scenario):
    """An open course (every organisation) whose module starts with the role-play."""
    course = make_course(
        modules=1,
        steps=[ph.roleplay_step(scenario, "Try to keep Maya as a customer."), takeaways()],
        title="Parcels",
        slug="parcels",
    )
    return modules_of(course)[0]


@pytest.fixture
def url(module):
    return step_url(module, 1)


@pytest.fixture
def client(learner_client):
    """In this module `client` is the signed-in learner (pytest-django's is anonymous)."""
    return learner_client


def steps_of(learner, scenario) -> list[AttemptStep]:
    return list(AttemptStep.objects.filter(attempt__user=learner, attempt__scenario=scenario))


# --- starting and answering ---------------------------------------------------------------------


def test_before_starting_the_step_shows_the_customer_and_a_start_button(client, url):
    response = client.get(url)

    assert response.status_code == 200
    text = ph.text(response)
    assert "The late parcel" in text
    assert "Maya Pillai" in text
    assert "Maya ordered a birthday present that never came." in text
    assert "Try to keep Maya as a customer." in text
    assert "Start the conversation" in text
    assert ph.OPENING_LINE not in text
    assert not Attempt.objects.exists()


def test_start_shows_the_customers_first_line_and_its_choices(client, url, learner, scenario):
    response = ph.start(client, url)

    assert ph.current_line(response) == f"Maya Pillai {ph.OPENING_LINE}"
    assert ph.offered(response) == {0: ph.KIND_ANSWER, 1: ph.CURT_ANSWER}
    assert ph.turn_fields(response) == {"node": "opening", "sequence": "0"}
    [attempt] = ph.attempts_of(learner, scenario)
    assert (attempt.number, attempt.current_key, attempt.step_count) == (1, "opening", 0)
    assert attempt.revision_id == scenario.live_revision_id


def test_choosing_shows_the_answer_feedback_and_reaction_then_the_next_line(
    client, url, learner, scenario
):
    ph.start(client, url)

    response = ph.choose(client, url, 0)

    transcript = ph.transcript_text(response)
    assert ph.OPENING_LINE in transcript
    assert f"You {ph.KIND_ANSWER}" in transcript
    assert f"Feedback: {ph.KIND_FEEDBACK}" in transcript
    assert ph.KIND_REACTION in transcript
    assert ph.CURT_ANSWER not in ph.text(response)
    assert ph.current_line(response) == f"Maya Pillai {ph.PROBE_LINE}"
    assert ph.turn_fields(response) == {"node": "probe", "sequence": "1"}
    assert "Reassured" in ph.text(response)  # the customer's mood went up by one
    [step] = steps_of(learner, scenario)
    assert (step.sequence, step.node_key, step.choice_index) == (1, "opening", 0)
    assert step.choice_text == ph.KIND_ANSWER
    assert step.points == {"empathy": 2}


# --- conditions ---------------------------------------------------------------------------------


def test_a_conditional_choice_is_not_offered_on_a_path_that_gathered_too_little(client, url):
    ph.start(client, url)

    response = ph.choose(client, url, 1)  # the curt answer: empathy -1

    assert ph.current_line(response) == f"Maya Pillai {ph.PROBE_LINE}"
    assert ph.offered(response) == {1: ph.DEFLECT_ANSWER}
    assert ph.OWN_ANSWER not in ph.text(response)


def test_a_conditional_choice_is_offered_on_a_path_that_gathered_enough(client, url):
    ph.start(client, url)

    response = ph.choose(client, url, 0)  # the kind answer: empathy +2, the condition's minimum

    assert ph.offered(response) == {0: ph.OWN_ANSWER, 1: ph.DEFLECT_ANSWER}


def test_posting_a_choice_that_is_not_offered_is_refused_and_records_nothing(
    client, url, learner, scenario
):
    ph.start(client, url)
    shown = ph.choose(client, url, 1)

    response = ph.choose(client, url, 0, shown=shown)  # the hidden, conditional choice

    assert ph.messages(response) == ["That answer is not one of the choices offered here."]
    assert len(steps_of(learner, scenario)) == 1
    [attempt] = ph.attempts_of(learner, scenario)
    assert (attempt.current_key, attempt.step_count) == ("probe", 1)
    assert attempt.points == {"empathy": -1}
    assert ph.offered(response) == {1: ph.DEFLECT_ANSWER}


# --- written replies -------------------------------------------------------------------------


def test_a_written_reply_is_saved_and_the_exemplar_shown_after_it(client, url, learner, scenario):
    ph.start(client, url)
    ph.choose(client, url, 0)
    shown = ph.choose(client, url, 0)
    assert ph.current_line(shown) == f"Maya Pillai {ph.WRITE_LINE}"
    assert ph.WRITE_PROMPT in ph.text(shown)
    assert ph.page(shown).find("textarea", attrs={"name": "reply"}) is not None
    assert ph.EXEMPLAR not in ph.text(shown)

    response = ph.reply(client, url, "I'll courier a new one\ntoday, at our cost.", shown=shown)

    step = AttemptStep.objects.get(attempt__user=learner, node_key="write")
    assert step.reply == "I'll courier a new one\ntoday, at our cost."
    assert step.choice_index is None
    assert step.points == {}
    transcript = ph.transcript_text(response)
    assert "I'll courier a new one today, at our cost." in transcript
    assert f"One way to say it: {ph.EXEMPLAR}" in transcript
    assert ph.current_line(response) == f"Maya Pillai {ph.CLOSE_LINE}"


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("   ", "Write your reply to the customer before sending it."),
        ("x" * 3001, "Please keep your reply under 3000 characters."),
    ],
)
def test_an_empty_or_overlong_reply_is_refused(client, url, learner, words, message):
    ph.start(client, url)
    ph.choose(client, url, 0)
    ph.choose(client, url, 0)

    response = ph.reply(client, url, words)

    assert ph.messages(response) == [message]
    assert not AttemptStep.objects.filter(node_key="write").exists()
    assert ph.current_line(response) == f"Maya Pillai {ph.WRITE_LINE}"


def test_a_reply_the_page_allows_is_accepted_with_its_line_breaks(client, url, learner):
    ph.start(client, url)
    ph.choose(client, url, 0)
    shown = ph.choose(client, url, 0)
    limit = int(ph.page(shown).find("textarea", attrs={"name": "reply"})["maxlength"])
    lines = ["x" * 99] * (limit // 100)
    typed = "\n".join(lines) + "\n"  # what the textarea holds: exactly `limit` characters
    assert len(typed) == limit

    response = ph.reply(client, url, typed.replace("\n", "\r\n"), shown=shown)  # as posted

    assert ph.messages(response) == []
    assert AttemptStep.objects.get(attempt__user=learner, node_key="write").reply.count("x") == (
        99 * len(lines)
    )


def test_a_refused_reply_is_put_back_in_the_box(client, url, learner):
    ph.start(client, url)
    ph.choose(client, url, 0)
    shown = ph.choose(client, url, 0)
    too_long = "I am so sorry. " * 250  # 3750 characters: over the limit

    response = ph.reply(client, url, too_long, shown=shown)

    assert ph.messages(response) == ["Please keep your reply under 3000 characters."]
    assert not AttemptStep.objects.filter(node_key="write").exists()
    box = ph.page(response).find("textarea", attrs={"name": "reply"})
    assert box.get_text() == too_long


# --- endings ------------------------------------------------------------------------------------


def test_the_good_ending_shows_outcome_debrief_path_and_points(client, url, learner, scenario):
    response = ph.play_good_path(client, url)

    result = ph.result_text(response)
    assert ph.GOOD_OUTCOME in result
    assert "Good outcome" in result
    assert ph.GOOD_DEBRIEF in result
    assert "Thank you. Really." in result
    assert ph.path_items(response) == [
        ph.KIND_ANSWER,
        ph.OWN_ANSWER,
        "Your own reply",
        ph.FOLLOW_UP_ANSWER,
        ph.GOOD_OUTCOME,
    ]
    # empathy: +2 (kind) +1 (follow-up); ownership: +2 (owning it) +1 (follow-up)
    assert ph.scores_table(response) == {"Empathy": "+3", "Ownership": "+3"}
    assert "Delighted" in ph.text(response)
    assert ph.page(response).select_one("form.roleplay-turn") is None
    assert "Try the conversation again" in ph.text(response)
    [attempt] = ph.attempts_of(learner, scenario)
    assert attempt.finished
    assert (attempt.ending_key, attempt.ending_tone, attempt.step_count) == ("resolved", "good", 4)
    assert attempt.points == {"empathy": 3, "ownership": 3}
    assert attempt.mood == 4


def test_the_poor_ending_shows_negative_points(client, url, learner, scenario):
    ph.start(client, url)
    ph.choose(client, url, 1)
    ph.choose(client, url, 1)
    ph.reply(client, url, "It will probably come.")

    response = ph.choose(client, url, 1)

    result = ph.result_text(response)
    assert ph.POOR_OUTCOME in result
    assert "Poor outcome" in result
    assert ph.path_items(response) == [
        ph.CURT_ANSWER,
        ph.DEFLECT_ANSWER,
        "Your own reply",
        ph.GOODBYE_ANSWER,
        ph.POOR_OUTCOME,
    ]
    # empathy: -1 (curt) -2 (goodbye); ownership: -1 (deflecting)
    assert ph.scores_table(response) == {"Empathy": "-3", "Ownership": "-1"}
    assert "Very upset" in ph.text(response)
    [attempt] = ph.attempts_of(learner, scenario)
    assert (attempt.ending_key, attempt.ending_tone) == ("walked-out", "poor")


def test_answers_after_the_ending_record_nothing(client, url, learner, scenario):
    ph.play_good_path(client, url)

    response = client.post(
        url, {"roleplay": "choose", "node": "close", "sequence": "4", "choice": "1"}, follow=True
    )

    assert ph.messages(response) == ["That answer was already recorded."]
    assert len(steps_of(learner, scenario)) == 4
    assert ph.attempts_of(learner, scenario)[0].ending_key == "resolved"


# --- retrying, earlier attempts -----------------------------------------------------------------


def test_retry_starts_attempt_two_and_keeps_the_first_viewable(client, url, learner, scenario):
    ph.play_good_path(client, url)
    [first] = ph.attempts_of(learner, scenario)

    response = ph.retry(client, url)

    first_again, second = ph.attempts_of(learner, scenario)
    assert first_again.pk == first.pk
    assert first_again.finished and first_again.steps.count() == 4
    assert (second.number, second.current_key, second.step_count) == (2, "opening", 0)
    assert not second.finished
    assert ph.current_line(response) == f"Maya Pillai {ph.OPENING_LINE}"
    assert ph.transcript_text(response) == ""
    assert "1 earlier attempt" in ph.text(response)
    link = ph.page(response).select_one("details.attempts a")
    assert link["href"] == f"/learn/attempts/{first.pk}/"

    detail = client.get(link["href"])

    assert detail.status_code == 200
    text = ph.text(detail)
    assert "The late parcel, attempt 1" in text
    assert ph.KIND_ANSWER in text
    assert ph.GOOD_OUTCOME in text
    assert ph.scores_table(detail) == {"Empathy": "+3", "Ownership": "+3"}


def test_an_unfinished_attempt_has_its_own_page_too(client, url, learner, scenario):
    ph.start(client, url)
    ph.choose(client, url, 1)
    [attempt] = ph.attempts_of(learner, scenario)

    response = client.get(f"/learn/attempts/{attempt.pk}/")

    assert response.status_code == 200
    assert ph.CURT_ANSWER in ph.text(response)
    assert "This attempt was not finished." in ph.text(response)


def test_start_in_a_second_tab_carries_on_with_the_same_attempt(client, url, learner, scenario):
    ph.start(client, url)
    ph.choose(client, url, 0)

    response = ph.start(client, url)

    assert len(ph.attempts_of(learner, scenario)) == 1
    assert ph.current_line(response) == f"Maya Pillai {ph.PROBE_LINE}"


# --- resuming ---------------------------------------------------------------------------------


def test_leaving_mid_attempt_and_coming_back_shows_the_same_point(client, url, learner):
    ph.start(client, url)
    ph.choose(client, url, 0)
    before = client.get(url)

    later = signed_in(learner).get(url)  # a new session: another day, another device

    assert ph.current_line(later) == f"Maya Pillai {ph.PROBE_LINE}"
    assert ph.transcript_text(later) == ph.transcript_text(before)
    assert ph.KIND_ANSWER in ph.transcript_text(later)
    assert ph.turn_fields(later) == {"node": "probe", "sequence": "1"}
    assert ph.offered(later) == ph.offered(before)


def test_an_attempt_plays_the_revision_it_started_on(client, url, learner, scenario):
    ph.start(client, url)
    nodes = ph.call_centre_nodes()
    nodes[0]["value"]["text"] = "A reworded opening."
    nodes[0]["value"]["choices"][0]["next_key"] = "resolved"
    scenario.nodes = nodes
    scenario.save_revision().publish()

    response = ph.choose(client, url, 0)

    assert ph.current_line(response) == f"Maya Pillai {ph.PROBE_LINE}"
    assert ph.OPENING_LINE in ph.transcript_text(response)
    assert "A reworded opening." not in ph.text(response)

    retried = ph.retry(client, url)  # a new attempt plays the newly published revision

    assert ph.current_line(retried) == "Maya Pillai A reworded opening."
    scenario.refresh_from_db()
    first, second = ph.attempts_of(learner, scenario)
    assert second.revision_id == scenario.live_revision_id
    assert first.revision_id != scenario.live_revision_id


# --- double submits and second tabs ----------------------------------------------------------


def test_the_same_answer_posted_twice_is_recorded_once(client, url, learner, scenario):
    shown = ph.start(client, url)
    ph.choose(client, url, 0, shown=shown)

    response = ph.choose(client, url, 0, shown=shown)  # the same form, submitted again

    assert len(steps_of(learner, scenario)) == 1
    assert ph.messages(response) == ["That answer was already recorded."]
    assert ph.current_line(response) == f"Maya Pillai {ph.PROBE_LINE}"


def test_a_stale_tab_answering_differently_records_nothing(client, url, learner, scenario):
    stale = ph.start(client, url)
    ph.choose(client, url, 0)  # answered in another tab

    response = ph.choose(client, url, 1, shown=stale)  # the old tab's other answer

    [step] = steps_of(learner, scenario)
    assert step.choice_index == 0
    assert ph.attempts_of(learner, scenario)[0].points == {"empathy": 2}
    assert ph.messages(response) == ["That answer was already recorded."]


def test_a_sequence_from_the_future_records_nothing(client, url, learner, scenario):
    ph.start(client, url)

    response = ph.choose(client, url, 0, sequence="3")

    assert steps_of(learner, scenario) == []
    assert ph.current_line(response) == f"Maya Pillai {ph.OPENING_LINE}"


def test_the_service_records_a_repeated_sequence_once(learner, scenario):
    attempt = attempt_start(user=learner, scenario=scenario)

    first = attempt_answer(attempt=attempt, sequence=0, node_key="opening", choice_index=0)
    again = attempt_answer(attempt=attempt, sequence=0, node_key="opening", choice_index=1)

    assert first is not None and first.sequence == 1
    assert again is None
    assert AttemptStep.objects.filter(attempt=attempt).count() == 1


def test_the_database_refuses_a_second_step_with_the_same_sequence(learner, scenario):
    """Two racing requests cannot both record step N: the (attempt, sequence) pair is unique."""
    attempt = attempt_start(user=learner, scenario=scenario)
    attempt_answer(attempt=attempt, sequence=0, node_key="opening", choice_index=0)

    with pytest.raises(IntegrityError), transaction.atomic():
        AttemptStep.objects.create(
            attempt=attempt, sequence=1, node_key="opening", node_text="", next_key="probe"
        )
    assert AttemptStep.objects.filter(attempt=attempt).count() == 1


# --- tampered forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"choice": "7"}, "That answer is not one of the choices offered here."),
        ({"choice": "-1"}, "That answer is not one of the choices offered here."),
        ({"choice": "first"}, "That answer is not one of the choices offered here."),
        ({"choice": None}, "That answer is not one of the choices offered here."),
        ({"sequence": None}, "That answer could not be read. Please try again."),
        ({"sequence": "zero"}, "That answer could not be read. Please try again."),
        ({"node": "probe"}, "That answer belongs to another point of the conversation."),
        ({"node": "greeting"}, "That answer belongs to another point of the conversation."),
        ({"roleplay": "skip"}, "Unknown action."),
    ],
    ids=[
        "choice not offered",
        "negative choice",
        "non-integer choice",
        "no choice",
        "no sequence",
        "non-integer sequence",
        "node ahead",
        "node of another scenario",
        "unknown action",
    ],
)
def test_a_tampered_answer_is_refused_with_a_message_and_records_nothing(
    client, url, learner, scenario, change, message
):
    # "greeting" is a node of another, published scenario.
    ph.scenario_create(
        title="Another",
        start="greeting",
        nodes=[
            ph.choice_node("greeting", "Hi.", [ph.choice("Hello", "bye")]),
            ph.ending_node("bye", outcome="Done", tone="good"),
        ],
    )
    ph.start(client, url)

    response = ph.choose(client, url, 0, **change)

    assert ph.messages(response) == [message]
    assert steps_of(learner, scenario) == []
    [attempt] = ph.attempts_of(learner, scenario)
    assert (attempt.current_key, attempt.step_count, attempt.points) == ("opening", 0, {})
    assert ph.current_line(response) == f"Maya Pillai {ph.OPENING_LINE}"


def test_answering_before_starting_is_refused(client, url, learner):
    response = client.post(
        url, {"roleplay": "choose", "node": "opening", "sequence": "0", "choice": "0"}, follow=True
    )

    assert ph.messages(response) == ["Start the role-play first."]
    assert not Attempt.objects.exists()


def test_a_choice_posted_at_a_reply_node_is_refused(client, url, learner, scenario):
    ph.start(client, url)
    ph.choose(client, url, 0)
    shown = ph.choose(client, url, 0)

    response = client.post(
        url, {"roleplay": "choose", **ph.turn_fields(shown), "choice": "0"}, follow=True
    )

    assert ph.messages(response) == ["Write your reply to the customer before sending it."]
    assert len(steps_of(learner, scenario)) == 2


# --- other learners -----------------------------------------------------------------------------


def test_another_learners_attempt_page_is_a_404(client, url, learner, learner_b, scenario):
    ph.start(client, url)
    ph.choose(client, url, 0)
    [attempt] = ph.attempts_of(learner, scenario)
    other = signed_in(learner_b)

    assert other.get(f"/learn/attempts/{attempt.pk}/").status_code == 404
    assert other.get(f"/learn/attempts/{attempt.pk + 1000}/").status_code == 404
    assert client.get(f"/learn/attempts/{attempt.pk}/").status_code == 200


def test_an_anonymous_visitor_is_sent_to_sign_in_for_an_attempt(client, url, learner, scenario):
    ph.start(client, url)
    [attempt] = ph.attempts_of(learner, scenario)

    response = Client().get(f"/learn/attempts/{attempt.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_learner_of_another_organisation_cannot_open_or_play_a_restricted_step(
    make_course, scenario, org_a, learner_b
):
    course = make_course(modules=1, steps=[ph.roleplay_step(scenario)], organisations=[org_a])
    url = step_url(modules_of(course)[0], 1)
    other = signed_in(learner_b)

    assert other.get(url).status_code == 404
    assert other.post(url, {"roleplay": "start"}).status_code == 404
    assert not Attempt.objects.exists()


def test_another_learner_neither_sees_nor_advances_someone_elses_attempt(
    client, url, learner, learner_b, scenario
):
    ph.start(client, url)
    ph.choose(client, url, 0)
    other = signed_in(learner_b)

    page = other.get(url)
    assert page.status_code == 200
    assert ph.KIND_ANSWER not in ph.text(page)
    assert "Start the conversation" in ph.text(page)

    # Learner A's form data, replayed by learner B: it can only ever touch B's own attempts.
    fields = ph.turn_fields(client.get(url))
    response = other.post(url, {"roleplay": "choose", **fields, "choice": "0"}, follow=True)

    assert ph.messages(response) == ["Start the role-play first."]
    [attempt] = ph.attempts_of(learner, scenario)
    assert (attempt.current_key, attempt.step_count) == ("probe", 1)
    assert ph.attempts_of(learner_b, scenario) == []
