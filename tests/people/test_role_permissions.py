"""Each app declares what the roles may do with its own models; people gathers them."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Permission

from people.roles import Role, role_permissions
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
