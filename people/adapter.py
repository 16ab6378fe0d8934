from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import quote

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from allauth.mfa.models import Authenticator
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from .emails import email_message, email_render
from .languages import language_for, supported
from .links import absolute_url
from .models import User
from .roles import Role
from .selectors import organisation_for_email

# Where each role's work is, widest first: someone with several roles lands at the first that
# is theirs (a platform admin who is also HR lands in the admin; a coach who also takes courses
# on their coaching page, where "My learning" is one link away). URL names only: people imports
# no app above it.
ROLE_LANDINGS = (
    (Role.PLATFORM_ADMIN, "wagtailadmin_home"),
    (Role.HR, "reports:dashboard"),
    (Role.COACH, "coaching:home"),
)


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up joins the organisation that owns the e-mail's domain; signing in lands each
    role where its work is; a fresh sign-in counts as recent authentication."""

    def save_user(self, request, user, form, commit: bool = True):
        data = form.cleaned_data
        user.full_name = data.get("full_name", "").strip()
        user.preferred_name = data.get("preferred_name", "").strip()
        user.name_pronunciation = data.get("name_pronunciation", "").strip()
        user.organisation = organisation_for_email(email=data.get("email", ""))
        # The browser's language (or the switcher's cookie) is a new person's default.
        user.language = supported(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def get_reset_password_from_key_url(self, key: str) -> str:
        # allauth's own URL pattern takes the "<uidb36>-<key>" token as one piece.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_account_already_exists_mail(self, email: str) -> None:
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": absolute_url(reverse("account_signup")),
                "password_reset_url": absolute_url(reverse("account_reset_password")),
            },
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's e-mails, text and HTML in the site's look, like every other (people.emails)."""
        rendered = email_render(
            template=template_prefix,
            context=context,
            request=context.get("request"),
            language=self._recipient_language(email, context),
        )
        return email_message(
            to=[email] if isinstance(email, str) else list(email),
            email=replace(rendered, subject=self.format_email_subject(rendered.subject)),
            from_email=self.get_from_email(),
            headers=headers,
        )

    @staticmethod
    def _recipient_language(email, context: dict) -> str:
        """The language of the person written to: theirs if they have an account."""
        user = context.get("user")
        if user is None and isinstance(email, str):
            user = User.objects.filter(email__iexact=email).only("language").first()
        if user is not None and getattr(user, "language", ""):
            return language_for(user)
        return supported(translation.get_language()) or language_for(None)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth builds the "unknown account" e-mail's sign-up link from the request's host.
        if "signup_url" in context:
            context = {**context, "signup_url": absolute_url(reverse("account_signup"))}
        super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # allauth asks this only when no safe ?next= came with the sign-in: that one wins.
        user = request.user
        for role, url_name in ROLE_LANDINGS:
            if user.has_role(role):
                return reverse(url_name)
        return super().get_login_redirect_url(request)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """allauth counts only an explicit re-entry of the password (or code) as recent
        authentication, so a coach sent to set up their authenticator app seconds after
        signing in was asked for the password again. Setting up the first authenticator (the
        app, then its recovery codes) within ACCOUNT_REAUTHENTICATION_TIMEOUT of signing in
        asks nothing more. Everything else that allauth guards (e-mail addresses, an
        authenticator that was there before this sign-in, its recovery codes) still asks:
        a session taken over minutes after sign-in cannot remove the second factor."""
        request = context.request
        if app == "allauth.mfa" and first_factor_after_sign_in(request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def first_factor_after_sign_in(request: HttpRequest | None) -> bool:
    """Whether this session signed in less than ACCOUNT_REAUTHENTICATION_TIMEOUT ago and
    the person had no authenticator then (any they have now was set up since)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    # allauth records each step of a sign-in in the session (re-authentications are marked as
    # such); the last unmarked one is the step that completed the sign-in.
    steps = [r for r in get_authentication_records(request, user) if not r.get("reauthenticated")]
    if not steps:  # e.g. a session made by force_login or from before the records existed
        return False
    signed_in_at = steps[-1]["at"]
    if time.time() - signed_in_at >= account_settings.REAUTHENTICATION_TIMEOUT:
        return False
    before = datetime.fromtimestamp(signed_in_at, tz=UTC)
    return not Authenticator.objects.filter(user=user, created_at__lt=before).exists()
