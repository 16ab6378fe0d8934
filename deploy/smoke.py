"""CI's production smoke test: the deploy/bin commands on this machine's PostgreSQL and Redis.

    .venv/bin/python deploy/smoke.py

1. Release: collectstatic, migrate, seed_demo into a fresh database.
2. Two gunicorn instances (deploy/bin/web) on two loopback ports, two workers (deploy/bin/worker).
3. A learner signs in on one instance and continues on the other (shared sessions), module
   after module alternating instances, completes the course, and downloads the certificate a
   worker rendered.
4. Faults: a worker SIGKILLed while rendering (the task is recovered and finished once); the
   database refusing connections under load (clean 503s, then recovery without restarting
   anything); an unwritable media folder (clear error in the log, completion kept, PDF stored
   by the automatic retry once the folder is fixed).

Exits non-zero on the first failure; cleans up processes, database and cache keys either way.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learner import Browser, expect_ok, sign_in, take_module
from stack import ROOT, Process, Stack, _admin_sql

PASSWORD = "touchpoint-demo"
COURSE = "Customers, not targets"


class SmokeFailure(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)
    print(f"  ok  {message}")


def wait_for(what: str, predicate, timeout: float = 90, interval: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise SmokeFailure(f"timed out after {timeout}s waiting for {what}")


def db_json(stack: Stack, code: str):
    """Run `code` (which sets `result`) in a Django shell; return `result` as JSON data."""
    out = stack.shell(code + "\nimport json as _j; print('@@' + _j.dumps(result, default=str))")
    line = next(line for line in out.splitlines() if line.startswith("@@"))
    return json.loads(line[2:])


MODULES = f"""
from courses.models import CoursePage, ModulePage
from courses.selectors import module_step_url
course = CoursePage.objects.originals().get(title={COURSE!r})
result = [module_step_url(module=m, number=1, request=None)
          for m in ModulePage.objects.live_in([course])]
"""


def certificate_state(email: str) -> str:
    return f"""
from certificates.models import Certificate
from courses.models import Enrolment
from django_tasks_db.models import DBTaskResult
certs = list(Certificate.objects.filter(user__email={email!r}).values(
    "code", "pdf", "render_error", "render_attempts", "replaced_at"))
tasks = list(DBTaskResult.objects.filter(task_path__endswith="certificate_render").values(
    "status", "worker_ids", "args_kwargs"))
enrolment = Enrolment.objects.filter(user__email={email!r}).values("completed_at").first()
result = {{"certificates": certs, "tasks": tasks, "enrolment": enrolment,
          "running": DBTaskResult.objects.filter(status="RUNNING").count()}}
"""


def issue_for(email: str) -> str:
    """Complete the demo course for a demo colleague and issue, as a completion does."""
    return f"""
from django.utils import timezone
from certificates.services import certificate_issue
from courses.models import CoursePage, Enrolment
from people.models import User
user = User.objects.get(email={email!r})
course = CoursePage.objects.originals().get(title={COURSE!r})
Enrolment.objects.update_or_create(user=user, course=course,
                                   defaults={{"completed_at": timezone.now()}})
