"""Imports point one way down the chain of apps (README, "Code layout").

Reads every module of every app, imports inside functions included, and fails on any import of an
app higher in the chain than the importing one. A lower app that must tell a higher one something
sends a signal (courses.signals.course_completed) or returns a value the higher app acts on.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Highest first: an app may import the apps after it, never those before it.
CHAIN = [
    "cms",
    "coaching",
    "reports",
    "certificates",
    "courses",
    "scenarios",
    "assessments",
    "people",
]


def _modules() -> list[tuple[str, Path]]:
    found = []
    for app in CHAIN:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.append((".".join(parts), path))
    return found


def _imported(module: str, path: Path) -> list[tuple[int, str]]:
    """Every (line, dotted name) the module imports, relative imports resolved."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    names: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.append((node.lineno, target))
        elif (
            # importlib.import_module("app.module") is an import too
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append((node.lineno, node.args[0].value))
    return names


def _upward_imports() -> list[str]:
    wrong = []
    for module, path in _modules():
        own = CHAIN.index(module.split(".")[0])
        for line, target in _imported(module, path):
            top = target.split(".")[0]
            if top in CHAIN and CHAIN.index(top) < own:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    return wrong


def test_no_app_imports_an_app_above_it_in_the_chain():
    assert _upward_imports() == []


def test_the_check_reads_imports_inside_functions_and_relative_ones(tmp_path, monkeypatch):
    """The check itself finds an upward import hidden in a function or written relatively."""
    app = tmp_path / "people"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "hidden.py").write_text("def f():\n    from courses.models import CoursePage\n")
    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "__init__.py").write_text("")
    (tmp_path / "courses" / "sub.py").write_text("from ..coaching import views\n")
    for name in CHAIN:
        (tmp_path / name).mkdir(exist_ok=True)
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert _upward_imports() == [
        "courses/sub.py:1 imports coaching",
        "people/hidden.py:2 imports courses.models",
    ]


@pytest.mark.parametrize("app", CHAIN)
def test_every_app_in_the_chain_is_installed(app, settings):
    assert app in settings.INSTALLED_APPS
