"""A small inline SVG of a causal chain, with some of its nodes highlighted.

Pure string building (no plotly), so quiz feedback can show where a question sits
in the pathway. Highlighted nodes differ by fill colour *and* by a thick border and bold
text; the chain is also given in words (the ``<title>``, the SVG's accessible name,
:func:`minimap_name`).

The notebook draws it here (:func:`node_chain_svg`). An offline handout folder carries the
pathway once (``assets/pathway-map.js``, :func:`minimap_script`: :func:`minimap_data` and
``minimap.js``, which draws the same SVG in the browser from a question's node ids).
"""
from __future__ import annotations

import json
import textwrap
from html import escape
from pathlib import Path

from ..course.pathway import Pathway
from .alt_text import ARROW
from .palette import GREY, INK, kind_style

BOX_W, BOX_H = 124, 44
SLOT_H = 8
GAP_X, GAP_Y = 30, 10
PAD = 6
FONT = 11
LINE = 13
WRAP = 19
# the accessible name: what is highlighted, then every link drawn (minimap.js uses the same)
ASSET_NAME = "pathway-map.js"
MINIMAP_JS = Path(__file__).resolve().with_name("minimap.js")


def minimap_name(pathway: Pathway, node_ids: list[str]) -> str:
    """The minimap's accessible name: the highlighted nodes, then each causal link drawn."""
    ids = list(dict.fromkeys(node_ids))
    nodes = "; ".join(pathway.node(n).label for n in ids)
    links = "; ".join(pathway.node(e.source).label + ARROW + pathway.node(e.target).label
                      for e in pathway.chain_edges(ids))
    words = pathway.words  # pathway.yaml: map_name, map_name_alone
    return (words.map_name if links else words.map_name_alone).format(nodes=nodes, links=links)


def _lines(label: str) -> list[str]:
    """A box's label, wrapped to at most three lines."""
    return (textwrap.wrap(label, WRAP) or [label])[:3]


def minimap_data(pathway: Pathway) -> dict:
    """The whole pathway as minimap.js draws it: nodes in causal order (label lines, kind
    colours), causal edges as node indices in file order, sizes, colours and wording."""
    order = pathway.order()
    index = {n: i for i, n in enumerate(order)}
    nodes = []
    for nid in order:
        node = pathway.node(nid)
        style = kind_style(node.kind)
        nodes.append({"id": nid, "lines": _lines(node.label), "label": node.label,
                      "colour": style.colour, "dash": style.dash, "on": _on(style.colour)})
    return {
        "size": {"box_w": BOX_W, "box_h": BOX_H, "slot_h": SLOT_H, "gap_x": GAP_X,
                 "gap_y": GAP_Y, "pad": PAD, "font": FONT, "line": LINE},
        "ink": INK, "grey": GREY, "arrow": ARROW, "name": pathway.words.map_name, "name_alone": pathway.words.map_name_alone,
        "nodes": nodes,
        "edges": [[index[e.source], index[e.target]] for e in pathway.causal_edges()],
    }


