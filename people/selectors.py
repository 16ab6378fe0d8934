"""Reads about people and organisations."""

from .models import Organisation, OrganisationDomain


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def organisation_for_email(*, email: str) -> Organisation | None:
    """The organisation whose sign-up domains include this address's domain, if any."""
    domain = email_domain(email)
    if not domain:
        return None
    match = OrganisationDomain.objects.select_related("organisation").filter(domain=domain).first()
    return match.organisation if match else None
