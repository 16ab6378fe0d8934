"""Coaching's admin viewset, and what coaching adds to pages of the apps below it.

courses may not import coaching, so it asks wagtail.hooks for extra content: the coach's
feedback beside a learner's answer, and coach ratings as a source of the attitude profile.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail import hooks

from assessments.selectors import dimension_names
from courses.attitude import ATTITUDE_SOURCES_HOOK, AttitudeSource
from courses.steps.roleplay import STEP_NOTES_HOOK

from .selectors import coach_ratings_by_course, rating_rows, reviews_for_steps
from .viewsets import CohortViewSet


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet("cohorts")


@hooks.register(STEP_NOTES_HOOK)
def coach_feedback_beside_answers(*, attempt, steps) -> dict[int, list[SafeString]]:
    """The coach's feedback and ratings, shown under the learner's written reply (two queries)."""
    reviews = reviews_for_steps(step_ids=[step.pk for step in steps if step.is_reply])
    if not reviews:
        return {}
    names = dimension_names()
    return {
        step_id: [
            render_to_string(
                "coaching/includes/step_feedback.html",
                {"review": review, "ratings": rating_rows(review=review, names=names)},
            )
        ]
        for step_id, review in reviews.items()
    }


@hooks.register(ATTITUDE_SOURCES_HOOK)
def coach_ratings_source(*, user) -> AttitudeSource | None:
    scores = coach_ratings_by_course(user=user)
    if not scores:
        return None
    return AttitudeSource(label=_("Coach's rating"), scores=scores)
