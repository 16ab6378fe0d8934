"""Send the reminder e-mails now due (each goes out once). The worker runs it hourly; or cron:

    15 8 * * *  cd /srv/touchpoint && .venv/bin/python manage.py send_reminders --enqueue

With --enqueue the worker (`manage.py db_worker`) sends them; without, this process does.
"""

from django.core.management.base import BaseCommand

from reports import services, tasks


class Command(BaseCommand):
    help = "Send due-soon and overdue reminders to learners; re-runs send no duplicates."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the background worker instead of sending from here.",
        )

    def handle(self, *args, enqueue: bool, **options):
        if enqueue:
            result = tasks.reminders_send.enqueue()
            self.stdout.write(f"Reminders queued for the worker (task {result.id}).")
            return
        run = services.reminders_send()
        self.stdout.write(
            f"Reminders sent: {run.sent}; already sent before: {run.already_sent}; "
            f"failed (retried next run): {run.failed}."
        )
