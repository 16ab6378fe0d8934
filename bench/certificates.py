"""Certificate rendering: our renderer against a naive WeasyPrint render, in the same run.

Ours: bundled fonts (Noto Sans Latin and Devanagari, woff2), stylesheets and font configuration
parsed once per process, a fetcher that reads the project's files directly.
Naive: what a first implementation does, on every render: parse the same HTML and stylesheet
again, with the system's fonts (fontconfig) and WeasyPrint's default fetcher. Same HTML, same
PDF options (PDF/A-2a, tagged). Prints the median CPU seconds per PDF (process time, so other
load on the machine does not count) and the ratio ours / naive.

    .venv/bin/python bench/certificates.py [--runs 30]
"""

import argparse
import logging
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML

from certificates.models import CertificateTemplate
from certificates.rendering import (
    PDF_VARIANT,
    certificate_html,
    certificate_view,
    pdf_from_view,
)

NAMES = ["Asha Rao", "Zoë O'Brien-Núñez", "प्रकाश कुलकर्णी"]


def demo_view(name: str):
    template = CertificateTemplate(
        name="Touchpoint",
        signatory_name="Meera Joshi",
        signatory_title="Head of Customer Experience",
    )
    return certificate_view(
        template=template,
        learner_name=name,
        course_title="Customers, not targets",
        completed_on=date(2026, 11, 25),
        expires_on=date(2027, 11, 25),
        code="ABCDE-FGHJK-MNPQR-STVWX",
    )


def naive_pdf(view) -> bytes:
    css_path = finders.find("certificates/certificate.css")
    system_fonts = CSS(string="html { font-family: 'DejaVu Sans', sans-serif; }")
    html = HTML(string=certificate_html(view), base_url=str(Path(css_path).parent))
    return html.write_pdf(
        stylesheets=[CSS(filename=css_path), system_fonts],
        pdf_variant=PDF_VARIANT,
        pdf_identifier=view.code.encode("ascii"),
    )


def median_seconds(render, views, runs: int) -> float:
    render(views[0])  # warm-up: imports, first font load (ours keeps it, naive does not)
    times = []
    for i in range(runs):
        view = views[i % len(views)]
        start = time.process_time()
        pdf = render(view)
        times.append(time.process_time() - start)
        assert pdf.startswith(b"%PDF")
    return statistics.median(times)


def main() -> None:
    # The naive render's system fonts have no Devanagari: WeasyPrint warns once per missing glyph
    # (the empty boxes our bundled fonts avoid). Said once here instead of hundreds of times.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    print("naive: the system fonts draw the Devanagari name as empty boxes (.notdef)")
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    views = [demo_view(name) for name in NAMES]
    # Interleave the two so machine noise hits both alike.
    ours, naive = [], []
    for _ in range(3):
        ours.append(median_seconds(pdf_from_view, views, args.runs // 3))
        naive.append(median_seconds(naive_pdf, views, args.runs // 3))
    ours_s, naive_s = statistics.median(ours), statistics.median(naive)
    print(f"certificate PDF, median of {args.runs} renders each ({', '.join(NAMES)})")
    print(f"  ours  (bundled fonts, shared styles): {ours_s * 1000:8.1f} ms")
    print(f"  naive (system fonts, parse each time): {naive_s * 1000:8.1f} ms")
    print(f"  ratio ours / naive: {ours_s / naive_s:.2f}  (aim: under 0.33)")


if __name__ == "__main__":
    main()
