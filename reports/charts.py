"""HR's charts, drawn by the site itself as inline SVG (the same markup goes into the PDF).

Readable without colour: each part of a bar has its own pattern (solid, dotted, hatched, empty),
every figure is also written as text, and each chart has an accessible title. The same numbers are
in a table next to every chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import uuid4

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .selectors import GroupFigures, WeekFigure

INK = "#1b1f24"
MUTED = "#4f5b66"
LINE = "#d5dbe1"
LABEL_WIDTH = 220
BAR_WIDTH = 300
ROW = 40


def _short(text: str, limit: int = 24) -> str:
    # 24 characters at font size 13 fit the label column, capitals included: a longer label would
    # run out of the chart (past a PDF's page margin); the full label is the text's <title>.
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _patterns(uid: str) -> str:
    return (
        "<defs>"
        f'<pattern id="hr-hatch-{uid}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="3"/></pattern>'
        f'<pattern id="hr-dots-{uid}" width="5" height="5" patternUnits="userSpaceOnUse">'
        '<rect width="5" height="5" fill="#fff"/>'
        f'<circle cx="2.5" cy="2.5" r="1.3" fill="{MUTED}"/>'
        "</pattern></defs>"
    )


def _legend_items(uid: str, completed: str = "currentColor") -> list[tuple[str, str]]:
    return [
        (completed, _("Completed")),
        (f"url(#hr-dots-{uid})", _("In progress")),
        (f"url(#hr-hatch-{uid})", _("Overdue")),
        ("#fff", _("Not started")),
    ]


def _legend(uid: str, y: int) -> str:
    parts = []
    x = 0
    for fill, label in _legend_items(uid):
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{fill}" stroke="{MUTED}"/>'
            f'<text x="{x + 20}" y="{y + 12}" font-size="13" fill="{INK}">{escape(label)}</text>'
        )
        x += 30 + 8 * len(str(label))
    return "".join(parts)


def _bar(
    group: GroupFigures, uid: str, *, x: float, y: int, completed: str = "currentColor"
) -> list[str]:
    """The stacked bar's parts: completed, in progress, overdue, not started."""
    segments = [
        (group.completed, completed),
        (group.in_progress, f"url(#hr-dots-{uid})"),
        (group.overdue, f"url(#hr-hatch-{uid})"),
        (group.not_started, "#fff"),
    ]
    parts = []
    for count, fill in segments:
        if not count or not group.total:
            continue
        w = BAR_WIDTH * count / group.total
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="20" fill="{fill}" '
            f'stroke="{MUTED}" stroke-width="0.5"/>'
        )
        x += w
    if not group.total:
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BAR_WIDTH}" height="20" fill="#fff" stroke="{LINE}"/>'
        )
    return parts


def _summary(group: GroupFigures) -> str:
    summary = _("%(rate)s%% done") % {"rate": group.rate}
    if group.overdue:
        summary += " · " + _("%(n)s overdue") % {"n": group.overdue}
    return summary


