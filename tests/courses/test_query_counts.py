"""Learner pages run a fixed number of queries, however many courses a learner is enrolled on."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import CoursePageFactory, ModulePageFactory, UserFactory
from helpers import modules_of, signed_in, step_url

from courses.models import Enrolment, ModuleProgress

COURSES = 50
MAX_QUERIES = 17  # the heaviest learner page today (was 30 before routing was trimmed)


@pytest.fixture
def catalogue(course_index, org_a):
    """50 live courses of 2 modules each; the first 25 limited to organisation A."""
    courses = []
    for n in range(COURSES):
        course = CoursePageFactory(
            parent=course_index,
            revision=False,
            organisations=[org_a] if n < COURSES // 2 else [],
        )
        for _ in range(2):
            ModulePageFactory(parent=course, revision=False)
        courses.append(course)
    return courses


def enrol_with_progress(user, courses):
    """Enrolled on each course: module 1 completed, module 2 started, resume at module 2 step 2."""
    now = timezone.now()
    for course in courses:
        first, second = modules_of(course)
        enrolment = Enrolment.objects.create(
            user=user, course=course, started_at=now, resume_module=second, resume_step=2
        )
        ModuleProgress.objects.bulk_create(
            [
                ModuleProgress(
                    enrolment=enrolment,
                    module=first,
                    completed_step_ids=[block.id for block in first.steps],
                    completed_at=now,
                ),
                ModuleProgress(
                    enrolment=enrolment, module=second, completed_step_ids=[second.steps[0].id]
                ),
            ]
        )


@pytest.fixture
def few_and_many(catalogue, org_a):
    """Two learners of the same organisation: one enrolled on 1 course, one on all 50."""
    few = UserFactory(organisation=org_a, email="few@acme.example")
    many = UserFactory(organisation=org_a, email="many@acme.example")
    enrol_with_progress(few, catalogue[:1])
    enrol_with_progress(many, catalogue)
    return signed_in(few), signed_in(many)


def count_queries(client, url: str) -> tuple[int, list[str]]:
    client.get(url)  # warm up: the first visit may write (resume point) and fill caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [q["sql"] for q in queries.captured_queries]


def urls(catalogue) -> dict[str, str]:
    first_course = catalogue[0]
    first, second = modules_of(first_course)
    return {
        "learn": "/learn/",
        "catalogue": "/learn/catalogue/",
        "home": "/",
        "course index": "/courses/",
        "course page": first_course.url,
        "module overview": second.url,
        "module step": step_url(second, 2),
        "done page": f"{first.url}done/",
    }


def test_query_counts_do_not_grow_with_enrolments(catalogue, few_and_many):
    """One test for every learner page: building 50 courses is the slow part."""
    few, many = few_and_many
    few_counts, many_counts, sql = {}, {}, {}
    for page, url in urls(catalogue).items():
        few_counts[page], _ = count_queries(few, url)
        many_counts[page], sql[page] = count_queries(many, url)

    assert many_counts == few_counts, "\n\n".join(
        f"{page}:\n" + "\n".join(sql[page])
        for page in few_counts
        if few_counts[page] != many_counts[page]
    )
    assert max(few_counts.values()) <= MAX_QUERIES, few_counts

    # The pages did show the learner's data, not an empty shell.
    body = many.get("/learn/").content.decode()
    assert body.count("1 of 2 modules done") == COURSES
    for course in catalogue:
        assert course.title in body


@pytest.mark.parametrize("language", ["en", "mr"])
def test_query_counts_do_not_grow_with_modules(course_index, learner, learner_client, language):
    """In Marathi too, where each page also looks up its translations (one query per kind)."""
    learner.language = language
    learner.save()
    small = CoursePageFactory(parent=course_index, revision=False)
    large = CoursePageFactory(parent=course_index, revision=False)
    for course, modules in ((small, 2), (large, 12)):
        for _ in range(modules):
            ModulePageFactory(parent=course, revision=False)
    enrolled = {}
    for course in (small, large):
        first, *_rest, last = modules_of(course)
        enrolment = Enrolment.objects.create(user=learner, course=course)
        ModuleProgress.objects.create(
            enrolment=enrolment,
            module=first,
            completed_step_ids=[block.id for block in first.steps],
            completed_at=timezone.now(),
        )
        enrolled[course.pk] = (first, last)

    def counts(course) -> dict[str, int]:
        first, last = enrolled[course.pk]
        pages = {
            "course page": course.url,
            "module overview": last.url,
            "module step": step_url(last, 1),
            "done page": f"{first.url}done/",
        }
        return {page: count_queries(learner_client, url)[0] for page, url in pages.items()}

    assert counts(large) == counts(small)
