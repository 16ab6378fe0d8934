"""The demo (`seed_demo`), seeded once per test session and restored from a copy for each test.

Seeding takes seconds; copying its rows back takes milliseconds. The first test that asks for
`demo` seeds this worker's test database once, copies every table into a snapshot (PostgreSQL:
a schema; SQLite: an attached database file), and puts the base site back. `demo` then replaces
every table's rows with the snapshot's, inside the test's transaction, so the test's rollback
returns to the base site; transactional tests (the browser tests) get it committed, and
pytest-django's flush empties it afterwards, as it did when each of them seeded.

Two snapshots, because seeding inside a test's transaction is not seeding in a transaction of
its own: the seed's on-commit work (tasks: HR's attitude releases, ...) never runs in a test that
is rolled back, and always runs in a transactional test. Tests that test seed_demo itself still
call the command.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

BASE, SEEDED, COMMITTED = "snap_base", "snap_demo", "snap_demo_committed"


class Snapshots:
    """Named copies of every Django table of the default database, in the same database."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.tables = connection.introspection.django_table_names(only_existing=True)
        self.models = [  # whose id sequences PostgreSQL resets after a restore
            model
            for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy and model._meta.db_table in self.tables
        ]
        self.postgres = connection.vendor == "postgresql"
        # SQLite's full-text index of Wagtail's search entries is a virtual table that triggers
        # keep in step with the entries: it is not copied, the triggers refill it.
        virtual = (
            set()
            if self.postgres
            else {
                row[0]
                for row in connection.cursor().execute(
                    "SELECT name FROM sqlite_master"
                    " WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
                )
            }
        )
        self.tables = sorted(set(self.tables) - virtual)
        self.mails: list = []  # e-mails the seed's on-commit work sent

    def _attach(self, name: str) -> None:
        """SQLite keeps a snapshot in a database file of its own, attached to the connection."""
        attached = {row[1] for row in connection.cursor().execute("PRAGMA database_list")}
        if name not in attached:
            path = self.folder / f"{name}.sqlite3"
            connection.cursor().execute(f"ATTACH DATABASE '{path}' AS {name}")

    # The SQL below names only our own snapshots and the tables Django reports (quoted).
    def save(self, name: str) -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
                cursor.execute(f"CREATE SCHEMA {name}")
            else:
                self._attach(name)
            for table in self.tables:
                if not self.postgres:
                    cursor.execute(f"DROP TABLE IF EXISTS {name}.{quote(table)}")
                copy_sql = f"CREATE TABLE {name}.{quote(table)} AS SELECT * FROM {quote(table)}"  # noqa: S608
                cursor.execute(copy_sql)

    def load(self, name: str) -> None:
        """Every table's rows become the snapshot's, in one transaction (foreign keys are
        checked at its end, so the order of the tables does not matter)."""
        quote = connection.ops.quote_name
        if not self.postgres:
            self._attach(name)
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            for table in self.tables:
                restore_sql = f"INSERT INTO {quote(table)} SELECT * FROM {name}.{quote(table)}"  # noqa: S608
                cursor.execute(restore_sql)
            # Restored rows keep their ids: the next ids come after them.
            for statement in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(statement)
        ContentType.objects.clear_cache()
        cache.clear()


def _seed(snapshots: Snapshots) -> None:
    with transaction.atomic():
        call_command("seed_demo", verbosity=0, stdout=io.StringIO())
        # What a test's transaction does with them: they wait for a commit that never comes.
        # (Django keeps them on the connection; pytest-django's on-commit capture reads them too.)
        callbacks = connection.run_on_commit[:]
        connection.run_on_commit[:] = []
    snapshots.save(SEEDED)
    outbox = getattr(mail, "outbox", [])
    sent = len(outbox)
    for _sids, func, _robust in callbacks:  # as Django runs them after a commit
        func()
    snapshots.mails = list(outbox[sent:])
    del outbox[sent:]
    snapshots.save(COMMITTED)


@pytest.fixture(scope="session")
def demo_snapshots(django_db_setup, django_db_blocker, tmp_path_factory) -> Snapshots:
    """This worker's demo, seeded once, and the base site put back."""
    with django_db_blocker.unblock():
        snapshots = Snapshots(tmp_path_factory.mktemp("demo_snapshots"))
        snapshots.save(BASE)
        _seed(snapshots)
        snapshots.load(BASE)
    return snapshots


@pytest.fixture
def demo(demo_snapshots, db) -> None:
    """The database as `seed_demo` leaves it (on top of the base site)."""
    if connection.in_atomic_block:  # a test rolled back at its end
        demo_snapshots.load(SEEDED)
    else:  # a transactional test: the seed's on-commit work has run, its e-mails were sent
        demo_snapshots.load(COMMITTED)
        if hasattr(mail, "outbox"):
            mail.outbox.extend(copy.copy(message) for message in demo_snapshots.mails)
