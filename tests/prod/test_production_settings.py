"""Production settings: what the environment switches on, and what they refuse."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from prod_helpers import ROOT, manage, production_env, production_settings

from cms.settings.base import base_url


def test_refuses_to_start_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=production_env(SECRET_KEY=""),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_redis_url_gives_a_shared_cache_and_sessions_that_survive_it():
    settings = production_settings(
        ["CACHES", "SESSION_ENGINE"], REDIS_URL="redis://127.0.0.1:6379/3"
    )

    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"
    # A Redis outage must fail fast, not hang a gunicorn worker.
    assert cache["OPTIONS"]["socket_timeout"] <= 5
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_postgres_connections_fail_fast_and_are_health_checked():
    settings = production_settings(
        ["DATABASES"], DATABASE_URL="postgres://u:p@db.internal:5432/touchpoint"
    )

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.internal"
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 5


def test_media_goes_to_s3_only_when_a_bucket_is_configured():
    local = production_settings(["STORAGES"], MEDIA_ROOT="/srv/media")
    s3 = production_settings(
        ["STORAGES"],
        AWS_STORAGE_BUCKET_NAME="touchpoint-media",
        AWS_S3_ENDPOINT_URL="https://minio.internal:9000",
    )

    assert local["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert s3["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = s3["STORAGES"]["default"]["OPTIONS"]
    assert options["bucket_name"] == "touchpoint-media"
    assert options["endpoint_url"] == "https://minio.internal:9000"
    # Certificates are private: signed, expiring links and no public ACL.
    assert options["querystring_auth"] is True
    assert options["default_acl"] is None
    assert local["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")


def test_smtp_comes_from_the_environment():
    settings = production_settings(
        ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_HOST_PASSWORD"],
        EMAIL_HOST="smtp.example.com",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        EMAIL_HOST_PASSWORD="s3cret",
    )

    assert settings == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.com",
        "EMAIL_PORT": 587,
        "EMAIL_USE_TLS": True,
        "EMAIL_HOST_PASSWORD": "s3cret",
    }


def test_logs_are_json_lines_on_stdout_with_request_ids():
    settings = production_settings(["LOGGING", "MIDDLEWARE"])

    handler = settings["LOGGING"]["handlers"]["stdout"]
    assert handler["stream"] == "ext://sys.stdout"
    assert settings["LOGGING"]["formatters"][handler["formatter"]]["()"].endswith("JsonFormatter")
    assert settings["MIDDLEWARE"][0] == "cms.logging.RequestIdMiddleware"


def test_check_deploy_is_clean_with_only_the_required_variables():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(),
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_refuses_to_start_without_the_base_url_every_link_starts_with():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=production_env(TOUCHPOINT_BASE_URL=""),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "Set TOUCHPOINT_BASE_URL to the address people open the site at" in result.stderr


def test_the_base_url_gives_wagtail_the_same_links_without_a_trailing_slash():
    settings = production_settings(
        ["TOUCHPOINT_BASE_URL", "WAGTAILADMIN_BASE_URL"],
        TOUCHPOINT_BASE_URL="https://Touchpoint.Example.com/",
    )

    assert settings == {
        "TOUCHPOINT_BASE_URL": "https://touchpoint.example.com",
        "WAGTAILADMIN_BASE_URL": "https://touchpoint.example.com",
    }


@pytest.mark.parametrize(
    "value",
    [
        "touchpoint.example.com",
        "ftp://touchpoint.example.com",
        "https://",
        "https://touchpoint.example.com/app",
        "https://touchpoint.example.com/?x=1",
        "https://user:pass@touchpoint.example.com",
        "https://touchpoint.example.com:port",
        "https://touchpoint.example.com:",
        "https://touch point.example.com",
        "https://touchpoint.example.com;rm",
        "https://-touchpoint.example.com",
        "https://touchpoint..example.com",
    ],
)
def test_a_base_url_that_is_not_an_address_to_open_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="TOUCHPOINT_BASE_URL must be"):
        base_url(value)


def test_check_deploy_warns_when_links_would_go_unencrypted_or_to_a_host_not_served():
    result = manage(
        "check",
        "--deploy",
        env=production_env(
            TOUCHPOINT_BASE_URL="http://elsewhere.example.com", DJANGO_ALLOW_ASYNC_UNSAFE=None
        ),
    )

    assert "touchpoint.W001" in result.stderr + result.stdout
    assert "touchpoint.W002" in result.stderr + result.stdout
