"""The demo coach opens the live preview panel in the page editor and the snippet editor: the
admin's iframe shows the module and the role-play (the site's framing rules let the admin, and
only the admin, frame its previews)."""

from __future__ import annotations

import pytest
from e2e_helpers import sign_in_to_the_admin

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(demo, live_server):
    """The demo (seeded once per session), served by the live server."""


def open_preview(page, edit_url: str):
    """Open the editor and its preview panel; the preview's frame, once it has loaded."""
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "frame" in message.text.lower() else None,
    )
    page.goto(edit_url)
    page.get_by_role("button", name="Toggle preview").click()
    iframe = page.locator("iframe#w-preview-iframe")
    iframe.wait_for(state="visible")
    return page.frame_locator("iframe#w-preview-iframe"), refused


def test_the_module_editor_previews_the_module(demo, page):
    from courses.models import ModulePage

    module = ModulePage.objects.live().originals().order_by("path").first()
    sign_in_to_the_admin(page)

    frame, refused = open_preview(page, f"/admin/pages/{module.pk}/edit/")

    heading = frame.get_by_role("heading", name=module.title, exact=True).first
    heading.wait_for(timeout=30_000)
    assert heading.is_visible()
    assert "Step 1 of" in frame.locator("body").inner_text()
    assert refused == []


def test_the_role_play_editor_previews_the_scenario(demo, page):
    from scenarios.models import Scenario

    scenario = Scenario.objects.order_by("title").first()
    sign_in_to_the_admin(page)

    frame, refused = open_preview(page, f"/admin/snippets/scenarios/scenario/edit/{scenario.pk}/")

    frame.get_by_text(scenario.persona_name).first.wait_for(timeout=30_000)
    body = frame.locator("body").inner_text()
    assert scenario.title in body
    assert frame.locator("svg").count() >= 1  # the diagram
    assert refused == []
