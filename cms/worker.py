"""Keep background tasks moving when a worker dies: heartbeats, recovery, housekeeping.

django-tasks' database backend marks a task RUNNING when a worker claims it and only changes
that when the same worker finishes it. A worker that is SIGKILLed, OOM-killed or loses its host
leaves the task RUNNING forever, and nothing runs it again. So every worker (our `db_worker`,
cms/management/commands/db_worker.py):

- writes a heartbeat for its worker id to the shared cache every few seconds;
- regularly looks for RUNNING tasks whose worker is gone (no heartbeat; or, on this host, its
  process no longer exists) and puts them back in the queue, or fails them after
  `max_attempts` workers died on them (a task that kills its worker must not loop forever);
- puts a task it was told to stop in the middle of (a second Ctrl-C, a forced shutdown) back in
  the queue instead of recording it as failed;
- runs the periodic commands once per interval across all workers: `certificates_render_pending`
  (retry PDFs that could not be stored), `send_reminders --enqueue` (due-soon and overdue
  e-mails, each sent once whenever it runs) and `expire_exports --enqueue` (delete expired
  export files). So a deployment needs no cron; the heavy ones go through the queue, since the
  housekeeping thread must keep beating.

Task services must be idempotent (the certificate render is): a recovered task runs again.
"""

from __future__ import annotations

import io
import logging
import os
import shlex
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command, get_commands
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("cms.worker")

HEARTBEAT_INTERVAL = 5  # seconds between heartbeats
HEARTBEAT_TTL = 30  # a worker silent this long is dead
RECOVERY_INTERVAL = 15  # seconds between looks for abandoned tasks
# Without a shared cache a worker on another host cannot be seen: its task is taken back only
# after this long.
UNSEEN_WORKER_TIMEOUT = timedelta(hours=1)
MAX_ATTEMPTS = 3
# Management commands every worker pool runs on a schedule: command line -> seconds between runs.
DEFAULT_PERIODIC_COMMANDS = {
    "certificates_render_pending": 600,
    "send_reminders --enqueue": 3600,
    "expire_exports --enqueue": 3600,
    "attitude_releases_refresh --enqueue": 3600,
}
# A (re)started worker waits this long at most before its first run of each command; the
# shared cache then keeps it to once per interval across the pool and across restarts.
FIRST_RUN_DELAY = 600

WORKER_LOST = "cms.worker.WorkerLost"
INTERRUPTED = {"builtins.SystemExit", "builtins.KeyboardInterrupt"}


def worker_id_new() -> str:
    """host:pid:random, so a worker on this host can be checked by its process id."""
    host = socket.gethostname()[:40]
    return f"{host}:{os.getpid()}:{get_random_string(8)}"


def _heartbeat_key(worker_id: str) -> str:
    return f"tasks:heartbeat:{worker_id}"


