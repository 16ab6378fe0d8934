"""Local development: debug on, console e-mail, an insecure key that never leaves this machine."""

import os

from .base import *  # noqa: F403
from .base import base_url, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-dev-only-touchpoint-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Links in e-mails and certificates point at the dev server: `make run` exports HOST and PORT,
# the address it passes to runserver. A server listening on every interface is opened locally.
_host = os.environ.get("HOST", "").strip() or "127.0.0.1"
_host = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "[::]": "[::1]"}.get(_host, _host)  # noqa: S104
TOUCHPOINT_BASE_URL = base_url(
    os.environ.get("TOUCHPOINT_BASE_URL")
    or f"http://{_host}:{os.environ.get('PORT', '').strip() or '8000'}"
)
WAGTAILADMIN_BASE_URL = TOUCHPOINT_BASE_URL

TOUCHPOINT_ENVIRONMENT = "development"
# The dev server and the test live server serve static files themselves.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
