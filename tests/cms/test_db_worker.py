"""`manage.py db_worker` runs our Worker (heartbeats, recovery) as a subclass: no patching."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.management.commands import db_worker as upstream

from cms.management.commands.db_worker import Worker


@pytest.fixture(autouse=True)
def database_tasks(settings):
    """The tests run tasks at once; the worker serves the database backend of production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_command_runs_our_worker_with_the_librarys_options_and_leaves_the_library_alone():
    library_worker = upstream.Worker
    built = []

    def run(self):
        built.append(self)

    with mock.patch.object(Worker, "run", run), mock.patch.object(Worker, "configure_signals"):
        call_command(
            "db_worker", "--batch", "--no-reload", "--queue-name=*", "--exclude-queues=slow"
        )

    assert upstream.Worker is library_worker
    (worker,) = built
    assert type(worker) is Worker and issubclass(Worker, library_worker)
    assert worker.batch and worker.process_all_queues
    assert worker.excluded_queue_names == ["slow"]
    assert worker.worker_id.count(":") == 2  # host:pid:random, so a dead worker is recognised


def test_excluding_queues_needs_every_queue_as_in_the_library():
    with pytest.raises(CommandError, match="--exclude-queues"):
        call_command("db_worker", "--batch", "--no-reload", "--exclude-queues=slow")
