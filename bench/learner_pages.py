"""Learner pages must cost the same whatever the number of enrolments.

Prints, for /learn/ and a module step: queries and median time with N enrolments, and the ratio to
the 1-enrolment baseline measured in the same run. Uses a throwaway test database.
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

SIZES = [1, 50, 200]


def build(size: int):
    from cms.services import site_home_ensure
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from courses.services import enrolment_get_or_create, module_step_complete
    from people.models import Organisation, User

    home = site_home_ensure()
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
    org, _ = Organisation.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    user = User.objects.create_user(
        email=f"learner{size}@bench.example", password="x", full_name="Bench", organisation=org
    )
    steps = [
        {"type": "story", "value": {"heading": "Once", "body": "<p>Story</p>"}},
        {"type": "takeaways", "value": {"heading": "Takeaways", "items": ["One"]}},
    ]
    first_module = None
    for i in range(size):
        course = CoursePage(title=f"Course {size}-{i}", slug=f"c{size}-{i}", summary="S")
        index.add_child(instance=course)
        for j in range(3):
            module = ModulePage(
                title=f"M{j}", slug=f"m{j}", summary="S", source_title="Essay", steps=steps
            )
            course.add_child(instance=module)
            first_module = first_module or module
        enrolment = enrolment_get_or_create(user=user, course=course)
        module_step_complete(
            enrolment=enrolment, module=module, step_id=module.steps[0].id, reflection=None
        )
    return user, first_module


def main() -> None:
    with_test_database(run)


def run() -> None:
    results = {}
    for size in SIZES:
        user, module = build(size)
        client = Client()
        client.force_login(user)
        step_url = module.url + "step/1/"
        results[size] = {
            "/learn/": measure(client, "/learn/"),
            "step": measure(client, step_url),
        }
    base = results[SIZES[0]]
    print(f"{'page':<10}{'enrolments':>11}{'queries':>9}{'median ms':>11}{'time ratio':>12}")
    for page in ("/learn/", "step"):
        for size in SIZES:
            queries, median = results[size][page]
            ratio = median / base[page][1]
            print(f"{page:<10}{size:>11}{queries:>9}{median * 1000:>11.1f}{ratio:>12.2f}")


if __name__ == "__main__":
    main()
