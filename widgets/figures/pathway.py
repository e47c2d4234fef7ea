"""The pathway from nerve damage to pain as a layered network diagram.

Nodes sit in columns by stage (left to right), the sensory branch above and the
motor branch below; triggers feed in; feedback loops are dashed curves. A dropdown
(plotly ``updatemenus``) highlights the causal chain of each pain type, so it works
in an offline handout without a kernel.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.pathway import BRANCHES, Pathway
from .alt_text import pathway_alt_text
from .base import FigureItem, base_layout, wrap
from .palette import EDGE_STYLES, FADED_OPACITY, GREY, INK, KIND_STYLES, kind_style

TITLE = "From nerve damage to leg pain: the causal pathway"
ALL_LABEL = "Show all"
NODE_SIZE = 20
CURVE_POINTS = 15


# ------------------------------------------------------------------ geometry
def node_positions(pathway: Pathway) -> dict[str, tuple[float, float]]:
    """(x, y) of every node: x is the stage; y puts the sensory branch in the upper band,
    shared steps in the middle and the motor branch in the lower band."""
    per_col: dict[tuple[int, str], list[str]] = {}
    for n in pathway.nodes:
        per_col.setdefault((n.stage, n.branch), []).append(n.id)
    band = {b: max([len(v) for (s, br), v in per_col.items() if br == b] or [0]) for b in BRANCHES}
    # rows from the top: sensory band, then shared, then motor
    top = 0
    start: dict[str, int] = {}
    for b in BRANCHES:
        start[b] = top
        top += band[b]
    total = max(top, 1)
    pos: dict[str, tuple[float, float]] = {}
    for (stage, branch), members in per_col.items():
        centre = start[branch] + (band[branch] - 1) / 2
        for i, nid in enumerate(members):
            row = centre - (len(members) - 1) / 2 + i
            pos[nid] = (float(stage), float(total - 1 - row))
    return pos


def _edge_points(a: tuple[float, float], b: tuple[float, float], loop: bool, below: bool
                 ) -> tuple[list[float], list[float]]:
    """Points along an edge: a straight line, or for a feedback loop a curve that bows
    away (below the motor branch, above otherwise)."""
    (x1, y1), (x2, y2) = a, b
    if not loop:
        xs = [x1 + (x2 - x1) * t / (CURVE_POINTS - 1) for t in range(CURVE_POINTS)]
        ys = [y1 + (y2 - y1) * t / (CURVE_POINTS - 1) for t in range(CURVE_POINTS)]
        return xs, ys
    span = abs(x2 - x1)
    bow = (0.55 + 0.25 * span) * (-1 if below else 1)
    cx, cy = (x1 + x2) / 2, (min(y1, y2) if below else max(y1, y2)) + bow
    xs, ys = [], []
    for i in range(CURVE_POINTS):
        t = i / (CURVE_POINTS - 1)
        xs.append((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2)
        ys.append((1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2)
    return xs, ys


def _r(values: list[float]) -> list[float]:
    return [round(v, 4) for v in values]


# ------------------------------------------------------------------ traces
def _traces(pathway: Pathway) -> list[go.Scatter]:
    """One trace per edge (so each fades on its own), then one per node."""
    pos = node_positions(pathway)
    traces: list[go.Scatter] = []
    shown: set[str] = set()
    for e in pathway.edges:
        style = EDGE_STYLES["loop" if e.loop else "causal"]
        below = pathway.node(e.target).branch == "motor"
        xs, ys = _edge_points(pos[e.source], pos[e.target], e.loop, below)
        name = style.name
        hover = wrap(f"{pathway.node(e.source).label} → {pathway.node(e.target).label}: "
                     f"{e.label} [{', '.join(e.refs)}]", 60)
        traces.append(go.Scatter(
            x=_r(xs), y=_r(ys), mode="lines+markers",
            line=dict(color=style.colour, width=style.width, dash=style.dash),
            marker=dict(symbol="arrow", size=[0] * (len(xs) - 1) + [13], color=style.colour,
                        angleref="previous", standoff=NODE_SIZE / 2 + 1),
            hoverinfo="text", hovertext=hover, name=name,
            legendgroup="loop" if e.loop else "causal", showlegend=name not in shown,
            legendrank=900 if e.loop else 800,
            meta=dict(edge=f"{e.source}->{e.target}"),
        ))
        shown.add(name)
    kinds_seen: set[str] = set()
    order = list(KIND_STYLES)
    for n in pathway.nodes:
        style = kind_style(n.kind)
        x, y = pos[n.id]
        hover = (f"<b>{n.label}</b><br>{wrap(n.description, 70)}"
                 f"<br><i>References: {', '.join(n.refs)}</i>")
        traces.append(go.Scatter(
            x=[x], y=[y], mode="markers+text",
            marker=dict(symbol=style.symbol, size=NODE_SIZE, color=style.colour,
                        line=dict(color=INK, width=1.2)),
            text=[wrap(n.label, 16)], textposition="top center",
            textfont=dict(size=12, color=INK),
            hoverinfo="text", hovertext=[hover], name=style.name,
            legendgroup=n.kind, showlegend=n.kind not in kinds_seen,
            legendrank=100 + order.index(n.kind),
            meta=dict(node=n.id),
        ))
        kinds_seen.add(n.kind)
    return traces


def trace_ids(pathway: Pathway) -> list[str]:
    """What each trace of the pathway figure draws: ``"a->b"`` for an edge, a node id."""
    return [f"{e.source}->{e.target}" for e in pathway.edges] + [n.id for n in pathway.nodes]


def opacities(pathway: Pathway, chain: set[str] | None, faded: float = FADED_OPACITY
              ) -> list[float]:
    """Opacity of every trace: full for the chain's nodes and causal edges, faded for the
    rest; ``None`` means everything is shown."""
    if chain is None:
        return [1.0] * (len(pathway.edges) + len(pathway.nodes))
    out = [1.0 if (not e.loop and e.source in chain and e.target in chain) else faded
           for e in pathway.edges]
    out += [1.0 if n.id in chain else faded for n in pathway.nodes]
    return out


def causal_chain(pathway: Pathway, node_id: str) -> list[str]:
    """``node_id`` and its ancestors through causal (non-loop) edges, roots first."""
    return pathway.causal_chain(node_id)


def stage_annotations(pathway: Pathway, y: float) -> list[dict]:
    return [dict(x=s.number, y=y, xref="x", yref="y", text=f"<b>{s.number}</b> "
                 + wrap(s.title, 18), showarrow=False, yanchor="bottom",
                 font=dict(size=11, color=GREY)) for s in pathway.stages]


def _frame(fig: go.Figure, pathway: Pathway) -> tuple[float, float]:
    pos = node_positions(pathway)
    ys = [y for _, y in pos.values()]
    y_min, y_max = min(ys), max(ys)
    fig.update_xaxes(visible=False, range=[0.45, len(pathway.stages) + 0.55], fixedrange=True)
    fig.update_yaxes(visible=False, range=[y_min - 1.4, y_max + 1.5], fixedrange=True)
    return y_min, y_max


def _band_labels(pathway: Pathway) -> list[dict]:
    pos = node_positions(pathway)
    out = []
    for branch, text in (("sensory", "Sensory branch"), ("motor", "Motor branch")):
        ys = [pos[n.id][1] for n in pathway.nodes if n.branch == branch]
        if ys:
            out.append(dict(x=0.0, y=(min(ys) + max(ys)) / 2, xref="paper", yref="y",
                            text=text, textangle=-90, showarrow=False, xanchor="right",
                            font=dict(size=12, color=GREY)))
    return out


def base_figure(pathway: Pathway, title: str = TITLE, height: int = 680) -> go.Figure:
    """The network with everything shown, no menus: shared by the highlight and step figures."""
    fig = go.Figure(data=_traces(pathway))
    _, y_max = _frame(fig, pathway)
    base_layout(fig, title, height, bottom=110, left=40, right=20, top=110,
                source="Hover over a step for its description and references. "
                       "Dashed curves are feedback loops.")
    for ann in stage_annotations(pathway, y_max + 0.55) + _band_labels(pathway):
        fig.add_annotation(**ann)
    fig.update_layout(
        showlegend=True, hovermode="closest", dragmode=False,
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.02, yanchor="top",
                    font=dict(size=12), itemclick=False, itemdoubleclick=False),
    )
    return fig


# ------------------------------------------------------------------ the figure
def pathway_figure(pathway: Pathway, active: str | None = None) -> go.Figure:
    """The pathway with a dropdown: "Show all", then one entry per pain type that shows
    its causal chain at full strength and fades the rest."""
    fig = base_figure(pathway)
    buttons = [dict(label=ALL_LABEL, method="update",
                    args=[{"opacity": opacities(pathway, None)}, {"title.text": wrap(TITLE, 80)}])]
    for p in pathway.pain_types:
        chain = set(pathway.causal_chain(p.node))
        buttons.append(dict(
            label=p.label, method="update",
            args=[{"opacity": opacities(pathway, chain)},
                  {"title.text": wrap(f"The causal chain of {p.label.lower()}"
                                      if not p.label[0].isupper() or "'" not in p.label
                                      else f"The causal chain of {p.label}", 80)}],
        ))
    index = 0
    if active is not None:
        pt = pathway.pain_type(active)
        index = 1 + pathway.pain_types.index(pt)
        for trace, op in zip(fig.data, buttons[index]["args"][0]["opacity"]):
            trace.opacity = op
        fig.update_layout(title_text=buttons[index]["args"][1]["title.text"])
    fig.update_layout(updatemenus=[dict(
        type="dropdown", buttons=buttons, active=index, direction="down",
        x=1.0, xanchor="right", y=1.0, yanchor="bottom", pad=dict(t=4, b=4),
        showactive=True, font=dict(size=12), bgcolor="#ffffff", bordercolor=GREY,
    )])
    fig.add_annotation(text="Highlight a pain type:", xref="paper", yref="paper", x=1.0, y=1.0,
                       xanchor="right", yanchor="bottom", xshift=-250, yshift=8, showarrow=False,
                       font=dict(size=12))
    return fig


def highlight_pathway(pathway: Pathway, pain_type_id: str) -> go.Figure:
    """The pathway figure with the causal chain of one pain type highlighted
    (``pain_type_id`` may also be the pain node's id)."""
    return pathway_figure(pathway, active=pain_type_id)


def pathway_item(course) -> FigureItem:
    pw = _require(course)
    return FigureItem("pathway", TITLE, pathway_figure(pw), pathway_alt_text(pw))


def _highlighted_item(name: str, pain_type: str):
    def build(course) -> FigureItem:
        pw = _require(course)
        pt = pw.pain_type(pain_type)
        alt = (f"The pathway diagram with the causal chain of {pt.label} highlighted. "
               + "Routes: " + "; ".join(" → ".join(pw.node(n).label for n in route)
                                        for route in pw.paths_to(pt.node)) + ".\n"
               + pathway_alt_text(pw))
        return FigureItem(name, f"The causal chain of {pt.label}", highlight_pathway(pw, pt.id),
                          alt)
    return build


pathway_neuropathic_item = _highlighted_item("pathway_neuropathic", "ongoing-burning-pain")
pathway_spasticity_item = _highlighted_item("pathway_spasticity", "spasticity-pain")
pathway_musculoskeletal_item = _highlighted_item("pathway_musculoskeletal", "musculoskeletal-pain")


def _require(course) -> Pathway:
    if course.pathway is None:
        raise ValueError("the course has no content/pathway.yaml, so the pathway figure "
                         "cannot be drawn; add the file")
    return course.pathway
