"""Production: every secret and host from the environment; refuses to start without them.

Runs as any number of stateless gunicorn processes (`deploy/bin/web`) and task workers
(`deploy/bin/worker`) sharing PostgreSQL (`DATABASE_URL`), Redis (`REDIS_URL`: cache, sessions,
sign-in rate limits) and the media storage (S3-compatible bucket or a shared folder). See
deploy/README.md.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.logging import logging_config

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, REDIS_URL, base_url, env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable (a long random string).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS to the comma-separated host names this site answers to."
    )
if not os.environ.get("TOUCHPOINT_BASE_URL", "").strip():
    raise ImproperlyConfigured(
        "Set TOUCHPOINT_BASE_URL to the address people open the site at, e.g. "
        "https://touchpoint.example.com: every link in e-mails and on certificates starts with it."
        + (
            " (WAGTAILADMIN_BASE_URL is no longer read: it follows TOUCHPOINT_BASE_URL.)"
            if os.environ.get("WAGTAILADMIN_BASE_URL")
            else ""
        )
    )
TOUCHPOINT_BASE_URL = base_url(os.environ["TOUCHPOINT_BASE_URL"])
WAGTAILADMIN_BASE_URL = TOUCHPOINT_BASE_URL

CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", ",".join(f"https://{host}" for host in ALLOWED_HOSTS)
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the TLS proxy every request comes from the proxy's address: allauth's per-IP sign-in
# rate limits must read the client from X-Forwarded-For (the hop the proxy appended), or on
# Monday at 9:00 the whole company shares one bucket of 30 sign-ins a minute.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Every log line carries the request id; it goes first so even early failures are tagged.
MIDDLEWARE = ["cms.logging.RequestIdMiddleware", *MIDDLEWARE]

# --- Database: fail fast while PostgreSQL is away (the page answers 503 at once rather than
# hanging a gunicorn worker), and reconnect by itself when it is back (conn_health_checks).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    )

# --- Files: S3-compatible bucket when configured, else a folder every process shares.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment (or the
    # instance role); AWS_S3_ENDPOINT_URL for MinIO, Ceph, R2 and the like.
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # Certificates and exports are private: no public ACL, signed short-lived URLs.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "300")),
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cache and sessions: Redis shared by every process. Short socket timeouts so a Redis
# outage shows as errors, not as hung workers.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "touchpoint"),
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "2")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "2")),
                "health_check_interval": 30,
            },
        }
    }
    # Sessions in the shared cache, backed by the database, so any host can serve any request
    # and a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Mail: SMTP from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# --- Background work: deploy/bin/worker (cms/worker.py). One worker of the pool runs each of
# these every so many seconds (0 turns one off, e.g. when cron runs it instead): retry
# certificates whose PDF could not be stored, send reminders (each goes out once, so a run
# only sends what became due since the last), delete expired export files, publish HR's
# attitude figures that changed without a new response (people leaving or moving team).
TASKS_PERIODIC_COMMANDS = {
    command: seconds
    for command, seconds in {
        "certificates_render_pending": int(os.environ.get("TASKS_RETRY_INTERVAL", "600")),
        "send_reminders --enqueue": int(os.environ.get("TASKS_REMINDERS_INTERVAL", "3600")),
        "expire_exports --enqueue": int(os.environ.get("TASKS_EXPIRE_EXPORTS_INTERVAL", "3600")),
        "attitude_releases_refresh --enqueue": int(
            os.environ.get("TASKS_ATTITUDE_RELEASES_INTERVAL", "3600")
        ),
    }.items()
    if seconds > 0
}

# --- Logs: JSON lines on stdout (LOG_FORMAT=plain for a human at a terminal).
LOGGING = logging_config(
    level=os.environ.get("LOG_LEVEL", "INFO"),
    json_lines=os.environ.get("LOG_FORMAT", "json") != "plain",
)

TOUCHPOINT_ENVIRONMENT = "production"
