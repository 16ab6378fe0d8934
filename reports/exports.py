"""Completion exports: CSV (streamed), XLSX (openpyxl, write-only) and a PDF summary (WeasyPrint).

Every text cell is made inert (people.spreadsheets) before it is written: a cell beginning with
=, +, -, @, a tab or a carriage return would be read as a formula by spreadsheet programs (CSV
injection), so it gets a leading apostrophe, the convention spreadsheets themselves use for
"this is text".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import IO

from django.utils import timezone

from people.spreadsheets import inert

from .selectors import Status, column_headers

CHUNK_ROWS = 2000


def _text(value: str | None) -> str:
    return inert(value) if value else ""


def _status_labels() -> dict[str, str]:
    return {key: inert(str(label)) for key, label in Status.CHOICES}


def row_converter() -> Callable[[tuple], tuple]:
    """One row of selectors.ROW_COLUMNS, ready for a CSV writer: text cells made inert, the
    status as its label. Dates, numbers and empty cells go as they are (the writer prints a
    date as YYYY-MM-DD and None as nothing)."""
    labels = _status_labels()

    def convert(row: tuple) -> tuple:
        name, email, team, course, status, progress, assigned, due, started, done, code = row
        return (
            inert(name),
            inert(email),
            inert(team),
            inert(course),
            labels.get(status, status),
            progress,
            assigned,
            due,
            started,
            done,
            inert(code),
        )

    return convert


def _batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def csv_chunks(
    rows: Iterable[tuple], *, on_progress: Callable[[int], None] | None = None
) -> Iterator[bytes]:
    """CSV bytes in pieces of about CHUNK_ROWS rows: the header first, before any row is read.

    UTF-8 with a byte-order mark, so spreadsheet programs read names in any script correctly.
    Labels are translated now, in the caller's language, not later while the response streams.
    """
    header = [inert(text) for text in column_headers()]
    return _csv_chunks(rows, header, row_converter(), on_progress)


def _csv_chunks(
    rows: Iterable[tuple],
    header: list[str],
    convert: Callable[[tuple], tuple],
    on_progress: Callable[[int], None] | None,
) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    yield ("\ufeff" + buffer.getvalue()).encode()
    done = 0
    for batch in _batches(rows, CHUNK_ROWS):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(map(convert, batch))
        yield buffer.getvalue().encode()
        done += len(batch)
        if on_progress is not None:
            on_progress(done)


def csv_write(
    rows: Iterable[tuple],
    output: IO[bytes],
    *,
    on_progress: Callable[[int], None] | None = None,
) -> None:
    for chunk in csv_chunks(rows, on_progress=on_progress):
        output.write(chunk)


def xlsx_write(
    rows: Iterable[tuple],
    output: IO[bytes] | str,
    *,
    title: str,
    on_progress: Callable[[int], None] | None = None,
) -> None:
    """A workbook with one sheet of rows. Write-only mode keeps memory flat: rows go to disk."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=inert(title)[:31] or "Completions")
    sheet.freeze_panes = "A2"
    widths = (28, 32, 20, 32, 14, 12, 12, 12, 12, 12, 28)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for text in column_headers():
        cell = WriteOnlyCell(sheet, value=inert(text))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    text_columns = (0, 1, 2, 3, 10)
    date_columns = (6, 7, 8, 9)
    labels = _status_labels()
    done = 0
    for batch in _batches(rows, CHUNK_ROWS):
        for row in batch:
            values = list(row)
            for index in text_columns:
                values[index] = _text(values[index])
            values[4] = labels.get(values[4], values[4])
            # Dates stay real dates (sortable in the spreadsheet); numbers stay numbers.
            for index in date_columns:
                if values[index] is not None:
                    cell = WriteOnlyCell(sheet, value=values[index])
                    cell.number_format = "yyyy-mm-dd"
                    values[index] = cell
            sheet.append(values)
        done += len(batch)
        if on_progress is not None:
            on_progress(done)
    workbook.save(output)


def pdf_summary(context: dict) -> bytes:
    """The summary (figures, charts, the first rows) as a PDF, with the bundled fonts only."""
    from courses.pdf import pdf_html, pdf_write

    html = pdf_html("reports/summary_pdf.html", context)
    return pdf_write(html, stylesheets=("reports/css/summary-pdf.css",))


def export_filename(extension: str) -> str:
    return f"completions-{timezone.localdate().isoformat()}.{extension}"
