"""Read-only figures for authors: how each statement was answered, and whether a dimension's
statements hang together (Cronbach's alpha).

The statistics are plain functions over numbers. `questionnaire_insight` reads every answer of
a questionnaire in one `values_list` query (plus a fixed handful of small ones), whatever the
number of responses, and does the arithmetic in Python: alpha needs each response's total.

Conventions:
- an item's statistics use the *scored* value: a reverse-scored answer is flipped
  (points + 1 - value), using the flag recorded with the answer, as the learner's score did;
- spreads are sample standard deviations (n - 1), variances sample variances;
- only responses on the questionnaire's current scale are counted (a 5-point answer and a
  7-point one are not comparable); the others are reported as left out;
- answers are the learner's (DESIGN.md): like HR's aggregates, no statistic (and no count of
  responses) is shown over fewer than `MINIMUM_GROUP` distinct people (not responses: one person
  answers before and after), so an author never reads one person's answers off a mean, even
  when only one or two people took it. Counts of answers left out (another scale) stay.
- published steps: the figures would still give one response away by subtraction (n and mean
  before and after the 11th answered). So they count only the responses up to the latest *step*:
  walking the responses in the order they came, a step closes each time at least
  `MINIMUM_GROUP` different people have answered since the previous one. Two readings of the
  page therefore differ by nothing, or by a whole step: responses from at least five people.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.models import Revision

from .aggregates import MINIMUM_GROUP
from .models import Answer, Questionnaire, Response
from .scoring import item_score
from .selectors import dimension_names

MIN_ALPHA_RESPONSES = 3
GOOD_ALPHA = 0.7
FAIR_ALPHA = 0.5

# Why alpha could not be computed.
TOO_FEW_ITEMS = "too_few_items"
TOO_FEW_RESPONSES = "too_few_responses"
TOO_FEW_PEOPLE = "too_few_people"
NO_VARIANCE = "no_variance"


# --- Statistics (pure Python) -------------------------------------------------------------------


def mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def sample_variance(values: Sequence[float]) -> float | None:
    """Variance with n - 1 in the denominator; None for fewer than two values."""
    return float(statistics.variance(values)) if len(values) >= 2 else None


def sample_sd(values: Sequence[float]) -> float | None:
    variance = sample_variance(values)
    return None if variance is None else variance**0.5


@dataclass(frozen=True)
class Alpha:
    """Cronbach's alpha, or why it is undefined (`value` None and a `reason` code)."""

    value: float | None
    items: int
    responses: int
    reason: str = ""

    @property
    def defined(self) -> bool:
        return self.value is not None

    @property
    def reason_text(self) -> str:
        if self.reason == TOO_FEW_ITEMS:
            return _("needs at least two statements in this dimension")
        if self.reason == TOO_FEW_RESPONSES:
            return _("needs at least %(min)d complete responses (there are %(n)d)") % {
                "min": MIN_ALPHA_RESPONSES,
                "n": self.responses,
            }
        if self.reason == TOO_FEW_PEOPLE:
            return _(
                "needs complete answers from at least %(min)d people, so that no one's answers "
                "can be told apart"
            ) % {"min": MINIMUM_GROUP}
        if self.reason == NO_VARIANCE:
            return _("every response has the same total, so there is no spread to explain")
        return ""

    @property
    def level(self) -> str:
        """good / fair / poor, for styling; empty when undefined."""
        if self.value is None:
            return ""
        if self.value >= GOOD_ALPHA:
            return "good"
        return "fair" if self.value >= FAIR_ALPHA else "poor"

    @property
    def hint(self) -> str:
        return {
            "good": _("The statements hang together well."),
            "fair": _("The statements hang together somewhat."),
            "poor": _("The statements may measure different things."),
        }.get(self.level, "")


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> Alpha:
    """Alpha over complete responses: `rows` holds one list of k item scores per response.

    alpha = k / (k - 1) * (1 - sum of item variances / variance of the totals), with sample
    variances. Undefined for k < 2, fewer than MIN_ALPHA_RESPONSES rows, or totals that do not
    vary.
    """
    k = len(rows[0]) if rows else 0
    if any(len(row) != k for row in rows):
        raise ValueError("every response needs a score for every item")
    n = len(rows)
    if k < 2:
        return Alpha(None, k, n, TOO_FEW_ITEMS)
    if n < MIN_ALPHA_RESPONSES:
        return Alpha(None, k, n, TOO_FEW_RESPONSES)
    total_variance = statistics.variance([sum(row) for row in rows])
    if total_variance == 0:
        return Alpha(None, k, n, NO_VARIANCE)
    item_variances = sum(statistics.variance(column) for column in zip(*rows, strict=True))
    value = k / (k - 1) * (1 - float(item_variances) / float(total_variance))
    return Alpha(value, k, n)


