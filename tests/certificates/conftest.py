from __future__ import annotations

import io

import pytest
from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    return PdfReader(io.BytesIO(content)).pages[0].extract_text()


def downloaded(response) -> bytes:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


@pytest.fixture
def hr_a(org_a):
    from factories import UserFactory

    from people.roles import Role

    return UserFactory(organisation=org_a, email="hr@acme.example", roles=[Role.HR])


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what the code queued for after its transaction commits
    (the PDF render task), as a real request's commit would; tests run inside a transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
