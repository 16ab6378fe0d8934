"""A fresh installation has the shared attitude model; running it again changes nothing."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from assessments.dimensions import SHARED_DIMENSIONS
from assessments.models import Dimension

migration = import_module("assessments.migrations.0004_shared_dimensions")


def test_the_migration_creates_the_six_shared_dimensions_in_order():
    migration.shared_dimensions_create(apps, None)

    assert list(Dimension.objects.order_by("sort_order").values_list("slug", "name")) == [
        ("empathy", "Empathy"),
        ("ownership", "Ownership"),
        ("acknowledgement", "Acknowledgement"),
        ("care-after-the-sale", "Care after the sale"),
        ("reachability", "Reachability"),
        ("quality-mindset", "Quality mindset"),
    ]
    assert all(dimension.description for dimension in Dimension.objects.all())
    assert len(SHARED_DIMENSIONS) == 6


def test_an_installation_that_renamed_a_dimension_keeps_its_wording():
    Dimension.objects.create(slug="empathy", name="Empathie", sort_order=9)

    migration.shared_dimensions_create(apps, None)
    migration.shared_dimensions_create(apps, None)

    assert Dimension.objects.count() == 6
    assert Dimension.objects.get(slug="empathy").name == "Empathie"
