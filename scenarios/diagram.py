"""Draw a scenario's conversation graph as a self-contained, accessible inline SVG.

No scripts, no external assets, no style attributes (the site runs a strict CSP): only SVG
presentation attributes. Every piece of author text is escaped. The layout is deliberately simple:
one row per layer of `graph.layers` (distance from the start), unreachable nodes in a last row,
a box for each node, and arrows from each node to its successors:

* to the next row: a smooth curve through the gap between the rows;
* skipping rows: a rounded path through a lane on the right of the drawing;
* back up or sideways (cycles): a rounded path through a lane on the left.

Lanes and the gaps between rows only ever hold arrows, so no arrow is drawn across a box.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .graph import (
    CHOICE,
    ENDING,
    FLAG_NOT_SET,
    FLAG_SET,
    FREE_TEXT,
    MOOD_AT_LEAST,
    MOOD_AT_MOST,
    POINTS_AT_LEAST,
    POINTS_AT_MOST,
    Choice,
    Condition,
    Graph,
    Node,
    layers,
    reachable,
)

# Geometry, in SVG user units (pixels at natural size).
NODE_W = 252
PAD = 12
KEY_LINE = 20
TEXT_LINE = 17
TAG_LINE = 18
CHOICE_LINE = 17
MISSING_H = 58
COL_GAP = 44
BADGE_SPACE = 30  # room under a box for the choice-number badges
MIN_GAP = 64  # minimum vertical gap between rows
LANE_STEP = 9  # distance between parallel horizontal runs of lane arrows
LANE_GAP = 16  # distance between parallel vertical lanes
MARGIN = 20
CORNER = 8

TEXT_CHARS = 34  # characters per line of what is said (about 6.3 px a character)
CHOICE_CHARS = 33
KEY_CHARS = 24

INK = "#1b1f24"
MUTED = "#4f5b66"
ACCENT = "#1f5f8b"
BAD = "#a3231f"
PAPER = "#ffffff"
# The site's own font first (bundled, with Devanagari); system fonts when drawn elsewhere.
FONT = (
    '"Touchpoint Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", '
    '"Noto Sans Devanagari", sans-serif'
)

TONE_FILL = {"good": "#e6f2ea", "mixed": "#fbf1de", "poor": "#f9e5e3"}
TONE_INK = {"good": "#1e6b3a", "mixed": "#7a4300", "poor": BAD}
TONE_SYMBOL = {"good": "✓", "mixed": "≈", "poor": "✗"}


def tone_label(tone: str) -> str:
    return {"good": _("good"), "mixed": _("mixed"), "poor": _("poor")}.get(tone, tone)


def condition_label(choice: Choice, names: dict[str, str] | None = None) -> str:
    """“if empathy ≥ 2” for a conditional choice, "" otherwise."""
    return condition_text(choice.condition, names) if choice.condition else ""


# Per test: the condition in a few symbols (diagram) and in words (block templates, preview).
CONDITION_WORDING = {
    POINTS_AT_LEAST: (
        gettext_lazy("if %(dimension)s ≥ %(n)d"),
        gettext_lazy("only when the learner has at least %(n)d points on %(dimension)s."),
    ),
    POINTS_AT_MOST: (
        gettext_lazy("if %(dimension)s ≤ %(n)d"),
        gettext_lazy("only when the learner has at most %(n)d points on %(dimension)s."),
    ),
    MOOD_AT_LEAST: (
        gettext_lazy("if mood ≥ %(n)d"),
        gettext_lazy("only when the customer's mood is at least %(n)d (on -5 to 5)."),
    ),
    MOOD_AT_MOST: (
        gettext_lazy("if mood ≤ %(n)d"),
        gettext_lazy("only when the customer's mood is at most %(n)d (on -5 to 5)."),
    ),
    FLAG_SET: (
        gettext_lazy("if “%(flag)s”"),
        gettext_lazy("only when an earlier answer set “%(flag)s”."),
    ),
    FLAG_NOT_SET: (
        gettext_lazy("unless “%(flag)s”"),
        gettext_lazy("only when no earlier answer set “%(flag)s”."),
    ),
}
UNKNOWN_TEST = (gettext_lazy("if (unknown test)"), gettext_lazy("never: the test is unknown."))


def _condition_words(condition: Condition, names: dict[str, str] | None, form: int) -> str:
    wording = CONDITION_WORDING.get(condition.test)
    if wording is None:
        return str(UNKNOWN_TEST[form])
    args = {
        "dimension": (names or {}).get(condition.dimension, condition.dimension),
        "n": condition.value,
        "flag": condition.flag,
    }
    return wording[form] % args


def condition_text(condition: Condition, names: dict[str, str] | None = None) -> str:
    """A condition in a few symbols: “if empathy ≥ 2”, “if mood ≤ -1”, “unless promised”."""
    return _condition_words(condition, names, 0)


def condition_sentence(condition: Condition, names: dict[str, str] | None = None) -> str:
    """A condition in words, for the block templates and the play-through."""
    return _condition_words(condition, names, 1)


def clip(text: str, limit: int) -> str:
    """Whitespace collapsed, cut to `limit` characters with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def wrap_lines(text: str, width: int = TEXT_CHARS, lines: int = 2, limit: int = 64) -> list[str]:
    """The first ~`limit` characters, wrapped onto at most `lines` lines."""
    short = clip(text, limit)
    if not short:
        return []
    return textwrap.wrap(
        short, width=width, max_lines=lines, placeholder=" …", break_long_words=True
    ) or [short[:width]]


