"""Publish HR's next attitude figures wherever the rules allow. The worker runs it hourly; or cron:

    20 * * * *  cd /srv/touchpoint && .venv/bin/python manage.py attitude_releases_refresh --enqueue

A saved response already publishes; this catches what no response announces: people leaving an
organisation or moving team. With --enqueue the worker does the work; without, this process.
"""

from django.core.management.base import BaseCommand

from assessments import services, tasks
from assessments.aggregates import hr_questionnaires
from people.models import Organisation


class Command(BaseCommand):
    help = "Publish HR's attitude figures where enough people changed; safe to run at any time."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the background worker instead of doing it here.",
        )

    def handle(self, *args, enqueue: bool, **options):
        pairs = 0
        for organisation in Organisation.objects.order_by("pk"):
            for questionnaire in hr_questionnaires(organisation=organisation):
                pairs += 1
                if enqueue:
                    tasks.attitude_releases_refresh.enqueue(
                        organisation_id=organisation.pk, questionnaire_id=questionnaire.pk
                    )
                else:
                    services.attitude_releases_refresh(
                        organisation=organisation, questionnaire=questionnaire
                    )
        verb = "queued for the worker" if enqueue else "checked"
        self.stdout.write(f"Attitude figures {verb}: {pairs} organisation/questionnaire pair(s).")
