"""The HR completion export for automation: the same rows, filters and files as the HR pages.

python manage.py export_completions --organisation acme --format csv --output completions.csv
"""

from __future__ import annotations

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from people.models import Organisation, Team
from reports import selectors, services
from reports.exports import csv_write, xlsx_write
from reports.selectors import NO_TEAM, SORTS, ReportFilters, Status


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from error


class Command(BaseCommand):
    help = "Write an organisation's completion report as CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument(
            "--output", required=True, help="File to write; '-' writes CSV to standard output."
        )
        parser.add_argument("--team", default="", help="A team name, or 'none' for no team.")
        parser.add_argument("--course", type=int, help="A course's page id.")
        parser.add_argument("--status", choices=Status.values)
        parser.add_argument(
            "--dates", choices=["assigned", "due", "started", "completed"], default="assigned"
        )
        parser.add_argument("--from", dest="date_from", type=_date)
        parser.add_argument("--to", dest="date_to", type=_date)
        parser.add_argument(
            "--sort", default="name", choices=[*SORTS, *(f"-{key}" for key in SORTS)]
        )

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {options['organisation']!r}.")
        team = ""
        if options["team"] == NO_TEAM:
            team = NO_TEAM
        elif options["team"]:
            found = Team.objects.filter(organisation=organisation, name=options["team"]).first()
            if found is None:
                raise CommandError(f"{organisation} has no team {options['team']!r}.")
            team = str(found.pk)
        filters = ReportFilters(
            team=team,
            course=options["course"],
            status=options["status"] or "",
            date_field=options["dates"],
            date_from=options["date_from"],
            date_to=options["date_to"],
            sort=options["sort"],
        )
        rows = selectors.completion_rows(organisation=organisation, filters=filters)
        output = options["output"]
        if options["format"] == "xlsx":
            if output == "-":
                raise CommandError("Write XLSX to a file, not to standard output.")
            values = selectors.completion_values(rows).iterator(chunk_size=2000)
            xlsx_write(values, output, title=organisation.name)
        elif output == "-":
            csv_write(selectors.completion_tuples(rows), sys.stdout.buffer)
        else:
            with open(output, "wb") as handle:
                csv_write(selectors.completion_tuples(rows), handle)
        services.export_record(
            actor=None, organisation=organisation, filters=filters, format=options["format"]
        )
        if output != "-":
            self.stdout.write(f"Wrote {output}.")
