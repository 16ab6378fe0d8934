"""Security middleware: content security policy, no caching of personal pages, idle sessions,
two-factor sign-in for staff roles, and the request the audit trail attributes events to.

Order in settings.MIDDLEWARE matters: everything here runs after sessions and authentication
(and MfaRequiredMiddleware after messages), see cms/settings/base.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cached_property

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from people.audit import audit_request
from people.roles import Role

Handler = Callable[[HttpRequest], HttpResponseBase]


def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def is_admin_preview(request: HttpRequest) -> bool:
    """A preview Wagtail renders for the editor (page, snippet, revision): a dummy request for
    the object's own URL, served by Wagtail's preview views under /admin/ only. The editor
    shows it in an iframe of the admin, so it may be framed by this site (and only this site).
    """
    return getattr(request, "is_preview", False) is True


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict site one (settings.CONTENT_SECURITY_POLICY)
    and, under /admin/, Wagtail's editor, which needs inline scripts and styles and frames
    its own previews (settings.TOUCHPOINT_ADMIN_CSP_DIRECTIVES).

    A preview keeps the site policy (it shows what learners get) but may be framed by the
    admin on this origin: frame-ancestors 'self' instead of 'none'.

    A view may still choose its own policy with django-csp's decorators; that wins.
    """

    @cached_property
    def admin_prefix(self) -> str:
        return _admin_prefix()

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path.startswith(self.admin_prefix):
            parts.config = settings.TOUCHPOINT_ADMIN_CSP_DIRECTIVES
        elif is_admin_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class PreviewFramingMiddleware:
    """X-Frame-Options SAMEORIGIN on the editor's previews, for browsers that read it rather
    than the CSP's frame-ancestors. Listed after Django's XFrameOptionsMiddleware, so it runs
    first on the way out and that one (DENY everywhere else) leaves the header as it is.
    """

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if is_admin_preview(request) and not response.has_header("X-Frame-Options"):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class NoStoreMiddleware:
    """Pages for a signed-in person are theirs alone: no shared or browser cache keeps them.

    Views that set their own Cache-Control (never_cache, a download, the branding stylesheet)
    are left as they are; static files are served before this runs or by the web server.
    """

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.has_header("Cache-Control") or request.path.startswith(settings.STATIC_URL):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class SessionIdleMiddleware:
    """A signed-in session ends after SESSION_COOKIE_AGE seconds without a request.

    Django renews a session's expiry only when the session is saved; saving it on every request
    (SESSION_SAVE_EVERY_REQUEST) would write to the store on every page. Here it is marked
    modified at most once a minute, which renews the cookie and the stored expiry. The first
    mark rides on the write that signing in makes anyway, so a page costs the same number of
    queries whether or not it is the first after signing in.
    """

    KEY = "_touched"
    INTERVAL = 60

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            now = int(time.time())
            last = session.get(self.KEY)
            if (last is None and session.modified) or (
                last is not None and now - int(last) >= self.INTERVAL
            ):
                session[self.KEY] = now
        return response


class AuditContextMiddleware:
    """Lets the audit trail know who is acting when code deep down records an event."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with audit_request(request):
            return self.get_response(request)


STAFF_ROLES = (Role.COACH, Role.HR, Role.PLATFORM_ADMIN)
# Set when a person activates their authenticator in this session: they have just proved it.
MFA_ACTIVATED_SESSION_KEY = "touchpoint_mfa_activated"


def mfa_required_for(user) -> bool:
    return user.is_superuser or any(user.has_role(role) for role in STAFF_ROLES)


def mfa_satisfied(request: HttpRequest) -> bool:
    """Signed in with the authenticator (or set it up) in this very session."""
    from allauth.account.authentication import get_authentication_records

    if request.session.get(MFA_ACTIVATED_SESSION_KEY) == request.user.pk:
        return True
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class MfaRequiredMiddleware:
    """Coaches, HR and platform admins use two-factor sign-in before they reach their pages.

    Someone with such a role and no authenticator app is sent to set one up; someone with one
    who did not use it in this session (e.g. a session from before) is asked for a code.
    Learners are never asked. Off when settings.TOUCHPOINT_MFA_REQUIRED is False.
    """

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    @cached_property
    def protected_prefixes(self) -> tuple[str, ...]:
        return (
            reverse("coaching:home"),
            reverse("reports:dashboard"),
            reverse("certificates:manage"),
            _admin_prefix(),
        )

    @cached_property
    def learner_prefixes(self) -> tuple[str, ...]:
        # A coach's own learner pages (their action plan, questions to their coach, sharing):
        # the same as any learner's, so not behind the staff check.
        return (reverse("coaching:me"), reverse("coaching:ask"), reverse("coaching:sharing"))

    @cached_property
    def activate_url(self) -> str:
        return reverse("mfa_activate_totp")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method == "POST" and request.path == self.activate_url:
            return self._activation(request)
        if (
            getattr(settings, "TOUCHPOINT_MFA_REQUIRED", True)
            and request.path.startswith(self.protected_prefixes)
            and not request.path.startswith(self.learner_prefixes)
            and request.user.is_authenticated
            and mfa_required_for(request.user)
        ):
            response = self._challenge(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _activation(self, request: HttpRequest) -> HttpResponseBase:
        """Setting up the app means typing a code from it: that counts for this session."""
        from allauth.mfa.models import Authenticator
        from allauth.mfa.utils import is_mfa_enabled

        user = request.user
        had_app = user.is_authenticated and is_mfa_enabled(user, [Authenticator.Type.TOTP])
        response = self.get_response(request)
        if (
            user.is_authenticated
            and not had_app
            and is_mfa_enabled(user, [Authenticator.Type.TOTP])
        ):
            request.session[MFA_ACTIVATED_SESSION_KEY] = user.pk
        return response

    def _challenge(self, request: HttpRequest) -> HttpResponse | None:
        from allauth.mfa.models import Authenticator
        from allauth.mfa.utils import is_mfa_enabled

        if not is_mfa_enabled(request.user, [Authenticator.Type.TOTP]):
            messages.warning(
                request,
                _(
                    "Your role gives you access to other people's data, so it needs "
                    "two-factor sign-in. Set up an authenticator app to continue."
                ),
            )
            # The set-up carries ?next= through to the page asked for (people.views).
            url = reverse("mfa_activate_totp")
            if request.method == "GET":
                url = f"{url}?{urlencode({'next': request.get_full_path()})}"
            return HttpResponseRedirect(url)
        if mfa_satisfied(request):
            return None
        messages.info(request, _("Enter a code from your authenticator app to continue."))
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")


def admin_login(request: HttpRequest) -> HttpResponse:
    """Wagtail's own sign-in form is replaced by allauth's (rate limits, two-factor)."""
    url = reverse("account_login")
    next_url = request.GET.get("next")
    return HttpResponseRedirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
