"""The container files run exactly the scripts CI's smoke test runs.

No Docker engine runs on CI's machine, so the images are not built here (deploy/README.md says
how to check them). What can drift is checked instead: every command in deploy/compose.yaml and
deploy/Dockerfile is a deploy/bin script that exists, is executable and is run by deploy/stack.py
(the smoke test and the load bench), and the image's Python is the one the project requires.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def scripts_named_in(text: str) -> set[str]:
    return set(re.findall(r"deploy/bin/([a-z_]+)", text))


def test_compose_and_dockerfile_commands_are_the_scripts_ci_runs():
    compose = (DEPLOY / "compose.yaml").read_text()
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    stack = (DEPLOY / "stack.py").read_text()
    # stack.py runs scripts as BIN / "name" (processes) and self.run("name") (release steps).
    run_by_ci = set(re.findall(r'BIN / "([a-z_]+)"', stack)) | set(
        re.findall(r'self\.run\("([a-z_]+)"', stack)
    )

    in_containers = scripts_named_in(compose) | scripts_named_in(dockerfile)

    assert {"web", "worker", "migrate", "collectstatic", "healthcheck"} <= in_containers
    assert in_containers <= run_by_ci, in_containers - run_by_ci
    for name in in_containers:
        script = DEPLOY / "bin" / name
        assert script.is_file() and os.access(script, os.X_OK), script


def test_each_compose_service_runs_its_own_script():
    compose = (DEPLOY / "compose.yaml").read_text()
    services = dict(
        re.findall(
            r'^  ([a-z]+):\n(?:    .*\n)*?    command: \["deploy/bin/([a-z]+)"\]', compose, re.M
        )
    )

    assert services == {"migrate": "migrate", "web": "web", "worker": "worker"}
    for service in ("db", "redis"):
        assert re.search(rf"^  {service}:\n(?:    .*\n)*?    healthcheck:", compose, re.M)


def test_the_image_python_is_the_projects():
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    image = re.search(r"^FROM python:(\d+\.\d+)", (DEPLOY / "Dockerfile").read_text(), re.M)

    assert image is not None
    assert required == f">={image.group(1)}"


def test_the_image_leaves_out_what_must_not_ship():
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().split()

    for secret_or_bulk in (".venv", ".git", "db.sqlite3*", "media", "deploy/.env"):
        assert any(line.rstrip("/") == secret_or_bulk for line in ignored), secret_or_bulk
