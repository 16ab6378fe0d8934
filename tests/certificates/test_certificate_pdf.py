"""The PDF: what it says, its QR code, PDF/A and tags, fonts for any name, stored once."""

from __future__ import annotations

import io

import pypdfium2
import pytest
import zxingcpp
from conftest import downloaded, pdf_text
from django.utils import translation
from factories import CertificateTemplateFactory, UserFactory
from helpers import complete_course, signed_in
from pdf_checks import (
    BUNDLED_FAMILIES,
    catalog_lang,
    embedded_fonts,
    font_problems,
    pdftotext,
    without_spaces,
)
from pypdf import PdfReader

from certificates import services
from certificates.models import Certificate
from certificates.services import certificate_issue


def qr_codes(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=3).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def font_names(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return {str(font.get_object()["/BaseFont"]).split("+", 1)[-1] for font in fonts.values()}


def test_the_downloaded_pdf_names_the_learner_course_and_verification_address(
    learner, learner_client, course, settings, committed
):
    settings.TOUCHPOINT_BASE_URL = "https://learn.example.com"
    with committed():
        complete_course(learner_client, course)
    certificate = Certificate.objects.get(user=learner)

    pdf = downloaded(learner_client.get(f"/certificates/{certificate.code}/download/"))

    text = pdf_text(pdf)
    verify_url = f"https://learn.example.com/certificates/verify/{certificate.code}/"
    assert "Asha Rao" in text
    assert course.title in text
    assert verify_url in text.replace("\n", "")
    assert qr_codes(pdf) == [verify_url]
    assert signed_in(learner).get(f"/certificates/verify/{certificate.code}/").status_code == 200


def test_the_pdf_is_archival_tagged_and_titled(learner, course, committed):
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()
    reader = PdfReader(certificate.pdf.open("rb"))

    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title == f"Certificate: {course.title} – Asha Rao"
    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_the_qr_code_is_drawn_as_vector_shapes_not_a_picture(learner, course, committed):
    # The default template has no logo or signature: a page without any image still scans.
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()
    pdf = certificate.pdf.open("rb").read()
    page = PdfReader(io.BytesIO(pdf)).pages[0]

    objects = page["/Resources"].get("/XObject", {})
    images = [name for name, ref in objects.items() if ref.get_object()["/Subtype"] == "/Image"]
    assert images == []
    assert len(qr_codes(pdf)) == 1


@pytest.mark.parametrize("page_size, width", [("A4", 841.89), ("letter", 792.0)])
def test_templates_print_landscape_on_a4_and_letter(
    learner, make_course, page_size, width, committed
):
    template = CertificateTemplateFactory(page_size=page_size, heading="Well done")
    course = make_course(modules=1, certificate_template=template)
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()
    page = PdfReader(certificate.pdf.open("rb")).pages[0]

    assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    assert page.mediabox.width > page.mediabox.height
    assert "WELL DONE" in page.extract_text()
    assert "Meera Joshi" in page.extract_text()


@pytest.mark.parametrize(
    "name, font",
    [
        ("Zoë O'Brien-Núñez", "Touchpoint-Latin"),
        ("Łukasz Żółć Dvořák", "Touchpoint-Latin-Ext"),
        ("प्रकाश कुलकर्णी", "Touchpoint-Devanagari"),
    ],
)
def test_names_in_any_script_print_with_the_bundled_fonts(
    org_a, course, name, font, committed, caplog
):
    learner = UserFactory(organisation=org_a, full_name=name)
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    # WeasyPrint warns for every character it has to draw as an empty box (.notdef glyph).
    assert ".notdef" not in caplog.text
    certificate.refresh_from_db()
    pdf = certificate.pdf.open("rb").read()

    # Every font is one of ours, embedded; none is a system fallback that could miss glyphs.
    fonts = font_names(pdf)
    assert all(f.startswith("Touchpoint-") for f in fonts), fonts
    assert any(f.startswith(font) for f in fonts), fonts
    # The letters come back out of the PDF (complex scripts may reorder marks, not lose them).
    text = pdf_text(pdf)
    assert set(name.replace(" ", "")) <= set(text), (name, text)


def test_a_name_that_looks_like_html_is_printed_as_text(org_a, course, committed):
    learner = UserFactory(organisation=org_a, full_name='<img src="file:///etc/passwd"> Ravi')
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()
    assert '<img src="file:///etc/passwd"> Ravi' in pdf_text(certificate.pdf.open("rb").read())


def test_later_downloads_serve_the_stored_file(
    learner, learner_client, course, monkeypatch, committed
):
    with committed():
        complete_course(learner_client, course)
    certificate = Certificate.objects.get(user=learner)
    stored = certificate.pdf.open("rb").read()

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("certificates.rendering.pdf_from_view", must_not_render)
    for _ in range(2):
        assert downloaded(learner_client.get(f"/certificates/{certificate.code}/download/")) == (
            stored
        )


def test_a_storage_failure_keeps_the_completion_and_retries_later(
    learner, learner_client, course, monkeypatch, caplog, committed
):
    from django.core.files.storage import InMemoryStorage

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # The test settings store media in memory; make that storage fail as a full disk would.
    monkeypatch.setattr(InMemoryStorage, "_save", disk_full)
    with committed():
        complete_course(learner_client, course)

    certificate = Certificate.objects.get(user=learner)
    assert not certificate.pdf
    assert "No space left on device" in certificate.render_error
    assert certificate.render_attempts == 1
    assert "certificate PDF could not be stored" in caplog.text
    assert certificate.user.enrolments.get().completed_at is not None
    # The download says it is not ready, without losing anything.
    response = learner_client.get(f"/certificates/{certificate.code}/download/")
    assert response.status_code == 503
    assert "not ready yet" in response.content.decode()

    monkeypatch.undo()
    with committed():
        assert services.certificates_render_pending() == 1

    certificate.refresh_from_db()
    assert certificate.pdf and certificate.render_error == ""
    assert services.certificates_render_pending() == 0


def test_the_empty_box_check_sees_a_character_no_font_has(caplog):
    """The check above can fail: WeasyPrint's warning reaches the log when a box is drawn."""
    from weasyprint import HTML

    HTML(string="<p>\u0378 is an unassigned code point</p>").write_pdf()
    assert ".notdef" in caplog.text


@pytest.mark.parametrize("name", ["अनन्या देशपांडे", "Zoë Ñúñez"])
@pytest.mark.parametrize("language", ["en", "mr"])
def test_the_certificate_prints_the_name_with_the_bundled_fonts_in_its_language(
    org_a, course, committed, name, language
):
    learner = UserFactory(organisation=org_a, full_name=name, language=language)
    # The certificate is written in its learner's language, whoever's request issued it; it
    # says so.
    with translation.override("hi"), committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()
    pdf = certificate.pdf.open("rb").read()

    assert without_spaces(name) in without_spaces(pdftotext(pdf))
    assert font_problems(pdf) == []
    assert {font.family for font in embedded_fonts(pdf)} <= BUNDLED_FAMILIES
    assert catalog_lang(pdf) == language


def test_the_admin_preview_pdf_prints_its_sample_names_with_the_bundled_fonts():
    from certificates.rendering import sample_certificate_pdf

    with translation.override("hi"):
        pdf = sample_certificate_pdf(CertificateTemplateFactory())

    assert without_spaces("प्रकाश कुलकर्णी (Prakash Kulkarni)") in without_spaces(pdftotext(pdf))
    assert font_problems(pdf) == []
    assert {font.family for font in embedded_fonts(pdf)} == BUNDLED_FAMILIES
    assert catalog_lang(pdf) == "hi"


def test_a_certificate_is_written_in_its_learners_language(learner, course, committed):
    learner.language = "mr"
    learner.save()
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()
    pdf = certificate.pdf.open("rb").read()

    # Text extraction reorders Devanagari vowel signs, so look for the script, not the words.
    text = pdftotext(pdf)
    assert "Verify at" not in text and "Certificate of completion" not in text
    assert any("\u0900" <= char <= "\u097f" for char in text)
    assert catalog_lang(pdf) == "mr"


def test_a_certificate_prints_the_translated_course_and_wording_in_its_learners_language(
    learner, course, committed, django_capture_on_commit_callbacks
):
    from cms.demo_translations import translation_publish

    template = CertificateTemplateFactory(wording="{name} finished {course} on {date}.")
    course.certificate_template = template
    course.save_revision().publish()
    # Latin markers inside the Marathi: text extraction keeps them in order.
    with django_capture_on_commit_callbacks(execute=True):
        translation_publish(instance=course, language="mr", strings={course.title: "कोर्स MRCOURSE"})
        translation_publish(
            instance=template,
            language="mr",
            strings={"{name} finished {course} on {date}.": "{name} MRWORDING {course} {date}"},
        )
    learner.language = "mr"
    learner.save()
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()

    text = pdftotext(certificate.pdf.open("rb").read())
    assert "MRCOURSE" in text and "MRWORDING" in text
    assert course.title not in text and "finished" not in text
    assert certificate.course_id == course.pk  # the certificate is the original course's
