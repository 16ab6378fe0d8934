"""Monday 9:00: N learners at once against gunicorn + PostgreSQL + Redis + a worker.

    .venv/bin/python bench/learners.py [--learners 200] [--seconds 15] [--scale-learners 5000]

Builds its own stack (deploy/stack.py: a throwaway database on the local PostgreSQL, a cache
key prefix in the local Redis, the deploy/bin scripts on loopback ports; all removed at the end),
seeds the demo, adds N learners who have done every module of the demo course but the last, and
then, all learners concurrently:

1. sign in;
2. ceiling: load the smallest signed-in page (/healthz/session) for --seconds;
3. take the last module, role-play included, to the end (completing the course, so each gets a
   certificate rendered by the worker);
4. role-play steps: once the worker has rendered phase 3's certificates (so it is idle, as it
   was for the ceiling), play the module's role-play once more, to an ending (answer -> the page
   it leads to).

It prints role-play step throughput, p50/p95 latency and errors, and the ratio of step throughput
to the ceiling measured in the same run; then checks the database: every answer recorded once,
every completer has exactly one certificate (with its PDF, once the worker caught up), no
enrolment lost; and the queries per learner request before and after `seed_scale` grew the
database. Not a test: it prints figures, and exits non-zero only if a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

from learner import Browser, LearnerError, forms_in, sign_in, take_module
from stack import Stack

PASSWORD = "bench-learner-pass"

SETUP = """
import json
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from courses.models import CoursePage, Enrolment, ModulePage, ModuleProgress
from courses.selectors import module_step_url
from people.models import Organisation, User
from people.roles import Role

N = {n}
org = Organisation.objects.get(slug="demo")
course = CoursePage.objects.originals().get(title="Customers, not targets")
modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
last = modules[-1]
roleplay_number = next(i for i, s in enumerate(last.steps, start=1) if s.block_type == "roleplay")
password = make_password({password!r})
users = User.objects.bulk_create(
    [User(email=f"bench{{i}}@bench.example", full_name=f"Bench Learner {{i}}",
          organisation=org, password=password) for i in range(N)], batch_size=500)
learners = Group.objects.get(name=Role.LEARNER)
User.groups.through.objects.bulk_create(
    [User.groups.through(user_id=u.pk, group_id=learners.pk) for u in users], batch_size=500)
EmailAddress.objects.bulk_create(
    [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
    batch_size=500)
now = timezone.now()
enrolments = Enrolment.objects.bulk_create(
    [Enrolment(user=u, course=course, started_at=now) for u in users], batch_size=500)
ModuleProgress.objects.bulk_create(
    [ModuleProgress(enrolment=e, module=m, completed_step_ids=[b.id for b in m.steps],
                    completed_at=now)
     for e in enrolments for m in modules[:-1]], batch_size=2000)
print("@@" + json.dumps({{
    "emails": [u.email for u in users],
    "first_step": module_step_url(module=last, number=1, request=None),
    "roleplay_step": module_step_url(module=last, number=roleplay_number, request=None),
    "modules": len(modules),
}}))
"""

CHECKS = """
import json
from django.db.models import Count, Max
from certificates.models import Certificate
from courses.models import Enrolment
from scenarios.models import Attempt, AttemptStep
bench = {"user__email__endswith": "@bench.example"}
attempts = Attempt.objects.filter(**bench).annotate(n=Count("steps"), top=Max("steps__sequence"))
completers = Enrolment.objects.filter(**bench, completed_at__isnull=False)
per_user = Certificate.objects.filter(**bench, replaced_at__isnull=True).values("user").annotate(
    n=Count("id"))
print("@@" + json.dumps({
    "enrolments": Enrolment.objects.filter(**bench).count(),
    "steps": AttemptStep.objects.filter(attempt__user__email__endswith="@bench.example").count(),
    "attempts": attempts.count(),
    "gapless_attempts": sum(1 for a in attempts if a.n == a.step_count == (a.top or 0)),
    "completers": completers.count(),
    "certificates": Certificate.objects.filter(**bench).count(),
    "users_with_one_certificate": sum(1 for row in per_user if row["n"] == 1),
    "completers_with_certificate": completers.filter(
        user__certificates__replaced_at__isnull=True).distinct().count(),
    "rendered": Certificate.objects.filter(**bench).exclude(pdf="").count(),
}))
"""

QUERIES = """
import json
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from people.models import User
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(User.objects.get(email="bench0@bench.example"))
counts = {}
for label, url in URLS:
    client.get(url, secure=True)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, secure=True)
    assert response.status_code == 200, (url, response.status_code)
    counts[label] = len(ctx.captured_queries)
