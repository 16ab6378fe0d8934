"""Writes for certificates: issue (exactly once), render and store the PDF, revoke, reprint."""

from __future__ import annotations

import calendar
import logging
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from courses.models import CoursePage
from people.audit import audit_record
from people.models import AuditAction, User

from .models import Certificate, CertificateTemplate

logger = logging.getLogger(__name__)


class CertificateError(Exception):
    """A certificate action that cannot be done; the message is shown to the user."""


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _template_for(course: CoursePage) -> CertificateTemplate | None:
    if course.certificate_template_id:
        return course.certificate_template
    return CertificateTemplate.objects.order_by("pk").first()


def certificate_issue(
    *,
    user: User,
    course: CoursePage,
    completed_on: date | None = None,
    issued_by: User | None = None,
) -> Certificate:
    """The learner's certificate for the course, issued now unless a valid one already exists.

    A revoked or expired certificate is replaced by the new one (it keeps its code and shows
    "replaced" when verified). Safe against two requests racing: the database allows one
    current certificate per learner and course, and the loser returns the winner's.
    """
    completed_on = completed_on or timezone.localdate()
    try:
        with transaction.atomic():
            current = (
                Certificate.objects.select_for_update()
                .filter(user=user, course=course, replaced_at__isnull=True)
                .first()
            )
            if current is not None and current.status == "valid":
                return current
            now = timezone.now()
            if current is not None:
                Certificate.objects.filter(pk=current.pk).update(replaced_at=now)
            months = course.certificate_validity_months
            certificate = Certificate.objects.create(
                user=user,
                course=course,
                learner_name=user.get_full_name(),
                course_title=course.title,
                completed_on=completed_on,
                expires_on=add_months(completed_on, months) if months else None,
                template=_template_for(course),
                issued_at=now,
                issued_by=issued_by,
            )
            if current is not None:
                Certificate.objects.filter(pk=current.pk).update(replaced_by=certificate)
    except IntegrityError:
        # Another request issued it between our read and our insert: theirs stands.
        return Certificate.objects.get(user=user, course=course, replaced_at__isnull=True)
    logger.info(
        "certificate issued",
        extra={"certificate": certificate.code, "user_id": user.pk, "course_id": course.pk},
    )
    audit_record(
        actor=issued_by,
        action=AuditAction.CERTIFICATE_ISSUE,
        organisation=user.organisation_id,
        target=certificate,
        details={"course": course.title, "automatic": issued_by is None},
    )
    _render_later(certificate.pk)
    return certificate


def _render_later(certificate_id: int) -> None:
    from .tasks import certificate_render

    # After commit, so the worker finds the row; the learner never waits for the PDF.
    transaction.on_commit(lambda: certificate_render.enqueue(certificate_id))


def certificate_render(*, certificate_id: int, force: bool = False) -> bool:
    """Render the PDF once and store it. False (and the error recorded and logged) on failure.

    Idempotent: the row is locked while rendering and a certificate that already has its PDF
    is left alone unless `force`, so a task run twice (a retry racing a slow first run, a
    worker restarted mid-task) stores one file.
    """
    from .rendering import certificate_pdf

    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        if certificate.pdf and not force:
            return True
        pdf = certificate_pdf(certificate)
        old_name = certificate.pdf.name if certificate.pdf else ""
        try:
            certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
        except Exception as error:  # any storage backend's failure: disk, S3, network
            # Full disk, unwritable folder, storage outage: the completion and the certificate
            # row stay; `certificates_render_pending` (run on a schedule) tries again later.
            Certificate.objects.filter(pk=certificate.pk).update(
                render_attempts=certificate.render_attempts + 1, render_error=str(error)[:2000]
            )
            logger.error(
                "certificate PDF could not be stored; will retry",
                extra={"certificate": certificate.code, "error": str(error)},
            )
            return False
        Certificate.objects.filter(pk=certificate.pk).update(
            pdf=certificate.pdf.name,
            rendered_at=timezone.now(),
            render_attempts=certificate.render_attempts + 1,
            render_error="",
        )
    if old_name and old_name != certificate.pdf.name:
        certificate.pdf.storage.delete(old_name)
    return True


# A render normally follows its issue within seconds; only older ones are retried, so the sweep
# does not queue a second render of a certificate whose first is still waiting for a worker.
RETRY_AFTER = timedelta(minutes=5)


def certificates_render_pending(*, limit: int = 500) -> int:
    """Queue a render for every certificate still without its PDF. Returns how many."""
    from .tasks import certificate_render as render_task

    ids = list(
        Certificate.objects.filter(pdf="")
        .filter(Q(render_attempts__gt=0) | Q(issued_at__lt=timezone.now() - RETRY_AFTER))
        .order_by("issued_at")
        .values_list("pk", flat=True)[:limit]
    )
    for certificate_id in ids:
        render_task.enqueue(certificate_id)
    return len(ids)


def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise CertificateError("reason")
    if certificate.revoked_at is not None:
        raise CertificateError("already")
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=now, revoked_by=by, revoke_reason=reason
    )
    certificate.revoked_at, certificate.revoked_by, certificate.revoke_reason = now, by, reason
    audit_record(
        actor=by,
        action=AuditAction.CERTIFICATE_REVOKE,
        organisation=certificate.user.organisation_id,
        target=certificate,
        details={"reason": reason},
    )
    logger.info("certificate revoked", extra={"certificate": certificate.code, "by_user_id": by.pk})
    return certificate


def certificate_reprint(*, certificate: Certificate) -> Certificate:
    """Print the learner's current full name on their certificate (same code, new PDF)."""
    name = certificate.user.get_full_name()
    if name == certificate.learner_name:
        return certificate
    Certificate.objects.filter(pk=certificate.pk).update(learner_name=name)
    certificate.learner_name = name
    transaction.on_commit(lambda: _rerender(certificate.pk))
    return certificate


def _rerender(certificate_id: int) -> None:
    from .tasks import certificate_rerender

    certificate_rerender.enqueue(certificate_id)
