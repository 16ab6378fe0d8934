"""Fuzzing the learner forms with Hypothesis: reflections, role-play turns, questionnaires (in a
module and before a course). Whatever is posted: never a server error, never a partial write.

Each example runs in a savepoint that is rolled back, so every example starts from the same
learner, course and progress (the fixtures are built once per test).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from factories import reflection, story, takeaways
from helpers import modules_of, signed_in, step_url
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessments.models import Answer, Dimension, Questionnaire, QuestionnaireItem, Response
from courses.forms import MAX_ANSWER_LENGTH
from courses.models import ModuleProgress, ReflectionAnswer
from courses.services import enrolment_get_or_create, module_step_complete
from scenarios.models import Attempt, AttemptStep

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenarios"))
import play_helpers as ph

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Anything a browser (or someone with curl) can put in a form field: any character that can be
# encoded, NUL and control characters included, right-to-left marks, emoji, Devanagari.
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be sent
    max_size=300,
)
nasty_text = st.one_of(
    any_text,
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "\r\n" * 50,
            "\u202e\u200f",
            "नमस्ते, मैं मदद करूँगी",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "x" * (MAX_ANSWER_LENGTH + 1),
            "y" * 3001,
        ]
    ),
)
number_text = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "1.5", "1e3", "０", "١", "²", "-0", " 3 ", "NaN", "0x10"]),
    any_text,
)


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def ok(response) -> None:
    assert response.status_code in (200, 302), response.status_code


# --- reflections ----------------------------------------------------------------------------------


@pytest.fixture
def reflection_setup(make_course, learner):
    """A module whose third step is a reflection; the learner has done steps 1 and 2."""
    course = make_course(
        modules=1,
        steps=[
            story("Scene", "<p>A shop.</p>"),
            story("Scene two", "<p>A queue.</p>"),
            reflection("When did you keep someone waiting?", min_length=20),
            takeaways("Carry this", ("Look up",)),
        ],
    )
    module = modules_of(course)[0]
    enrolment = enrolment_get_or_create(user=learner, course=course)
    for step in list(module.steps)[:2]:
        module_step_complete(enrolment=enrolment, module=module, step_id=step.id)
    return module, enrolment, list(module.steps)[2].id


@FUZZ
@example(answer="My draft\x00 with a NUL in it", action="back", extra={})
@example(answer="A full answer with a NUL\x00 in the middle", action="next", extra={})
@given(
    answer=nasty_text,
    action=st.one_of(st.sampled_from(["next", "back", ""]), any_text),
    extra=st.dictionaries(st.sampled_from(["roleplay", "assessment", "answer2"]), any_text),
)
def test_a_reflection_post_never_fails_and_never_half_saves(
    reflection_setup, learner, answer, action, extra
):
    module, enrolment, step_id = reflection_setup
    client = signed_in(learner)
    with rolled_back():
        response = client.post(step_url(module, 3), {"answer": answer, "action": action, **extra})

        ok(response)
        progress = ModuleProgress.objects.get(enrolment=enrolment, module=module)
        saved = ReflectionAnswer.objects.filter(enrolment=enrolment, step_id=step_id).first()
        if step_id in progress.completed_step_ids:
            # Done only with its answer, and only a valid one.
            assert saved is not None
            assert 20 <= len(saved.answer) <= MAX_ANSWER_LENGTH
            assert "\x00" not in saved.answer
        if saved is not None:
            assert saved.answer.strip() == saved.answer and saved.answer
            assert len(saved.answer) <= MAX_ANSWER_LENGTH
        if response.status_code == 200:
            assert step_id not in progress.completed_step_ids


# --- role-play turns ------------------------------------------------------------------------------


@pytest.fixture
def roleplay_setup(make_course, learner):
    """Story, then the call-centre role-play (choices, a written reply, two endings)."""
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    course = make_course(
        modules=1, steps=[story("The order", "<p>A parcel.</p>"), ph.roleplay_step(scenario)]
    )
    module = modules_of(course)[0]
    enrolment = enrolment_get_or_create(user=learner, course=course)
    module_step_complete(enrolment=enrolment, module=module, step_id=next(iter(module.steps)).id)
    return module, scenario


turn = st.fixed_dictionaries(
    {"roleplay": st.one_of(st.sampled_from(["start", "retry", "choose", "reply"]), any_text)},
    optional={
        "sequence": st.one_of(st.integers(min_value=-2, max_value=8).map(str), number_text),
        "node": st.one_of(
            st.sampled_from(["opening", "probe", "write", "close", "resolved", ""]), any_text
        ),
        "choice": st.one_of(st.integers(min_value=-2, max_value=4).map(str), number_text),
        "reply": nasty_text,
        "action": st.sampled_from(["next", "back"]),
    },
)


def attempts_are_whole(learner) -> None:
    """Every attempt's answers are numbered 1..n with n its step count; endings are recorded."""
    for attempt in Attempt.objects.filter(user=learner):
        sequences = list(
            AttemptStep.objects.filter(attempt=attempt)
            .order_by("sequence")
            .values_list("sequence", flat=True)
        )
        assert sequences == list(range(1, attempt.step_count + 1)), (sequences, attempt)
        assert bool(attempt.finished_at) == bool(attempt.ending_key)
        for step in AttemptStep.objects.filter(attempt=attempt):
            if step.choice_index is None:
                assert step.reply.strip() and "\x00" not in step.reply
                assert len(step.reply) <= 3000


