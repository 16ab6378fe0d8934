"""The one definition of a learner's status on a course, and the one query for a course's live
modules. Learner pages, HR's report and exports, and coaching all read these."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


class EnrolmentStatus(models.TextChoices):
    """Where a learner stands on one course. Completion wins over lateness, lateness over start."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    OVERDUE = "overdue", _("Overdue")

    def condition(self, *, today: date) -> Q:
        """This status as plain conditions on the enrolment's columns (index-friendly, unlike the
        CASE): for filters and counts."""
        open_ = Q(completed_at__isnull=True)
        not_late = Q(due_date__isnull=True) | Q(due_date__gte=today)
        return {
            EnrolmentStatus.COMPLETED: Q(completed_at__isnull=False),
            EnrolmentStatus.OVERDUE: open_ & Q(due_date__lt=today),
            EnrolmentStatus.IN_PROGRESS: open_ & not_late & Q(started_at__isnull=False),
            EnrolmentStatus.NOT_STARTED: open_ & not_late & Q(started_at__isnull=True),
        }[self]


def _status_case(*, today: date) -> Case:
    # The same order as EnrolmentStatus.condition: completed, then overdue, then started.
    return Case(
        When(completed_at__isnull=False, then=Value(EnrolmentStatus.COMPLETED)),
        When(due_date__lt=today, then=Value(EnrolmentStatus.OVERDUE)),
        When(started_at__isnull=False, then=Value(EnrolmentStatus.IN_PROGRESS)),
        default=Value(EnrolmentStatus.NOT_STARTED),
        output_field=models.CharField(choices=EnrolmentStatus.choices),
    )


class EnrolmentQuerySet(models.QuerySet):
    def with_status(self, today: date | None = None) -> Self:
        """Each enrolment with its `status` (an EnrolmentStatus value), worked out in SQL."""
        return self.annotate(status=_status_case(today=today or timezone.localdate()))

    def filter_status(self, status: str, today: date | None = None) -> Self:
        """Only the enrolments in this status (a ValueError for an unknown one)."""
        return self.filter(EnrolmentStatus(status).condition(today=today or timezone.localdate()))


class OriginalsQuerySet(PageQuerySet):
    def originals(self) -> Self:
        """Pages in the site's language: the ones learners are routed to and records point at
        (a translation only lends them its words; see people.translation)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


CoursePageManager = PageManager.from_queryset(OriginalsQuerySet)


class ModulePageQuerySet(OriginalsQuerySet):
    def live_in(self, courses: Iterable[Page] | None = None) -> Self:
        """Live modules in the authored order, of these courses (of every course when None).

        Each carries `course_path`, its course's tree path, so one query serves many courses.
        """
        modules = (
            self.live()
            .originals()
            .annotate(course_path=Substr("path", 1, Length("path") - Page.steplen))
            .order_by("path")
        )
        if courses is not None:
            modules = modules.filter(course_path__in=[course.path for course in courses])
        return modules


ModulePageManager = PageManager.from_queryset(ModulePageQuerySet)
