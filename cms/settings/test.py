"""The test suite: fast hashing, mail kept in memory, tasks run at once."""

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"]["OPTIONS"] = {}

# Links in e-mails and certificates; tests that check them set their own.
TOUCHPOINT_BASE_URL = "http://localhost"
WAGTAILADMIN_BASE_URL = TOUCHPOINT_BASE_URL

TOUCHPOINT_ENVIRONMENT = "test"
# The dev server and the test live server serve static files themselves.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
# Role tests sign coaches and HR in with force_login, which skips two-factor sign-in;
# tests/trust turns this back on where two-factor sign-in is what they test.
TOUCHPOINT_MFA_REQUIRED = False
