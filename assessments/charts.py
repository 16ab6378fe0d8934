"""Charts drawn by the site itself: inline SVG, readable without colour (values are written)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import uuid4

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

ROW = 44
LABEL_WIDTH = 190
BAR_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    before: float | None = None


def profile_svg(bars: list[Bar], *, title: str) -> SafeString:
    """Horizontal 0-100 bars per dimension; with `before`, a hatched bar under the solid one."""
    uid = uuid4().hex[:8]  # ids unique per chart, so several can share a page
    height = ROW * len(bars) + 30
    width = LABEL_WIDTH + BAR_WIDTH + 110
    parts = [
        f'<svg class="profile-chart" role="img" aria-labelledby="pc-title-{uid}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="pc-title-{uid}">{escape(title)}</title>',
        f'<defs><pattern id="pc-hatch-{uid}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#4f5b66" stroke-width="3"/></pattern></defs>',
    ]
    for tick in (0, 50, 100):
        x = LABEL_WIDTH + BAR_WIDTH * tick / 100
        parts.append(
            f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 24}" stroke="#d5dbe1"/>'
            f'<text x="{x}" y="{height - 8}" font-size="12" text-anchor="middle" '
            f'fill="#4f5b66">{tick}</text>'
        )
    for index, bar in enumerate(bars):
        y = index * ROW + 6
        parts.append(
            f'<text x="{LABEL_WIDTH - 10}" y="{y + 20}" font-size="14" text-anchor="end" '
            f'fill="#1b1f24">{escape(bar.label)}</text>'
        )
        if bar.before is not None:
            w = BAR_WIDTH * bar.before / 100
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 18}" width="{w:.1f}" height="12" '
                f'fill="url(#pc-hatch-{uid})" stroke="#4f5b66"/>'
                f'<text x="{LABEL_WIDTH + w + 6:.1f}" y="{y + 29}" font-size="12" '
                f'fill="#4f5b66">{escape(_("before %(v)s") % {"v": _fmt(bar.before)})}</text>'
            )
        if bar.value is not None:
            w = BAR_WIDTH * bar.value / 100
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{w:.1f}" height="14" '
                f'fill="currentColor"/>'
                f'<text x="{LABEL_WIDTH + w + 6:.1f}" y="{y + 14}" font-size="13" '
                f'font-weight="700" fill="#1b1f24">{escape(_fmt(bar.value))}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
