"""System checks for the deployment: the base URL must be an address this site answers at."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def base_url_check(app_configs=None, **kwargs) -> list[Warning]:
    parts = urlsplit(settings.TOUCHPOINT_BASE_URL)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host  # as in a Host header
    problems = []
    if parts.scheme != "https":
        problems.append(
            Warning(
                "TOUCHPOINT_BASE_URL does not start with https://: links in e-mails and on "
                "certificates would send people to the site unencrypted.",
                id="touchpoint.W001",
            )
        )
    if not validate_host(host, settings.ALLOWED_HOSTS):
        problems.append(
            Warning(
                f"The host of TOUCHPOINT_BASE_URL ({host}) is not in ALLOWED_HOSTS: "
                "every link the site sends out would be refused.",
                id="touchpoint.W002",
            )
        )
    return problems
