"""Authors design certificates in the CMS: wording checks and a preview in the admin."""

from __future__ import annotations

from factories import CertificateTemplateFactory, UserFactory
from helpers import signed_in

from certificates.models import CertificateTemplate
from people.roles import Role


def test_wording_must_use_each_placeholder_once():
    template = CertificateTemplate(name="Broken", wording="Well done {name} on {course}.")
    errors = _errors(template)
    assert "Use {date} exactly once." in errors["wording"]

    template.wording = "Well done {name} {name} on {course} ({date}) {colour}."
    errors = _errors(template)
    assert "Unknown placeholder(s): {colour}. Use {name}, {course} and {date}." in errors["wording"]
    assert "Use {name} exactly once." in errors["wording"]

    template.wording = "Unbalanced {name on {course} {date}"
    assert "Braces must come in pairs" in _errors(template)["wording"][0]


def _errors(template) -> dict:
    from django.core.exceptions import ValidationError

    try:
        template.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_coach_creates_a_template_in_the_admin(org_a):
    coach = UserFactory(organisation=org_a, roles=[Role.COACH])
    client = signed_in(coach)
    url = "/admin/snippets/certificates/certificatetemplate/add/"
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "name": "Store floor",
            "heading": "Certificate of care",
            "wording": "{name} completed {course} on {date}.",
            "signatory_name": "Meera Joshi",
            "signatory_title": "Coach",
            "accent_colour": "#224466",
            "page_size": "letter",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert CertificateTemplate.objects.get(name="Store floor").page_size == "letter"


def test_the_admin_preview_shows_the_page_and_the_pdf(org_a):
    coach = UserFactory(organisation=org_a, roles=[Role.COACH])
    template = CertificateTemplateFactory(heading="Certificate of care")
    client = signed_in(coach)
    base = f"/admin/snippets/certificates/certificatetemplate/preview/{template.pk}/"
    data = {
        "name": template.name,
        "heading": "Certificate of care",
        "wording": "{name} completed {course} on {date}.",
        "accent_colour": "#224466",
        "page_size": "A4",
    }
    for mode, content_type in (("html", "text/html"), ("pdf", "application/pdf")):
        assert client.post(f"{base}?mode={mode}", data).json()["is_valid"] is True
        response = client.get(f"{base}?mode={mode}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
    html = client.get(f"{base}?mode=html").content.decode()
    assert "प्रकाश कुलकर्णी" in html
    assert "Certificate of care" in html
