"""Issuing: exactly once on completion, HR issue and revoke, expiry and renewal by retaking."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from conftest import downloaded, pdf_text
from django.db import IntegrityError, connection, transaction
from factories import CertificateFactory
from helpers import complete_course, signed_in

from certificates.models import Certificate
from certificates.services import add_months, certificate_issue
from courses.models import Enrolment


def test_completing_a_course_issues_one_certificate_with_the_printed_name(
    learner, learner_client, course, committed
):
    with committed():
        complete_course(learner_client, course)

    certificate = Certificate.objects.get(user=learner)
    assert certificate.course == course
    assert certificate.learner_name == "Asha Rao"
    assert certificate.course_title == course.title
    assert certificate.expires_on is None
    assert certificate.status == "valid"
    # Unguessable: 20 characters of base32 in groups, not a sequential number.
    assert len(certificate.code.replace("-", "")) == 20
    assert certificate.code != str(certificate.pk)
    # The ImmediateBackend ran the render task: the PDF is stored already.
    assert certificate.pdf.name.endswith(".pdf")


def test_codes_differ_between_certificates(make_course, learner):
    codes = {certificate_issue(user=learner, course=make_course(modules=1)).code for _ in range(5)}
    assert len(codes) == 5


def test_finishing_again_or_issuing_again_gives_the_same_certificate(
    learner, learner_client, course, committed
):
    with committed():
        complete_course(learner_client, course)
    first = Certificate.objects.get(user=learner)

    again = certificate_issue(user=learner, course=course)

    assert again.pk == first.pk
    assert Certificate.objects.filter(user=learner).count() == 1


def test_the_database_refuses_a_second_current_certificate(learner, course):
    CertificateFactory(user=learner, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateFactory(user=learner, course=course)


def test_losing_a_race_returns_the_winners_certificate(learner, course, monkeypatch):
    """Another request committed a certificate after our check: our insert fails, theirs stands."""
    from certificates.models import CertificateQuerySet

    winner = CertificateFactory(user=learner, course=course)
    real_first = CertificateQuerySet.first
    calls = []

    def first_misses_the_winner_once(queryset):
        calls.append(1)
        return None if len(calls) == 1 else real_first(queryset)

    monkeypatch.setattr(CertificateQuerySet, "first", first_misses_the_winner_once)

    certificate = certificate_issue(user=learner, course=course)

    assert certificate.pk == winner.pk
    assert Certificate.objects.filter(user=learner, course=course).count() == 1


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason=(
        "The SQLite test database lives in memory on one connection, so four threads cannot "
        "write to it at once; CI runs this race on PostgreSQL, and the race's losing path and "
        "the database constraint are tested on both databases"
    ),
)
@pytest.mark.django_db(transaction=True)
def test_two_threads_completing_at_once_issue_one_certificate(learner, course):
    barrier = threading.Barrier(4)
    results, errors = [], []

    def issue():
        try:
            barrier.wait()
            results.append(certificate_issue(user=learner, course=course).pk)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(set(results)) == 1
    assert Certificate.objects.filter(user=learner, course=course).count() == 1


def test_validity_period_sets_the_expiry(learner, make_course, committed):
    course = make_course(modules=1, certificate_validity_months=12)
    with committed():
        certificate = certificate_issue(user=learner, course=course, completed_on=date(2026, 2, 28))
    assert certificate.expires_on == date(2027, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 15), 3) == date(2028, 3, 15)


def test_retaking_an_expired_course_replaces_the_old_certificate(learner, make_course, committed):
    course = make_course(modules=2, certificate_validity_months=6)
    client = signed_in(learner)
    with committed():
        complete_course(client, course)
    old = Certificate.objects.get(user=learner)
    Certificate.objects.filter(pk=old.pk).update(
        completed_on=date(2024, 1, 10), expires_on=date(2024, 7, 10)
    )

    mine = client.get("/certificates/").content.decode()
    assert "Expired" in mine and "Retake the course to renew" in mine
    response = client.post(f"/certificates/{old.code}/retake/")
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.completed_at is None
    with committed():
        complete_course(client, course)

    old.refresh_from_db()
    new = Certificate.objects.get(user=learner, replaced_at__isnull=True)
    assert new.pk != old.pk and new.code != old.code
    assert new.status == "valid"
    assert old.status == "replaced" and old.replaced_by == new
    verify_old = client.get(f"/certificates/verify/{old.code}/").content.decode()
    assert "Replaced by a newer certificate" in verify_old


def test_a_valid_certificate_cannot_be_retaken(learner, learner_client, course, committed):
    with committed():
        complete_course(learner_client, course)
    certificate = Certificate.objects.get(user=learner)
    response = learner_client.post(f"/certificates/{certificate.code}/retake/", follow=True)
    assert "Only an expired certificate" in response.content.decode()
    assert Enrolment.objects.get(user=learner).completed_at is not None


def test_hr_issues_a_certificate_for_someone_in_their_organisation(hr_a, learner, course):
    client = signed_in(hr_a)
    page = client.get("/certificates/manage/issue/")
    assert page.status_code == 200

    response = client.post(
        "/certificates/manage/issue/",
        {"email": "ASHA@acme.example", "course": course.pk, "completed_on": "2026-03-02"},
        follow=True,
    )

    certificate = Certificate.objects.get(user=learner)
    assert certificate.issued_by == hr_a
    assert certificate.completed_on == date(2026, 3, 2)
    assert f"Certificate {certificate.code} issued to Asha Rao." in response.content.decode()


def test_hr_cannot_issue_to_someone_in_another_organisation(hr_a, learner_b, course):
    response = signed_in(hr_a).post(
        "/certificates/manage/issue/",
        {"email": learner_b.email, "course": course.pk, "completed_on": "2026-03-02"},
    )
    assert response.status_code == 200
    assert "No one in your organisation has the e-mail address" in response.content.decode()
    assert not Certificate.objects.exists()


def test_hr_issue_refuses_a_future_date_and_keeps_the_input(hr_a, learner, course):
    response = signed_in(hr_a).post(
        "/certificates/manage/issue/",
        {"email": learner.email, "course": course.pk, "completed_on": "2999-01-01"},
    )
    html = response.content.decode()
    assert "cannot be in the future" in html
    assert learner.email in html
    assert not Certificate.objects.exists()


def test_hr_revokes_with_a_reason_and_verification_says_revoked(hr_a, learner, course, committed):
    with committed():
        certificate = certificate_issue(user=learner, course=course)
    client = signed_in(hr_a)

    missing_reason = client.post(f"/certificates/manage/{certificate.code}/revoke/", {"reason": ""})
    assert "Give a reason" in missing_reason.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    client.post(
        f"/certificates/manage/{certificate.code}/revoke/",
        {"reason": "Issued to the wrong person."},
    )

    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by == hr_a
    assert certificate.revoke_reason == "Issued to the wrong person."
    verify = signed_in(learner).get(f"/certificates/verify/{certificate.code}/")
    html = verify.content.decode()
    assert "Revoked" in html
    assert "wrong person" not in html  # the reason stays inside the organisation


def test_hr_reissues_after_revoking(hr_a, learner, course):
    revoked = certificate_issue(user=learner, course=course)
    signed_in(hr_a).post(
        f"/certificates/manage/{revoked.code}/revoke/", {"reason": "Name misspelt."}
    )

    new = certificate_issue(user=learner, course=course, issued_by=hr_a)

    assert new.pk != revoked.pk
    revoked.refresh_from_db()
    assert revoked.replaced_by == new
    assert new.status == "valid"


def test_a_learner_reprints_with_their_corrected_name(learner, learner_client, course, committed):
    with committed():
        complete_course(learner_client, course)
    certificate = Certificate.objects.get(user=learner)
    old_pdf = certificate.pdf.name
    learner.full_name = "Asha Ramesh Rao"
    learner.save()

    page = learner_client.get("/certificates/").content.decode()
    assert "Print as “Asha Ramesh Rao”" in page
    with committed():
        learner_client.post(f"/certificates/{certificate.code}/reprint/")

    certificate.refresh_from_db()
    assert certificate.learner_name == "Asha Ramesh Rao"
    assert certificate.pdf.name != old_pdf
    pdf = downloaded(learner_client.get(f"/certificates/{certificate.code}/download/"))
    assert "Asha Ramesh Rao" in pdf_text(pdf)
