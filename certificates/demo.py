"""Demo content for certificates: one template, used by the demo course. Safe to run again."""

from __future__ import annotations

from wagtail.models import Locale

from courses.models import CoursePage

from .models import CertificateTemplate

# The demo template's words (demo/i18n/<language>/certificate.yaml translates them).
DEMO_TEMPLATE = {
    "heading": "Certificate of completion",
    "wording": "This certifies that {name} completed the course {course} on {date}.",
    "signatory_name": "Meera Joshi",
    "signatory_title": "Head of Customer Experience, Demo Retail & Services",
}


def demo_certificate_template_ensure(*, course: CoursePage) -> CertificateTemplate:
    template, _created = CertificateTemplate.objects.get_or_create(
        name="Touchpoint",
        locale=Locale.get_default(),  # its translations share the name
        defaults={**DEMO_TEMPLATE, "accent_colour": "#1f5f8b"},
    )
    if course.certificate_template_id is None:
        course.certificate_template = template
        course.save_revision().publish()
    return template
