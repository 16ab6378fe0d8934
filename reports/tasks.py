"""Background work for HR: export files, reminder e-mails, expiring old exports.

`manage.py db_worker` runs these. Each takes ids (never model instances) and calls a service that
is safe to run twice, so a task re-run after a worker died does no harm.
"""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def export_build(job_id: str) -> str | None:
    job = services.export_job_run(job_id=job_id)
    return job.status if job is not None else None


@task()
def assignment_notify(assignment_id: int) -> dict[str, int]:
    run = services.assignment_notify(assignment_id=assignment_id)
    return {"sent": run.sent, "already_sent": run.already_sent, "failed": run.failed}


@task()
def reminders_send() -> dict[str, int]:
    run = services.reminders_send()
    return {"sent": run.sent, "already_sent": run.already_sent, "failed": run.failed}


@task()
def exports_expire() -> int:
    return services.export_jobs_expire()
