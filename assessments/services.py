"""Writes for self-assessments: record a completed questionnaire and its scores."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Answer, Dimension, Questionnaire, Response
from .scoring import ScoredItem, dimension_scores


class QuestionnaireError(Exception):
    """A submission that cannot be recorded; the message is safe to show."""


def published_items(questionnaire: Questionnaire):
    """The published statements (the form the learner sees and the scoring agree).

    For a live snippet with drafts the database row is the published version (drafts live only in
    revisions), and unlike the revision's stored content it holds an id for every statement.
    """
    if not questionnaire.live or questionnaire.live_revision_id is None:
        raise QuestionnaireError(_("This questionnaire is not published."))
    return questionnaire, list(questionnaire.items.order_by("sort_order", "pk"))


@transaction.atomic
def response_submit(
    *,
    user,
    questionnaire: Questionnaire,
    values: dict[int, int],
    context_page_id: int | None = None,
    context_step_id: str = "",
    phase: str = "",
) -> Response:
    """Score and save a complete set of answers ({item id: 1..points}); all or nothing."""
    live, items = published_items(questionnaire)
    points = live.scale_points
    missing = [item for item in items if item.pk not in values]
    if missing:
        raise QuestionnaireError(_("Please answer every statement."))
    if any(not 1 <= values[item.pk] <= points for item in items):
        raise QuestionnaireError(_("Each answer must be a point on the scale."))
    slugs = dict(
        Dimension.objects.filter(pk__in={i.dimension_id for i in items}).values_list("pk", "slug")
    )
    scored = [
        ScoredItem(slugs[item.dimension_id], values[item.pk], item.reverse_scored) for item in items
    ]
    try:
        with transaction.atomic():
            response = Response.objects.create(
                user=user,
                questionnaire=questionnaire,
                revision_id=questionnaire.live_revision_id,
                context_page_id=context_page_id,
                context_step_id=context_step_id,
                phase=phase,
                scale_points=points,
                scores=dimension_scores(scored, points=points),
            )
    except IntegrityError as error:
        raise QuestionnaireError(_("You have already answered this questionnaire here.")) from error
    Answer.objects.bulk_create(
        [
            Answer(
                response=response,
                item_id=item.pk,
                dimension=slugs[item.dimension_id],
                reverse_scored=item.reverse_scored,
                value=values[item.pk],
            )
            for item in items
        ]
    )
    return response
