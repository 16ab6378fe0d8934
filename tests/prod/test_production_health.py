"""/healthz checks the database and the cache; a database outage is a 503, not a crash page."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from django.urls import reverse


def test_healthz_reports_the_cache_when_it_is_down(client):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("redis refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content.decode() == "unavailable: cache\n"


def test_healthz_reports_the_database_when_it_is_down(client):
    with mock.patch("cms.views.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content.decode() == "unavailable: database\n"


def test_session_ping_is_for_signed_in_people_only(client, learner):
    anonymous = client.get(reverse("session_ping"))
    client.force_login(learner)
    signed_in = client.get(reverse("session_ping"))

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert signed_in.status_code == 200
    assert signed_in.content == b"ok\n"


@pytest.fixture
def failing_client(learner):
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    return client


def test_a_database_outage_mid_request_is_a_503_asking_to_try_again(failing_client):
    with mock.patch(
        "courses.views.selectors.learner_courses",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = failing_client.get(reverse("courses:learn"))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Back in a moment" in page
    assert "Nothing you saved is lost" in page
    assert "server closed the connection" not in page


def test_a_cache_outage_mid_request_is_a_503_too(failing_client):
    from redis.exceptions import ConnectionError as RedisConnectionError

    with mock.patch(
        "courses.views.selectors.learner_courses",
        side_effect=RedisConnectionError("Error 111 connecting to redis:6379"),
    ):
        response = failing_client.get(reverse("courses:learn"))

    assert response.status_code == 503
    assert "Back in a moment" in response.content.decode()


def test_any_other_error_is_still_a_plain_500(failing_client):
    with mock.patch("courses.views.selectors.learner_courses", side_effect=ValueError("a bug")):
        response = failing_client.get(reverse("courses:learn"))

    assert response.status_code == 500
    assert "Back in a moment" not in response.content.decode()
