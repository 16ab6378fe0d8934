import re

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise. Used by load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def branding_css(request: HttpRequest) -> HttpResponse:
    """The site's accent colour as a stylesheet, so pages need no inline style (strict CSP)."""
    from .models import SiteBranding

    branding = SiteBranding.for_request(request)
    # The value is validated as #rrggbb on save; re-check so nothing else reaches the CSS.
    colour = branding.accent_colour if _HEX.fullmatch(branding.accent_colour or "") else "#1f5f8b"
    response = HttpResponse(f":root {{ --accent: {colour}; }}\n", content_type="text/css")
    response["Cache-Control"] = "public, max-age=300"
    return response
