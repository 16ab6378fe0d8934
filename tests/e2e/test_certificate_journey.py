"""The demo learner downloads a certificate anyone can verify; HR revokes it."""

from __future__ import annotations

import re
import shutil
import subprocess

import pypdfium2
import pytest
import zxingcpp
from django.core.management import call_command
from django.utils import timezone
from e2e_helpers import answer_questionnaire_if_asked, play_to_an_ending, sign_in

from courses.certificates.models import Certificate
from courses.models import CoursePage, ModulePage, ModuleProgress
from courses.services import enrolment_get_or_create
from people.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("seed_demo", verbosity=0)


def _all_but_the_last_module_done() -> ModulePage:
    learner = User.objects.get(email="learner@example.com")
    course = CoursePage.objects.get(slug="customers-not-targets")
    enrolment = enrolment_get_or_create(user=learner, course=course)
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    for module in modules[:-1]:
        ModuleProgress.objects.update_or_create(
            enrolment=enrolment,
            module=module,
            defaults={
                "completed_step_ids": [step.id for step in module.steps],
                "completed_at": timezone.now(),
            },
        )
    return modules[-1]


def pdf_text(path: str) -> str:
    # Poppler's pdftotext, as a person checking the file would; pypdf as a fallback reader.
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        return subprocess.run(  # noqa: S603 - a fixed program on a file this test downloaded
            [pdftotext, "-layout", path, "-"], capture_output=True, text=True, check=True
        ).stdout
    from pypdf import PdfReader

    return PdfReader(path).pages[0].extract_text()


def test_learner_downloads_a_verifiable_certificate_and_hr_revokes_it(demo, page, browser):
    last = _all_but_the_last_module_done()
    sign_in(page)
    page.goto(f"{last.url}step/1/")
    answer_questionnaire_if_asked(page, value=3)
    page.wait_for_url("**/step/1/")
    for _ in range(12):
        if page.get_by_role("button", name="Start the conversation").count():
            play_to_an_ending(page)
        if page.get_by_role("link", name="Get your certificate").count():
            break
        if page.locator("textarea[name=answer]").count():
            page.locator("textarea[name=answer]").fill("At the till I look up and say hello.")
        page.get_by_role("button", name=re.compile(r"^(Next|Finish module)$")).click()
    page.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url("**/certificates/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    path = download_info.value.path()
    certificate = Certificate.objects.get(user__email="learner@example.com")
    verify_url = f"{page.url.split('/certificates/')[0]}/certificates/verify/{certificate.code}/"

    text = pdf_text(str(path))
    assert "प्रकाश" in text or "Prakash" in text
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
