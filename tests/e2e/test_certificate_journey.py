"""The demo learner downloads a certificate anyone can verify; HR revokes it."""

from __future__ import annotations

import re

import pypdfium2
import pytest
import zxingcpp
from e2e_helpers import (
    all_modules_done_but,
    answer_questionnaire_if_asked,
    sign_in,
    take_module_to_the_end,
)
from pdf_checks import pdftotext

from certificates.models import Certificate

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server, settings):
    settings.TOUCHPOINT_BASE_URL = live_server.url


def test_learner_downloads_a_verifiable_certificate_and_hr_revokes_it(demo, page, browser):
    last = all_modules_done_but("stopping-to-say-hello")  # the course's last module
    sign_in(page)
    page.goto(f"{last.url}step/1/")
    answer_questionnaire_if_asked(page, value=3)
    page.wait_for_url("**/step/1/")
    take_module_to_the_end(page)
    page.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url("**/certificates/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    path = download_info.value.path()
    certificate = Certificate.objects.get(user__email="learner@example.com")
    verify_url = f"{page.url.split('/certificates/')[0]}/certificates/verify/{certificate.code}/"

    text = pdftotext(path.read_bytes())
    # The printed name in full, in Devanagari. pdftotext may split a conjunct ("कुलक र्णी")
    # when it reads the shaped glyphs back, so spaces are not compared.
    assert "प्रकाशकुलकर्णी" in re.sub(r"\s+", "", text)
    assert "Customers, not targets" in text
    assert verify_url in text.replace("\n", "")
    document = pypdfium2.PdfDocument(str(path))
    try:
        image = document[0].render(scale=3).to_pil()
    finally:
        document.close()
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [verify_url]

    page.goto(verify_url)
    assert page.locator(".cert-verify__status").inner_text().strip() == "Valid"

    hr = browser.new_context(base_url=page.url.split("/certificates/")[0]).new_page()
    sign_in(hr, email="hr@example.com")
    hr.goto("/certificates/manage/")
    hr.get_by_role("link", name=f"Revoke – {certificate.learner_name}").click()
    hr.get_by_label("Reason").fill("Completed on a shared account.")
    hr.get_by_role("button", name="Revoke certificate").click()
    hr.wait_for_url("**/certificates/manage/")
    assert "is revoked" in hr.content()

    page.goto(verify_url)
    assert page.locator(".cert-verify__status").inner_text().strip() == "Revoked"
