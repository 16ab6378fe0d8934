"""A worker SIGKILLed in the middle of rendering a certificate: a real worker process, killed.

The task is left RUNNING by the backend; the next worker sees the dead worker's process is gone,
puts the task back in the queue and renders the certificate: one certificate, one PDF, nothing
left RUNNING. Runs on a SQLite file shared by the processes (a copy of the test database's
schema), with the production settings.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from prod_helpers import ROOT, manage, production_env

ISSUE = """
from cms.services import site_home_ensure
from certificates.services import certificate_issue
from courses.models import CourseIndexPage, CoursePage
from people.models import User
home = site_home_ensure()
index = CourseIndexPage.objects.first()
if index is None:
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
course = index.add_child(instance=CoursePage(title="Listening", slug="listening", summary="S"))
user = User.objects.create_user(email="kim@acme.example", password="x", full_name="Kim Lee")
print(certificate_issue(user=user, course=course).code)
"""


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """A migrated SQLite file: a copy of the test database when it is SQLite, else migrated."""
    path = tmp_path_factory.mktemp("workerdb") / "template.sqlite3"
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
        else:
            result = manage(
                "migrate", "--noinput", env=production_env(DATABASE_URL=f"sqlite:///{path}")
            )
            assert result.returncode == 0, result.stderr[-3000:]
    return path


@pytest.fixture
def stack(migrated_sqlite, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_sqlite, database)
    env = production_env(
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(tmp_path / "media"),
        ALLOWED_HOSTS="localhost",
        TASKS_RETRY_INTERVAL="3600",
    )
    processes: list[subprocess.Popen] = []

    def start(argv: list[str], log: Path) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603 - our own worker commands
            argv, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
        )
        processes.append(process)
        return process

    yield {"db": database, "env": env, "start": start, "media": tmp_path / "media"}
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _tasks(database: Path) -> list[tuple[str, list[str]]]:
    with sqlite3.connect(database, timeout=20) as db:
        rows = db.execute(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE '%certificate_render'"
        ).fetchall()
    return [(status, json.loads(ids)) for status, ids in rows]


def _certificates(database: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(database, timeout=20) as db:
        return db.execute("SELECT code, pdf FROM certificates_certificate").fetchall()


def _wait(what: str, predicate, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


WORKER_OPTIONS = ["--no-reload", "--queue-name", "*", "--no-startup-delay", "--interval", "0.2"]


def test_a_render_whose_worker_was_killed_is_finished_once_by_the_next_worker(stack, tmp_path):
    issued = manage("shell", "--no-imports", "-c", ISSUE, env=stack["env"])
    assert issued.returncode == 0, issued.stderr[-3000:]
    code = issued.stdout.strip().splitlines()[-1]
    slow = stack["start"](
        [sys.executable, "deploy/faults.py", "slow-worker", "120", *WORKER_OPTIONS],
        tmp_path / "slow.log",
    )
    _wait("the render to start", lambda: [t for t in _tasks(stack["db"]) if t[0] == "RUNNING"])

    os.kill(slow.pid, signal.SIGKILL)
    slow.wait(timeout=10)

    # What django-tasks-db does by itself: nothing. The task would stay RUNNING forever.
    [(status, killed_workers)] = _tasks(stack["db"])
    assert status == "RUNNING"
    assert _certificates(stack["db"]) == [(code, "")]

    log = tmp_path / "worker.log"
    stack["start"]([sys.executable, "manage.py", "db_worker", *WORKER_OPTIONS], log)
    _wait("the recovered render", lambda: all(pdf for _, pdf in _certificates(stack["db"])))
    _wait("the task to finish", lambda: _tasks(stack["db"])[0][0] == "SUCCESSFUL")

    [(status, workers)] = _tasks(stack["db"])
    assert len(workers) == 2 and workers[0] == killed_workers[0]
    [(same_code, pdf)] = _certificates(stack["db"])
    assert same_code == code
    stored = list(stack["media"].rglob("*.pdf"))
    assert [p.name for p in stored] == [Path(pdf).name]
    assert stored[0].read_bytes().startswith(b"%PDF")
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    requeued = [line for line in lines if line["message"] == "task requeued: its worker is gone"]
    assert requeued and requeued[0]["worker_id"] == killed_workers[0]
