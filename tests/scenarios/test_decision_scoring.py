"""Per-decision scoring, the result screen (your path beside the best path), self-checks on
written replies, text variants and held-back feedback, played as a learner through the step."""

from __future__ import annotations

import play_helpers as ph
import pytest
from django.urls import reverse
from factories import takeaways
from helpers import modules_of, step_url

from assessments.models import Dimension
from scenarios.models import Attempt, AttemptStep

STALE = "These came in this morning, madam, they're sweet. Shall I pack a kilo for you?"
FRESH = "Take these from the back, madam: today's stock. The front ones are for juice."
HALF = "The front ones are fine for today, madam; if you're keeping them, take the back."
APOLOGY = "I'm sorry, madam, that was yesterday's stock. Let me swap them for today's."
SHRUG = "They were fine when I bought them, madam; mangoes are like that in May."
CLOSE_LINE = "Fine. And when do you get the good Alphonso in?"
TOLD_LINE = "Thursday, then. I'll come back for the Alphonso."
THANKS = "Thank you, madam. I'll keep two kilos of the best aside for you on Thursday."
BYE = "Thank you, madam. Come again, we always have something."
FRESH_FEEDBACK = "Steering her to the better stock cost you a sale of old fruit and won her trust."
STALE_REACTION = "Her face falls as she squeezes the top mango."
STALE_FEEDBACK = "You sold what you would not buy yourself; she will find out at home."
GOOD = "Mrs Rao comes back every week"
BEST_REPLY = "A written reply that does what each self-check asks"
RECOVERY_DEBRIEF = "You put it right, but she had to catch it first."
FIRST_TIME_DEBRIEF = "You picked for her as you would for your own family."


def quality(n: int) -> dict[str, int]:
    return {"quality-mindset": n}


def vendor_nodes() -> list[dict]:
    """
    opening: FRESH (best) -> close | HALF (okay) -> close | STALE (poor) -> caught
    caught:  APOLOGY (best) -> close | SHRUG (poor) -> lost
    close:   a written reply; the self-check "told-when" changes the next line
    farewell: THANKS (best) -> regular | BYE (okay) -> polite
    """
    return [
        ph.choice_node(
            "opening",
            "Are these mangoes good today?",
            [
                ph.choice(
                    STALE,
                    "caught",
                    points=quality(-2),
                    rating="poor",
                    reaction=STALE_REACTION,
                    feedback=STALE_FEEDBACK,
                ),
                ph.choice(
                    FRESH,
                    "close",
                    points=quality(2),
                    rating="best",
                    sets_flags="picked-fresh",
                    reaction="She smiles.",
                    feedback=FRESH_FEEDBACK,
                ),
                ph.choice(HALF, "close", points=quality(1), rating="okay"),
            ],
        ),
        ph.choice_node(
            "caught",
            "This one is soft right through.",
            [
                ph.choice(APOLOGY, "close", points=quality(2), rating="best"),
                ph.choice(SHRUG, "lost", points=quality(-2), rating="poor"),
            ],
        ),
        ph.free_text_node(
            "close",
            CLOSE_LINE,
            next_key="farewell",
            prompt="Tell her when the best stock comes in.",
            rubric=("quality-mindset",),
            checks=[
                ph.self_check("Did I give her a day?", flag="told-when", points={"ownership": 1}),
                ph.self_check("Did I offer to keep some aside?", points={"ownership": 1}),
            ],
        ),
        ph.choice_node(
            "farewell",
            "All right. Anything else?",
            [
                ph.choice(BYE, "polite", points=quality(1), rating="okay"),
                ph.choice(THANKS, "regular", points=quality(2), rating="best"),
            ],
            variants=[ph.variant({"test": "flag_set", "flag": "told-when"}, TOLD_LINE)],
        ),
        ph.ending_node(
            "regular",
            outcome=GOOD,
            tone="good",
            debrief=FIRST_TIME_DEBRIEF,
            variants=[
                ph.variant(
                    {"test": "flag_not_set", "flag": "picked-fresh"}, debrief=RECOVERY_DEBRIEF
                )
            ],
        ),
        ph.ending_node("polite", outcome="She buys elsewhere next time", tone="mixed"),
        ph.ending_node("lost", outcome="She never comes back", tone="poor"),
    ]


