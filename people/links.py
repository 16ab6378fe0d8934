"""Absolute links to this site: every address the site sends out starts with one base URL."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (a path on this site, e.g. from reverse() or page.url) on TOUCHPOINT_BASE_URL.

    Never the request's host nor the Wagtail Site's hostname: an e-mail sent by the worker has no
    request, and the default Site says `localhost` in every installation.
    """
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"absolute_url() takes a path on this site, not {path!r}.")
    return settings.TOUCHPOINT_BASE_URL + path
