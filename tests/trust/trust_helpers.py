"""Helpers the trust tests share: real sign-ins (not force_login) and authenticator codes."""

from __future__ import annotations

from django.test import Client
from factories import PASSWORD


def password_sign_in(email: str, password: str = PASSWORD, client: Client | None = None):
    """Sign in through allauth's form, as a browser does. Returns (client, response)."""
    client = client or Client()
    response = client.post("/accounts/login/", {"login": email, "password": password})
    return client, response


def totp_activate_for(user) -> str:
    """Give the user an authenticator app (as if set up earlier); returns its secret."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret
