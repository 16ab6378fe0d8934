"""Downloads: CSV (streamed), XLSX and PDF hold exactly the report's filtered rows."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from factories import UserFactory
from openpyxl import load_workbook
from pypdf import PdfReader
from reports_helpers import csv_rows, enrol, file_bytes

from reports.models import ExportJob, ExportStatus

HEADER = [
    "Name",
    "E-mail",
    "Team",
    "Course",
    "Status",
    "Progress (%)",
    "Assigned",
    "Due",
    "Started",
    "Completed",
    "Certificate code",
]


@pytest.fixture
def rows(org_a, store, support, course, make_course):
    today = timezone.localdate()
    other = make_course(modules=1, title="Listening well", slug="listening-well")
    people = [
        ("प्रकाश कुलकर्णी", "prakash@acme.example", store, "completed", course),
        ("Zoë O'Brien", "zoe@acme.example", store, "in_progress", course),
        ("Chen Li", "chen@acme.example", support, "in_progress", course),
        ("Dara Obi", "dara@acme.example", None, "not_started", other),
    ]
    for name, email, team, state, on in people:
        learner = UserFactory(organisation=org_a, full_name=name, email=email, team=team)
        due = today - timedelta(days=1) if name == "Chen Li" else today + timedelta(days=9)
        enrol(learner, on, state=state, due=due)


def page_rows(client, params) -> list[list[str]]:
    """The report page's rows for these filters, as the CSV would write them."""
    from helpers import soup

    page = soup(client.get(reverse("reports:completions"), params))
    result = []
    for tr in page.select("table.report-table tbody tr"):
        # A date cell shows the reader's format; its <time datetime> is the ISO the CSV writes.
        cells = [
            cell.time["datetime"] if cell.time else cell.get_text(strip=True)
            for cell in tr.find_all(["th", "td"])
        ]
        cells = ["" if cell == "–" else cell for cell in cells]
        cells[5] = cells[5].rstrip("%")
        result.append(cells)
    return result


def start_export(client, params: dict, fmt: str):
    response = client.post(reverse("reports:export_start"), {**params, "format": fmt})
    assert response.status_code == 302
    job = ExportJob.objects.latest("created_at")
    assert response["Location"] == reverse("reports:export_status", args=[job.pk])
    return job


@pytest.mark.parametrize(
    ("params", "count"), [({}, 4), ({"status": "in_progress"}, 1), ({"sort": "-name"}, 4)]
)
def test_csv_has_exactly_the_filtered_rows(hr_client, rows, params, count):
    response = hr_client.get(reverse("reports:export_csv"), params)

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="completions-')
    data = csv_rows(response)
    assert data[0] == HEADER
    assert len(data) - 1 == count
    assert data[1:] == page_rows(hr_client, params)


def test_csv_keeps_names_in_any_script(hr_client, rows):
    data = csv_rows(hr_client.get(reverse("reports:export_csv"), {"sort": "name"}))
    names = [row[0] for row in data[1:]]
    assert "प्रकाश कुलकर्णी" in names and "Zoë O'Brien" in names


def test_csv_starts_before_the_query_runs(hr_client, rows):
    """The header is sent at once; the rows query runs only when the body is read."""
    response = hr_client.get(reverse("reports:export_csv"))
    chunks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first:
        header = next(chunks)
    assert header.decode("utf-8-sig").startswith("Name,E-mail,")
    assert len(first) == 0
    with CaptureQueriesContext(connection) as rest:
        body = b"".join(chunks)
    assert body.count(b"\n") == 4
    # (Also SAVEPOINT/RELEASE, and on PostgreSQL SET LOCAL: the read has a transaction.)
    reads = [q["sql"] for q in rest.captured_queries if 'FROM "courses_enrolment"' in q["sql"]]
    assert len(reads) == 1  # one statement for all the rows: no query per row


def test_csv_query_count_does_not_grow_with_rows(hr_client, org_a, course):
    def run() -> int:
        with CaptureQueriesContext(connection) as ctx:
            b"".join(hr_client.get(reverse("reports:export_csv")).streaming_content)
        return len(ctx)

    for _n in range(2):
        enrol(UserFactory(organisation=org_a), course, state="in_progress")
    run()  # warm the caches (session, site root paths)
    small = run()
    for _n in range(25):
        enrol(UserFactory(organisation=org_a), course, state="completed")
    assert run() == small


