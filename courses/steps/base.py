"""What every module step shares: the visit it is part of, and the handler a step kind fills in."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from people.translation import in_language, in_language_many

from .. import selectors, services
from ..models import CoursePage, Enrolment, ModulePage


def enrolment_for_request(request: HttpRequest, course: CoursePage) -> Enrolment | None:
    """Only a POST (the learner doing something) enrols them; a page they only look at reads."""
    if request.method == "POST":
        return services.enrolment_get_or_create(user=request.user, course=course)
    return selectors.enrolment_for(user=request.user, course=course)


class ModuleVisit:
    """Everything a module view needs, looked up with the visitor's rights checked.

    `enrolment` is None for a learner who has only looked (see `enrolment_for_request`).
    """

    def __init__(self, request: HttpRequest, module: ModulePage):
        course = module.course  # cached by routing: no query
        if (
            course is None
            or not course.live
            or not selectors.course_visible_to(user=request.user, course=course)
        ):
            raise Http404
        self.request = request
        # The learner's language: the words of the module's and course's translations, on the
        # originals (never saved), so progress is the course's whatever the language.
        self.module = in_language(module)
        self.course = in_language(course)
        self.enrolment = enrolment_for_request(request, course)
        self.steps = list(module.steps)
        self.progress = (
            self.enrolment.module_progress.filter(module=module).first() if self.enrolment else None
        )
        self.done_ids = set(self.progress.completed_step_ids) if self.progress else set()
        siblings = in_language_many(
            selectors.live_modules_of(courses=[course])[course.pk], fields=("title", "summary")
        )
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


class StepHandler:
    """One kind of step, for one request: what its page shows and what its forms do.

    The module view checks the step may be seen, then asks the handler. Next and Back are the
    same for every kind; a kind says when it counts as done and adds its own forms and context.
    Handlers are the view layer: writes go through services, reads through selectors.
    """

    def __init__(self, visit: ModuleVisit, number: int):
        self.visit = visit
        self.request = visit.request
        self.number = number
        self.block = visit.steps[number - 1]
        self.value = self.block.value

    @property
    def url(self) -> str:
        return self.visit.step_url(self.number)

    def context(self) -> dict:
        """What the step's template needs beyond the block itself."""
        return {}

    def post(self) -> HttpResponse | None:
        """Carry out a POST to the step; None: show the step again (e.g. with form errors)."""
        if "roleplay" in self.request.POST:
            # A role-play form sent to a step that is no longer one (the module changed since).
            messages.error(self.request, _("This role-play is no longer available."))
            return redirect(self.url + "#roleplay-now")
        action = self.request.POST.get("action", "next")
        if action == "back":
            self.back()
            return redirect(self.visit.step_url(max(self.number - 1, 1)))
        if not self.done():
            return self.not_done()
        assert self.visit.enrolment is not None  # a POST enrols
        services.module_step_complete(
            enrolment=self.visit.enrolment,
            module=self.visit.module,
            step_id=self.block.id,
            **self.completion(),
        )
        if self.number < len(self.visit.steps):
            return redirect(self.visit.step_url(self.number + 1))
        return redirect(self.visit.done_url())

    def done(self) -> bool:
        """Whether Next may mark the step done: reading it is enough unless a kind says more."""
        return True

    def not_done(self) -> HttpResponse | None:
        """The answer to a Next the step refuses; None shows the step again."""
        return None

    def completion(self) -> dict:
        """What the step hands in with Next, for `services.module_step_complete`."""
        return {}

    def back(self) -> None:
        """Anything to keep before going back a step."""


class PublishedSnippetStep(StepHandler):
    """A step that plays a snippet chosen in its block (a scenario, a questionnaire).

    One unpublished since the module was written is None: the step shows a notice and Next passes.
    """

    @cached_property
    def snippet(self):
        chosen = self.value.get(self.block.block.published_field)
        return chosen if chosen is not None and chosen.live else None

    @cached_property
    def state(self):
        return None if self.snippet is None else self.state_of(self.snippet)

    def state_of(self, snippet):
        """What the learner has done with the snippet so far, for the page and for `done`."""
        raise NotImplementedError

    def state_done(self, state) -> bool:
        raise NotImplementedError

    def done(self) -> bool:
        return self.state is None or self.state_done(self.state)


_HANDLERS: dict[str, type[StepHandler]] = {}


def register(*block_names: str):
    """Class decorator: the handler for the ModuleStepsBlock children with these names."""

    def decorator(handler: type[StepHandler]) -> type[StepHandler]:
        for name in block_names:
            _HANDLERS[name] = handler
        return handler

    return decorator


def handler_for(visit: ModuleVisit, number: int) -> StepHandler:
    """The handler for step `number` of the visited module (every block kind has one)."""
    return _HANDLERS[visit.steps[number - 1].block_type](visit, number)


def registered() -> dict[str, type[StepHandler]]:
    return dict(_HANDLERS)
