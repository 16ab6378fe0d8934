"""HR's anonymous aggregates of before/after self-assessment scores (reads only).

DESIGN.md, "Who may see what": HR sees self-assessment results only as aggregates over groups of
at least `MINIMUM_GROUP` people. The rules enforced here, whatever the caller filters on:

- Only the given organisation's people are counted (``user.organisation``); each person counts
  once per phase, with their latest "before" / "after" response to the questionnaire.
- A group (the organisation, or one team) is shown for a phase only with at least
  `MINIMUM_GROUP` distinct respondents; below that its numbers (and its exact count) are withheld.
- Differencing: the organisation total minus every shown team (the teams withheld plus people in
  no team) must be 0 or at least `MINIMUM_GROUP` people, otherwise more teams are withheld
  (smallest first). Decisions are made over *all* teams before any team filter is applied, so no
  combination of filters or pages can isolate fewer than `MINIMUM_GROUP` people.
- The same rules apply to each dimension on its own, since a response may lack a dimension (an
  older revision of the questionnaire), so a mean is never over fewer than `MINIMUM_GROUP`.
- Over time: these rules hold within one reading only. HR reads published releases of these
  figures, which move only in steps that isolate nobody by subtraction (releases.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet

from people.models import Organisation, Team

from .models import Dimension, Questionnaire, Response

MINIMUM_GROUP = 5
PHASES = (Response.BEFORE, Response.AFTER)
ONE_DECIMAL = Decimal("0.1")
WHOLE = "organisation"  # the bucket key of the organisation as a whole (team buckets: team id)


@dataclass(frozen=True)
class PhaseAggregate:
    """One group in one phase. When not shown, nothing about its numbers is given."""

    shown: bool
    respondents: int | None  # None unless shown
    fewer_than_minimum: bool  # withheld because the group itself is too small
    means: Mapping[str, Decimal]  # dimension slug -> mean (one decimal); only shown dimensions


@dataclass(frozen=True)
class DimensionRow:
    slug: str
    name: str
    before: Decimal | None
    after: Decimal | None
    change: Decimal | None  # after - before, when both are shown


@dataclass(frozen=True)
class GroupAggregate:
    team: Team | None  # None: the organisation as a whole
    label: str
    before: PhaseAggregate
    after: PhaseAggregate
    rows: tuple[DimensionRow, ...]

    def phase(self, phase: str) -> PhaseAggregate:
        return self.before if phase == Response.BEFORE else self.after


@dataclass(frozen=True)
class AttitudeReport:
    organisation: GroupAggregate
    teams: tuple[GroupAggregate, ...]  # every team of the organisation, by name
    dimensions: tuple[tuple[str, str], ...]  # (slug, name) in the model's order
    minimum: int

    def team(self, team_id: int) -> GroupAggregate | None:
        return next((g for g in self.teams if g.team is not None and g.team.pk == team_id), None)


def hr_questionnaires(*, organisation: Organisation) -> QuerySet[Questionnaire]:
    """Published questionnaires with before/after responses from the organisation's people."""
    answered = Response.objects.filter(
        questionnaire=OuterRef("pk"), phase__in=PHASES, user__organisation=organisation
    )
    return Questionnaire.objects.filter(live=True).filter(Exists(answered)).order_by("title")


def latest_phase_responses(
    *, organisation: Organisation, questionnaire: Questionnaire
) -> QuerySet[Response]:
    """Each of the organisation's people's latest before and latest after response."""
    newer = Response.objects.filter(
        user_id=OuterRef("user_id"),
        questionnaire_id=OuterRef("questionnaire_id"),
        phase=OuterRef("phase"),
    ).filter(
        Q(submitted_at__gt=OuterRef("submitted_at"))
        | Q(submitted_at=OuterRef("submitted_at"), pk__gt=OuterRef("pk"))
    )
    return Response.objects.filter(
        questionnaire=questionnaire, phase__in=PHASES, user__organisation=organisation
    ).exclude(Exists(newer))


def withheld_groups(
    *,
    total: int,
    parts: Mapping[Hashable, int],
    minimum: int = MINIMUM_GROUP,
    already_withheld: frozenset[Hashable] = frozenset(),
) -> tuple[bool, frozenset[Hashable]]:
    """(whole withheld?, parts withheld) so that no shown figure, nor any difference between
    the whole and the shown parts, covers between 1 and minimum - 1 people."""
    if total < minimum:
        return True, frozenset(parts)
    withheld = set(already_withheld) | {key for key, n in parts.items() if n < minimum}
    while True:
        shown = [key for key in parts if key not in withheld]
        rest = total - sum(parts[key] for key in shown)
        if rest == 0 or rest >= minimum or not shown:
            return False, frozenset(withheld)
        withheld.add(min(shown, key=lambda key: (parts[key], str(key))))


def _mean(total: Decimal, count: int) -> Decimal:
    return (total / count).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Member:
    """One person's counted response in one phase (their latest)."""

    team_id: int | None  # None: in none of the organisation's teams
    response_id: int
    scores: Mapping[str, Decimal]  # numeric scores only


