"""Coach-written Markdown to safe HTML: Markdown renders, nh3 (ammonia) keeps an allow-list.

Sanitised on every render (not stored), so a tightened policy applies to old feedback too.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "hr",
    "h3",
    "h4",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow"
MAX_SOURCE = 20_000  # longer text is cut; a feedback box is not a document store


def _safe_href(value: str) -> bool:
    """Absolute http(s)/mailto links, or paths on this site. Nothing that runs or leaves quietly."""
    value = value.strip()
    if any(ord(char) < 32 for char in value):
        return False
    parts = urlsplit(value)
    if parts.scheme:
        return parts.scheme.lower() in URL_SCHEMES
    # Only paths on this site ("/learn/") and anchors; "//host" would leave it unannounced, and
    # anything else relative ("java script:...") is not a link a coach means to write.
    return (value.startswith("/") and not value.startswith(("//", "/\\"))) or value.startswith("#")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not _safe_href(value):
        return None
    return value


def markdown_to_html(source: str) -> SafeString:
    """Render Markdown and sanitise the result: no script, no event handlers, safe links only."""
    renderer = markdown_lib.Markdown(extensions=["sane_lists", "nl2br"], output_format="html")
    # Markdown only: HTML typed by the coach ("greet <name> first") shows as text, not markup.
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    html = renderer.convert((source or "")[:MAX_SOURCE])
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        attribute_filter=_attribute_filter,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just reduced it to the allow-list above
