"""The coach's queue of written replies and questions, oldest first; reviewing a reply."""

from __future__ import annotations

from datetime import timedelta

import pytest
from coaching_helpers import REPLY, page, review_data, text_of, write_reply
from django.core import mail
from django.utils import timezone
from factories import UserFactory
from helpers import signed_in

from coaching.models import Notification, Question, Review
from scenarios.models import AttemptStep


def queue_items(client) -> list[str]:
    response = client.get("/coach/")
    assert response.status_code == 200
    return [" ".join(li.get_text(" ").split()) for li in page(response).select(".queue__item")]


def age(obj, days: int) -> None:
    type(obj).objects.filter(pk=obj.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_the_queue_holds_my_learners_written_replies_and_questions_oldest_first(
    cohort, coach_client, learner, module, scenario, org_a, learner_b, cohort_b
):
    second = UserFactory(organisation=org_a, email="bea@acme.example", full_name="Bea Second")
    cohort.learners.add(second)
    newest = write_reply(learner, module, scenario, "Newest reply from Asha.")
    oldest = write_reply(second, module, scenario, "Oldest reply from Bea.")
    question = Question.objects.create(
        learner=learner, cohort=cohort, module=module, text="Middle question from Asha?"
    )
    age(oldest, 3)
    age(question, 2)
    age(newest, 1)
    write_reply(learner_b, module, scenario, "A reply from Bolt, not my learner.")

    items = queue_items(coach_client)

    assert len(items) == 3
    assert "Oldest reply from Bea." in items[0] and "waiting 3 days" in items[0]
    assert "Middle question from Asha?" in items[1]
    assert "Newest reply from Asha." in items[2]
    assert "3 items wait" in text_of(coach_client.get("/coach/"))
    assert all("Bolt" not in item for item in items)


def test_choices_are_not_queued_and_a_reviewed_reply_leaves_the_queue(
    cohort, coach_client, learner, module, scenario
):
    step = write_reply(learner, module, scenario)
    assert AttemptStep.objects.filter(attempt__user=learner).count() == 4  # 3 choices, 1 reply
    assert len(queue_items(coach_client)) == 1
    assert "just in" in queue_items(coach_client)[0]  # not "waiting 0 minutes"

    response = coach_client.post(
        f"/coach/reviews/{step.pk}/", review_data("Good promise.", empathy=4)
    )

    assert response.status_code == 302
    assert queue_items(coach_client) == []
    assert "Nothing is waiting" in text_of(coach_client.get("/coach/"))


def test_the_review_page_shows_the_answer_in_its_conversation_with_the_rubric(
    cohort, coach_client, learner, module, scenario
):
    import play_helpers as ph

    step = write_reply(learner, module, scenario)

    response = coach_client.get(f"/coach/reviews/{step.pk}/")

    assert response.status_code == 200
    body = text_of(response)
    # The customer's lines before the reply and the learner's earlier choices: the context.
    assert body.index(ph.OPENING_LINE) < body.index(ph.KIND_ANSWER) < body.index(ph.WRITE_LINE)
    assert body.index(ph.WRITE_LINE) < body.index(REPLY)
    assert ph.WRITE_PROMPT in body
    assert ph.EXEMPLAR in body
    focus = page(response).select_one(".transcript__focus")
    assert REPLY in focus.get_text()
    # The node's rubric (empathy) is what the coach rates, 1 to 5.
    radios = page(response).select("input[name=rating_empathy]")
    assert [r["value"] for r in radios] == ["1", "2", "3", "4", "5"]
    assert not page(response).select("input[name=rating_ownership]")


def test_reviewing_notifies_the_learner_on_the_site_and_by_email(
    cohort, coach_client, learner, module, scenario, django_capture_on_commit_callbacks
):
    step = write_reply(learner, module, scenario)

    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            f"/coach/reviews/{step.pk}/",
            review_data("You **named a time**. Next: say *why* it was late.", empathy=4),
        )

    assert response.status_code == 302
    review = Review.objects.get(step=step)
    assert review.ratings == {"empathy": 4}
    assert review.coach.email == "zoe@coach.example"
    notification = Notification.objects.get(recipient=learner)
    assert notification.kind == Notification.FEEDBACK
    assert notification.url == f"/learn/attempts/{step.attempt_id}/#answer-{step.pk}"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [learner.email]
    assert "The late parcel" in email.subject
    assert "/coach/notifications/" not in email.body  # links straight to the answer
    assert notification.url in email.body
    assert "named a time" not in email.body  # the e-mail says where to look, not what was said
    notification.refresh_from_db()
    assert notification.emailed_at is not None

    learner_client = signed_in(learner)
    home = learner_client.get("/learn/")
    nav = page(home).select_one(".site-nav")
    assert "My coach 1" in " ".join(nav.get_text(" ").split())

    attempt_page = learner_client.get(notification.url)
    answer = page(attempt_page).select_one(f"#answer-{step.pk}")
    feedback = answer.find_next_sibling("aside", class_="coach-feedback")
    assert feedback is not None, "the feedback sits right beside the answer"
    assert "<strong>named a time</strong>" in str(feedback)
    assert "Empathy" in feedback.get_text()
    assert "4 – good" in feedback.get_text()

    opened = learner_client.get(f"/coach/notifications/{notification.pk}/")
    assert opened.status_code == 302
    assert opened["Location"] == notification.url
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "My coach 1" not in " ".join(page(learner_client.get("/learn/")).get_text(" ").split())


