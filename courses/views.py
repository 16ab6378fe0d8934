"""Learner pages. Thin: look up what the user may see, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from assessments.models import Response
from assessments.selectors import course_questionnaire_pending, course_response_exists

from . import selectors, services
from .assessment import assessment_state, assessment_submit
from .attitude import my_attitude
from .forms import ReflectionForm
from .models import CoursePage, ModulePage
from .roleplay import attempt_state, reply_draft, roleplay_post, roleplay_state, step_notes_add


@never_cache
@login_required
def learn(request: HttpRequest) -> HttpResponse:
    courses = selectors.learner_courses(user=request.user, request=request)
    return TemplateResponse(
        request,
        "courses/learn.html",
        {
            "courses": courses,
            "in_progress": [c for c in courses if not c.completed],
            "completed": [c for c in courses if c.completed],
            "nav_section": "learn",
        },
    )


@never_cache
@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    cards = selectors.catalogue_for(user=request.user, request=request)
    return TemplateResponse(
        request, "courses/catalogue.html", {"cards": cards, "nav_section": "catalogue"}
    )


@require_POST
@login_required
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(selectors.visible_courses(user=request.user), pk=course_id)
    services.enrolment_get_or_create(user=request.user, course=course)
    card = selectors.course_overview(user=request.user, course=course, request=request)
    return redirect(card.continue_url or course.get_url(request))


class ModuleVisit:
    """Everything a module view needs, looked up with the visitor's rights checked."""

    def __init__(self, request: HttpRequest, module: ModulePage):
        course = module.course  # cached by routing: no query
        if (
            course is None
            or not course.live
            or not selectors.course_visible_to(user=request.user, course=course)
        ):
            raise Http404
        self.request = request
        self.module = module
        self.course = course
        self.enrolment = services.enrolment_get_or_create(user=request.user, course=course)
        self.steps = list(module.steps)
        self.progress = self.enrolment.module_progress.filter(module=module).first()
        self.done_ids = set(self.progress.completed_step_ids) if self.progress else set()
        siblings = selectors.live_modules_of(courses=[course])[course.pk]
        self.position = next((i for i, m in enumerate(siblings, start=1) if m.pk == module.pk), 0)
        self.module_total = len(siblings)
        self.next_module = siblings[self.position] if self.position < len(siblings) else None

    @property
    def completed(self) -> bool:
        return bool(self.progress and self.progress.completed_at)

    def first_open_step(self) -> int:
        for number, step in enumerate(self.steps, start=1):
            if step.id not in self.done_ids:
                return number
        return len(self.steps)

    def reachable(self, number: int) -> bool:
        """A step is open once every step before it is done (or the module was completed)."""
        if self.completed or number == 1:
            return True
        return all(step.id in self.done_ids for step in self.steps[: number - 1])

    def step_url(self, number: int) -> str:
        return selectors.module_step_url(module=self.module, number=number, request=self.request)

    def done_url(self) -> str:
        return self.module.get_url(self.request) + self.module.reverse_subpage("done")


def _visit_or_login(request: HttpRequest, module: ModulePage) -> ModuleVisit | HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    visit = ModuleVisit(request, module)
    if _before_questionnaire_pending(request.user, visit.course):
        url = visit.course.questionnaire_url(Response.BEFORE)
        return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
    return visit


def _before_questionnaire_pending(user, course: CoursePage) -> bool:
    if not course.before_questionnaire_id:
        return False
    return course_questionnaire_pending(
        user=user,
        questionnaire_id=course.before_questionnaire_id,
        course_id=course.pk,
        phase=Response.BEFORE,
    )


@never_cache
def module_overview(request: HttpRequest, *, module: ModulePage) -> HttpResponse:
    visit = _visit_or_login(request, module)
    if isinstance(visit, HttpResponse):
        return visit
    resume = 1
    if visit.enrolment.resume_module_id == module.pk and not visit.completed:
        resume = visit.enrolment.resume_step
    context = module.get_context(request)
    context.update(
        visit=visit,
        start_url=visit.step_url(min(resume, len(visit.steps)) if visit.steps else 1),
        started=bool(visit.progress),
    )
    return TemplateResponse(request, "courses/module_page.html", context)


