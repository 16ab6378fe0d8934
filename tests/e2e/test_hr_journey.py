"""HR in a real browser: assign the demo course to a team, see the dashboard, filter the report,
download CSV, XLSX and PDF that match it; another organisation's learner never appears."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from e2e_helpers import sign_in
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from courses.models import CoursePage, Enrolment
from people.models import Organisation, Team, User
from reports.models import ExportJob, ExportStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server):
    course = CoursePage.objects.originals().get(slug="customers-not-targets")
    other = Organisation.objects.create(name="Elsewhere Ltd", slug="elsewhere")
    # In a team of the same name as the demo's, on the same course: only the organisation differs.
    namesake = Team.objects.create(organisation=other, name="Customer support")
    outsider = User.objects.create_user(
        email="outsider@elsewhere.example",
        full_name="Outsider Person",
        organisation=other,
        team=namesake,
    )
    Enrolment.objects.create(user=outsider, course=course, due_date=timezone.localdate())
    return course


CELL_VALUES = "cells => cells.map(c => c.querySelector('time')?.dateTime ?? c.innerText)"


def report_table(page) -> list[list[str]]:
    rows = page.locator("table.report-table tbody tr")
    result = []
    for index in range(rows.count()):
        # A date cell shows the reader's format; its <time datetime> is the ISO the CSV writes.
        cells = rows.nth(index).locator("th, td").evaluate_all(CELL_VALUES)
        cells = [cell.strip() for cell in cells]
        result.append(["" if cell == "–" else cell for cell in cells])
    return result


def download(page, trigger) -> bytes:
    with page.expect_download() as info:
        trigger()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_hr_assigns_reports_and_downloads(demo, page):
    due = timezone.localdate() + timedelta(days=30)
    sign_in(page, "hr@example.com")

    page.get_by_role("link", name="HR", exact=True).click()
    page.get_by_role("link", name="Assign a course").click()
    page.get_by_label("Course").select_option(label="Customers, not targets")
    page.get_by_label("Due date").fill(due.isoformat())
    page.get_by_label("A whole team").select_option(label="Customer support")
    page.get_by_role("button", name="Assign").click()
    team = User.objects.filter(team__name="Customer support", organisation__slug="demo")
    assert f"Assigned to {team.count()} people." in page.locator(".messages").inner_text()
    assert Enrolment.objects.filter(user__in=team, due_date=due).count() == team.count() >= 4

    page.get_by_role("link", name="Dashboard", exact=True).click()
    assert page.locator("svg.hr-chart").count() == 3
    assert "Customers, not targets" in page.locator("table.hr-figures").first.inner_text()

    page.get_by_role("link", name="Completion report", exact=True).click()
    assert "Outsider Person" not in page.inner_text("main")  # unfiltered: all 11 of the demo
    page.get_by_label("Team").select_option(label="Customer support")
    page.get_by_role("button", name="Show").click()
    # The click only starts the navigation: wait until the filtered page has drawn its rows.
    expect(page.locator("table.report-table tbody tr")).to_have_count(team.count())
    shown = report_table(page)
    assert len(shown) == team.count()
    names = {row[0] for row in shown}
    assert "प्रकाश कुलकर्णी" in names and "Outsider Person" not in page.inner_text("main")
    assert all(row[7] == due.isoformat() for row in shown)

    text = download(page, lambda: page.get_by_role("link", name="Download CSV").click())
    data = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert data[0][:2] == ["Name", "E-mail"]
    assert [row[:4] + row[6:8] for row in data[1:]] == [row[:4] + row[6:8] for row in shown]

    page.get_by_role("button", name="Prepare XLSX").click()
    workbook = download(
        page, lambda: page.get_by_role("link", name="Download completions-").click()
    )
    sheet = load_workbook(io.BytesIO(workbook), read_only=True).active
    cells = [
        [
            "" if v is None else v.isoformat()[:10] if hasattr(v, "isoformat") else str(v)
            for v in row
        ]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert cells == data  # every cell of every row, as in the CSV

    page.go_back()
    page.get_by_role("button", name="Prepare PDF summary").click()
    pdf = download(page, lambda: page.get_by_role("link", name="Download completions-").click())
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Team: Customer support" in pdf_text and "Outsider Person" not in pdf_text


def test_the_status_page_follows_a_job_until_its_file_is_ready(demo, page):
    hr = User.objects.get(email="hr@example.com")
    job = ExportJob.objects.create(
        requester=hr,
        organisation=hr.organisation,
        format="xlsx",
        status=ExportStatus.RUNNING,
        rows_total=10,
        rows_done=3,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    sign_in(page, "hr@example.com")
    page.goto(f"/hr/exports/{job.pk}/")
    assert page.locator("#export-progress").get_attribute("value") == "30"

    ExportJob.objects.filter(pk=job.pk).update(rows_done=8)
    # The page's script polls the status and moves the bar (no reload yet).
    expect(page.locator("#export-progress")).to_have_attribute("value", "80", timeout=10_000)
    job.file.save("done.xlsx", ContentFile(b"PK"), save=False)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.DONE, rows_done=10, file=job.file.name
    )
    page.get_by_role("link", name="Download completions-").wait_for(timeout=10_000)


def test_reminders_go_out_once(demo):
    Enrolment.objects.filter(user__email="learner@example.com").update(
        due_date=timezone.localdate() + timedelta(days=1)
    )
    call_command("send_reminders")
    call_command("send_reminders")
    to_learner = [m for m in mail.outbox if m.to == ["learner@example.com"]]
    assert len(to_learner) == 1 and "Reminder:" in to_learner[0].subject
