"""The demo course in Hindi and Marathi, published as wagtail-localize translations.

demo/i18n/<language>/ mirrors demo/: the same files in the same shape with only the words
translated (structure such as node keys, points and conditions stays the original's). Each
translated string is matched to the original's by walking both files side by side, then handed to
wagtail-localize as a translator's PO file would be, so a translator opening the translation in the
admin sees every segment filled in and can go on from there.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

from assessments.models import Questionnaire
from certificates.demo import DEMO_TEMPLATE

from .demo_data import DEMO_DIR, _front_matter, _load, demo_modules, story_html

I18N_DIR = DEMO_DIR / "i18n"
LANGUAGES = ("hi", "mr")

# Values that are structure, not words: the same in every language (demo_check checks this).
STRUCTURE = {
    "type", "key", "next_key", "start_key", "speaker", "mood", "rating", "sets_flags", "flag",
    "dimension", "points", "test", "minimum", "tone", "feedback_timing", "slug",
    "estimated_minutes", "source_title", "source_author", "scale_points", "reverse_scored",
    "roleplay_first", "rubric", "persona_pronunciation", "validity_note", "min_length",
    "signatory_name",
}  # fmt: skip
# Fields holding rich text (HTML): matched paragraph by paragraph, as wagtail-localize splits them.
RICH = {"body", "explanation", "description", "intro"}


def _plain(text: str) -> str:
    return StringValue.from_plaintext(text.strip()).data


def _rich(html: str) -> list[str]:
    _template, strings = extract_strings(html)
    return [string.data for string, _attrs in strings]


def strings_matched(original, translated, key: str = "") -> dict[str, str]:
    """{original segment: translated segment} for two same-shaped data trees."""
    found: dict[str, str] = {}
    if isinstance(original, dict) and isinstance(translated, dict):
        for name, value in original.items():
            if name not in STRUCTURE and name in translated:
                found.update(strings_matched(value, translated[name], name))
    elif isinstance(original, list | tuple) and isinstance(translated, list | tuple):
        for a, b in zip(original, translated, strict=False):
            found.update(strings_matched(a, b, key))
    elif isinstance(original, str) and isinstance(translated, str) and original.strip():
        if key in RICH:
            found.update(zip(_rich(original), _rich(translated), strict=False))
        else:
            found[_plain(original)] = _plain(translated)
    return found


def _course(folder: Path) -> dict:
    data, body = _front_matter(folder / "course.md")
    return {**data, "description": story_html(body)}


def demo_translated(language: str) -> dict:
    """What demo/i18n/<language> holds, as {"course"|"questionnaire"|"certificate"|module slug|
    "scenario:"+module slug: (original data, translated data)}; files not there are left out."""
    folder = I18N_DIR / language
    pairs: dict[str, tuple] = {}
    if (folder / "course.md").exists():
        pairs["course"] = (_course(DEMO_DIR), _course(folder))
    if (folder / "questionnaire.yaml").exists():
        original, translated = (
            _load(DEMO_DIR / "questionnaire.yaml"),
            _load(folder / "questionnaire.yaml"),
        )
        # The demo keeps the model's default scale labels; a translation gives them in its words.
        original.setdefault("scale_labels", Questionnaire._meta.get_field("scale_labels").default)
        pairs["questionnaire"] = (original, translated)
    if (folder / "certificate.yaml").exists():
        pairs["certificate"] = (DEMO_TEMPLATE, _load(folder / "certificate.yaml"))
    originals = {module["slug"]: module for module in demo_modules()}
    if (folder / "modules").is_dir():
        for module in demo_modules(folder / "modules"):
            if module["slug"] in originals:
                pairs[module["slug"]] = (originals[module["slug"]], module)
    for path in sorted((folder / "scenarios").glob("*.yaml")):
        original = DEMO_DIR / "scenarios" / path.name
        if original.exists():
            pairs[f"scenario:{path.stem}"] = (_load(original), _load(path))
    return pairs


@transaction.atomic
def translation_publish(*, instance, language: str, strings: dict[str, str]) -> tuple[int, int]:
    """Publish `instance`'s translation into `language` with these {original: translated}
    segments, as a translator's uploaded PO file would; the rest falls back to the original.
    Returns (segments filled, segments in all). A page's untranslated parents are copied."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    filled = 0
    for entry in po:
        if entry.msgctxt == "slug":
            entry.msgstr = entry.msgid  # one URL per page whatever the language
            continue
        entry.msgstr = strings.get(entry.msgid, "")
        filled += bool(entry.msgstr)
    translation.import_po(po)
    translation.save_target(publish=True)
    return filled, len(po) - sum(entry.msgctxt == "slug" for entry in po)


def _shape_problems(original, translated, where: str) -> list[str]:
    if isinstance(original, dict):
        if not isinstance(translated, dict):
            return [f"{where}: not a mapping"]
        problems = [
            f"{where}.{name}: missing"
            for name in original
            if name not in translated and name not in STRUCTURE
        ]
        for name, value in original.items():
            if name not in translated:
                continue
            if name in STRUCTURE:
                if translated[name] != value:
                    problems.append(f"{where}.{name}: structure changed ({translated[name]!r})")
            else:
                problems += _shape_problems(value, translated[name], f"{where}.{name}")
        return problems
    if isinstance(original, list | tuple):
        if not isinstance(translated, list | tuple) or len(original) != len(translated):
            return [f"{where}: {len(original)} items in the original, not the same here"]
        return [
            problem
            for i, (a, b) in enumerate(zip(original, translated, strict=True))
            for problem in _shape_problems(a, b, f"{where}[{i}]")
        ]
    if isinstance(original, str) and original.strip():
        if not isinstance(translated, str) or not translated.strip():
            return [f"{where}: no text"]
        if where.split(".")[-1] in RICH and len(_rich(original)) != len(_rich(translated)):
            return [f"{where}: {len(_rich(original))} paragraphs in the original, not the same"]
    return []


def translation_problems(language: str) -> list[str]:
    """What keeps demo/i18n/<language> from matching the originals: a changed structure, a
    missing text or a paragraph count that differs (so its segments would not line up)."""
    problems = []
    for name, (original, translated) in demo_translated(language).items():
        problems += [f"{language} {name}: {p}" for p in _shape_problems(original, translated, "")]
    return problems
