"""A module knows its course, and a course's live modules come from one query."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from helpers import modules_of

from courses.models import CoursePage, ModulePage


def test_a_module_reads_its_course_in_one_query_and_keeps_it(course):
    module = ModulePage.objects.originals().get(pk=modules_of(course)[0].pk)

    with CaptureQueriesContext(connection) as queries:
        first = module.course
        again = module.course

    assert len(queries) == 1
    assert first == again == course
    assert isinstance(first, CoursePage)


def test_a_module_reached_by_routing_knows_its_course_without_a_query(course):
    module = modules_of(course)[0]
    module._cached_parent_obj = course

    with CaptureQueriesContext(connection) as queries:
        assert module.course is course

    assert len(queries) == 0


def test_live_modules_are_the_published_ones_in_order_each_with_its_course(make_course):
    first, second = make_course(modules=3), make_course(modules=1)
    hidden = modules_of(first)[1]
    hidden.unpublish()

    with CaptureQueriesContext(connection) as queries:
        live = list(ModulePage.objects.live_in([first, second]))

    assert len(queries) == 1
    assert [m.pk for m in live] == [
        m.pk for m in [*modules_of(first), *modules_of(second)] if m.pk != hidden.pk
    ]
    assert {m.course_path for m in live} == {first.path, second.path}
    assert set(ModulePage.objects.live_in([second])) == set(modules_of(second))
