"""HR's view of attitudes: anonymous aggregates only (rules in assessments/aggregates.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from people.models import Organisation, Team
from people.roles import Role

from .aggregates import (
    MINIMUM_GROUP,
    AttitudeReport,
    GroupAggregate,
    PhaseAggregate,
    hr_questionnaires,
)
from .charts import Bar, profile_svg
from .models import Questionnaire, Response
from .releases import released_report, releases_updated
from .services import attitude_releases_refresh

BOTH = "both"
COMPARE_CHOICES = [
    (BOTH, gettext_lazy("Before and after the course")),
    (Response.BEFORE, gettext_lazy("Before the course only")),
    (Response.AFTER, gettext_lazy("After the course only")),
]


class OrganisationPickForm(forms.Form):
    """Platform admins only: HR always sees their own organisation and cannot choose."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"), label=gettext_lazy("Organisation")
    )


class AttitudeFilterForm(forms.Form):
    questionnaire = forms.ModelChoiceField(
        queryset=Questionnaire.objects.none(),
        required=False,
        empty_label=None,
        label=gettext_lazy("Questionnaire"),
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(),
        required=False,
        empty_label=gettext_lazy("All teams"),
        label=gettext_lazy("Team"),
    )
    compare = forms.ChoiceField(
        choices=COMPARE_CHOICES, required=False, label=gettext_lazy("Compare")
    )

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].queryset = hr_questionnaires(organisation=organisation)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation).order_by(
            "name"
        )


@dataclass(frozen=True)
class PhaseColumn:
    label: str
    aggregate: PhaseAggregate


@dataclass(frozen=True)
class TableRow:
    name: str
    values: list[Decimal | None]
    change: Decimal | None


@dataclass(frozen=True)
class GroupView:
    label: str
    is_organisation: bool
    columns: list[PhaseColumn]
    rows: list[TableRow]
    show_change: bool

    @property
    def any_shown(self) -> bool:
        return any(column.aggregate.shown for column in self.columns)


def _phases(compare: str) -> list[str]:
    return [Response.BEFORE, Response.AFTER] if compare == BOTH else [compare]


def _group_view(group: GroupAggregate, *, compare: str) -> GroupView:
    labels = {Response.BEFORE: _("Before the course"), Response.AFTER: _("After the course")}
    phases = _phases(compare)
    columns = [PhaseColumn(labels[phase], group.phase(phase)) for phase in phases]
    show_change = compare == BOTH and group.before.shown and group.after.shown
    rows = [
        TableRow(
            row.name,
            [row.before if phase == Response.BEFORE else row.after for phase in phases],
            row.change,
        )
        for row in group.rows
    ]
    return GroupView(group.label, group.team is None, columns, rows, show_change)


def _chart(group: GroupAggregate, *, compare: str) -> SafeString | None:
    phases = _phases(compare)
    if not any(group.phase(phase).shown for phase in phases):
        return None
    if compare == BOTH:
        bars = [Bar(row.name, _float(row.after), _float(row.before)) for row in group.rows]
        title = _("%(group)s: mean score per attitude, before (hatched) and after the course")
    elif compare == Response.BEFORE:
        bars = [Bar(row.name, _float(row.before)) for row in group.rows]
        title = _("%(group)s: mean score per attitude before the course")
    else:
        bars = [Bar(row.name, _float(row.after)) for row in group.rows]
        title = _("%(group)s: mean score per attitude after the course")
    return profile_svg(bars, title=title % {"group": group.label})


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _viewer_organisation(request: HttpRequest) -> tuple[Organisation | None, forms.Form | None]:
    """The organisation whose aggregates the viewer may see; 404 for anyone not HR or admin.

    HR: always their own organisation (no parameter is read). Platform admins choose one.
    """
    user = request.user
    if user.is_superuser or user.has_role(Role.PLATFORM_ADMIN):
        picker = OrganisationPickForm(request.GET if "organisation" in request.GET else None)
        return (picker.cleaned_data["organisation"] if picker.is_valid() else None), picker
    if user.has_role(Role.HR) and user.organisation_id is not None:
        return user.organisation, None
    raise Http404


@never_cache
@require_GET
@login_required
def hr_attitudes(request: HttpRequest) -> HttpResponse:
    organisation, picker = _viewer_organisation(request)
    context: dict = {
        "organisation": organisation,
        "organisation_form": picker,
        "minimum": MINIMUM_GROUP,
        "nav_section": "hr_attitudes",
    }
    if organisation is None:
        return TemplateResponse(request, "assessments/hr_attitudes.html", context)

    form = AttitudeFilterForm(request.GET, organisation=organisation)
    context["form"] = form
    if not form.is_valid():
        return TemplateResponse(request, "assessments/hr_attitudes.html", context)

    questionnaire = (
        form.cleaned_data["questionnaire"] or form.fields["questionnaire"].queryset.first()
    )
    if questionnaire is None:
        return TemplateResponse(request, "assessments/hr_attitudes.html", context)
    team = form.cleaned_data["team"]
    compare = form.cleaned_data["compare"] or BOTH

    # HR reads only published releases. Publishing usually happens in the worker once a response
    # is saved; doing it here too catches what no response announces (people leaving, moving).
    releases = attitude_releases_refresh(organisation=organisation, questionnaire=questionnaire)
    report: AttitudeReport = released_report(organisation=organisation, releases=releases)
    focus = report.team(team.pk) if team is not None else report.organisation
    shown = (
        [report.organisation, focus] if team is not None else [report.organisation, *report.teams]
    )
    context.update(
        questionnaire=questionnaire,
        team=team,
        compare=compare,
        report=report,
        groups=[_group_view(group, compare=compare) for group in shown],
        chart=_chart(focus, compare=compare),
        chart_label=focus.label,
        updated=releases_updated(releases),
    )
    return TemplateResponse(request, "assessments/hr_attitudes.html", context)
