"""Each app declares what the roles may do with its own models; people gathers them."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Permission
from factories import CourseIndexPageFactory
from wagtail.models import GroupPagePermission

from people.roles import Role, role_page_permissions, role_permissions
from people.services import roles_ensure

OURS = {"people", "assessments", "scenarios", "courses", "certificates", "reports", "coaching"}


def test_an_app_names_only_its_own_permissions():
    for config in apps.get_app_configs():
        declared = getattr(config, "role_permissions", {})
        for codenames in declared.values():
            labels = {dotted.split(".", 1)[0] for dotted in codenames}
            assert not (labels & OURS) - {config.label}, (config.label, labels)


def test_every_declared_permission_exists_and_the_role_groups_hold_them(db):
    groups = roles_ensure()

    for role in Role:
        wanted = set(role_permissions()[role])
        held = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Permission.objects.filter(group=groups[role]).select_related("content_type")
        }
        assert held == wanted, role
    assert role_permissions()[Role.LEARNER] == []


def coach_page_permissions(page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group__name=Role.COACH.value, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_coaches_may_author_under_every_course_index_from_the_moment_it_is_created(home):
    index = CourseIndexPageFactory(parent=home, title="Second catalogue", slug="catalogue-2")

    assert coach_page_permissions(index) == {"add_page", "change_page", "publish_page", "view_page"}
    assert role_page_permissions()[Role.HR] == []
    assert coach_page_permissions(home) == set()  # only the course trees, not the whole site


def test_roles_ensure_restores_coaches_page_permissions_on_existing_course_indexes(course_index):
    GroupPagePermission.objects.filter(page=course_index).delete()

    roles_ensure()
    roles_ensure()  # idempotent

    assert coach_page_permissions(course_index) == {
        "add_page",
        "change_page",
        "publish_page",
        "view_page",
    }
