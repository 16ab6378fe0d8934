"""What HR's choices on the completion report mean: one FilterSet for the page, the CSV stream,
the export jobs (which store its data and rebuild it) and the export_completions command.

Every choice offered (teams, courses) is the organisation's own, read when the FilterSet is made;
another organisation's team or course is "not a valid choice", never an empty result.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment
from people.models import Organisation

from . import selectors
from .columns import BY_KEY, COLUMNS, DEFAULT_SORT
from .forms import DateInput
from .selectors import NO_TEAM, Status

# The dates HR can filter on: a column's key, and the enrolment's field that holds it.
DATE_FIELDS = {
    "assigned": "assigned_at",
    "due": "due_date",
    "started": "started_at",
    "completed": "completed_at",
}
DEFAULT_DATE_FIELD = "assigned"
SORT_CHOICES = frozenset(key for column in COLUMNS for key in (column.key, f"-{column.key}"))


def _shown(day: date | None) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else "…"


class ReportFilterForm(forms.Form):
    """The FilterSet's form: the filters' fields, and the check that spans two of them."""

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("The start date is after the end date."))
        return data


class ColumnOrderingFilter(django_filters.OrderingFilter):
    """?sort=<column key>, or -<key> for descending: the column's sort fields, blanks last either
    way, then the row id so a page break never splits equal rows unpredictably."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            fields=[(column.key, column.key) for column in COLUMNS],
            field_labels={column.key: column.label for column in COLUMNS},
            **kwargs,
        )

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        sort = value[0] if value else DEFAULT_SORT
        descending = sort.startswith("-")
        fields = BY_KEY[sort.removeprefix("-")].order_by
        ordering = [
            F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
            for name in fields
        ]
        return qs.order_by(*ordering, "-pk" if descending else "pk")


