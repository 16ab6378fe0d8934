"""Shared fixtures: a Wagtail site with a course index, two organisations, learners, courses."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ModulePageFactory,
    OrganisationFactory,
    UserFactory,
)
from helpers import signed_in

from assessments.models import Dimension
from cms.models import HomePage
from cms.services import site_home_ensure
from courses.models import CourseIndexPage

# `demo`: the database as seed_demo leaves it, seeded once per session (see demo_db.py).
pytest_plugins = ["demo_db"]


def pytest_configure(config):
    # WhiteNoise looks for STATIC_ROOT, which only `collectstatic` creates; tests do not need it.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def _db_and_clean_cache(db):
    """Every test may use the database; the cache (rate limits, site root paths) starts empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After migrating, make the site every test starts from: a home page and a course index.

    Built once: each test runs in a transaction rolled back at its end, so it sees exactly this.
    """
    with django_db_blocker.unblock():
        # Migration 0004 gave the database the shared dimensions; tests build the dimensions they
        # score themselves (as a flushed database would need anyway), so start without them.
        Dimension.objects.all().delete()
        home = site_home_ensure()
        if not CourseIndexPage.objects.child_of(home).exists():
            CourseIndexPageFactory(parent=home)


@pytest.fixture
def home() -> HomePage:
    return HomePage.objects.filter(locale__language_code="en").get()


@pytest.fixture
def course_index(home) -> CourseIndexPage:
    return CourseIndexPage.objects.child_of(home).get()


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Acme Retail", slug="acme", domain="acme.example")


@pytest.fixture
def org_b():
    return OrganisationFactory(name="Bolt Services", slug="bolt", domain="bolt.example")


@pytest.fixture
def learner(org_a):
    return UserFactory(
        organisation=org_a,
        email="asha@acme.example",
        full_name="Asha Rao",
        preferred_name="Asha",
    )


@pytest.fixture
def learner_b(org_b):
    return UserFactory(organisation=org_b, email="ben@bolt.example", full_name="Ben Okafor")


@pytest.fixture
def learner_client(learner) -> Client:
    return signed_in(learner)


@pytest.fixture
def make_course(course_index):
    """Build a live course with `modules` live modules (each with the default five steps).

    Learner pages only read the live pages, so by default no revision history is written
    (three times faster); `revision=True` publishes revisions as the editor does.
    """

    def make(*, modules: int = 2, organisations=None, steps=None, revision=False, **kwargs):
        course = CoursePageFactory(
            parent=course_index, organisations=organisations or [], revision=revision, **kwargs
        )
        for _ in range(modules):
            extra = {"steps": steps} if steps is not None else {}
            ModulePageFactory(parent=course, revision=revision, **extra)
        return course

    return make


@pytest.fixture
def course(make_course):
    """An open course with two five-step modules."""
    return make_course(modules=2, title="Customers first", slug="customers-first")
