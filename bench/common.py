"""What every benchmark shares: a throwaway test database and one page measured the same way."""

import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

RUNS = 15


def measure(client: Client, url: str, runs: int = RUNS) -> tuple[int, float]:
    """(queries, median seconds) of GET url, after one warm-up request."""
    client.get(url)  # warm caches (site root paths, templates)
    connection.queries_log.clear()  # a full log (maxlen 9000) would hide new queries
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    queries = len(ctx.captured_queries)  # read now: later requests reset the query log
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return queries, statistics.median(times)


def with_test_database(run: Callable[[], None]) -> None:
    """Run the benchmark against a fresh test database, destroyed afterwards."""
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
