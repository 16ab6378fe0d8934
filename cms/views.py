import logging
import re
import sys
import uuid

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
logger = logging.getLogger("cms.health")


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("healthz: database unavailable", exc_info=True)
        return False
    return True


def _cache_ok() -> bool:
    # A round trip through the shared cache: sessions and sign-in rate limits live there.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # any client error (connection refused, timeout) means "down"
        logger.warning("healthz: cache unavailable", exc_info=True)
        return False
    return ok


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database and the cache answer, 503 naming what failed. For load balancers."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    failed = [name for name, ok in checks.items() if not ok]
    if failed:
        body = "unavailable: " + ", ".join(failed) + "\n"
        return HttpResponse(body, status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@login_required
def session_ping(request: HttpRequest) -> HttpResponse:
    """The smallest signed-in page: session and user from the shared stores, nothing else.

    Monitors use it to check that sessions work across hosts; bench/learners.py uses it as the
    ceiling a learner page is compared with.
    """
    return HttpResponse("ok\n", content_type="text/plain")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database or cache away for a moment is a 503 "try again", not a crash."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError | RedisConnectionError | RedisTimeoutError):
        # Rendered without base.html: its context (site branding) would need the database.
        body = loader.render_to_string("cms/unavailable.html", request=None)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "5"
        return response
    return django_server_error(request)


def branding_css(request: HttpRequest) -> HttpResponse:
    """The site's accent colour as a stylesheet, so pages need no inline style (strict CSP)."""
    from .models import SiteBranding

    branding = SiteBranding.for_request(request)
    # The value is validated as #rrggbb on save; re-check so nothing else reaches the CSS.
    colour = branding.accent_colour if _HEX.fullmatch(branding.accent_colour or "") else "#1f5f8b"
    response = HttpResponse(f":root {{ --accent: {colour}; }}\n", content_type="text/css")
    response["Cache-Control"] = "public, max-age=300"
    return response


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page serving, routed through the site's original pages in every language.

    Wagtail would route a Marathi reader into the Marathi copy of the tree (other page ids). One
    URL and one page per course and module keeps a learner's progress, attempts and certificate
    the course's whatever language they read it in; each page then shows its translation's words
    (people.translation). Wagtail reads the route from the request once worked out, as here.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = (
                site.root_page.specific.route(request, components) if site else None
            )
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_serve(request, path)