@never_cache
def module_step(request: HttpRequest, *, module: ModulePage, number: int) -> HttpResponse:
    visit = _visit_or_login(request, module)
    if isinstance(visit, HttpResponse):
        return visit
    if number < 1 or not visit.steps:
        raise Http404
    if number > len(visit.steps):
        # A stale link (the author removed steps since): go on from where the learner is.
        return redirect(visit.step_url(visit.first_open_step()))
    if not visit.reachable(number):
        return redirect(visit.step_url(visit.first_open_step()))
    step = visit.steps[number - 1]
    is_reflection = step.block_type == "reflection"
    scenario = step.value.get("scenario") if step.block_type == "roleplay" else None
    if scenario is not None and not scenario.live:
        scenario = None  # unpublished since: the step shows a notice and can be passed
    answers = (
        selectors.reflection_answers(enrolment=visit.enrolment, module=module)
        if is_reflection
        else {}
    )
    form = None
    if is_reflection:
        saved = answers.get(step.id)
        form = ReflectionForm(
            request.POST if request.method == "POST" else None,
            initial={"answer": saved.answer if saved else ""},
            min_length=step.value.min_length,
            prompt=step.value["prompt"],
        )

    questionnaire = (
        step.value.get("questionnaire") if step.block_type == "self_assessment" else None
    )
    if questionnaire is not None and not questionnaire.live:
        questionnaire = None
    assessment = None
    refused = (
        False  # a refused questionnaire is shown again with its answers, not handled as "next"
    )
    if questionnaire is not None:
        posted = None
        if request.method == "POST" and "assessment" in request.POST:
            error = assessment_submit(
                user=request.user,
                questionnaire=questionnaire,
                page_id=module.pk,
                step_id=step.id,
                posted=request.POST,
            )
            if not error:
                return redirect(visit.step_url(number) + "#assessment")
            messages.error(request, error)
            posted = request.POST  # show the form again with every answer already given
        assessment = assessment_state(
            user=request.user,
            questionnaire=questionnaire,
            page_id=module.pk,
            step_id=step.id,
            posted=posted,
        )
        refused = posted is not None

    if request.method == "POST" and "roleplay" in request.POST:
        if scenario is None:
            messages.error(request, _("This role-play is no longer available."))
        else:
            roleplay_post(request, scenario=scenario, page_id=module.pk, step_id=step.id)
        return redirect(visit.step_url(number) + "#roleplay-now")

    roleplay = (
        roleplay_state(user=request.user, scenario=scenario, page_id=module.pk, step_id=step.id)
        if scenario is not None
        else None
    )
    # One answer to "may the learner go on?", for the button the step offers and for the POST:
    # a role-play is played to an ending first (one that is no longer published can be passed).
    roleplay_open = roleplay is not None and not roleplay.has_finished_attempt

    if request.method == "POST" and not refused:
        action = request.POST.get("action", "next")
        if action == "back":
            if form is not None and form.draft():
                services.reflection_save(
                    enrolment=visit.enrolment,
                    module=module,
                    step_id=step.id,
                    prompt=step.value["prompt"],
                    answer=form.draft(),
                )
            return redirect(visit.step_url(max(number - 1, 1)))
        if assessment is not None and not assessment.done:
            messages.error(request, _("Rate every statement and save before you move on."))
            return redirect(visit.step_url(number) + "#assessment")
        if roleplay_open:
            messages.error(request, _("Play the role-play to an ending before you move on."))
            return redirect(visit.step_url(number) + "#roleplay")
        if form is None or form.is_valid():
            reflection = (step.value["prompt"], form.cleaned_data["answer"]) if form else None
            services.module_step_complete(
                enrolment=visit.enrolment, module=module, step_id=step.id, reflection=reflection
            )
            if number < len(visit.steps):
                return redirect(visit.step_url(number + 1))
            return redirect(visit.done_url())
    elif request.method not in ("GET", "POST"):
        return HttpResponse(status=405)

    services.module_step_visit(enrolment=visit.enrolment, module=module, number=number)
    total = len(visit.steps)
    context = module.get_context(request)
    context.update(
        visit=visit,
        step=step,
        number=number,
        total=total,
        percent=round(100 * (number - 1) / total) if total else 0,
        form=form,
        roleplay=roleplay,
        roleplay_open=roleplay_open,
        assessment=assessment,
        reply_draft=reply_draft(request, roleplay) if roleplay else "",
        back_url=visit.step_url(number - 1) if number > 1 else module.get_url(request),
        is_last=number == total,
        step_done=step.id in visit.done_ids,
    )
    return TemplateResponse(request, "courses/module_step.html", context)


