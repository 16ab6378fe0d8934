"""The HR completion export for automation: the same rows, filters and files as the HR pages.

python manage.py export_completions --organisation acme --format csv --output completions.csv
"""

from __future__ import annotations

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from people.models import Organisation, Team
from reports import selectors, services
from reports.columns import DEFAULT_SORT
from reports.exports import csv_write, xlsx_write
from reports.filters import DATE_FIELDS, DEFAULT_DATE_FIELD, SORT_CHOICES, CompletionFilterSet
from reports.selectors import NO_TEAM, Status


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
        parser.add_argument("--dates", choices=list(DATE_FIELDS), default=DEFAULT_DATE_FIELD)
        parser.add_argument("--from", dest="date_from", type=_date)
        parser.add_argument("--to", dest="date_to", type=_date)
        parser.add_argument("--sort", default=DEFAULT_SORT, choices=sorted(SORT_CHOICES))

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {options['organisation']!r}.")
        team = options["team"]
        if team and team != NO_TEAM:
            found = Team.objects.filter(organisation=organisation, name=team).first()
            if found is None:
                raise CommandError(f"{organisation} has no team {team!r}.")
            team = str(found.pk)
        # The HR page's own filters, so a choice means the same here (and is checked the same).
        data = {
            "team": team,
            "course": options["course"],
            "status": options["status"],
            "date_field": options["dates"],
            "date_from": options["date_from"],
            "date_to": options["date_to"],
            "sort": options["sort"],
        }
        filters = CompletionFilterSet.from_values(data, organisation=organisation)
        if not filters.is_valid():
            errors = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in filters.errors.items()
            )
            raise CommandError(f"Those filters cannot be used: {errors}")
        rows = selectors.completion_rows(filters=filters)
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
