"""A learner named like a spreadsheet formula stays text in every export (CSV injection)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from factories import TeamFactory, UserFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from reports_helpers import csv_rows, enrol, file_bytes

from people.spreadsheets import FORMULA_STARTS, inert
from reports.models import ExportJob

HYPERLINK = '=HYPERLINK("http://x","y")'
NASTY = [HYPERLINK, "+1+2", "-3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\tTab", "\rReturn"]


@pytest.fixture
def nasty_rows(org_a, make_course):
    """Every text column carries a dangerous start: name, team, course title."""
    team = TeamFactory(organisation=org_a, name="=1+1")
    course = make_course(modules=1, title="@course", slug="at-course")
    for index, name in enumerate(NASTY):
        learner = UserFactory(
            organisation=org_a, full_name=name, email=f"n{index}@acme.example", team=team
        )
        enrol(learner, course, state="in_progress")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text())
def test_inert_text_never_starts_a_formula_and_keeps_the_text(text):
    result = inert(text)
    assert not result.startswith(FORMULA_STARTS)
    assert result == text or result == "'" + text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_dangerous_start_is_escaped(start):
    assert inert(f"{start}x") == f"'{start}x"


def test_ordinary_text_is_untouched():
    assert inert("Asha Rao") == "Asha Rao"
    assert inert("O'Brien-Ñúñez") == "O'Brien-Ñúñez"
    assert inert("") == ""


def test_csv_cells_are_inert(hr_client, nasty_rows):
    data = csv_rows(hr_client.get(reverse("reports:export_csv")))[1:]

    assert len(data) == len(NASTY)
    names = sorted(row[0] for row in data)
    assert names == sorted("'" + name for name in NASTY)
    for row in data:
        assert row[2] == "'=1+1"  # team
        assert row[3] == "'@course"  # course title
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), row


def test_xlsx_cells_are_text_not_formulas(hr_client, nasty_rows):
    hr_client.post(reverse("reports:export_start"), {"format": "xlsx"})
    job = ExportJob.objects.get()
    download = hr_client.get(reverse("reports:export_download", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(file_bytes(download))).active

    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(NASTY)
    for row in rows:
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert not cell.value.startswith(FORMULA_STARTS), cell.value
    names = sorted(row[0].value for row in rows)
    # XML reads a carriage return back as a line feed; the apostrophe is what matters.
    assert names == sorted("'" + name.replace("\r", "\n") for name in NASTY)


def test_the_management_command_escapes_too(nasty_rows, tmp_path):
    target = tmp_path / "out.xlsx"
    call_command(
        "export_completions", "--organisation", "acme", "--format", "xlsx", "--output", str(target)
    )
    sheet = load_workbook(target).active
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)


def test_the_report_page_shows_the_name_as_text(hr_client, nasty_rows):
    page = hr_client.get(reverse("reports:completions")).content.decode()
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in page
