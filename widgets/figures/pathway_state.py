"""What the pathway figures change when a learner picks a pain type or a stage: the
opacity of each edge trace, of each node (the nodes trace's ``marker.opacity``) and of
each node label (the first annotations). A :class:`State` holds those three lists; a
frame carries only what differs from the frame it is based on (plotly's ``baseframe``:
``Plotly.animate`` merges the chain first, so every frame can be shown directly)."""
from __future__ import annotations

from typing import NamedTuple

import plotly.graph_objects as go

# jump at once: no tween (frame.redraw is true by default)
ANIMATE = dict(mode="immediate", frame=dict(duration=0), transition=dict(duration=0))


class State(NamedTuple):
    edges: list[float]   # opacity of each edge trace, in pathway.edges order
    nodes: list[float]   # marker opacity of each node, in pathway.nodes order
    labels: list[float]  # opacity of each node label, in pathway.nodes order


def apply_state(fig: go.Figure, state: State) -> None:
    """Show ``state`` in ``fig`` (before any frame runs): what is at 1 is left unset."""
    for trace, op in zip(fig.data, state.edges):
        trace.opacity = None if op == 1 else op
    fig.data[len(state.edges)].marker.opacity = state.nodes
    for ann, op in zip(fig.layout.annotations, state.labels):
        ann.opacity = None if op == 1 else op


def delta_frame(name: str, state: State, before: State | None = None, base: str | None = None,
                layout: dict | None = None, tail: list[dict] | None = None) -> go.Frame:
    """A frame that sets what differs between ``before`` (the state frame ``base`` leaves;
    ``None``: set everything) and ``state``, plus ``layout``; ``tail``: the annotations
    right after the labels (changed at every frame)."""
    n = len(state.edges)
    if before is None:
        before = State([None] * n, [None] * len(state.nodes), [None] * len(state.labels))
    traces = [i for i in range(n) if before.edges[i] != state.edges[i]]
    data = [go.Scatter(opacity=state.edges[i]) for i in traces]
    if before.nodes != state.nodes:
        traces.append(n)
        data.append(go.Scatter(marker=dict(opacity=state.nodes)))
    anns = [{} if a == b else {"opacity": b} for a, b in zip(before.labels, state.labels)]
    anns += tail or []
    while anns and not anns[-1]:
        anns.pop()
    layout = dict(layout or {}, **({"annotations": anns} if anns else {}))
    return go.Frame(name=name, traces=traces, data=data, layout=layout,
                    **({"baseframe": base} if base else {}))
