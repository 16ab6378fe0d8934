"""HR pages: dashboard, completion report, downloads, assigning, reminders. Thin: check who may
see what (HR: their own organisation, never a parameter; platform admins pick one), call a
selector or service, render.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property, wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses.models import Assignment
from people.models import Organisation
from people.roles import Role

from . import selectors, services
from .charts import completion_bars_svg, weekly_columns_svg
from .columns import COLUMNS
from .exports import csv_chunks, export_filename
from .filters import CompletionFilterSet
from .forms import AssignForm, ExportFormatForm, OrganisationPickForm, ReminderSettingsForm
from .models import ExportStatus, ReminderKind, ReminderSettings

PAGE_SIZE = 50


@dataclass
class HRScope:
    """The organisation the viewer works on, and (platform admins only) the picker."""

    organisation: Organisation | None
    picker: OrganisationPickForm | None = None

    @property
    def query(self) -> str:
        """Carried on every link and form action, so an admin's choice sticks."""
        if self.picker is None or self.organisation is None:
            return ""
        return urlencode({"organisation": self.organisation.pk})

    def url(self, name: str, *args, params: dict | None = None) -> str:
        query = "&".join(part for part in (self.query, urlencode(params or {})) if part)
        return reverse(name, args=args) + (f"?{query}" if query else "")


def _hr_scope(request: HttpRequest) -> HRScope:
    """HR: always their own organisation (no parameter is read). Anyone else: 404."""
    user = request.user
    if user.is_superuser or user.has_role(Role.PLATFORM_ADMIN):
        picker = OrganisationPickForm(request.GET if "organisation" in request.GET else None)
        return HRScope(picker.cleaned_data["organisation"] if picker.is_valid() else None, picker)
    if user.has_role(Role.HR) and user.organisation_id is not None:
        return HRScope(user.organisation)
    raise Http404


def hr_view(view):
    """Signed in, HR (or platform admin), never cached; the view gets the scope."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        scope = _hr_scope(request)
        if scope.organisation is None:
            return TemplateResponse(
                request,
                "reports/pick_organisation.html",
                {"scope": scope, "nav_section": "hr", "hr_tab": ""},
            )
        return view(request, scope, *args, **kwargs)

    return wrapper


def _context(scope: HRScope, tab: str, **extra) -> dict:
    return {
        "scope": scope,
        "organisation": scope.organisation,
        "nav_section": "hr",
        "hr_tab": tab,
        **extra,
    }


# --- Dashboard ----------------------------------------------------------------------------------


@hr_view
@require_GET
def dashboard(request: HttpRequest, scope: HRScope) -> HttpResponse:
    figures = selectors.dashboard_figures(
        enrolments=selectors.organisation_enrolments(organisation=scope.organisation)
    )
    report = "reports:completions"
    context = _context(
        scope,
        "dashboard",
        figures=figures,
        total=figures.total,
        course_chart=completion_bars_svg(
            figures.courses, title=_("Completion per course, with overdue learners")
        ),
        team_chart=completion_bars_svg(
            figures.teams, title=_("Completion per team, with overdue learners")
        ),
        weeks_chart=weekly_columns_svg(
            figures.weeks, title=_("Courses completed per week, last 12 weeks")
        ),
        overdue_url=scope.url(report, params={"status": selectors.Status.OVERDUE}),
        completed_url=scope.url(report, params={"status": selectors.Status.COMPLETED}),
        report_url=scope.url(report),
        course_rows=[
            (group, scope.url(report, params={"course": group.key})) for group in figures.courses
        ],
        team_rows=[
            (group, scope.url(report, params={"team": group.key or selectors.NO_TEAM}))
            for group in figures.teams
        ],
    )
    return TemplateResponse(request, "reports/dashboard.html", context)


# --- Completion report --------------------------------------------------------------------------


class CountedPaginator(Paginator):
    """A paginator told its count, so it need not count the annotated rows itself."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


@dataclass(frozen=True)
class SortLink:
    label: str
    url: str
    state: str  # "ascending", "descending" or "" (aria-sort)


def _sort_links(query: QueryDict, current: str) -> list[SortLink]:
    """A link per column heading: sort by it, or the other way if it is the sort already."""
    links = []
    for column in COLUMNS:
        if current == column.key:
            state, target = "ascending", f"-{column.key}"
        elif current == f"-{column.key}":
            state, target = "descending", column.key
        else:
            state, target = "", column.key
        linked = query.copy()
        linked["sort"] = target
        links.append(SortLink(str(column.label), "?" + linked.urlencode(), state))
    return links


def _page(request: HttpRequest, paginator: Paginator):
    """The asked-for page; for a page that does not exist, the nearest one, saying so."""
    asked = request.GET.get("page") or 1
    try:
        return paginator.page(asked)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.get_page(asked)
        messages.warning(
            request,
            _("There is no page “%(asked)s”; this is page %(number)s of %(pages)s.")
            % {"asked": str(asked)[:20], "number": page.number, "pages": paginator.num_pages},
        )
        return page


