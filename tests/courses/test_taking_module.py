"""Taking a module step by step: Next and Back, reflections, completion of modules and courses."""

from __future__ import annotations

import pytest
from django.test import Client
from factories import ModulePageFactory, key_insight, reflection, story, takeaways
from helpers import done_url, modules_of, soup, step_url

from courses.models import Enrolment, ModuleProgress, ReflectionAnswer

REFLECTION_STEP = 3  # default_steps(): story, story, reflection, key insight, takeaways
GOOD_ANSWER = "I kept a caller on hold while I finished an e-mail."


@pytest.fixture
def module(course):
    return modules_of(course)[0]


def next_(client, module, number, **data):
    return client.post(step_url(module, number), {"action": "next", **data})


def take_module(client, module, answer: str = GOOD_ANSWER):
    """Go through every step of the module with Next, answering reflections."""
    response = None
    for number, block in enumerate(module.steps, start=1):
        data = {"answer": answer} if block.block_type == "reflection" else {}
        assert client.get(step_url(module, number)).status_code == 200
        response = next_(client, module, number, **data)
        assert response.status_code == 302, (number, response.content.decode()[:2000])
    return response


def progress_of(learner, module) -> ModuleProgress:
    return ModuleProgress.objects.get(enrolment__user=learner, module=module)


def textarea_text(response) -> str:
    return soup(response).find("textarea", attrs={"name": "answer"}).get_text()


def test_steps_are_shown_one_by_one_with_progress(learner_client, module):
    headings = ["The first scene", "The second scene", "When did you last keep someone waiting?"]

    response = learner_client.get(step_url(module, 1))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Step 1 of 5" in body
    assert headings[0] in body
    assert headings[1] not in body

    response = next_(learner_client, module, 1)
    assert response.status_code == 302
    assert response["Location"] == step_url(module, 2)

    body = learner_client.get(step_url(module, 2)).content.decode()
    assert "Step 2 of 5" in body
    assert headings[1] in body
    next_(learner_client, module, 2)

    response = learner_client.get(step_url(module, 3))
    assert "Step 3 of 5" in response.content.decode()
    assert headings[2] in response.content.decode()
    progress = soup(response).find("progress", id="step-progress")
    assert (progress["value"], progress["max"]) == ("3", "5")


def test_last_step_button_says_finish(learner_client, module):
    take_module(learner_client, module)

    last = learner_client.get(step_url(module, 5)).content.decode()
    first = learner_client.get(step_url(module, 1)).content.decode()

    assert "Finish module" in last
    assert "Finish module" not in first


def test_short_reflection_is_refused_with_a_clear_message_and_the_text_is_kept(
    learner, learner_client, module
):
    next_(learner_client, module, 1)
    next_(learner_client, module, 2)

    response = next_(learner_client, module, REFLECTION_STEP, answer="Too short")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Please write at least 20 characters (you have 9 so far)." in body
    assert textarea_text(response) == "Too short"
    assert not ReflectionAnswer.objects.exists()
    reflection_id = module.steps[REFLECTION_STEP - 1].id
    assert reflection_id not in progress_of(learner, module).completed_step_ids
    # Still on the reflection: the next step stays closed.
    assert learner_client.get(step_url(module, 4))["Location"] == step_url(module, 3)


def test_empty_reflection_is_refused(learner_client, module):
    next_(learner_client, module, 1)
    next_(learner_client, module, 2)

    response = next_(learner_client, module, REFLECTION_STEP, answer="   ")

    assert response.status_code == 200
    assert "Write a few words before moving on" in response.content.decode()
    assert not ReflectionAnswer.objects.exists()


def test_valid_reflection_is_saved_and_shown_again_on_return(learner, learner_client, module):
    next_(learner_client, module, 1)
    next_(learner_client, module, 2)

    response = next_(learner_client, module, REFLECTION_STEP, answer=f"  {GOOD_ANSWER}  ")

    assert response.status_code == 302
    assert response["Location"] == step_url(module, 4)
    saved = ReflectionAnswer.objects.get()
    assert saved.answer == GOOD_ANSWER
    assert saved.prompt == "When did you last keep someone waiting?"
    assert saved.enrolment.user == learner
    assert saved.module.pk == module.pk
    assert saved.step_id == module.steps[REFLECTION_STEP - 1].id

    assert textarea_text(learner_client.get(step_url(module, REFLECTION_STEP))) == GOOD_ANSWER


