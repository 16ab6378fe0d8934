"""Background exports: progress page, requester-only download, expiry, clean-up, re-runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from factories import UserFactory
from helpers import soup
from reports_helpers import enrol, file_bytes

from reports import services
from reports.filters import CompletionFilterSet
from reports.models import ExportJob, ExportStatus
from reports.tasks import export_build


@pytest.fixture
def some_rows(org_a, course):
    for state in ("completed", "in_progress", "not_started"):
        enrol(UserFactory(organisation=org_a), course, state=state)


def pending_job(hr, org_a, fmt="xlsx", **extra) -> ExportJob:
    now = timezone.now()
    return ExportJob.objects.create(
        requester=hr,
        organisation=org_a,
        filters=CompletionFilterSet(organisation=org_a).stored(),
        format=fmt,
        expires_at=now + timedelta(hours=1),
        **extra,
    )


def test_the_worker_builds_the_file_and_the_page_offers_it(hr_client, some_rows):
    response = hr_client.post(reverse("reports:export_start"), {"format": "xlsx"}, follow=True)

    job = ExportJob.objects.get()
    assert job.status == ExportStatus.DONE
    assert (job.rows_total, job.rows_done, job.progress, job.attempts) == (3, 3, 100, 1)
    page = soup(response)
    link = page.find("a", href=reverse("reports:export_download", args=[job.pk]))
    assert link is not None and "Download completions-" in link.get_text()
    assert "Only you can download this file" in page.get_text()
    status = hr_client.get(reverse("reports:export_status_json", args=[job.pk])).json()
    assert status["status"] == "done" and status["finished"] is True


def test_a_waiting_job_shows_progress_and_refreshes_without_inline_script(hr, hr_client, org_a):
    job = pending_job(hr, org_a, rows_total=200, rows_done=50, status=ExportStatus.RUNNING)

    response = hr_client.get(reverse("reports:export_status", args=[job.pk]))

    page = soup(response)
    progress = page.find("progress", id="export-progress")
    assert progress["value"] == "25" and progress["max"] == "100"
    assert "50 of 200 rows" in page.get_text()
    # No JavaScript: the page refreshes itself; with it, a static file polls the status URL.
    refresh = page.find("noscript").find("meta")
    assert refresh["http-equiv"] == "refresh"
    box = page.find(id="export-job")
    assert box.has_attr("data-poll")
    assert box["data-status-url"] == reverse("reports:export_status_json", args=[job.pk])
    scripts = page.head.find_all("script")  # (Wagtail's userbar brings its own, later)
    assert all(script.get("src") for script in scripts)  # no inline script
    assert any("reports/js/export-status.js" in script["src"] for script in scripts)
    assert not page.find("main").find_all("script")
    assert not page.find("main").find(attrs={"style": True})
    assert hr_client.get(reverse("reports:export_download", args=[job.pk])).status_code == 302
    status = hr_client.get(reverse("reports:export_status_json", args=[job.pk])).json()
    assert status == {
        "status": "running",
        "label": "Being prepared",
        "progress": 25,
        "rows_done": 50,
        "rows_total": 200,
        "finished": False,
    }


def test_the_download_expires_with_a_410_and_the_cleanup_deletes_the_file(hr_client, some_rows):
    hr_client.post(reverse("reports:export_start"), {"format": "xlsx"})
    job = ExportJob.objects.get()
    name = job.file.name
    assert default_storage.exists(name)
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    expired = hr_client.get(reverse("reports:export_download", args=[job.pk]))
    assert expired.status_code == 410
    assert "This download has expired" in expired.content.decode()

    call_command("expire_exports")

    job.refresh_from_db()
    assert job.status == ExportStatus.EXPIRED and not job.file
    assert not default_storage.exists(name)
    assert hr_client.get(reverse("reports:export_download", args=[job.pk])).status_code == 410
    status_page = hr_client.get(reverse("reports:export_status", args=[job.pk])).content.decode()
    assert "This download has expired" in status_page


def test_the_cleanup_leaves_live_downloads_alone(hr, org_a):
    job = pending_job(hr, org_a, status=ExportStatus.DONE)
    job.file.save("keep.xlsx", ContentFile(b"x"))
    assert services.export_jobs_expire() == 0
    assert default_storage.exists(job.file.name)


def test_running_a_finished_job_again_does_nothing(hr_client, some_rows):
    hr_client.post(reverse("reports:export_start"), {"format": "xlsx"})
    job = ExportJob.objects.get()
    export_build.call(str(job.pk))
    job.refresh_from_db()
    assert job.attempts == 1 and job.status == ExportStatus.DONE


def test_a_job_left_running_by_a_dead_worker_is_finished_by_a_rerun(hr, org_a, some_rows):
    job = pending_job(hr, org_a, fmt="csv", status=ExportStatus.RUNNING, attempts=1)

    export_build.call(str(job.pk))

    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.attempts == 2
    assert job.file.read().decode("utf-8-sig").count("\n") == 4


def test_a_failed_build_says_so(hr_client, some_rows, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("reports.exports.xlsx_write", broken)
    response = hr_client.post(reverse("reports:export_start"), {"format": "xlsx"}, follow=True)

    job = ExportJob.objects.get()
    assert job.status == ExportStatus.FAILED and job.error == "RuntimeError"
    text = response.content.decode()
    assert "could not be prepared" in text and "disk on fire" not in text


def test_a_job_that_expired_before_it_ran_is_not_built(hr, org_a, some_rows):
    job = pending_job(hr, org_a)
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    export_build.call(str(job.pk))
    job.refresh_from_db()
    assert job.status == ExportStatus.EXPIRED and not job.file


def test_the_report_lists_my_recent_downloads_only(hr, hr_client, org_a, some_rows):
    other = UserFactory(organisation=org_a, roles=[])
    mine = pending_job(hr, org_a)
    theirs = pending_job(other, org_a, fmt="pdf")
    page = hr_client.get(reverse("reports:completions")).content.decode()
    assert reverse("reports:export_status", args=[mine.pk]) in page
    assert reverse("reports:export_status", args=[theirs.pk]) not in page
    listing = hr_client.get(reverse("reports:exports")).content.decode()
    assert reverse("reports:export_status", args=[mine.pk]) in listing
    assert reverse("reports:export_status", args=[theirs.pk]) not in listing


def test_the_download_is_the_file(hr_client, some_rows):
    hr_client.post(reverse("reports:export_start"), {"format": "pdf"})
    job = ExportJob.objects.get()
    response = hr_client.get(reverse("reports:export_download", args=[job.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    assert file_bytes(response).startswith(b"%PDF")