def dimensions_ensure() -> None:
    ph.dimensions_ensure()
    Dimension.objects.get_or_create(slug="quality-mindset", defaults={"name": "Quality"})


@pytest.fixture
def make_vendor(make_course):
    def make(**fields):
        dimensions_ensure()
        scenario = ph.scenario_create(
            title="The mango cart",
            nodes=vendor_nodes(),
            persona_name="Mrs Rao",
            **fields,
        )
        course = make_course(modules=1, steps=[ph.roleplay_step(scenario), takeaways()])
        return scenario, step_url(modules_of(course)[0], 1)

    return make


@pytest.fixture
def vendor(make_vendor):
    return make_vendor()


def index_of(response, text: str) -> int:
    return next(index for index, label in ph.offered(response).items() if label == text)


def pick(client, url, text: str, response):
    return ph.choose(client, url, index_of(response, text), shown=response)


def test_doing_it_right_first_time_scores_full_marks(learner_client, vendor):
    _scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, FRESH, response)
    response = ph.reply(learner_client, url, "Thursday morning.", checks=(0, 1))
    response = pick(learner_client, url, THANKS, response)

    assert "100 out of 100" in ph.decision_score(response)
    assert "strongest answer on offer at 2 of 2 decisions" in ph.decision_score(response)
    assert ph.path_items(response) == [FRESH, "Your own reply", THANKS, GOOD]
    assert "You took it" in ph.result_text(response)
    assert "Stronger here" not in ph.result_text(response)
    assert FIRST_TIME_DEBRIEF in ph.result_text(response)


def test_a_recovery_reaches_the_good_ending_but_never_scores_like_the_first_time(
    learner_client, vendor
):
    _scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, STALE, response)
    response = pick(learner_client, url, APOLOGY, response)
    response = ph.reply(learner_client, url, "Thursday morning.", checks=(0, 1))
    response = pick(learner_client, url, THANKS, response)

    # Poor, then the best on offer twice: (0 + 1 + 1) / 3.
    assert "67 out of 100" in ph.decision_score(response)
    assert ph.path_items(response) == [STALE, APOLOGY, "Your own reply", THANKS, GOOD]
    assert ph.path_items(response, "best") == [FRESH, BEST_REPLY, THANKS, GOOD]
    result = ph.result_text(response)
    assert f"{STALE} Missed the point Stronger here: {FRESH}" in result
    # The ending's debrief fits the path: she had to catch the stale fruit.
    assert RECOVERY_DEBRIEF in result and FIRST_TIME_DEBRIEF not in result
    # Quality points: -2 + 2 + 2 gained against the most on offer, 2 + 2 + 2.
    row = ph.page(response).select_one("table.scores tbody tr:-soup-contains('Quality')")
    assert [td.get_text(strip=True) for td in row.select("td")] == ["+2", "6"]
    [step] = AttemptStep.objects.filter(node_key="opening")
    assert step.rating == "poor"


def test_a_partly_right_answer_scores_half_and_names_the_stronger_one(learner_client, vendor):
    _scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, HALF, response)
    response = ph.reply(learner_client, url, "Soon.")
    response = pick(learner_client, url, BYE, response)

    assert "50 out of 100" in ph.decision_score(response)
    assert f"{HALF} Partly right Stronger here: {FRESH}" in ph.result_text(response)
    assert ph.path_items(response, "best") == [FRESH, BEST_REPLY, THANKS, GOOD]


def test_ticked_self_checks_set_flags_and_points_and_change_what_the_customer_says(
    learner_client, learner, vendor
):
    scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, FRESH, response)
    form = ph.page(response).select_one("fieldset.self-check")
    assert [label.get_text() for label in form.select("label")] == [
        "Did I give her a day?",
        "Did I offer to keep some aside?",
    ]

    response = ph.reply(learner_client, url, "Thursday, first thing.", checks=(0,))

    assert ph.current_line(response) == f"Mrs Rao {TOLD_LINE}"
    assert "You ticked: Did I give her a day?" in ph.transcript_text(response)
    [attempt] = ph.attempts_of(learner, scenario)
    assert "told-when" in attempt.flags
    assert attempt.points == {"quality-mindset": 2, "ownership": 1}
    step = AttemptStep.objects.get(attempt=attempt, node_key="close")
    assert (step.checks, step.flags, step.points) == ([0], ["told-when"], {"ownership": 1})


