"""Sessions: idle expiry, deactivation ends every session at once, sign-in rate limits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from factories import PASSWORD, UserFactory
from helpers import signed_in
from trust_helpers import password_sign_in

from people.models import AuditAction, AuditEvent, User
from people.roles import Role
from people.sessions import user_deactivate

ROOT = Path(__file__).resolve().parents[2]


def is_signed_in(client: Client) -> bool:
    response = client.get("/learn/")
    return response.status_code == 200


# --- deactivation ---------------------------------------------------------------------------


def test_signing_in_indexes_the_session_and_signing_out_forgets_it(learner):
    client, response = password_sign_in(learner.email)
    assert response.status_code == 302
    key = client.session.session_key
    assert UserSession.objects.filter(user=learner, session_key=key).exists()

    client.post("/accounts/logout/")

    assert not UserSession.objects.filter(session_key=key).exists()


def test_deactivating_ends_every_session_of_that_person_at_once(learner, learner_b):
    laptop, _ = password_sign_in(learner.email)
    phone, _ = password_sign_in(learner.email)
    other, _ = password_sign_in(learner_b.email)
    admin = UserFactory(roles=[Role.PLATFORM_ADMIN])
    assert is_signed_in(laptop) and is_signed_in(phone)

    user_deactivate(user=learner, by=admin)

    assert not Session.objects.filter(
        session_key__in=[laptop.session.session_key, phone.session.session_key]
    ).exists()
    assert laptop.get("/learn/").url.startswith("/accounts/login/")
    assert phone.get("/learn/").url.startswith("/accounts/login/")
    assert is_signed_in(other)  # nobody else is touched
    event = AuditEvent.objects.get(action=AuditAction.USER_DEACTIVATE)
    assert (event.actor, event.target_id) == (admin, str(learner.pk))


def test_deactivating_in_the_wagtail_admin_signs_the_person_out(learner):
    laptop, _ = password_sign_in(learner.email)
    admin = UserFactory(is_superuser=True, roles=[Role.PLATFORM_ADMIN])
    admin_client = signed_in(admin)
    edit_url = reverse("wagtailusers_users:edit", args=[learner.pk])
    page = admin_client.get(edit_url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("groups", "is_active", "password")
    }
    data.update(
        {
            "email": learner.email,
            "full_name": learner.full_name,
            "organisation": learner.organisation_id,
            "groups": [g.pk for g in learner.groups.all()],
            "is_active": "",  # unticked
        }
    )

    response = admin_client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert not learner.is_active
    assert laptop.get("/learn/").status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.USER_DEACTIVATE)
    assert event.actor == admin


def test_the_admins_bulk_set_active_state_signs_people_out_and_is_audited(learner, learner_b):
    laptop, _ = password_sign_in(learner.email)
    other, _ = password_sign_in(learner_b.email)
    admin = UserFactory(is_superuser=True, roles=[Role.PLATFORM_ADMIN])
    url = reverse("wagtail_bulk_action", args=["people", "user", "set_active_state"])

    response = signed_in(admin).post(
        f"{url}?id={learner.pk}&id={learner_b.pk}&id={admin.pk}&next=/admin/users/",
        {"mark_as_active": "False"},
    )

    assert response.status_code == 302
    assert list(User.objects.filter(is_active=False).order_by("pk")) == [learner, learner_b]
    assert laptop.get("/learn/").url.startswith("/accounts/login/")
    assert other.get("/learn/").url.startswith("/accounts/login/")
    events = AuditEvent.objects.filter(action=AuditAction.USER_DEACTIVATE).order_by("target_id")
    assert [(e.actor, e.target_id) for e in events] == [
        (admin, str(learner.pk)),
        (admin, str(learner_b.pk)),
    ]

    signed_in(admin).post(f"{url}?id={learner.pk}&next=/admin/users/", {"mark_as_active": "True"})

    assert User.objects.get(pk=learner.pk).is_active
    assert AuditEvent.objects.filter(action=AuditAction.USER_ACTIVATE).get().actor == admin


def test_deleting_someone_in_the_admin_signs_them_out_and_is_audited(learner):
    laptop, _ = password_sign_in(learner.email)
    key = laptop.session.session_key
    admin = UserFactory(is_superuser=True, roles=[Role.PLATFORM_ADMIN])

    response = signed_in(admin).post(reverse("wagtailusers_users:delete", args=[learner.pk]))

    assert response.status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()
    assert not Session.objects.filter(session_key=key).exists()
    event = AuditEvent.objects.get(action=AuditAction.USER_DELETE)
    assert (event.actor, event.target_id, event.details) == (
        admin,
        str(learner.pk),
        {"email": learner.email},
    )


def test_a_deactivated_persons_next_request_is_signed_out_even_without_the_index(learner):
    """A bulk update (Wagtail's "set active state") sends no signal: the auth backend still
    refuses an inactive person on their very next request."""
    client, _ = password_sign_in(learner.email)
    assert is_signed_in(client)

    User.objects.filter(pk=learner.pk).update(is_active=False)

    assert not is_signed_in(client)


def test_a_deactivated_person_cannot_sign_in_again(learner):
    user_deactivate(user=learner)

    client, _response = password_sign_in(learner.email)

    assert not is_signed_in(client)


# --- idle expiry ------------------------------------------------------------------------------


def test_session_lifetime_is_the_idle_time_from_the_environment():
    code = "import cms.settings.base as s; print(s.SESSION_COOKIE_AGE)"
    env = {**os.environ, "SESSION_IDLE_MINUTES": "15"}
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "900"
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60


def test_activity_renews_the_session_at_most_once_a_minute(learner):
    client, _ = password_sign_in(learner.email)
    key = client.session.session_key

    assert "_touched" in client.session  # noted with the sign-in's own write

    # Within the minute: nothing is written, no cookie is set again.
    quiet = client.get("/learn/")
    assert settings.SESSION_COOKIE_NAME not in quiet.cookies

    # Pretend the last renewal was two minutes ago.
    session = client.session
    session["_touched"] = int(time.time()) - 120
    session.save()
    before = Session.objects.get(session_key=key).expire_date

    renewed = client.get("/learn/")

    assert renewed.status_code == 200
    assert settings.SESSION_COOKIE_NAME in renewed.cookies  # sent again
    expires = Session.objects.get(session_key=key).expire_date
    assert expires > before
    idle = timezone.timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    assert timezone.now() + idle - timezone.timedelta(minutes=1) < expires <= timezone.now() + idle


def test_an_idle_session_is_over(learner):
    client, _ = password_sign_in(learner.email)

    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timezone.timedelta(seconds=1)
    )

    assert not is_signed_in(client)


# --- sign-in rate limits ------------------------------------------------------------------------


def failed_sign_ins(email: str, times: int, client: Client | None = None) -> None:
    for _ in range(times):
        _client, response = password_sign_in(email, "wrong-password", client=client)
        assert response.status_code == 200  # the form again, with an error


def test_the_sixth_attempt_after_five_failures_is_refused_even_with_the_right_password(learner):
    failed_sign_ins(learner.email, 5)

    client, response = password_sign_in(learner.email)

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert not is_signed_in(client)


def test_four_failures_do_not_lock_the_account(learner):
    failed_sign_ins(learner.email, 4)

    client, response = password_sign_in(learner.email)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_limit_is_counted_in_the_shared_redis_cache(learner, settings):
    """Production keeps the counters in Redis: a second web host sees the first one's."""
    prefix = f"trust-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
            "KEY_PREFIX": prefix,
        }
    }
    redis_cache = caches["default"]
    try:
        failed_sign_ins(learner.email, 5, client=Client())  # "host one"

        _client, response = password_sign_in(learner.email, PASSWORD, client=Client())  # "two"

        assert "Too many failed login attempts" in response.content.decode()
        keys = redis_cache._cache.get_client().keys(f"{prefix}:*")
        assert keys, "the rate-limit counters were not written to Redis"
    finally:
        client = redis_cache._cache.get_client()
        for key in client.keys(f"{prefix}:*"):
            client.delete(key)


def test_renewing_costs_no_queries_on_ordinary_requests(learner, course):
    """Pages keep a fixed number of queries: the first request after signing in is no dearer."""
    for client in (password_sign_in(learner.email)[0], signed_in(learner)):
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/learn/").status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], counts
