"""seed_demo sets up the demo cohort and a written reply for the demo coach to review."""

from __future__ import annotations

from coaching_helpers import page
from django.core.management import call_command
from helpers import signed_in

from coaching.models import Cohort
from people.models import User
from scenarios.models import Attempt


def test_the_demo_coach_finds_the_demo_cohort_and_the_demo_learners_reply_twice_seeded(demo):
    call_command("seed_demo", verbosity=0)  # seeded again: idempotent: nobody or nothing twice

    cohort = Cohort.objects.get(name="Demo cohort")
    assert cohort.organisation.slug == "demo"
    assert [c.email for c in cohort.coaches.all()] == ["coach@example.com"]
    assert cohort.learners.count() == 11  # the demo learner and ten colleagues
    assert cohort.courses.get().title == "Customers, not targets"
    learner = User.objects.get(email="learner@example.com")
    assert Attempt.objects.filter(user=learner).count() == 1

    coach = signed_in(User.objects.get(email="coach@example.com"))
    home = coach.get("/coach/")
    assert "Demo cohort" in home.content.decode()
    queue = page(home).select(".queue__item")
    assert len(queue) == 1
    assert "प्रकाश कुलकर्णी" in queue[0].get_text()
    review = coach.get(queue[0].find("a")["href"])
    assert review.status_code == 200
    assert page(review).select("input[name=rating_ownership]")
