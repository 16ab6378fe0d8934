"""Learners ask their coach from a module; the question lands in the coach's queue."""

from __future__ import annotations

from coaching_helpers import make_cohort, page, text_of
from django.core import mail
from helpers import signed_in

from coaching.models import Notification, Question


def test_the_module_page_links_to_asking_the_coach(cohort, learner, module):
    response = signed_in(learner).get(module.url)

    link = page(response).find("a", href=f"/coach/ask/?module={module.pk}")
    assert link is not None


def test_a_question_from_a_module_lands_in_the_coachs_queue(
    cohort, coach_client, learner, module, django_capture_on_commit_callbacks
):
    client = signed_in(learner)
    form = client.get(f"/coach/ask/?module={module.pk}")
    assert "Spring cohort" in text_of(form)
    assert module.title in text_of(form)

    response = client.post(
        "/coach/ask/", {"module": str(module.pk), "text": "How do I say sorry without grovelling?"}
    )

    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.learner, question.cohort, question.module_id) == (learner, cohort, module.pk)
    queue = page(coach_client.get("/coach/")).select(".queue__item")
    assert len(queue) == 1
    assert "How do I say sorry without grovelling?" in queue[0].get_text()
    assert module.title in queue[0].get_text()

    answer_page = coach_client.get(f"/coach/questions/{question.pk}/")
    assert "How do I say sorry without grovelling?" in text_of(answer_page)
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            f"/coach/questions/{question.pk}/",
            {"answer": "Name what went wrong, then **what you will do**.", "send": "1"},
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answered_at is not None
    assert Notification.objects.get(recipient=learner).kind == Notification.ANSWER
    [email] = mail.outbox  # and by e-mail
    assert email.to == [learner.email]
    assert "/coach/me/" in email.body
    assert page(coach_client.get("/coach/")).select(".queue__item") == []

    mine = page(client.get("/coach/me/")).select_one(f"#question-{question.pk}")
    assert "<strong>what you will do</strong>" in str(mine)


def test_the_question_goes_to_the_cohort_running_the_modules_course(
    cohort, other_coach, learner, org_a, make_course, module
):
    other_course = make_course(modules=1, title="Other course", slug="other-course")
    other = make_cohort(
        name="Later cohort",
        organisation=org_a,
        coaches=[other_coach],
        learners=[learner],
        courses=[other_course],
        days_in=1,
    )

    signed_in(learner).post("/coach/ask/", {"module": str(module.pk), "text": "About parcels?"})
    signed_in(learner).post(
        "/coach/ask/", {"module": str(other_course.get_children().first().pk), "text": "Other?"}
    )

    assert Question.objects.get(text="About parcels?").cohort == cohort
    assert Question.objects.get(text="Other?").cohort == other
    assert "About parcels?" not in text_of(signed_in(other_coach).get("/coach/"))


def test_a_learner_without_a_cohort_has_no_coach_to_ask(colleague, module):
    client = signed_in(colleague)

    assert "no coach to ask" in text_of(client.get(f"/coach/ask/?module={module.pk}"))
    client.post("/coach/ask/", {"module": str(module.pk), "text": "Anyone there?"})

    assert not Question.objects.exists()


def test_a_module_the_learner_cannot_see_is_ignored(cohort, learner, make_course, org_b):
    hidden = make_course(modules=1, organisations=[org_b], title="Bolt only", slug="bolt-only")
    hidden_module = hidden.get_children().first()

    signed_in(learner).post("/coach/ask/", {"module": str(hidden_module.pk), "text": "Hm?"})

    question = Question.objects.get()
    assert question.module is None
    assert question.cohort == cohort


def test_other_coaches_hr_and_learners_cannot_open_or_answer_a_question(
    cohort, cohort_b, learner, other_coach, hr_a, colleague, module
):
    question = Question.objects.create(learner=learner, cohort=cohort, module=module, text="Q?")

    for user in (other_coach, hr_a, colleague, learner):
        client = signed_in(user)
        assert client.get(f"/coach/questions/{question.pk}/").status_code == 404
        response = client.post(f"/coach/questions/{question.pk}/", {"answer": "A", "send": "1"})
        assert response.status_code == 404
    question.refresh_from_db()
    assert question.answered_at is None


