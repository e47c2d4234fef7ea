"""Where the pathway figure puts things: a node grid by stage and branch, and the points
along each edge (straight, or a bowed curve for a feedback loop). Numbers only."""
from __future__ import annotations

from ..course.pathway import BRANCHES, Pathway

CURVE_POINTS = 15


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


def _edge_points(a: tuple[float, float], b: tuple[float, float], loop: bool, below: bool,
                 floor: float = 0.0) -> tuple[list[float], list[float]]:
    """Points along an edge: a straight line, or for a feedback loop a curve that bows
    away (below the motor branch, above otherwise)."""
    (x1, y1), (x2, y2) = a, b
    if not loop:
        xs = [x1 + (x2 - x1) * t / (CURVE_POINTS - 1) for t in range(CURVE_POINTS)]
        ys = [y1 + (y2 - y1) * t / (CURVE_POINTS - 1) for t in range(CURVE_POINTS)]
        return xs, ys
    cx, cy = (x1 + x2) / 2, (floor - 2.3 if below else max(y1, y2) + 1.2)
    xs, ys = [], []
    for i in range(CURVE_POINTS):
        t = i / (CURVE_POINTS - 1)
        xs.append((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2)
        ys.append((1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2)
    return xs, ys


def _r(values: list[float]) -> list[float]:
    return [round(v, 4) for v in values]
