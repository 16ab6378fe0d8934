"""The scenario editor must open about as fast as a plain snippet editor, whatever the graph size.

Prints, for the role-play editor with a 4-node and a 40-node conversation (three choices a node,
each with points and a condition) against the certificate template editor (a plain snippet form,
the baseline): queries and median server time of GET (Django test client), then, in Chromium
against a live server, the median time until the page's load event (its script has drawn every
field by then) and the number of layouts the browser had to make. Ratios are to the baseline
measured in the same run. Uses a throwaway database; skips the browser part without Chromium.
"""

import os
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
# Playwright's sync API runs an event loop in this thread; the ORM calls stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from common import measure, with_test_database
from django.test import Client

SIZES = [4, 40]
CHOICES_PER_NODE = 3
BROWSER_RUNS = 7
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def conversation(length: int) -> list[dict]:
    """`length` choice nodes in a row, each choice with points and a condition, then an ending."""
    nodes = []
    for i in range(length):
        nxt = f"n{i + 1}" if i + 1 < length else "end"
        choices = [
            {
                "text": f"Answer {c} to the customer's line {i}.",
                "next_key": nxt,
                "feedback": "What this answer showed.",
                "reaction": "The customer's shoulders drop.",
                "mood": "1",
                "points": [
                    {"dimension": "empathy", "points": 1},
                    {"dimension": "ownership", "points": -1},
                ],
                "condition": {"dimension": "", "minimum": None},
            }
            for c in range(CHOICES_PER_NODE)
        ]
        value = {"key": f"n{i}", "speaker": "customer", "text": "Hello?", "choices": choices}
        nodes.append({"type": "choice", "value": value})
    ending = {"key": "end", "speaker": "customer", "text": "Bye", "outcome": "Done"}
    nodes.append({"type": "ending", "value": {**ending, "tone": "good", "debrief": "Debrief"}})
    return nodes


def build() -> tuple[object, dict[str, str]]:
    from assessments.models import Dimension
    from certificates.models import CertificateTemplate
    from people.models import User
    from people.roles import Role
    from people.services import user_set_roles
    from scenarios.models import Scenario

    for order, (slug, name) in enumerate([("empathy", "Empathy"), ("ownership", "Ownership")]):
        Dimension.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    coach = User.objects.create_user(email="coach@bench.example", full_name="Coach")
    user_set_roles(user=coach, roles=[Role.COACH])
    template = CertificateTemplate.objects.create(
        name="Bench", signatory_name="Meera Joshi", signatory_title="Coach"
    )
    snippets = "/admin/snippets"
    urls = {
        "certificate template": f"{snippets}/certificates/certificatetemplate/edit/{template.pk}/"
    }
    for size in SIZES:
        scenario = Scenario(
            title=f"Bench {size}",
            persona_name="Anil",
            persona_situation="His car is late.",
            start_key="n0",
            nodes=conversation(size),
        )
        scenario.save()
        scenario.save_revision().publish()
        urls[f"scenario, {size} nodes"] = f"{snippets}/scenarios/scenario/edit/{scenario.pk}/"
    return coach, urls


def browser_times(client: Client, urls: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Per page: (median ms to the load event, median layouts), in Chromium on a live server."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        print(f"(no Chromium at {CHROMIUM}: browser figures skipped)")
        return {}
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    # The in-memory test database is shared with the server thread, as LiveServerTestCase does.
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for conn in shared.values():
        conn.inc_thread_sharing()
    server = LiveServerThread("localhost", StaticFilesHandler, connections_override=shared)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://localhost:{server.port}"
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            cookie = client.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": base}])
            page = context.new_page()
            page.set_default_timeout(180_000)  # a slow editor is what this measures
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            for name, url in urls.items():
                page.goto(base + url, wait_until="load")  # warm: static files, templates
                times, layouts = [], []
                for _ in range(BROWSER_RUNS):
                    page.goto(base + url, wait_until="load")
                    times.append(
                        page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                    )
                    metrics = {
                        m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]
                    }
                    layouts.append(metrics["LayoutCount"])
                results[name] = (statistics.median(times), statistics.median(layouts))
            browser.close()
    finally:
        server.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()
    return results


def main() -> None:
    with_test_database(run)


def run() -> None:
    coach, urls = build()
    client = Client()
    client.force_login(coach)
    served = {name: measure(client, url) for name, url in urls.items()}
    shown = browser_times(client, urls)
    base = "certificate template"
    print(
        f"{'editor':<22}{'queries':>8}{'server ms':>11}{'ratio':>7}"
        f"{'browser ms':>12}{'ratio':>7}{'layouts':>9}"
    )
    for name in urls:
        queries, median = served[name]
        line = f"{name:<22}{queries:>8}{median * 1000:>11.1f}{median / served[base][1]:>7.2f}"
        if name in shown:
            load, layouts = shown[name]
            line += f"{load:>12.0f}{load / shown[base][0]:>7.2f}{layouts:>9.0f}"
        print(line)


if __name__ == "__main__":
    main()
