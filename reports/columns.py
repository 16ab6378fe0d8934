"""The completion report's columns, declared once: the page's headings and sort links, the row
values, and the headings and cell kinds of the CSV, the XLSX and the PDF summary all read this.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# How a cell is written: text (escaped against formulas in spreadsheets), a status (its label),
# a percentage, a date (the reader's format on the page, ISO in the files) or a code.
TEXT, STATUS, PERCENT, DATE, CODE = "text", "status", "percent", "date", "code"


@dataclass(frozen=True)
class Column:
    key: str  # ?sort=<key> (or -<key>), and the attribute of a CompletionRow
    label: Promise  # the heading on the page
    field: str  # the value: a column of the completion rows (selectors.completion_values)
    order_by: tuple[str, ...]  # what sorting by this column orders by, blanks last
    kind: str = TEXT
    file_label: Promise | None = None  # the heading in the CSV, XLSX and PDF, where it differs
    width: int = 12  # in the XLSX, in characters
    in_pdf: bool = True
    css: str = ""  # an extra class of the page's cell (text cells wrap)

    @property
    def file_heading(self) -> str:
        return str(self.file_label or self.label)

    @property
    def is_text(self) -> bool:
        return self.kind in (TEXT, CODE)


COLUMNS: tuple[Column, ...] = (
    Column("name", _("Name"), "user__full_name", ("user__full_name", "user__email"), width=28),
    Column(
        "email",
        _("E-mail"),
        "user__email",
        ("user__email",),
        width=32,
        in_pdf=False,  # the PDF prints it under the name
        css="report-table__email",
    ),
    Column(
        "team", _("Team"), "user__team__name", ("user__team__name", "user__full_name"), width=20
    ),
    Column("course", _("Course"), "course__title", ("course__title", "user__full_name"), width=32),
    # Sorting by status puts the ones needing attention first (selectors.STATUS_RANK).
    Column("status", _("Status"), "status", ("status_rank", "user__full_name"), STATUS, width=14),
    Column(
        "progress",
        _("Progress"),
        "progress",
        ("progress", "user__full_name"),
        PERCENT,
        file_label=_("Progress (%)"),
    ),
    Column("assigned", _("Assigned"), "assigned_on", ("assigned_at",), DATE, in_pdf=False),
    Column("due", _("Due"), "due_date", ("due_date",), DATE),
    Column("started", _("Started"), "started_on", ("started_at",), DATE, in_pdf=False),
    Column("completed", _("Completed"), "completed_on", ("completed_at",), DATE),
    # Rows with a certificate first (ascending), then by code: a lookup by the code HR was given.
    Column(
        "certificate",
        _("Certificate"),
        "certificate_code",
        ("certificate_code", "user__full_name"),
        CODE,
        file_label=_("Certificate code"),
        width=28,
    ),
)
BY_KEY = {column.key: column for column in COLUMNS}
DEFAULT_SORT = "name"


def file_headings() -> list[str]:
    """The CSV and XLSX heading row, translated now (in the caller's language)."""
    return [column.file_heading for column in COLUMNS]
