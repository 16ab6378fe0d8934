"""/learn/: the learner's own courses with due dates and progress, the most urgent first."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.dateformat import format as date_format
from helpers import soup

from courses.models import Enrolment


def card_titles(response) -> list[str]:
    return [h2.get_text(strip=True) for h2 in soup(response).select("li.card h2")]


def test_a_learner_without_courses_is_pointed_at_the_catalogue(learner_client):
    response = learner_client.get("/learn/")

    assert response.status_code == 200
    page = soup(response)
    assert "You have no courses yet." in page.get_text()
    assert page.find("a", href="/learn/catalogue/", string="Browse the catalogue")


def test_due_dates_and_days_left_are_shown(learner, learner_client, make_course):
    course = make_course(modules=1, title="Due soon", slug="due-soon")
    due = timezone.localdate() + timedelta(days=3)
    Enrolment.objects.create(user=learner, course=course, due_date=due)

    text = " ".join(soup(learner_client.get("/learn/")).get_text().split())

    assert f"Due {date_format(due, 'j M Y')}" in text
    assert "(3 days left)" in text


def test_overdue_courses_come_first_then_by_due_date_and_completed_last(
    learner, learner_client, make_course
):
    today = timezone.localdate()
    plans = [
        ("No due date", None, None),
        ("Due later", today + timedelta(days=30), None),
        ("Overdue", today - timedelta(days=2), None),
        ("Due sooner", today + timedelta(days=5), None),
        ("Finished", today - timedelta(days=9), timezone.now()),
    ]
    for title, due, completed_at in plans:
        course = make_course(modules=1, title=title, slug=title.lower().replace(" ", "-"))
        Enrolment.objects.create(
            user=learner, course=course, due_date=due, completed_at=completed_at
        )

    response = learner_client.get("/learn/")

    assert card_titles(response) == [
        "Overdue",
        "Due sooner",
        "Due later",
        "No due date",
        "Finished",
    ]
    text = " ".join(soup(response).get_text().split())
    assert f"Overdue: was due {date_format(today - timedelta(days=2), 'j M Y')}" in text
    assert text.count("Overdue: was due") == 1  # not the finished course, though past due


def test_enrolling_twice_keeps_one_enrolment(learner, learner_client, course):
    learner_client.post(f"/learn/enrol/{course.pk}/")
    learner_client.post(f"/learn/enrol/{course.pk}/")

    assert Enrolment.objects.filter(user=learner, course=course).count() == 1
    assert card_titles(learner_client.get("/learn/")) == [course.title]


def test_catalogue_offers_enrolment_for_courses_not_taken_yet(learner, learner_client, make_course):
    taken = make_course(modules=1, title="Taken", slug="taken")
    make_course(modules=1, title="Not taken", slug="not-taken")
    Enrolment.objects.create(user=learner, course=taken)

    page = soup(learner_client.get("/learn/catalogue/"))

    cards = {card.find("h2").get_text(strip=True): card for card in page.select("li.card")}
    assert cards["Not taken"].select_one("form button").get_text(strip=True).startswith("Enrol")
    assert cards["Taken"].find("form") is None
    assert cards["Taken"].select_one("a.button").get_text(strip=True).startswith("Start")