def cache_is_shared() -> bool:
    """True when other processes see what this one writes to the cache (Redis, memcached...)."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def heartbeat_beat(*, worker_id: str) -> None:
    cache.set(_heartbeat_key(worker_id), time.time(), timeout=HEARTBEAT_TTL)


def heartbeat_clear(*, worker_id: str) -> None:
    cache.delete(_heartbeat_key(worker_id))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def worker_alive(worker_id: str) -> bool | None:
    """True / False when we can tell, None when we cannot (another host, no shared cache)."""
    host, _sep, rest = worker_id.partition(":")
    pid_text = rest.partition(":")[0]
    if host == socket.gethostname()[:40] and pid_text.isdigit() and not _pid_alive(int(pid_text)):
        return False  # its process is gone: no need to wait for the heartbeat to expire
    if cache_is_shared():
        try:
            return cache.get(_heartbeat_key(worker_id)) is not None
        except Exception:  # cache down: cannot tell, so do nothing rather than run twice
            logger.warning("heartbeat lookup failed", exc_info=True)
            return None
    if host == socket.gethostname()[:40] and pid_text.isdigit():
        return True
    return None


@dataclass
class Recovery:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _running_tasks() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.running().only("id", "task_path", "worker_ids", "started_at", "status")
    )


def tasks_recover(
    *,
    now: datetime | None = None,
    dead_worker_ids: frozenset[str] = frozenset(),
    max_attempts: int = MAX_ATTEMPTS,
) -> Recovery:
    """Put RUNNING tasks whose worker is gone back in the queue (or fail them after too many).

    `dead_worker_ids`: workers known to be dead, e.g. our own id at start-up when it is fixed.
    Safe to run in several workers at once: each change is conditional on the row not having
    moved on since it was read.
    """
    now = now or timezone.now()
    recovery = Recovery()
    grace = timedelta(seconds=HEARTBEAT_TTL)
    for result in _running_tasks():
        last_worker = result.worker_ids[-1] if result.worker_ids else ""
        started = result.started_at or now
        if last_worker in dead_worker_ids:
            alive = False
        else:
            alive = worker_alive(last_worker) if last_worker else False
            if alive is False and now - started < grace and not cache_is_shared():
                alive = None  # just claimed: let a slow first heartbeat catch up
        if alive is True or (alive is None and now - started < UNSEEN_WORKER_TIMEOUT):
            continue
        unchanged = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        attempts = len(result.worker_ids)
        details = {
            "task_id": str(result.pk),
            "task": result.task_path,
            "worker_id": last_worker,
            "attempts": attempts,
        }
        if attempts >= max_attempts:
            changed = unchanged.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=(
                    f"WorkerLost: the worker running this task stopped without finishing it, "
                    f"{attempts} times (last worker {last_worker}). Not retried again."
                ),
            )
            if changed:
                recovery.failed.append(str(result.pk))
                logger.error("task failed: its workers kept dying", extra=details)
        else:
            changed = unchanged.update(status=TaskResultStatus.READY, started_at=None)
            if changed:
                recovery.requeued.append(str(result.pk))
                logger.warning("task requeued: its worker is gone", extra=details)
    return recovery


def task_requeue_if_interrupted(*, result: DBTaskResult) -> bool:
    """A task stopped by a forced shutdown goes back in the queue rather than failing."""
    if (
        result.status == TaskResultStatus.FAILED
        and result.exception_class_path in INTERRUPTED
        and len(result.worker_ids) < MAX_ATTEMPTS
    ):
        DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
        logger.warning(
            "task requeued: the worker was stopped while running it",
            extra={"task_id": str(result.pk), "task": result.task_path},
        )
        return True
    return False


def _command_args(name: str) -> list[str] | None:
    """The command line split into arguments, or None (logged) when it names no command."""
    args = shlex.split(name)
    if args and args[0] in get_commands():
        return args
    logger.error("periodic command unknown; not run", extra={"command": name})
    return None


def periodic_commands() -> dict[str, int]:
    """The configured command lines; one naming no command is dropped, and said so once."""
    configured = dict(getattr(settings, "TASKS_PERIODIC_COMMANDS", DEFAULT_PERIODIC_COMMANDS))
    return {name: interval for name, interval in configured.items() if _command_args(name)}


def periodic_run_due(*, name: str, interval: int) -> bool:
    """Run the command line `name` if no worker ran it in the last `interval` seconds.

    True if it ran.
    """
    args = _command_args(name)
    if args is None:
        return False
    # cache.add is atomic in Redis: one worker in the pool wins each interval.
    key = "-".join(args)  # no spaces: memcached refuses them
    if not cache.add(f"tasks:periodic:{key}:{interval}", time.time(), timeout=interval):
        return False
    output = io.StringIO()
    call_command(*args, verbosity=0, stdout=output)
    logger.info("periodic command", extra={"command": name, "output": output.getvalue().strip()})
    return True


class Housekeeper(threading.Thread):
    """The worker's second thread: heartbeats, recovery, periodic commands.

    It has its own database connection (Django's are per thread) and never touches the task
    the main thread is running.
    """

    def __init__(self, *, worker_id: str) -> None:
        super().__init__(name=f"housekeeper-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopping = threading.Event()
        self._last_recovery = 0.0
        self._periodic = periodic_commands()
        # A restarted pool must not all run them at once, and a render just queued is not
        # "pending" yet; but a daily command must still run when workers restart daily.
        started = time.monotonic()
        self._not_before = {
            name: started + min(interval, FIRST_RUN_DELAY)
            for name, interval in self._periodic.items()
        }

    def run(self) -> None:
        while not self.stopping.is_set():
            self.tick()
            self.stopping.wait(HEARTBEAT_INTERVAL)
        try:
            heartbeat_clear(worker_id=self.worker_id)
        except Exception:
            logger.warning("could not clear the heartbeat", exc_info=True)

    def tick(self) -> None:
        try:
            heartbeat_beat(worker_id=self.worker_id)
        except Exception:
            logger.warning("heartbeat failed (cache unavailable?)", exc_info=True)
        now = time.monotonic()
        recover = now - self._last_recovery >= RECOVERY_INTERVAL
        due = [name for name in self._periodic if now >= self._not_before[name]]
        if not recover and not due:
            return
        try:
            close_old_connections()
            if recover:
                self._last_recovery = now
                tasks_recover()
            for name in due:
                # One failing command must not keep the others from running.
                try:
                    if periodic_run_due(name=name, interval=self._periodic[name]):
                        self._not_before[name] = now + self._periodic[name]
                except DatabaseError:
                    raise
                except Exception:
                    logger.exception("periodic command failed", extra={"command": name})
                    self._not_before[name] = now + self._periodic[name]
        except DatabaseError:
            logger.warning("housekeeping skipped: database unavailable", exc_info=True)
            connections.close_all()
        except Exception:
            logger.exception("housekeeping failed")

    def stop(self) -> None:
        self.stopping.set()
