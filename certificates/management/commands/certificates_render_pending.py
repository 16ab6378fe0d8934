from django.core.management.base import BaseCommand

from certificates.services import certificates_render_pending


class Command(BaseCommand):
    help = (
        "Queue a render for every certificate whose PDF is not stored yet (e.g. after a full "
        "disk). Run it on a schedule next to the worker; it is safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many per run.")

    def handle(self, *args, limit: int, **options):
        count = certificates_render_pending(limit=limit)
        self.stdout.write(f"Queued {count} certificate(s) for rendering.")
