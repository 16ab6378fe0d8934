"""`seed_scale` builds a large synthetic organisation in bulk; the reports work on it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from helpers import signed_in

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, ModuleProgress
from people.models import Organisation, User
from reports.filters import CompletionFilterSet
from reports.selectors import Status, completion_rows


def test_seed_scale_creates_learners_courses_and_a_spread_of_statuses(capsys):
    call_command(
        "seed_scale",
        "--learners",
        "60",
        "--courses",
        "4",
        "--per-learner",
        "3",
        "--modules",
        "3",
        "--teams",
        "5",
        "--certificates",
    )

    organisation = Organisation.objects.get(slug="scale")
    assert User.objects.filter(organisation=organisation).count() == 61  # and its HR person
    assert organisation.teams.count() == 5
    courses = CoursePage.objects.filter(organisations=organisation)
    assert courses.count() == 4 and all(course.live for course in courses)
    assert Enrolment.objects.filter(user__organisation=organisation).count() == 180
    statuses = set(
        completion_rows(filters=CompletionFilterSet(organisation=organisation)).values_list(
            "status", flat=True
        )
    )
    assert statuses == {Status.COMPLETED, Status.IN_PROGRESS, Status.NOT_STARTED, Status.OVERDUE}
    completed = Enrolment.objects.filter(completed_at__isnull=False).count()
    assert Certificate.objects.count() == completed > 0
    assert ModuleProgress.objects.filter(completed_at__isnull=False).count() >= completed * 3
    output = capsys.readouterr().out
    assert "60 learners" in output and "hr@scale.scale.example" in output


def test_the_scale_hr_person_sees_the_report_in_a_fixed_number_of_queries():
    call_command("seed_scale", "--learners", "20", "--courses", "2", "--organisation", "small")
    call_command("seed_scale", "--learners", "200", "--courses", "2", "--organisation", "big")

    def queries(slug: str) -> int:
        client = signed_in(User.objects.get(email=f"hr@{slug}.scale.example"))
        client.get(reverse("reports:completions"))
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(reverse("reports:completions"))
        assert page.status_code == 200
        assert "Learner 0000000" in page.content.decode()
        return len(ctx)

    assert queries("small") == queries("big")


def test_seed_scale_refuses_an_existing_organisation():
    call_command("seed_scale", "--learners", "2", "--courses", "1")
    with pytest.raises(CommandError, match="exists already"):
        call_command("seed_scale", "--learners", "2", "--courses", "1")


def test_seed_scale_refuses_production_settings(settings):
    settings.TOUCHPOINT_ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="production"):
        call_command("seed_scale", "--learners", "2", "--courses", "1")
    assert not Organisation.objects.filter(slug="scale").exists()
