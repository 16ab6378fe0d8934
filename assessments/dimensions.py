"""The shared attitude model: the dimensions every role-play, questionnaire and coach's rubric
scores (DESIGN.md). A fresh installation gets them from migration 0004; seed_demo ensures them
again after a test database is flushed."""

from __future__ import annotations

SHARED_DIMENSIONS: list[dict[str, str]] = [
    {
        "slug": "empathy",
        "name": "Empathy",
        "description": (
            "Noticing how the customer feels and letting that shape what you say and do, "
            "not only what you process."
        ),
    },
    {
        "slug": "ownership",
        "name": "Ownership",
        "description": (
            "Treating the customer's problem as yours to solve: owning mistakes in plain "
            "words and following through instead of passing the customer along."
        ),
    },
    {
        "slug": "acknowledgement",
        "name": "Acknowledgement",
        "description": (
            "Seeing the person rather than the record: greeting them, getting their name "
            "right and recognising what they have already been through."
        ),
    },
    {
        "slug": "care-after-the-sale",
        "name": "Care after the sale",
        "description": (
            "Keeping the same attention once the customer has paid or signed, with honest "
            "updates, follow-ups and a named person to turn to."
        ),
    },
    {
        "slug": "reachability",
        "name": "Reachability",
        "description": (
            "Making sure the customer can get to a real person who can help, without mazes, "
            "closed doors or being sent back to the start."
        ),
    },
    {
        "slug": "quality-mindset",
        "name": "Quality mindset",
        "description": (
            "Handing over only what you would accept yourself, and being honest early about "
            "flaws, delays and what you will do about them."
        ),
    },
]


def shared_dimensions_ensure(dimension_model) -> list:
    """Create the shared dimensions that are missing; wording already there is kept.

    Takes the model so migration 0004 can pass its historical one and seed_demo the real one.
    """
    dimensions = []
    for order, data in enumerate(SHARED_DIMENSIONS):
        dimension, _created = dimension_model.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "sort_order": order,
            },
        )
        dimensions.append(dimension)
    return dimensions