# --- The legend: every connection as a table row, for screen readers and for the full text.


@dataclass(frozen=True)
class LegendRow:
    node_key: str
    number: str
    text: str
    next_key: str
    condition: str
    missing: bool = False
    is_ending: bool = False
    is_reply: bool = False


def diagram_legend(graph: Graph, names: dict[str, str] | None = None) -> list[LegendRow]:
    """One row per arrow of the diagram (and one per ending), in authoring order."""
    rows: list[LegendRow] = []
    for key in _ordered_keys(graph):
        node = graph.nodes[key]
        if node.kind == CHOICE:
            for choice in node.choices:
                rows.append(
                    LegendRow(
                        node_key=key,
                        number=str(choice.index + 1),
                        text=choice.text,
                        next_key=choice.next_key,
                        condition=condition_label(choice, names),
                        missing=choice.next_key not in graph.nodes,
                    )
                )
        elif node.kind == FREE_TEXT:
            rows.append(
                LegendRow(
                    node_key=key,
                    number="",
                    text=node.prompt or _("(written reply)"),
                    next_key=node.next_key,
                    condition="",
                    missing=node.next_key not in graph.nodes,
                    is_reply=True,
                )
            )
        elif node.kind == ENDING:
            rows.append(
                LegendRow(
                    node_key=key,
                    number="",
                    text=_("Ending (%(tone)s): %(outcome)s")
                    % {"tone": tone_label(node.tone), "outcome": node.outcome},
                    next_key="",
                    condition="",
                    is_ending=True,
                )
            )
    return rows


def _ordered_keys(graph: Graph) -> list[str]:
    seen: set[str] = set()
    keys = []
    for key in [*graph.order, *graph.nodes]:
        if key in graph.nodes and key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


# --- Layout


@dataclass(eq=False)
class _Box:
    key: str  # node key; for a missing target, the key it points at
    node: Node | None
    row: int = 0
    x: float = 0
    y: float = 0
    w: float = NODE_W
    h: float = 0
    reachable: bool = True
    outgoing: list[_Edge] = field(default_factory=list)
    incoming: list[_Edge] = field(default_factory=list)

    @property
    def missing(self) -> bool:
        return self.node is None

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(eq=False)
class _Edge:
    source: _Box
    target: _Box
    label: str  # "1", "2", … or "" for a written reply
    text: str
    condition: str
    kind: str = "next"  # next | down | back (which route it takes)
    lane: int = 0
    exit_slot: int = 0
    entry_slot: int = 0
    sx: float = 0
    tx: float = 0

    @property
    def missing(self) -> bool:
        return self.target.missing


def _reachable_keys(graph: Graph) -> set[str]:
    if graph.start is None:
        return set(graph.nodes)
    return set(reachable(graph, [graph.start_key]))


