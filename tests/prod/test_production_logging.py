"""Structured logs: one JSON object a line, with the request id from the proxy or a new one."""

from __future__ import annotations

import io
import json
import logging

from django.http import HttpResponse
from django.test import RequestFactory

from cms.logging import JsonFormatter, RequestIdMiddleware


def _capture(name: str = "tests.prod") -> tuple[logging.Logger, io.StringIO, logging.Handler]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger, stream, handler


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_log_line_is_json_with_its_extra_fields_and_exception():
    logger, stream, handler = _capture()
    try:
        try:
            raise OSError(28, "No space left on device")
        except OSError:
            logger.exception(
                "certificate PDF could not be stored", extra={"certificate": "ABCDE-12345"}
            )
    finally:
        logger.removeHandler(handler)

    [line] = _lines(stream)
    assert line["level"] == "ERROR"
    assert line["logger"] == "tests.prod"
    assert line["message"] == "certificate PDF could not be stored"
    assert line["certificate"] == "ABCDE-12345"
    assert line["exc_type"] == "OSError"
    assert "No space left on device" in line["exc"]
    assert line["time"].endswith("+00:00")


def test_non_ascii_and_odd_values_stay_readable():
    logger, stream, handler = _capture()
    try:
        logger.info("issued to %s", "प्रकाश कुलकर्णी", extra={"ids": (1, 2), "obj": object()})
    finally:
        logger.removeHandler(handler)

    [line] = _lines(stream)
    assert line["message"] == "issued to प्रकाश कुलकर्णी"
    assert line["ids"] == [1, 2]
    assert line["obj"].startswith("<object object")


def test_gunicorn_access_lines_carry_named_fields():
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        "",
        0,
        "%(h)s %(s)s",
        None,
        None,
    )
    record.args = {
        "h": "127.0.0.1",
        "m": "POST",
        "U": "/learn/x/",
        "s": "302",
        "D": "45120",
        "B": "0",
        "{x-request-id}o": "req-1",
    }

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "127.0.0.1 302"
    assert (line["method"], line["path"], line["status"]) == ("POST", "/learn/x/", 302)
    assert line["duration_ms"] == 45.1
    assert line["request_id"] == "req-1"


def test_every_line_logged_during_a_request_carries_its_id():
    logger, stream, handler = _capture()

    def view(request):
        logger.warning("inside the view")
        return HttpResponse("ok")

    middleware = RequestIdMiddleware(view)
    try:
        from_proxy = middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="abc-123"))
        made_up = middleware(RequestFactory().get("/"))
        forged = middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID='x"\n{"level":"INFO"}'))
        logger.warning("outside any request")
    finally:
        logger.removeHandler(handler)

    first, second, third, outside = _lines(stream)
    assert from_proxy["X-Request-ID"] == first["request_id"] == "abc-123"
    assert made_up["X-Request-ID"] == second["request_id"]
    assert len(second["request_id"]) == 32
    # A header that is not a plain id is replaced, never copied into the logs.
    assert forged["X-Request-ID"] == third["request_id"] != 'x"\n{"level":"INFO"}'
    assert "request_id" not in outside
