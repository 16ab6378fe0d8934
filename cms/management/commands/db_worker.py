"""`manage.py db_worker`: django-tasks-db's worker, made safe to kill and to run many of.

Same options and behaviour as the library's command (it is the one the docs, `make run`,
deploy/bin/worker and CI use), plus what cms/worker.py describes: heartbeats, recovery of tasks
whose worker died, periodic commands, and riding out a database restart instead of exiting.
"""

from __future__ import annotations

import logging
import os
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as upstream
from django_tasks_db.models import DBTaskResult

from cms.worker import Housekeeper, task_requeue_if_interrupted, tasks_recover, worker_id_new

logger = logging.getLogger("cms.worker")

MAX_BACKOFF = 10.0


class Worker(upstream.Worker):
    def run(self) -> None:
        housekeeper = Housekeeper(worker_id=self.worker_id)
        housekeeper.tick()  # heartbeat before the first claim
        self._recover_own()
        housekeeper.start()
        backoff = 1.0
        try:
            while True:
                try:
                    super().run()
                    return
                except (OperationalError, InterfaceError):
                    if not self.running:
                        return
                    # PostgreSQL restarting, failover, network blip: wait and carry on; the
                    # library's worker would exit here and leave the pool a worker short.
                    logger.warning(
                        "database unavailable; worker retrying",
                        extra={"worker_id": self.worker_id, "retry_in": backoff},
                        exc_info=True,
                    )
                    connections.close_all()
                    time.sleep(backoff)
                    backoff = min(backoff * 2, MAX_BACKOFF)
                    self.startup_delay = False
                    # A task interrupted by the outage is still RUNNING under our id: requeue it.
                    self._recover_own()
        finally:
            housekeeper.stop()
            housekeeper.join(timeout=5)

    def _recover_own(self) -> None:
        """At start-up, anything still RUNNING under our own (fixed) id was ours before a crash."""
        try:
            tasks_recover(dead_worker_ids=frozenset({self.worker_id}))
        except (OperationalError, InterfaceError):
            logger.warning("start-up recovery skipped: database unavailable", exc_info=True)
            connections.close_all()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        task_requeue_if_interrupted(result=db_task_result)


class Command(upstream.Command):
    help = upstream.Command.help + " (with heartbeats and recovery of tasks whose worker died)"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        # host:pid:random instead of 32 random letters, so a dead worker can be recognised.
        parser.set_defaults(worker_id=worker_id_new())

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        # The library's handle() builds its own Worker and offers no hook for another class:
        # this is the same handle() with ours (django-tasks-db 0.13), rather than patching the
        # library's module while the command runs.
        self.configure_logging(verbosity)
        if reload and batch:
            upstream.logger.warning(
                "Warning: --reload and --batch cannot be specified together. Disabling autoreload."
            )
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloaded child handles the signals
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