def phase_members(
    *, organisation: Organisation, questionnaire: Questionnaire, team_ids: set[int]
) -> dict[str, dict[int, Member]]:
    """phase -> user id -> their counted response (one query)."""
    rows = latest_phase_responses(
        organisation=organisation, questionnaire=questionnaire
    ).values_list("user_id", "user__team_id", "phase", "pk", "scores")
    members: dict[str, dict[int, Member]] = {phase: {} for phase in PHASES}
    for user_id, team_id, phase, pk, scores in rows:
        numeric = {
            slug: Decimal(str(value))
            for slug, value in ((scores or {}).items() if isinstance(scores, dict) else ())
            if not isinstance(value, bool) and isinstance(value, int | float)
        }
        members[phase][user_id] = Member(team_id if team_id in team_ids else None, pk, numeric)
    return members


def dimensions_named(slugs: set[str]) -> tuple[tuple[str, str], ...]:
    """(slug, name) for the slugs: known dimensions in the model's order, then unknown ones."""
    names = dict(Dimension.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return tuple((slug, names[slug]) for slug in names) + tuple(
        (slug, slug) for slug in sorted(slugs - names.keys())
    )


def phase_aggregates(
    members: Mapping[int, Member],
    *,
    team_ids: set[int],
    slugs: tuple[str, ...],
    minimum: int = MINIMUM_GROUP,
    withheld_teams: frozenset[int] = frozenset(),
) -> dict[Hashable, PhaseAggregate]:
    """One phase: the organisation's (key `WHOLE`) and each team's figures, by the rules above.

    `withheld_teams` are withheld whatever their size (the release rules may ask for that).
    """
    people: dict[Hashable, int] = defaultdict(int)
    sums: dict[tuple[Hashable, str], Decimal] = defaultdict(Decimal)
    counts: dict[tuple[Hashable, str], int] = defaultdict(int)
    for member in members.values():
        buckets = (WHOLE, member.team_id) if member.team_id is not None else (WHOLE,)
        for bucket in buckets:
            people[bucket] += 1
            for slug, value in member.scores.items():
                sums[bucket, slug] += value
                counts[bucket, slug] += 1

    whole_withheld, teams_withheld = withheld_groups(
        total=people[WHOLE],
        parts={pk: people[pk] for pk in team_ids},
        minimum=minimum,
        already_withheld=withheld_teams & team_ids,
    )
    means: dict[Hashable, dict[str, Decimal]] = defaultdict(dict)
    for slug in slugs:
        dim_whole_withheld, dim_teams_withheld = withheld_groups(
            total=counts[WHOLE, slug],
            parts={pk: counts[pk, slug] for pk in team_ids},
            minimum=minimum,
            already_withheld=teams_withheld,
        )
        if dim_whole_withheld or whole_withheld:
            continue
        for bucket in (WHOLE, *team_ids):
            if bucket == WHOLE or bucket not in dim_teams_withheld:
                means[bucket][slug] = _mean(sums[bucket, slug], counts[bucket, slug])
    phases: dict[Hashable, PhaseAggregate] = {}
    for bucket in (WHOLE, *team_ids):
        count = people[bucket]
        hidden = whole_withheld if bucket == WHOLE else bucket in teams_withheld
        phases[bucket] = PhaseAggregate(
            shown=not hidden,
            respondents=None if hidden else count,
            fewer_than_minimum=count < minimum,
            means={} if hidden else dict(means[bucket]),
        )
    return phases


def attitude_report(
    *,
    organisation: Organisation,
    teams: list[Team],
    dimensions: tuple[tuple[str, str], ...],
    phases: Mapping[str, Mapping[Hashable, PhaseAggregate]],
    minimum: int = MINIMUM_GROUP,
) -> AttitudeReport:
    """The report from each phase's figures per group (`WHOLE` or a team id)."""

    def group(bucket: Hashable, team: Team | None) -> GroupAggregate:
        before, after = phases[Response.BEFORE][bucket], phases[Response.AFTER][bucket]
        dimension_rows = []
        for slug, name in dimensions:
            b, a = before.means.get(slug), after.means.get(slug)
            change = (a - b) if a is not None and b is not None else None
            dimension_rows.append(DimensionRow(slug, name, b, a, change))
        label = str(team) if team is not None else str(organisation)
        return GroupAggregate(team, label, before, after, tuple(dimension_rows))

    return AttitudeReport(
        organisation=group(WHOLE, None),
        teams=tuple(group(team.pk, team) for team in teams),
        dimensions=dimensions,
        minimum=minimum,
    )


def attitude_aggregates(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    minimum: int = MINIMUM_GROUP,
) -> AttitudeReport:
    """Mean score per dimension, before and after, for the organisation and each of its teams,
    from the responses as they are now (HR reads published releases instead: releases.py).

    Three queries whatever the number of people or teams: teams, response rows, dimension names.
    """
    teams = list(Team.objects.filter(organisation=organisation).order_by("name"))
    team_ids = {team.pk for team in teams}
    members = phase_members(
        organisation=organisation, questionnaire=questionnaire, team_ids=team_ids
    )
    dimensions = dimensions_named(
        {slug for phase in members.values() for m in phase.values() for slug in m.scores}
    )
    slugs = tuple(slug for slug, _name in dimensions)
    phases = {
        phase: phase_aggregates(members[phase], team_ids=team_ids, slugs=slugs, minimum=minimum)
        for phase in PHASES
    }
    return attitude_report(
        organisation=organisation,
        teams=teams,
        dimensions=dimensions,
        phases=phases,
        minimum=minimum,
    )
