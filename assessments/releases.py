"""HR's attitude figures move only in published steps, so they cannot be differenced over time.

The five-person rule of aggregates.py holds within one reading of the page. Across readings it
would not: 10 people's mean, then 11 people's, gives the 11th person's scores. So HR never reads
the live responses; they read an `AttitudeRelease` (one per organisation, questionnaire and phase),
and a new release is published only when it differs from *every* earlier release of that phase
by at least `MINIMUM_GROUP` people in every group HR could compute from the two.

- Each person counts with their latest response (as in aggregates.py). A person "differs" between
  two releases when they joined, left (the organisation or the group), retook the questionnaire
  (another response, same person: one change, not two) or moved team. So a retake, a leaver or a
  move alone never moves the figures; each needs four other people's changes alongside.
- "Every group HR could compute": within a release, HR sees the organisation and the shown teams,
  so they can compute any union of its *cells* (each shown team, and the rest of the organisation:
  withheld teams and people in no team). Comparing two releases, HR can subtract any union of one
  release's cells from any union of the other's. `smallest_difference` finds the fewest people any
  such pair differs by, exactly: it splits the cells into the groups that share people, tries
  every union of the smaller side of each, and takes the best union of the other side cell by
  cell. A release is published only if that is 0 or at least `MINIMUM_GROUP`, for the
  respondent counts and for each dimension's mean on its own.
- When the full set of figures would not pass, teams are withheld (smallest first) until it does
  or only the organisation is left; if even that does not pass, nothing is published and the page
  keeps the last release until enough people have changed.
- The first release of a phase comes when at least `MINIMUM_GROUP` people have answered.

Residual: the check compares the new release with each earlier release one at a time; sums over
three or more releases with people leaving in between are not searched for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from datetime import datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef

from people.models import Organisation, Team

from .aggregates import (
    MINIMUM_GROUP,
    PHASES,
    WHOLE,
    AttitudeReport,
    Member,
    PhaseAggregate,
    attitude_report,
    dimensions_named,
)
from .models import AttitudeRelease, Questionnaire

REST = "rest"  # the cell of everyone not in a shown team
MAX_CELLS = 16  # cells on the smaller side of a group beyond which we refuse (2^n unions)

Cells = Mapping[str, tuple[str, int]]  # user id -> (cell, response id)


# --- The rule (pure) ----------------------------------------------------------------------------


def release_data(
    members: Mapping[int, Member], groups: Mapping[Hashable, PhaseAggregate], slugs: tuple[str, ...]
) -> tuple[dict, dict]:
    """(figures, members) as an `AttitudeRelease` stores them."""
    figures = {
        "dimensions": list(slugs),
        "groups": {
            str(key): {
                "shown": group.shown,
                "respondents": group.respondents,
                "few": group.fewer_than_minimum,
                "means": {slug: str(value) for slug, value in group.means.items()},
            }
            for key, group in groups.items()
        },
    }
    return figures, release_members(members)


def release_members(members: Mapping[int, Member]) -> dict[str, list]:
    """Who a release is over, as it stores them: user id -> [team id, response id, slugs]."""
    return {
        str(user_id): [member.team_id, member.response_id, sorted(member.scores)]
        for user_id, member in members.items()
    }


def release_cells(figures: Mapping, members: Mapping) -> dict[str, Cells]:
    """Who is in which cell HR can compute: for the counts ("") and for each dimension's mean."""
    groups = figures["groups"]
    whole = groups.get(WHOLE)
    if not whole or not whole["shown"]:
        return {}  # the organisation withheld: nothing is shown, nothing can be computed
    structures: dict[str, dict[str, tuple[str, int]]] = {}
    for structure in ("", *whole["means"]):
        cells = structures[structure] = {}
        for user_id, (team_id, response_id, slugs) in members.items():
            if structure and structure not in slugs:
                continue
            group = groups.get(str(team_id)) if team_id is not None else None
            shown = group is not None and (
                group["shown"] if not structure else structure in group["means"]
            )
            cells[user_id] = (str(team_id) if shown else REST, response_id)
    return structures


def people_changed(old: Mapping, new: Mapping) -> int:
    """People who joined, left, moved team or answered again between two releases' members."""
    return sum(
        1
        for user_id in old.keys() | new.keys()
        if user_id not in old or user_id not in new or old[user_id][:2] != new[user_id][:2]
    )


