"""A learner takes a demo module and its role-play to the end in Marathi, and another in Hindi."""

from __future__ import annotations

import re

import pytest
from e2e_helpers import answer_questionnaire_if_asked, sign_in, sign_in_to_the_admin
from playwright.sync_api import expect

from courses.models import Enrolment, ModulePage
from people.translation import shown
from scenarios.models import Attempt, Scenario
from scenarios.scoring import best_path

pytestmark = pytest.mark.django_db(transaction=True)

# One demo module per language that demo/i18n translates in full (module and role-play).
MODULES = {"mr": ("the-scratch-on-the-door", "मराठी"), "hi": ("not-a-recording", "हिन्दी")}
# What the learner writes, in their language: a written reply, then a reflection.
WRITTEN = {
    "mr": (
        "माफ करा. मी आजच हे नीट करून देतो आणि तुम्हाला वेळ सांगून फोन करतो.",
        "ग्राहकाला आधीच सांगणे, वेळ देणे आणि दिलेला शब्द पाळणे: हे मी उद्यापासून करेन.",
    ),
    "hi": (
        "माफ़ कीजिए. मैं अभी यह ठीक करवाता हूँ और आपको समय बताकर फ़ोन करूँगा।",
        "ग्राहक को पहले से बताना, समय देना और अपना वादा निभाना: यह मैं कल से करूँगा।",
    ),
}


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def _label(language: str, text: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("language", sorted(MODULES))
def test_a_module_and_its_roleplay_played_to_the_end_in_the_learners_language(demo, page, language):
    slug, native = MODULES[language]
    module = ModulePage.objects.originals().get(slug=slug, locale__language_code="en")
    translated = shown(module, language=language).content
    assert translated is not module, f"demo/i18n/{language} lacks the module {slug}"
    sign_in(page)
    # The switcher in the footer: the choice is kept on the profile.
    page.get_by_role("button", name=native).click()
    expect(page.locator("html")).to_have_attribute("lang", language)

    page.goto(f"{module.url}step/1/")
    answer_questionnaire_if_asked(page, save=_label(language, "Save my answers"))
    page.wait_for_url("**/step/1/")
    expect(page.locator("h1.module-title")).to_have_text(translated.title)
    expect(page.locator(".untranslated")).to_have_count(0)

    roleplay = next(block for block in module.steps if block.block_type == "roleplay")
    scenario = Scenario.objects.get(
        translation_key=roleplay.value["scenario"].translation_key, locale__language_code=language
    )
    graph = scenario.graph
    best = best_path(graph)
    decisions = {decision.node.key: decision for decision in best.decisions}
    for _step in range(len(module.steps) + 1):
        if "/done/" in page.url:
            break
        start = page.get_by_role("button", name=_label(language, "Start the conversation"))
        if start.count():
            start.click()
            for key in best.steps:
                node = graph.node(key)
                if key in decisions:
                    decision = decisions[key]
                    # The customer speaks the learner's language.
                    line = node.text_for(decision.state)
                    expect(page.locator("form.roleplay-turn blockquote")).to_contain_text(line[:30])
                    page.locator(f"#choice-{decision.choice.index}").check()
                    page.get_by_role("button", name=_label(language, "Answer")).click()
                else:
                    page.locator("textarea[name=reply]").fill(WRITTEN[language][0])
                    for check in node.checks:
                        page.get_by_label(check.text).check()
                    page.get_by_role("button", name=_label(language, "Send reply")).click()
            expect(page.locator(".result")).to_contain_text(best.ending.outcome[:30])
        reflection = page.locator("textarea[name=answer]")
        if reflection.count():
            reflection.fill(WRITTEN[language][1])
        page.locator("button[name=action][value=next]").first.click()
        page.wait_for_load_state()
    page.wait_for_url(re.compile(r"/done/"))
    expect(page.locator("main")).to_contain_text(translated.title)

    # The progress and the attempt are the course's own, whatever the language.
    enrolment = Enrolment.objects.get(user__email="learner@example.com", course=module.course)
    assert enrolment.module_progress.get(module=module).completed_at is not None
    attempt = Attempt.objects.filter(user__email="learner@example.com").latest("started_at")
    assert attempt.scenario_id == roleplay.value["scenario"].pk
    assert attempt.ending_tone == "good"


def test_a_translator_opens_a_marathi_role_play_in_the_admins_translation_editor(demo, page):
    """wagtail-localize's editor (source beside translation, segment by segment) works under the
    site's Content-Security-Policy."""
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if message.type == "error" else None,
    )
    module = ModulePage.objects.originals().get(slug=MODULES["mr"][0])
    roleplay = next(block for block in module.steps if block.block_type == "roleplay")
    original = roleplay.value["scenario"]
    translation = Scenario.objects.get(
        translation_key=original.translation_key, locale__language_code="mr"
    )
    sign_in_to_the_admin(page)

    page.goto(f"/admin/snippets/scenarios/scenario/edit/{translation.pk}/")

    # The source's words and the translation's, side by side.
    editor = page.locator("main")
    expect(editor).to_contain_text(original.persona_situation[:40])
    expect(editor).to_contain_text(translation.persona_situation[:20])
    assert refused == []
