"""The report's filters (reports.filters): a bad sort or page falls back and says so, choices
are the organisation's own everywhere (page, command, export jobs), the columns declared once."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from factories import CoursePageFactory, ModulePageFactory, UserFactory
from helpers import soup
from reports_helpers import csv_rows, enrol

from reports.columns import COLUMNS, file_headings
from reports.filters import CompletionFilterSet
from reports.models import ExportJob, ExportStatus
from reports.tasks import export_build


@pytest.fixture
def three(org_a, store, course):
    for name, state in (("Asha Rao", "completed"), ("Bilal Khan", "in_progress"), ("Chen Li", "")):
        learner = UserFactory(organisation=org_a, full_name=name, team=store)
        enrol(learner, course, state=state or "not_started")


def names(response) -> list[str]:
    return [th.get_text(strip=True) for th in soup(response).select("table.report-table tbody th")]


def messages_of(response) -> str:
    return " ".join(p.get_text(" ", strip=True) for p in soup(response).select(".messages p"))


def test_an_unknown_sort_falls_back_to_names_and_says_so(hr_client, three):
    response = hr_client.get(
        reverse("reports:completions"), {"sort": "shoe-size", "status": "in_progress"}
    )

    assert response.status_code == 200
    assert "cannot be sorted by “shoe-size”; it is sorted by name" in messages_of(response)
    assert names(response) == ["Bilal Khan"]  # the other filters still apply
    name = soup(response).select_one("table.report-table thead th")
    assert name["aria-sort"] == "ascending"
    links = [a["href"] for a in soup(response).select("table.report-table thead a")]
    assert all("shoe-size" not in link and "status=in_progress" in link for link in links)


def test_a_page_that_does_not_exist_shows_the_nearest_and_says_so(
    hr_client, three, course, monkeypatch
):
    monkeypatch.setattr("reports.views.PAGE_SIZE", 2)
    url = reverse("reports:completions")

    beyond = hr_client.get(url, {"page": "9"})
    assert names(beyond) == ["Chen Li"]
    assert "There is no page “9”; this is page 2 of 2." in messages_of(beyond)

    garbled = hr_client.get(url, {"page": "two"})
    assert names(garbled) == ["Asha Rao", "Bilal Khan"]
    assert "There is no page “two”; this is page 1 of 2." in messages_of(garbled)

    assert messages_of(hr_client.get(url, {"page": "2"})) == ""


def test_a_refused_filter_keeps_what_was_typed(hr_client, three):
    response = hr_client.get(
        reverse("reports:completions"),
        {"date_field": "due", "date_from": "2030-01-02", "date_to": "2030-01-01", "status": "done"},
    )

    page = soup(response)
    assert "The start date is after the end date." in page.get_text()
    assert "Select a valid choice" in page.get_text()
    assert page.find("table", class_="report-table") is None
    assert page.find("input", attrs={"name": "date_from"})["value"] == "2030-01-02"
    assert page.find("input", attrs={"name": "date_to"})["value"] == "2030-01-01"
    assert page.find("select", attrs={"name": "date_field"}).find(selected=True)["value"] == "due"


def test_only_the_organisations_own_teams_and_courses_are_offered(
    hr_client, org_b, team_b, store, course, course_index
):
    bolt_only = CoursePageFactory(parent=course_index, organisations=[org_b], title="Bolt only")
    ModulePageFactory(parent=bolt_only)

    page = soup(hr_client.get(reverse("reports:completions")))

    teams = [o["value"] for o in page.find("select", attrs={"name": "team"}).find_all("option")]
    assert teams == ["", str(store.pk), "none"]
    courses = [
        o.get_text() for o in page.find("select", attrs={"name": "course"}).find_all("option")
    ]
    assert "Bolt only" not in courses and course.title in courses


def test_the_command_refuses_another_organisations_course(three, org_b, course_index, tmp_path):
    bolt_only = CoursePageFactory(parent=course_index, organisations=[org_b], title="Bolt only")
    target = tmp_path / "out.csv"

    with pytest.raises(CommandError, match="Those filters cannot be used: course: Select a valid"):
        call_command(
            "export_completions",
            *("--organisation", "acme", "--course", str(bolt_only.pk), "--output", str(target)),
        )
    assert not target.exists()


def test_stored_filters_rebuild_the_same_filters(org_a, store, course):
    data = {
        "team": str(store.pk),
        "course": str(course.pk),
        "status": "overdue",
        "date_field": "due",
        "date_from": "2030-01-01",
        "sort": "-due",
    }
    stored = CompletionFilterSet(data, organisation=org_a).stored()

    assert stored == {
        "team": str(store.pk),
        "course": course.pk,
        "status": "overdue",
        "date_field": "due",
        "date_from": "2030-01-01",
        "date_to": None,
        "sort": "-due",
    }
    assert CompletionFilterSet.from_values(stored, organisation=org_a).stored() == stored


def test_an_export_whose_team_is_gone_fails_rather_than_exporting_other_rows(
    hr_client, three, store, org_a
):
    hr_client.post(reverse("reports:export_start"), {"team": "none", "format": "xlsx"})
    job = ExportJob.objects.get()
    job.filters = {**job.filters, "team": str(store.pk + 1000)}  # a team deleted since
    job.status = ExportStatus.PENDING
    job.save()

    with pytest.raises(ValueError, match="no longer valid"):
        export_build.call(str(job.pk))

    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED


def test_the_columns_are_declared_once(hr_client, three):
    page = soup(hr_client.get(reverse("reports:completions")))
    headings = [
        th.get_text(strip=True).rstrip("▲▼") for th in page.select("table.report-table thead th")
    ]
    assert headings == [str(column.label) for column in COLUMNS]
    assert csv_rows(hr_client.get(reverse("reports:export_csv")))[0] == file_headings()
    assert len(page.select("table.report-table tbody tr")[0].find_all(["th", "td"])) == len(COLUMNS)