@hr_view
@require_GET
def completions(request: HttpRequest, scope: HRScope) -> HttpResponse:
    filters = CompletionFilterSet(request.GET, organisation=scope.organisation)
    if filters.unknown_sort:
        messages.warning(
            request,
            _("The report cannot be sorted by “%(sort)s”; it is sorted by name.")
            % {"sort": filters.unknown_sort[:40]},
        )
    context = _context(scope, "report", form=filters.form)
    if filters.is_valid():
        rows = selectors.completion_rows(filters=filters)
        # Counted without the joins and subqueries that only the shown rows need.
        count = selectors.filtered_enrolments(filters=filters).count()
        paginator = CountedPaginator(selectors.completion_values(rows), PAGE_SIZE, count=count)
        page = _page(request, paginator)
        query = filters.data.copy()  # what was asked, less the page and an unknown sort
        query.pop("page", None)
        context.update(
            page=page,
            rows=selectors.completion_page_rows(page.object_list),
            sort_links=_sort_links(query, filters.sort_key),
            page_query=query.urlencode(),
            csv_url=reverse("reports:export_csv") + "?" + query.urlencode(),
            export_fields=[(key, value) for key, value in query.items() if key != "organisation"],
            export_action=scope.url("reports:export_start"),
            recent_exports=selectors.recent_export_jobs(user=request.user),
            filters_text=filters.description(),
        )
    return TemplateResponse(request, "reports/completions.html", context)