def test_changing_a_reflection_replaces_the_saved_answer(learner_client, module):
    next_(learner_client, module, 1)
    next_(learner_client, module, 2)
    next_(learner_client, module, REFLECTION_STEP, answer=GOOD_ANSWER)

    next_(learner_client, module, REFLECTION_STEP, answer="On second thoughts, I would call back.")

    assert ReflectionAnswer.objects.get().answer == "On second thoughts, I would call back."


def test_back_on_a_reflection_keeps_a_draft(learner, learner_client, module):
    next_(learner_client, module, 1)
    next_(learner_client, module, 2)

    response = learner_client.post(
        step_url(module, REFLECTION_STEP), {"action": "back", "answer": "Half a thought"}
    )

    assert response.status_code == 302
    assert response["Location"] == step_url(module, 2)
    assert ReflectionAnswer.objects.get().answer == "Half a thought"
    reflection_id = module.steps[REFLECTION_STEP - 1].id
    assert reflection_id not in progress_of(learner, module).completed_step_ids
    returning = learner_client.get(step_url(module, REFLECTION_STEP))
    assert textarea_text(returning) == "Half a thought"


def test_back_on_a_story_goes_to_the_previous_step_without_recording_it(
    learner, learner_client, module
):
    next_(learner_client, module, 1)

    response = learner_client.post(step_url(module, 2), {"action": "back"})

    assert response["Location"] == step_url(module, 1)
    assert progress_of(learner, module).completed_step_ids == [module.steps[0].id]


def test_jumping_ahead_redirects_to_the_first_open_step(learner_client, module):
    next_(learner_client, module, 1)

    response = learner_client.get(step_url(module, 4))

    assert response.status_code == 302
    assert response["Location"] == step_url(module, 2)


def test_posting_an_unreached_step_records_nothing(learner, learner_client, module):
    response = next_(learner_client, module, 5)

    assert response.status_code == 302
    assert response["Location"] == step_url(module, 1)
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()
    assert not ModuleProgress.objects.exclude(completed_step_ids=[]).exists()


def test_step_zero_is_404(learner_client, module):
    assert learner_client.get(step_url(module, 0)).status_code == 404


@pytest.mark.parametrize("number", [6, 99])
def test_steps_past_the_last_go_to_the_first_open_step(learner_client, module, number):
    # A stale link (the author removed steps since) carries on where the learner is, not a 404.
    response = learner_client.get(step_url(module, number))

    assert response.status_code == 302
    assert response["Location"] == step_url(module, 1)


def test_step_urls_that_are_not_numbers_are_404(learner_client, module):
    assert learner_client.get(f"{module.url}step/-1/").status_code == 404
    assert learner_client.get(f"{module.url}step/two/").status_code == 404


def test_double_post_of_the_same_step_records_it_once(learner, learner_client, module):
    first = next_(learner_client, module, 1)
    second = next_(learner_client, module, 1)

    assert first["Location"] == second["Location"] == step_url(module, 2)
    assert progress_of(learner, module).completed_step_ids == [module.steps[0].id]
    assert ModuleProgress.objects.count() == 1


def test_finishing_the_last_step_completes_the_module_and_shows_the_done_page(
    learner, learner_client, course, module
):
    response = take_module(learner_client, module)

    assert response["Location"] == done_url(module)
    progress = progress_of(learner, module)
    assert progress.completed_at is not None
    assert progress.completed_step_ids == [block.id for block in module.steps]
    done = learner_client.get(done_url(module))
    assert done.status_code == 200
    body = done.content.decode()
    assert f"You completed “{module.title}”" in body
    assert "Look up" in body  # the takeaways
    assert "Based on “Customers Not Targets” by Priya Shrivastava" in body
    second = modules_of(course)[1]
    assert f"Next module: {second.title}" in body
    assert step_url(second, 1) in body
    # One module of two: the course is not complete yet.
    assert Enrolment.objects.get(user=learner).completed_at is None
    assert "Course complete" not in body


def test_done_page_before_finishing_redirects_to_the_first_open_step(learner_client, module):
    next_(learner_client, module, 1)

    response = learner_client.get(done_url(module))

    assert response.status_code == 302
    assert response["Location"] == step_url(module, 2)


def test_finishing_twice_completes_once(learner, learner_client, module):
    take_module(learner_client, module)
    completed_at = progress_of(learner, module).completed_at

    take_module(learner_client, module)

    assert progress_of(learner, module).completed_at == completed_at
    assert len(progress_of(learner, module).completed_step_ids) == 5


