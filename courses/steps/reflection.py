"""The reflection step: the learner writes an answer, kept as a draft on Back, handed in on Next."""

from __future__ import annotations

from django.utils.functional import cached_property

from .. import selectors, services
from ..forms import ReflectionForm
from .base import StepHandler, register


@register("reflection")
class ReflectionStep(StepHandler):
    @cached_property
    def form(self) -> ReflectionForm:
        enrolment = self.visit.enrolment
        answers = (
            selectors.reflection_answers(enrolment=enrolment, module=self.visit.module)
            if enrolment
            else {}
        )
        saved = answers.get(self.block.id)
        return ReflectionForm(
            self.request.POST if self.request.method == "POST" else None,
            initial={"answer": saved.answer if saved else ""},
            min_length=self.value.min_length,
            prompt=self.value["prompt"],
        )

    def done(self) -> bool:
        return self.form.is_valid()  # refused: shown again with the errors and the text

    def completion(self) -> dict:
        return {"reflection": (self.value["prompt"], self.form.cleaned_data["answer"])}

    def back(self) -> None:
        draft = self.form.draft()
        if draft:
            assert self.visit.enrolment is not None  # a POST enrols
            services.reflection_save(
                enrolment=self.visit.enrolment,
                module=self.visit.module,
                step_id=self.block.id,
                prompt=self.value["prompt"],
                answer=draft,
            )

    def context(self) -> dict:
        return {"form": self.form}
