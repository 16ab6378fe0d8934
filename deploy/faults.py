"""Fault injection for the smoke test and tests/prod: a worker that is slow to render a PDF.

    python deploy/faults.py slow-worker SECONDS [db_worker options...]

runs `manage.py db_worker` with the certificate renderer made to sleep SECONDS first, so a test
can kill the worker while a render is in progress. It prints nothing of its own; the database
shows the task RUNNING while it sleeps. Nothing here is imported by the site.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def slow_worker(seconds: float, argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()
    from django.core.management import call_command

    from certificates import rendering

    original = rendering.certificate_pdf

    def slow_certificate_pdf(*args, **kwargs):
        time.sleep(seconds)
        return original(*args, **kwargs)

    rendering.certificate_pdf = slow_certificate_pdf
    call_command("db_worker", *argv)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "slow-worker":
        sys.exit(__doc__)
    slow_worker(float(sys.argv[2]), sys.argv[3:])
