"""Steps the browser tests share."""

from __future__ import annotations

import time

from django.db import OperationalError


def answer_questionnaire_if_asked(page, value: int = 4, save: str = "Save my answers") -> bool:
    """The demo course asks its questionnaire before the first module: answer every statement."""
    if "/before/" not in page.url and "/after/" not in page.url:
        return False
    for fieldset in page.locator("fieldset.likert__item").all():
        fieldset.locator(f"input[type=radio][value='{value}']").check()
    page.get_by_role("button", name=save).click()
    return True


# Where signing in lands each demo person: at their role's work (people.adapter).
DEMO_LANDINGS = {"coach@example.com": "/coach/", "hr@example.com": "/hr/"}


def sign_in(page, email: str = "learner@example.com", password: str = "touchpoint-demo") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"**{DEMO_LANDINGS.get(email, '/learn/')}")


def sign_in_to_the_admin(page, email: str = "coach@example.com") -> None:
    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("touchpoint-demo")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")


def play_to_an_ending(page) -> None:
    """Answer the role-play (first offered choice, or a written reply) until it ends."""
    page.get_by_role("button", name="Start the conversation").click()
    for _turn in range(30):
        if page.get_by_role("button", name="Try the conversation again").count():
            return
        if page.locator("input[name=choice]").count():
            page.locator("input[name=choice]").first.check()
            page.get_by_role("button", name="Answer").click()
        else:
            page.locator("textarea[name=reply]").fill("I'm sorry. I will sort this out today.")
            page.get_by_role("button", name="Send reply").click()
    raise AssertionError("the role-play never reached an ending")


def answer_mirrored(page, value: int) -> None:
    """Answer as a consistent person: `value` on each statement, 6 - value on reverse-scored
    ones (so every attitude scores the same: 2 -> 25.0, 4 -> 75.0 on the demo's 5 points)."""
    from assessments.models import QuestionnaireItem

    reverse = set(
        QuestionnaireItem.objects.filter(reverse_scored=True).values_list("pk", flat=True)
    )
    for fieldset in page.locator("fieldset.likert__item").all():
        name = fieldset.locator("input[type=radio]").first.get_attribute("name")
        tick = 6 - value if int(name.removeprefix("item-")) in reverse else value
        fieldset.locator(f"input[type=radio][value='{tick}']").check()
    page.get_by_role("button", name="Save my answers").click()


def all_modules_done_but(slug: str):
    """The demo learner has done every module of the demo course but this one (by the service
    that records a finished module, as if they had taken them): that module is returned."""
    from courses.models import CoursePage, ModulePage
    from courses.services import enrolment_get_or_create, module_step_complete
    from people.models import User

    learner = User.objects.get(email="learner@example.com")
    course = CoursePage.objects.originals().get(slug="customers-not-targets")
    enrolment = enrolment_get_or_create(user=learner, course=course)
    remaining = None
    for module in ModulePage.objects.child_of(course).live().specific().order_by("path"):
        if module.slug == slug:
            remaining = module
            continue
        for step in module.steps:
            module_step_complete(enrolment=enrolment, module=module, step_id=step.id)
    return remaining


def take_module_to_the_end(page) -> None:
    """From a step of the module, answer each step (reflection, role-play) to its done page."""
    import re

    for _step in range(15):
        if page.get_by_role("button", name="Start the conversation").count():
            play_to_an_ending(page)
        if page.locator("textarea[name=answer]").count():
            page.locator("textarea[name=answer]").fill("At the till I look up and say hello.")
        page.get_by_role("button", name=re.compile(r"^(Next|Finish module)$")).click()
        page.wait_for_load_state()
        if page.get_by_role("heading", name=re.compile(r"^You completed")).count():
            return
    raise AssertionError("the module never reached its end")


def read_while_serving(read):
    """`read()`, again if needed: on SQLite the test and the live server share one in-memory
    database, whose tables lock for a moment while the server writes (an autosave)."""
    for _attempt in range(50):
        try:
            return read()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.1)
    raise AssertionError("the database stayed locked for 5 s")
