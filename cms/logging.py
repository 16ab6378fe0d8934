"""Structured logs: one JSON object per line on stdout, for whatever collects container output.

`JsonFormatter` is a plain `logging.Formatter`, so any handler can use it. `RequestIdMiddleware`
tags every log line written while serving a request with that request's id (taken from the
proxy's `X-Request-ID` when it is a sane value, made up otherwise) and echoes it in the response,
so one learner's failing click can be followed from the proxy through gunicorn to the worker.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# Attributes every LogRecord has; anything else was passed in `extra=` and is worth keeping.
_STANDARD_ATTRS = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys() | {"message", "asctime", "taskName"}
)
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def _access_fields(atoms: dict[str, Any]) -> dict[str, Any]:
    """gunicorn's access-log atoms as named fields (its format string stays the message)."""
    fields: dict[str, Any] = {
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "status": _int_or_none(atoms.get("s")),
        "duration_ms": round((_int_or_none(atoms.get("D")) or 0) / 1000, 1),
        "bytes": _int_or_none(atoms.get("B")),
        "remote": atoms.get("h"),
    }
    request_id = atoms.get("{x-request-id}o") or atoms.get("{x-request-id}i")
    if request_id and request_id != "-":
        fields["request_id"] = request_id
    return fields


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", ...extra, "exc"}` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "") or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(_access_fields(record.args))
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and key not in entry and not key.startswith("_"):
                # Django puts the request object on some records; its path is what helps.
                if key == "request" and isinstance(value, HttpRequest):
                    entry["path"] = value.path
                    entry["method"] = value.method
                    continue
                entry[key] = _jsonable(value)
        if record.exc_info:
            entry["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
            entry["exc"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


class RequestIdMiddleware:
    """Bind a request id for the log lines of this request and return it as X-Request-ID."""

    header = "HTTP_X_REQUEST_ID"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get(self.header, "")
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


def logging_config(*, level: str = "INFO", json_lines: bool = True) -> dict[str, Any]:
    """The LOGGING setting: everything to stdout, as JSON lines in production."""
    formatter = "json" if json_lines else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "cms.logging.JsonFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": formatter,
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "INFO"},
            # Handled by the root logger; Django's own handler would also mail admins.
            "django": {"handlers": ["stdout"], "level": level, "propagate": False},
            "django.server": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
            # WeasyPrint narrates every render step at INFO; fontTools every subset.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            # Task start/finish lines at INFO: useful in production, one line per task.
            "django_tasks": {"level": level},
            "django_tasks_db": {"level": level},
            "gunicorn.error": {"level": level},
        },
    }
