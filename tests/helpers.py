"""Small helpers shared by the tests: URLs a learner visits, parsing responses."""

from __future__ import annotations

import time

from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.models import ModulePage, ModuleProgress


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries_to_get(client: Client, url: str) -> int:
    """How many queries one GET of `url` runs (it must answer 200)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def modules_of(course) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


def modules_completed(enrolment, modules, *, at) -> None:
    """Every step of these modules done, and the modules completed at `at`."""
    ModuleProgress.objects.bulk_create(
        ModuleProgress(
            enrolment=enrolment,
            module=module,
            completed_step_ids=[block.id for block in module.steps],
            completed_at=at,
        )
        for module in modules
    )


def step_url(module: ModulePage, number: int) -> str:
    return f"{module.url}step/{number}/"


def done_url(module: ModulePage) -> str:
    return f"{module.url}done/"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def form_data(response, field_name: str) -> dict[str, list[str]]:
    """What a browser would submit from the form that holds `field_name`, unchanged."""
    form = soup(response).find(attrs={"name": field_name}).find_parent("form")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = field.get("type", "text")
        if not name or kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            values = [field.get_text()]
        elif field.name == "select":
            values = [o.get("value", o.get_text()) for o in field.find_all("option", selected=True)]
        else:
            values = [field.get("value", "on" if kind == "checkbox" else "")]
        data.setdefault(name, []).extend(values)
    return data


REFLECTION_ANSWER = "I kept a caller on hold while I finished an e-mail."


def take_module(client: Client, module: ModulePage, answer: str = REFLECTION_ANSWER):
    """Go through every step of a module with Next, answering reflections, as a learner does."""
    response = None
    for number, block in enumerate(module.steps, start=1):
        data = {"answer": answer} if block.block_type == "reflection" else {}
        assert client.get(step_url(module, number)).status_code == 200
        response = client.post(step_url(module, number), {"action": "next", **data})
        assert response.status_code == 302, (number, response.content.decode()[:2000])
    return response


def complete_course(client: Client, course) -> None:
    """Take every module of a course (modules of plain steps: story, reflection, takeaways)."""
    for module in modules_of(course):
        take_module(client, module)


def totp_code(secret: str, *, offset: int = 0) -> str:
    """The code an authenticator app shows now for this secret (allauth's own algorithm)."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if offset == 0 and time.time() % 30 > 24:
        # As a person would, wait for a fresh code: one read in the last seconds of its 30 s
        # is stale by the time the server checks it (allauth allows no tolerance).
        time.sleep(30 - time.time() % 30 + 0.1)
    counter = int(time.time()) // 30 + offset
    return format_hotp_value(hotp_value(secret, counter))
