"""The pathway link a wrong answer shows: the question's nodes as a text chain and a minimap."""
from __future__ import annotations

from html import escape

from .base import MESSAGES


def pathway_chain(pathway, node_ids: list[str]) -> str:
    """The question's pathway nodes as a text chain: "Look again at the pathway: A → B → C".

    Nodes linked by pathway edges are joined with arrows in causal order; separate
    chains are joined with "; ". This is also the text alternative of the minimap.
    """
    from ..course.pathway import causal_sort

    if not node_ids:
        return ""
    if pathway is None:
        labels = [n.replace("-", " ") for n in node_ids]
        return MESSAGES["pathway"] + "; ".join(labels)
    known = {n.id: n for n in pathway.nodes}
    ids = [n for n in dict.fromkeys(node_ids) if n in known]
    if not ids:
        return ""
    chosen = set(ids)
    succ: dict[str, list[str]] = {n: [] for n in ids}
    for e in pathway.edges:
        if e.loop or e.source not in chosen or e.target not in chosen or e.source == e.target:
            continue
        if e.target not in succ[e.source]:
            succ[e.source].append(e.target)
    # causal (topological) order; ties broken by stage, then by the question's own order
    rank = {n: (known[n].stage, i) for i, n in enumerate(ids)}
    order = causal_sort(ids, [(a, b) for a in ids for b in succ[a]], key=rank.__getitem__)
    chains: list[list[str]] = []
    seen: set[str] = set()
    for start in order:
        if start in seen:
            continue
        chain = [start]
        seen.add(start)
        while True:
            nxt = next((m for m in order if m in succ[chain[-1]] and m not in seen), None)
            if nxt is None:
                break
            chain.append(nxt)
            seen.add(nxt)
        chains.append(chain)
    text = "; ".join(" → ".join(known[n].label for n in chain) for chain in chains)
    return MESSAGES["pathway"] + text


def pathway_figure_html(pathway, node_ids: list[str]) -> str:
    """An inline SVG of the nodes (widgets.figures.minimap), or "" while it does not exist."""
    if pathway is None or not node_ids:
        return ""
    try:
        from ..figures.minimap import node_chain_svg  # lazy: only after a wrong answer
    except ImportError:
        return ""
    try:
        return node_chain_svg(pathway, list(node_ids))
    except Exception:  # noqa: BLE001 - a figure problem must never break the quiz
        return ""


def pathway_figure_slot(pathway, node_ids: list[str]) -> str:
    """The offline handouts' minimap: a hidden, empty box naming the question's pathway
    nodes (``data-nodes``), which quiz.js fills from ``assets/pathway-map.js`` (the pathway
    drawn once per folder) when a wrong answer shows the hint; "" when no node is known."""
    if pathway is None or not node_ids:
        return ""
    known = {n.id for n in pathway.nodes}
    ids = [n for n in dict.fromkeys(node_ids) if n in known]
    if not ids:
        return ""
    return f'<div class="ms-quiz__pathway" data-nodes="{escape(" ".join(ids))}" hidden></div>'
