"""A simulated learner: a tiny browser (cookies, forms, redirects) that takes modules over HTTP.

Standard library only, so it drives any Touchpoint server: the smoke test (deploy/smoke.py) and
the load test (bench/learners.py) use it against gunicorn. It behaves like the site's forms
expect a person to: it signs in through allauth, answers questionnaires, plays role-plays to an
ending (first choice offered, or a written reply) and writes reflections, always submitting the
form the page shows, with its CSRF token.

Requests carry `X-Forwarded-Proto: https`, as from the TLS proxy in front of production, so the
production settings (secure cookies, HSTS, SSL redirect) are exercised unchanged.
"""

from __future__ import annotations

import http.client
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

REFLECTION_TEXT = (
    "I would listen first, say back what I heard, and tell the customer exactly what I will do "
    "next and by when. Then I would do it, and call back to check it worked for them. "
) * 2
REPLY_TEXT = "I am sorry this happened. Let me look at it now, and I will call you back by five."


class LearnerError(Exception):
    """The site did not behave as a learner expects (an error page, a loop, a missing form)."""


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    radios: dict[str, list[str]] = field(default_factory=dict)
    textareas: list[str] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)

    def button(self, name: str, value: str | None = None) -> bool:
        return any(n == name and (value is None or v == value) for n, v in self.buttons)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            kind, name = a.get("type", "text").lower(), a.get("name", "")
            if not name:
                return
            if kind == "radio":
                self._form.radios.setdefault(name, []).append(a.get("value", "on"))
            elif kind == "submit":
                self._form.buttons.append((name, a.get("value", "")))
            elif kind == "checkbox":
                if "checked" in a:
                    self._form.fields.append((name, a.get("value", "on")))
            else:
                self._form.fields.append((name, a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._form.textareas.append(a["name"])
        elif tag == "button" and a.get("name") and a.get("type", "submit") == "submit":
            self._form.buttons.append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def forms_in(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


@dataclass
class Response:
    status: int
    url: str
    headers: dict[str, str]
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """Cookies shared across instances on one host name, like a real browser's."""

    def __init__(self, base_url: str, *, timeout: float = 60.0, client_ip: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        # As the proxy would say it; each simulated learner is its own device.
        self.client_ip = client_ip
        self.cookies: dict[str, str] = {}
        self.timeout = timeout
        self.requests = 0

    def switch(self, base_url: str) -> None:
        """Continue on another web instance (same cookies: the load balancer sent us there)."""
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, path: str, data: list[tuple[str, str]] | None = None):
        url = urljoin(self.base_url + "/", path)
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        origin = f"https://{parts.netloc}"
        headers = {
            "Host": parts.netloc,
            "X-Forwarded-Proto": "https",
            "User-Agent": "touchpoint-simulated-learner",
            "Accept": "text/html",
        }
        if self.client_ip:
            headers["X-Forwarded-For"] = self.client_ip
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            body = urlencode(data or []).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = origin
            headers["Referer"] = origin + target
            if "csrftoken" in self.cookies:
                headers["X-CSRFToken"] = self.cookies["csrftoken"]
        self.requests += 1
        start = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        try:
            connection.request(method, target, body=body, headers=headers)
            raw = connection.getresponse()
            payload = raw.read()
            response_headers = {k.lower(): v for k, v in raw.getheaders()}
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    self._store_cookie(value)
        finally:
            connection.close()
        return Response(raw.status, url, response_headers, payload, time.perf_counter() - start)

    def _store_cookie(self, header: str) -> None:
        pair = header.split(";", 1)[0]
        name, _sep, value = pair.partition("=")
        name = name.strip()
        if re.search(r"(?i)max-age=0\b|expires=thu, 01 jan 1970", header):
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value.strip()

    def get(self, path: str) -> Response:
        return self.follow(self.request("GET", path))

    def post(self, path: str, data: list[tuple[str, str]]) -> Response:
        return self.follow(self.request("POST", path, data))

    def follow(self, response: Response, limit: int = 10) -> Response:
        for _ in range(limit):
            if response.status not in (301, 302, 303, 307, 308):
                return response
            location = response.headers.get("location", "")
            parts = urlsplit(location)
            if parts.scheme == "https":
                # Our own https redirects point back at this instance over the proxy's scheme.
                location = parts.path + (f"?{parts.query}" if parts.query else "")
            response = self.request("GET", urljoin(response.url, location))
        raise LearnerError(f"too many redirects from {response.url}")


def expect_ok(response: Response, what: str) -> Response:
    if response.status != 200:
        raise LearnerError(f"{what}: HTTP {response.status} at {response.url}")
    return response


def sign_in(browser: Browser, email: str, password: str) -> Response:
    page = expect_ok(browser.get("/accounts/login/"), "sign-in page")
    form = next((f for f in forms_in(page.text) if any(n == "password" for n, _ in f.fields)), None)
    if form is None:
        raise LearnerError("no sign-in form")
    data = [(n, v) for n, v in form.fields if n not in ("login", "password")]
    data += [("login", email), ("password", password)]
    response = browser.post(form.action or page.url, data)
    if "/accounts/login/" in urlsplit(response.url).path:
        raise LearnerError(f"sign-in refused for {email}")
    return expect_ok(response, "after sign-in")


@dataclass
class ModuleRun:
    """What one learner did in one module: role-play answers sent, every request's time."""

    roleplay_steps: int = 0
    step_seconds: list[float] = field(default_factory=list)
    course_completed: bool = False


def _submit(browser: Browser, page: Response, form: Form, data: list[tuple[str, str]]):
    return browser.post(urljoin(page.url, form.action) if form.action else page.url, data)


def take_module(browser: Browser, first_step_path: str, *, max_requests: int = 300) -> ModuleRun:
    """Go from the module's first step to its "done" page, answering whatever each step asks."""
    run = ModuleRun()
    page = expect_ok(browser.get(first_step_path), "module step")
    last_url, repeats, budget = "", 0, browser.requests + max_requests
    while not urlsplit(page.url).path.endswith("/done/"):
        if browser.requests >= budget:
            raise LearnerError(f"no end after {max_requests} requests at {page.url}")
        forms = forms_in(page.text)
        start = time.perf_counter()
        roleplay = False
        if form := next((f for f in forms if f.button("assessment")), None):
            data = [*form.fields]
            for name, values in form.radios.items():
                data.append((name, values[len(values) // 2]))
            data.append(("assessment", "submit"))
        elif form := next((f for f in forms if f.button("roleplay", "start")), None):
            data = [*form.fields, ("roleplay", "start")]
        elif form := next((f for f in forms if f.button("roleplay", "choose")), None):
            data = [*form.fields, ("choice", form.radios["choice"][0]), ("roleplay", "choose")]
            roleplay = True
        elif form := next((f for f in forms if f.button("roleplay", "reply")), None):
            data = [*form.fields, ("reply", REPLY_TEXT), ("roleplay", "reply")]
            roleplay = True
        elif form := next((f for f in forms if f.button("action", "next")), None):
            data = [*form.fields, *((name, REFLECTION_TEXT) for name in form.textareas)]
            data.append(("action", "next"))
        else:
            raise LearnerError(f"nothing to do at {page.url}")
        page = expect_ok(_submit(browser, page, form, data), "answer")
        if roleplay:
            run.roleplay_steps += 1
            run.step_seconds.append(time.perf_counter() - start)
            if "already recorded" in page.text:
                raise LearnerError("an answer was recorded twice or not at all")
        repeats = repeats + 1 if page.url == last_url and not roleplay else 0
        if repeats > 5:
            raise LearnerError(f"stuck at {page.url}")
        last_url = page.url
    # The done page of a course's last module links to the certificate.
    run.course_completed = 'href="/certificates/"' in page.text
    return run