def _node_height(node: Node) -> float:
    lines = len(wrap_lines(node.text)) or 1
    height = PAD + KEY_LINE + lines * TEXT_LINE + TAG_LINE + PAD
    if node.kind == CHOICE:
        height += len(node.choices) * CHOICE_LINE
    elif node.kind in (FREE_TEXT, ENDING):
        height += CHOICE_LINE
    return height


class _Layout:
    def __init__(self, graph: Graph, names: dict[str, str] | None):
        self.graph = graph
        self.names = names or {}
        reachable = _reachable_keys(graph)
        self.boxes: dict[str, _Box] = {}
        self.edges: list[_Edge] = []

        main_rows: list[list[_Box]] = []
        orphan_row: list[_Box] = []
        for row in layers(graph):
            boxes = []
            for key in row:
                if key in self.boxes:
                    continue  # a duplicated key is drawn once (and reported as a problem)
                box = _Box(key=key, node=graph.nodes[key], reachable=key in reachable)
                self.boxes[key] = box
                boxes.append(box)
            if boxes and not boxes[0].reachable:
                orphan_row = boxes
            else:
                main_rows.append(boxes)
        rows = main_rows + ([orphan_row] if orphan_row else [])
        for index, row in enumerate(rows):
            for box in row:
                box.row = index

        # Arrows, and a box for every target that does not exist, in the row below its source.
        missing_boxes: dict[str, _Box] = {}
        pending: list[tuple[int, _Box]] = []
        for row in rows:
            for box in row:
                for target_key, label, text, condition in self._successors(box.node):
                    target = self.boxes.get(target_key)
                    if target is None:
                        # A blank next key is a dangling reference of its own source only.
                        missing_id = target_key or f"\x00{box.key}"
                        target = missing_boxes.get(missing_id)
                        if target is None:
                            target = _Box(key=target_key, node=None, reachable=box.reachable)
                            missing_boxes[missing_id] = target
                            pending.append((box.row, target))
                    edge = _Edge(box, target, label, text, condition)
                    box.outgoing.append(edge)
                    target.incoming.append(edge)
                    self.edges.append(edge)
        # Insert rows of missing boxes: main-row sources point into the next main row (a new
        # one when the next row is the unreachable one); unreachable sources into a last row.
        if pending:
            orphan_index = len(main_rows) if orphan_row else None
            extra_main: list[_Box] = []
            extra_orphan: list[_Box] = []
            for source_row, target in pending:
                if orphan_index is not None and source_row >= orphan_index:
                    extra_orphan.append(target)
                elif source_row + 1 < len(main_rows):
                    main_rows[source_row + 1].append(target)
                else:
                    extra_main.append(target)
            rows = (
                main_rows
                + ([extra_main] if extra_main else [])
                + ([orphan_row] if orphan_row else [])
                + ([extra_orphan] if extra_orphan else [])
            )
            for index, row in enumerate(rows):
                for box in row:
                    box.row = index
        self.rows = [row for row in rows if row]
        for index, row in enumerate(self.rows):
            for box in row:
                box.row = index
                box.h = MISSING_H if box.missing else _node_height(box.node)

        self._route()
        self._place()

    def _successors(self, node: Node) -> list[tuple[str, str, str, str]]:
        if node.kind == CHOICE:
            return [
                (
                    choice.next_key,
                    str(choice.index + 1),
                    choice.text,
                    condition_label(choice, self.names),
                )
                for choice in node.choices
            ]
        if node.kind == FREE_TEXT:
            return [(node.next_key, "", node.prompt or _("written reply"), "")]
        return []

    def _route(self) -> None:
        """Decide each arrow's route and the lanes and horizontal slots it uses."""
        self.right_lanes = 0
        self.left_lanes = 0
        self.exits = [0] * len(self.rows)  # lane arrows leaving below each row
        self.entries = [0] * len(self.rows)  # lane arrows arriving above each row
        for edge in self.edges:
            source_row, target_row = edge.source.row, edge.target.row
            if target_row == source_row + 1:
                edge.kind = "next"
                continue
            if target_row > source_row:
                edge.kind = "down"
                edge.lane = self.right_lanes
                self.right_lanes += 1
            else:
                edge.kind = "back"
                edge.lane = self.left_lanes
                self.left_lanes += 1
            edge.exit_slot = self.exits[source_row]
            self.exits[source_row] += 1
            edge.entry_slot = self.entries[target_row]
            self.entries[target_row] += 1

    def _place(self) -> None:
        widest = max((len(row) for row in self.rows), default=1)
        content_w = widest * NODE_W + (widest - 1) * COL_GAP
        self.left = MARGIN + self.left_lanes * LANE_GAP + (LANE_GAP if self.left_lanes else 0)
        self.right = self.left + content_w
        self.width = self.right + MARGIN + self.right_lanes * LANE_GAP
        if self.right_lanes:
            self.width += LANE_GAP

        y = MARGIN + 6 + self.entries[0] * LANE_STEP if self.rows else MARGIN
        self.row_tops: list[float] = []
        self.row_bottoms: list[float] = []
        for index, row in enumerate(self.rows):
            if index:
                # Order by where the arrows come from, to keep crossings down (stable for ties).
                def barycentre(box: _Box, position=index) -> float:
                    xs = [e.source.cx for e in box.incoming if e.source.row < position]
                    return sum(xs) / len(xs) if xs else float("inf")

                row.sort(key=barycentre)
            row_w = len(row) * NODE_W + (len(row) - 1) * COL_GAP
            x = self.left + (content_w - row_w) / 2
            for box in row:
                box.x, box.y = x, y
                x += NODE_W + COL_GAP
            height = max(box.h for box in row)
            self.row_tops.append(y)
            self.row_bottoms.append(y + height)
            gap = BADGE_SPACE + self.exits[index] * LANE_STEP
            if index + 1 < len(self.rows):
                gap += self.entries[index + 1] * LANE_STEP + 20
                y += height + max(MIN_GAP, gap)
            else:
                y += height + gap
        self.height = y + MARGIN

        # Ports: exits spread along the bottom in choice order, entries along the top in the
        # order the arrows arrive from (left lanes, sources left to right, right lanes).
        for box in self.boxes_all():
            count = len(box.outgoing)
            for number, edge in enumerate(box.outgoing):
                edge.sx = box.x + box.w * (number + 1) / (count + 1)

            def arrival(edge: _Edge) -> tuple[int, float]:
                if edge.kind == "back":
                    return (0, -edge.lane)
                if edge.kind == "down":
                    return (2, edge.lane)
                return (1, edge.sx)

            incoming = sorted(box.incoming, key=arrival)
            for number, edge in enumerate(incoming):
                edge.tx = box.x + box.w * (number + 1) / (len(incoming) + 1)

    def boxes_all(self) -> list[_Box]:
        return [box for row in self.rows for box in row]

    # --- Paths

    def path(self, edge: _Edge) -> str:
        source, target = edge.source, edge.target
        sx, sy = edge.sx, source.bottom
        tx, ty = edge.tx, target.y
        if edge.kind == "next":
            bend = (ty - sy) / 2
            return (
                f"M{sx:.1f},{sy:.1f} C{sx:.1f},{sy + bend:.1f} {tx:.1f},{ty - bend:.1f} "
                f"{tx:.1f},{ty:.1f}"
            )
        exit_y = self.row_bottoms[source.row] + BADGE_SPACE + edge.exit_slot * LANE_STEP
        entry_y = self.row_tops[target.row] - 14 - edge.entry_slot * LANE_STEP
        if edge.kind == "down":
            lane_x = self.right + LANE_GAP * (edge.lane + 1)
        else:
            lane_x = self.left - LANE_GAP * (edge.lane + 1)
        points = [
            (sx, sy),
            (sx, exit_y),
            (lane_x, exit_y),
            (lane_x, entry_y),
            (tx, entry_y),
            (tx, ty),
        ]
        return _rounded(points)


