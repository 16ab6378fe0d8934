"""HR's PDF summary as printed: names in any script with the bundled fonts, its language, and
every column inside the page margins however long the values."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from factories import CertificateFactory, TeamFactory, UserFactory
from pdf_checks import (
    catalog_lang,
    font_problems,
    pdftotext,
    placed_chars,
    text_in_svg_images,
    without_spaces,
)
from reports_helpers import enrol, file_bytes

from reports.models import ExportJob, ExportStatus

NAMES = ["अनन्या देशपांडे", "Zoë Ñúñez", "Łukasz Dvořák"]
MM = 72 / 25.4


def summary_pdf(client, params: dict | None = None) -> bytes:
    response = client.post(reverse("reports:export_start"), {**(params or {}), "format": "pdf"})
    assert response.status_code == 302
    job = ExportJob.objects.latest("created_at")
    assert job.status == ExportStatus.DONE, job.error
    content = file_bytes(client.get(reverse("reports:export_download", args=[job.pk])))
    assert content.startswith(b"%PDF")
    return content


@pytest.fixture
def named(org_a, course):
    team = TeamFactory(organisation=org_a, name="ग्राहक सेवा")  # a team named in Devanagari
    for index, name in enumerate(NAMES):
        learner = UserFactory(
            organisation=org_a, full_name=name, email=f"learner{index}@acme.example", team=team
        )
        enrol(learner, course, state="completed" if index == 0 else "in_progress")


def test_names_in_devanagari_and_latin_print_with_the_bundled_fonts_only(hr_client, named):
    pdf = summary_pdf(hr_client)

    text = without_spaces(pdftotext(pdf))
    for name in NAMES:
        assert without_spaces(name) in text, name
    # The team: its row under "Completion per team" and each learner's row.
    assert text.count(without_spaces("ग्राहक सेवा")) == 1 + len(NAMES)
    # Noto Sans and Noto Sans Devanagari, each glyph drawn from the file that has it: no
    # system fallback, no glyph of one file drawn with another file's outlines.
    assert font_problems(pdf) == []
    # Chart labels too: the charts' words are text of the page, not of an SVG image.
    assert text_in_svg_images(pdf) == []


@pytest.mark.parametrize("language", ["en", "hi"])
def test_the_pdf_says_the_language_it_is_written_in(hr_client, named, settings, language):
    settings.LANGUAGE_CODE = language  # the exports are written in the site's language
    with translation.override(language):
        pdf = summary_pdf(hr_client)
    assert catalog_lang(pdf) == language


def test_no_column_runs_past_the_page_margin(hr_client, org_a, make_course):
    team = TeamFactory(organisation=org_a, name="Customer experience and after-sales support")
    course = make_course(
        modules=1, title="Listening to the customer who has already explained it twice"
    )
    for index in range(40):
        learner = UserFactory(
            organisation=org_a,
            full_name=f"Maximiliane Alexandra von Hohenberg-Schwarzenfeld {index}",
            email=f"maximiliane.alexandra.hohenberg-schwarzenfeld.{index}@customer-care.acme.example",
            team=team,
        )
        enrol(learner, course, state="completed")
        CertificateFactory(user=learner, course=course, code=f"ABCDE-FGHJK-MNPQR-{index:05d}")

    pdf = summary_pdf(hr_client)

    chars, sizes = placed_chars(pdf)
    # Pdfium reads a hyphen that ends a line as U+FFFE (a hyphen the line break may have added).
    printed = without_spaces("".join(c.char for c in chars)).replace("\ufffe", "-")
    assert "ABCDE-FGHJK-MNPQR-00039" in printed
    margin = 12 * MM - 1  # the summary's left and right page margins, less a point of rounding
    outside = [
        c for c in chars if c.left < margin or c.right > sizes[c.page][0] - margin or c.bottom < 0
    ]
    assert outside == [], [(c.char, c.page, round(c.left), round(c.right)) for c in outside][:30]