from django.db import connection as c
with c.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM people_user")
    users = cursor.fetchone()[0]
    cursor.execute("SELECT count(*) FROM courses_enrolment")
    enrolments = cursor.fetchone()[0]
print("@@" + json.dumps({"counts": counts, "users": users, "enrolments": enrolments}))
"""


def shell_json(stack: Stack, code: str):
    out = stack.shell(code)
    return json.loads(next(line for line in out.splitlines() if line.startswith("@@"))[2:])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Phase:
    """Run `work(i)` in one thread per learner; collect errors."""

    def __init__(self, name: str, count: int, work):
        self.name, self.count, self.work = name, count, work
        self.errors: list[str] = []
        self.seconds = 0.0

    def run(self) -> Phase:
        lock = threading.Lock()

        def target(i: int) -> None:
            try:
                self.work(i)
            except (LearnerError, OSError) as error:
                with lock:
                    self.errors.append(f"{type(error).__name__}: {error}")

        threads = [threading.Thread(target=target, args=(i,)) for i in range(self.count)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.seconds = time.perf_counter() - start
        return self


def play_roleplay(browser: Browser, url: str, out: list[float]) -> int:
    """Play the step's role-play once more, start to ending; one entry in `out` per answer."""
    steps = 0
    page = browser.get(url)
    for _ in range(100):
        forms = forms_in(page.text)
        choose = next((f for f in forms if f.button("roleplay", "choose")), None)
        reply = next((f for f in forms if f.button("roleplay", "reply")), None)
        if choose is not None or reply is not None:
            if choose is not None:
                data = [
                    *choose.fields,
                    ("choice", choose.radios["choice"][0]),
                    ("roleplay", "choose"),
                ]
            else:
                data = [
                    *reply.fields,
                    ("reply", "I hear you; I will fix it today."),
                    ("roleplay", "reply"),
                ]
            start = time.perf_counter()
            page = browser.post(page.url, data)
            out.append(time.perf_counter() - start)
            if page.status != 200 or "already recorded" in page.text:
                raise LearnerError(f"role-play answer: HTTP {page.status} at {page.url}")
            steps += 1
            continue
        if steps:
            return steps  # an ending again
        retry = next((f for f in forms if f.button("roleplay", "retry")), None)
        if retry is None:
            raise LearnerError(f"no role-play form at {page.url}")
        page = browser.post(page.url, [*retry.fields, ("roleplay", "retry")])
        if page.status != 200:
            raise LearnerError(f"role-play retry: HTTP {page.status}")
    raise LearnerError("the role-play did not end")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=15, help="length of phase 2")
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds a simulated browser waits for an answer"
    )
    parser.add_argument("--web-concurrency", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--workers", type=int, default=1, help="db_worker processes")
    parser.add_argument(
        "--scale-learners",
        type=int,
        default=5000,
        help="seed_scale size for the query-count check (0: skip)",
    )
    args = parser.parse_args()
    n = args.learners
    ok = True

    stack = Stack(
        "touchpoint_bench",
        web_concurrency=args.web_concurrency,
        extra_env={"WEB_ACCESS_LOG": "0", "LOG_LEVEL": "WARNING"},
    )
    try:
        t0 = time.perf_counter()
        stack.create()
        setup = shell_json(stack, SETUP.format(n=n, password=PASSWORD))
        web = stack.start_web("web")
        for i in range(args.workers):
            stack.start_worker(f"worker-{i + 1}")
        stack.wait_healthy(web)
        print(
            f"stack ready in {time.perf_counter() - t0:.0f}s: gunicorn x{args.web_concurrency} "
            f"sync workers, {args.workers} db_worker, PostgreSQL, Redis; {n} learners, "
            f"{os.cpu_count()} cores shared by server and load"
        )

        # Each learner its own client address in X-Forwarded-For (a header only: all traffic
        # stays on loopback), as the proxy reports it, so per-IP sign-in limits apply per person.
        browsers = [
            Browser(web.url, timeout=args.timeout, client_ip=f"127.1.{i // 250}.{i % 250 + 1}")
            for i in range(n)
        ]
        cpu0 = time.process_time()

        # 1. Everyone signs in at once.
        sign_ins: list[float] = []
        signed_in: set[int] = set()  # later phases count only these (errors once, not thrice)

        def do_sign_in(i: int) -> None:
            start = time.perf_counter()
            sign_in(browsers[i], setup["emails"][i], PASSWORD)
            sign_ins.append(time.perf_counter() - start)
            signed_in.add(i)

        phase1 = Phase("sign in", n, do_sign_in).run()

        # 2. The ceiling: the smallest signed-in page, same server, same clients.
        ping_latency: list[float] = []
        ping_errors = Counter()

        def ping(i: int) -> None:
            deadline = time.perf_counter() + args.seconds
            while time.perf_counter() < deadline:
                response = browsers[i].request("GET", "/healthz/session")
                if response.status != 200:
                    ping_errors[response.status] += 1
                    raise LearnerError(f"/healthz/session: HTTP {response.status}")
                ping_latency.append(response.seconds)

        phase2 = Phase("ceiling", n, lambda i: i in signed_in and ping(i)).run()
        ceiling = len(ping_latency) / phase2.seconds

        # 3. The module, to the end (the course completes: a certificate each).
        module_steps = Counter()
        module_step_seconds: list[float] = []

        def module(i: int) -> None:
            run = take_module(browsers[i], setup["first_step"])
            module_steps[i] = run.roleplay_steps
            module_step_seconds.extend(run.step_seconds)
            if not run.course_completed:
                raise LearnerError("the course did not complete")

        before_requests = sum(b.requests for b in browsers)
        phase3 = Phase("module", n, lambda i: i in signed_in and module(i)).run()
        module_requests = sum(b.requests for b in browsers) - before_requests

        # The worker renders the certificates of phase 3 on the same two cores. Phase 2 ran
        # with it idle, so phase 4 waits for it too: same conditions for both sides of the ratio
        # (in production the worker has its own cores, deploy/README.md).
        drain_start = time.perf_counter()
        while True:
            state = shell_json(stack, CHECKS)
            if (
                state["rendered"] >= state["certificates"]
                or time.perf_counter() - drain_start > 600
            ):
                break
            time.sleep(2)
        drain_seconds = time.perf_counter() - drain_start

        # 4. Role-play steps, steady state.
        step_seconds: list[float] = []
        replay_steps = Counter()

        def replay(i: int) -> None:
            replay_steps[i] = play_roleplay(browsers[i], setup["roleplay_step"], step_seconds)

        # Only learners who got this far replay (a failed sign-in is already counted).
        phase4 = Phase("role-play", n, lambda i: i in module_steps and replay(i)).run()
        steps_per_second = len(step_seconds) / phase4.seconds
        client_cpu = time.process_time() - cpu0

        errors = phase1.errors + phase2.errors + phase3.errors + phase4.errors
        print()
        print(f"{'phase':<34}{'seconds':>9}{'rate /s':>10}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
        rows = [
            ("1 sign in (GET form + POST)", phase1, len(sign_ins) / phase1.seconds, sign_ins),
            ("2 ceiling: GET /healthz/session", phase2, ceiling, ping_latency),
            (
                f"3 last module to the end ({setup['modules']}th)",
                phase3,
                n / phase3.seconds,
                module_step_seconds,
            ),
            ("4 role-play step (answer + page)", phase4, steps_per_second, step_seconds),
        ]
        for label, phase, rate, samples in rows:
            print(
                f"{label:<34}{phase.seconds:>9.1f}{rate:>10.1f}"
                f"{percentile(samples, 0.5) * 1000:>9.0f}{percentile(samples, 0.95) * 1000:>9.0f}"
                f"{len(phase.errors):>8}"
            )
        print(
            f"   phase 3: {module_requests} requests, {sum(module_steps.values())} role-play "
            f"answers, {n / phase3.seconds:.1f} modules completed per second"
        )
        print(
            f"   the worker had rendered phase 3's {state['certificates']} certificates "
            f"{drain_seconds:.0f}s after it ended; phase 4 started then"
        )
        ratio = steps_per_second / ceiling if ceiling else float("nan")
        print(
            f"\nrole-play steps {steps_per_second:.1f}/s vs ceiling {ceiling:.1f}/s: "
            f"ratio {ratio:.2f} (aim >= 0.50); a step is one answer POST plus the page it "
            f"redirects to (2 requests)"
        )
        print(f"per request: role-play {2 * steps_per_second / ceiling:.2f} of the ceiling")
        print(
            f"load generator CPU: {client_cpu:.0f}s of "
            f"{phase1.seconds + phase2.seconds + phase3.seconds + phase4.seconds:.0f}s "
            f"wall (it shares the {os.cpu_count()} cores)"
        )
        for error in errors[:10]:
            print(f"   error: {error}")
        ok &= not errors

        # --- The database after the run.
        expected_steps = sum(module_steps.values()) + sum(replay_steps.values())
        wait_start = time.perf_counter()
        while True:
            state = shell_json(stack, CHECKS)
            if state["rendered"] >= state["certificates"] or time.perf_counter() - wait_start > 600:
                break
            time.sleep(3)
        render_wait = time.perf_counter() - wait_start
        print("\nchecks")
        checks = [
            (f"enrolments: {state['enrolments']} of {n}", state["enrolments"] == n),
            (
                f"answers recorded: {state['steps']} (clients saw {expected_steps} accepted)",
                state["steps"] == expected_steps,
            ),
            (
                f"attempts with steps 1..n and no gap or duplicate: {state['gapless_attempts']} of "
                f"{state['attempts']}",
                state["gapless_attempts"] == state["attempts"],
            ),
            (f"completers: {state['completers']} of {n}", state["completers"] == n),
            (
                f"completers with a certificate: {state['completers_with_certificate']}; with "
                f"exactly one: {state['users_with_one_certificate']}; certificates in all: "
                f"{state['certificates']}",
                state["completers_with_certificate"]
                == state["users_with_one_certificate"]
                == state["certificates"]
                == state["completers"],
            ),
            (
                f"PDFs rendered by the worker: {state['rendered']} of {state['certificates']} "
                f"({render_wait:.0f}s after the load ended)",
                state["rendered"] == state["certificates"],
            ),
        ]
        for label, passed in checks:
            print(f"  {'ok  ' if passed else 'FAIL'} {label}")
            ok &= passed

        # --- Queries per learner request: the same before and after seed_scale.
        if args.scale_learners:
            urls = [
                ("/learn/", "/learn/"),
                ("module step 1", setup["first_step"]),
                ("role-play step", setup["roleplay_step"]),
                ("/certificates/", "/certificates/"),
            ]
            code = f"URLS = {urls!r}\n" + QUERIES
            small = shell_json(stack, code)
            t = time.perf_counter()
            stack.manage(
                "seed_scale", "--learners", str(args.scale_learners), "--courses", "5", "--force"
            )
            seeded = time.perf_counter() - t
            big = shell_json(stack, code)
            print(
                f"\nqueries per request: {small['users']} users / {small['enrolments']} "
                f"enrolments vs {big['users']} / {big['enrolments']} after seed_scale "
                f"({seeded:.0f}s)"
            )
            for label, _url in urls:
                a, b = small["counts"][label], big["counts"][label]
                print(f"  {'ok  ' if a == b else 'FAIL'} {label:<18}{a:>4} -> {b}")
                ok &= a == b
    finally:
        stack.close()
    print("\nall checks passed" if ok else "\nSOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
