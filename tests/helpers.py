"""Small helpers shared by the tests: URLs a learner visits, parsing responses."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.test import Client

from courses.models import ModulePage


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def modules_of(course) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


def step_url(module: ModulePage, number: int) -> str:
    return f"{module.url}step/{number}/"


def done_url(module: ModulePage) -> str:
    return f"{module.url}done/"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")
