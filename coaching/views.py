"""Coach pages and the learner's coaching pages. Thin: scope the lookup, call a service, render.

Every id in a URL is looked up among what the requester may see (selectors); a miss is a 404.
"""

from __future__ import annotations

from functools import wraps
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from assessments.models import Dimension
from assessments.selectors import dimension_names
from courses.attitude import my_attitude
from courses.models import CoursePage, ModulePage
from courses.selectors import course_visible_to
from courses.steps.roleplay import attempt_state

from . import selectors, services
from .forms import AnswerForm, FollowUpForm, GoalForm, NoteForm, QuestionForm, ReviewForm
from .markdown import markdown_to_html
from .models import Cohort, Review


def coach_required(view):
    """Signed in (else the sign-in page) and a coach (else 404, like any page one may not see)."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not selectors.is_coach(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


T = TypeVar("T")


def found_or_404(found: T | None) -> T:
    """A selector's answer, or a 404: what is not theirs does not exist for the asker."""
    if found is None:
        raise Http404
    return found


def _learner_or_404(request: HttpRequest, learner_id: int):
    return found_or_404(selectors.coached_learner(coach=request.user, learner_id=learner_id))


# --- the coach's pages ------------------------------------------------------------------------


@coach_required
def home(request: HttpRequest) -> HttpResponse:
    queue, waiting = selectors.review_queue(coach=request.user)
    return TemplateResponse(
        request,
        "coaching/home.html",
        {
            "cohorts": selectors.cohorts_progress(coach=request.user),
            "queue": queue,
            "waiting": waiting,
            "nav_section": "coaching",
        },
    )


@coach_required
def cohort_detail(request: HttpRequest, cohort_id: int) -> HttpResponse:
    found = selectors.cohorts_progress(coach=request.user, cohort_id=cohort_id)
    if not found:
        raise Http404
    return TemplateResponse(
        request, "coaching/cohort.html", {"progress": found[0], "nav_section": "coaching"}
    )


def _rubric(slugs: tuple[str, ...]) -> list[tuple[str, str, str]]:
    dimensions = {d.slug: d for d in Dimension.objects.filter(slug__in=slugs)}
    return [
        (
            slug,
            dimensions[slug].name if slug in dimensions else slug,
            dimensions[slug].description if slug in dimensions else "",
        )
        for slug in slugs
    ]


def _queue_next_url(coach) -> str:
    item = selectors.queue_next(coach=coach)
    if item is None:
        return reverse("coaching:home")
    return item.url


@coach_required
def review(request: HttpRequest, step_id: int) -> HttpResponse:
    """Read a free-text answer in its conversation; rate it on the rubric; write feedback."""
    step = found_or_404(selectors.answer_for_coach(coach=request.user, step_id=step_id))
    attempt = step.attempt
    state = attempt_state(attempt=attempt)
    node = state.graph.node(step.node_key) if state.graph else None
    rubric = _rubric(node.rubric if node else ())
    existing = Review.objects.filter(step=step).select_related("coach").first()
    initial = {}
    if existing:
        initial = {f"rating_{slug}": value for slug, value in existing.ratings.items()}
        initial["feedback"] = existing.feedback
    form = ReviewForm(request.POST or None, rubric=rubric, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = markdown_to_html(form.cleaned_data["feedback"])
        else:
            try:
                _review, created = services.review_save(
                    coach=request.user,
                    step=step,
                    ratings=form.ratings(),
                    feedback=form.cleaned_data["feedback"],
                )
            except services.CoachingError as error:
                messages.error(request, str(error))
            else:
                if created:
                    messages.success(
                        request,
                        _("Feedback sent to %(name)s.") % {"name": attempt.user.greeting_name},
                    )
                else:
                    messages.success(request, _("Feedback updated."))
                return redirect(_queue_next_url(request.user))
    module = ModulePage.objects.live().filter(pk=attempt.context_page_id).first()
    return TemplateResponse(
        request,
        "coaching/review.html",
        {
            "step": step,
            "attempt": attempt,
            "learner": attempt.user,
            "state": state,
            "lines": [(exchange, None) for exchange in state.exchanges],
            "node": node,
            "module": module,
            "form": form,
            "existing": existing,
            "preview": preview,
            "nav_section": "coaching",
        },
    )


@coach_required
def reflection(request: HttpRequest, reflection_id: int) -> HttpResponse:
    """Read a learner's handed-in reflection with its prompt; reply with feedback."""
    item = found_or_404(
        selectors.reflection_for_coach(coach=request.user, reflection_id=reflection_id)
    )
    existing = getattr(item, "coach_feedback", None)
    form = ReviewForm(
        request.POST or None,
        rubric=[],  # a reflection is answered, not rated
        initial={"feedback": existing.feedback if existing else ""},
    )
    preview = None
    learner = item.enrolment.user
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = markdown_to_html(form.cleaned_data["feedback"])
        else:
            try:
                services.reflection_feedback_save(
                    coach=request.user, reflection=item, feedback=form.cleaned_data["feedback"]
                )
            except services.CoachingError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request, _("Feedback sent to %(name)s.") % {"name": learner.greeting_name}
                )
                return redirect(_queue_next_url(request.user))
    return TemplateResponse(
        request,
        "coaching/reflection.html",
        {
            "reflection": item,
            "learner": learner,
            "existing": existing,
            "correcting": bool(existing and not existing.outdated),
            "form": form,
            "preview": preview,
            "nav_section": "coaching",
        },
    )