@never_cache
def module_done(request: HttpRequest, *, module: ModulePage) -> HttpResponse:
    visit = _visit_or_login(request, module)
    if isinstance(visit, HttpResponse):
        return visit
    if not visit.completed:
        return redirect(visit.step_url(visit.first_open_step()))
    visit.enrolment.refresh_from_db(fields=["completed_at"])
    takeaways = [s for s in visit.steps if s.block_type == "takeaways"]
    context = module.get_context(request)
    context.update(
        visit=visit,
        takeaways=takeaways,
        course_completed=bool(visit.enrolment.completed_at),
        next_url=(
            selectors.module_step_url(module=visit.next_module, number=1, request=request)
            if visit.next_module
            else ""
        ),
        message=_("Module complete"),
        after_url=_after_questionnaire_url(request.user, visit.course),
    )
    return TemplateResponse(request, "courses/module_done.html", context)


@never_cache
@login_required
def attempt_detail(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """One of the learner's own role-play attempts; anyone else's is a 404."""
    from scenarios.selectors import attempt_for_user

    attempt = attempt_for_user(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    module = ModulePage.objects.live().filter(pk=attempt.context_page_id).first()
    return TemplateResponse(
        request,
        "courses/attempt_detail.html",
        {
            "roleplay": step_notes_add(attempt_state(attempt=attempt)),
            "module": module,
            "nav_section": "learn",
        },
    )


@never_cache
@login_required
def course_questionnaire(request: HttpRequest, course_id: int, phase: str) -> HttpResponse:
    """The course's self-assessment before the first module, or after the last."""
    if phase not in (Response.BEFORE, Response.AFTER):
        raise Http404
    course = get_object_or_404(selectors.visible_courses(user=request.user), pk=course_id)
    questionnaire = (
        course.before_questionnaire if phase == Response.BEFORE else course.after_questionnaire
    )
    if questionnaire is None or not questionnaire.live:
        raise Http404
    enrolment = services.enrolment_get_or_create(user=request.user, course=course)
    if phase == Response.AFTER and enrolment.completed_at is None:
        messages.info(request, _("The questionnaire after the course opens when you finish it."))
        return redirect(course.get_url(request))
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: `redirect()` would treat anything else as a view name.
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        next_url = ""
    posted = None
    if request.method == "POST":
        error = assessment_submit(
            user=request.user,
            questionnaire=questionnaire,
            page_id=course.pk,
            phase=phase,
            posted=request.POST,
        )
        if not error:
            if next_url:  # on to the module: say where the profile is
                messages.success(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("Your answers are saved. Only you see them."),
                        reverse("courses:attitude"),
                        _("See your attitude profile"),
                    ),
                )
            else:
                messages.success(request, _("Your answers are saved. Only you see them."))
            return redirect(next_url or reverse("courses:attitude"))
        messages.error(request, error)
        posted = request.POST
    assessment = assessment_state(
        user=request.user,
        questionnaire=questionnaire,
        page_id=course.pk,
        phase=phase,
        posted=posted,
    )
    return TemplateResponse(
        request,
        "courses/course_questionnaire.html",
        {
            "course": course,
            "assessment": assessment,
            "phase": phase,
            "next_url": next_url,
            "nav_section": "learn",
        },
    )


def _after_questionnaire_url(user, course: CoursePage) -> str:
    """The link to the course's after-questionnaire, while it is waiting to be answered."""
    if not course.after_questionnaire_id:
        return ""
    answered = course_response_exists(
        user=user,
        questionnaire_id=course.after_questionnaire_id,
        course_id=course.pk,
        phase=Response.AFTER,
    )
    return "" if answered else course.questionnaire_url(Response.AFTER)


@never_cache
@login_required
def attitude(request: HttpRequest) -> HttpResponse:
    """The learner's own profile: before/after per course and what their role-plays showed."""
    return TemplateResponse(
        request,
        "courses/attitude.html",
        {"entries": my_attitude(user=request.user), "nav_section": "attitude"},
    )
