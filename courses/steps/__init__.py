"""Module steps: one handler per kind of step, looked up by its StreamField block name.

`handler_for(visit, number)` gives the step's handler; the module view (courses.views) checks the
visitor may see the step and hands it the request. A new kind of step is a block in
courses.blocks.ModuleStepsBlock and a `@register("<block name>")` StepHandler module here.
"""

from . import reflection, roleplay, self_assessment, text  # noqa: F401 (they register)
from .base import (
    ModuleVisit,
    StepHandler,
    enrolment_for_request,
    handler_for,
    register,
    registered,
)

__all__ = [
    "ModuleVisit",
    "StepHandler",
    "enrolment_for_request",
    "handler_for",
    "register",
    "registered",
]