def test_a_completed_module_can_be_revisited_at_any_step(learner_client, module):
    take_module(learner_client, module)

    assert learner_client.get(step_url(module, 4)).status_code == 200
    overview = learner_client.get(module.url).content.decode()
    assert "Take it again" in overview


def test_completing_every_module_completes_the_course(learner, learner_client, course):
    first, second = modules_of(course)
    take_module(learner_client, first)
    assert Enrolment.objects.get(user=learner).completed_at is None

    take_module(learner_client, second)

    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is not None
    done = learner_client.get(done_url(second)).content.decode()
    assert f"Course complete: {course.title}" in done
    assert "Next module" not in done

    learn = soup(learner_client.get("/learn/"))
    completed_heading = learn.find("h2", string="Completed")
    assert completed_heading is not None
    completed_list = completed_heading.find_next_sibling("ul")
    assert course.title in completed_list.get_text()
    assert "Completed " in completed_list.get_text()
    assert "Review course" in completed_list.get_text()
    assert "Pick up where you left off" not in learn.get_text()


def test_course_completion_date_is_set_once(learner, learner_client, course):
    first, second = modules_of(course)
    take_module(learner_client, first)
    take_module(learner_client, second)
    completed_at = Enrolment.objects.get(user=learner).completed_at

    take_module(learner_client, first)

    assert Enrolment.objects.get(user=learner).completed_at == completed_at


def test_unpublished_modules_do_not_count_towards_completion(learner, learner_client, course):
    ModulePageFactory(parent=course, live=False, title="Still a draft")
    first, second = [m for m in modules_of(course) if m.live]

    take_module(learner_client, first)
    take_module(learner_client, second)

    assert Enrolment.objects.get(user=learner).completed_at is not None
    page = learner_client.get(course.url).content.decode()
    assert "2 of 2 modules done" in page
    assert "Still a draft" not in page


def test_module_with_only_a_story_completes_in_one_step(make_course, learner, learner_client):
    short = make_course(modules=1, steps=[story("Only one")])
    module = modules_of(short)[0]

    response = next_(learner_client, module, 1)

    assert response["Location"] == done_url(module)
    assert Enrolment.objects.get(user=learner, course=short).completed_at is not None


def test_progress_shows_on_the_course_page_and_my_learning(learner_client, course):
    take_module(learner_client, modules_of(course)[0])

    assert "1 of 2 modules done" in learner_client.get(course.url).content.decode()
    learn = learner_client.get("/learn/").content.decode()
    assert "1 of 2 modules done" in learn
    assert course.title in learn


def test_every_step_kind_renders(make_course, learner_client):
    mixed = make_course(
        modules=1,
        steps=[
            key_insight("Remember this", "Warmth does not end with the sale."),
            takeaways("Try tomorrow", ("Call back", "Say thanks")),
            reflection("What will you change?", min_length=5),
        ],
    )
    module = modules_of(mixed)[0]

    assert (
        "Warmth does not end with the sale."
        in learner_client.get(step_url(module, 1)).content.decode()
    )
    next_(learner_client, module, 1)
    assert "Say thanks" in learner_client.get(step_url(module, 2)).content.decode()
    next_(learner_client, module, 2)
    body = learner_client.get(step_url(module, 3)).content.decode()
    assert "What will you change?" in body
    assert "At least 5 characters" in body
    assert next_(learner_client, module, 3, answer="Smile")["Location"] == done_url(module)


def test_step_and_enrol_forms_carry_a_csrf_token(learner, course, module):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    enrol_form = soup(client.get(course.url)).find("form", action=f"/learn/enrol/{course.pk}/")
    enrol_token = enrol_form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    enrolled = client.post(f"/learn/enrol/{course.pk}/", {"csrfmiddlewaretoken": enrol_token})
    assert enrolled.status_code == 302

    page = soup(client.get(step_url(module, 1)))
    form = page.find("button", attrs={"name": "action", "value": "next"}).find_parent("form")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    refused = client.post(step_url(module, 1), {"action": "next"})
    accepted = client.post(step_url(module, 1), {"action": "next", "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert accepted["Location"] == step_url(module, 2)


def test_a_reflection_is_shown_back_as_text_not_markup(learner_client, module):
    next_(learner_client, module, 1)
    next_(learner_client, module, 2)
    answer = "<script>alert('x')</script> I would <b>apologise</b> first."

    next_(learner_client, module, REFLECTION_STEP, answer=answer)
    response = learner_client.get(step_url(module, REFLECTION_STEP))

    assert textarea_text(response) == answer
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
