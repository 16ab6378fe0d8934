"""One status per enrolment, and the learner, HR and the coach see the same one.

Each case builds one learner on one course in a state, then reads the learner's own page, HR's
completion report and the coach's cohort and learner pages.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from factories import OrganisationFactory, UserFactory
from helpers import modules_completed, modules_of, signed_in, soup

from coaching.services import cohort_create
from courses.models import Enrolment, EnrolmentStatus
from people.roles import Role

TODAY = timezone.localdate


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


def enrol_in(status: str, *, learner, course) -> Enrolment:
    """The learner on the course in `status`, with a due date that tells the states apart."""
    now = timezone.now()
    late = status in (EnrolmentStatus.OVERDUE, EnrolmentStatus.COMPLETED)  # completed wins
    modules = modules_of(course)
    done = {
        EnrolmentStatus.NOT_STARTED: 0,
        EnrolmentStatus.IN_PROGRESS: 1,
        EnrolmentStatus.OVERDUE: 1,
        EnrolmentStatus.COMPLETED: len(modules),
    }[status]
    enrolment = Enrolment.objects.create(
        user=learner,
        course=course,
        due_date=TODAY() + timedelta(days=-2 if late else 10),
        assigned_at=now - timedelta(days=5),
        started_at=now - timedelta(days=3) if done else None,
        completed_at=now - timedelta(days=1) if status == EnrolmentStatus.COMPLETED else None,
    )
    modules_completed(enrolment, modules[:done], at=now - timedelta(days=1))
    return enrolment


@pytest.fixture
def course(make_course):
    return make_course(modules=2, title="Listening well", slug="listening-well")


@pytest.fixture
def coach(org_a, learner, course):
    """A coach of another organisation, coaching the learner on the course (calendar just begun,
    so pace alone never makes anyone behind)."""
    coach = UserFactory(
        organisation=OrganisationFactory(name="Coaching Co", slug="coachco"), roles=[Role.COACH]
    )
    cohort_create(
        name="Spring cohort",
        organisation=org_a,
        starts_on=TODAY(),
        ends_on=TODAY() + timedelta(days=42),
        coaches=[coach],
        learners=[learner],
        courses=[course],
    )
    return coach


@pytest.fixture
def hr(org_a):
    return UserFactory(organisation=org_a, roles=[Role.HR])


def test_the_queryset_works_the_status_out_in_sql(learner, course):
    for status in EnrolmentStatus:
        Enrolment.objects.all().delete()
        enrolment = enrol_in(status, learner=learner, course=course)

        annotated = Enrolment.objects.with_status().get(pk=enrolment.pk)

        assert annotated.status == status
        assert list(Enrolment.objects.filter_status(status)) == [enrolment]
        others = [s for s in EnrolmentStatus if s != status]
        assert not any(Enrolment.objects.filter_status(s).exists() for s in others)


def test_a_status_unknown_to_the_report_is_refused():
    with pytest.raises(ValueError):
        Enrolment.objects.filter_status("behind")


def learner_card(client) -> str:
    page = soup(client.get(reverse("courses:learn")))
    (card,) = page.select("li.card")
    return words(card)


def hr_status(client, course) -> str:
    page = soup(client.get(reverse("reports:completions"), {"course": course.pk}))
    headings = [words(th).rstrip(" ▲▼") for th in page.select("table.report-table thead th")]
    (row,) = page.select("table.report-table tbody tr")
    cells = [words(cell) for cell in row.find_all(["th", "td"])]
    return dict(zip(headings, cells, strict=True))["Status"]


def coach_cohort_row(client) -> str:
    home = soup(client.get(reverse("coaching:home")))
    cohort_url = home.select_one("a[href^='/coach/cohorts/']")["href"]
    (row,) = soup(client.get(cohort_url)).select("table.cohort-table tbody tr")
    return words(row)


def coach_progress_row(client, learner) -> str:
    page = soup(client.get(reverse("coaching:learner", args=[learner.pk])))
    (row,) = page.select("section[aria-labelledby=progress-heading] tbody tr")
    return words(row)


def test_not_started_is_the_same_for_the_learner_hr_and_the_coach(learner, course, hr, coach):
    enrol_in(EnrolmentStatus.NOT_STARTED, learner=learner, course=course)

    card = learner_card(signed_in(learner))
    assert f"Due {date_format(TODAY() + timedelta(days=10), 'j M Y')}" in card
    assert "Start" in card and "Continue" not in card and "Overdue" not in card
    assert hr_status(signed_in(hr), course) == "Not started"
    assert "Not started" in coach_cohort_row(signed_in(coach))
    assert "Overdue" not in coach_progress_row(signed_in(coach), learner)


def test_in_progress_is_the_same_for_the_learner_hr_and_the_coach(learner, course, hr, coach):
    enrol_in(EnrolmentStatus.IN_PROGRESS, learner=learner, course=course)

    card = learner_card(signed_in(learner))
    assert "1 of 2 modules done" in card and "Continue" in card
    assert "Overdue" not in card and "Completed" not in card
    assert hr_status(signed_in(hr), course) == "In progress"
    row = coach_cohort_row(signed_in(coach))
    assert "On track" in row and "(overdue)" not in row
    assert "Overdue" not in coach_progress_row(signed_in(coach), learner)


def test_overdue_is_the_same_for_the_learner_hr_and_the_coach(learner, course, hr, coach):
    enrol_in(EnrolmentStatus.OVERDUE, learner=learner, course=course)

    card = learner_card(signed_in(learner))
    assert f"Overdue: was due {date_format(TODAY() - timedelta(days=2), 'j M Y')}" in card
    assert hr_status(signed_in(hr), course) == "Overdue"
    row = coach_cohort_row(signed_in(coach))
    assert "Behind" in row and "(overdue)" in row
    assert "Overdue" in coach_progress_row(signed_in(coach), learner)


def test_completed_is_the_same_for_the_learner_hr_and_the_coach(learner, course, hr, coach):
    """Past its due date, but completed: completion wins everywhere."""
    enrol_in(EnrolmentStatus.COMPLETED, learner=learner, course=course)

    learn = soup(signed_in(learner).get(reverse("courses:learn")))
    assert learn.find("h2", string="Completed")
    card = words(learn.select_one("li.card"))
    assert "Completed" in card and "Review course" in card and "Overdue" not in card
    assert hr_status(signed_in(hr), course) == "Completed"
    row = coach_cohort_row(signed_in(coach))
    assert "Finished" in row and "(overdue)" not in row
    assert "Overdue" not in coach_progress_row(signed_in(coach), learner)
