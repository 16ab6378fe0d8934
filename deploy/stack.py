"""The production stack on this machine, for the smoke test and the load test.

Runs the same deploy/bin scripts as deploy/compose.yaml (migrate, web, worker) against the local
PostgreSQL and Redis, in a database and a cache key prefix of its own, on free loopback ports.
Everything it starts (processes, database, cache keys, folders) is removed by `close()`, which
also runs at exit and on SIGTERM/SIGINT, so an interrupted run leaves nothing behind.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "deploy" / "bin"
PG_ADMIN_URL = os.environ.get("STACK_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self, sig: int = signal.SIGTERM, wait: float = 30) -> None:
        if not self.alive():
            return
        try:
            os.killpg(self.popen.pid, sig)  # its own process group: gunicorn's workers too
        except ProcessLookupError:
            return
        try:
            self.popen.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL, no goodbye: what the OOM killer or a lost host does."""
        self.stop(signal.SIGKILL, wait=10)


class Stack:
    def __init__(self, name: str, *, web_concurrency: int = 2, extra_env: dict | None = None):
        self.name = f"{name}_{os.getpid()}_{secrets.token_hex(3)}".lower()
        self.database_url = f"postgres://postgres@127.0.0.1:5432/{self.name}"
        self.dir = Path(tempfile.mkdtemp(prefix=f"{self.name}-"))
        self.media = self.dir / "media"
        self.media.mkdir()
        self.processes: list[Process] = []
        self._db_created = False
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Links in e-mails; the web instances listen on ports of their own.
            "TOUCHPOINT_BASE_URL": "http://localhost",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": self.name,
            "MEDIA_ROOT": str(self.media),
            "STATIC_ROOT": str(self.dir / "static"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "WEB_CONCURRENCY": str(web_concurrency),
            "DB_CONN_MAX_AGE": "600",
            "PYTHONPATH": str(ROOT),
            **(extra_env or {}),
        }
        self.env.pop("DEBUG", None)
        atexit.register(self.close)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)

    def _on_signal(self, signum, frame) -> None:
        self.close()
        sys.exit(128 + signum)

    # --- set-up -------------------------------------------------------------------------
    def create(self, *, seed: bool = True) -> None:
        _admin_sql(f'CREATE DATABASE "{self.name}"')
        self._db_created = True
        self.run("collectstatic")
        self.run("migrate")
        if seed:
            self.manage("seed_demo", "--force")

    def run(self, script: str, *args: str) -> None:
        """One of deploy/bin's scripts, to completion (the release steps)."""
        self._check_call([str(BIN / script), *args], f"deploy/bin/{script}")

    def manage(self, *args: str, input: str | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def shell(self, code: str) -> str:
        """Python run in a Django shell against this stack's database; returns its stdout."""
        return self.manage("shell", "--no-imports", "-c", code)

    def _check_call(self, argv: list[str], what: str) -> None:
        result = subprocess.run(argv, cwd=ROOT, env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{what} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")

    # --- processes ----------------------------------------------------------------------
    def _start(self, name: str, argv: list[str], env: dict, port: int | None = None) -> Process:
        log = self.dir / f"{name}.log"
        popen = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as one
        )
        process = Process(name, popen, log, port)
        self.processes.append(process)
        return process

    def start_web(self, name: str = "web") -> Process:
        port = free_port()
        env = {**self.env, "PORT": str(port), "WEB_BIND": f"127.0.0.1:{port}"}
        return self._start(name, [str(BIN / "web")], env, port)

    def start_worker(
        self, name: str = "worker", *, argv: list[str] | None = None, env: dict | None = None
    ) -> Process:
        return self._start(name, argv or [str(BIN / "worker")], {**self.env, **(env or {})})

    def wait_healthy(self, process: Process, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(
            f"{process.url}/healthz", headers={"X-Forwarded-Proto": "https"}
        )
        while time.monotonic() < deadline:
            if not process.alive():
                raise RuntimeError(f"{process.name} exited:\n{process.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            raise RuntimeError(f"{process.name} not healthy in {timeout}s")
        # The container's HEALTHCHECK (deploy/Dockerfile) must agree: run the script itself.
        env = {**self.env, "HEALTHCHECK_URL": f"{process.url}/healthz"}
        result = subprocess.run([str(BIN / "healthcheck")], cwd=ROOT, env=env, capture_output=True)
        if result.returncode != 0:
            raise RuntimeError(f"deploy/bin/healthcheck failed: {result.stderr[-2000:]!r}")

    # --- tear-down ----------------------------------------------------------------------
    def close(self) -> None:
        for process in reversed(self.processes):
            try:
                process.stop(wait=20)
            except Exception as error:  # keep cleaning up the rest
                print(f"stopping {process.name}: {error}", file=sys.stderr)
        self.processes = []
        if self._db_created:
            try:
                _admin_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            except Exception as error:
                print(f"dropping {self.name}: {error}", file=sys.stderr)
            self._db_created = False
        try:
            import redis

            client = redis.Redis.from_url(REDIS_URL)
            for key in client.scan_iter(f"{self.name}:*", count=1000):
                client.delete(key)
        except Exception as error:
            print(f"cleaning cache keys: {error}", file=sys.stderr)
        if os.environ.get("STACK_KEEP_LOGS"):
            print(f"logs kept in {self.dir}", file=sys.stderr)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