@coach_required
def question(request: HttpRequest, question_id: int) -> HttpResponse:
    item = found_or_404(selectors.question_for_coach(coach=request.user, question_id=question_id))
    form = AnswerForm(request.POST or None, initial={"answer": item.answer})
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = markdown_to_html(form.cleaned_data["answer"])
        else:
            try:
                services.question_answer(
                    question=item, coach=request.user, answer=form.cleaned_data["answer"]
                )
            except services.CoachingError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request, _("Answer sent to %(name)s.") % {"name": item.learner.greeting_name}
                )
                return redirect(_queue_next_url(request.user))
    return TemplateResponse(
        request,
        "coaching/question.html",
        {
            "question": item,
            "earlier": selectors.earlier_in_conversation(question=item),
            "form": form,
            "preview": preview,
            "nav_section": "coaching",
        },
    )


def _certificates(learner) -> list:
    from certificates.selectors import certificates_for_learner

    return certificates_for_learner(learner=learner)


@coach_required
def learner_detail(request: HttpRequest, learner_id: int) -> HttpResponse:
    learner = _learner_or_404(request, learner_id)
    return _learner_page(request, learner)


def _learner_page(
    request: HttpRequest,
    learner,
    *,
    note_form: NoteForm | None = None,
    goal_form: GoalForm | None = None,
    status: int = 200,
) -> HttpResponse:
    coach = request.user
    cohorts = selectors.shared_cohorts(coach=coach, learner=learner)
    courses = list(
        CoursePage.objects.live()
        .filter(
            pk__in=Cohort.courses.through.objects.filter(cohort__in=cohorts).values("coursepage_id")
        )
        .order_by("path")
    )
    attempts = selectors.attempts_of_learner(learner=learner)
    reflections = selectors.reflections_of_learner(coach=coach, learner=learner)
    notes = selectors.notes_of(coach=coach, learner=learner)
    services.notes_opened(coach=coach, learner=learner, notes=notes)
    return TemplateResponse(
        request,
        "coaching/learner.html",
        {
            "learner": learner,
            "cohorts": cohorts,
            "progress": selectors.learner_course_progress(learner=learner, courses=courses),
            "attempts": attempts,
            "reflections": reflections,
            "questions": selectors.pending_or_answered_questions(coach=coach)
            .filter(learner=learner)
            .select_related("module", "answered_by")
            .order_by("-created_at"),
            "notes": notes,
            "goals": selectors.goals_of(learner=learner),
            "profile_shared": selectors.profile_shared_with(coach=coach, learner=learner),
            "certificates": _certificates(learner),
            "note_form": note_form or NoteForm(),
            "goal_form": goal_form or GoalForm(),
            "nav_section": "coaching",
        },
        status=status,
    )