def _rounded(points: list[tuple[float, float]], radius: float = CORNER) -> str:
    """A polyline with its corners rounded off by quadratic curves."""
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for index in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[index - 1], points[index], points[index + 1]
        before = min(radius, _dist(x0, y0, x1, y1) / 2)
        after = min(radius, _dist(x1, y1, x2, y2) / 2)
        ax, ay = _towards(x1, y1, x0, y0, before)
        bx, by = _towards(x1, y1, x2, y2, after)
        parts.append(f"L{ax:.1f},{ay:.1f} Q{x1:.1f},{y1:.1f} {bx:.1f},{by:.1f}")
    parts.append(f"L{points[-1][0]:.1f},{points[-1][1]:.1f}")
    return " ".join(parts)


def _dist(x0: float, y0: float, x1: float, y1: float) -> float:
    return ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5


def _towards(x0: float, y0: float, x1: float, y1: float, length: float) -> tuple[float, float]:
    distance = _dist(x0, y0, x1, y1)
    if not distance:
        return x0, y0
    return x0 + (x1 - x0) * length / distance, y0 + (y1 - y0) * length / distance


# --- Drawing


def _text(x: float, y: float, content: str, **attrs) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def _defs(prefix: str) -> str:
    return (
        "<defs>"
        f'<marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{MUTED}"/></marker>'
        f'<marker id="{prefix}-arrow-missing" viewBox="0 0 10 10" refX="10" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{BAD}"/></marker>'
        f'<pattern id="{prefix}-tone-good" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{TONE_INK["good"]}"/></pattern>'
        f'<pattern id="{prefix}-tone-mixed" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{TONE_FILL["mixed"]}"/>'
        f'<circle cx="3" cy="3" r="1.6" fill="{TONE_INK["mixed"]}"/></pattern>'
        f'<pattern id="{prefix}-tone-poor" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{TONE_FILL["poor"]}"/>'
        f'<rect width="2.5" height="6" fill="{TONE_INK["poor"]}"/></pattern>'
        "</defs>"
    )


