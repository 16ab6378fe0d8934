"""HR fixtures: an HR person per organisation, teams, and learners in every state."""

from __future__ import annotations

import pytest
from factories import TeamFactory, UserFactory
from helpers import signed_in

from people.roles import Role


@pytest.fixture
def hr(org_a):
    return UserFactory(
        organisation=org_a, email="hira@acme.example", full_name="Hira Shah", roles=[Role.HR]
    )


@pytest.fixture
def hr_client(hr):
    return signed_in(hr)


@pytest.fixture
def hr_b(org_b):
    return UserFactory(
        organisation=org_b, email="hugo@bolt.example", full_name="Hugo Brandt", roles=[Role.HR]
    )


@pytest.fixture
def store(org_a):
    return TeamFactory(organisation=org_a, name="Store floor")


@pytest.fixture
def support(org_a):
    return TeamFactory(organisation=org_a, name="Customer support")


@pytest.fixture
def team_b(org_b):
    return TeamFactory(organisation=org_b, name="Store floor")
