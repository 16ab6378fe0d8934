"""A role-play step must cost the same whatever the graph size or the number of attempts.

Prints queries and median time of GET on a role-play step for graphs of 4 and 40 nodes, with 1
and 20 earlier attempts, halfway through the current attempt and at its result (the score, the
path beside the best path), and the time ratio to the smallest case measured in the same run.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from common import measure, with_test_database
from django.test import Client


def chain(length: int) -> list[dict]:
    """A linear conversation of `length` choice nodes ending in one ending."""
    nodes = []
    for i in range(length):
        nxt = f"n{i + 1}" if i + 1 < length else "end"
        choice = {
            "text": "Answer",
            "next_key": nxt,
            "feedback": "Feedback",
            "reaction": "Reaction",
            "mood": "1",
            "points": [{"dimension": "empathy", "points": 1}],
            "condition": {"dimension": "", "minimum": None},
        }
        nodes.append(
            {
                "type": "choice",
                "value": {"key": f"n{i}", "speaker": "customer", "text": "Hi", "choices": [choice]},
            }
        )
    ending = {"key": "end", "speaker": "customer", "text": "Bye", "outcome": "Done"}
    nodes.append({"type": "ending", "value": {**ending, "tone": "good", "debrief": "D"}})
    return nodes


def build(nodes: int, attempts: int, tag: str, *, finished: bool = False):
    from assessments.models import Dimension
    from cms.services import site_home_ensure
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from people.models import User
    from scenarios.models import Scenario
    from scenarios.services import attempt_answer, attempt_start

    Dimension.objects.get_or_create(slug="empathy", defaults={"name": "Empathy"})
    home = site_home_ensure()
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
    scenario = Scenario(
        title=tag, persona_name="Anil", persona_situation="S", start_key="n0", nodes=chain(nodes)
    )
    scenario.save()
    scenario.save_revision().publish()
    scenario.refresh_from_db()
    course = CoursePage(title=tag, slug=tag, summary="S")
    index.add_child(instance=course)
    module = ModulePage(
        title="M",
        slug="m",
        summary="S",
        source_title="E",
        steps=[{"type": "roleplay", "value": {"scenario": scenario.pk}}],
    )
    course.add_child(instance=module)
    step_id = module.steps[0].id
    user = User.objects.create_user(email=f"{tag}@bench.example", password="x", full_name="B")
    for _ in range(attempts):
        attempt = attempt_start(
            user=user, scenario=scenario, context_page_id=module.pk, context_step_id=step_id
        )
        for sequence in range(nodes):
            attempt_answer(
                attempt=attempt, sequence=sequence, node_key=f"n{sequence}", choice_index=0
            )
    # The current attempt: halfway through, or to its ending (the result).
    attempt = attempt_start(
        user=user, scenario=scenario, context_page_id=module.pk, context_step_id=step_id
    )
    for sequence in range(nodes if finished else nodes // 2):
        attempt_answer(attempt=attempt, sequence=sequence, node_key=f"n{sequence}", choice_index=0)
    return user, module.url + "step/1/"


def main() -> None:
    with_test_database(run)


def run() -> None:
    rows = []
    cases = [(n, a, False) for n, a in [(4, 1), (40, 1), (4, 20), (40, 20)]]
    cases += [(4, 1, True), (40, 1, True)]
    for nodes, attempts, finished in cases:
        tag = f"b{nodes}-{attempts}{'-done' if finished else ''}"
        user, url = build(nodes, attempts, tag, finished=finished)
        client = Client()
        client.force_login(user)
        rows.append((nodes, attempts, finished, *measure(client, url)))
    base = rows[0][4]
    print(
        f"{'nodes':>6}{'attempts':>10}{'page':>9}{'queries':>9}{'median ms':>11}{'time ratio':>12}"
    )
    for nodes, attempts, finished, queries, median in rows:
        page = "result" if finished else "turn"
        ratio = median / base
        print(f"{nodes:>6}{attempts:>10}{page:>9}{queries:>9}{median * 1000:>11.1f}{ratio:>12.2f}")


if __name__ == "__main__":
    main()
