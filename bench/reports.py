"""HR completion exports and report pages at scale, against PostgreSQL's own COPY as the floor.

Prints, for the same rows in the same run:
- the CSV export (the real view, streamed through the test client) of 1,000,000 rows vs
  `COPY (the same SQL) TO STDOUT (FORMAT csv)` read through psycopg: time to the first byte,
  total time and peak Python memory (tracemalloc, in a second pass so it does not slow the
  timed one), and the same for 100,000 rows to show memory stays flat as rows grow;
- the completion report page: queries and median time at 10,000 vs 100,000 learners.

Needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/touchpoint_bench_reports
.venv/bin/python bench/reports.py [--learners 100000] [--small 10000] [--courses 20]
Builds a throwaway test database (test_<name>) and drops it afterwards.
"""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from common import measure, with_test_database
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

PER_LEARNER = 10  # report rows per learner: 100,000 learners give 1,000,000 rows


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--courses", type=int, default=20)
    parser.add_argument("--page-runs", type=int, default=5)
    return parser.parse_args()


def seed(slug: str, learners: int, courses: int):
    from cms.services import course_index_ensure
    from reports.scale import scale_seed

    started = time.perf_counter()
    result = scale_seed(
        learners=learners,
        courses=courses,
        slug=slug,
        per_learner=PER_LEARNER,
        certificates=True,
        course_index=course_index_ensure,
    )
    print(
        f"seeded {slug}: {result.learners} learners, {result.enrolments} rows, "
        f"{result.progress_rows} progress rows, {result.certificates} certificates "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return result


def hr_client(result) -> Client:
    from people.models import User

    client = Client()
    client.force_login(User.objects.get(email=result.hr_email))
    return client


def consume(make_chunks) -> tuple[int, float, float]:
    """(bytes, seconds to the first chunk, total seconds) of asking and reading every chunk."""
    started = time.perf_counter()
    first = None
    size = 0
    for chunk in make_chunks():
        if first is None:
            first = time.perf_counter() - started
        size += len(chunk)
    return size, first or 0.0, time.perf_counter() - started


def peak_memory(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def our_csv(client: Client):
    response = client.get(reverse("reports:export_csv"))
    assert response.status_code == 200 and response.streaming
    return response.streaming_content


def copy_sql(organisation) -> str:
    """The export's own statement, parameters bound as the database driver binds them."""
    from reports.filters import CompletionFilterSet
    from reports.selectors import completion_csv_values, completion_rows

    rows = completion_csv_values(
        completion_rows(filters=CompletionFilterSet(organisation=organisation))
    )
    sql, params = rows.query.sql_with_params()
    return connection.ops.compose_sql(sql, params)


def copy_chunks(sql: str):
    # The same session settings as our export, in a transaction like it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL datestyle = 'ISO, YMD'")
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv, HEADER)") as copy:
            yield from copy


def export_figures(result, label: str) -> dict:
    client = hr_client(result)
    sql = copy_sql(result.organisation)
    consume(lambda: our_csv(client))  # warm up: imports, templates, the session, the cache
    consume(lambda: copy_chunks(sql))
    ours = consume(lambda: our_csv(client))
    floor = consume(lambda: copy_chunks(sql))
    ours_memory = peak_memory(lambda: consume(lambda: our_csv(client)))
    floor_memory = peak_memory(lambda: consume(lambda: copy_chunks(sql)))
    return {
        "label": label,
        "rows": result.enrolments,
        "ours": ours,
        "floor": floor,
        "ours_memory": ours_memory,
        "floor_memory": floor_memory,
    }


def mb(value: float) -> str:
    return f"{value / 1_048_576:.1f} MB"


def run(args: argparse.Namespace) -> None:
    if connection.vendor != "postgresql":
        sys.exit("bench/reports.py compares with PostgreSQL's COPY: set DATABASE_URL=postgres://…")
    small = seed("bench-small", args.small, args.courses)
    large = seed("bench-large", args.learners, args.courses)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    print("\nCSV export: our streamed view vs COPY (same SQL) TO STDOUT")
    header = (
        f"{'rows':>10}{'':>3}{'first byte':>12}{'total s':>10}{'MB/s':>8}"
        f"{'peak mem':>11}{'time ratio':>12}{'mem ratio':>11}"
    )
    print(header)
    exports = [export_figures(small, "small"), export_figures(large, "large")]
    for figures in exports:
        for who in ("ours", "floor"):
            size, first, total = figures[who]
            memory = figures[f"{who}_memory"]
            ratio = figures["ours"][2] / figures["floor"][2]
            name = "ours" if who == "ours" else "COPY"
            print(
                f"{figures['rows']:>10} {name:<4}{first * 1000:>10.0f}ms{total:>10.2f}"
                f"{size / 1_048_576 / total:>8.1f}{mb(memory):>11}"
                + (
                    f"{ratio:>11.2f}x{figures['ours_memory'] / figures['floor_memory']:>10.1f}x"
                    if who == "ours"
                    else ""
                )
            )
    flat = exports[1]["ours_memory"] / exports[0]["ours_memory"]
    print(
        f"our peak memory, {exports[1]['rows']} vs {exports[0]['rows']} rows: {flat:.2f}x "
        "(flat is about 1)"
    )

    print("\nCompletion report page (/hr/report/): queries and median time")
    print(f"{'learners':>10}{'rows':>10}{'queries':>9}{'median ms':>11}{'time ratio':>12}")
    base = None
    for result in (small, large):
        queries, median = measure(
            hr_client(result), reverse("reports:completions"), runs=args.page_runs
        )
        base = base or median
        print(
            f"{result.learners:>10}{result.enrolments:>10}{queries:>9}"
            f"{median * 1000:>11.0f}{median / base:>11.2f}x"
        )
    print("\nDashboard (/hr/): queries and median time")
    base = None
    for result in (small, large):
        queries, median = measure(
            hr_client(result), reverse("reports:dashboard"), runs=args.page_runs
        )
        base = base or median
        print(
            f"{result.learners:>10}{result.enrolments:>10}{queries:>9}"
            f"{median * 1000:>11.0f}{median / base:>11.2f}x"
        )


def main() -> None:
    args = parse_args()
    with_test_database(lambda: run(args))


if __name__ == "__main__":
    main()