@hr_view
@require_GET
def export_csv(request: HttpRequest, scope: HRScope) -> HttpResponse:
    """Exactly the report's rows, streamed: the header goes out before the query has run."""
    filters = CompletionFilterSet(request.GET, organisation=scope.organisation)
    if not filters.is_valid():
        return redirect(reverse("reports:completions") + "?" + request.GET.urlencode())
    rows = selectors.completion_rows(filters=filters)
    services.export_record(
        actor=request.user, organisation=scope.organisation, filters=filters, format="csv"
    )
    response = StreamingHttpResponse(
        csv_chunks(selectors.completion_tuples(rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@hr_view
@require_POST
def export_start(request: HttpRequest, scope: HRScope) -> HttpResponse:
    filters = CompletionFilterSet(request.POST, organisation=scope.organisation)
    form = ExportFormatForm(request.POST)
    if not (filters.is_valid() and form.is_valid()):
        messages.error(request, _("Those filters could not be used; please choose them again."))
        return redirect(scope.url("reports:completions"))
    job = services.export_job_create(
        requester=request.user,
        organisation=scope.organisation,
        filters=filters,
        format=form.cleaned_data["format"],
    )
    return redirect(scope.url("reports:export_status", job.pk))


def _own_job(request: HttpRequest, job_id):
    job = selectors.export_job_for(user=request.user, job_id=job_id)
    if job is None:
        raise Http404
    return job


@hr_view
@require_GET
def export_status(request: HttpRequest, scope: HRScope, job_id) -> HttpResponse:
    job = _own_job(request, job_id)
    context = _context(
        scope,
        "report",
        job=job,
        status_url=reverse("reports:export_status_json", args=[job.pk]),
        download_url=reverse("reports:export_download", args=[job.pk]),
        report_url=scope.url("reports:completions"),
        filters_text=CompletionFilterSet.from_values(
            job.filters, organisation=job.organisation
        ).description(),
    )
    return TemplateResponse(request, "reports/export_status.html", context)


@hr_view
@require_GET
def export_status_json(request: HttpRequest, scope: HRScope, job_id) -> HttpResponse:
    job = _own_job(request, job_id)
    return JsonResponse(
        {
            "status": "expired" if job.is_expired else job.status,
            "label": str(ExportStatus(job.status).label),
            "progress": job.progress,
            "rows_done": job.rows_done,
            "rows_total": job.rows_total,
            "finished": job.is_finished or job.is_expired,
        }
    )


@hr_view
@require_GET
def export_download(request: HttpRequest, scope: HRScope, job_id) -> HttpResponse:
    """Only the requester; after expiry a 410 that says so, whether or not the file is gone."""
    job = _own_job(request, job_id)
    if job.is_expired:
        return TemplateResponse(
            request,
            "reports/export_expired.html",
            _context(scope, "report", job=job, report_url=scope.url("reports:completions")),
            status=410,
        )
    if job.status != ExportStatus.DONE or not job.file:
        return redirect(scope.url("reports:export_status", job.pk))
    response = FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
    response["Cache-Control"] = "private, no-store"
    return response


@hr_view
@require_GET
def exports(request: HttpRequest, scope: HRScope) -> HttpResponse:
    jobs = selectors.recent_export_jobs(user=request.user, limit=20)
    return TemplateResponse(request, "reports/exports.html", _context(scope, "report", jobs=jobs))


# --- Assigning ----------------------------------------------------------------------------------


@hr_view
@require_http_methods(["GET", "POST"])
def assign(request: HttpRequest, scope: HRScope) -> HttpResponse:
    organisation = scope.organisation
    if request.method == "POST":
        form = AssignForm(request.POST, request.FILES, organisation=organisation)
        if form.is_valid():
            data = form.cleaned_data
            outcome = services.assignment_create(
                organisation=organisation,
                course=data["course"],
                due_date=data["due_date"],
                assigned_by=request.user,
                team=data["team"],
                emails=data["email_list"],
                not_emails=data["not_emails"],
                notify=data["notify"],
            )
            messages.success(request, _assigned_message(outcome, notified=data["notify"]))
            return redirect(scope.url("reports:assignment", outcome.assignment.pk))
    else:
        form = AssignForm(
            organisation=organisation,
            initial={"due_date": timezone.localdate() + timedelta(days=14)},
        )
    context = _context(
        scope,
        "assign",
        form=form,
        action=scope.url("reports:assign"),
        assignments=selectors.recent_assignments(organisation=organisation),
    )
    return TemplateResponse(request, "reports/assign.html", context)


def _assigned_message(outcome: services.AssignmentOutcome, *, notified: bool) -> str:
    total = outcome.enrolled + outcome.updated
    text = ngettext("Assigned to %(n)s person.", "Assigned to %(n)s people.", total) % {"n": total}
    if outcome.updated:
        text += " " + ngettext(
            "%(n)s was already enrolled and keeps their progress.",
            "%(n)s were already enrolled and keep their progress.",
            outcome.updated,
        ) % {"n": outcome.updated}
    to_tell = total - outcome.already_completed
    if notified and to_tell:
        text += " " + ngettext(
            "An e-mail is on its way to %(n)s person.",
            "E-mails are on their way to %(n)s people.",
            to_tell,
        ) % {"n": to_tell}
    return text


@hr_view
@require_GET
def assignment_detail(request: HttpRequest, scope: HRScope, pk: int) -> HttpResponse:
    assignment = (
        Assignment.objects.filter(organisation=scope.organisation, pk=pk)
        .select_related("course", "team", "assigned_by")
        .first()
    )
    if assignment is None:
        raise Http404
    context = _context(
        scope,
        "assign",
        assignment=assignment,
        assign_url=scope.url("reports:assign"),
        report_url=scope.url("reports:completions", params={"course": assignment.course_id}),
    )
    return TemplateResponse(request, "reports/assignment.html", context)


# --- Reminders ----------------------------------------------------------------------------------


@hr_view
@require_http_methods(["GET", "POST"])
def reminders(request: HttpRequest, scope: HRScope) -> HttpResponse:
    organisation = scope.organisation
    instance = ReminderSettings.objects.filter(organisation=organisation).first()
    instance = instance or ReminderSettings(organisation=organisation)
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST, instance=instance)
        if form.is_valid():
            data = form.cleaned_data
            services.reminder_settings_save(
                organisation=organisation,
                due_soon_enabled=data["due_soon_enabled"],
                days_before=data["days_before"],
                overdue_enabled=data["overdue_enabled"],
                message=data["message"],
            )
            messages.success(request, _("Reminder settings saved."))
            return redirect(scope.url("reports:reminders"))
    else:
        form = ReminderSettingsForm(instance=instance)
    policy = selectors.reminder_policy(organisation_id=organisation.pk)
    today = timezone.localdate()
    course = selectors.assignable_courses(organisation=organisation).first()
    sample = {
        "learner_name": request.user.greeting_name,
        "course_title": course.title if course else _("Customers, not targets"),
        "course_url": services.course_url_for(course) if course else "",
        "today": today,
        "note": policy.message,
    }
    previews = [
        (
            _("%(n)s days before the due date") % {"n": policy.days_before},
            policy.due_soon_enabled,
            services.reminder_message(
                kind=ReminderKind.DUE_SOON,
                due_date=today + timedelta(days=policy.days_before),
                **sample,
            ),
        ),
        (
            _("The day after the due date"),
            policy.overdue_enabled,
            services.reminder_message(
                kind=ReminderKind.OVERDUE, due_date=today - timedelta(days=1), **sample
            ),
        ),
    ]
    context = _context(
        scope,
        "reminders",
        form=form,
        action=scope.url("reports:reminders"),
        policy=policy,
        previews=previews,
        sent_last_30_days=selectors.reminders_sent_count(
            organisation=organisation, since=timezone.now() - timedelta(days=30)
        ),
    )
    return TemplateResponse(request, "reports/reminders.html", context)
