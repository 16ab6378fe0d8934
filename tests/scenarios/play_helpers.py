"""Builders and play helpers for the role-play tests (scenarios/ and courses/test_roleplay_step).

Scenarios are built as StreamField raw data, the format the admin saves, and published with a
revision as the admin's Publish button does. Playing goes through the module step URL, reading the
hidden `node` and `sequence` fields from the page the learner was shown.
"""

from __future__ import annotations

from copy import deepcopy

from bs4 import BeautifulSoup
from django.test import Client
from factories import ScenarioFactory

from assessments.models import Dimension
from scenarios.models import Attempt, Scenario

DIMENSIONS = [
    ("empathy", "Empathy"),
    ("ownership", "Ownership"),
    ("acknowledgement", "Acknowledgement"),
]


def dimensions_ensure() -> dict[str, str]:
    for order, (slug, name) in enumerate(DIMENSIONS):
        Dimension.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    return dict(DIMENSIONS)


# --- raw StreamField data ---------------------------------------------------------------------


def choice(
    text: str,
    next_key: str,
    *,
    points: dict[str, int] | None = None,
    feedback: str = "",
    reaction: str = "",
    mood: int = 0,
    condition: tuple[str, int] | dict | None = None,
    rating: str = "",
    sets_flags: str = "",
) -> dict:
    """A choice; `condition` is (dimension, minimum points) or a stored condition dict."""
    if isinstance(condition, tuple):
        condition = {"dimension": condition[0], "minimum": condition[1]}
    return {
        "text": text,
        "next_key": next_key,
        "feedback": feedback,
        "reaction": reaction,
        "mood": str(mood),
        "points": _points(points),
        "condition": condition or {"dimension": "", "minimum": None},
        "rating": rating,
        "sets_flags": sets_flags,
    }


def _points(points: dict[str, int] | None) -> list[dict]:
    return [{"dimension": slug, "points": value} for slug, value in (points or {}).items()]


def variant(condition: dict, text: str = "", debrief: str = "") -> dict:
    """A line (or an ending's debrief) said instead when `condition` holds."""
    return {"condition": condition, "text": text, "debrief": debrief}


def self_check(text: str, *, flag: str = "", points: dict[str, int] | None = None) -> dict:
    return {"text": text, "flag": flag, "points": _points(points)}


def choice_node(
    key: str,
    text: str,
    choices: list[dict],
    *,
    speaker: str = "customer",
    variants: list[dict] | None = None,
) -> dict:
    return {
        "type": "choice",
        "value": {
            "key": key,
            "speaker": speaker,
            "text": text,
            "choices": choices,
            "variants": variants or [],
        },
    }


def free_text_node(
    key: str,
    text: str,
    *,
    next_key: str,
    prompt: str = "Say it in your own words.",
    exemplar: str = "An exemplar answer.",
    rubric: tuple[str, ...] = ("empathy",),
    checks: list[dict] | None = None,
) -> dict:
    return {
        "type": "free_text",
        "value": {
            "key": key,
            "speaker": "customer",
            "text": text,
            "prompt": prompt,
            "exemplar": exemplar,
            "rubric": list(rubric),
            "checks": checks or [],
            "next_key": next_key,
        },
    }


def ending_node(
    key: str,
    text: str = "Goodbye.",
    *,
    outcome: str,
    tone: str = "mixed",
    debrief: str = "Debrief.",
    variants: list[dict] | None = None,
) -> dict:
    return {
        "type": "ending",
        "value": {
            "key": key,
            "speaker": "customer",
            "text": text,
            "outcome": outcome,
            "tone": tone,
            "debrief": debrief,
            "variants": variants or [],
        },
    }


# --- the scenario most play tests use -------------------------------------------------------
#
#   opening --0 (+2 empathy)--> probe --0 [empathy>=2] (+2 ownership)--> write --> close
#           --1 (-1 empathy)-->       --1 (-1 ownership) ---------------->        --> close
#   close --0 (+1 empathy, +1 ownership)--> resolved (good)
#         --1 (-2 empathy)--> walked-out (poor)