@FUZZ
@given(turns=st.lists(turn, min_size=1, max_size=6))
def test_role_play_turns_never_fail_and_never_half_record(roleplay_setup, learner, turns):
    module, _scenario = roleplay_setup
    client = signed_in(learner)
    url = step_url(module, 2)
    with rolled_back():
        for data in turns:
            ok(client.post(url, data))
            attempts_are_whole(learner)
        shown = client.get(url)
        assert shown.status_code == 200
        for attempt in Attempt.objects.filter(user=learner):
            assert client.get(f"/learn/attempts/{attempt.pk}/").status_code == 200


@FUZZ
@example(words="Sorry\x00")
@example(words="\r\n \t")
@given(words=nasty_text)
def test_any_written_reply_is_recorded_whole_or_refused(roleplay_setup, learner, words):
    """Straight to the written turn (the one free-text node), then a fuzzed reply."""
    module, _scenario = roleplay_setup
    client = signed_in(learner)
    url = step_url(module, 2)
    with rolled_back():
        ph.start(client, url)
        ph.choose(client, url, 0)
        shown = ph.choose(client, url, 1)
        fields = ph.turn_fields(shown)
        assert fields["node"] == "write"

        response = client.post(url, {"roleplay": "reply", **fields, "reply": words})

        ok(response)
        attempts_are_whole(learner)
        attempt = Attempt.objects.get(user=learner)
        cleaned = words.replace("\r\n", "\n").strip()
        recorded = attempt.step_count == 3
        assert recorded == bool(cleaned and len(cleaned) <= 3000 and "\x00" not in cleaned)
        assert client.get(url).status_code == 200


# --- questionnaires -------------------------------------------------------------------------------


STATEMENTS = [
    ("I ask how the customer feels.", "empathy", False),
    ("Shouting customers deserve less patience.", "empathy", True),
    ("I follow a problem to the end.", "ownership", False),
]


@pytest.fixture
def questionnaire(db) -> Questionnaire:
    dims = {
        "empathy": Dimension.objects.get_or_create(slug="empathy", defaults={"name": "Empathy"})[0],
        "ownership": Dimension.objects.get_or_create(
            slug="ownership", defaults={"name": "Ownership"}
        )[0],
    }
    q = Questionnaire(title="How I serve", scale_points=5, scale_labels="1\n2\n3\n4\n5")
    q.items = [
        QuestionnaireItem(statement=text, dimension=dims[slug], reverse_scored=reverse)
        for text, slug, reverse in STATEMENTS
    ]
    q.save()
    q.save_revision().publish()
    q.refresh_from_db()
    return q


