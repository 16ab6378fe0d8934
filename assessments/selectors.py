"""Reads about the shared attitude model."""

from .models import Dimension, Response


def dimension_names() -> dict[str, str]:
    """Slug to name for every dimension, in the model's order (one query)."""
    return dict(Dimension.objects.values_list("slug", "name"))


def dimension_choices() -> list[tuple[str, str]]:
    return list(dimension_names().items())


def course_response_exists(*, user, questionnaire_id: int, course_id: int, phase: str) -> bool:
    """Whether the learner has answered the course's before or after questionnaire."""
    return Response.objects.filter(
        user=user, questionnaire_id=questionnaire_id, context_page_id=course_id, phase=phase
    ).exists()