def test_an_invalid_filter_goes_back_to_the_report(hr_client, rows):
    response = hr_client.get(reverse("reports:export_csv"), {"status": "bogus"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reports:completions"))


@pytest.mark.parametrize("filtered", [False, True])
def test_xlsx_matches_the_csv(hr_client, rows, store, filtered):
    params = {"team": store.pk, "sort": "-name"} if filtered else {"sort": "course"}
    csv_data = csv_rows(hr_client.get(reverse("reports:export_csv"), params))
    assert len(csv_data) == (1 + 2 if filtered else 1 + 4)  # heading + the filtered rows

    job = start_export(hr_client, params, "xlsx")
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.rows_total == len(csv_data) - 1

    download = hr_client.get(reverse("reports:export_download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="completions-')
    sheet = load_workbook(io.BytesIO(file_bytes(download)), read_only=True).active
    cells = [
        [
            ""
            if value is None
            else value.isoformat()[:10]
            if hasattr(value, "isoformat")
            else str(value)
            for value in row
        ]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert cells == csv_data


def test_pdf_summary_has_figures_charts_and_the_rows(hr_client, rows, store):
    job = start_export(hr_client, {"team": store.pk}, "pdf")
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE, job.error

    download = hr_client.get(reverse("reports:export_download", args=[job.pk]))
    content = file_bytes(download)
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Course completion: Acme Retail" in text
    assert "Team: Store floor" in text
    assert "Zoë O'Brien" in text and "Chen Li" not in text  # only the filtered rows
    assert "50% done" in text  # a chart's written figure: 1 of the team's 2 completed
    assert "Completions per week" in text


def test_export_completions_command_writes_the_same_csv(hr_client, rows, org_a, tmp_path):
    web = csv_rows(hr_client.get(reverse("reports:export_csv"), {"status": "in_progress"}))
    target = tmp_path / "out.csv"

    call_command(
        "export_completions",
        "--organisation",
        "acme",
        "--format",
        "csv",
        "--status",
        "in_progress",
        "--output",
        str(target),
    )

    import csv

    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == web


def test_export_completions_command_writes_xlsx_with_team_filter(rows, tmp_path, store):
    target = tmp_path / "out.xlsx"
    call_command(
        "export_completions",
        "--organisation",
        "acme",
        "--format",
        "xlsx",
        "--team",
        "Store floor",
        "--output",
        str(target),
    )
    sheet = load_workbook(target, read_only=True).active
    names = sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == sorted(["प्रकाश कुलकर्णी", "Zoë O'Brien"])


def test_export_completions_refuses_an_unknown_organisation(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No organisation"):
        call_command(
            "export_completions", "--organisation", "nope", "--output", str(tmp_path / "x.csv")
        )


# --- every export is on the audit trail ---------------------------------------------------------


def test_each_export_is_on_the_audit_trail_with_who_what_and_filters(hr, hr_client, rows, tmp_path):
    from people.models import AuditAction, AuditEvent

    csv_rows(hr_client.get(reverse("reports:export_csv"), {"status": "in_progress"}))
    job = start_export(hr_client, {"sort": "-name"}, "xlsx")
    call_command(
        "export_completions", "--organisation", "acme", "--output", str(tmp_path / "a.csv")
    )

    web_csv, web_xlsx, command = AuditEvent.objects.filter(action=AuditAction.HR_EXPORT).order_by(
        "pk"
    )
    assert (web_csv.actor, web_csv.organisation, web_csv.ip_address) == (
        hr,
        hr.organisation,
        "127.0.0.1",
    )
    assert web_csv.details["format"] == "csv"
    assert web_csv.details["filters"]["status"] == "in_progress"
    assert (web_xlsx.actor, web_xlsx.details["format"]) == (hr, "xlsx")
    assert web_xlsx.details["filters"]["sort"] == "-name"
    assert (web_xlsx.target_type, web_xlsx.target_id) == ("reports.exportjob", str(job.pk))
    # The command line has no signed-in person: the trail says the system exported.
    assert (command.actor, command.actor_label, command.details["format"]) == (None, "", "csv")
    assert command.organisation == hr.organisation


def test_a_refused_export_is_not_on_the_trail(hr_client, rows):
    from people.models import AuditAction, AuditEvent

    hr_client.get(reverse("reports:export_csv"), {"status": "bogus"})

    assert not AuditEvent.objects.filter(action=AuditAction.HR_EXPORT).exists()
