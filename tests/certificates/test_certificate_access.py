"""Who may download a certificate, and what the public verification page shows."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from factories import UserFactory
from helpers import signed_in

from certificates.models import Certificate
from certificates.services import certificate_issue
from people.roles import Role


@pytest.fixture
def certificate(learner, course) -> Certificate:
    return certificate_issue(user=learner, course=course)


def test_the_learner_downloads_their_own(learner_client, certificate):
    response = learner_client.get(f"/certificates/{certificate.code}/download/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert f'filename="certificate-{certificate.code}.pdf"' in response["Content-Disposition"]


def test_hr_of_the_learners_organisation_downloads_it(hr_a, certificate):
    assert signed_in(hr_a).get(f"/certificates/{certificate.code}/download/").status_code == 200


@pytest.mark.parametrize(
    "who",
    ["another learner", "hr of another organisation", "a coach", "learner of another org"],
)
def test_everyone_else_gets_a_404(org_a, org_b, certificate, who):
    user = {
        "another learner": lambda: UserFactory(organisation=org_a),
        "hr of another organisation": lambda: UserFactory(organisation=org_b, roles=[Role.HR]),
        "a coach": lambda: UserFactory(organisation=org_a, roles=[Role.COACH]),
        "learner of another org": lambda: UserFactory(organisation=org_b),
    }[who]()
    client = signed_in(user)
    assert client.get(f"/certificates/{certificate.code}/download/").status_code == 404
    assert client.post(f"/certificates/{certificate.code}/reprint/").status_code == 404
    assert client.post(f"/certificates/{certificate.code}/retake/").status_code == 404


def test_anonymous_downloads_go_to_sign_in(certificate):
    response = Client().get(f"/certificates/{certificate.code}/download/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_hr_pages_are_scoped_to_their_organisation(org_b, certificate, course):
    hr_b = UserFactory(organisation=org_b, roles=[Role.HR])
    client = signed_in(hr_b)
    listing = client.get("/certificates/manage/").content.decode()
    assert certificate.code not in listing
    assert client.get(f"/certificates/manage/{certificate.code}/revoke/").status_code == 404
    assert (
        client.post(f"/certificates/manage/{certificate.code}/revoke/", {"reason": "x"}).status_code
        == 404
    )
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_hr_list_shows_their_organisations_certificates(hr_a, certificate):
    listing = signed_in(hr_a).get("/certificates/manage/?q=asha").content.decode()
    assert certificate.code in listing
    assert "Asha Rao" in listing


def test_learners_and_coaches_cannot_reach_hr_pages(learner_client, org_a):
    coach = signed_in(UserFactory(organisation=org_a, roles=[Role.COACH]))
    for client in (learner_client, coach):
        assert client.get("/certificates/manage/").status_code == 404
        assert client.get("/certificates/manage/issue/").status_code == 404


def test_verification_is_public_and_shows_only_the_face(certificate, course):
    response = Client().get(f"/certificates/verify/{certificate.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "Valid" in html and "Asha Rao" in html and course.title in html
    assert "asha@acme.example" not in html  # no e-mail, organisation or anything else
    assert "Acme" not in html


def test_verification_accepts_the_code_in_lower_case(certificate):
    response = Client().get(f"/certificates/verify/{certificate.code.lower()}/")
    assert response.status_code == 200


def test_an_expired_certificate_says_so(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=date(2020, 1, 1))
    html = Client().get(f"/certificates/verify/{certificate.code}/").content.decode()
    assert "Expired" in html
    assert "validity period has ended" in html


def test_an_unknown_code_reveals_nothing(certificate):
    response = Client().get("/certificates/verify/AAAAA-BBBBB-CCCCC-DDDDD/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "No such certificate" in html
    assert "Asha" not in html and certificate.code not in html


def test_my_certificates_lists_only_mine(learner_client, certificate, learner_b, course):
    other = certificate_issue(user=learner_b, course=course)
    html = learner_client.get("/certificates/").content.decode()
    assert certificate.code in html
    assert other.code not in html
    assert f"/certificates/{certificate.code}/download/" in html


def test_hr_list_pages_keep_the_search(hr_a, org_a, course, monkeypatch):
    monkeypatch.setattr("certificates.views.PAGE_SIZE", 2)
    for number in range(3):
        certificate_issue(
            user=UserFactory(organisation=org_a, full_name=f"Ravi Kumar {number}"), course=course
        )
    certificate_issue(user=UserFactory(organisation=org_a, full_name="Meera Iyer"), course=course)
    client = signed_in(hr_a)

    first = client.get("/certificates/manage/?q=ravi").content.decode()
    assert "Page 1 of 2" in first
    assert 'href="?q=ravi&amp;status=&amp;page=2" rel="next"' in first
    second = client.get("/certificates/manage/?q=ravi&status=&page=2").content.decode()
    assert "Page 2 of 2" in second and "Ravi Kumar" in second
    assert "Meera Iyer" not in first + second
