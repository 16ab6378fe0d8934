"""The demo course in Hindi and Marathi (demo/i18n): same structure, every segment translated."""

from __future__ import annotations

import pytest
from wagtail_localize.models import Translation

from cms.demo_translations import LANGUAGES, demo_translated, translation_problems
from scenarios.models import Scenario


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_demo_file_keeps_the_originals_structure(language):
    assert demo_translated(language), f"demo/i18n/{language} is empty"
    assert translation_problems(language) == []


def test_the_seeded_translations_fill_every_segment_and_keep_each_conversation(demo):
    translations = list(Translation.objects.select_related("source", "target_locale"))
    expected = sum(len(demo_translated(language)) for language in LANGUAGES)
    assert len(translations) == expected

    for translation in translations:
        total, done = translation.get_progress()
        assert done == total, f"{translation.source} in {translation.target_locale}: {done}/{total}"

    for scenario in Scenario.objects.exclude(locale__language_code="en"):
        original = Scenario.objects.get(
            translation_key=scenario.translation_key, locale__language_code="en"
        )
        assert scenario.live
        ours, theirs = scenario.graph, original.graph
        assert ours.start_key == theirs.start_key
        for node in theirs.nodes.values():
            translated = ours.node(node.key)
            assert [c.next_key for c in translated.choices] == [c.next_key for c in node.choices]
            assert [c.points for c in translated.choices] == [c.points for c in node.choices]
            if node.text:
                assert translated.text != node.text  # the words are the translation's