def smallest_difference(old: Cells, new: Cells) -> int | None:
    """The fewest people (more than none) by which a union of `old`'s cells and a union of
    `new`'s cells differ, over every such pair; None when no pair differs at all.

    A person differs when they are in one union and not the other, or in both with another
    response. Cells sharing nobody never combine into a smaller difference, so the cells are split
    into connected groups and each is searched on its own. A group with more than MAX_CELLS cells
    on both sides counts as a difference of 1 (refused); an organisation-only release has one
    cell, so it is always searched exactly.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    kinds: Counter[tuple[str | None, str | None, bool]] = Counter()
    for user_id in old.keys() | new.keys():
        before, after = old.get(user_id), new.get(user_id)
        if before is not None and after is not None:
            parent[find(("old", before[0]))] = find(("new", after[0]))
        elif before is not None:
            find(("old", before[0]))
        else:
            find(("new", after[0]))
        same = before is not None and after is not None and before[1] == after[1]
        kinds[before and before[0], after and after[0], same] += 1

    components: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node in list(parent):
        components.setdefault(find(node), []).append(node)
    best: int | None = None
    for nodes in components.values():
        olds = {cell for side, cell in nodes if side == "old"}
        news = {cell for side, cell in nodes if side == "new"}
        mine = [
            (o, n, same, count)
            for (o, n, same), count in kinds.items()
            if (o is not None and o in olds) or (n is not None and n in news)
        ]
        # Enumerate the unions of the smaller side; for each, the best union of the other side
        # is found cell by cell (exact, see _smallest_given).
        if len(news) <= len(olds):
            fixed, free, flipped = sorted(news), olds, mine
        else:
            fixed, free = sorted(olds), news
            flipped = [(n, o, same, count) for o, n, same, count in mine]
        if len(fixed) > MAX_CELLS:
            return 1  # refused: too many cells on both sides to search
        for chosen in range(1 << len(fixed)):
            picked = {cell for index, cell in enumerate(fixed) if chosen >> index & 1}
            difference = _smallest_given(picked, free, flipped)
            if difference is not None and (best is None or difference < best):
                best = difference
    return best


def _smallest_given(
    picked: set[str], free: set[str], kinds: list[tuple[str | None, str | None, bool, int]]
) -> int | None:
    """The fewest people (more than none) a union of `free` cells can differ by from the union
    of `picked` cells on the other side. `kinds` are (free cell, other cell, same, count).

    With the other side fixed, each free cell adds its own cost whether it is in the union or
    not, so the smallest total takes each cell's cheaper choice; when that total is 0, the
    smallest non-zero one flips the single cell whose other choice costs least.
    """
    constant = 0
    cost_in: Counter[str] = Counter()
    cost_out: Counter[str] = Counter()
    for mine, other, same, count in kinds:
        in_other = other is not None and other in picked
        if mine is None or mine not in free:
            constant += count if in_other else 0
            continue
        cost_out[mine] += count if in_other else 0
        cost_in[mine] += 0 if (in_other and same) else count
    cells = cost_in.keys() | cost_out.keys()
    total = constant + sum(min(cost_in[cell], cost_out[cell]) for cell in cells)
    if total:
        return total
    flips = [max(cost_in[cell], cost_out[cell]) for cell in cells]
    return min((flip for flip in flips if flip), default=None)


def release_safe(
    figures: Mapping, members: Mapping, *, earlier: list[tuple[Mapping, Mapping]]
) -> bool:
    """Whether a release can follow the `earlier` (figures, members) pairs of its phase."""
    new = release_cells(figures, members)
    for old_figures, old_members in earlier:
        old = release_cells(old_figures, old_members)
        for structure in old.keys() | new.keys():
            difference = smallest_difference(old.get(structure, {}), new.get(structure, {}))
            if difference is not None and difference < MINIMUM_GROUP:
                return False
    return True


# --- Reads --------------------------------------------------------------------------------------


def latest_releases(
    *, organisation: Organisation, questionnaire: Questionnaire
) -> dict[str, AttitudeRelease]:
    """phase -> the newest release (one query)."""
    newer = AttitudeRelease.objects.filter(
        organisation_id=OuterRef("organisation_id"),
        questionnaire_id=OuterRef("questionnaire_id"),
        phase=OuterRef("phase"),
        number__gt=OuterRef("number"),
    )
    releases = AttitudeRelease.objects.filter(
        organisation=organisation, questionnaire=questionnaire
    ).exclude(Exists(newer))
    return {release.phase: release for release in releases}


def _aggregate(group: Mapping | None) -> PhaseAggregate:
    if group is None:  # a team with nobody in this release
        return PhaseAggregate(shown=False, respondents=None, fewer_than_minimum=True, means={})
    return PhaseAggregate(
        shown=group["shown"],
        respondents=group["respondents"],
        fewer_than_minimum=group["few"],
        means={slug: Decimal(value) for slug, value in group["means"].items()},
    )


def released_report(
    *, organisation: Organisation, releases: Mapping[str, AttitudeRelease]
) -> AttitudeReport:
    """The report HR reads: the given releases' figures, for every current team (two queries)."""
    teams = list(Team.objects.filter(organisation=organisation).order_by("name"))
    slugs: set[str] = set()
    phases: dict[str, dict[Hashable, PhaseAggregate]] = {}
    for phase in PHASES:
        release = releases.get(phase)
        groups = release.figures["groups"] if release is not None else {}
        if release is not None:
            slugs.update(release.figures["dimensions"])
        phases[phase] = {WHOLE: _aggregate(groups.get(WHOLE))} | {
            team.pk: _aggregate(groups.get(str(team.pk))) for team in teams
        }
    return attitude_report(
        organisation=organisation,
        teams=teams,
        dimensions=dimensions_named(slugs),
        phases=phases,
    )


def releases_updated(releases: Mapping[str, AttitudeRelease]) -> datetime | None:
    """When the figures last changed (the newest release), None before the first."""
    return max((release.published_at for release in releases.values()), default=None)