OPENING_LINE = "My parcel was due on Friday and nobody has told me anything."
KIND_ANSWER = "I'm so sorry, that sounds really frustrating. Let me look at it with you."
CURT_ANSWER = "Parcels can take up to ten working days."
KIND_FEEDBACK = "You named how she feels before fixing anything."
KIND_REACTION = "Maya's shoulders drop a little."
CURT_FEEDBACK = "Accurate, but it tells her the rules matter more than she does."
CURT_REACTION = "Maya folds her arms."
PROBE_LINE = "So what are you actually going to do about it?"
OWN_ANSWER = "I'll ring the courier myself while you're here."
DEFLECT_ANSWER = "You can track it on the courier's website."
WRITE_LINE = "Right. And what if it doesn't turn up tomorrow either?"
WRITE_PROMPT = "In your own words, promise her what happens next."
EXEMPLAR = "If it isn't with you by noon tomorrow, I'll send a new one by courier at our cost."
CLOSE_LINE = "Is there anything else I should know?"
FOLLOW_UP_ANSWER = "I'll call you tomorrow at ten with news, whatever happens."
GOODBYE_ANSWER = "No, that's all. Have a nice day."
GOOD_OUTCOME = "Maya trusts the shop again"
GOOD_DEBRIEF = "Naming the feeling, then owning the next step, turned a complaint into trust."
POOR_OUTCOME = "Maya walks out and shops elsewhere"


def call_centre_nodes() -> list[dict]:
    return deepcopy(
        [
            choice_node(
                "opening",
                OPENING_LINE,
                [
                    choice(
                        KIND_ANSWER,
                        "probe",
                        points={"empathy": 2},
                        feedback=KIND_FEEDBACK,
                        reaction=KIND_REACTION,
                        mood=1,
                    ),
                    choice(
                        CURT_ANSWER,
                        "probe",
                        points={"empathy": -1},
                        feedback=CURT_FEEDBACK,
                        reaction=CURT_REACTION,
                        mood=-1,
                    ),
                ],
            ),
            choice_node(
                "probe",
                PROBE_LINE,
                [
                    choice(
                        OWN_ANSWER,
                        "write",
                        points={"ownership": 2},
                        feedback="You took it on yourself.",
                        reaction="Maya nods.",
                        mood=1,
                        condition=("empathy", 2),
                    ),
                    choice(
                        DEFLECT_ANSWER,
                        "write",
                        points={"ownership": -1},
                        feedback="You handed the problem back.",
                        reaction="Maya sighs.",
                        mood=-1,
                    ),
                ],
            ),
            free_text_node(
                "write", WRITE_LINE, next_key="close", prompt=WRITE_PROMPT, exemplar=EXEMPLAR
            ),
            choice_node(
                "close",
                CLOSE_LINE,
                [
                    choice(
                        FOLLOW_UP_ANSWER,
                        "resolved",
                        points={"empathy": 1, "ownership": 1},
                        feedback="A named time is a promise she can hold you to.",
                        reaction="Maya smiles for the first time.",
                        mood=2,
                    ),
                    choice(
                        GOODBYE_ANSWER,
                        "walked-out",
                        points={"empathy": -2},
                        feedback="She leaves with nothing to hold on to.",
                        reaction="Maya leaves without a word.",
                        mood=-2,
                    ),
                ],
            ),
            ending_node(
                "resolved",
                "Thank you. Really.",
                outcome=GOOD_OUTCOME,
                tone="good",
                debrief=GOOD_DEBRIEF,
            ),
            ending_node(
                "walked-out",
                "Forget it.",
                outcome=POOR_OUTCOME,
                tone="poor",
                debrief="Nothing she heard told her someone was on her side.",
            ),
        ]
    )


