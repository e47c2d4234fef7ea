"""Text alternatives built from the same data as the figures (plain text, no plotly).

Every figure has one: the pathway as ordered causal chains that mention every link,
charts as their values in sentences.
"""
from __future__ import annotations

from ..course.pathway import Pathway

ARROW = " → "


def refs_text(refs) -> str:
    return "[" + ", ".join(refs) + "]"


def path_text(pathway: Pathway, path: list[str]) -> str:
    """``A → B → C`` with the nodes' labels."""
    return ARROW.join(pathway.node(n).label for n in path)


def edge_text(pathway: Pathway, edge) -> str:
    """One link as a sentence: ``A → B: label [R1]``."""
    return (f"{pathway.node(edge.source).label}{ARROW}{pathway.node(edge.target).label}: "
            f"{edge.label} {refs_text(edge.refs)}.")


def chain_sentence(pathway: Pathway, node_ids: list[str]) -> str:
    """The causal chain(s) leading to ``node_ids`` as one sentence, roots first."""
    parts: list[str] = []
    for nid in node_ids:
        paths = pathway.paths_to(nid)
        label = pathway.node(nid).label
        if len(paths) == 1 and len(paths[0]) == 1:
            parts.append(f"{label} starts the chain")
            continue
        routes = "; ".join(path_text(pathway, p) for p in paths)
        parts.append(f"{label} is reached by {_count(len(paths), 'route')}: {routes}")
    return "Causal chain. " + ". ".join(parts) + "."


def pathway_alt_text(pathway: Pathway) -> str:
    """The whole pathway in words: stages, every causal route to each pain type,
    then every link (so every edge is named), then the feedback loops."""
    lines = [f"The pathway from nerve damage to leg pain, in {len(pathway.stages)} stages, "
             f"with {len(pathway.nodes)} steps and {len(pathway.edges)} links."]
    for s in pathway.stages:
        members = [n.label for n in pathway.nodes if n.stage == s.number]
        lines.append(f"Stage {s.number}, {s.title}: {', '.join(members)}.")
    lines.append("How each pain type arises:")
    for p in pathway.pain_types:
        routes = pathway.paths_to(p.node)
        lines.append(f"{p.label} ({_count(len(routes), 'route')}):")
        lines.extend(f"- {path_text(pathway, r)}." for r in routes)
    lines.append("Every link:")
    lines.extend(f"- {edge_text(pathway, e)}" for e in pathway.causal_edges())
    loops = pathway.loop_edges()
    if loops:
        lines.append("Feedback loops (the effect feeds back and makes the cause worse):")
        lines.extend(f"- {edge_text(pathway, e)}" for e in loops)
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def pct(value: float) -> str:
    """``26 %`` / ``3.8 %``: numbers exactly as the brief gives them, British spacing."""
    text = f"{value:g}"
    return f"{text} %"