class CompletionFilterSet(django_filters.FilterSet):
    """HR's filters, sort order included. Without data: everyone, in the default order.

    Read the rows through selectors.completion_rows (annotated, ordered) or
    selectors.filtered_enrolments (plain, for counts), not `.qs`: the sort orders by the rows'
    annotations, which the plain queryset does not have.
    """

    team = django_filters.ChoiceFilter(
        label=_("Team"), empty_label=_("All teams"), method="filter_team"
    )
    course = django_filters.ChoiceFilter(
        label=_("Course"), empty_label=_("All courses"), field_name="course_id"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        empty_label=_("Any status"),
        choices=Status.choices,
        method="filter_status",
    )
    date_field = django_filters.ChoiceFilter(
        label=_("Dates"),
        empty_label=None,
        choices=[(key, BY_KEY[key].label) for key in DATE_FIELDS],
        method="filter_date_field",
    )
    date_from = django_filters.DateFilter(
        label=_("From"), widget=DateInput(), method="filter_date_from"
    )
    date_to = django_filters.DateFilter(label=_("To"), widget=DateInput(), method="filter_date_to")
    sort = ColumnOrderingFilter(widget=forms.HiddenInput, help_text="")

    class Meta:
        model = Enrolment
        fields: list[str] = []  # the filters above only
        form = ReportFilterForm

    def __init__(
        self,
        data=None,
        *,
        organisation: Organisation,
        today: date | None = None,
        **kwargs,
    ) -> None:
        data = data.copy() if data is not None else {}
        # An unknown sort (an old bookmark, a hand-typed link) falls back to the default order
        # rather than hiding the report; the view says so.
        self.unknown_sort = ""
        sort = data.get("sort")
        if sort and sort not in SORT_CHOICES:
            self.unknown_sort = str(sort)
            del data["sort"]
        super().__init__(
            data, selectors.organisation_enrolments(organisation=organisation), **kwargs
        )
        self.organisation = organisation
        self.today = today or timezone.localdate()
        teams = selectors.organisation_teams(organisation=organisation).values_list("pk", "name")
        self.filters["team"].extra["choices"] = [
            *((str(pk), name) for pk, name in teams),
            (NO_TEAM, _("No team")),
        ]
        courses = selectors.reported_courses(organisation=organisation).values_list("pk", "title")
        self.filters["course"].extra["choices"] = [(str(pk), title) for pk, title in courses]

    # --- the filters -----------------------------------------------------------------------

    def filter_team(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == NO_TEAM:
            return queryset.filter(user__team__isnull=True)
        return queryset.filter(user__team_id=int(value))

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(selectors.status_q(value, today=self.today))

    def filter_date_field(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # says which date the range below is on

    def _date_column(self) -> str:
        return DATE_FIELDS[self.form.cleaned_data.get("date_field") or DEFAULT_DATE_FIELD]

    def filter_date_from(self, queryset: QuerySet, name: str, value: date) -> QuerySet:
        column = self._date_column()
        if column == "due_date":
            return queryset.filter(due_date__gte=value)
        # Whole local days, as a range on the raw column so an index can serve it.
        return queryset.filter(**{f"{column}__gte": selectors.day_start(value)})

    def filter_date_to(self, queryset: QuerySet, name: str, value: date) -> QuerySet:
        column = self._date_column()
        if column == "due_date":
            return queryset.filter(due_date__lte=value)
        return queryset.filter(**{f"{column}__lt": selectors.day_start(value + timedelta(1))})

    def filter_queryset(self, queryset: QuerySet, *, ordered: bool = True) -> QuerySet:
        """The chosen rows; `ordered=False` leaves out the sort, for counts and figures (the sort
        orders by the completion rows' annotations, which a plain count has no need of)."""
        if not self.is_valid():  # never rows for filters that were refused
            raise ValueError(f"Invalid filters select no rows: {self.errors.as_json()}")
        for name, value in self.form.cleaned_data.items():
            if ordered or name != "sort":
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    # --- what was chosen -------------------------------------------------------------------

    @property
    def sort_key(self) -> str:
        """The sort in force: the chosen column key (-key descending), else the default."""
        value = self.form.cleaned_data.get("sort") if self.is_valid() else None
        return value[0] if value else DEFAULT_SORT

    def stored(self) -> dict[str, Any]:
        """JSON-safe, for an export job to rebuild exactly the same rows later (from_values) and
        for the audit trail. Only valid filters are stored."""
        if not self.is_valid():
            raise ValueError(f"Invalid filters are not stored: {self.errors.as_json()}")
        data = self.form.cleaned_data
        return {
            "team": data.get("team") or "",
            "course": int(data["course"]) if data.get("course") else None,
            "status": data.get("status") or "",
            "date_field": data.get("date_field") or DEFAULT_DATE_FIELD,
            "date_from": data["date_from"].isoformat() if data.get("date_from") else None,
            "date_to": data["date_to"].isoformat() if data.get("date_to") else None,
            "sort": self.sort_key,
        }

    @classmethod
    def from_values(cls, values: dict, *, organisation: Organisation) -> CompletionFilterSet:
        """The FilterSet from plain values: `stored()` data (an export job's, checked anew), or
        the command line's options. Dates are ISO dates or `date`s, the course an id."""
        data = {key: str(value) for key, value in values.items() if value not in (None, "")}
        return cls(data, organisation=organisation)

    def description(self) -> list[str]:
        """The filters in words, for the PDF summary, the export pages and the audit trail
        ("Team: Store floor"). Only what passed the checks is described."""
        self.is_valid()
        data = self.form.cleaned_data

        def label(name: str) -> str:
            return str(dict(self.form.fields[name].choices).get(data[name], ""))

        parts = []
        if data.get("team") == NO_TEAM:
            parts.append(str(_("Team: no team")))
        elif data.get("team"):
            parts.append(str(_("Team: %(name)s")) % {"name": label("team")})
        if data.get("course"):
            parts.append(str(_("Course: %(title)s")) % {"title": label("course")})
        if data.get("status"):
            parts.append(str(_("Status: %(status)s")) % {"status": label("status")})
        if data.get("date_from") or data.get("date_to"):
            parts.append(
                str(_("%(field)s from %(start)s to %(end)s"))
                % {
                    "field": BY_KEY[data.get("date_field") or DEFAULT_DATE_FIELD].label,
                    "start": _shown(data.get("date_from")),
                    "end": _shown(data.get("date_to")),
                }
            )
        return parts