def completion_bars_svg(groups: list[GroupFigures], *, title: str) -> SafeString:
    """One stacked bar per course or team: completed, in progress, overdue, not started."""
    uid = uuid4().hex[:8]
    top = 30
    height = top + ROW * len(groups) + 10
    width = LABEL_WIDTH + BAR_WIDTH + 190
    parts = [
        f'<svg class="hr-chart" role="img" aria-labelledby="hr-chart-{uid}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="hr-chart-{uid}">{escape(title)}</title>',
        _patterns(uid),
        _legend(uid, 4),
    ]
    for index, group in enumerate(groups):
        y = top + index * ROW
        parts.append(
            f'<text x="{LABEL_WIDTH - 10}" y="{y + 19}" font-size="13" text-anchor="end" '
            f'fill="{INK}"><title>{escape(group.label)}</title>{escape(_short(group.label))}</text>'
        )
        parts.extend(_bar(group, uid, x=float(LABEL_WIDTH), y=y + 5))
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 20}" font-size="13" '
            f'font-weight="700" fill="{INK}">{escape(_summary(group))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def weekly_columns_svg(weeks: list[WeekFigure], *, title: str) -> SafeString:
    """Completions per week as columns, each with its count written above it."""
    uid = uuid4().hex[:8]
    column = 44
    chart_height = 140
    top = 22
    width = column * len(weeks) + 20
    height = top + chart_height + 40
    peak = max((week.completed for week in weeks), default=0) or 1
    parts = [
        f'<svg class="hr-chart hr-chart--weeks" role="img" aria-labelledby="hr-chart-{uid}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="hr-chart-{uid}">{escape(title)}</title>',
        f'<line x1="0" y1="{top + chart_height}" x2="{width}" y2="{top + chart_height}" '
        f'stroke="{MUTED}"/>',
    ]
    for index, week in enumerate(weeks):
        x = 10 + index * column
        h = chart_height * week.completed / peak
        y = top + chart_height - h
        if week.completed:
            parts.append(
                f'<rect x="{x + 6}" y="{y:.1f}" width="{column - 12}" height="{h:.1f}" '
                'fill="currentColor"/>'
            )
        parts.append(
            f'<text x="{x + column / 2}" y="{y - 5:.1f}" font-size="12" text-anchor="middle" '
            f'font-weight="700" fill="{INK}">{week.completed}</text>'
            f'<text x="{x + column / 2}" y="{top + chart_height + 16}" font-size="11" '
            f'text-anchor="middle" fill="{MUTED}">'
            f"{escape(week_label(week))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def week_label(week: WeekFigure) -> str:
    return formats.date_format(week.start, "MONTH_DAY_FORMAT")


# --- The same charts for the PDF summary -----------------------------------------------------
# WeasyPrint lays SVG text out one character at a time, so Devanagari (a team or course named in
# Hindi or Marathi, or labels in those languages) would print unshaped: loose vowel signs and
# dotted circles. The PDF draws only shapes in SVG and sets every word as HTML text.
PDF_ACCENT = "#1f5f8b"  # a PDF's SVG has no page colour to inherit (summary-pdf.css's too)


@dataclass(frozen=True)
class PdfBar:
    group: GroupFigures
    bar: SafeString  # the stacked bar, no text
    summary: str


@dataclass(frozen=True)
class PdfWeek:
    label: str
    completed: int
    height_mm: float


def _shapes_svg(uid: str, body: str, *, width: int, height: int) -> SafeString:
    return mark_safe(  # noqa: S308 - numbers and fixed markup only, no text
        f'<svg class="pdf-shapes" viewBox="0 0 {width} {height}" aria-hidden="true" '
        f'xmlns="http://www.w3.org/2000/svg">{_patterns(uid)}{body}</svg>'
    )


def pdf_legend() -> list[tuple[SafeString, str]]:
    """The legend's swatches (SVG) with their labels (text)."""
    legend = []
    for index in range(4):
        uid = uuid4().hex[:8]  # each SVG its own pattern ids: they are anchors in the document
        fill, label = _legend_items(uid, PDF_ACCENT)[index]
        swatch = f'<rect width="14" height="14" fill="{fill}" stroke="{MUTED}"/>'
        legend.append((_shapes_svg(uid, swatch, width=14, height=14), str(label)))
    return legend


def pdf_bars(groups: list[GroupFigures]) -> list[PdfBar]:
    """One row per course or team: its bar as shapes, its figures as text."""
    bars = []
    for group in groups:
        uid = uuid4().hex[:8]
        shapes = "".join(_bar(group, uid, x=0.0, y=0, completed=PDF_ACCENT))
        bar = _shapes_svg(uid, shapes, width=BAR_WIDTH, height=20)
        bars.append(PdfBar(group=group, bar=bar, summary=_summary(group)))
    return bars


def pdf_weeks(weeks: list[WeekFigure], *, tallest_mm: float = 28) -> list[PdfWeek]:
    """Each week's column height (the busiest week is `tallest_mm`) with its label and count."""
    peak = max((week.completed for week in weeks), default=0) or 1
    return [
        PdfWeek(
            label=week_label(week),
            completed=week.completed,
            height_mm=round(tallest_mm * week.completed / peak, 1),
        )
        for week in weeks
    ]