def test_a_reply_with_nothing_ticked_hears_the_authored_line(learner_client, learner, vendor):
    scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, FRESH, response)
    response = ph.reply(learner_client, url, "Some day soon.")

    assert ph.current_line(response) == "Mrs Rao All right. Anything else?"
    [attempt] = ph.attempts_of(learner, scenario)
    assert "told-when" not in attempt.flags
    assert "ownership" not in attempt.points


def test_a_tampered_self_check_ticks_nothing(learner_client, learner, vendor):
    _scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, FRESH, response)
    shown = learner_client.get(url)
    data = {"roleplay": "reply", **ph.turn_fields(shown), "reply": "Soon.", "check": ["7", "x"]}
    learner_client.post(url, data)

    step = AttemptStep.objects.get(attempt__user=learner, node_key="close")
    assert (step.checks, step.flags, step.points) == ([], [], {})


def test_a_refused_reply_keeps_the_text_and_the_ticks(learner_client, vendor):
    _scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, FRESH, response)
    shown = learner_client.get(url)
    data = {"roleplay": "reply", **ph.turn_fields(shown), "reply": "x" * 3001, "check": ["1"]}
    learner_client.post(url, data)
    response = learner_client.get(url)

    assert "Please keep your reply under 3000 characters." in ph.messages(response)
    boxes = ph.page(response).select("fieldset.self-check input[type=checkbox]")
    assert [box.has_attr("checked") for box in boxes] == [False, True]
    assert ph.page(response).select_one("#roleplay-reply").get_text() == "x" * 3001


def test_held_back_feedback_waits_for_the_debrief_but_the_reaction_does_not(
    learner_client, make_vendor
):
    _scenario, url = make_vendor(feedback_timing="debrief")
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, STALE, response)

    shown = ph.transcript_text(response)
    assert STALE_REACTION in shown
    assert STALE_FEEDBACK not in shown and "Feedback:" not in shown

    response = pick(learner_client, url, APOLOGY, response)
    response = ph.reply(learner_client, url, "Thursday.")
    response = pick(learner_client, url, BYE, response)
    assert STALE_FEEDBACK in ph.result_text(response)


def test_immediate_feedback_shows_after_each_choice(learner_client, vendor):
    _scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, FRESH, response)

    assert f"Feedback: {FRESH_FEEDBACK}" in ph.transcript_text(response)


def test_the_result_page_of_a_past_attempt_shows_the_same_score(learner_client, learner, vendor):
    scenario, url = vendor
    response = ph.start(learner_client, url)
    response = pick(learner_client, url, HALF, response)
    response = ph.reply(learner_client, url, "Soon.")
    response = pick(learner_client, url, BYE, response)
    attempt = Attempt.objects.get(user=learner, scenario=scenario)

    page = learner_client.get(f"/learn/attempts/{attempt.pk}/")
    assert "50 out of 100" in ph.decision_score(page)


# --- the author's play-through preview says the same -------------------------------------------


def test_the_preview_play_through_shows_variants_ticks_and_each_paths_score(superuser_client):
    from conftest import scenario_form_data

    ph.dimensions_ensure()
    from assessments.models import Dimension

    Dimension.objects.get_or_create(slug="quality-mindset", defaults={"name": "Quality"})
    scenario = ph.scenario_create(title="The mango cart", nodes=vendor_nodes())
    url = reverse("wagtailsnippets_scenarios_scenario:preview_on_edit", args=[scenario.pk])
    assert superuser_client.post(url, scenario_form_data(scenario)).json()["is_valid"]
    page = ph.page(superuser_client.get(url + "?mode=play"))

    replies = [
        s.get_text(strip=True) for s in page.select(".play-choice--reply > details > summary")
    ]
    assert "The learner writes a reply and ticks every self-check" in replies
    assert "The learner writes a reply and ticks no self-check" in replies
    text = " ".join(page.get_text(" ").split())
    assert TOLD_LINE in text  # the ticked branch hears the variant
    assert "All right. Anything else?" in text  # the unticked one the authored line
    scores = {p.get_text(" ", strip=True) for p in page.select(".scenario-ending__score")}
    assert "Score on this path: 100 out of 100" in scores
    assert "Score on this path: 67 out of 100" in scores  # stale, apology, thanks
    assert RECOVERY_DEBRIEF in text and FIRST_TIME_DEBRIEF in text
