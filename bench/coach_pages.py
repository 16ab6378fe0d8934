"""Coach pages must cost the same whatever the number of cohorts, learners and waiting replies.

Prints, for the coach's home (/coach/) and a cohort page: queries and median time for a coach of
1 learner (baseline) and of N learners (spread over cohorts, each with a written reply waiting and
a question), with the ratio to the baseline measured in the same run. Uses a throwaway database.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from common import measure, with_test_database
from django.test import Client

SIZES = [1, 40, 200]
LEARNERS_PER_COHORT = 20
NODES = [
    {
        "type": "free_text",
        "value": {
            "key": "a",
            "speaker": "customer",
            "text": "Hello?",
            "prompt": "Reply",
            "exemplar": "Hi",
            "rubric": ["empathy"],
            "next_key": "b",
        },
    },
    {
        "type": "ending",
        "value": {
            "key": "b",
            "speaker": "customer",
            "text": "Bye",
            "outcome": "Fine",
            "tone": "good",
            "debrief": "Ok",
        },
    },
]


def build(size: int):
    from django.utils import timezone

    from assessments.models import Dimension
    from cms.services import site_home_ensure
    from coaching.models import Question
    from coaching.services import cohort_create
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from people.models import Organisation, User
    from people.roles import Role
    from people.services import user_set_roles
    from scenarios.models import Scenario
    from scenarios.services import attempt_answer, attempt_start

    Dimension.objects.get_or_create(slug="empathy", defaults={"name": "Empathy"})
    home = site_home_ensure()
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
    org, _ = Organisation.objects.get_or_create(slug=f"bench{size}", defaults={"name": f"B{size}"})
    scenario = Scenario(
        title=f"S{size}", persona_name="P", persona_situation="S", start_key="a", nodes=NODES
    )
    scenario.save()
    scenario.save_revision().publish()
    scenario.refresh_from_db()
    course = CoursePage(title=f"Course {size}", slug=f"course-{size}", summary="S")
    index.add_child(instance=course)
    module = ModulePage(
        title="M",
        slug="m",
        summary="S",
        source_title="Essay",
        steps=[{"type": "roleplay", "value": {"scenario": scenario.pk}}],
    )
    course.add_child(instance=module)
    coach = User.objects.create_user(email=f"coach{size}@bench.example", full_name="Coach")
    user_set_roles(user=coach, roles=[Role.COACH])
    today = timezone.localdate()
    learners = []
    for n in range(size):
        learner = User.objects.create_user(
            email=f"l{size}-{n}@bench.example", full_name=f"Learner {n}", organisation=org
        )
        learners.append(learner)
        attempt = attempt_start(
            user=learner,
            scenario=scenario,
            context_page_id=module.pk,
            context_step_id=module.steps[0].id,
        )
        attempt_answer(attempt=attempt, sequence=0, node_key="a", reply=f"Reply {n}")
    cohorts = []
    for start in range(0, size, LEARNERS_PER_COHORT):
        cohort = cohort_create(
            name=f"Cohort {start}",
            organisation=org,
            starts_on=today - timedelta(days=7),
            ends_on=today + timedelta(days=30),
            coaches=[coach],
            learners=learners[start : start + LEARNERS_PER_COHORT],
            courses=[course],
        )
        cohorts.append(cohort)
        for learner in learners[start : start + LEARNERS_PER_COHORT]:
            Question.objects.create(learner=learner, cohort=cohort, text="Why?")
    return coach, cohorts[-1]


def main() -> None:
    with_test_database(run)


def run() -> None:
    results = {}
    for size in SIZES:
        coach, cohort = build(size)
        client = Client()
        client.force_login(coach)
        results[size] = {
            "/coach/": measure(client, "/coach/"),
            "cohort": measure(client, f"/coach/cohorts/{cohort.pk}/"),
        }
    base = results[SIZES[0]]
    print(f"{'page':<10}{'learners':>9}{'queries':>9}{'median ms':>11}{'time ratio':>12}")
    for page in ("/coach/", "cohort"):
        for size in SIZES:
            queries, median = results[size][page]
            ratio = median / base[page][1]
            print(f"{page:<10}{size:>9}{queries:>9}{median * 1000:>11.1f}{ratio:>12.2f}")


if __name__ == "__main__":
    main()
