"""Builders for HR tests: learners on courses in a given state, and reading downloads."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from django.utils import timezone
from helpers import modules_completed, modules_of

from courses.models import Enrolment


def enrol(
    user,
    course,
    *,
    state: str = "not_started",
    due: date | None = None,
    modules_done: int | None = None,
    assigned: bool = True,
) -> Enrolment:
    """An enrolment in a state: not_started, in_progress (one module done) or completed."""
    now = timezone.now()
    modules = modules_of(course)
    enrolment = Enrolment.objects.create(
        user=user,
        course=course,
        due_date=due,
        assigned_at=now - timedelta(days=3) if assigned else None,
    )
    done = {"not_started": 0, "in_progress": 1, "completed": len(modules)}[state]
    if modules_done is not None:
        done = modules_done
    if state != "not_started":
        enrolment.started_at = now - timedelta(days=2)
    if state == "completed":
        enrolment.completed_at = now - timedelta(days=1)
    enrolment.save()
    modules_completed(enrolment, modules[:done], at=now - timedelta(days=1))
    return enrolment


def csv_rows(response) -> list[list[str]]:
    """The rows of a CSV download (header first), read as a spreadsheet program would."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for spreadsheets"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def file_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content