def test_a_correction_updates_the_feedback_without_notifying_again(
    cohort, coach_client, learner, module, scenario, django_capture_on_commit_callbacks
):
    step = write_reply(learner, module, scenario)
    with django_capture_on_commit_callbacks(execute=True):
        coach_client.post(f"/coach/reviews/{step.pk}/", review_data("First.", empathy=2))
        coach_client.post(f"/coach/reviews/{step.pk}/", review_data("Corrected.", empathy=3))

    review = Review.objects.get(step=step)
    assert (review.feedback, review.ratings) == ("Corrected.", {"empathy": 3})
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert len(mail.outbox) == 1


def test_a_rubric_dimension_left_unrated_saves_nothing(
    cohort, coach_client, learner, module, scenario
):
    step = write_reply(learner, module, scenario)

    response = coach_client.post(f"/coach/reviews/{step.pk}/", review_data("No rating given."))

    assert response.status_code == 200
    assert "This field is required." in text_of(response)
    assert not Review.objects.exists()
    assert not Notification.objects.exists()


def test_preview_shows_the_sanitised_feedback_and_saves_nothing(
    cohort, coach_client, learner, module, scenario
):
    step = write_reply(learner, module, scenario)
    data = review_data("*Nice* <script>alert(1)</script>", empathy=5)
    data.pop("send")
    data["preview"] = "1"

    response = coach_client.post(f"/coach/reviews/{step.pk}/", data)

    assert response.status_code == 200
    preview = page(response).select_one(".coach-feedback .markdown")
    assert "<em>Nice</em>" in str(preview)
    assert preview.find("script") is None
    assert not Review.objects.exists()


def test_coach_ratings_join_the_learners_attitude_profile(
    cohort, coach_client, learner, module, scenario, roleplay_course
):
    step = write_reply(learner, module, scenario)
    coach_client.post(f"/coach/reviews/{step.pk}/", review_data("Good.", empathy=4))

    response = signed_in(learner).get("/learn/attitude/")

    table = page(response).select_one("table.attitude-table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers[-1] == "Coach's rating"
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in table.select("tbody tr")
    }
    assert rows["Empathy"][-1] == "75.0"  # 4 on 1..5 is 75 on 0..100
    assert "Parcels" in text_of(response)


@pytest.mark.parametrize("who", ["other_coach", "hr_a", "admin", "learner", "colleague"])
def test_nobody_else_can_open_the_review_page(
    request, who, cohort, cohort_b, learner, module, scenario
):
    step = write_reply(learner, module, scenario)
    client = signed_in(request.getfixturevalue(who))

    assert client.get(f"/coach/reviews/{step.pk}/").status_code == 404
    assert client.post(f"/coach/reviews/{step.pk}/", review_data("x", empathy=1)).status_code == 404
    assert not Review.objects.exists()


def test_anonymous_is_sent_to_sign_in_from_the_review_page(
    client, cohort, learner, module, scenario
):
    step = write_reply(learner, module, scenario)

    response = client.get(f"/coach/reviews/{step.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/coach/reviews/")
