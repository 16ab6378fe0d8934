"""Content in the learner's language (wagtail-localize translations), the records the original's.

A translation is published as a translator's uploaded PO file publishes it
(cms.demo_translations.translation_publish); the learner reads it on the original's URL.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from factories import reflection, story, takeaways
from helpers import modules_of, soup, step_url
from wagtail.models import Locale

from cms.demo_translations import translation_publish
from courses.models import CoursePage, Enrolment, ModulePage
from scenarios.models import Attempt, Scenario

sys.path.insert(0, str(Path(__file__).parent.parent / "scenarios"))
import play_helpers as ph

MR_TITLE = "ओरखड्याची गोष्ट"
MR_HEADING = "दारावरचा ओरखडा"
MR_BODY = "एकदा काय झालं, ऐका."
MR_OPENING = "अहो, माझं पार्सल कुठे आहे? दोन दिवस झाले!"


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Publish a translation; wagtail-localize publishes it when its transaction commits, which a
    test's never does, so run what it leaves for the commit."""

    def publish(instance, strings: dict[str, str], language: str = "mr"):
        with django_capture_on_commit_callbacks(execute=True):
            return translation_publish(instance=instance, language=language, strings=strings)

    return publish


@pytest.fixture
def marathi(learner, learner_client):
    """The learner has chosen Marathi (the footer's switcher keeps it on their profile)."""
    Locale.objects.get_or_create(language_code="mr")
    learner_client.post("/language/", {"language": "mr", "next": "/learn/"})
    learner.refresh_from_db()
    assert learner.language == "mr"
    return learner_client


def _module(make_course, steps):
    course = make_course(modules=1, steps=steps)
    return course, modules_of(course)[0]


def _translate_module(translate, course: CoursePage, module: ModulePage) -> ModulePage:
    translate(course, {course.title: "ग्राहक, टार्गेट नव्हे"})
    translate(
        module, {module.title: MR_TITLE, "The scratch": MR_HEADING, "Once upon a time.": MR_BODY}
    )
    return ModulePage.objects.get(
        translation_key=module.translation_key, locale__language_code="mr"
    )


def test_a_marathi_reader_reads_the_translation_on_the_modules_own_url(
    make_course, marathi, translate
):
    course, module = _module(make_course, [story(heading="The scratch"), takeaways()])
    translated = _translate_module(translate, course, module)
    assert translated.pk != module.pk

    page = soup(marathi.get(step_url(module, 1)))

    assert page.html["lang"] == "mr"
    assert page.select_one("h1.module-title").get_text(strip=True) == MR_TITLE
    assert MR_HEADING in page.get_text() and MR_BODY in page.get_text()
    assert "Once upon a time." not in page.get_text()
    assert not page.select(".untranslated")  # translated: no fallback mark


def test_a_missing_translation_falls_back_to_the_original_with_a_clear_mark(
    make_course, marathi, learner_client
):
    _course, module = _module(make_course, [story(heading="The scratch"), takeaways()])

    page = soup(marathi.get(step_url(module, 1)))

    assert "Once upon a time." in page.get_text()
    mark = page.select_one(".untranslated")
    assert mark is not None and "मराठी" in mark.get_text()
    # In English, the original is simply the page: no mark.
    learner_client.post("/language/", {"language": "en", "next": "/learn/"})
    assert not soup(learner_client.get(step_url(module, 1))).select(".untranslated")


def test_progress_is_the_courses_whatever_the_language(make_course, marathi, learner, translate):
    steps = [story(heading="The scratch"), reflection(min_length=5), takeaways()]
    course, module = _module(make_course, steps)
    _translate_module(translate, course, module)

    marathi.post(step_url(module, 1), {"action": "next"})
    marathi.post(step_url(module, 2), {"action": "next", "answer": "ग्राहकाला वेळ सांगेन."})
    marathi.post(step_url(module, 3), {"action": "next"})

    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.course_id == course.pk  # the original, not its Marathi copy
    assert enrolment.module_progress.get(module=module).completed_at is not None
    # The catalogue and the learner's courses list the course once, in Marathi.
    cards = soup(marathi.get("/learn/catalogue/")).select(".card h2")
    assert [card.get_text(strip=True) for card in cards] == ["ग्राहक, टार्गेट नव्हे"]


def test_a_roleplay_played_in_marathi_is_an_attempt_at_the_original(
    make_course, marathi, learner, translate
):
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    translate(scenario, {ph.OPENING_LINE: MR_OPENING})
    translated = Scenario.objects.get(
        translation_key=scenario.translation_key, locale__language_code="mr"
    )
    _course, module = _module(make_course, [ph.roleplay_step(scenario), takeaways()])
    url = step_url(module, 1)

    shown = ph.start(marathi, url)
    assert MR_OPENING in ph.current_line(shown)
    ph.play_good_path(marathi, url)

    attempt = Attempt.objects.get(user=learner)
    assert attempt.scenario_id == scenario.pk  # insights and reviews count it with the original's
    assert attempt.revision.object_id == str(translated.pk)  # the words it was played in
    assert attempt.finished and attempt.ending_tone == "good"
    assert attempt.steps.order_by("sequence").first().node_text == MR_OPENING


def test_an_english_reader_plays_the_original_words(make_course, learner_client, translate):
    ph.dimensions_ensure()
    scenario = ph.scenario_create()
    translate(scenario, {ph.OPENING_LINE: MR_OPENING})
    _course, module = _module(make_course, [ph.roleplay_step(scenario), takeaways()])

    shown = ph.start(learner_client, step_url(module, 1))

    assert ph.OPENING_LINE[:30] in ph.current_line(shown)
    assert Attempt.objects.get().revision.object_id == str(scenario.pk)
