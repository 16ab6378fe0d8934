"""Learner pages read in Marathi cost what they cost in English, plus one lookup per kind of
translated content (the module, its role-play, the lists' titles), whatever the course's size.

Seeds the demo (its Marathi translations included), then prints queries and median time of each
learner page for the demo learner in English and in Marathi, and the Marathi/English time ratio
measured in the same run.
"""

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from common import measure, with_test_database
from django.test import Client


def run() -> None:
    from django.core.management import call_command

    from courses.models import CoursePage, ModulePage
    from people.models import User

    call_command("seed_demo", stdout=io.StringIO())
    course = CoursePage.objects.originals().get()
    CoursePage.objects.filter(pk=course.pk).update(before_questionnaire=None)  # no detour
    module = ModulePage.objects.originals().get(slug="the-scratch-on-the-door")
    # A module that opens with its role-play, so the step can be opened straight away.
    roleplay_first = ModulePage.objects.originals().get(slug="the-menu-that-never-ends")
    urls = {
        "learn": "/learn/",
        "catalogue": "/learn/catalogue/",
        "course page": course.url,
        "module overview": module.url,
        "story step": f"{module.url}step/1/",
        "role-play step": f"{roleplay_first.url}step/1/",
    }
    learner = User.objects.get(email="learner@example.com")
    results = {}
    for language in ("en", "mr"):
        learner.language = language
        learner.save(update_fields=["language"])
        client = Client()
        client.force_login(learner)
        results[language] = {name: measure(client, url) for name, url in urls.items()}
    print(f"{'page':<16} {'en q':>5} {'mr q':>5} {'en ms':>7} {'mr ms':>7} {'mr/en':>6}")
    for name in urls:
        (en_q, en_t), (mr_q, mr_t) = results["en"][name], results["mr"][name]
        print(
            f"{name:<16} {en_q:>5} {mr_q:>5} {en_t * 1000:>7.1f} {mr_t * 1000:>7.1f} "
            f"{mr_t / en_t:>6.2f}"
        )


if __name__ == "__main__":
    with_test_database(run)