def minimap_script(pathway: Pathway) -> str:
    """``assets/pathway-map.js``: the pathway's data, then the code that draws a minimap."""
    data = (json.dumps(minimap_data(pathway), ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c"))  # safe inlined in a <script> too
    return ("/* The course pathway, written by widgets/figures/minimap.py (minimap_data). */\n"
            f"window.MSPathwayMap = {{ data: {data} }};\n" + MINIMAP_JS.read_text("utf-8"))


def _columns(pathway: Pathway, chain: list[str]) -> dict[str, int]:
    """Column of each chain node: its longest causal distance from a root; a root that
    feeds in later (a trigger) sits just left of its first child."""
    inside = set(chain)
    col: dict[str, int] = {}
    for n in chain:  # chain is in causal order
        parents = [p for p in pathway.parents(n) if p in inside]
        col[n] = max((col[p] + 1 for p in parents), default=0)
    for n in chain:
        if not [p for p in pathway.parents(n) if p in inside]:
            kids = [c for c in pathway.children(n) if c in inside]
            if kids:
                col[n] = max(0, min(col[c] for c in kids) - 1)
    return col


def node_chain_svg(pathway: Pathway, node_ids: list[str]) -> str:
    """An inline SVG of the causal chain(s) leading to ``node_ids``, those nodes highlighted.

    Raises ``KeyError`` naming the known ids when a node id is unknown.
    """
    if not node_ids:
        raise ValueError("node_chain_svg needs at least one pathway node id")
    for nid in node_ids:
        pathway.node(nid)
    chain = pathway.chain_of(list(node_ids))
    marked = set(node_ids)
    col = _columns(pathway, chain)
    edges = pathway.chain_edges(list(node_ids))
    rows: dict[int, list[str]] = {}
    for n in chain:
        rows.setdefault(col[n], []).append(n)
    # an edge that skips columns passes through a slot in each column it crosses,
    # so it never runs behind a box
    via: dict[int, list[str]] = {}
    parents_of: dict[str, list[str]] = {}
    for i, e in enumerate(edges):
        prev = e.source
        for c in range(col[e.source] + 1, col[e.target]):
            slot = f"~{i}~{c}"
            rows[c].append(slot) if c in rows else rows.setdefault(c, [slot])
            via.setdefault(i, []).append(slot)
            parents_of[slot] = [prev]
            prev = slot
        parents_of.setdefault(e.target, []).append(prev)
    _order_rows(rows, parents_of)
    n_cols = max(rows) + 1

    def size(item: str) -> float:
        return SLOT_H if item.startswith("~") else BOX_H

    used = {c: sum(size(m) for m in ms) + (len(ms) - 1) * GAP_Y for c, ms in rows.items()}
    width = PAD * 2 + n_cols * BOX_W + (n_cols - 1) * GAP_X
    height = PAD * 2 + max(used.values())
    pos: dict[str, tuple[float, float]] = {}  # top-left of a box; for a slot, its centre line
    for c, members in rows.items():
        y = PAD + (height - 2 * PAD - used[c]) / 2
        for item in members:
            pos[item] = (PAD + c * (BOX_W + GAP_X), y)
            y += size(item) + GAP_Y

    sentence = minimap_name(pathway, list(node_ids))
    # Compact markup (it is inlined once per quiz question in every handout page): shared
    # attributes sit on groups, numbers carry no ".0", the name is the <title> alone.
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pathway-minimap" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'style="max-width:100%;height:auto">',
        f"<title>{escape(sentence)}</title>",
    ]
    lines_of: dict[bool, list[str]] = {False: [], True: []}
    heads_of: dict[bool, list[str]] = {False: [], True: []}
    for i, e in enumerate(edges):
        x1, y1 = pos[e.source]
        x2, y2 = pos[e.target]
        points = [(x1 + BOX_W, y1 + BOX_H / 2)]
        for slot in via.get(i, []):
            sx, sy = pos[slot]
            points += [(sx - 2, sy + SLOT_H / 2), (sx + BOX_W + 2, sy + SLOT_H / 2)]
        points.append((x2 - 7, y2 + BOX_H / 2))
        hot = e.target in marked or e.source in marked
        d = f"M{_n(points[0][0])} {_n(points[0][1])}"
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            if ay == by:
                d += f"L{_n(bx)} {_n(by)}"
                continue
            bend = max(8.0, (bx - ax) / 2)
            d += f"C{_n(ax + bend)} {_n(ay)} {_n(bx - bend)} {_n(by)} {_n(bx)} {_n(by)}"
        lines_of[hot].append(f'<path d="{d}"/>')
        ex, ey = points[-1]
        heads_of[hot].append(_arrowhead(ex - 1, ey, ex + 6, ey))
    for hot in (False, True):
        colour, width_ = (INK, 1.8) if hot else (GREY, 1.2)
        if lines_of[hot]:
            out.append(f'<g fill="none" stroke="{colour}" stroke-width="{width_}">'
                       + "".join(lines_of[hot]) + f'</g><g fill="{colour}">'
                       + "".join(heads_of[hot]) + "</g>")
    out.append(f'<g font-family="Arial, Helvetica, sans-serif" font-size="{FONT}" '
               f'text-anchor="middle" fill="{INK}" stroke-width="1.5">')
    for n in chain:
        node = pathway.node(n)
        style = kind_style(node.kind)
        x, y = pos[n]
        hot = n in marked
        dash = f' stroke-dasharray="{style.dash}"' if style.dash and not hot else ""
        out.append(f'<g class="node{" highlighted" if hot else ""}" data-node="{escape(n)}">')
        if hot:
            out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{BOX_W}" height="{BOX_H}" rx="6" '
                       f'fill="{style.colour}" stroke="{INK}" stroke-width="3"/>')
        else:
            out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{BOX_W}" height="{BOX_H}" rx="6" '
                       f'fill="#ffffff" stroke="{style.colour}"{dash}/>')
        lines = _lines(node.label)
        first = y + BOX_H / 2 - (len(lines) - 1) * LINE / 2 + FONT * 0.35
        cx = _n(x + BOX_W / 2)
        look = f' fill="{_on(style.colour)}" font-weight="bold"' if hot else ""
        out.append(f'<text x="{cx}" y="{_n(first)}"{look}>{escape(lines[0])}')
        for line in lines[1:]:
            out.append(f'<tspan x="{cx}" dy="{LINE}">{escape(line)}</tspan>')
        out.append("</text></g>")
    out.append("</g></svg>")
    return "".join(out)


def _n(value: float) -> str:
    """A coordinate with one decimal at most and no trailing ".0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _order_rows(rows: dict[int, list[str]], parents_of: dict[str, list[str]]) -> None:
    """Order each column by the mean row of its parents (fewer crossings), left to right."""
    rank: dict[str, float] = {}
    for c in sorted(rows):
        members = rows[c]

        def key(n: str, i: int) -> tuple[float, int]:
            ps = [rank[p] for p in parents_of.get(n, []) if p in rank]
            return (sum(ps) / len(ps) if ps else float(i) - (len(members) - 1) / 2, i)

        members[:] = [n for _, n in sorted((key(n, i), n) for i, n in enumerate(members))]
        for i, n in enumerate(members):
            rank[n] = i - (len(members) - 1) / 2


def _arrowhead(ax: float, ay: float, bx: float, by: float) -> str:
    dx, dy = bx - ax, by - ay
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    size = 7
    px, py = -uy, ux
    p1 = (bx, by)
    p2 = (bx - ux * size + px * size / 2, by - uy * size + py * size / 2)
    p3 = (bx - ux * size - px * size / 2, by - uy * size - py * size / 2)
    pts = " ".join(f"{_n(a)},{_n(b)}" for a, b in (p1, p2, p3))
    return f'<polygon points="{pts}"/>'


def _on(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 110 else "#ffffff"
