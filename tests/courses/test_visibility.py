"""A course limited to organisation A is invisible to everyone else: a miss is a 404."""

from __future__ import annotations

import pytest
from factories import ModulePageFactory, UserFactory
from helpers import modules_of, signed_in, step_url

from courses.models import Enrolment


@pytest.fixture
def course_a(make_course, org_a):
    return make_course(modules=2, organisations=[org_a], title="Acme only", slug="acme-only")


@pytest.fixture
def open_course(make_course):
    return make_course(modules=1, title="Open to all", slug="open-to-all")


def urls_of(course) -> list[str]:
    module = modules_of(course)[0]
    return [
        course.url,
        module.url,
        step_url(module, 1),
        step_url(module, 2),
        f"{module.url}done/",
    ]


def test_course_of_organisation_a_is_not_listed_for_a_learner_of_b(
    course_a, open_course, learner_b
):
    client = signed_in(learner_b)

    for url in ("/learn/catalogue/", "/courses/", "/learn/", "/"):
        body = client.get(url).content.decode()
        assert "Acme only" not in body, url
        assert course_a.url not in body, url
    assert "Open to all" in client.get("/learn/catalogue/").content.decode()
    assert "Open to all" in client.get("/courses/").content.decode()


def test_course_of_organisation_a_and_its_modules_are_404_for_a_learner_of_b(course_a, learner_b):
    client = signed_in(learner_b)

    for url in urls_of(course_a):
        assert client.get(url).status_code == 404, url
    module = modules_of(course_a)[0]
    assert client.post(step_url(module, 1), {"action": "next"}).status_code == 404
    assert not Enrolment.objects.filter(user=learner_b).exists()


def test_enrolling_on_a_course_of_another_organisation_is_404(course_a, learner_b):
    client = signed_in(learner_b)

    response = client.post(f"/learn/enrol/{course_a.pk}/")

    assert response.status_code == 404
    assert not Enrolment.objects.exists()


def test_enrolling_on_a_course_that_does_not_exist_is_404(learner_client):
    assert learner_client.post("/learn/enrol/999999/").status_code == 404


def test_course_of_organisation_a_is_visible_to_its_learners(course_a, learner, learner_client):
    assert "Acme only" in learner_client.get("/learn/catalogue/").content.decode()
    assert "Acme only" in learner_client.get("/courses/").content.decode()
    for url in urls_of(course_a)[:3]:
        assert learner_client.get(url).status_code == 200, url

    response = learner_client.post(f"/learn/enrol/{course_a.pk}/")

    assert response.status_code == 302
    assert response["Location"] == step_url(modules_of(course_a)[0], 1)
    assert Enrolment.objects.filter(user=learner, course=course_a).count() == 1


def test_course_limited_to_several_organisations_is_visible_to_each(
    make_course, org_a, org_b, learner, learner_b
):
    shared = make_course(modules=1, organisations=[org_a, org_b], title="Shared", slug="shared")

    for user in (learner, learner_b):
        client = signed_in(user)
        assert client.get(shared.url).status_code == 200
        assert client.get("/learn/catalogue/").content.decode().count("Shared") >= 1


def test_unrestricted_course_is_visible_to_both_organisations(open_course, learner, learner_b):
    for user in (learner, learner_b):
        client = signed_in(user)
        assert "Open to all" in client.get("/learn/catalogue/").content.decode()
        for url in urls_of(open_course)[:3]:
            assert client.get(url).status_code == 200, url
        assert client.post(f"/learn/enrol/{open_course.pk}/").status_code == 302


def test_a_learner_without_organisation_sees_only_unrestricted_courses(
    course_a, open_course, org_a
):
    client = signed_in(UserFactory(organisation=None))

    body = client.get("/learn/catalogue/").content.decode()
    assert "Open to all" in body
    assert "Acme only" not in body
    assert client.get(course_a.url).status_code == 404


def test_enrolment_made_before_the_course_was_restricted_disappears_from_my_learning(
    course_a, open_course, learner_b
):
    # E.g. the course was opened to everyone, B enrolled, then it was limited to A.
    Enrolment.objects.create(user=learner_b, course=course_a)
    client = signed_in(learner_b)

    assert "Acme only" not in client.get("/learn/").content.decode()
    assert client.get(step_url(modules_of(course_a)[0], 1)).status_code == 404


def test_draft_course_and_draft_module_are_404(make_course, course, learner_client):
    draft = make_course(modules=1, title="Draft course", slug="draft-course", live=False)
    draft_module = ModulePageFactory(parent=course, live=False, title="Draft module")

    assert learner_client.get("/courses/draft-course/").status_code == 404
    assert "Draft course" not in learner_client.get("/learn/catalogue/").content.decode()
    assert learner_client.post(f"/learn/enrol/{draft.pk}/").status_code == 404
    path = f"/courses/{course.slug}/{draft_module.slug}/"
    assert learner_client.get(path).status_code == 404
    assert learner_client.get(f"{path}step/1/").status_code == 404
    assert "Draft module" not in learner_client.get(course.url).content.decode()


@pytest.mark.parametrize("kind", ["learn", "catalogue", "course", "module", "step", "done"])
def test_anonymous_visitors_are_sent_to_sign_in(client, course, kind):
    module = modules_of(course)[0]
    url = {
        "learn": "/learn/",
        "catalogue": "/learn/catalogue/",
        "course": course.url,
        "module": module.url,
        "step": step_url(module, 1),
        "done": f"{module.url}done/",
    }[kind]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_anonymous_enrol_is_sent_to_sign_in_and_enrols_nobody(client, course):
    response = client.post(f"/learn/enrol/{course.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Enrolment.objects.exists()


def test_anonymous_course_index_lists_only_unrestricted_courses(client, course_a, open_course):
    response = client.get("/courses/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Open to all" in body
    assert "Acme only" not in body


def test_another_learner_never_sees_my_reflection_or_my_progress(course, learner, org_a):
    mine = signed_in(learner)
    module = modules_of(course)[0]
    for number in range(1, 6):
        answer = {"answer": "My private thoughts on waiting."} if number == 3 else {}
        assert mine.post(step_url(module, number), {"action": "next", **answer}).status_code == 302
    assert "1 of 2 modules done" in mine.get("/learn/").content.decode()
    colleague = signed_in(UserFactory(organisation=org_a, email="colleague@acme.example"))

    for number in (1, 2):
        colleague.post(step_url(module, number), {"action": "next"})
    page = colleague.get(step_url(module, 3))

    assert page.status_code == 200
    assert "My private thoughts" not in page.content.decode()
    for url in ("/learn/", "/learn/catalogue/", course.url):
        body = colleague.get(url).content.decode()
        assert "0 of 2 modules done" in body, url
        assert "1 of 2 modules done" not in body, url
    assert colleague.get(f"{module.url}done/")["Location"] == step_url(module, 3)


def test_enrol_only_accepts_post(learner_client, course):
    response = learner_client.get(f"/learn/enrol/{course.pk}/")

    assert response.status_code == 405
    assert not Enrolment.objects.exists()
