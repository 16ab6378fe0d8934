"""Cohorts: HR and platform admins create them; a coach sees their cohorts' progress at a glance."""

from __future__ import annotations

from datetime import timedelta

import pytest
from coaching_helpers import make_cohort, page, text_of
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import UserFactory
from helpers import modules_of, signed_in

from coaching.models import Cohort
from courses.models import Enrolment, ModuleProgress


def cohort_form(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "name": "Summer cohort",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


def test_hr_creates_a_cohort_of_their_organisation_with_a_coach_from_elsewhere(
    hr_a, org_a, coach, learner, roleplay_course
):
    client = signed_in(hr_a)
    hr_pages = page(client.get("/hr/"))
    assert (
        hr_pages.select_one("nav.hr-nav").find("a", string="Cohorts")["href"] == "/admin/cohorts/"
    )
    form = client.get("/admin/cohorts/new/")
    assert form.status_code == 200
    # HR choose only their own organisation and its people; coaches come from anywhere.
    assert [
        o.get_text(strip=True) for o in page(form).select("select[name=organisation] option")
    ] == ["Acme Retail"]
    learner_labels = [
        label.get_text(" ", strip=True) for label in page(form).select("[name=learners]")
    ]
    assert len(learner_labels) == 1

    response = client.post(
        "/admin/cohorts/new/",
        cohort_form(
            organisation=org_a.pk,
            coaches=[coach.pk],
            learners=[learner.pk],
            courses=[roleplay_course.pk],
        ),
    )

    assert response.status_code == 302, page(response).select(".error-message, .help-critical")
    cohort = Cohort.objects.get(name="Summer cohort")
    assert cohort.organisation == org_a
    assert list(cohort.coaches.all()) == [coach]
    assert list(cohort.learners.all()) == [learner]
    assert list(cohort.courses.all()) == [roleplay_course]
    assert "Summer cohort" in text_of(signed_in(coach).get("/coach/"))


def test_hr_cannot_put_another_organisations_people_or_organisation_in_a_cohort(
    hr_a, org_a, org_b, coach, learner_b
):
    client = signed_in(hr_a)

    for data in (
        cohort_form(organisation=org_a.pk, coaches=[coach.pk], learners=[learner_b.pk]),
        cohort_form(organisation=org_b.pk, coaches=[coach.pk]),
    ):
        response = client.post("/admin/cohorts/new/", data)
        assert response.status_code == 200
    assert not Cohort.objects.exists()


def test_a_cohort_needs_a_coach_with_the_coach_role_and_an_end_after_its_start(
    hr_a, org_a, colleague, coach
):
    client = signed_in(hr_a)
    today = timezone.localdate()

    not_a_coach = client.post(
        "/admin/cohorts/new/", cohort_form(organisation=org_a.pk, coaches=[colleague.pk])
    )
    backwards = client.post(
        "/admin/cohorts/new/",
        cohort_form(
            organisation=org_a.pk,
            coaches=[coach.pk],
            ends_on=(today - timedelta(days=1)).isoformat(),
        ),
    )

    assert not_a_coach.status_code == backwards.status_code == 200
    assert "must end on or after its start" in backwards.content.decode()
    assert not Cohort.objects.exists()


def test_platform_admins_put_learners_of_the_chosen_organisation_only(
    admin, org_a, coach, learner_b
):
    response = signed_in(admin).post(
        "/admin/cohorts/new/",
        cohort_form(organisation=org_a.pk, coaches=[coach.pk], learners=[learner_b.pk]),
    )

    assert response.status_code == 200
    assert "not in Acme Retail" in response.content.decode()
    assert not Cohort.objects.exists()


def test_hr_see_and_edit_only_their_organisations_cohorts(hr_a, hr_b, cohort, cohort_b, admin):
    client = signed_in(hr_a)

    listing = text_of(client.get("/admin/cohorts/"))
    assert "Spring cohort" in listing
    assert "Bolt cohort" not in listing
    assert client.get(f"/admin/cohorts/edit/{cohort.pk}/").status_code == 200
    for url in (
        f"/admin/cohorts/edit/{cohort_b.pk}/",
        f"/admin/cohorts/delete/{cohort_b.pk}/",
        f"/admin/cohorts/history/{cohort_b.pk}/",
        f"/admin/cohorts/usage/{cohort_b.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/admin/cohorts/delete/{cohort_b.pk}/").status_code == 404
    assert Cohort.objects.filter(pk=cohort_b.pk).exists()

    everything = text_of(signed_in(admin).get("/admin/cohorts/"))
    assert "Spring cohort" in everything and "Bolt cohort" in everything


def test_hr_deletes_their_own_cohort(hr_a, cohort):
    response = signed_in(hr_a).post(f"/admin/cohorts/delete/{cohort.pk}/")

    assert response.status_code == 302
    assert not Cohort.objects.exists()


@pytest.mark.parametrize("who", ["coach", "learner"])
def test_coaches_and_learners_do_not_manage_cohorts(request, who, cohort):
    client = signed_in(request.getfixturevalue(who))

    response = client.get("/admin/cohorts/")

    assert response.status_code in (302, 403)
    assert "Spring cohort" not in response.content.decode()
    assert client.get(f"/admin/cohorts/edit/{cohort.pk}/").status_code in (302, 403, 404)


def test_a_coach_sees_only_their_own_cohorts_in_several_organisations(
    coach, coach_client, cohort, cohort_b, org_b, learner_b, roleplay_course
):
    make_cohort(
        name="Bolt evening cohort",
        organisation=org_b,
        coaches=[coach],
        learners=[learner_b],
        courses=[roleplay_course],
    )

    home = text_of(coach_client.get("/coach/"))

    assert "Spring cohort" in home
    assert "Bolt evening cohort" in home
    assert "Bolt cohort" not in home.replace("Bolt evening cohort", "")
    assert coach_client.get(f"/coach/cohorts/{cohort_b.pk}/").status_code == 404
    assert coach_client.get(f"/coach/learners/{learner_b.pk}/").status_code == 200


def finish_course(user, course):
    now = timezone.now()
    enrolment = Enrolment.objects.create(user=user, course=course, started_at=now, completed_at=now)
    for module in modules_of(course):
        ModuleProgress.objects.create(
            enrolment=enrolment,
            module=module,
            completed_step_ids=[b.id for b in module.steps],
            completed_at=now,
        )


def test_progress_at_a_glance_shows_who_finished_and_who_is_behind(
    coach_client, coach, org_a, learner, roleplay_course
):
    behind = UserFactory(organisation=org_a, email="bo@acme.example", full_name="Bo Behind")
    fresh = UserFactory(organisation=org_a, email="fay@acme.example", full_name="Fay Fresh")
    cohort = make_cohort(
        name="Spring cohort",
        organisation=org_a,
        coaches=[coach],
        learners=[learner, behind, fresh],
        courses=[roleplay_course],
        days_in=7,
        days_left=49,
    )
    finish_course(learner, roleplay_course)
    Enrolment.objects.create(
        user=behind, course=roleplay_course, due_date=timezone.localdate() - timedelta(days=1)
    )

    home = coach_client.get("/coach/")
    card = " ".join(page(home).select_one(".card").get_text(" ").split())
    assert "1 finished" in card
    assert "1 behind" in card
    assert "Behind: Bo Behind (0%)" in card
    assert "Finished: Asha Rao" in card

    detail = coach_client.get(f"/coach/cohorts/{cohort.pk}/")
    rows = {
        row.th.get_text(strip=True): " ".join(row.get_text(" ").split())
        for row in page(detail).select("table.cohort-table tbody tr")
    }
    assert "Finished" in rows["Asha Rao"] and "1 of 1 (100%)" in rows["Asha Rao"]
    assert "Behind" in rows["Bo Behind"] and "(overdue)" in rows["Bo Behind"]
    assert "Not started" in rows["Fay Fresh"]


def test_a_learner_far_behind_the_cohort_calendar_counts_as_behind(
    coach_client, coach, org_a, learner, roleplay_course
):
    make_cohort(
        name="Late cohort",
        organisation=org_a,
        coaches=[coach],
        learners=[learner],
        courses=[roleplay_course],
        days_in=40,
        days_left=10,
    )

    card = " ".join(page(coach_client.get("/coach/")).select_one(".card").get_text(" ").split())

    assert "Behind: Asha Rao (0%)" in card


def coach_home_queries(client) -> int:
    client.get("/coach/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/coach/")
    assert response.status_code == 200
    return len(queries)


def test_the_coach_home_runs_the_same_queries_for_1_cohort_as_for_many(
    coach, other_coach, org_a, make_course, module, scenario
):
    from coaching_helpers import write_reply

    from coaching.models import Question

    def build(for_coach, cohorts: int, learners: int, prefix: str):
        courses = [make_course(modules=2, title=f"{prefix} course {n}") for n in range(cohorts)]
        for n in range(cohorts):
            people = [
                UserFactory(organisation=org_a, email=f"{prefix}{n}-{m}@acme.example")
                for m in range(learners)
            ]
            cohort = make_cohort(
                name=f"{prefix} cohort {n}",
                organisation=org_a,
                coaches=[for_coach],
                learners=people,
                courses=[courses[n], module.get_parent().specific],
            )
            for person in people:
                finish_course(person, courses[n])
                write_reply(person, module, scenario)
                Question.objects.create(learner=person, cohort=cohort, text="Why?")

    build(coach, cohorts=1, learners=1, prefix="small")
    build(other_coach, cohorts=4, learners=3, prefix="large")

    small = coach_home_queries(signed_in(coach))
    large = coach_home_queries(signed_in(other_coach))

    assert small == large, (small, large)
    assert small <= 25
