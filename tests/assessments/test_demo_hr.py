"""The demo shows HR why small teams are hidden, and figures that wait for five more people."""

from __future__ import annotations

from django.urls import reverse
from helpers import signed_in, soup

from courses.models import CoursePage
from people.models import User


def groups(client) -> dict[str, str]:
    """Each group's heading -> its counts line (before · after), as HR reads them."""
    page = soup(client.get(reverse("assessments:hr_attitudes")))
    return {
        section.h3.get_text(" ", strip=True): section.select_one("dl").get_text(" ", strip=True)
        for section in page.select("section.hr-group")
    }


def test_small_teams_are_hidden_and_one_more_answer_changes_nothing(demo):
    hr = signed_in(User.objects.get(email="hr@example.com"))

    seen = groups(hr)
    organisation = next(key for key in seen if "whole organisation" in key)
    assert "Before the course 10 respondents" in seen[organisation]
    assert "After the course 9 respondents" in seen[organisation]
    # Four in Customer support, six on the Store floor: showing the Store floor would give
    # Customer support away by subtraction, so neither team is shown.
    assert seen["Team Customer support"].count("Not enough responses") == 2
    assert seen["Team Store floor"].count("Not enough responses") == 2
    page = hr.get(reverse("assessments:hr_attitudes")).content.decode()
    assert "Anjali" not in page and "colleague1@example.com" not in page

    # The demo learner, the fifth of Customer support, answers the before questionnaire.
    learner = signed_in(User.objects.get(email="learner@example.com"))
    course = CoursePage.objects.originals().get(slug="customers-not-targets")
    items = course.before_questionnaire.items.order_by("sort_order", "pk")
    answered = learner.post(
        reverse("courses:questionnaire", args=[course.pk, "before"]),
        {f"item-{item.pk}": "3" for item in items},
    )
    assert answered.status_code == 302

    # One more person is exactly the differencing attack (11 * the new mean - 10 * the old one
    # would be the learner's answers; a team of five shown now, minus the organisation's earlier
    # figure, too): the figures wait until at least five people have changed, and say so.
    assert groups(hr) == seen
    page = hr.get(reverse("assessments:hr_attitudes")).content.decode()
    assert "Figures last updated" in page
    assert "Figures update only after at least 5 more people have answered" in page
