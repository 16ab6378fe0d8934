"""Delete the files of expired HR exports. The worker runs it hourly; or cron:

5 * * * *  cd /srv/touchpoint && .venv/bin/python manage.py expire_exports --enqueue
"""

from django.core.management.base import BaseCommand

from reports import services, tasks


class Command(BaseCommand):
    help = "Delete expired export files and mark their jobs expired."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Let the background worker do it."
        )

    def handle(self, *args, enqueue: bool, **options):
        if enqueue:
            result = tasks.exports_expire.enqueue()
            self.stdout.write(f"Expiry queued for the worker (task {result.id}).")
            return
        count = services.export_jobs_expire()
        self.stdout.write(f"Expired exports cleaned up: {count}.")