def _node_svg(box: _Box, graph: Graph, layout: _Layout, prefix: str) -> str:
    x, y, w, h = box.x, box.y, box.w, box.h
    if box.missing:
        label = (
            _("missing: %(key)s") % {"key": clip(box.key, KEY_CHARS)}
            if box.key
            else _("missing: no next node")
        )
        hint = _("No node has this key.") if box.key else _("Choose where this leads.")
        return (
            f'<g class="sd-node sd-node--missing"><title>{escape(label)}</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w}" height="{h}" rx="8" fill="#fdf0ef" '
            f'stroke="{BAD}" stroke-width="2" stroke-dasharray="7 4"/>'
            + _text(x + PAD, y + 24, "⚠ " + label, fill=BAD, font_weight="700", font_size="13")
            + _text(x + PAD, y + 43, hint, fill=BAD, font_size="12")
            + "</g>"
        )

    node = box.node
    is_start = node.key == graph.start_key
    classes = ["sd-node", f"sd-node--{node.kind.replace('_', '-')}"]
    if is_start:
        classes.append("sd-node--start")
    if not box.reachable:
        classes.append("sd-node--unreachable")
    fill = TONE_FILL.get(node.tone, "#f4f6f8") if node.is_ending else PAPER
    stroke = ACCENT if is_start else (TONE_INK.get(node.tone, MUTED) if node.is_ending else MUTED)
    width = 3 if is_start else 1.5
    dash = ' stroke-dasharray="7 5"' if not box.reachable else ""
    parts = [f'<g class="{" ".join(classes)}"><title>{escape(_node_title(node))}</title>']
    parts.append(
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w}" height="{h}" rx="10" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{width}"{dash}/>'
    )
    text_x = x + PAD
    if node.is_ending:
        # Double border, and a strip patterned by tone (solid, dotted, hatched).
        parts.append(
            f'<rect x="{x + 4:.1f}" y="{y + 4:.1f}" width="{w - 8}" height="{h - 8}" rx="7" '
            f'fill="none" stroke="{stroke}" stroke-width="1.5"{dash}/>'
        )
        if node.tone in TONE_FILL:
            parts.append(
                f'<rect x="{x + 8:.1f}" y="{y + 8:.1f}" width="8" height="{h - 16}" rx="2" '
                f'fill="url(#{prefix}-tone-{node.tone})" stroke="{stroke}" stroke-width="0.75"/>'
            )
        text_x = x + PAD + 10

    line_y = y + PAD + 13
    parts.append(
        _text(
            text_x, line_y, clip(node.key, KEY_CHARS), fill=INK, font_weight="700", font_size="14"
        )
    )
    if is_start:
        label = _("Start")
        pill_w = 12 + 7.5 * len(label)
        pill_x = x + w - PAD - pill_w
        parts.append(
            f'<rect x="{pill_x:.1f}" y="{line_y - 13:.1f}" width="{pill_w:.1f}" height="18" '
            f'rx="9" fill="{ACCENT}"/>'
        )
        parts.append(
            _text(
                pill_x + pill_w / 2,
                line_y,
                label,
                fill=PAPER,
                font_size="12",
                font_weight="700",
                text_anchor="middle",
            )
        )
    line_y += KEY_LINE - 2
    italic = {"font_style": "italic"} if node.speaker == "narrator" else {}
    lines = wrap_lines(node.text) or [_("(nothing said yet)")]
    for number, line in enumerate(lines):
        if node.speaker != "narrator":
            line = ("“" if number == 0 else "") + line + ("”" if number == len(lines) - 1 else "")
        parts.append(_text(text_x, line_y, line, fill=INK, font_size="13", **italic))
        line_y += TEXT_LINE
    line_y += 1
    tags = []
    if node.kind == FREE_TEXT:
        tags.append(_("✎ written reply"))
    elif node.is_ending:
        tags.append(
            _("Ending · %(symbol)s %(tone)s")
            % {"symbol": TONE_SYMBOL.get(node.tone, ""), "tone": tone_label(node.tone)}
        )
    elif node.kind == CHOICE:
        tags.append(
            ngettext("%(n)d choice", "%(n)d choices", len(node.choices)) % {"n": len(node.choices)}
        )
    if node.speaker == "narrator":
        tags.append(_("narrator"))
    if not box.reachable:
        tags.append(_("unreachable"))
    tag_ink = TONE_INK.get(node.tone, MUTED) if node.is_ending else MUTED
    parts.append(
        _text(text_x, line_y, " · ".join(tags), fill=tag_ink, font_size="11.5", font_weight="600")
    )
    line_y += TAG_LINE
    if node.kind == CHOICE:
        for choice in node.choices:
            condition = condition_label(choice, layout.names)
            body = clip(
                (f"[{condition}] " if condition else "") + choice.text,
                CHOICE_CHARS - len(str(choice.index + 1)),
            )
            parts.append(
                f'<text x="{text_x:.1f}" y="{line_y:.1f}" font-size="12" fill="{INK}">'
                f'<tspan font-weight="700">{choice.index + 1}</tspan>'
                f'<tspan dx="6">{escape(body)}</tspan></text>'
            )
            line_y += CHOICE_LINE
    elif node.kind == FREE_TEXT:
        parts.append(
            _text(
                text_x,
                line_y,
                clip(node.prompt, CHOICE_CHARS),
                fill=INK,
                font_size="12",
                font_style="italic",
            )
        )
    elif node.is_ending:
        parts.append(
            _text(
                text_x,
                line_y,
                clip(node.outcome, CHOICE_CHARS - 3),
                fill=INK,
                font_size="12",
                font_weight="600",
            )
        )
    parts.append("</g>")
    return "".join(parts)


