"""Template helpers for scenario previews: the legend, the play-through and small labels."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .. import diagram
from ..blocks import MOODS
from ..diagram import TONE_SYMBOL, condition_label, diagram_legend, tone_label
from ..graph import (
    CHOICE,
    FREE_TEXT,
    POINT_TESTS,
    Choice,
    Graph,
    PlayState,
    after_choice,
    condition_from_raw,
)
from ..scoring import Decision, after_checks, decision_score, tick_options

register = template.Library()

MAX_DEPTH = 25
MAX_NODES = 400  # nodes drawn in one play-through, whatever the branching


@register.filter
def dimension_name(slug, names) -> str:
    return (names or {}).get(slug, slug)


@register.filter
def condition_sentence(value, names) -> str:
    """A stored condition (a block value or a dict) in words; "" when it tests nothing."""
    condition = condition_from_raw(dict(value or {}))
    return diagram.condition_sentence(condition, names) if condition else ""


@register.filter
def mood_label(value) -> str:
    return dict(MOODS).get(str(value), "")


@register.filter(name="tone_label")
def tone_label_filter(tone) -> str:
    return tone_label(str(tone or ""))


@register.filter
def tone_symbol(tone) -> str:
    return TONE_SYMBOL.get(str(tone or ""), "")


@register.filter
def signed(value) -> str:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "0"


@register.simple_tag
def scenario_legend(graph: Graph, names=None):
    return diagram_legend(graph, names)


@register.simple_tag
def scenario_play(graph: Graph, names=None, persona_name: str = "") -> SafeString:
    return play_through_html(graph, names or {}, persona_name=persona_name)


def _choice_value(choice: Choice) -> dict:
    """A choice shaped like the ChoiceBlock's value, so the block templates render both."""
    return {
        "text": choice.text,
        "next_key": choice.next_key,
        "feedback": choice.feedback,
        "reaction": choice.reaction,
        "mood": str(choice.mood),
        "points": [{"dimension": slug, "points": value} for slug, value in choice.points.items()],
        "condition": {
            "test": choice.condition.test if choice.condition else "",
            "dimension": choice.condition.dimension if choice.condition else "",
            "minimum": choice.condition.minimum if choice.condition else None,
            "flag": choice.condition.flag if choice.condition else "",
        },
    }


def _note(kind: str, message: str) -> SafeString:
    return format_html('<p class="play-note play-note--{}">{}</p>', kind, message)


def play_through_html(graph: Graph, names: dict[str, str], *, persona_name: str = "") -> SafeString:
    """Every path from the start as nested <details>: a choice opens onto what follows it.

    Stops a branch when a node repeats on the current path, after MAX_DEPTH steps, and once
    MAX_NODES nodes have been drawn, each time saying so.
    """
    if graph.start is None:
        return _note(
            "missing", _("The conversation has no start yet, so there is nothing to play.")
        )
    budget = [MAX_NODES]
    base = {"play": True, "dimension_names": names, "persona_name": persona_name}

    def render_node(
        key: str, path: tuple[str, ...], state: PlayState, decisions: tuple[Decision, ...] = ()
    ) -> SafeString:
        node = graph.node(key)
        if node is None:
            if not key:
                return _note("missing", _("This leads nowhere yet: choose its next node."))
            return _note(
                "missing",
                _("The next node “%(key)s” does not exist, so this branch stops here.")
                % {"key": key},
            )
        if key in path:
            return _note(
                "loop",
                _(
                    "This leads back to “%(key)s”, which is already on this path; "
                    "the play-through stops here."
                )
                % {"key": key},
            )
        if len(path) >= MAX_DEPTH:
            return _note(
                "depth",
                _("Stopped after %(n)d steps; the conversation goes on at “%(key)s”.")
                % {"n": MAX_DEPTH, "key": key},
            )
        if budget[0] <= 0:
            return _note(
                "budget",
                _("Too many branches to show them all: “%(key)s” and what follows are left out.")
                % {"key": key},
            )
        budget[0] -= 1
        points = state.points
        path_points = [
            {"dimension": slug, "points": value} for slug, value in sorted(points.items())
        ]
        body = render_to_string(
            "scenarios/blocks/node.html",
            {
                **base,
                "value": node,
                "kind": node.kind,
                "node_key": key,
                "path_points": path_points,
                # What is said on this path: the variant whose condition holds, if any.
                "line": node.text_for(state),
                "debrief": node.debrief_for(state),
                "path_score": decision_score(decisions) if node.is_ending else None,
            },
        )
        branches: list[SafeString] = []
        if node.kind == CHOICE:
            on_offer = tuple(node.offered_choices(state))
            for choice in node.choices:
                offered = choice.offered(state)
                condition = condition_label(choice, names)
                details = render_to_string(
                    "scenarios/blocks/choice.html",
                    {
                        **base,
                        "value": _choice_value(choice),
                        "offered": offered,
                        # What the path has of what the condition tests, to say why it is unmet.
                        "have": points.get(choice.condition.dimension, 0)
                        if choice.condition and choice.condition.test in POINT_TESTS
                        else None,
                    },
                )
                if offered:
                    after = render_node(
                        choice.next_key,
                        (*path, key),
                        after_choice(state, choice),
                        (*decisions, Decision(node, state, on_offer, choice)),
                    )
                else:
                    after = SafeString("")
                summary = format_html(
                    '<span class="play-choice__number">{}.</span> {}{}',
                    choice.index + 1,
                    choice.text or _("(no text)"),
                    format_html(' <span class="play-choice__condition">({})</span>', condition)
                    if condition
                    else "",
                )
                branches.append(
                    format_html(
                        '<li class="play-choice{}"><details><summary>{}</summary>'
                        '<div class="play-choice__body">{}{}</div></details></li>',
                        "" if offered else " play-choice--not-offered",
                        summary,
                        details,
                        after,
                    )
                )
        elif node.kind == FREE_TEXT:
            rubric = ", ".join(names.get(slug, slug) for slug in node.rubric)
            details = format_html(
                '<div class="scenario-choice"><p><strong>{}</strong> {}</p>{}</div>',
                _("Exemplar answer:"),
                node.exemplar or _("(none yet)"),
                format_html("<p><strong>{}</strong> {}</p>", _("A coach rates:"), rubric)
                if rubric
                else "",
            )
            # With self-checks, what follows depends on the ticks: show every tick and none.
            for ticked in tick_options(node):
                if not node.checks:
                    summary = _("The learner writes a reply")
                elif ticked:
                    summary = _("The learner writes a reply and ticks every self-check")
                else:
                    summary = _("The learner writes a reply and ticks no self-check")
                after = render_node(
                    node.next_key, (*path, key), after_checks(state, node, ticked), decisions
                )
                branches.append(
                    format_html(
                        '<li class="play-choice play-choice--reply"><details><summary>{}</summary>'
                        '<div class="play-choice__body">{}{}</div></details></li>',
                        summary,
                        details,
                        after,
                    )
                )
        choices = (
            format_html('<ol class="play-choices">{}</ol>', mark_safe("".join(branches)))  # noqa: S308
            if branches
            else ""
        )
        return format_html('<div class="play-node">{}{}</div>', body, choices)

    return render_node(graph.start_key, (), PlayState())
