"""Writes for role-plays: start an attempt, record an answer. Tampered input changes nothing."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .graph import CHOICE, FREE_TEXT, MOOD_RANGE, shown_order
from .models import Attempt, AttemptStep, Scenario
from .selectors import graph_for_attempt

MAX_REPLY_LENGTH = 3000


class RolePlayError(Exception):
    """A request that cannot be carried out; the message is safe to show the learner."""


def attempt_start(
    *, user, scenario: Scenario, context_page_id: int | None = None, context_step_id: str = ""
) -> Attempt:
    """Start a new attempt on the scenario's published revision (numbered 1, 2, ...)."""
    if not scenario.live or scenario.live_revision_id is None:
        raise RolePlayError(_("This role-play is not published."))
    graph = scenario.live_revision.as_object().graph
    if graph.start is None:
        raise RolePlayError(_("This role-play has no start."))
    scope = {
        "user": user,
        "scenario": scenario,
        "context_page_id": context_page_id,
        "context_step_id": context_step_id,
    }
    for _try in range(3):
        number = (Attempt.objects.filter(**scope).aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                return Attempt.objects.create(
                    **scope,
                    revision_id=scenario.live_revision_id,
                    number=number,
                    current_key=graph.start_key,
                    shuffle_seed=secrets.randbelow(2**31 - 1) + 1,
                )
        except IntegrityError:
            continue  # another tab started one at the same moment; take the next number
    raise RolePlayError(_("Could not start the role-play. Please try again."))


@transaction.atomic
def attempt_answer(
    *,
    attempt: Attempt,
    sequence: int,
    node_key: str,
    choice_index: int | None = None,
    reply: str | None = None,
) -> AttemptStep | None:
    """Record the learner's answer at the current node.

    `sequence` is the number of answers the page was showing; a repeat (double submit, second
    tab) no longer matches and records nothing (returns None). An answer that is not on offer
    raises RolePlayError and records nothing.
    """
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.finished_at is not None or sequence != locked.step_count:
        return None
    if node_key != locked.current_key:
        raise RolePlayError(_("That answer belongs to another point of the conversation."))
    graph = graph_for_attempt(attempt)
    node = graph.node(locked.current_key)
    if node is None:
        raise RolePlayError(_("This conversation point no longer exists."))

    points = dict(locked.points)
    flags: tuple[str, ...] = ()
    if node.kind == CHOICE:
        shown = shown_order(
            node.offered_choices(locked.play_state), seed=locked.shuffle_seed, node_key=node.key
        )
        offered = {choice.index: choice for choice in shown}
        if choice_index is None or choice_index not in offered:
            raise RolePlayError(_("That answer is not one of the choices offered here."))
        choice = offered[choice_index]
        gained, mood, next_key = choice.points, choice.mood, choice.next_key
        flags = choice.sets_flags
        step_fields = {
            "choice_index": choice.index,
            "choice_text": choice.text,
            "rating": choice.rating,
            "position": shown.index(choice) + 1,  # analytics count by index, this by place
        }
    elif node.kind == FREE_TEXT:
        # Browsers send line breaks as CRLF; count them as the textarea does.
        text = (reply or "").replace("\r\n", "\n").strip()
        if not text:
            raise RolePlayError(_("Write your reply to the customer before sending it."))
        if "\x00" in text:
            # Only a tampered request carries NUL; PostgreSQL cannot store it in text.
            raise RolePlayError(_("Your reply contains a character that cannot be saved."))
        if len(text) > MAX_REPLY_LENGTH:
            raise RolePlayError(
                _("Please keep your reply under %(n)d characters.") % {"n": MAX_REPLY_LENGTH}
            )
        gained, mood, next_key = {}, 0, node.next_key
        step_fields = {"reply": text}
    else:
        return None

    next_node = graph.node(next_key)
    if next_node is None:
        raise RolePlayError(_("This answer leads nowhere; please tell your coach."))
    for slug, value in gained.items():
        points[slug] = points.get(slug, 0) + value
    step = AttemptStep.objects.create(
        attempt=locked,
        sequence=locked.step_count + 1,
        node_key=node.key,
        node_text=node.text,
        points=gained,
        mood=mood,
        flags=list(flags),
        next_key=next_key,
        **step_fields,
    )
    locked.step_count += 1
    locked.points = points
    locked.flags = sorted({*locked.flags, *flags})
    locked.mood = max(MOOD_RANGE[0], min(MOOD_RANGE[1], locked.mood + mood))
    locked.current_key = next_key
    if next_node.is_ending:
        locked.ending_key = next_node.key
        locked.ending_tone = next_node.tone
        locked.finished_at = timezone.now()
    locked.save()
    copied = ("step_count", "points", "mood", "flags", "current_key", "ending_key", "ending_tone")
    for name in copied:
        setattr(attempt, name, getattr(locked, name))
    attempt.finished_at = locked.finished_at
    return step
