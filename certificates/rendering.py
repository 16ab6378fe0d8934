"""Certificate HTML and PDF (WeasyPrint, PDF/A-2a: archival and tagged).

Fonts, the fetcher (the project's own files only) and the parsed stylesheets are shared with
every other PDF: see courses/pdf.py.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

import segno
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from courses.pdf import internal_url, pdf_html, pdf_write
from people.languages import language_for
from people.links import absolute_url
from people.translation import in_language, shown

STYLESHEETS = ("certificates/certificate.css",)
PDF_VARIANT = "pdf/a-2a"


# --- Wording ----------------------------------------------------------------------------------


def wording_problems(wording: str) -> list[str]:
    """What is wrong with an author's wording: unknown or missing placeholders, stray braces."""
    try:
        fields = [name for _text, name, _spec, _conv in string.Formatter().parse(str(wording))]
    except ValueError:
        return [_("Braces must come in pairs around {name}, {course} or {date}.")]
    used = [name for name in fields if name is not None]
    problems = []
    unknown = sorted({name for name in used if name not in {"name", "course", "date"}})
    if unknown:
        problems.append(
            _("Unknown placeholder(s): %(names)s. Use {name}, {course} and {date}.")
            % {"names": ", ".join("{" + name + "}" for name in unknown)}
        )
    for name in ("name", "course", "date"):
        if used.count(name) != 1:
            problems.append(_("Use {%(name)s} exactly once.") % {"name": name})
    return problems


def wording_html(wording: str, *, name: str, course: str, when: str) -> SafeString:
    """The wording with the values in, escaped, each value wrapped for styling."""
    values = {
        "name": f'<span class="cert-name">{escape(name)}</span>',
        "course": f'<span class="cert-course">{escape(course)}</span>',
        "date": f'<span class="cert-date">{escape(when)}</span>',
    }
    out = []
    for text, field, _spec, _conv in string.Formatter().parse(wording):
        out.append(escape(text))
        if field is not None:
            out.append(values.get(field, ""))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above


# --- QR code ----------------------------------------------------------------------------------


def qr_svg_data_uri(url: str) -> str:
    """The URL as a vector QR code, as a data: URI that WeasyPrint draws as vector paths.

    segno encodes (mask chosen as the standard says) and writes the dark modules as one path of
    horizontal runs, a stroke each: a few short paths for WeasyPrint, not a rectangle per module.
    A viewBox without a fixed size, so the stylesheet's 28 mm scale it; a white quiet zone.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(border=2, omitsize=True, light="#fff", svgclass=None, lineclass=None)


# --- The document -----------------------------------------------------------------------------

_SIZE = {"A4": "A4 landscape", "letter": "letter landscape"}
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class CertificateView:
    """Everything the certificate template shows, already worked out."""

    heading: str
    wording: SafeString
    learner_name: str
    course_title: str
    completed_on: date
    expires_on: date | None
    code: str
    verify_url: str
    qr_uri: str
    signatory_name: str
    signatory_title: str
    signature_url: str
    logo_url: str
    page_css: SafeString
    title: str
    status: str = "valid"

    @property
    def completed_label(self) -> str:
        return formats.date_format(self.completed_on, "DATE_FORMAT")

    @property
    def expires_label(self) -> str:
        return formats.date_format(self.expires_on, "DATE_FORMAT") if self.expires_on else ""


def verify_url_for(code: str) -> str:
    return absolute_url(reverse("certificates:verify", kwargs={"code": code}))


def _image_url(image, *, internal: bool) -> str:
    if image is None:
        return ""
    rendition = image.get_rendition("max-800x400|format-png")
    name = rendition.file.name
    if internal:
        return internal_url("media", name)
    return rendition.url


def certificate_view(
    *,
    template,
    learner_name: str,
    course_title: str,
    completed_on: date,
    expires_on: date | None,
    code: str,
    internal_urls: bool = True,
    status: str = "valid",
) -> CertificateView:
    from .models import CertificateTemplate

    template = template or CertificateTemplate()
    when = formats.date_format(completed_on, "DATE_FORMAT")
    colour = template.accent_colour if _HEX.fullmatch(template.accent_colour or "") else "#1f5f8b"
    size = _SIZE.get(template.page_size, "A4 landscape")
    # Only validated values reach this CSS: a page size from a fixed list and a #rrggbb colour.
    page_css = mark_safe(f"@page {{ size: {size}; }} :root {{ --cert-accent: {colour}; }}")  # noqa: S308
    verify = verify_url_for(code)
    return CertificateView(
        heading=str(template.heading),
        wording=wording_html(
            str(template.wording), name=learner_name, course=course_title, when=when
        ),
        learner_name=learner_name,
        course_title=course_title,
        completed_on=completed_on,
        expires_on=expires_on,
        code=code,
        verify_url=verify,
        qr_uri=qr_svg_data_uri(verify),
        signatory_name=template.signatory_name,
        signatory_title=template.signatory_title,
        signature_url=_image_url(template.signature, internal=internal_urls),
        logo_url=_image_url(template.logo, internal=internal_urls),
        page_css=page_css,
        title=_("Certificate: %(course)s – %(name)s")
        % {"course": course_title, "name": learner_name},
        status=status,
    )


def certificate_html(view: CertificateView, *, for_browser: bool = False) -> str:
    return pdf_html(
        "certificates/certificate_document.html", {"cert": view, "for_browser": for_browser}
    )


def pdf_from_view(view: CertificateView) -> bytes:
    return pdf_write(
        certificate_html(view),
        stylesheets=STYLESHEETS,
        pdf_variant=PDF_VARIANT,
        pdf_identifier=view.code.encode("ascii"),
        uncompressed_pdf=False,
    )


def certificate_pdf(certificate) -> bytes:
    """The PDF for an issued certificate, exactly as stored and downloaded, in its learner's
    language."""
    with translation.override(language_for(certificate.user)):
        return _certificate_pdf(certificate)


def _certificate_pdf(certificate) -> bytes:
    # The template's wording and the course's title as the learner's language has them, where
    # they are translated (the certificate itself stays the original course's).
    course_title = certificate.course_title
    if certificate.course_id:
        found = shown(certificate.course)
        if found.content is not found.original:
            course_title = found.content.title
    view = certificate_view(
        template=in_language(certificate.template),
        learner_name=certificate.learner_name,
        course_title=course_title,
        completed_on=certificate.completed_on,
        expires_on=certificate.expires_on,
        code=certificate.code,
    )
    return pdf_from_view(view)


def _sample_view(template, *, internal_urls: bool) -> CertificateView:
    return certificate_view(
        template=template,
        learner_name="प्रकाश कुलकर्णी (Prakash Kulkarni)",
        course_title=_("Customers, not targets"),
        completed_on=timezone.localdate(),
        expires_on=None,
        code="SAMPL-E0000-PREVI-EW000",
        internal_urls=internal_urls,
    )


def sample_certificate_pdf(template) -> bytes:
    """The admin preview: the template filled in for a sample learner with a Devanagari name."""
    return pdf_from_view(_sample_view(template, internal_urls=True))


def sample_certificate_html(template, *, request=None) -> str:
    return certificate_html(_sample_view(template, internal_urls=False), for_browser=True)
