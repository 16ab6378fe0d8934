"""Every PDF the product makes (certificates, their admin preview, HR's summary) goes through here:
one font stack, one fetcher, one language rule.

Fonts: the bundled Noto Sans (Latin, Latin Extended) and Noto Sans Devanagari, declared for
WeasyPrint by cms/css/pdf-fonts.css, one font family per file. Never the browser's fonts.css:
it gives the three files one family name and splits them by `unicode-range`, and WeasyPrint
names each embedded PDF font after its family, weight and style, not after its file. So the
Latin and the Devanagari file became one PDF font whose glyph numbers point into whichever file
came first: the other script printed as junk glyphs.

Speed: the font configuration and every stylesheet are parsed once per thread and reused (they
are most of a naive render). Safety: the fetcher serves nothing but the project's static files,
media files and inline data: URIs; any other URL, `file://` included, is refused.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The base every relative URL in a PDF's HTML resolves against. The host never answers: the
# fetcher below maps its /static/ and /media/ paths to files and refuses everything else.
INTERNAL_BASE = "http://touchpoint.internal/"
FONTS_STYLESHEET = "cms/css/pdf-fonts.css"


class RefusedURL(ValueError):
    """A PDF tried to load something outside the project's own files."""


class ProjectFileFetcher(URLFetcher):
    """Serves the project's static and media files; refuses every other URL."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"http", "data"}, allow_redirects=False)

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.netloc != urlsplit(INTERNAL_BASE).netloc:
            raise RefusedURL(f"PDFs load only the project's own files, not {url!r}")
        path = unquote(parts.path)
        if ".." in path.split("/"):
            raise RefusedURL(f"Refused a path that leaves the project's files: {url!r}")
        body = _read_project_file(path)
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def _read_project_file(path: str) -> bytes:
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    media_prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
    if path.startswith(static_prefix):
        return _read_static(path.removeprefix(static_prefix))
    if path.startswith(media_prefix):
        name = path.removeprefix(media_prefix)
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    raise RefusedURL(f"PDFs load only static and media files, not {path!r}")


@lru_cache(maxsize=64)
def _read_static(name: str) -> bytes:
    found = finders.find(name)
    if not found:
        raise RefusedURL(f"No static file {name!r}")
    with open(found, "rb") as handle:
        return handle.read()


def internal_url(kind: str, name: str) -> str:
    """The address a PDF's HTML uses for a static ("static") or media file."""
    prefix = settings.STATIC_URL if kind == "static" else settings.MEDIA_URL
    return INTERNAL_BASE + prefix.strip("/") + "/" + name


def document_language() -> str:
    """The language a PDF is written in: the active translation, which its text is rendered in
    (the learner's name may be in another script; its language is not known, so it gets none)."""
    return translation.get_language() or settings.LANGUAGE_CODE


def pdf_html(template_name: str, context: dict[str, Any]) -> str:
    """A PDF template rendered with `lang` (for `<html lang>`, hence the PDF's /Lang)."""
    return render_to_string(template_name, {"lang": document_language(), **context})


_local = threading.local()


def _stylesheets(names: Sequence[str]) -> tuple[FontConfiguration, list[CSS]]:
    """The shared font configuration and these static stylesheets after the fonts, each parsed
    once per thread (WeasyPrint's objects are not shared across threads)."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {"font_config": FontConfiguration(), "css": {}}
    font_config: FontConfiguration = cache["font_config"]
    parsed: dict[str, CSS] = cache["css"]
    sheets = []
    for name in (FONTS_STYLESHEET, *names):
        if name not in parsed:
            parsed[name] = CSS(
                url=internal_url("static", name),
                font_config=font_config,
                url_fetcher=ProjectFileFetcher(),
            )
        sheets.append(parsed[name])
    return font_config, sheets


def pdf_write(html: str, *, stylesheets: Sequence[str], **options: Any) -> bytes:
    """The HTML as a PDF with the bundled fonts, then these static stylesheets (names under
    STATIC_URL); `options` go to WeasyPrint's write_pdf (PDF variant, identifier...)."""
    font_config, sheets = _stylesheets(stylesheets)
    document = HTML(string=html, base_url=INTERNAL_BASE, url_fetcher=ProjectFileFetcher())
    return document.write_pdf(stylesheets=sheets, font_config=font_config, **options)