result = certificate_issue(user=user, course=course).code
"""


def log_lines(process: Process) -> list[dict]:
    lines = []
    for raw in process.log.read_text(errors="replace").splitlines():
        try:
            lines.append(json.loads(raw))
        except ValueError:
            continue
    return lines


# --- 1-3: two instances, shared sessions, a course completed, a certificate rendered ----------
def journey(stack: Stack, web_a: Process, web_b: Process) -> None:
    print("\n== A learner across two instances")
    browser = Browser(web_a.url)
    sign_in(browser, "learner@example.com", PASSWORD)
    check(True, f"signed in on instance A ({web_a.url})")
    browser.switch(web_b.url)
    page = expect_ok(browser.get("/learn/"), "my learning on B")
    check(
        "/accounts/login/" not in page.url and COURSE in page.text,
        "instance B knows the session: /learn/ shows the course",
    )
    modules = db_json(stack, MODULES)
    check(len(modules) > 1, f"the demo course has {len(modules)} modules")
    steps = 0
    for index, first_step in enumerate(modules):
        browser.switch(web_a.url if index % 2 == 0 else web_b.url)
        run = take_module(browser, first_step)
        steps += run.roleplay_steps
    check(run.course_completed, f"course completed ({steps} role-play answers, both instances)")
    state = wait_for(
        "the certificate PDF",
        lambda: (
            (s := db_json(stack, certificate_state("learner@example.com")))["certificates"]
            and s["certificates"][0]["pdf"]
            and s
        ),
    )
    certificates = state["certificates"]
    check(len(certificates) == 1, "exactly one certificate issued")
    done = [t for t in state["tasks"] if t["status"] == "SUCCESSFUL"]
    check(bool(done), f"rendered by a worker ({done[0]['worker_ids'][-1] if done else '-'})")
    code = certificates[0]["code"]
    check(len(list(stack.media.rglob(f"{code}*.pdf"))) == 1, "one PDF file stored")
    browser.switch(web_a.url)
    pdf = browser.get(f"/certificates/{certificates[0]['code']}/download/")
    check(
        pdf.status == 200 and pdf.body.startswith(b"%PDF"),
        f"the learner downloads it from instance A ({len(pdf.body)} bytes of PDF)",
    )


# --- 4a: a worker killed in the middle of a render --------------------------------------------
def worker_killed(stack: Stack, workers: list[Process]) -> list[Process]:
    print("\n== A worker killed while rendering")
    for worker in workers:
        worker.stop()  # graceful: finishes what it has, takes nothing new
    slow = stack.start_worker(
        "slow-worker",
        argv=[
            sys.executable,
            str(ROOT / "deploy" / "faults.py"),
            "slow-worker",
            "60",
            "--no-reload",
            "--queue-name",
            "*",
            "--no-startup-delay",
        ],
    )
    code = db_json(stack, issue_for("colleague1@example.com"))
    state = wait_for(
        "the render to start",
        lambda: (s := db_json(stack, certificate_state("colleague1@example.com")))["running"] and s,
    )
    slow.kill()
    time.sleep(1)
    state = db_json(stack, certificate_state("colleague1@example.com"))
    check(state["running"] == 1, "after SIGKILL the backend still says RUNNING (stuck by itself)")
    fresh = [stack.start_worker("worker-3"), stack.start_worker("worker-4")]
    state = wait_for(
        "the recovered render",
        lambda: (
            (s := db_json(stack, certificate_state("colleague1@example.com")))["certificates"]
            and s["certificates"][0]["pdf"]
            and s["running"] == 0
            and s
        ),
        timeout=120,
    )
    check(len(state["certificates"]) == 1, f"one certificate {code}")
    check(len(list(stack.media.rglob(f"{code}*.pdf"))) == 1, "its PDF stored once")
    rendered = [
        t for t in state["tasks"] if t["status"] == "SUCCESSFUL" and len(t["worker_ids"]) == 2
    ]
    check(len(rendered) == 1, "the task ran again on a second worker and succeeded")
    check(state["running"] == 0, "nothing left RUNNING")
    logs = [line for worker in fresh for line in log_lines(worker)]
    check(
        any(line.get("message", "").startswith("task requeued") for line in logs),
        "the recovery is in the worker's JSON log",
    )
    return fresh


# --- 4b: the database going away under load ---------------------------------------------------
def database_outage(stack: Stack, webs: list[Process], workers: list[Process]) -> None:
    print("\n== The database refusing connections under load")
    browsers = []
    for web in webs:
        browser = Browser(web.url, timeout=20)
        sign_in(browser, "hr@example.com", PASSWORD)
        browsers.append(browser)
    statuses: list[tuple[float, int]] = []
    stop = threading.Event()
    lock = threading.Lock()

    def hammer(browser: Browser) -> None:
        while not stop.is_set():
            try:
                status = browser.request("GET", "/learn/").status
            except OSError:
                status = 0  # no answer at all: what we must not see
            with lock:
                statuses.append((time.monotonic(), status))
            time.sleep(0.02)

    threads = [threading.Thread(target=hammer, args=(b,)) for b in browsers for _ in range(3)]
    pids = [web.popen.pid for web in webs]
    for thread in threads:
        thread.start()
    time.sleep(2)
    outage_start = time.monotonic()
    _admin_sql(f'ALTER DATABASE "{stack.name}" ALLOW_CONNECTIONS false')
    _admin_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{stack.name}' AND pid <> pg_backend_pid()"
    )
    time.sleep(4)
    _admin_sql(f'ALTER DATABASE "{stack.name}" ALLOW_CONNECTIONS true')
    outage_end = time.monotonic()
    time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join()
    during = Counter(s for t, s in statuses if outage_start + 0.5 < t < outage_end)
    after = [s for t, s in statuses if t > outage_end + 2]
    print(f"      during the outage: {dict(during)}; after: {dict(Counter(after))}")
    check(during and set(during) <= {200, 503}, "during the outage: clean 503s, never a hang")
    check(during.get(503, 0) > 0, "the outage was seen (503 Retry-After)")
    check(after and set(after) == {200}, "two seconds later every request is 200 again")
    check(all(web.alive() for web in webs), "no web instance restarted")
    check([web.popen.pid for web in webs] == pids, "same gunicorn masters")
    check(all(worker.alive() for worker in workers), "the workers rode it out")
    code = db_json(stack, issue_for("colleague2@example.com"))
    wait_for(
        "a render after the outage",
        lambda: db_json(stack, certificate_state("colleague2@example.com"))["certificates"][0][
            "pdf"
        ],
    )
    check(True, f"a worker rendered certificate {code} after the outage")


# --- 4c: media folder unwritable ---------------------------------------------------------------
def media_unwritable(stack: Stack, workers: list[Process]) -> None:
    print("\n== Media folder unwritable while storing a PDF")
    # Workers that retry pending certificates every 5 s instead of every 10 minutes.
    for worker in workers:
        worker.stop()
    workers = [
        stack.start_worker(f"retrying-worker-{n}", env={"TASKS_RETRY_INTERVAL": "5"})
        for n in (1, 2)
    ]
    folder = stack.media / "certificates"
    parked = stack.media / "certificates.parked"
    if folder.exists():
        folder.rename(parked)
    folder.write_text("not a folder: storing any certificate here fails\n")
    code = db_json(stack, issue_for("colleague3@example.com"))
    state = wait_for(
        "the failed render",
        lambda: (
            (s := db_json(stack, certificate_state("colleague3@example.com")))["certificates"][0][
                "render_error"
            ]
            and s
        ),
    )
    check(not state["certificates"][0]["pdf"], "no PDF stored")
    check(state["enrolment"]["completed_at"] is not None, "the completion is kept")
    errors = [
        line
        for worker in workers
        for line in log_lines(worker)
        if line.get("level") == "ERROR" and code in json.dumps(line)
    ]
    check(bool(errors), f"a clear error in the log: {errors[0]['message'] if errors else '-'}")
    folder.unlink()
    if parked.exists():
        parked.rename(folder)
    wait_for(
        "the automatic retry",
        lambda: db_json(stack, certificate_state("colleague3@example.com"))["certificates"][0][
            "pdf"
        ],
        timeout=120,
    )
    check(True, "the retry stored the PDF once the folder was writable again")


def main() -> int:
    started = time.monotonic()
    stack = Stack("touchpoint_smoke")
    try:
        print("== Release: collectstatic, migrate, seed_demo")
        stack.create()
        webs = [stack.start_web("web-a"), stack.start_web("web-b")]
        workers = [stack.start_worker("worker-1"), stack.start_worker("worker-2")]
        for web in webs:
            stack.wait_healthy(web)
        check(True, f"two web instances healthy on {webs[0].url} and {webs[1].url}")
        print(f"      ({time.monotonic() - started:.0f}s so far)")
        journey(stack, *webs)
        print(f"      ({time.monotonic() - started:.0f}s so far)")
        workers = worker_killed(stack, workers)
        print(f"      ({time.monotonic() - started:.0f}s so far)")
        database_outage(stack, webs, workers)
        print(f"      ({time.monotonic() - started:.0f}s so far)")
        media_unwritable(stack, workers)
    except Exception as error:
        print(f"\nSMOKE TEST FAILED: {error}", file=sys.stderr)
        for process in stack.processes:
            tail = process.log.read_text(errors="replace")[-1500:] if process.log.exists() else ""
            print(f"\n--- {process.name} (last lines)\n{tail}", file=sys.stderr)
        return 1
    finally:
        stack.close()
    print(f"\nSmoke test passed in {time.monotonic() - started:.0f}s.")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
