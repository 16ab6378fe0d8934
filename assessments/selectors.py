"""Reads about the shared attitude model."""

from django.db.models import Exists, OuterRef

from .models import Dimension, Questionnaire, Response


def dimension_names() -> dict[str, str]:
    """Slug to name for every dimension, in the model's order (one query)."""
    return dict(Dimension.objects.values_list("slug", "name"))


def dimension_choices() -> list[tuple[str, str]]:
    return list(dimension_names().items())


def course_questionnaire_pending(
    *, user, questionnaire_id: int, course_id: int, phase: str
) -> bool:
    """Whether the course's published before/after questionnaire still waits for the learner.

    One query: the questionnaire is live and holds no response of theirs for this course.
    """
    answered = Response.objects.filter(
        user=user,
        questionnaire_id=OuterRef("pk"),
        context_page_id=course_id,
        phase=phase,
    )
    return (
        Questionnaire.objects.filter(pk=questionnaire_id, live=True)
        .filter(~Exists(answered))
        .exists()
    )


def course_responses_given(*, user, course_ids: list[int], phase: str) -> set[tuple[int, int]]:
    """(course id, questionnaire id) of each course questionnaire the learner has answered."""
    if not course_ids:
        return set()
    return set(
        Response.objects.filter(user=user, context_page_id__in=course_ids, phase=phase)
        .order_by()
        .values_list("context_page_id", "questionnaire_id")
        .distinct()
    )


def course_response_exists(*, user, questionnaire_id: int, course_id: int, phase: str) -> bool:
    """Whether the learner has answered the course's before or after questionnaire."""
    return Response.objects.filter(
        user=user, questionnaire_id=questionnaire_id, context_page_id=course_id, phase=phase
    ).exists()
