"""Where the pathway figure puts things: a node grid by stage and branch, and the points
along each edge (straight, or a bowed curve for a feedback loop). Numbers only."""
from __future__ import annotations

import math

from ..course.pathway import BRANCHES, Pathway

CURVE_POINTS = 15
# Points along a straight edge exist only so that hovering anywhere on it shows its text
# (plotly finds the nearest *point* within 20 px): one every HOVER_GAP px at a generous
# figure width (X_PX px a stage, Y_PX px a row) keeps the whole line hoverable.
HOVER_GAP, X_PX, Y_PX = 40, 130, 55


def node_positions(pathway: Pathway) -> dict[str, tuple[float, float]]:
    """(x, y) of every node on a grid: x is the stage; the sensory branch fills a column
    from the top, the motor branch from the bottom, shared steps sit in the middle."""
    per_col: dict[int, dict[str, list[str]]] = {}
    for n in pathway.nodes:
        per_col.setdefault(n.stage, {b: [] for b in BRANCHES})[n.branch].append(n.id)
    rows = max(sum(len(v) for v in col.values()) for col in per_col.values())
    pos: dict[str, tuple[float, float]] = {}
    for stage, col in per_col.items():
        s, k, m = len(col["sensory"]), len(col["shared"]), len(col["motor"])
        for i, nid in enumerate(col["sensory"]):
            pos[nid] = (float(stage), float(i))
        for i, nid in enumerate(col["motor"]):
            pos[nid] = (float(stage), float(rows - m + i))
        start = (rows - 1) / 2 - (k - 1) / 2
        start = min(max(start, s), rows - m - k)
        for i, nid in enumerate(col["shared"]):
            pos[nid] = (float(stage), float(start + i))
    # row 0 at the top
    return {nid: (x, float(rows - 1 - r)) for nid, (x, r) in pos.items()}


def straight_points(a: tuple[float, float], b: tuple[float, float]) -> int:
    """How many points a straight edge needs to be hoverable along its whole length."""
    (x1, y1), (x2, y2) = a, b
    length = math.hypot((x2 - x1) * X_PX, (y2 - y1) * Y_PX)
    return max(2, math.ceil(length / HOVER_GAP)) + 1


def _edge_points(a: tuple[float, float], b: tuple[float, float], loop: bool, below: bool,
                 floor: float = 0.0) -> tuple[list[float], list[float]]:
    """Points along an edge: a straight line, or for a feedback loop a curve that bows
    away (below the motor branch, above otherwise)."""
    (x1, y1), (x2, y2) = a, b
    if not loop:
        n = straight_points(a, b) - 1
        xs = [x1 + (x2 - x1) * t / n for t in range(n + 1)]
        ys = [y1 + (y2 - y1) * t / n for t in range(n + 1)]
        return xs, ys
    cx, cy = (x1 + x2) / 2, (floor - 2.3 if below else max(y1, y2) + 1.2)
    xs, ys = [], []
    for i in range(CURVE_POINTS):
        t = i / (CURVE_POINTS - 1)
        xs.append((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2)
        ys.append((1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2)
    return xs, ys


def _r(values: list[float]) -> list[float]:
    """Three decimals (a tenth of a pixel here), and whole numbers without ``.0``."""
    return [int(v) if float(v).is_integer() else v for v in (round(v, 3) for v in values)]
