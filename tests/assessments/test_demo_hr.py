"""The demo gives HR an organisation aggregate, and shows why small teams are hidden."""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse
from helpers import signed_in

from people.models import User


def test_demo_hr_sees_the_organisation_but_not_the_small_teams():
    call_command("seed_demo", verbosity=0)
    hr = signed_in(User.objects.get(email="hr@example.com"))

    page = hr.get(reverse("assessments:hr_attitudes")).content.decode()

    assert "7 respondents" in page  # before the course: seven colleagues
    assert "6 respondents" in page  # after it: one has not answered yet
    assert page.count("Not enough responses to show without identifying people") == 4
    # Nothing that names a person reaches HR's page.
    assert "Anjali" not in page and "colleague1@example.com" not in page
