"""A coach downloads the certificate PDFs of their own cohort's learners, and nobody else's."""

from __future__ import annotations

import pytest
from coaching_helpers import page
from django.core.files.base import ContentFile
from django.utils import timezone
from helpers import signed_in

from certificates.models import Certificate

PDF = b"%PDF-1.7 stored certificate"


@pytest.fixture
def certificate(learner, roleplay_course):
    certificate = Certificate.objects.create(
        user=learner,
        course=roleplay_course,
        learner_name=learner.full_name,
        course_title=roleplay_course.title,
        completed_on=timezone.localdate(),
    )
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(PDF))
    return certificate


def test_the_coach_lists_and_downloads_their_learners_certificate(
    cohort, coach_client, learner, certificate
):
    learner_page = coach_client.get(f"/coach/learners/{learner.pk}/")
    link = page(learner_page).find("a", string="Parcels")
    url = f"/coach/learners/{learner.pk}/certificates/{certificate.code}/"
    assert link is not None and link["href"] == url

    response = coach_client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("who", ["other_coach", "hr_b", "colleague"])
def test_others_cannot_download_it_through_the_coach_url(
    request, who, cohort, cohort_b, learner, certificate
):
    client = signed_in(request.getfixturevalue(who))

    url = f"/coach/learners/{learner.pk}/certificates/{certificate.code}/"
    assert client.get(url).status_code == 404


def test_a_certificate_of_another_learner_is_404_even_for_a_coach(
    cohort, coach_client, learner, learner_b, roleplay_course, certificate
):
    other = Certificate.objects.create(
        user=learner_b,
        course=roleplay_course,
        learner_name=learner_b.full_name,
        course_title=roleplay_course.title,
        completed_on=timezone.localdate(),
    )

    # The coach's own learner in the URL, someone else's certificate code: still a miss.
    response = coach_client.get(f"/coach/learners/{learner.pk}/certificates/{other.code}/")

    assert response.status_code == 404