def item_ids(questionnaire) -> list[int]:
    return list(questionnaire.items.order_by("sort_order", "pk").values_list("pk", flat=True))


def answer_sets(ids_strategy):
    """Answers for some or all statements (values on and off the scale, or not numbers at
    all), plus keys that only look like answers."""
    return ids_strategy.flatmap(
        lambda ids: st.tuples(
            st.fixed_dictionaries(
                {},
                optional={
                    f"item-{pk}": st.one_of(st.integers(1, 5).map(str), number_text) for pk in ids
                },
            ),
            st.dictionaries(
                st.one_of(
                    st.integers(0, 10**12).map(lambda n: f"item-{n}"),
                    st.sampled_from(["item-", "item-²", "item-١", "item--1", "item-1.0"]),
                    any_text,
                ),
                number_text,
                max_size=3,
            ),
        )
    )


def response_is_whole(user, questionnaire) -> None:
    responses = list(Response.objects.filter(user=user, questionnaire=questionnaire))
    assert len(responses) <= 1
    for response in responses:
        answers = list(Answer.objects.filter(response=response))
        assert sorted(a.item_id for a in answers) == sorted(item_ids(questionnaire))
        assert all(1 <= a.value <= 5 for a in answers)


def fully_answered(ids, data) -> bool:
    def on_scale(raw: str) -> bool:
        try:
            return 1 <= int(raw) <= 5
        except ValueError:
            return False

    return all(f"item-{pk}" in data and on_scale(data[f"item-{pk}"]) for pk in ids)


@pytest.fixture
def assessment_module(make_course, questionnaire):
    course = make_course(
        modules=1,
        steps=[
            {"type": "self_assessment", "value": {"questionnaire": questionnaire.pk}},
            takeaways("Carry this", ("Listen first",)),
        ],
    )
    return modules_of(course)[0]


@FUZZ
@given(data=st.data())
def test_a_module_questionnaire_is_saved_whole_or_not_at_all(
    assessment_module, questionnaire, learner, data
):
    ids = item_ids(questionnaire)
    answers, extra = data.draw(answer_sets(st.just(ids)))
    client = signed_in(learner)
    with rolled_back():
        posted = {**extra, **answers, "assessment": "submit"}

        ok(client.post(step_url(assessment_module, 1), posted))

        response_is_whole(learner, questionnaire)
        saved = Response.objects.filter(user=learner, questionnaire=questionnaire).exists()
        if saved:
            assert fully_answered(ids, answers)


@pytest.fixture
def course_with_questionnaire(make_course, questionnaire):
    course = make_course(modules=1)
    course.before_questionnaire = course.after_questionnaire = questionnaire
    course.save()
    return course


OFFSITE = ["//evil.example/", "https://evil.example/", "/learn/", "javascript:alert(1)"]


@FUZZ
@given(data=st.data(), next_url=st.one_of(any_text, st.sampled_from(OFFSITE)))
def test_the_before_course_questionnaire_is_saved_whole_or_not_at_all(
    course_with_questionnaire, questionnaire, learner, data, next_url
):
    ids = item_ids(questionnaire)
    answers, extra = data.draw(answer_sets(st.just(ids)))
    client: Client = signed_in(learner)
    url = f"/learn/courses/{course_with_questionnaire.pk}/before/"
    with rolled_back():
        response = client.post(url, {**extra, **answers, "next": next_url})

        ok(response)
        response_is_whole(learner, questionnaire)
        if response.status_code == 302:
            # Never sent to another site, whatever `next` said.
            location = response["Location"]
            assert location.startswith("/") and not location.startswith("//"), location
