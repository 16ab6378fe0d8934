"""The renderer loads only the project's own files: no file://, no network, no escapes."""

from __future__ import annotations

import pytest
from factories import CertificateTemplateFactory
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page  # noqa: F401  (Wagtail app registry is ready in tests)

from certificates.services import certificate_issue
from courses.pdf import INTERNAL_BASE, ProjectFileFetcher, RefusedURL


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://touchpoint.internal/static/cms/img/favicon.svg",
        "http://169.254.169.254/latest/meta-data/",
        INTERNAL_BASE + "static/../../../etc/passwd",
        INTERNAL_BASE + "static/%2e%2e/%2e%2e/etc/passwd",
        INTERNAL_BASE + "etc/passwd",
        "ftp://touchpoint.internal/static/cms/css/site.css",
    ],
)
def test_the_fetcher_refuses_anything_outside_the_project(url):
    with pytest.raises((RefusedURL, ValueError)):
        ProjectFileFetcher().fetch(url)


def test_the_fetcher_serves_static_files_and_data_uris():
    fetcher = ProjectFileFetcher()
    css = fetcher.fetch(INTERNAL_BASE + "static/certificates/certificate.css")
    assert b".cert__heading" in css.read()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_the_fetcher_serves_media_files_through_storage(learner, make_course, committed):
    from wagtail.images.models import Image

    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    template = CertificateTemplateFactory(logo=logo)
    course = make_course(modules=1, certificate_template=template)

    with committed():
        certificate = certificate_issue(user=learner, course=course)
    certificate.refresh_from_db()

    from pypdf import PdfReader

    assert certificate.render_error == ""
    page = PdfReader(certificate.pdf.open("rb")).pages[0]
    assert page["/Resources"]["/XObject"], "the logo image is embedded"


def test_a_certificate_never_fetches_an_outside_url_even_if_one_reaches_the_html(monkeypatch):
    from weasyprint import HTML

    fetched: list[str] = []
    real_fetch = ProjectFileFetcher.fetch

    def spy(self, url, headers=None):
        try:
            response = real_fetch(self, url, headers)
        except RefusedURL:
            fetched.append(url)
            raise
        raise AssertionError(f"fetched {url}")  # pragma: no cover - would be the bug
        return response

    monkeypatch.setattr(ProjectFileFetcher, "fetch", spy)
    html = (
        '<img src="file:///etc/passwd"><img src="http://example.com/x.png">'
        '<link rel="stylesheet" href="https://example.com/x.css">'
    )
    pdf = HTML(string=html, base_url=INTERNAL_BASE, url_fetcher=ProjectFileFetcher()).write_pdf()
    assert pdf.startswith(b"%PDF")
    # Every outside URL was asked for and refused; the render still finished.
    assert sorted(fetched) == sorted(
        ["file:///etc/passwd", "http://example.com/x.png", "https://example.com/x.css"]
    )
