"""A large synthetic organisation, e.g. `seed_scale --learners 100000 --courses 20`.

For benchmarks and for trying the HR reports at size. Refuses an organisation slug that exists,
and production settings unless --force.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.services import course_index_ensure
from reports.scale import ScaleOrganisationExists, scale_seed


class Command(BaseCommand):
    help = "Create a large synthetic organisation (learners, teams, courses, progress) quickly."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, required=True)
        parser.add_argument("--courses", type=int, required=True)
        parser.add_argument("--organisation", default="scale", help="Slug (default: scale).")
        parser.add_argument(
            "--per-learner",
            type=int,
            default=10,
            help="Courses each learner is enrolled on (default 10: 100,000 learners give "
            "1,000,000 report rows).",
        )
        parser.add_argument("--modules", type=int, default=5, help="Modules per course.")
        parser.add_argument("--teams", type=int, default=20)
        parser.add_argument("--password", default="touchpoint-scale")
        parser.add_argument(
            "--certificates",
            action="store_true",
            help="Also issue certificates for completions (their PDFs are not rendered; "
            "certificates_render_pending would try to render every one of them).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even with production settings."
        )

    def handle(self, *args, **options):
        if settings.TOUCHPOINT_ENVIRONMENT == "production" and not options["force"]:
            raise CommandError(
                "Refusing to create synthetic people with production settings. "
                "Pass --force if you really mean it."
            )
        if options["learners"] < 1 or options["courses"] < 1:
            raise CommandError("--learners and --courses must be at least 1.")
        started = time.perf_counter()
        try:
            result = scale_seed(
                learners=options["learners"],
                courses=options["courses"],
                slug=options["organisation"],
                per_learner=options["per_learner"],
                modules=options["modules"],
                teams=options["teams"],
                password=options["password"],
                certificates=options["certificates"],
                progress=self.stdout.write if options["verbosity"] > 1 else None,
                course_index=course_index_ensure,
            )
        except ScaleOrganisationExists as error:
            raise CommandError(
                f"The organisation {error} exists already; choose another --organisation slug."
            ) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.organisation.slug!r}: {result.learners} learners, "
                f"{result.courses} courses, {result.enrolments} enrolments, "
                f"{result.progress_rows} module progress rows, {result.certificates} "
                f"certificates in {seconds:.1f} s."
            )
        )
        self.stdout.write(f"HR sign-in: {result.hr_email} / password: {options['password']}")
