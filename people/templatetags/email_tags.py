"""Template helpers for the e-mail layout (templates/email/base.html)."""

from __future__ import annotations

import re

from django import template
from django.conf import settings

register = template.Library()

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_ACCENT = "#1f5f8b"


@register.filter
def email_colour(value: str | None) -> str:
    """A colour fit for an inline style attribute: `#rrggbb`, or the default accent."""
    return value if isinstance(value, str) and _HEX.fullmatch(value) else DEFAULT_ACCENT


@register.simple_tag
def email_base_url() -> str:
    """The site's base URL (TOUCHPOINT_BASE_URL), for e-mails rendered outside people.emails
    (Wagtail's moderation and comment notifications use the same layout)."""
    return settings.TOUCHPOINT_BASE_URL
