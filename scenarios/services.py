"""Writes for role-plays: start an attempt, record an answer. Tampered input changes nothing."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.selectors import dimension_names

from .graph import CHOICE, FREE_TEXT, after_choice, graph_from_raw, graph_problems, shown_order
from .models import Attempt, AttemptStep, Scenario
from .scoring import Decision, checks_gain
from .selectors import graph_for_attempt

MAX_REPLY_LENGTH = 3000


class RolePlayError(Exception):
    """A request that cannot be carried out; the message is safe to show the learner."""


def attempt_start(
    *,
    user,
    scenario: Scenario,
    context_page_id: int | None = None,
    context_step_id: str = "",
    played: Scenario | None = None,
) -> Attempt:
    """Start a new attempt on the scenario's published revision (numbered 1, 2, ...).

    `played`: the scenario's published translation the learner plays it in. The attempt belongs
    to `scenario` (figures combine languages) and plays the translation's words.
    """
    if not scenario.live or scenario.live_revision_id is None:
        raise RolePlayError(_("This role-play is not published."))
    if (
        played is None
        or not played.live
        or played.live_revision_id is None
        or played.translation_key != scenario.translation_key
    ):
        played = scenario
    graph = played.live_revision.as_object().graph
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
                    revision_id=played.live_revision_id,
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
    checks: list[int] | None = None,
) -> AttemptStep | None:
    """Record the learner's answer at the current node.

    `sequence` is the number of answers the page was showing; a repeat (double submit, second
    tab) no longer matches and records nothing (returns None). An answer that is not on offer
    raises RolePlayError and records nothing. `checks` are the self-checks ticked on a written
    reply (their indexes); each sets its flag and adds its points.
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

    state = locked.play_state
    if node.kind == CHOICE:
        offered_now = node.offered_choices(state)
        shown = shown_order(offered_now, seed=locked.shuffle_seed, node_key=node.key)
        offered = {choice.index: choice for choice in shown}
        if choice_index is None or choice_index not in offered:
            raise RolePlayError(_("That answer is not one of the choices offered here."))
        choice = offered[choice_index]
        after = after_choice(state, choice)
        gained, mood, next_key = choice.points, choice.mood, choice.next_key
        flags = choice.sets_flags
        step_fields = {
            "choice_index": choice.index,
            "choice_text": choice.text,
            # Against the best this node offered now, as the result screen scores it.
            "rating": Decision(node, state, tuple(shown), choice).rating,
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
        known = {check.index for check in node.checks}
        ticked = sorted(set(checks or ()) & known)  # a tampered index ticks nothing
        points, check_flags = checks_gain(node, ticked)
        after = state.plus(points, 0, check_flags)
        gained = {slug: value for slug, value in points.items() if value}
        # The flags this reply set: those not already set by an earlier answer.
        mood, flags, next_key = 0, tuple(sorted(after.flags - state.flags)), node.next_key
        step_fields = {"reply": text, "checks": ticked}
    else:
        return None

    next_node = graph.node(next_key)
    if next_node is None:
        raise RolePlayError(_("This answer leads nowhere; please tell your coach."))
    step = AttemptStep.objects.create(
        attempt=locked,
        sequence=locked.step_count + 1,
        node_key=node.key,
        node_text=node.text_for(state),  # the line as this learner heard it
        points=gained,
        mood=mood,
        flags=list(flags),
        next_key=next_key,
        **step_fields,
    )
    locked.step_count += 1
    locked.points = after.points
    locked.flags = sorted(after.flags)
    locked.mood = after.mood
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


SCENARIO_DATA_FIELDS = (
    "title",
    "persona_name",
    "persona_pronunciation",
    "persona_situation",
    "learner_role",
    "source_title",
    "source_author",
    "start_key",
    "feedback_timing",
)


def scenario_publish_from_data(*, data: dict) -> Scenario:
    """Create and publish a scenario from data files' shape (its fields, `nodes` as StreamField
    raw data), checked as the editor's Publish checks it: bad data raises ValidationError and
    saves nothing."""
    fields = {name: data[name] for name in SCENARIO_DATA_FIELDS if name in data}
    block = Scenario._meta.get_field("nodes").stream_block
    try:
        # The editor's field validation; the cleaned value is stored as the editor stores it
        # (every list item with an id, which translations use to match their original).
        nodes = block.clean(block.to_python(data.get("nodes") or []))
    except ValidationError as error:
        found = _flat_errors(error.as_json_data() if hasattr(error, "as_json_data") else {})
        raise ValidationError(found or error.messages) from error
    graph = graph_from_raw(fields.get("start_key", ""), data.get("nodes") or [])
    problems = graph_problems(graph, dimensions=set(dimension_names()))
    if problems:
        raise ValidationError([str(problem) for problem in problems])
    with transaction.atomic():
        scenario = Scenario(**fields, nodes=nodes)
        scenario.save()
        scenario.save_revision().publish()
    scenario.refresh_from_db()  # publishing saved another instance: read the live state
    return scenario


def _flat_errors(data, path: str = "nodes") -> list[str]:
    """A StreamField's nested block errors as "nodes.2.choices.0.points: message" lines."""
    found = [f"{path}: {message}" for message in data.get("messages", [])]
    children = data.get("blockErrors", {})
    for key, child in children.items() if isinstance(children, dict) else enumerate(children):
        if child:
            found += _flat_errors(child, f"{path}.{key}")
    return found
