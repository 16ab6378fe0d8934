"""`manage.py db_worker`: django-tasks-db's worker, made safe to kill and to run many of.

Same options and behaviour as the library's command (it is the one the docs, `make run`,
deploy/bin/worker and CI use), plus what cms/worker.py describes: heartbeats, recovery of tasks
whose worker died, periodic commands, and riding out a database restart instead of exiting.
"""

from __future__ import annotations

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker as upstream
from django_tasks_db.models import DBTaskResult

from cms.worker import Housekeeper, task_requeue_if_interrupted, tasks_recover, worker_id_new

logger = logging.getLogger("cms.worker")

MAX_BACKOFF = 10.0
_LibraryWorker = upstream.Worker


class Worker(_LibraryWorker):
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

    def handle(self, *args, **options) -> None:
        upstream.Worker = Worker  # the library's handle() builds `Worker(...)` from its module
        try:
            super().handle(*args, **options)
        finally:
            upstream.Worker = _LibraryWorker
