"""`manage.py tasks_recover`: list RUNNING tasks and whether their worker lives; requeue the dead.

Workers do this by themselves every few seconds (cms/worker.py); the command is for an operator
who wants to see it, or after restoring a database backup taken while tasks were running
(`--all-dead`: no worker of the old installation is alive, requeue everything RUNNING).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult

from cms.worker import tasks_recover, worker_alive


class Command(BaseCommand):
    help = "Show RUNNING tasks and their workers; put back in the queue those whose worker died."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only show, change nothing.")
        parser.add_argument(
            "--all-dead",
            action="store_true",
            help="Treat every worker as dead (e.g. after a restore). Stop all workers first.",
        )

    def handle(self, *args, dry_run: bool, all_dead: bool, **options):
        running = list(DBTaskResult.objects.running().order_by("started_at"))
        labels = {True: "alive", False: "dead", None: "unknown"}
        for result in running:
            worker = result.worker_ids[-1] if result.worker_ids else ""
            state = "dead" if all_dead else labels[worker_alive(worker) if worker else False]
            self.stdout.write(
                f"{result.pk}  {result.task_path}  started {result.started_at:%Y-%m-%d %H:%M:%S}"
                f"  worker {worker or '-'} ({state})  attempt {len(result.worker_ids)}"
            )
        if dry_run:
            self.stdout.write(f"{len(running)} running task(s); nothing changed (--dry-run).")
            return
        dead = frozenset(w for r in running for w in r.worker_ids[-1:]) if all_dead else frozenset()
        recovery = tasks_recover(dead_worker_ids=dead)
        self.stdout.write(
            f"Requeued {len(recovery.requeued)}, failed {len(recovery.failed)} "
            f"(after too many dead workers)."
        )
