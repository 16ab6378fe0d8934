"""Tasks whose worker died are run again (or failed after too many deaths), never left RUNNING.

django-tasks-db marks a claimed task RUNNING and only its own worker ever changes that, so a
SIGKILLed worker's task would stay RUNNING forever. cms.worker finds and requeues them.
"""

from __future__ import annotations

import os
import socket
import subprocess
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from cms import worker as worker_module
from cms.worker import (
    MAX_ATTEMPTS,
    UNSEEN_WORKER_TIMEOUT,
    heartbeat_beat,
    periodic_run_due,
    task_requeue_if_interrupted,
    tasks_recover,
    worker_id_new,
)

HOST = socket.gethostname()[:40]


def dead_pid() -> int:
    process = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    process.wait()
    return process.pid


def running_task(*worker_ids: str, started_ago: timedelta = timedelta(minutes=2)):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="certificates.tasks.certificate_render",
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=list(worker_ids),
        started_at=timezone.now() - started_ago,
    )


def status_of(result) -> str:
    result.refresh_from_db()
    return result.status


def test_a_task_whose_worker_process_is_gone_goes_back_in_the_queue(caplog):
    task = running_task(f"{HOST}:{dead_pid()}:abcdefgh")

    recovery = tasks_recover()

    assert recovery.requeued == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY
    assert task.started_at is None
    assert task in DBTaskResult.objects.ready()
    assert "task requeued: its worker is gone" in caplog.text


def test_a_task_whose_worker_is_alive_is_left_alone():
    task = running_task(f"{HOST}:{os.getpid()}:abcdefgh")

    assert tasks_recover().requeued == []
    assert status_of(task) == TaskResultStatus.RUNNING


def test_a_task_that_killed_its_worker_too_often_fails_instead_of_looping():
    ids = [f"{HOST}:{dead_pid()}:w{n}" for n in range(MAX_ATTEMPTS)]
    task = running_task(*ids)

    recovery = tasks_recover()

    assert recovery.failed == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "cms.worker.WorkerLost"
    assert task.finished_at is not None


def test_without_a_shared_cache_another_hosts_worker_gets_the_benefit_of_the_doubt():
    recent = running_task("other-host:123:abcdefgh", started_ago=timedelta(minutes=5))
    ancient = running_task(
        "other-host:456:abcdefgh", started_ago=UNSEEN_WORKER_TIMEOUT + timedelta(minutes=1)
    )

    recovery = tasks_recover()

    assert recovery.requeued == [str(ancient.pk)]
    assert status_of(recent) == TaskResultStatus.RUNNING


def test_with_a_shared_cache_a_missing_heartbeat_means_dead():
    beating = running_task("host-a:1:abcdefgh")
    silent = running_task("host-b:2:abcdefgh")
    heartbeat_beat(worker_id="host-a:1:abcdefgh")

    with mock.patch.object(worker_module, "cache_is_shared", return_value=True):
        recovery = tasks_recover()

    assert recovery.requeued == [str(silent.pk)]
    assert status_of(beating) == TaskResultStatus.RUNNING


def test_at_start_up_a_worker_takes_back_what_ran_under_its_own_fixed_id():
    task = running_task("worker-1")

    recovery = tasks_recover(dead_worker_ids=frozenset({"worker-1"}))

    assert recovery.requeued == [str(task.pk)]


def test_two_recoverers_at_once_requeue_a_task_once():
    task = running_task(f"{HOST}:{dead_pid()}:abcdefgh")
    stale_copy = DBTaskResult.objects.get(pk=task.pk)
    tasks_recover()
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["x", "y"]
    )

    # The second recoverer read the row before the first acted: its update matches nothing.
    with mock.patch.object(worker_module, "_running_tasks", return_value=[stale_copy]):
        assert tasks_recover().requeued == []
    assert status_of(task) == TaskResultStatus.RUNNING


def test_a_task_interrupted_by_a_forced_shutdown_is_requeued_not_failed():
    task = running_task(worker_id_new())
    task.set_failed(SystemExit(1))

    assert task_requeue_if_interrupted(result=task) is True
    assert status_of(task) == TaskResultStatus.READY


def test_a_task_that_failed_by_itself_stays_failed():
    task = running_task(worker_id_new())
    task.set_failed(ValueError("bad data"))

    assert task_requeue_if_interrupted(result=task) is False
    assert status_of(task) == TaskResultStatus.FAILED


def test_the_worker_id_names_host_and_process():
    host, pid, token = worker_id_new().split(":")

    assert (host, int(pid), len(token)) == (HOST, os.getpid(), 8)


@pytest.mark.parametrize("known", [True, False])
def test_a_periodic_command_runs_once_per_interval_across_workers(known):
    commands = {"certificates_render_pending": "courses"} if known else {}
    with (
        mock.patch.object(worker_module, "get_commands", return_value=commands),
        mock.patch.object(worker_module, "call_command") as call,
    ):
        first = periodic_run_due(name="certificates_render_pending", interval=600)
        second = periodic_run_due(name="certificates_render_pending", interval=600)

    assert (first, second) == ((True, False) if known else (False, False))
    assert call.call_count == (1 if known else 0)


def test_an_unknown_or_failing_periodic_command_leaves_the_others_running(
    settings, monkeypatch, caplog
):
    settings.TASKS_PERIODIC_COMMANDS = {
        "no_such_command": 60,
        "certificates_render_pending": 60,
        "send_reminders --enqueue": 60,
    }
    from django.core.cache import cache

    cache.clear()  # no earlier test's "ran this interval" mark
    monkeypatch.setattr(worker_module, "FIRST_RUN_DELAY", 0)
    monkeypatch.setattr(worker_module, "close_old_connections", lambda: None)
    monkeypatch.setattr(worker_module, "tasks_recover", lambda: None)
    ran = []

    def command(*args, **kwargs):
        ran.append(args)
        if args[0] == "certificates_render_pending":
            raise RuntimeError("storage down")

    monkeypatch.setattr(worker_module, "call_command", command)

    housekeeper = worker_module.Housekeeper(worker_id="test:1:abcdefgh")
    housekeeper.tick()

    assert "no_such_command" not in housekeeper._periodic  # dropped, said once
    assert ran == [("certificates_render_pending",), ("send_reminders", "--enqueue")]
    assert "periodic command unknown; not run" in caplog.text
    assert "periodic command failed" in caplog.text


def test_the_operator_command_lists_and_requeues(capsys):
    from django.core.management import call_command

    dead = running_task(f"{HOST}:{dead_pid()}:abcdefgh")
    alive = running_task(f"{HOST}:{os.getpid()}:abcdefgh")

    call_command("tasks_recover", "--dry-run")
    listing = capsys.readouterr().out
    call_command("tasks_recover")
    summary = capsys.readouterr().out

    assert "(dead)" in listing and "(alive)" in listing
    assert "nothing changed" in listing
    assert "Requeued 1, failed 0" in summary
    assert (status_of(dead), status_of(alive)) == (
        TaskResultStatus.READY,
        TaskResultStatus.RUNNING,
    )


def test_after_a_restore_every_running_task_can_be_requeued(capsys):
    from django.core.management import call_command

    task = running_task(f"{HOST}:{os.getpid()}:abcdefgh")

    call_command("tasks_recover", "--all-dead")

    assert status_of(task) == TaskResultStatus.READY
