"""Looking at a module or any of its steps never enrols the learner; doing something does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from factories import key_insight, reflection, story, takeaways
from helpers import done_url, modules_of, step_url

from assessments.models import Dimension, Questionnaire, QuestionnaireItem
from courses.blocks import ModuleStepsBlock
from courses.models import Enrolment
from courses.steps import registered

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenarios"))
import play_helpers as ph


@pytest.fixture
def questionnaire() -> Questionnaire:
    dimension = Dimension.objects.create(slug="empathy", name="Empathy")
    questionnaire = Questionnaire(title="How I serve", scale_points=5, scale_labels="1\n2\n3\n4\n5")
    questionnaire.items = [QuestionnaireItem(statement="I listen first", dimension=dimension)]
    questionnaire.save()
    questionnaire.save_revision().publish()
    return questionnaire


@pytest.fixture
def every_kind(questionnaire) -> dict[str, dict]:
    """One step of each kind, as raw StreamField data, with the text its page shows."""
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    return {
        "story": story("The first scene"),
        "key_insight": key_insight("Remember this", "Warmth does not end with the sale."),
        "reflection": reflection("What will you change?", min_length=5),
        "roleplay": ph.roleplay_step(scenario),
        "self_assessment": {
            "type": "self_assessment",
            "value": {"questionnaire": questionnaire.pk},
        },
        "takeaways": takeaways("Try tomorrow", ("Call back",)),
    }


def test_every_kind_of_step_has_a_handler():
    assert set(registered()) == set(ModuleStepsBlock.base_blocks)


def test_every_kind_of_step_is_shown_to_a_learner_not_enrolled_without_enrolling(
    make_course, learner_client, every_kind
):
    assert set(every_kind) == set(ModuleStepsBlock.base_blocks)
    for kind, step in every_kind.items():
        module = modules_of(make_course(modules=1, steps=[step], slug=f"only-{kind}"))[0]

        assert learner_client.get(module.url).status_code == 200, kind
        assert learner_client.get(step_url(module, 1)).status_code == 200, kind
        assert learner_client.get(done_url(module)).status_code == 302, kind

        assert not Enrolment.objects.exists(), kind


def test_steps_not_yet_open_redirect_without_enrolling(make_course, learner_client, every_kind):
    module = modules_of(make_course(modules=1, steps=list(every_kind.values())))[0]

    for number in range(1, len(every_kind) + 2):
        assert learner_client.get(step_url(module, number)).status_code in (200, 302)

    assert not Enrolment.objects.exists()


def test_a_head_request_does_not_enrol_either(make_course, learner_client):
    module = modules_of(make_course(modules=1))[0]

    learner_client.head(step_url(module, 1))

    assert not Enrolment.objects.exists()


def test_going_on_from_a_step_enrols(make_course, learner, learner_client):
    course = make_course(modules=1)
    module = modules_of(course)[0]
    learner_client.get(step_url(module, 1))

    response = learner_client.post(step_url(module, 1), {"action": "next"})

    assert response["Location"] == step_url(module, 2)
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1
