"""Text alternatives built from the same data as the figures (plain text, no plotly).

Every figure has one: the pathway as merged causal chains that name every link once,
charts as their values in sentences.

A pain type's routes are said once, merged step by step: ``A → B or C → D`` stands for
the two routes ``A → B → D`` and ``A → C → D``. Steps are merged only where that is exact
(:func:`merged_routes`): the routes a merged chain stands for are exactly the graph's.
"""
from __future__ import annotations

from itertools import product

from ..course.pathway import Pathway

ARROW = " → "
OR = " or "


def refs_text(refs) -> str:
    return "[" + ", ".join(refs) + "]"


def path_text(pathway: Pathway, path: list[str]) -> str:
    """``A → B → C`` with the nodes' labels."""
    return ARROW.join(pathway.node(n).label for n in path)


def edge_text(pathway: Pathway, edge) -> str:
    """One link as a sentence: ``A → B: label [R1]``."""
    return (f"{pathway.node(edge.source).label}{ARROW}{pathway.node(edge.target).label}: "
            f"{edge.label} {refs_text(edge.refs)}.")


# ------------------------------------------------------------------ merged routes
Merged = list[list[str]]  # steps, each the node ids one may pass through there


def merged_routes(pathway: Pathway, node_id: str) -> list[Merged]:
    """Every causal route to ``node_id`` (:meth:`Pathway.paths_to`), as few merged chains:
    each chain stands for every route that takes one node of each step, and every route
    is in exactly one chain. Two chains of the same length that differ in one step only
    become one (their routes are disjoint, so the union is exact); a step whose labels
    contain " or " is never merged, so the text stays unambiguous."""
    chains: list[Merged] = [[[n] for n in route] for route in pathway.paths_to(node_id)]
    rank = {n: i for i, n in enumerate(pathway.order())}
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(chains):
            for j in range(i + 1, len(chains)):
                b = chains[j]
                if len(a) != len(b):
                    continue
                differ = [k for k in range(len(a)) if set(a[k]) != set(b[k])]
                if len(differ) != 1:
                    continue
                k = differ[0]
                step = sorted(a[k] + b[k], key=rank.__getitem__)
                if any(OR in pathway.node(n).label for n in step):
                    continue
                chains[i] = a[:k] + [step] + a[k + 1:]
                del chains[j]
                merged = True
                break
            if merged:
                break
    return chains


def routes_of(chain: Merged) -> list[list[str]]:
    """The routes a merged chain stands for."""
    return [list(r) for r in product(*chain)]


def merged_text(pathway: Pathway, chain: Merged) -> str:
    """``A → B or C → D.``, then any link in it that is only a reported association."""
    text = ARROW.join(OR.join(pathway.node(n).label for n in step) for step in chain)
    weak = [e for e in pathway.causal_edges() if e.association
            and any(e.source in a and e.target in b for a, b in zip(chain, chain[1:]))]
    weak_name = pathway.words.links["association"].lower()
    for e in weak:
        text += f"; {path_text(pathway, [e.source, e.target])}: {weak_name}"
    return text + "."


def pain_type_lines(pathway: Pathway, pain_type, head: str | None = None) -> list[str]:
    """How one pain type arises, after ``head`` (default: its label): on one line when one
    merged chain says it, else one list item per merged chain."""
    head = head or pain_type.label
    chains = merged_routes(pathway, pain_type.node)
    if len(chains) == 1:
        return [f"{head}: {merged_text(pathway, chains[0])}"]
    return [f"{head} ({len(chains)} chains):"] + [f"- {merged_text(pathway, c)}" for c in chains]


def highlight_text(pathway: Pathway, pain_type) -> str:
    """The first lines of a figure that highlights one pain type's causal chain."""
    return "\n".join(pain_type_lines(
        pathway, pain_type,
        f"The pathway diagram with the causal chain of {pain_type.in_sentence} highlighted"))


# ------------------------------------------------------------------ the whole pathway
def pathway_alt_text(pathway: Pathway, highlighted=None) -> str:
    """The whole pathway in words: stages, how each pain type arises (the ``highlighted``
    one, whose chain the figure's first line gives, left out), every link once (grouped
    by where it starts), reported associations, then the feedback loops."""
    lines = [f"The pathway from nerve damage to leg pain, in {len(pathway.stages)} stages, "
             f"with {len(pathway.nodes)} steps and {len(pathway.edges)} links."]
    for s in pathway.stages:
        members = [n.label for n in pathway.nodes if n.stage == s.number]
        lines.append(f"Stage {s.number}, {s.title}: {', '.join(members)}.")
    others = [p for p in pathway.pain_types if p != highlighted]
    lines.append("How each pain type arises:" if highlighted is None
                 else "How the other pain types arise:")
    for p in others:
        lines.extend(pain_type_lines(pathway, p))
    causes = [e for e in pathway.causal_edges() if not e.association]
    lines.append("Every causal link:")
    lines.extend(_links_by_source(pathway, causes))
    weak = [e for e in pathway.causal_edges() if e.association]
    if weak:
        lines.append(f"{pathway.words.links['association']}:")
        lines.extend(_links_by_source(pathway, weak))
    loops = pathway.loop_edges()
    if loops:
        lines.append("Feedback loops (the effect feeds back and makes the cause worse):")
        lines.extend(_links_by_source(pathway, loops))
    return "\n".join(lines)


def _links_by_source(pathway: Pathway, edges) -> list[str]:
    """One list item per node the ``edges`` start from: ``- A → B: label [R1]; → C: …``."""
    out: list[str] = []
    for source in dict.fromkeys(e.source for e in edges):
        links = [f"{pathway.node(e.target).label}: {e.label} {refs_text(e.refs)}"
                 for e in edges if e.source == source]
        out.append(f"- {pathway.node(source).label}{ARROW}" + f";{ARROW}".join(links) + ".")
    return out


def pct(value: float) -> str:
    """``26 %`` / ``3.8 %``: numbers exactly as the brief gives them, British spacing."""
    text = f"{value:g}"
    return f"{text} %"
