"""The scenario editor must open about as fast as a plain snippet editor, whatever the graph size.

Prints, for the role-play editor with a 4-, 12- and 40-node conversation (three choices a node,
each with points and a condition; the demo scenarios have 10-20 nodes) against the certificate
template editor (a plain snippet form, the baseline): queries and median server time of GET
(Django test client), then, in Chromium against a live server, the time until the page's load
event (its script has drawn the editor by then) on the first open (a fresh browser profile: no
cached static files) and the median of later opens, and the number of layouts the browser made.
Each scenario is measured twice: as the editor draws it (a node's fields once it is opened) and,
for comparison, with every node's fields drawn as the page opens (Wagtail's StructBlock, as
before scenarios/static/scenarios/nodes.js). Ratios are to the baseline measured in the same run.
Uses a throwaway database; skips the browser part without Chromium.
"""

import os
import shutil
import statistics
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.append(str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
# Playwright's sync API runs an event loop in this thread; the ORM calls stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from common import measure, with_test_database
from django.test import Client
from factories import chain_conversation  # tests/factories.py: the same data as the tests

SIZES = [4, 12, 40]
CHOICES_PER_NODE = 3
BROWSER_RUNS = 7
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ALL_DRAWN = " (all drawn)"
LOAD_END = "performance.getEntriesByType('navigation')[0].loadEventEnd"


@contextmanager
def every_field_drawn():
    """Nodes drawn by Wagtail's own StructBlock definition: every field as the page opens."""
    from wagtail.admin.telepath import registry
    from wagtail.blocks.struct_block import StructBlockAdapter

    from scenarios.blocks import BaseNodeBlock

    lazy = registry.adapters[BaseNodeBlock]
    registry.adapters[BaseNodeBlock] = StructBlockAdapter()
    try:
        yield
    finally:
        registry.adapters[BaseNodeBlock] = lazy


def drawing(name: str):
    return every_field_drawn() if name.endswith(ALL_DRAWN) else nullcontext()


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
            nodes=chain_conversation(size, choices_per_node=CHOICES_PER_NODE),
        )
        scenario.save()
        scenario.save_revision().publish()
        url = f"{snippets}/scenarios/scenario/edit/{scenario.pk}/"
        urls[f"scenario, {size} nodes"] = url
        urls[f"scenario, {size} nodes{ALL_DRAWN}"] = url
    return coach, urls


def browser_times(client: Client, urls: dict[str, str]) -> dict[str, tuple[float, float, float]]:
    """Per page, in Chromium on a live server: browser_measure's figures."""
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
            cookie = client.cookies["sessionid"].value
            for name, url in urls.items():
                with drawing(name):
                    results[name] = browser_measure(browser, base, url, cookie)
            browser.close()
    finally:
        server.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()
    return results


def browser_measure(browser, base: str, url: str, cookie: str) -> tuple[float, float, float]:
    """(ms to the load event on the first open, median ms of later opens, median layouts)."""
    # A context per page: the first open fetches every static file afresh.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": cookie, "url": base}])
    page = context.new_page()
    page.set_default_timeout(180_000)  # a slow editor is what this measures
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(base + url, wait_until="load")
    first = page.evaluate(LOAD_END)
    times, layouts = [], []
    for _ in range(BROWSER_RUNS):
        page.goto(base + url, wait_until="load")
        times.append(page.evaluate(LOAD_END))
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        layouts.append(metrics["LayoutCount"])
    context.close()
    return first, statistics.median(times), statistics.median(layouts)


def main() -> None:
    with_test_database(run)


def run() -> None:
    coach, urls = build()
    client = Client()
    client.force_login(coach)
    served = {}
    for name, url in urls.items():
        with drawing(name):
            served[name] = measure(client, url)
    shown = browser_times(client, urls)
    base = "certificate template"
    print(
        f"{'editor':<34}{'queries':>8}{'server ms':>11}{'ratio':>7}"
        f"{'first ms':>10}{'ratio':>7}{'browser ms':>12}{'ratio':>7}{'layouts':>9}"
    )
    for name in urls:
        queries, median = served[name]
        line = f"{name:<34}{queries:>8}{median * 1000:>11.1f}{median / served[base][1]:>7.2f}"
        if name in shown:
            first, load, layouts = shown[name]
            line += f"{first:>10.0f}{first / shown[base][0]:>7.2f}"
            line += f"{load:>12.0f}{load / shown[base][1]:>7.2f}{layouts:>9.0f}"
        print(line)


if __name__ == "__main__":
    main()
