"""Every problem of a pathway graph, each with where it is in pathway.yaml.

``graph_problems(pathway)`` returns ``(loc, message)`` pairs; ``loc`` is the YAML path of
the offending item (``("edges", 3, "to")``), which the loader turns into a line. Nothing
stops at the first problem: an author fixes them all in one pass. Ordering and cycles use
the standard library's :mod:`graphlib`.
"""
from __future__ import annotations

from graphlib import CycleError, TopologicalSorter
from typing import TYPE_CHECKING

from .figure_names import HIGHLIGHT_FIGURES

if TYPE_CHECKING:  # pragma: no cover
    from .pathway import Pathway

Loc = tuple
ROOT_KINDS = ("cause", "trigger")


def graph_problems(pw: "Pathway") -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = []
    seen: set[str] = set()
    for i, n in enumerate(pw.nodes):
        if n.id in seen:
            out.append((("nodes", i, "id"), f"duplicate node id {n.id!r}; give each node its own id"))
        seen.add(n.id)
    known = seen
    good_edges = []  # edges whose two ends exist: the graph checks below use only these
    pairs: set[tuple[str, str]] = set()
    for i, e in enumerate(pw.edges):
        bad = False
        for key, end in (("from", e.source), ("to", e.target)):
            if end not in known:
                out.append((("edges", i, key), f"edge {i + 1} ({e.source} -> {e.target}) names "
                                               f"unknown node {end!r}; add the node or fix the id"))
                bad = True
        if (e.source, e.target) in pairs:
            out.append((("edges", i), f"edge {i + 1} ({e.source} -> {e.target}) is listed "
                                      "twice; remove the copy"))
            bad = True
        pairs.add((e.source, e.target))
        if e.source == e.target:
            out.append((("edges", i), f"edge {i + 1} leads from {e.source!r} to itself; "
                                      "remove it"))
            bad = True
        if not bad:
            good_edges.append((i, e))
    numbers = [s.number for s in pw.stages]
    for i, number in enumerate(numbers):
        if number != i + 1:
            out.append((("stages", i, "number"), f"stage {i + 1} is numbered {number}; number "
                                                 "the stages 1, 2, 3, ... in order"))
    for i, n in enumerate(pw.nodes):
        if n.stage not in numbers:
            out.append((("nodes", i, "stage"), f"node {n.id!r} is in stage {n.stage}, which is "
                                               f"not among the stages (1-{len(numbers)}); add the "
                                               "stage or fix the number"))
    pain_ids: set[str] = set()
    for i, p in enumerate(pw.pain_types):
        if p.id in pain_ids:
            out.append((("pain_types", i, "id"), f"pain type {p.id!r} is listed twice"))
        pain_ids.add(p.id)
        if p.node not in known:
            out.append((("pain_types", i, "node"), f"pain type {p.id!r} names unknown node "
                                                   f"{p.node!r}; use a node id from the nodes list"))
    for figure, pain in pw.highlights.items():
        if figure not in HIGHLIGHT_FIGURES:
            out.append((("highlights", figure), f"highlights: unknown figure {figure!r}; the "
                        f"highlight figures are {', '.join(sorted(HIGHLIGHT_FIGURES))}"))
        if pain not in pain_ids:
            out.append((("highlights", figure), f"highlights: {figure} shows pain type {pain!r}, "
                        f"which pain_types does not define; use one of: {', '.join(sorted(pain_ids))}"))
    out += _reachability(pw, good_edges)
    out += _cycles(good_edges)
    stage = {n.id: n.stage for n in pw.nodes}
    for i, e in good_edges:
        if not e.loop and stage[e.source] > stage[e.target]:
            out.append((("edges", i), f"edge {i + 1} ({e.source} -> {e.target}) runs from stage "
                                      f"{stage[e.source]} back to stage {stage[e.target]}; move a "
                                      "node to another stage or mark the edge 'loop: true'"))
    return out


def _reachability(pw: "Pathway", edges) -> list[tuple[Loc, str]]:
    roots = [n.id for n in pw.nodes if n.kind in ROOT_KINDS]
    if not roots:
        return [(("nodes",), "no node has kind 'cause' or 'trigger': the pathway needs a root")]
    children: dict[str, list[str]] = {}
    for _, e in edges:
        children.setdefault(e.source, []).append(e.target)
    reach, frontier = set(roots), list(roots)
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in reach:
                reach.add(child)
                frontier.append(child)
    return [(("nodes", i, "id"), f"node {n.id} cannot be reached from a root cause; add an "
                                 "edge leading to it")
            for i, n in enumerate(pw.nodes) if n.id not in reach]


def _cycles(edges) -> list[tuple[Loc, str]]:
    """Each cycle made only of edges not marked ``loop: true``, reported at the edge that
    closes it (then that edge is set aside, to find the next cycle)."""
    causal = {(e.source, e.target): i for i, e in edges if not e.loop}
    out = []
    while True:
        graph: dict[str, set[str]] = {}
        for source, target in causal:
            graph.setdefault(target, set()).add(source)
        try:
            TopologicalSorter(graph).prepare()
            return out
        except CycleError as exc:
            cycle = list(exc.args[1])  # [a, b, ..., a]: each a predecessor of the next
            steps = [(a, b) for a, b in zip(cycle, cycle[1:]) if (a, b) in causal]
            if len(steps) != len(cycle) - 1:  # pragma: no cover - read the other way round
                cycle.reverse()
                steps = [(a, b) for a, b in zip(cycle, cycle[1:]) if (a, b) in causal]
            if not steps:  # pragma: no cover - graphlib always returns a real cycle
                return out
            closing = max(steps, key=causal.__getitem__)  # the last of them in the file
            i = causal.pop(closing)
            out.append((("edges", i), f"unmarked cycle {' -> '.join(cycle)}: mark the edge that "
                                      "closes a feedback loop with 'loop: true'"))
