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

from cms.services import site_home_ensure


@pytest.fixture(autouse=True)
def _db_and_clean_cache(db, settings):
    """Every test may use the database; the cache (rate limits, site root paths) starts empty.

    Pages are not added to the search index as they are saved: no test searches, and indexing
    is a fifth of the time it takes to build a course.
    """
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home():
    return site_home_ensure()


@pytest.fixture
def course_index(home):
    return CourseIndexPageFactory(parent=home)


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
    """Build a live course with `modules` live modules (each with the default five steps)."""

    def make(*, modules: int = 2, organisations=None, steps=None, **kwargs):
        course = CoursePageFactory(parent=course_index, organisations=organisations, **kwargs)
        for _ in range(modules):
            extra = {"steps": steps} if steps is not None else {}
            ModulePageFactory(parent=course, **extra)
        return course

    return make


@pytest.fixture
def course(make_course):
    """An open course with two five-step modules."""
    return make_course(modules=2, title="Customers first", slug="customers-first")
