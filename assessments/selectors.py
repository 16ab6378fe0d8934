"""Reads about the shared attitude model."""

from .models import Dimension


def dimension_names() -> dict[str, str]:
    """Slug to name for every dimension, in the model's order (one query)."""
    return dict(Dimension.objects.values_list("slug", "name"))


def dimension_choices() -> list[tuple[str, str]]:
    return list(Dimension.objects.values_list("slug", "name"))