def test_the_learner_and_the_coach_carry_on_a_conversation(
    cohort, coach_client, learner, module, django_capture_on_commit_callbacks
):
    client = signed_in(learner)
    client.post("/coach/ask/", {"module": str(module.pk), "text": "How do I open a call?"})
    first = Question.objects.get()
    me = page(client.get("/coach/me/"))
    assert me.select_one(f"#question-{first.pk} form") is None  # nothing to reply to yet

    coach_client.post(f"/coach/questions/{first.pk}/", {"answer": "With their name.", "send": "1"})
    field = f"reply-{first.pk}-text"
    reply_box = page(client.get("/coach/me/")).select_one(f"#question-{first.pk} textarea")
    assert reply_box["name"] == field

    # A refused reply keeps its text, in its own conversation's box.
    too_long = "x" * 5001
    refused = client.post(f"/coach/me/questions/{first.pk}/reply/", {field: too_long})
    assert refused.status_code == 400
    assert page(refused).select_one(f"#question-{first.pk} textarea").get_text().strip() == too_long

    sent = client.post(f"/coach/me/questions/{first.pk}/reply/", {field: "And if I cannot say it?"})
    follow_up = Question.objects.get(follow_up_of=first)
    assert sent["Location"] == f"/coach/me/#question-{follow_up.pk}"
    assert (follow_up.cohort, follow_up.module_id) == (cohort, module.pk)

    # One message at a time: no box while the reply waits, and a forced post is refused.
    assert page(client.get("/coach/me/")).select_one(f"#question-{first.pk} textarea") is None
    again = client.post(f"/coach/me/questions/{first.pk}/reply/", {field: "Hello?"})
    assert "one message at a time" in again.content.decode()
    assert Question.objects.count() == 2

    queue = page(coach_client.get("/coach/")).select(".queue__item")
    assert [f"Follow-up: {module.title}" in item.get_text() for item in queue] == [True]
    seen = page(coach_client.get(f"/coach/questions/{follow_up.pk}/"))
    earlier = seen.select_one(".conversation--earlier").get_text(" ", strip=True)
    assert "How do I open a call?" in earlier and "With their name." in earlier
    assert "And if I cannot say it?" in seen.select_one(".question-text").get_text()

    with django_capture_on_commit_callbacks(execute=True):
        coach_client.post(
            f"/coach/questions/{follow_up.pk}/", {"answer": "Ask how they say it.", "send": "1"}
        )
    thread = page(client.get("/coach/me/")).select_one(f"#question-{first.pk}")
    text = thread.get_text(" ", strip=True)
    assert text.index("With their name.") < text.index("Ask how they say it.")
    assert thread.select_one("textarea") is not None  # and the conversation can go on
    assert Notification.objects.filter(recipient=learner, kind=Notification.ANSWER).count() == 2


def test_only_the_learner_replies_in_their_own_conversation(
    cohort, coach, learner, colleague, module
):
    from coaching.services import question_answer, question_ask

    first = question_ask(learner=learner, text="Q?", module=module)
    question_answer(question=first, coach=coach, answer="A.")
    field = f"reply-{first.pk}-text"

    for someone in (colleague, coach):
        response = signed_in(someone).post(f"/coach/me/questions/{first.pk}/reply/", {field: "x"})
        assert response.status_code == 404
    client = signed_in(learner)
    follow_up = question_ask(learner=learner, text="Other", module=module)
    follow_up.follow_up_of = first
    follow_up.save()
    # A follow-up's own id is not a conversation to reply to.
    response = client.post(f"/coach/me/questions/{follow_up.pk}/reply/", {"x": "y"})
    assert response.status_code == 404
    assert Question.objects.count() == 2


def test_no_reply_box_once_the_learner_has_left_the_cohort(cohort, coach, learner, module):
    from coaching.services import question_answer, question_ask

    first = question_ask(learner=learner, text="Q?", module=module)
    question_answer(question=first, coach=coach, answer="A.")
    client = signed_in(learner)
    assert page(client.get("/coach/me/")).select_one(f"#question-{first.pk} textarea")

    cohort.learners.remove(learner)

    mine = page(client.get("/coach/me/")).select_one(f"#question-{first.pk}")
    assert "A." in mine.get_text() and mine.select_one("textarea") is None
    refused = client.post(f"/coach/me/questions/{first.pk}/reply/", {f"reply-{first.pk}-text": "?"})
    assert "cohort has ended" in refused.content.decode()
