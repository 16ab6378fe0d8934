"""HR sees only their own organisation: no page, parameter, filter or download reaches another's."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from factories import CoursePageFactory, ModulePageFactory, UserFactory
from helpers import signed_in, soup
from openpyxl import load_workbook
from pypdf import PdfReader
from reports_helpers import csv_rows, enrol, file_bytes

from courses.models import Assignment
from people.roles import Role
from reports.models import ExportJob
from reports.services import assignment_create
from reports.urls import urlpatterns


@pytest.fixture
def two_organisations(org_a, org_b, course, learner, learner_b, store, team_b):
    """The same open course taken in both organisations; a team of the same name in each."""
    learner.team = store
    learner.save()
    learner_b.team = team_b
    learner_b.save()
    enrol(learner, course, state="in_progress")
    enrol(learner_b, course, state="completed")
    return {"learner": learner, "learner_b": learner_b}


def everything_hr_a_can_download(client, params=None) -> str:
    """CSV, XLSX and PDF text of the report as HR A, for the given (tampered) parameters."""
    params = params or {}
    parts = [str(csv_rows(client.get(reverse("reports:export_csv"), params)))]
    for fmt in ("xlsx", "pdf"):
        before = set(ExportJob.objects.values_list("pk", flat=True))
        client.post(
            reverse("reports:export_start") + "?" + _query(params), {**params, "format": fmt}
        )
        job = ExportJob.objects.exclude(pk__in=before).get()
        content = file_bytes(client.get(reverse("reports:export_download", args=[job.pk])))
        if fmt == "xlsx":
            sheet = load_workbook(io.BytesIO(content), read_only=True).active
            parts.append(str(list(sheet.iter_rows(values_only=True))))
        else:
            parts.append(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages))
    return "\n".join(parts)


def _query(params: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def test_hr_sees_their_own_learners_only(hr_client, two_organisations):
    page = hr_client.get(reverse("reports:completions")).content.decode()
    everything = everything_hr_a_can_download(hr_client)

    assert "Asha Rao" in page and "Asha Rao" in everything
    for text in (page, everything):
        assert "Ben Okafor" not in text and "ben@bolt.example" not in text


def test_an_organisation_parameter_is_ignored_for_hr(hr_client, two_organisations, org_b):
    params = {"organisation": org_b.pk}
    page = hr_client.get(reverse("reports:completions"), params).content.decode()
    dashboard = hr_client.get(reverse("reports:dashboard"), params).content.decode()
    everything = everything_hr_a_can_download(hr_client, params)

    for text in (page, dashboard, everything):
        assert "Ben Okafor" not in text and "Bolt Services" not in text
    assert "Asha Rao" in page


def test_another_organisations_team_or_course_is_not_a_valid_filter(
    hr_client, two_organisations, team_b, org_b, course_index
):
    bolt_only = CoursePageFactory(parent=course_index, organisations=[org_b], title="Bolt only")
    ModulePageFactory(parent=bolt_only)
    for params in ({"team": team_b.pk}, {"course": bolt_only.pk}):
        page = hr_client.get(reverse("reports:completions"), params)
        assert "Select a valid choice" in page.content.decode()
        assert soup(page).find("table", class_="report-table") is None
        csv_response = hr_client.get(reverse("reports:export_csv"), params)
        assert csv_response.status_code == 302  # back to the form, nothing downloaded
        before = ExportJob.objects.count()
        hr_client.post(reverse("reports:export_start"), {**params, "format": "xlsx"})
        assert ExportJob.objects.count() == before


def test_the_dashboard_counts_only_the_organisation(hr_client, hr_b, two_organisations):
    def stats(client) -> str:
        grid = soup(client.get(reverse("reports:dashboard"))).select_one(".stat-grid")
        return " ".join(grid.get_text(" ").split())

    assert stats(hr_client).startswith("1 enrolment 0% completed (0)")
    assert stats(signed_in(hr_b)).startswith("1 enrolment 100% completed (1)")


def test_another_hr_cannot_open_an_export(hr_client, hr, hr_b, org_a, two_organisations):
    hr_client.post(reverse("reports:export_start"), {"format": "xlsx"})
    job = ExportJob.objects.get()
    colleague = UserFactory(organisation=org_a, roles=[Role.HR])
    for other in (signed_in(hr_b), signed_in(colleague)):
        for name in (
            "reports:export_status",
            "reports:export_status_json",
            "reports:export_download",
        ):
            assert other.get(reverse(name, args=[job.pk])).status_code == 404
    assert hr_client.get(reverse("reports:export_download", args=[job.pk])).status_code == 200


def test_an_assignment_of_another_organisation_is_a_404(hr_client, hr_b, org_b, course, team_b):
    outcome = assignment_create(
        organisation=org_b,
        course=course,
        due_date=date(2099, 1, 1),
        assigned_by=hr_b,
        team=team_b,
    )
    response = hr_client.get(reverse("reports:assignment", args=[outcome.assignment.pk]))
    assert response.status_code == 404


def test_a_team_of_another_organisation_cannot_be_assigned(hr_client, team_b, course, learner_b):
    learner_b.team = team_b
    learner_b.save()
    response = hr_client.post(
        reverse("reports:assign"),
        {"course": course.pk, "due_date": "2099-01-01", "team": team_b.pk},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Assignment.objects.exists()
    assert not learner_b.enrolments.exists()


def test_a_platform_admin_chooses_the_organisation(two_organisations, org_b):
    admin = UserFactory(organisation=None, is_superuser=True, is_staff=True, roles=[])
    client = signed_in(admin)

    choose = client.get(reverse("reports:completions"))
    assert "Choose an organisation" in choose.content.decode()
    page = client.get(reverse("reports:completions"), {"organisation": org_b.pk}).content.decode()
    assert "Ben Okafor" in page and "Asha Rao" not in page
    data = csv_rows(client.get(reverse("reports:export_csv"), {"organisation": org_b.pk}))
    assert [row[0] for row in data[1:]] == ["Ben Okafor"]


def _urls(job: ExportJob, assignment: Assignment) -> list[tuple[str, str]]:
    """Every HR URL, with ids of HR A's own objects: (method, url)."""
    args = {"job_id": [job.pk], "pk": [assignment.pk]}
    urls = []
    for pattern in urlpatterns:
        keys = pattern.pattern.converters.keys()
        url = reverse(f"reports:{pattern.name}", args=[args[k][0] for k in keys])
        method = "post" if pattern.name == "export_start" else "get"
        urls.append((method, url))
    return urls


@pytest.fixture
def own_objects(hr, hr_client, course, org_a, store, two_organisations):
    hr_client.post(reverse("reports:export_start"), {"format": "xlsx"})
    job = ExportJob.objects.get()
    assignment = assignment_create(
        organisation=org_a,
        course=course,
        due_date=date(2099, 1, 1),
        assigned_by=hr,
        team=store,
    ).assignment
    return job, assignment


def test_every_hr_url_for_every_role(own_objects, org_a, hr_client):
    job, assignment = own_objects
    urls = _urls(job, assignment)
    assert len(urls) == len(urlpatterns) >= 11
    from django.test import Client

    anonymous = Client()
    learner = signed_in(UserFactory(organisation=org_a, roles=[Role.LEARNER]))
    coach = signed_in(UserFactory(organisation=org_a, roles=[Role.COACH]))
    hr_without_org = signed_in(UserFactory(organisation=None, roles=[Role.HR]))
    for method, url in urls:
        response = getattr(anonymous, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        for client in (learner, coach, hr_without_org):
            assert getattr(client, method)(url).status_code == 404, url
        if method == "get":
            assert hr_client.get(url).status_code == 200, url
