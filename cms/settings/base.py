"""Settings shared by every environment. Everything that differs comes from the environment."""

import ipaddress
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cms.formats.en import formats as english_formats

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


_HOST_NAME = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?")


def _is_host(host: str) -> bool:
    """A DNS name (letters, digits, hyphens; IDN hosts in their xn-- form) or an IP address."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(_HOST_NAME.fullmatch(host))


def base_url(value: str, *, name: str = "TOUCHPOINT_BASE_URL") -> str:
    """`value` as the site's base URL: http(s), a host, an optional port, nothing else.

    One trailing slash is dropped, so `absolute_url("/path")` never gives `//path`. A path is
    refused: a site served under a prefix sets FORCE_SCRIPT_NAME, and reverse() adds it.
    """
    value = value.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in {"http", "https"}
        or not parts.hostname
        or not _is_host(parts.hostname)
        or parts.netloc.endswith(":")
        or parts.username is not None
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            f"{name} must be the address people open the site at: http:// or https://, a host "
            f"and an optional port, without a path (e.g. https://touchpoint.example.com); "
            f"got {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Which settings module is in force: "development", "test" or "production".
TOUCHPOINT_ENVIRONMENT = "base"
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "coaching",
    "certificates",
    "reports",
    "courses",
    "scenarios",
    "assessments",
    "people",
    # Content translation (pages and snippets, segment by segment, PO files): see README.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.TouchpointUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After LocaleMiddleware (the browser's language) and auth: a person's own choice wins.
    "people.languages.UserLanguageMiddleware",
    # Trust (cms/security.py): idle session expiry, audit attribution, no-store, CSP, 2FA.
    "cms.security.SessionIdleMiddleware",
    "cms.security.AuditContextMiddleware",
    "cms.security.NoStoreMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The editor's previews (which the admin frames): SAMEORIGIN rather than DENY.
    "cms.security.PreviewFramingMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "cms.security.MfaRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            "builtins": ["cms.templatetags.dates"],  # |time_tag on every page
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

# SQLite file by default; DATABASE_URL (postgres://...) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server and the task worker use the same file without locking each other out.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:learn"
LOGOUT_REDIRECT_URL = "/"

# --- django-allauth: e-mail and password, verified e-mail, our own adapter for organisation rules.
ACCOUNT_ADAPTER = "people.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_FORM_CLASS = "people.forms.SignupProfileForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Touchpoint] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Failed sign-ins: 10 a minute per address, 5 per account in 5 minutes (two-factor codes count
# too). The counters live in the default cache: Redis in production, shared by every host.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "login": "30/m/ip"}
# Two-factor sign-in (authenticator app, recovery codes) for everyone; required for coaches,
# HR and platform admins before they reach their pages (cms.security.MfaRequiredMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Touchpoint"
TOUCHPOINT_MFA_REQUIRED = env_bool("TOUCHPOINT_MFA_REQUIRED", True)
# A signed-in person sent to sign in (e.g. a learner opening /admin/) sees the form and the
# reason, rather than being bounced straight back (a redirect loop).
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# Which sessions each person holds (allauth.usersessions): written on sign-in, so deactivating
# someone ends every one at once (people.sessions) and "Sessions" lists them. No activity
# tracking: it would write on every request.
USERSESSIONS_TRACK_ACTIVITY = False

# --- Internationalisation: Hindi and Marathi interfaces follow; every string is marked already.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("hi", _("Hindi")), ("mr", _("Marathi"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Kolkata")
USE_I18N = True
USE_TZ = True
# Dates: one format per language, in cms/formats/<language>/formats.py. The settings below are
# what Django falls back to with no language active (a task, a management command): English.
FORMAT_MODULE_PATH = ["cms.formats"]
DATE_FORMAT = english_formats.DATE_FORMAT
DATETIME_FORMAT = english_formats.DATETIME_FORMAT
SHORT_DATE_FORMAT = english_formats.SHORT_DATE_FORMAT
SHORT_DATETIME_FORMAT = english_formats.SHORT_DATETIME_FORMAT
TIME_FORMAT = english_formats.TIME_FORMAT
MONTH_DAY_FORMAT = english_formats.MONTH_DAY_FORMAT
YEAR_MONTH_FORMAT = english_formats.YEAR_MONTH_FORMAT
DATE_INPUT_FORMATS = english_formats.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = english_formats.DATETIME_INPUT_FORMATS

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Background tasks: django-tasks with the database backend; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Cache: local memory unless REDIS_URL is set (needed for rate limits across processes).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Touchpoint <no-reply@touchpoint.local>")

# --- Wagtail
WAGTAIL_SITE_NAME = "Touchpoint"
# The admin's date pickers write ISO, which every language's *_INPUT_FORMATS accept; its lists
# show dates in the language's formats (cms/formats), like every page.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# The one address every link the site sends out starts with (e-mails, certificates' printed
# address and QR code, seed_demo's sign-in address): people.links.absolute_url(). Each
# environment sets it; Wagtail's admin e-mails use the same.
TOUCHPOINT_BASE_URL = base_url(os.environ.get("TOUCHPOINT_BASE_URL") or "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = TOUCHPOINT_BASE_URL
# Moderation and comment e-mails as text and HTML (templates/wagtailadmin/notifications/base.html
# puts them in the site's e-mail layout).
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"  # checks content, not only names
# Images: checked by content (Willow opens them), no SVG (it can carry scripts), bounded size.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# The admin must not reach other hosts (closed network, strict CSP): no avatars from Gravatar,
# no release check; Wagtail's own password forms give way to allauth's.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Content in English, Hindi and Marathi (wagtail-localize). One URL per course and module
# whatever the language: routing stays on the original tree (cms.models.HomePage.localized) and
# each page draws its translation for the reader's language, so progress belongs to the course.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# A session ends after this many minutes without a request (cms.security.SessionIdleMiddleware
# renews it at most once a minute while the person is active).
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60

# --- Content-Security-Policy (django-csp 4): no inline script or style anywhere on the site,
# nothing from another host. Scripts are static files; user text can never become code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # CSP_MEDIA_ORIGINS: where uploaded images are served from when that is another host
        # (an S3 bucket or CDN, e.g. https://media.example.com).
        "img-src": ["'self'", "data:", *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (under /admin/) needs inline scripts and styles and frames its previews.
TOUCHPOINT_ADMIN_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail logs every page action at INFO; the audit log in the admin keeps them.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint reports each rendering step and fontTools each font it unpacks, at INFO.
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
