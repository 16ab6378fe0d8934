"""Writes for self-assessments: record a completed questionnaire and its scores; publish HR's
attitude figures in steps (the rules in releases.py)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from people.models import Organisation, Team

from .aggregates import MINIMUM_GROUP, PHASES, phase_aggregates, phase_members
from .models import (
    Answer,
    AttitudeRelease,
    Dimension,
    Questionnaire,
    QuestionnaireItem,
    Response,
)
from .releases import (
    latest_releases,
    people_changed,
    release_data,
    release_members,
    release_safe,
)
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
    if phase in PHASES and getattr(user, "organisation_id", None) is not None:
        organisation_id, questionnaire_id = user.organisation_id, questionnaire.pk
        transaction.on_commit(
            lambda: _releases_refresh_enqueue(
                organisation_id=organisation_id, questionnaire_id=questionnaire_id
            )
        )
    return response


def _releases_refresh_enqueue(*, organisation_id: int, questionnaire_id: int) -> None:
    from .tasks import attitude_releases_refresh

    attitude_releases_refresh.enqueue(
        organisation_id=organisation_id, questionnaire_id=questionnaire_id
    )


def attitude_releases_refresh(
    *, organisation: Organisation, questionnaire: Questionnaire
) -> dict[str, AttitudeRelease]:
    """Publish a new release of HR's figures for each phase where the rules allow (releases.py);
    returns the newest release per phase.

    Safe to run at any time and concurrently: a phase is looked at further only when at least
    five people changed since its newest release, and two runs publishing the same next number
    are stopped by the unique constraint (the loser keeps the winner's release).
    """
    team_ids = set(Team.objects.filter(organisation=organisation).values_list("pk", flat=True))
    members = phase_members(
        organisation=organisation, questionnaire=questionnaire, team_ids=team_ids
    )
    latest = latest_releases(organisation=organisation, questionnaire=questionnaire)
    for phase in PHASES:
        current = latest.get(phase)
        people = release_members(members[phase])
        if people_changed(current.members if current else {}, people) < MINIMUM_GROUP:
            continue
        earlier = list(
            AttitudeRelease.objects.filter(
                organisation=organisation, questionnaire=questionnaire, phase=phase
            ).values_list("figures", "members")
        )
        slugs = tuple(sorted({slug for m in members[phase].values() for slug in m.scores}))
        withheld: frozenset[int] = frozenset()
        while True:
            groups = phase_aggregates(
                members[phase], team_ids=team_ids, slugs=slugs, withheld_teams=withheld
            )
            figures, people = release_data(members[phase], groups, slugs)
            if release_safe(figures, people, earlier=earlier):
                latest[phase] = _release_publish(
                    organisation=organisation,
                    questionnaire=questionnaire,
                    phase=phase,
                    number=current.number + 1 if current else 1,
                    figures=figures,
                    members=people,
                )
                break
            shown = [pk for pk in team_ids if groups[pk].shown]
            if not shown:
                break  # not even the organisation alone yet: wait for more people to change
            withheld |= {min(shown, key=lambda pk: (groups[pk].respondents, pk))}
    return latest


def _release_publish(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    phase: str,
    number: int,
    figures: dict,
    members: dict,
) -> AttitudeRelease:
    try:
        with transaction.atomic():
            return AttitudeRelease.objects.create(
                organisation=organisation,
                questionnaire=questionnaire,
                phase=phase,
                number=number,
                figures=figures,
                members=members,
            )
    except IntegrityError:  # another run published this number first: theirs stands
        return AttitudeRelease.objects.get(
            organisation=organisation, questionnaire=questionnaire, phase=phase, number=number
        )


def questionnaire_publish_from_data(*, data: dict) -> Questionnaire:
    """Create and publish a questionnaire from data files' shape: title, introduction,
    scale_points and items [{statement, dimension (a slug), reverse_scored}]. An unknown
    dimension raises QuestionnaireError and saves nothing."""
    dimensions = {dimension.slug: dimension for dimension in Dimension.objects.all()}
    items = []
    for order, item in enumerate(data.get("items") or []):
        dimension = dimensions.get(item.get("dimension"))
        if dimension is None:
            raise QuestionnaireError(
                _("Unknown dimension “%(slug)s”.") % {"slug": item.get("dimension")}
            )
        items.append(
            QuestionnaireItem(
                statement=item["statement"],
                dimension=dimension,
                reverse_scored=bool(item.get("reverse_scored")),
                sort_order=order,
            )
        )
    with transaction.atomic():
        questionnaire = Questionnaire(
            title=data["title"],
            introduction=data.get("introduction", ""),
            scale_points=int(data.get("scale_points", 5)),
        )
        questionnaire.items = items
        questionnaire.save()
        questionnaire.save_revision().publish()
    questionnaire.refresh_from_db()  # publishing saved another instance: read the live state
    return questionnaire
