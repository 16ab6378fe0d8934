"""Reads for certificates, each scoped to who is asking (DESIGN.md, "Who may see what")."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from people.models import User
from people.roles import Role

from .models import Certificate


def normalise_code(code: str) -> str:
    return code.strip().upper()


def certificate_by_code(*, code: str) -> Certificate | None:
    """Public verification: anyone holding the code sees the certificate's face."""
    return Certificate.objects.filter(code=normalise_code(code)).first()


def certificates_for_learner(*, learner: User) -> list[Certificate]:
    """The learner's own certificates, newest first (replaced ones included, for history)."""
    return list(Certificate.objects.filter(user=learner).select_related("course", "replaced_by"))


def is_hr_of(*, user: User, learner: User) -> bool:
    if user.is_superuser:
        return True
    return (
        user.has_role(Role.HR)
        and user.organisation_id is not None
        and user.organisation_id == learner.organisation_id
    )


def certificate_for_download(*, user: User, code: str) -> Certificate | None:
    """The certificate if `user` is the learner or HR of the learner's organisation.

    Coaches reach their cohort's certificates through coaching, which checks the cohort first.
    """
    certificate = (
        Certificate.objects.select_related("user", "template")
        .filter(code=normalise_code(code))
        .first()
    )
    if certificate is None:
        return None
    if certificate.user_id == user.pk or is_hr_of(user=user, learner=certificate.user):
        return certificate
    return None


def certificates_for_hr(*, user: User, query: str = "", status: str = "") -> QuerySet[Certificate]:
    """Certificates of the HR user's organisation (every organisation for a superuser)."""
    certificates = Certificate.objects.select_related("user", "user__team", "course")
    if not user.is_superuser:
        if not user.has_role(Role.HR) or user.organisation_id is None:
            return certificates.none()
        certificates = certificates.filter(user__organisation_id=user.organisation_id)
    query = query.strip()
    if query:
        certificates = certificates.filter(
            Q(learner_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(course_title__icontains=query)
            | Q(code__iexact=query)
        )
    if status == "revoked":
        certificates = certificates.filter(revoked_at__isnull=False)
    elif status == "current":
        certificates = certificates.filter(revoked_at__isnull=True, replaced_at__isnull=True)
    return certificates.order_by("-issued_at")