def _node_title(node: Node) -> str:
    title = f"{node.key}: {node.text}"
    if node.is_ending:
        title += f" — {tone_label(node.tone)}: {node.outcome}"
    return title


def _edge_svg(edge: _Edge, layout: _Layout, prefix: str) -> str:
    colour = BAD if edge.missing else MUTED
    marker = f"{prefix}-arrow-missing" if edge.missing else f"{prefix}-arrow"
    classes = ["sd-edge", f"sd-edge--{edge.kind}"]
    dash = ""
    if edge.missing:
        classes.append("sd-edge--missing")
        dash = ' stroke-dasharray="6 4"'
    elif edge.condition:
        classes.append("sd-edge--conditional")
        dash = ' stroke-dasharray="1.5 4" stroke-linecap="round"'
    title = f"{edge.source.key} → {edge.target.key or '?'}"
    if edge.label:
        title = f"{edge.label}. {edge.text} ({title})"
    if edge.condition:
        title += f" — {edge.condition}"
    return (
        f'<g class="sd-link"><title>{escape(title)}</title>'
        f'<path class="{" ".join(classes)}" d="{layout.path(edge)}" fill="none" stroke="{colour}" '
        f'stroke-width="{2 if edge.condition else 1.5}"{dash} marker-end="url(#{marker})"/></g>'
    )