def chain_nodes(count: int) -> list[dict]:
    """`count` nodes: count-1 choice nodes in a row (two choices each), then an ending."""
    nodes = []
    for n in range(count - 1):
        following = f"n{n + 1}" if n + 1 < count - 1 else "end"
        nodes.append(
            choice_node(
                f"n{n}",
                f"Line number {n}.",
                [
                    choice(f"Warm answer {n}", following, points={"empathy": 1}),
                    choice(f"Cold answer {n}", following, points={"empathy": -1}),
                ],
            )
        )
    nodes.append(ending_node("end", outcome="The end", tone="good"))
    return nodes


def scenario_create(
    *,
    title: str = "The late parcel",
    start: str = "opening",
    nodes: list[dict] | None = None,
    live: bool = True,
    **fields,
) -> Scenario:
    """A scenario saved with a revision; `live=True` publishes it as the admin's button does."""
    return ScenarioFactory(
        title=title,
        start_key=start,
        nodes=call_centre_nodes() if nodes is None else nodes,
        publish=live,
        **fields,
    )


def roleplay_step(scenario: Scenario, introduction: str = "") -> dict:
    return {"type": "roleplay", "value": {"scenario": scenario.pk, "introduction": introduction}}


# --- reading the page -------------------------------------------------------------------------


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(response) -> str:
    """The page's visible text, whitespace collapsed."""
    return " ".join(page(response).get_text(" ").split())


def messages(response) -> list[str]:
    return [" ".join(p.get_text().split()) for p in page(response).select(".messages .message")]


def offered(response) -> dict[int, str]:
    """The choices on offer: {index: label}."""
    result = {}
    for radio in page(response).select('input[type="radio"][name="choice"]'):
        label = page(response).find("label", attrs={"for": radio["id"]})
        result[int(radio["value"])] = " ".join(label.get_text().split())
    return result


def turn_fields(response) -> dict[str, str]:
    """The hidden `node` and `sequence` of the turn form on the page."""
    form = page(response).select_one("form.roleplay-turn")
    assert form is not None, "no role-play turn on the page"
    return {
        name: form.find("input", attrs={"name": name})["value"] for name in ("node", "sequence")
    }


def current_line(response) -> str:
    quote = page(response).select_one("form.roleplay-turn blockquote")
    return " ".join(quote.get_text(" ").split()) if quote else ""


def transcript_text(response) -> str:
    ol = page(response).select_one("ol.transcript")
    return " ".join(ol.get_text(" ").split()) if ol else ""


def result_text(response) -> str:
    box = page(response).select_one(".result")
    return " ".join(box.get_text(" ").split()) if box else ""


def scores_table(response) -> dict[str, str]:
    rows = page(response).select("table.scores tbody tr")
    return {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in rows}


def path_items(response, which: str = "yours") -> list[str]:
    """The answers on the result's path ("yours" or "best"), then the ending's outcome."""
    items = page(response).select(f".paths__{which} ol.path > li .path__answer")
    return [" ".join(item.get_text().split()) for item in items]


def decision_score(response) -> str:
    box = page(response).select_one(".decision-score")
    return " ".join(box.get_text(" ").split()) if box else ""


# --- playing through the step URL -------------------------------------------------------------


def start(client: Client, url: str):
    response = client.post(url, {"roleplay": "start"})
    assert response.status_code == 302, response.status_code
    assert response["Location"].split("#")[0] == url, response["Location"]
    return client.get(url)


def retry(client: Client, url: str):
    response = client.post(url, {"roleplay": "retry"})
    assert response.status_code == 302
    return client.get(url)


def choose(client: Client, url: str, index: int, *, shown=None, **overrides):
    """Answer with choice `index` from the page the learner is shown (or `shown`)."""
    shown = shown if shown is not None else client.get(url)
    data = {"roleplay": "choose", **turn_fields(shown), "choice": str(index)}
    data.update({k: v for k, v in overrides.items() if v is not None})
    for key in [k for k, v in overrides.items() if v is None]:
        data.pop(key, None)
    response = client.post(url, data)
    assert response.status_code == 302, response.status_code
    return client.get(url)


