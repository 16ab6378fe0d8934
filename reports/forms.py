"""HR's forms. Every choice offered (teams, courses) is the viewer's organisation's own."""

from __future__ import annotations

import csv
import io
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Organisation

from . import selectors
from .models import ExportFormat, ReminderSettings
from .selectors import NO_TEAM, SORTS, ReportFilters, Status

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_EMAILS = 20_000
_HEADER = re.compile(r"^\s*(e[-_ ]?)?mail(\s+address)?\s*$", re.IGNORECASE)
_SPLIT = re.compile(r"[\s,;]+")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OrganisationPickForm(forms.Form):
    """Platform admins only: HR always works on their own organisation and cannot choose."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"), label=_("Organisation")
    )


class ReportFilterForm(forms.Form):
    team = forms.ChoiceField(label=_("Team"), required=False)
    course = forms.TypedChoiceField(label=_("Course"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Status.choices]
    )
    date_field = forms.ChoiceField(
        label=_("Dates"),
        required=False,
        choices=[
            ("assigned", _("Assigned")),
            ("due", _("Due")),
            ("started", _("Started")),
            ("completed", _("Completed")),
        ],
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())
    sort = forms.ChoiceField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        teams = [
            (str(team.pk), team.name)
            for team in selectors.organisation_teams(organisation=organisation)
        ]
        self.fields["team"].choices = [("", _("All teams")), *teams, (NO_TEAM, _("No team"))]
        self.fields["course"].choices = [
            ("", _("All courses")),
            *(
                (course.pk, course.title)
                for course in selectors.reported_courses(organisation=organisation)
            ),
        ]
        self.fields["sort"].choices = [
            ("", ""),
            *((key, key) for key in SORTS),
            *((f"-{key}", key) for key in SORTS),
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("The start date is after the end date."))
        return data

    def filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            team=data.get("team") or "",
            course=data.get("course"),
            status=data.get("status") or "",
            date_field=data.get("date_field") or "assigned",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or selectors.DEFAULT_SORT,
        )


class ExportForm(ReportFilterForm):
    format = forms.ChoiceField(choices=[(ExportFormat.XLSX, "XLSX"), (ExportFormat.PDF, "PDF")])


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def emails_from_text(text: str) -> tuple[list[str], list[str]]:
    """E-mail addresses in a CSV (or a pasted list): (addresses, entries that are not addresses).

    Reads the column headed "e-mail" if there is one, else every cell that holds an address
    (a pasted line may hold several). A row without an address is listed back as it is, so
    nothing HR gave is silently dropped. Order kept, repeats dropped.
    """
    text = text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), _dialect(text)))
    column = None
    if rows and any(_HEADER.match(cell or "") for cell in rows[0]):
        column = next(i for i, cell in enumerate(rows[0]) if _HEADER.match(cell or ""))
        rows = rows[1:]
    emails: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for row in rows:
        cells = [cell.strip() for cell in row if cell and cell.strip()]
        if not cells:
            continue
        if column is not None:
            value = row[column].strip() if column < len(row) else ""
            entries = [value] if value else [", ".join(cells)]
        else:
            found = [
                part for cell in cells if "@" in cell for part in _SPLIT.split(cell) if "@" in part
            ]
            entries = found or [", ".join(cells)]
        for entry in entries:
            email = entry.strip().strip("<>").lower()
            if email in seen:
                continue
            seen.add(email)
            try:
                validate_email(email)
            except ValidationError:
                invalid.append(entry[:200])
            else:
                emails.append(email)
    return emails, invalid


class AssignForm(forms.Form):
    course = forms.ModelChoiceField(queryset=None, label=_("Course"), empty_label=None)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())
    team = forms.ModelChoiceField(
        queryset=None,
        label=_("A whole team"),
        required=False,
        empty_label=_("No team"),
        help_text=_("Everyone in the team now, and whoever joins it before the due date."),
    )
    emails = forms.CharField(
        label=_("People, by e-mail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One address per line, or separated by commas."),
    )
    emails_file = forms.FileField(
        label=_("Or a CSV file of e-mail addresses"),
        required=False,
        help_text=_("A column headed “email”, or addresses in the first column. At most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    notify = forms.BooleanField(
        label=_("E-mail each person about it"),
        required=False,
        initial=True,
        help_text=_(
            "One e-mail naming the course, the due date and where to start; nobody who has "
            "already finished the course gets one."
        ),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.assignable_courses(organisation=organisation)
        self.fields["team"].queryset = selectors.organisation_teams(organisation=organisation)

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise ValidationError(_("Choose today or a later date."))
        return due

    def clean_emails_file(self):
        upload = self.cleaned_data.get("emails_file")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 2 MB."))
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise ValidationError(_("Save the file as CSV (UTF-8) and try again."))

    def clean(self):
        data = super().clean()
        # The pasted list and the file are read apart: each may have its own header row.
        emails: list[str] = []
        invalid: list[str] = []
        for text in (data.get("emails") or "", data.get("emails_file") or ""):
            found, not_found = emails_from_text(text) if text else ([], [])
            emails += [email for email in found if email not in emails]
            invalid += not_found
        if len(emails) > MAX_EMAILS:
            raise ValidationError(
                _("At most %(n)s addresses at once; split the list.") % {"n": MAX_EMAILS}
            )
        data["email_list"] = emails
        data["not_emails"] = invalid
        if not data.get("team") and not emails and not invalid and not self.errors:
            raise ValidationError(_("Choose a team, or give at least one e-mail address."))
        return data


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["due_soon_enabled", "days_before", "overdue_enabled", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
