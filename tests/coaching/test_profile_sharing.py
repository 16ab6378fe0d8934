"""A coach sees a learner's attitude profile only while the learner shares it with the cohort."""

from __future__ import annotations

import pytest
from coaching_helpers import make_cohort, page, text_of
from helpers import signed_in

from assessments.models import Questionnaire, QuestionnaireItem
from assessments.services import response_submit
from coaching.models import ProfileShare


@pytest.fixture
def answered(learner, roleplay_course):
    """The learner answered the course's questionnaire before it (empathy 3 of 5 = 50)."""
    from assessments.models import Dimension

    questionnaire = Questionnaire(title="Attitude check", scale_points=5)
    questionnaire.items = [
        QuestionnaireItem(
            statement="I notice how customers feel.",
            dimension=Dimension.objects.get(slug="empathy"),
        )
    ]
    questionnaire.save()
    questionnaire.save_revision().publish()
    questionnaire.refresh_from_db()
    item = questionnaire.items.get()
    response_submit(
        user=learner,
        questionnaire=questionnaire,
        values={item.pk: 3},
        context_page_id=roleplay_course.pk,
        phase="before",
    )


def share(client, cohort, action: str = "share"):
    return client.post("/coach/sharing/", {"cohort": str(cohort.pk), "action": action})


def test_not_shared_means_404_for_the_coach(cohort, coach_client, learner, answered):
    assert coach_client.get(f"/coach/learners/{learner.pk}/profile/").status_code == 404
    assert "has not shared" in text_of(coach_client.get(f"/coach/learners/{learner.pk}/"))


def test_share_then_withdraw(cohort, coach_client, learner, answered):
    client = signed_in(learner)
    assert "Not shared" in text_of(client.get("/coach/sharing/"))

    assert share(client, cohort).status_code == 302
    profile = coach_client.get(f"/coach/learners/{learner.pk}/profile/")
    assert profile.status_code == 200
    rows = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in page(profile).select("table.attitude-table tbody tr")
    }
    assert rows == {"Empathy": "50.0"}
    assert "Asha’s attitude" in page(profile).select_one("svg title").get_text()
    assert "Shared" in text_of(client.get("/coach/sharing/"))

    assert share(client, cohort, "withdraw").status_code == 302
    assert coach_client.get(f"/coach/learners/{learner.pk}/profile/").status_code == 404
    assert not ProfileShare.objects.exists()


def test_the_attitude_page_links_to_the_sharing_control(learner, answered):
    response = signed_in(learner).get("/learn/attitude/")

    link = page(response).find("a", href="/coach/sharing/")
    assert link is not None
    assert "Share this page with your coach" in link.get_text()


@pytest.mark.parametrize("who", ["hr_a", "admin", "colleague", "learner_b"])
def test_people_who_are_not_coaches_never_see_a_shared_profile(
    request, who, cohort, learner, answered
):
    ProfileShare.objects.create(learner=learner, cohort=cohort)

    client = signed_in(request.getfixturevalue(who))

    assert client.get(f"/coach/learners/{learner.pk}/profile/").status_code == 404


def test_a_coach_of_another_cohort_does_not_see_it(
    cohort, other_coach, learner, answered, org_a, roleplay_course
):
    # The learner is in a second cohort coached by someone else, and shared only with the first.
    make_cohort(
        name="Autumn cohort",
        organisation=org_a,
        coaches=[other_coach],
        learners=[learner],
        courses=[roleplay_course],
    )
    ProfileShare.objects.create(learner=learner, cohort=cohort)
    client = signed_in(other_coach)

    assert client.get(f"/coach/learners/{learner.pk}/").status_code == 200  # coaches them...
    assert client.get(f"/coach/learners/{learner.pk}/profile/").status_code == 404  # ...not shared


def test_a_learner_can_only_share_with_their_own_cohorts(cohort, cohort_b, learner, colleague):
    assert share(signed_in(learner), cohort_b).status_code == 404
    assert share(signed_in(colleague), cohort).status_code == 404
    assert not ProfileShare.objects.exists()


def test_leaving_the_cohort_ends_the_sharing(cohort, coach_client, learner, answered):
    ProfileShare.objects.create(learner=learner, cohort=cohort)
    cohort.learners.remove(learner)

    assert coach_client.get(f"/coach/learners/{learner.pk}/profile/").status_code == 404
