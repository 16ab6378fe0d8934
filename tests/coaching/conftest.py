"""Coaching test data: a role-play course, coaches of another organisation, cohorts, replies."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from coaching_helpers import make_cohort
from factories import OrganisationFactory, UserFactory, story
from helpers import modules_of, signed_in

from people.roles import Role

# The role-play builders live next to the scenario tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenarios"))
import play_helpers as ph


@pytest.fixture
def scenario():
    ph.dimensions_ensure()
    return ph.scenario_create()


@pytest.fixture
def roleplay_course(make_course, scenario):
    """An open course with one module: a story, then the call-centre role-play."""
    return make_course(
        modules=1,
        steps=[story("The order", "<p>A parcel goes missing.</p>"), ph.roleplay_step(scenario)],
        title="Parcels",
        slug="parcels",
    )


@pytest.fixture
def module(roleplay_course):
    return modules_of(roleplay_course)[0]


@pytest.fixture
def provider():
    """The coaching provider: its coaches coach cohorts of client organisations."""
    return OrganisationFactory(name="Coaching Co", slug="coachco", domain="coach.example")


@pytest.fixture
def coach(provider):
    return UserFactory(
        roles=[Role.COACH],
        organisation=provider,
        email="zoe@coach.example",
        full_name="Zoë Coach",
        preferred_name="Zoë",
    )


@pytest.fixture
def other_coach(provider):
    return UserFactory(
        roles=[Role.COACH],
        organisation=provider,
        email="omar@coach.example",
        full_name="Omar Coach",
    )


@pytest.fixture
def hr_a(org_a):
    return UserFactory(
        roles=[Role.HR], organisation=org_a, email="hr@acme.example", full_name="Hema HR"
    )


@pytest.fixture
def hr_b(org_b):
    return UserFactory(
        roles=[Role.HR], organisation=org_b, email="hr@bolt.example", full_name="Hari HR"
    )


@pytest.fixture
def admin():
    return UserFactory(
        roles=[Role.PLATFORM_ADMIN],
        is_superuser=True,
        organisation=None,
        email="root@example.org",
        full_name="Root Admin",
    )


@pytest.fixture
def colleague(org_a):
    """A learner of organisation A who is in no cohort."""
    return UserFactory(organisation=org_a, email="carl@acme.example", full_name="Carl Colleague")


@pytest.fixture
def cohort(org_a, coach, learner, roleplay_course):
    return make_cohort(
        name="Spring cohort",
        organisation=org_a,
        coaches=[coach],
        learners=[learner],
        courses=[roleplay_course],
    )


@pytest.fixture
def cohort_b(org_b, other_coach, learner_b, roleplay_course):
    return make_cohort(
        name="Bolt cohort",
        organisation=org_b,
        coaches=[other_coach],
        learners=[learner_b],
        courses=[roleplay_course],
    )


@pytest.fixture
def coach_client(coach):
    return signed_in(coach)
