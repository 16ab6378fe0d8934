"""The steps that are read: a story, a key insight, takeaways. Next marks them done."""

from __future__ import annotations

from .base import StepHandler, register


@register("story", "key_insight", "takeaways")
class TextStep(StepHandler):
    pass
