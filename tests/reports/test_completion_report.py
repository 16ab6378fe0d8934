"""HR's dashboard and completion report: statuses, progress, filters, sorting, pages, queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone
from factories import UserFactory
from helpers import soup
from reports_helpers import enrol

from certificates.models import Certificate


@pytest.fixture
def population(org_a, store, support, course, make_course):
    """Four learners of A on `course` (one per status) and one on a second course."""
    today = timezone.localdate()
    second = make_course(modules=2, title="Listening well", slug="listening-well")
    asha = UserFactory(
        organisation=org_a, full_name="Asha Rao", email="asha@acme.example", team=store
    )
    bilal = UserFactory(
        organisation=org_a, full_name="Bilal Khan", email="bilal@acme.example", team=store
    )
    chen = UserFactory(
        organisation=org_a, full_name="Chen Li", email="chen@acme.example", team=support
    )
    dara = UserFactory(organisation=org_a, full_name="Dara Obi", email="dara@acme.example")
    enrol(asha, course, state="completed", due=today + timedelta(days=5))
    enrol(bilal, course, state="in_progress", due=today + timedelta(days=5))
    enrol(chen, course, state="in_progress", due=today - timedelta(days=2))
    enrol(dara, course, state="not_started", due=None, assigned=False)
    enrol(asha, second, state="not_started", due=today + timedelta(days=30))
    certificate = Certificate.objects.create(
        user=asha,
        course=course,
        learner_name=asha.full_name,
        course_title=course.title,
        completed_on=today,
    )
    return {
        "asha": asha,
        "bilal": bilal,
        "chen": chen,
        "dara": dara,
        "second": second,
        "certificate": certificate,
    }


def shown(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def table_rows(response) -> list[dict[str, str]]:
    page = soup(response)
    table = page.find("table", class_="report-table")
    if table is None:
        return []
    headings = [th.get_text(" ", strip=True).rstrip(" ▲▼") for th in table.thead.find_all("th")]
    return [
        dict(
            zip(
                headings,
                [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])],
                strict=True,
            )
        )
        for tr in table.tbody.find_all("tr")
    ]


def test_each_row_shows_status_progress_dates_and_certificate(hr_client, population, course):
    response = hr_client.get(reverse("reports:completions"), {"course": course.pk})

    assert response.status_code == 200
    rows = {row["Name"]: row for row in table_rows(response)}
    assert set(rows) == {"Asha Rao", "Bilal Khan", "Chen Li", "Dara Obi"}
    asha, bilal, chen, dara = (rows[n] for n in ("Asha Rao", "Bilal Khan", "Chen Li", "Dara Obi"))
    assert asha["Status"] == "Completed" and asha["Progress"] == "100%"
    assert asha["Certificate"] == population["certificate"].code
    assert asha["Team"] == "Store floor" and asha["E-mail"] == "asha@acme.example"
    # Shown as the language writes dates (ISO is for the exports): "1 Dec 2026".
    assert asha["Completed"] == shown(timezone.localdate(timezone.now() - timedelta(days=1)))
    assert bilal["Status"] == "In progress" and bilal["Progress"] == "50%"
    assert chen["Status"] == "Overdue" and chen["Progress"] == "50%"
    assert dara["Status"] == "Not started" and dara["Progress"] == "0%"
    assert dara["Assigned"] == "–" and dara["Due"] == "–" and dara["Team"] == ""
    assert chen["Due"] == shown(timezone.localdate() - timedelta(days=2))


def test_a_replaced_certificate_is_not_shown(hr_client, population, course):
    population["certificate"].replaced_at = timezone.now()
    population["certificate"].save()

    rows = {
        row["Name"]: row
        for row in table_rows(hr_client.get(reverse("reports:completions"), {"course": course.pk}))
    }

    assert rows["Asha Rao"]["Certificate"] == ""


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Asha Rao", "Asha Rao ", "Bilal Khan", "Chen Li", "Dara Obi"}),
        ({"status": "overdue"}, {"Chen Li"}),
        ({"status": "completed"}, {"Asha Rao"}),
        ({"status": "in_progress"}, {"Bilal Khan"}),
        ({"status": "not_started"}, {"Dara Obi", "Asha Rao "}),
        ({"team": "none"}, {"Dara Obi"}),
        ({"date_field": "due", "date_to": "TODAY"}, {"Chen Li"}),
        ({"date_field": "completed", "date_from": "TODAY-5"}, {"Asha Rao"}),
        (
            {"date_field": "assigned", "date_from": "TODAY-5"},
            {"Asha Rao", "Asha Rao ", "Bilal Khan", "Chen Li"},
        ),
    ],
)
def test_filters(hr_client, population, params, expected):
    today = timezone.localdate()
    values = {
        key: value.replace("TODAY-5", (today - timedelta(days=5)).isoformat()).replace(
            "TODAY", today.isoformat()
        )
        for key, value in params.items()
    }

    rows = table_rows(hr_client.get(reverse("reports:completions"), values))

    # Asha has two rows (two courses): the second one is marked with a trailing space here.
    names = []
    for row in rows:
        name = row["Name"]
        names.append(name + " " if row["Course"] == "Listening well" else name)
    assert set(names) == expected
    assert len(names) == len(expected)


def test_team_and_course_filters(hr_client, population, store):
    rows = table_rows(
        hr_client.get(
            reverse("reports:completions"),
            {"team": store.pk, "course": population["second"].pk},
        )
    )
    assert [(r["Name"], r["Course"]) for r in rows] == [("Asha Rao", "Listening well")]


def test_a_start_after_the_end_is_refused(hr_client, population):
    response = hr_client.get(
        reverse("reports:completions"), {"date_from": "2030-01-02", "date_to": "2030-01-01"}
    )
    assert "The start date is after the end date." in response.content.decode()
    assert table_rows(response) == []


def test_sorting_by_a_column_both_ways(hr_client, population, course):
    url = reverse("reports:completions")
    names = [
        r["Name"] for r in table_rows(hr_client.get(url, {"course": course.pk, "sort": "name"}))
    ]
    assert names == ["Asha Rao", "Bilal Khan", "Chen Li", "Dara Obi"]
    names = [
        r["Name"] for r in table_rows(hr_client.get(url, {"course": course.pk, "sort": "-name"}))
    ]
    assert names == ["Dara Obi", "Chen Li", "Bilal Khan", "Asha Rao"]
    by_status = table_rows(hr_client.get(url, {"course": course.pk, "sort": "status"}))
    assert [r["Status"] for r in by_status] == [
        "Overdue",
        "Not started",
        "In progress",
        "Completed",
    ]
    by_progress = table_rows(hr_client.get(url, {"course": course.pk, "sort": "-progress"}))
    assert by_progress[0]["Name"] == "Asha Rao" and by_progress[-1]["Name"] == "Dara Obi"
    for sort, order in [
        ("certificate", ["Asha Rao", "Bilal Khan", "Chen Li", "Dara Obi"]),
        ("-certificate", ["Asha Rao", "Dara Obi", "Chen Li", "Bilal Khan"]),
    ]:  # the one certificate, then those without (blanks last, as in every column)
        rows = table_rows(hr_client.get(url, {"course": course.pk, "sort": sort}))
        assert [r["Name"] for r in rows] == order


def test_headings_link_to_sorting_and_say_which_is_active(hr_client, population):
    page = soup(
        hr_client.get(reverse("reports:completions"), {"sort": "-due", "status": "overdue"})
    )
    due = next(th for th in page.select("table.report-table thead th") if "Due" in th.get_text())
    assert due["aria-sort"] == "descending"
    link = due.find("a")["href"]
    assert "sort=due" in link and "status=overdue" in link  # the filters are kept


def test_pages(hr_client, population, course, monkeypatch):
    monkeypatch.setattr("reports.views.PAGE_SIZE", 2)
    url = reverse("reports:completions")

    first = hr_client.get(url, {"course": course.pk})
    second = hr_client.get(url, {"course": course.pk, "page": 2})

    assert [r["Name"] for r in table_rows(first)] == ["Asha Rao", "Bilal Khan"]
    assert [r["Name"] for r in table_rows(second)] == ["Chen Li", "Dara Obi"]
    next_link = soup(first).find("a", rel="next")["href"]
    assert f"course={course.pk}" in next_link and "page=2" in next_link


def test_dashboard_shows_rates_overdue_and_charts(hr_client, population, course):
    response = hr_client.get(reverse("reports:dashboard"))

    assert response.status_code == 200
    page = soup(response)
    stats = page.select_one(".stat-grid").get_text(" ", strip=True)
    assert "5 enrolments" in stats and "20% completed (1)" in stats and "1 overdue" in stats
    charts = page.select("svg.hr-chart")
    assert len(charts) == 3
    titles = [chart.find("title").get_text() for chart in charts]
    assert any("per course" in t for t in titles) and any("per team" in t for t in titles)
    assert "25% done · 1 overdue" in str(charts[0])  # Customers first: 1 of 4 done, 1 overdue
    course_table = page.select("table.hr-figures")[0].get_text(" ", strip=True)
    assert "Customers first 4 1 1 1 1 25%" in course_table
    team_rows = [
        row.get_text(" ", strip=True)
        for row in page.select("table.hr-figures")[1].select("tbody tr")
    ]
    # worked by hand: Store floor = Asha (done + not started on the second course) and Bilal
    assert team_rows == [
        "Customer support 1 0 0 1 0 0%",
        "Store floor 3 1 1 0 1 33%",
        "No team 1 0 0 0 1 0%",
    ]
    # the weekly chart counts the completion of yesterday (or the day before at a week's turn)
    assert sum(int(t.get_text()) for t in charts[2].find_all("text")[::2]) == 1


def test_dashboard_for_an_organisation_without_enrolments(hr_client):
    response = hr_client.get(reverse("reports:dashboard"))
    assert "Nobody in your organisation is enrolled on a course yet." in response.content.decode()


def _grow(org_a, store, course, count: int, start: int) -> None:
    for n in range(start, start + count):
        learner = UserFactory(organisation=org_a, team=store, email=f"p{n}@acme.example")
        enrol(learner, course, state=("completed", "in_progress", "not_started")[n % 3])


@pytest.mark.parametrize("url_name", ["reports:completions", "reports:dashboard"])
def test_pages_run_a_fixed_number_of_queries(hr_client, org_a, store, course, url_name):
    url = reverse(url_name)
    _grow(org_a, store, course, 3, 0)
    hr_client.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as small:
        assert hr_client.get(url).status_code == 200
    _grow(org_a, store, course, 40, 3)
    with CaptureQueriesContext(connection) as large:
        assert hr_client.get(url).status_code == 200
    assert len(large) == len(small)
    assert len(small) <= 20
