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

from .columns import COLUMNS, DATE, STATUS, file_headings
from .selectors import Status

CHUNK_ROWS = 2000


def _text(value: str | None) -> str:
    return inert(value) if value else ""


def _status_labels() -> dict[str, str]:
    return {key: inert(str(label)) for key, label in Status.choices}


def row_converter() -> Callable[[tuple], list]:
    """One row of selectors.ROW_COLUMNS, ready for a CSV writer: text cells made inert, the
    status as its label. Dates, numbers and empty cells go as they are (the writer prints a
    date as YYYY-MM-DD and None as nothing). Kept lean: it runs once per row."""
    labels = _status_labels()
    texts = [index for index, column in enumerate(COLUMNS) if column.is_text]
    statuses = [index for index, column in enumerate(COLUMNS) if column.kind == STATUS]

    def convert(row: tuple) -> list:
        values = list(row)
        for index in texts:
            values[index] = inert(values[index])
        for index in statuses:
            values[index] = labels.get(values[index], values[index])
        return values

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
    header = [inert(text) for text in file_headings()]
    return _csv_chunks(rows, header, row_converter(), on_progress)


def _csv_chunks(
    rows: Iterable[tuple],
    header: list[str],
    convert: Callable[[tuple], list],
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
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=inert(title)[:31] or "Completions")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
    bold = Font(bold=True)
    header = []
    for text in file_headings():
        cell = WriteOnlyCell(sheet, value=inert(text))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    texts = [index for index, column in enumerate(COLUMNS) if column.is_text]
    statuses = [index for index, column in enumerate(COLUMNS) if column.kind == STATUS]
    dates = [index for index, column in enumerate(COLUMNS) if column.kind == DATE]
    labels = _status_labels()
    done = 0
    for batch in _batches(rows, CHUNK_ROWS):
        for row in batch:
            values = list(row)
            for index in texts:
                values[index] = _text(values[index])
            for index in statuses:
                values[index] = labels.get(values[index], values[index])
            # Dates stay real dates (sortable in the spreadsheet); numbers stay numbers.
            for index in dates:
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