def alpha_if_deleted(rows: Sequence[Sequence[float]]) -> list[Alpha]:
    """For each item (column), alpha of the other items over the same responses."""
    k = len(rows[0]) if rows else 0
    return [
        cronbach_alpha([[*row[:index], *row[index + 1 :]] for row in rows]) for index in range(k)
    ]


# --- Selector -----------------------------------------------------------------------------------


@dataclass
class ItemFigure:
    item_id: int
    statement: str
    reverse_scored: bool
    in_current_version: bool = True
    scored: list[int] = field(default_factory=list, repr=False)
    raw: list[int] = field(default_factory=list, repr=False)
    people: set[int] = field(default_factory=set, repr=False)
    alpha_if_deleted: Alpha | None = None

    @property
    def withheld(self) -> bool:
        """Answered by fewer than MINIMUM_GROUP people: no statistic, not even the item's n."""
        return len(self.people) < MINIMUM_GROUP

    @property
    def n(self) -> int | None:
        return None if self.withheld else len(self.scored)

    @property
    def mean(self) -> float | None:
        return None if self.withheld else mean(self.scored)

    @property
    def raw_mean(self) -> float | None:
        return None if self.withheld else mean(self.raw)

    @property
    def sd(self) -> float | None:
        return None if self.withheld else sample_sd(self.scored)


@dataclass
class DimensionFigure:
    slug: str
    name: str
    items: list[ItemFigure] = field(default_factory=list)
    alpha: Alpha | None = None

    @property
    def current_items(self) -> list[ItemFigure]:
        return [item for item in self.items if item.in_current_version]


@dataclass
class QuestionnaireInsight:
    points: int
    responses: int  # on the current scale: the ones counted
    left_out: dict[int, int] = field(default_factory=dict)  # other scale -> responses
    dimensions: list[DimensionFigure] = field(default_factory=list)
    respondents: int = 0  # distinct people behind `responses`
    updated: datetime | None = None  # when the latest step closed: the figures' date
    pending: bool = False  # responses since that step, waiting for the next

    @property
    def withheld(self) -> bool:
        """Too few people answered to show any figure without identifying someone."""
        return 0 < self.respondents < MINIMUM_GROUP

    @property
    def minimum_group(self) -> int:
        return MINIMUM_GROUP

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


def _removed_statements(questionnaire: Questionnaire, item_ids: set[int]) -> dict[int, str]:
    """Statement text of items no longer in the questionnaire, from the revisions answered."""
    answered = Response.objects.filter(questionnaire=questionnaire).values("revision_id")
    contents = Revision.objects.filter(pk__in=answered).order_by("created_at", "pk")
    texts: dict[int, str] = {}
    for content in contents.values_list("content", flat=True):
        for item in (content or {}).get("items", []):
            if item.get("pk") in item_ids:
                texts[item["pk"]] = item.get("statement", "")  # the latest revision wins
    return texts


def published_step(
    questionnaire: Questionnaire, *, points: int
) -> tuple[tuple[datetime, int] | None, int, int, bool]:
    """(submitted_at, pk) of the response closing the latest step (None before the first), the
    responses and people up to it, and whether responses wait for the next step (one query)."""
    closed: tuple[datetime, int] | None = None
    responses = counted = 0
    people: set[int] = set()
    since: set[int] = set()
    since_count = 0
    rows = (
        Response.objects.filter(questionnaire=questionnaire, scale_points=points)
        .order_by("submitted_at", "pk")
        .values_list("pk", "user_id", "submitted_at")
    )
    for pk, user_id, submitted_at in rows:
        since.add(user_id)
        since_count += 1
        if len(since) >= MINIMUM_GROUP:
            closed, responses = (submitted_at, pk), responses + since_count
            people |= since
            counted = len(people)
            since, since_count = set(), 0
    return closed, responses, counted, bool(since_count)