def _badge_svg(edge: _Edge) -> str:
    x, y = edge.sx, edge.source.bottom + 13
    colour = BAD if edge.missing else INK
    if not edge.label:
        return (
            f'<circle class="sd-badge" cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{PAPER}" '
            f'stroke="{colour}" stroke-width="1.25"/>'
            + _text(x, y + 4, "✎", fill=colour, font_size="11", text_anchor="middle")
        )
    return (
        f'<circle class="sd-badge" cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{PAPER}" '
        f'stroke="{colour}" stroke-width="1.25"/>'
        + _text(
            x,
            y + 4,
            edge.label,
            fill=colour,
            font_size="11",
            font_weight="700",
            text_anchor="middle",
        )
    )


def _description(graph: Graph, layout: _Layout) -> str:
    endings = sum(1 for node in graph.nodes.values() if node.is_ending)
    missing = sorted({box.key or _("(none)") for box in layout.boxes_all() if box.missing})
    unreachable = [box.key for box in layout.boxes_all() if not box.missing and not box.reachable]
    parts = []
    if graph.start is not None:
        parts.append(_("The conversation starts at “%(key)s”.") % {"key": graph.start_key})
    else:
        parts.append(_("The conversation has no start yet."))
    parts.append(
        ngettext("%(n)d node", "%(n)d nodes", len(graph.nodes)) % {"n": len(graph.nodes)}
        + ", "
        + ngettext("%(n)d ending", "%(n)d endings", endings) % {"n": endings}
        + ", "
        + ngettext("%(n)d connection.", "%(n)d connections.", len(layout.edges))
        % {"n": len(layout.edges)}
    )
    if missing:
        parts.append(
            ngettext(
                "Points at a missing node: %(keys)s.",
                "Points at missing nodes: %(keys)s.",
                len(missing),
            )
            % {"keys": ", ".join(missing)}
        )
    if unreachable:
        parts.append(
            ngettext(
                "Cannot be reached: %(keys)s.", "Cannot be reached: %(keys)s.", len(unreachable)
            )
            % {"keys": ", ".join(unreachable)}
        )
    parts.append(_("The table after the diagram lists every connection in full."))
    return " ".join(parts)


def diagram_svg(
    graph: Graph, *, names: dict[str, str] | None = None, id_prefix: str = "sd"
) -> SafeString:
    """The conversation graph as an inline SVG (safe to output as is: all text is escaped)."""
    prefix = escape(id_prefix)
    layout = _Layout(graph, names)
    title = _("Conversation diagram")
    if not graph.nodes:
        width, height = 420, 80
        body = _text(
            MARGIN,
            46,
            _("No nodes yet: add the first node of the conversation."),
            fill=MUTED,
            font_size="14",
        )
    else:
        width, height = layout.width, layout.height
        edges = "".join(_edge_svg(edge, layout, prefix) for edge in layout.edges)
        nodes = "".join(_node_svg(box, graph, layout, prefix) for box in layout.boxes_all())
        badges = "".join(_badge_svg(edge) for edge in layout.edges)
        body = (
            _defs(prefix)
            + f'<g class="sd-edges">{edges}</g>'
            + f'<g class="sd-nodes">{nodes}</g>'
            + f'<g class="sd-badges">{badges}</g>'
        )
    classes = "scenario-diagram__svg"
    if width > 900:
        classes += " scenario-diagram__svg--wide"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{classes}" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="{escape(FONT)}">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(_description(graph, layout))}</desc>'
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="{PAPER}"/>'
        f"{body}</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every piece of text above went through escape()