def reply(client: Client, url: str, words: str, *, shown=None, checks: tuple[int, ...] = ()):
    """Send a written reply, ticking the self-checks `checks` (their indexes)."""
    shown = shown if shown is not None else client.get(url)
    data = {"roleplay": "reply", **turn_fields(shown), "reply": words}
    data["check"] = [str(index) for index in checks]
    response = client.post(url, data)
    assert response.status_code == 302
    return client.get(url)


def play_good_path(client: Client, url: str):
    """opening 0, probe 0, a written reply, close 0: the good ending."""
    start(client, url)
    choose(client, url, 0)
    choose(client, url, 0)
    reply(client, url, "I will ring you at ten tomorrow, whatever happens.")
    return choose(client, url, 0)


def attempts_of(user, scenario: Scenario) -> list[Attempt]:
    return list(Attempt.objects.filter(user=user, scenario=scenario).order_by("number"))


# --- the admin's form data --------------------------------------------------------------------


def _list(items: list) -> dict:
    """ListBlock form data, as the editor's JavaScript posts it."""
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i), "id": ""}
        for i, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def _num(value) -> str:
    return "" if value is None else str(value)


def _condition_form(condition: dict | None) -> dict:
    condition = condition or {}
    return {
        "test": condition.get("test") or "points_at_least",
        "dimension": condition.get("dimension") or "",
        "minimum": _num(condition.get("minimum")),
        "flag": condition.get("flag") or "",
    }


def node_form_value(item: dict) -> dict:
    """One node's raw data as the admin form's nested fields."""
    value = item["value"]
    data = {"key": value["key"], "speaker": value.get("speaker", "customer"), "text": value["text"]}
    data["variants"] = _list(
        [
            {
                "condition": _condition_form(v.get("condition")),
                "text": v.get("text", ""),
                **({"debrief": v.get("debrief", "")} if item["type"] == "ending" else {}),
            }
            for v in value.get("variants", [])
        ]
    )
    if item["type"] == "choice":
        data["choices"] = _list(
            [
                {
                    "text": c["text"],
                    "next_key": c["next_key"],
                    "feedback": c.get("feedback", ""),
                    "reaction": c.get("reaction", ""),
                    "mood": str(c.get("mood", "0")),
                    "points": _list(
                        [
                            {"dimension": p["dimension"], "points": _num(p["points"])}
                            for p in c.get("points", [])
                        ]
                    ),
                    "rating": c.get("rating", ""),
                    "sets_flags": c.get("sets_flags", ""),
                    "condition": _condition_form(c.get("condition")),
                }
                for c in value["choices"]
            ]
        )
    elif item["type"] == "free_text":
        data.update(
            prompt=value["prompt"],
            exemplar=value["exemplar"],
            rubric=_list(list(value["rubric"])),
            checks=_list(
                [
                    {
                        "text": check["text"],
                        "flag": check.get("flag", ""),
                        "points": _list(
                            [
                                {"dimension": p["dimension"], "points": _num(p["points"])}
                                for p in check.get("points", [])
                            ]
                        ),
                    }
                    for check in value.get("checks", [])
                ]
            ),
            next_key=value["next_key"],
        )
    else:
        data.update(outcome=value["outcome"], tone=value["tone"], debrief=value["debrief"])
    return data


def scenario_form_data(*, title: str, start: str, nodes: list[dict], publish: bool) -> dict:
    """What the snippet editor posts for a scenario built from raw node data."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": title,
            "persona_name": "Maya Pillai",
            "persona_pronunciation": "MY-uh pil-LAI",
            "persona_situation": "Maya ordered a birthday present that never came.",
            "learner_role": "You answer the shop's phone.",
            "source_title": "Customers Not Targets",
            "source_author": "Priya Shrivastava",
            "start_key": start,
            "feedback_timing": "immediate",
            "nodes": streamfield([(item["type"], node_form_value(item)) for item in nodes]),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data
