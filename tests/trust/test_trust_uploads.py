"""Uploads (module images, certificate signatures and logos, documents): checked by content,
bounded in size, refused with a message that says why."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from factories import UserFactory
from helpers import signed_in, soup
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from people.roles import Role


def png(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#1f5f8b").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def coach_client(org_a):
    return signed_in(UserFactory(organisation=org_a, roles=[Role.COACH]))


@pytest.fixture
def admin_client():
    return signed_in(UserFactory(organisation=None, is_superuser=True, roles=[]))


def upload_image(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def error_text(response) -> str:
    errors = soup(response).select(".error-message, .w-field__errors, .help-critical")
    return " ".join(e.get_text(" ", strip=True) for e in errors)


def test_a_coach_uploads_a_real_image(coach_client):
    response = upload_image(coach_client, "signature.png", png())

    assert response.status_code == 302
    assert Image.objects.filter(title="Upload").exists()


def test_text_renamed_png_is_refused_with_a_reason(coach_client):
    response = upload_image(coach_client, "logo.png", b"<script>alert(1)</script>\n" * 20)

    assert response.status_code == 200
    assert not Image.objects.exists()
    assert "not an image or a corrupted image" in error_text(response)


def test_an_image_whose_name_lies_about_its_format_is_refused(coach_client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "GIF")

    response = upload_image(coach_client, "photo.png", buffer.getvalue())

    assert not Image.objects.exists()
    assert "extension does not match the file format" in error_text(response)


def test_svg_is_refused_because_it_can_carry_script(coach_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'

    response = upload_image(coach_client, "logo.svg", svg)

    assert not Image.objects.exists()
    assert "Not a supported image format" in error_text(response)


def test_a_too_large_file_is_refused_with_the_limit(coach_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    big = png(400, 400) + b"\x00" * 20_000  # a valid PNG with trailing bytes

    response = upload_image(coach_client, "big.png", big)

    assert not Image.objects.exists()
    assert "This file is too big" in error_text(response)


def test_an_image_with_too_many_pixels_is_refused(coach_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100

    response = upload_image(coach_client, "huge.png", png(200, 200))

    assert not Image.objects.exists()
    assert "too many pixels" in error_text(response)


def test_upload_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 5 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert not {"html", "htm", "svg", "js", "exe"} & set(settings.WAGTAILDOCS_EXTENSIONS)


# --- documents ---------------------------------------------------------------------------------


def upload_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Handout", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_real_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "handout.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n...")

    assert response.status_code == 302
    assert Document.objects.filter(title="Handout").exists()


def test_a_web_page_renamed_pdf_is_refused(admin_client):
    response = upload_document(admin_client, "handout.pdf", b"<html><script>alert(1)</script>")

    assert response.status_code == 200
    assert not Document.objects.exists()
    assert "content does not match its name" in error_text(response)


def test_a_binary_renamed_txt_is_refused(admin_client):
    response = upload_document(admin_client, "notes.txt", b"MZ\x90\x00\x03\x00\x00\x00")

    assert not Document.objects.exists()
    assert "content does not match its name" in error_text(response)


def test_a_program_is_refused_by_its_extension(admin_client):
    response = upload_document(admin_client, "setup.exe", b"MZ\x90\x00")

    assert not Document.objects.exists()
    assert "File extension" in error_text(response) or "not allowed" in error_text(response)


def test_a_too_large_document_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000

    response = upload_document(admin_client, "notes.txt", b"a" * 2000)

    assert not Document.objects.exists()
    assert "too big" in error_text(response)
