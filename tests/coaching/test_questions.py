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