@coach_required
def learner_attempt(request: HttpRequest, learner_id: int, attempt_id: int) -> HttpResponse:
    """A learner's role-play transcript, with any feedback given, for their coach."""
    learner = _learner_or_404(request, learner_id)
    attempt = found_or_404(selectors.attempt_of_learner(learner=learner, attempt_id=attempt_id))
    state = attempt_state(attempt=attempt)
    reviews = selectors.reviews_for_steps(step_ids=[e.line.step.pk for e in state.exchanges])
    return TemplateResponse(
        request,
        "coaching/attempt.html",
        {
            "learner": learner,
            "attempt": attempt,
            "state": state,
            "lines": [(e, reviews.get(e.line.step.pk)) for e in state.exchanges],
            "nav_section": "coaching",
        },
    )


@require_POST
@coach_required
def note_add(request: HttpRequest, learner_id: int) -> HttpResponse:
    learner = _learner_or_404(request, learner_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note was not saved. Please check it."))
        return _learner_page(request, learner, note_form=form, status=400)
    try:
        services.note_add(
            coach=request.user,
            learner=learner,
            session_on=form.cleaned_data["session_on"],
            body=form.cleaned_data["body"],
        )
    except services.CoachingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Note saved. Only you can read it."))
    return redirect(reverse("coaching:learner", args=[learner.pk]) + "#notes")


@coach_required
def note_edit(request: HttpRequest, learner_id: int, note_id: int) -> HttpResponse:
    learner = _learner_or_404(request, learner_id)
    note = found_or_404(selectors.note_of(coach=request.user, learner=learner, note_id=note_id))
    form = NoteForm(request.POST or None, instance=note)
    if request.method == "GET":
        services.notes_opened(coach=request.user, learner=learner, notes=[note])
    if request.method == "POST" and form.is_valid():
        try:
            services.note_update(
                note=note,
                session_on=form.cleaned_data["session_on"],
                body=form.cleaned_data["body"],
            )
        except services.CoachingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Note saved."))
            return redirect(reverse("coaching:learner", args=[learner.pk]) + "#notes")
    return TemplateResponse(
        request,
        "coaching/note_edit.html",
        {"learner": learner, "note": note, "form": form, "nav_section": "coaching"},
    )


@require_POST
@coach_required
def note_delete(request: HttpRequest, learner_id: int, note_id: int) -> HttpResponse:
    learner = _learner_or_404(request, learner_id)
    note = found_or_404(selectors.note_of(coach=request.user, learner=learner, note_id=note_id))
    services.note_delete(note=note)
    messages.success(request, _("Note deleted."))
    return redirect(reverse("coaching:learner", args=[learner.pk]) + "#notes")


@require_POST
@coach_required
def goal_add(request: HttpRequest, learner_id: int) -> HttpResponse:
    learner = _learner_or_404(request, learner_id)
    form = GoalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The goal was not added. Please check it."))
        return _learner_page(request, learner, goal_form=form, status=400)
    services.goal_add(
        learner=learner,
        actor=request.user,
        text=form.cleaned_data["text"],
        due_on=form.cleaned_data["due_on"],
    )
    messages.success(request, _("Goal added to the action plan."))
    return redirect(reverse("coaching:learner", args=[learner.pk]) + "#action-plan")


def _goal_edit_page(request: HttpRequest, goal, *, back_url: str, learner=None) -> HttpResponse:
    """Reword a goal or move its date; shared by the learner's and the coach's pages."""
    form = GoalForm(
        request.POST or None,
        initial={"text": goal.text, "due_on": goal.due_on},
        current_due_on=goal.due_on,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_update(
                goal=goal,
                actor=request.user,
                text=form.cleaned_data["text"],
                due_on=form.cleaned_data["due_on"],
            )
        except services.CoachingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Goal saved."))
            return redirect(f"{back_url}#goal-{goal.pk}")
    return TemplateResponse(
        request,
        "coaching/goal_edit.html",
        {
            "goal": goal,
            "form": form,
            "learner": learner,
            "back_url": back_url,
            "nav_section": "coaching",
        },
        status=400 if form.errors else 200,
    )


@coach_required
def goal_edit(request: HttpRequest, learner_id: int, goal_id: int) -> HttpResponse:
    learner = _learner_or_404(request, learner_id)
    goal = found_or_404(selectors.goal_of(learner=learner, goal_id=goal_id))
    back_url = reverse("coaching:learner", args=[learner.pk])
    return _goal_edit_page(request, goal, back_url=back_url, learner=learner)


@coach_required
def learner_profile(request: HttpRequest, learner_id: int) -> HttpResponse:
    """The learner's attitude profile, only while they share it with this coach's cohort."""
    learner = _learner_or_404(request, learner_id)
    if not selectors.profile_shared_with(coach=request.user, learner=learner):
        raise Http404
    entries = my_attitude(
        user=learner,
        chart_title=lambda course: (
            _("%(name)s’s attitude, before and after: %(course)s")
            % {"name": learner.greeting_name, "course": course.title}
        ),
    )
    return TemplateResponse(
        request,
        "coaching/profile.html",
        {"learner": learner, "entries": entries, "nav_section": "coaching"},
    )


@coach_required
def learner_certificate(request: HttpRequest, learner_id: int, code: str) -> HttpResponse:
    """A certificate PDF of one of the coach's learners (DESIGN: the coach may have it)."""
    from certificates.selectors import normalise_code
    from certificates.views import certificate_pdf_response

    learner = _learner_or_404(request, learner_id)
    wanted = normalise_code(code)
    certificate = found_or_404(next((c for c in _certificates(learner) if c.code == wanted), None))
    return certificate_pdf_response(request, certificate)


# --- the learner's pages ----------------------------------------------------------------------


@never_cache
@login_required
def me(request: HttpRequest) -> HttpResponse:
    return _me_page(request)


def _with_reply_forms(questions: list, follow_up: tuple[int, FollowUpForm] | None) -> list:
    """A reply box under each conversation that may go on; a refused reply keeps its text."""
    for question in questions:
        if follow_up and follow_up[0] == question.pk:
            question.reply_form = follow_up[1]
        elif question.open_for_reply:
            question.reply_form = FollowUpForm(prefix=f"reply-{question.pk}")
        else:
            question.reply_form = None
    return questions


def _me_page(
    request: HttpRequest,
    *,
    goal_form: GoalForm | None = None,
    follow_up: tuple[int, FollowUpForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    """My coach: my cohorts and coaches, notifications, action plan, feedback and answers."""
    user = request.user
    cohorts = selectors.learner_cohorts(learner=user)
    shared = selectors.shared_cohort_ids(learner=user)
    names = dimension_names()
    reviews = selectors.reviews_of_learner(learner=user)
    return TemplateResponse(
        request,
        "coaching/me.html",
        {
            "cohorts": cohorts,
            "shared_ids": shared,
            "notifications": selectors.notifications_of(user=user),
            "goals": selectors.goals_of(learner=user),
            "goal_form": goal_form or GoalForm(),
            "reviews": [(r, selectors.rating_rows(review=r, names=names)) for r in reviews],
            "reflection_feedback": selectors.reflection_feedback_of(learner=user),
            "questions": _with_reply_forms(selectors.questions_of(learner=user), follow_up),
            "nav_section": "my_coach",
        },
        status=status,
    )


@require_POST
@never_cache
@login_required
def my_goal_add(request: HttpRequest) -> HttpResponse:
    if not selectors.learner_cohorts(learner=request.user):
        raise Http404  # no coach to agree a goal with
    form = GoalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The goal was not added. Please check it."))
        return _me_page(request, goal_form=form, status=400)
    goal = services.goal_add(
        learner=request.user,
        actor=request.user,
        text=form.cleaned_data["text"],
        due_on=form.cleaned_data["due_on"],
    )
    messages.success(request, _("Goal added. Your coach sees it too."))
    return redirect(reverse("coaching:me") + f"#goal-{goal.pk}")


@require_POST
@never_cache
@login_required
def my_goal_tick(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = found_or_404(selectors.goal_of(learner=request.user, goal_id=goal_id))
    done = request.POST.get("done") == "1"
    services.goal_tick(goal=goal, actor=request.user, done=done)
    if done:
        messages.success(request, _("Well done! Goal ticked off."))
    else:
        messages.info(request, _("Goal opened again."))
    return redirect(reverse("coaching:me") + f"#goal-{goal.pk}")


@never_cache
@login_required
def my_goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = found_or_404(selectors.goal_of(learner=request.user, goal_id=goal_id))
    return _goal_edit_page(request, goal, back_url=reverse("coaching:me"))


def _module_for(request: HttpRequest, raw_id: str | None) -> ModulePage | None:
    """The module the question is about, if the learner may see it; anything else is ignored."""
    try:
        module_id = int(raw_id or "")
    except ValueError:
        return None
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        return None
    course = module.course
    if course is None or not course.live or not course_visible_to(user=request.user, course=course):
        return None
    return module


@require_POST
@login_required
def my_question_follow_up(request: HttpRequest, question_id: int) -> HttpResponse:
    """The learner replies to their coach in one of their own conversations."""
    question = found_or_404(
        selectors.own_conversation(learner=request.user, question_id=question_id)
    )
    form = FollowUpForm(request.POST, prefix=f"reply-{question.pk}")
    if form.is_valid():
        try:
            reply = services.question_follow_up(
                learner=request.user, question=question, text=form.cleaned_data["text"]
            )
        except services.CoachingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your reply is with your coach."))
            return redirect(reverse("coaching:me") + f"#question-{reply.pk}")
    return _me_page(request, follow_up=(question.pk, form), status=400)


@never_cache
@login_required
def ask(request: HttpRequest) -> HttpResponse:
    """Ask the coach a question, usually from a module page (?module=<id>)."""
    module = _module_for(request, request.POST.get("module") or request.GET.get("module"))
    cohort = services.cohort_for_question(learner=request.user, module=module)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and cohort is not None and form.is_valid():
        try:
            services.question_ask(
                learner=request.user, text=form.cleaned_data["text"], module=module
            )
        except services.CoachingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your question is with your coach."))
            return redirect(reverse("coaching:me") + "#questions")
    return TemplateResponse(
        request,
        "coaching/ask.html",
        {"form": form, "module": module, "cohort": cohort, "nav_section": "my_coach"},
    )


@never_cache
@login_required
def sharing(request: HttpRequest) -> HttpResponse:
    """The learner shares their attitude profile with a cohort's coaches, or withdraws it."""
    cohorts = selectors.learner_cohorts(learner=request.user)
    if request.method == "POST":
        cohort = found_or_404(
            next((c for c in cohorts if str(c.pk) == request.POST.get("cohort")), None)
        )
        if request.POST.get("action") == "share":
            services.profile_share(learner=request.user, cohort=cohort)
            messages.success(
                request,
                _("Your coaches in %(cohort)s can now see your profile.") % {"cohort": cohort.name},
            )
        else:
            services.profile_withdraw(learner=request.user, cohort=cohort)
            messages.success(
                request,
                _("Your coaches in %(cohort)s can no longer see your profile.")
                % {"cohort": cohort.name},
            )
        return redirect("coaching:sharing")
    return TemplateResponse(
        request,
        "coaching/sharing.html",
        {
            "cohorts": cohorts,
            "shared_ids": selectors.shared_cohort_ids(learner=request.user),
            "nav_section": "my_coach",
        },
    )


@never_cache
@login_required
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = found_or_404(
        selectors.notification_of(user=request.user, notification_id=notification_id)
    )
    services.notification_read(notification=notification)
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = reverse("coaching:me")
    return redirect(target)


@require_POST
@never_cache
@login_required
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.notifications_read_all(user=request.user)
    return redirect(reverse("coaching:me") + "#notifications")
