"""Demo data for HR (called by `seed_demo`): the demo course assigned to a team. Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from courses.models import Assignment, CoursePage
from people.models import Organisation, Team, User

from .services import assignment_create

DEMO_TEAM = "Store floor"


def demo_assignments(*, organisation: Organisation, course: CoursePage, assigned_by: User) -> None:
    team = Team.objects.filter(organisation=organisation, name=DEMO_TEAM).first()
    if team is None or Assignment.objects.filter(course=course, team=team).exists():
        return
    assignment_create(
        organisation=organisation,
        course=course,
        due_date=timezone.localdate() + timedelta(days=21),
        assigned_by=assigned_by,
        team=team,
    )