def questionnaire_insight(questionnaire: Questionnaire) -> QuestionnaireInsight:
    """Per dimension: each statement's n, raw and scored mean, spread; and Cronbach's alpha.

    A dimension's alpha is over its current statements, counting only the responses that
    answered all of them; statements since removed are listed but not part of alpha.
    """
    points = questionnaire.scale_points
    per_scale = {
        scale: (n, people)
        for scale, n, people in Response.objects.filter(questionnaire=questionnaire)
        .order_by()
        .values_list("scale_points")
        .annotate(n=Count("pk"), people=Count("user", distinct=True))
    }
    responses, respondents = per_scale.pop(points, (0, 0))
    closed, step_responses, step_people, pending = published_step(questionnaire, points=points)
    insight = QuestionnaireInsight(
        points=points,
        # Before the first step (fewer than five people) the totals, which say "fewer than 5".
        responses=step_responses if closed else responses,
        respondents=step_people if closed else respondents,
        left_out={scale: n for scale, (n, _people) in sorted(per_scale.items())},
        updated=closed[0] if closed else None,
        pending=pending and closed is not None,
    )

    names = dimension_names()  # slug -> name, in the model's order
    current = list(questionnaire.items.select_related("dimension").order_by("sort_order", "pk"))
    figures: dict[int, ItemFigure] = {}
    item_dimension: dict[int, str] = {}
    for item in current:
        figures[item.pk] = ItemFigure(item.pk, item.statement, item.reverse_scored)
        item_dimension[item.pk] = item.dimension.slug

    # response -> item -> scored value, for alpha; response -> person, for the minimum group.
    by_response: dict[int, dict[int, int]] = defaultdict(dict)
    person_of: dict[int, int] = {}
    answers = (
        Answer.objects.filter(response__questionnaire=questionnaire, response__scale_points=points)
        .order_by("response_id", "item_id")
        .values_list(
            "response_id", "response__user_id", "item_id", "dimension", "reverse_scored", "value"
        )
    )
    if insight.withheld or closed is None:
        answers = answers.none()  # nothing of theirs is read, let alone shown
    else:  # only the responses up to the latest step
        at, pk = closed
        answers = answers.filter(
            Q(response__submitted_at__lt=at) | Q(response__submitted_at=at, response__pk__lte=pk)
        )
    for response_id, user_id, item_id, slug, reverse, value in answers:
        if not 1 <= value <= points:
            continue  # not a point on this scale: nothing sensible to count
        figure = figures.get(item_id)
        if figure is None:  # a statement removed since; keep its last known dimension
            figure = figures[item_id] = ItemFigure(item_id, "", reverse, in_current_version=False)
            item_dimension[item_id] = slug
        scored = item_score(value=value, points=points, reverse=reverse)
        figure.raw.append(value)
        figure.scored.append(scored)
        figure.people.add(user_id)
        by_response[response_id][item_id] = scored
        person_of[response_id] = user_id

    removed = {pk for pk, figure in figures.items() if not figure.in_current_version}
    if removed:
        texts = _removed_statements(questionnaire, removed)
        for pk in removed:
            figures[pk].statement = texts.get(pk) or _("Statement #%(id)d") % {"id": pk}

    dimensions: dict[str, DimensionFigure] = {}
    for pk, figure in figures.items():
        slug = item_dimension[pk]
        if slug not in dimensions:
            dimensions[slug] = DimensionFigure(slug, names.get(slug, slug))
        dimensions[slug].items.append(figure)

    for dimension in dimensions.values():
        ids = [item.item_id for item in dimension.current_items]
        complete = [
            response_id
            for response_id, values in by_response.items()
            if all(pk in values for pk in ids)
        ]
        rows = [[by_response[response_id][pk] for pk in ids] for response_id in complete]
        if len(ids) < 2:
            dimension.alpha = Alpha(None, len(ids), len(rows), TOO_FEW_ITEMS)
            continue
        if len({person_of[response_id] for response_id in complete}) < MINIMUM_GROUP:
            dimension.alpha = Alpha(None, len(ids), len(rows), TOO_FEW_PEOPLE)
            continue
        dimension.alpha = (
            cronbach_alpha(rows) if rows else Alpha(None, len(ids), 0, TOO_FEW_RESPONSES)
        )
        if dimension.alpha.defined:
            for item, alpha in zip(dimension.current_items, alpha_if_deleted(rows), strict=True):
                item.alpha_if_deleted = alpha

    order = {slug: index for index, slug in enumerate(names)}
    insight.dimensions = sorted(
        dimensions.values(), key=lambda d: (order.get(d.slug, len(order)), d.name)
    )
    return insight
