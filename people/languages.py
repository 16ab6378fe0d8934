"""Which language a person gets: their own choice, else (signed out, or never chosen) the
browser's, which django.middleware.locale.LocaleMiddleware has already picked."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

# Each language named in itself, for the switcher: a reader finds their own at a glance.
NATIVE_NAMES = {"en": "English", "hi": "हिन्दी", "mr": "मराठी"}


def supported(code: str | None) -> str:
    """`code` if the site speaks it, else ""."""
    codes = {code for code, _name in settings.LANGUAGES}
    return code if code in codes else ""


def language_for(user) -> str:
    """The language to write to this person in (e-mails, PDFs): theirs, else the site's."""
    return supported(getattr(user, "language", "")) or settings.LANGUAGE_CODE


def switcher_choices() -> list[tuple[str, str]]:
    return [(code, NATIVE_NAMES.get(code, str(name))) for code, name in settings.LANGUAGES]


class UserLanguageMiddleware:
    """A signed-in person's own choice outranks the browser's and the cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = supported(getattr(user, "language", "")) if user is not None else ""
        if chosen and user.is_authenticated:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
