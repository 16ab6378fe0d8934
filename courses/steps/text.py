"""The steps that are read: a story, a key insight, takeaways. Next marks them done."""

from __future__ import annotations

from .base import StepHandler, register


@register("story", "key_insight", "takeaways")
class TextStep(StepHandler):
    def context(self) -> dict:
        # A module may open with the role-play: the story and insight after it then read as
        # its debrief (what really happened, and why it matters).
        earlier = self.visit.steps[: self.number - 1]
        return {"as_debrief": any(step.block_type == "roleplay" for step in earlier)}
