"""A small inline SVG of a causal chain, with some of its nodes highlighted.

Pure string building (no plotly), so quiz feedback can show where a question sits
in the pathway, in a notebook and in an offline handout alike. Highlighted nodes
differ by fill colour *and* by a thick border and bold text; the chain is also
given in words (``<title>`` and ``aria-label``).
"""
from __future__ import annotations

import textwrap
from html import escape

from ..course.pathway import Pathway
from .alt_text import chain_sentence
from .palette import GREY, INK, LIGHT_GREY, kind_style

BOX_W, BOX_H = 124, 44
GAP_X, GAP_Y = 30, 10
PAD = 6
FONT = 11
LINE = 13
WRAP = 19


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
    rows: dict[int, list[str]] = {}
    for n in chain:
        rows.setdefault(col[n], []).append(n)
    n_cols = max(rows) + 1
    n_rows = max(len(v) for v in rows.values())
    width = PAD * 2 + n_cols * BOX_W + (n_cols - 1) * GAP_X
    height = PAD * 2 + n_rows * BOX_H + (n_rows - 1) * GAP_Y
    pos: dict[str, tuple[float, float]] = {}
    for c, members in rows.items():
        used = len(members) * BOX_H + (len(members) - 1) * GAP_Y
        top = PAD + (height - 2 * PAD - used) / 2
        for r, n in enumerate(members):
            pos[n] = (PAD + c * (BOX_W + GAP_X), top + r * (BOX_H + GAP_Y))

    sentence = chain_sentence(pathway, list(node_ids))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pathway-minimap" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto" aria-label="{escape(sentence)}">',
        f"<title>{escape(sentence)}</title>",
    ]
    for e in pathway.chain_edges(list(node_ids)):
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        ax, ay = x1 + BOX_W, y1 + BOX_H / 2
        bx, by = x2 - 1, y2 + BOX_H / 2
        hot = e.target in marked or e.source in marked
        colour = INK if hot else GREY
        out.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx - 6:.1f}" y2="{by:.1f}" '
                   f'stroke="{colour}" stroke-width="{1.8 if hot else 1.2}"/>')
        out.append(_arrowhead(ax, ay, bx, by, colour))
    for n in chain:
        node = pathway.node(n)
        style = kind_style(node.kind)
        x, y = pos[n]
        hot = n in marked
        fill = style.colour if hot else "#ffffff"
        text_colour = _on(style.colour) if hot else INK
        dash = f' stroke-dasharray="{style.dash}"' if style.dash and not hot else ""
        out.append(f'<g class="node{" highlighted" if hot else ""}" data-node="{escape(n)}">')
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="6" '
                   f'fill="{fill}" stroke="{INK if hot else style.colour}" '
                   f'stroke-width="{3 if hot else 1.5}"{dash}/>')
        lines = textwrap.wrap(node.label, WRAP) or [node.label]
        lines = lines[:3]
        first = y + BOX_H / 2 - (len(lines) - 1) * LINE / 2 + FONT * 0.35
        weight = ' font-weight="bold"' if hot else ""
        out.append(f'<text x="{x + BOX_W / 2:.1f}" y="{first:.1f}" text-anchor="middle" '
                   f'font-family="Arial, Helvetica, sans-serif" font-size="{FONT}" '
                   f'fill="{text_colour}"{weight}>')
        for i, line in enumerate(lines):
            dy = 0 if i == 0 else LINE
            out.append(f'<tspan x="{x + BOX_W / 2:.1f}" dy="{dy}">{escape(line)}</tspan>')
        out.append("</text></g>")
    out.append("</svg>")
    return "".join(out)


def _arrowhead(ax: float, ay: float, bx: float, by: float, colour: str) -> str:
    dx, dy = bx - ax, by - ay
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    size = 7
    px, py = -uy, ux
    p1 = (bx, by)
    p2 = (bx - ux * size + px * size / 2, by - uy * size + py * size / 2)
    p3 = (bx - ux * size - px * size / 2, by - uy * size - py * size / 2)
    pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in (p1, p2, p3))
    return f'<polygon points="{pts}" fill="{colour}"/>'


def _on(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 110 else "#ffffff"
