"""Background work for certificates: the worker renders PDFs so completing a course never waits."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def certificate_render(certificate_id: int) -> bool:
    return services.certificate_render(certificate_id=certificate_id)


@task()
def certificate_rerender(certificate_id: int) -> bool:
    return services.certificate_render(certificate_id=certificate_id, force=True)
