"""`|time_tag`: a date on a page as the reader's language writes it, in a `<time>` element.

Loaded into every template (TEMPLATES "builtins"). `{{ due|time_tag }}` gives
`<time datetime="2027-02-03">3 Feb 2027</time>`; `{{ at|time_tag:"DATETIME_FORMAT" }}` shows the
time too. The format is always a named one (cms/formats); the ISO value is for machines only.
Plain-text output (e-mails, subjects) uses `|date:"DATE_FORMAT"` instead.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

NAMED_FORMATS = frozenset(
    {
        "DATE_FORMAT",
        "DATETIME_FORMAT",
        "SHORT_DATE_FORMAT",
        "SHORT_DATETIME_FORMAT",
        "MONTH_DAY_FORMAT",
        "YEAR_MONTH_FORMAT",
        "TIME_FORMAT",
    }
)


@register.filter(expects_localtime=True)
def time_tag(value: date | datetime | None, format_name: str = "DATE_FORMAT") -> SafeString | str:
    if format_name not in NAMED_FORMATS:  # a pattern here would be a second way to write dates
        raise template.TemplateSyntaxError(f"time_tag takes a named format, not {format_name!r}")
    if not isinstance(value, date):  # None, "" or a missing attribute: nothing to show
        return ""
    machine = (
        value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()
    )
    return format_html(
        '<time datetime="{}">{}</time>', machine, formats.date_format(value, format_name)
    )
