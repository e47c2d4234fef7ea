"""The pathway from nerve damage to pain as a layered network diagram.

Nodes sit in columns by stage (left to right), the sensory branch above and the
motor branch below; triggers feed in; feedback loops are dashed curves. A dropdown
(plotly ``updatemenus``; each pain type an animation frame) highlights the causal chain
of each pain type, so it works in an offline handout without a kernel.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.pathway import Pathway
from .alt_text import highlight_text, pathway_alt_text
from .base import SCREEN_ONLY, FigureItem, base_layout, wrap
from .pathway_layout import _edge_points, _r, node_positions  # noqa: F401
from .pathway_state import ANIMATE, State, apply_state, delta_frame
from .palette import EDGE_STYLES, FADED_OPACITY, GREY, INK, KIND_STYLES, kind_style

NODE_SIZE = 17
MENU_TOP = 92   # top margin of the figure with the dropdown: title, then the menu row


# ------------------------------------------------------------------ traces
# What most traces and labels share is said once, as the figure template's defaults (plotly
# applies them to every scatter trace and annotation that does not set its own): an edge is
# a causal "Leads to" arrow with its hover text, a label sits on a white ground above its
# node. Other traces and annotations override what differs. Keeps the JSON small.
_CAUSAL = EDGE_STYLES["causal"]
TEMPLATE = go.layout.Template(
    data=dict(scatter=[dict(
        mode="lines+markers", hoverinfo="text", showlegend=False,
        line=dict(color=_CAUSAL.colour, width=_CAUSAL.width),
        marker=dict(symbol="arrow", color=_CAUSAL.colour, angleref="previous",
                    standoff=NODE_SIZE / 2 + 1))]),
    layout=dict(hovermode="closest", annotationdefaults=dict(
        showarrow=False, yanchor="bottom", yshift=NODE_SIZE / 2 + 1,
        bgcolor="rgba(255,255,255,0.85)", font=dict(size=11.5))))
PLAIN = dict(yshift=0, bgcolor="rgba(0,0,0,0)")  # an annotation that is not a node label
NODE_MARKER = dict(size=NODE_SIZE, line=dict(color=INK, width=1.2), angleref="up", standoff=0)


def _traces(pathway: Pathway) -> list[go.Scatter]:
    """One trace per edge (so each fades on its own), one for all the nodes (each fades
    through ``marker.opacity``), then the legend."""
    pos = node_positions(pathway)
    traces: list[go.Scatter] = []
    floor = min(y for _, y in pos.values())
    for e in pathway.edges:
        style = EDGE_STYLES[edge_kind(e)]
        below = pathway.node(e.target).branch == "motor"
        xs, ys = _edge_points(pos[e.source], pos[e.target], e.loop, below, floor)
        hover = wrap(f"{pathway.node(e.source).label} → {pathway.node(e.target).label}: "
                     f"{e.label} [{', '.join(e.refs)}]", 60)
        marker = dict(size=[0] * (len(xs) - 1) + [13])
        extra = {}
        if style != _CAUSAL:
            marker["color"] = style.colour
            extra["line"] = dict(color=style.colour, width=style.width, dash=style.dash)
        traces.append(go.Scatter(x=_r(xs), y=_r(ys), marker=marker, hovertext=hover, **extra))
    xs, ys = zip(*(pos[n.id] for n in pathway.nodes))
    traces.append(go.Scatter(
        x=_r(xs), y=_r(ys), mode="markers",
        marker=dict(NODE_MARKER, symbol=[kind_style(n.kind).symbol for n in pathway.nodes],
                    color=[kind_style(n.kind).colour for n in pathway.nodes]),
        hovertext=[f"<b>{n.label}</b><br>{wrap(n.description, 70)}"
                   f"<br><i>References: {', '.join(n.refs)}</i>" for n in pathway.nodes],
    ))
    return traces + legend_traces(pathway)


def legend_traces(pathway: Pathway) -> list[go.Scatter]:
    """Legend-only traces (no points), so the legend never fades with a highlight; one
    legend group each, so a horizontal legend flows as a line of text (without groups
    plotly lays its items out in equal-width columns)."""
    out = []
    used = {n.kind for n in pathway.nodes}
    for kind, style in KIND_STYLES.items():
        if kind in used:
            out.append(go.Scatter(
                x=[None], y=[None], mode="markers", name=pathway.words.kinds[kind],
                showlegend=True,
                legendgroup=kind,
                marker=dict(NODE_MARKER, symbol=style.symbol, size=NODE_SIZE - 3,
                            color=style.colour)))
    for key in ("causal", "association", "loop"):
        if any(edge_kind(e) == key for e in pathway.edges):
            style = EDGE_STYLES[key]
            out.append(go.Scatter(
                x=[None], y=[None], mode="lines", name=pathway.words.links[key],
                showlegend=True,
                legendgroup=key,
                line=dict(color=style.colour, width=style.width, dash=style.dash)))
    return out


def edge_kind(edge) -> str:
    """How an edge is drawn: a cause, a reported association, or a feedback loop."""
    return "loop" if edge.loop else "association" if edge.association else "causal"


NODES = "nodes"  # the id of the one trace that draws every node


def trace_ids(pathway: Pathway) -> list[str]:
    """What each trace of the pathway figure draws: ``"a->b"`` for an edge, ``NODES`` for
    the nodes (in ``pathway.nodes`` order), ``"legend:…"`` for a legend entry."""
    legend = [k for k in KIND_STYLES if k in {n.kind for n in pathway.nodes}]
    legend += [k for k in ("causal", "association", "loop")
               if any(edge_kind(e) == k for e in pathway.edges)]
    return ([f"{e.source}->{e.target}" for e in pathway.edges] + [NODES]
            + [f"legend:{k}" for k in legend])


def edge_opacities(pathway: Pathway, chain: set[str] | None,
                   faded: float = FADED_OPACITY) -> list[float]:
    """Full for the chain's causal edges, faded for the rest; ``None``: all full."""
    return [1.0 if chain is None or (not e.loop and e.source in chain and e.target in chain)
            else faded for e in pathway.edges]


def node_opacities(pathway: Pathway, shown: set[str] | None,
                   faded: float = FADED_OPACITY) -> list[float]:
    """The nodes trace's ``marker.opacity``: full for ``shown`` (``None``: all)."""
    return [1.0 if shown is None or n.id in shown else faded for n in pathway.nodes]


def label_annotations(pathway: Pathway, shown: set[str] | None,
                      faded: float = FADED_OPACITY) -> list[dict]:
    """Node labels as annotations on a white ground above the marker (the template's
    annotation defaults), so lines that cross them never make them unreadable; faded with
    their node. They come first among the figure's annotations, in node order."""
    pos = node_positions(pathway)
    out = []
    for n, op in zip(pathway.nodes, node_opacities(pathway, shown, faded)):
        x, y = pos[n.id]
        out.append(dict(x=x, y=y, text=wrap(n.label, 18), **({} if op == 1 else {"opacity": op})))
    return out


def annotations(pathway: Pathway, shown: set[str] | None, faded: float = FADED_OPACITY
                ) -> list[dict]:
    """Every annotation of the pathway figure: the node labels (faded outside ``shown``),
    then stage headings, branch names, footnote and the dropdown's hint."""
    pos = node_positions(pathway)
    y_max = max(y for _, y in pos.values())
    note = dict(PLAIN, text=pathway.words.hover_note, xref="paper", yref="paper", x=0, y=0,
                xanchor="left", yanchor="top", yshift=-98, align="left",
                font=dict(size=11, color="#444444"), name=SCREEN_ONLY)
    hint = dict(PLAIN, text=pathway.words.menu_hint, xref="paper", yref="paper", x=1.0, y=1.0,
                xanchor="right", xshift=-225, yshift=30, font=dict(size=12), name=SCREEN_ONLY)
    return (label_annotations(pathway, shown, faded) + stage_annotations(pathway, y_max + 0.95)
            + _band_labels(pathway) + [note, hint])


def causal_chain(pathway: Pathway, node_id: str) -> list[str]:
    """``node_id`` and its ancestors through causal (non-loop) edges, roots first."""
    return pathway.causal_chain(node_id)


def stage_annotations(pathway: Pathway, y: float) -> list[dict]:
    return [dict(PLAIN, x=s.number, y=y, text=f"<b>{s.number}</b> " + wrap(s.title, 18),
                 font=dict(size=11, color=GREY)) for s in pathway.stages]


def _frame(fig: go.Figure, pathway: Pathway) -> tuple[float, float]:
    pos = node_positions(pathway)
    ys = [y for _, y in pos.values()]
    y_min, y_max = min(ys), max(ys)
    fig.update_xaxes(visible=False, range=[0.45, len(pathway.stages) + 0.55], fixedrange=True)
    fig.update_yaxes(visible=False, range=[y_min - 1.25, y_max + 1.75], fixedrange=True)
    return y_min, y_max


def _band_labels(pathway: Pathway) -> list[dict]:
    pos = node_positions(pathway)
    out = []
    for branch, text in pathway.words.branches.items():
        ys = [pos[n.id][1] for n in pathway.nodes if n.branch == branch]
        if ys:
            out.append(dict(PLAIN, x=0, y=(min(ys) + max(ys)) / 2, xref="paper", text=text,
                            textangle=-90, xanchor="right", yanchor="auto",
                            font=dict(size=12, color=GREY)))
    return out


def base_figure(pathway: Pathway, title: str | None = None, height: int = 650) -> go.Figure:
    """The network with everything shown, no menus: shared by the highlight and step figures."""
    title = pathway.words.title if title is None else title
    fig = go.Figure(data=_traces(pathway))
    _, y_max = _frame(fig, pathway)
    base_layout(fig, title, height, bottom=120, left=40, right=20, top=60)
    fig.layout.annotations = annotations(pathway, None)
    fig.update_layout(
        template=TEMPLATE, showlegend=True, dragmode=False,
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.02, yanchor="top",
                    font=dict(size=12), itemclick=False, itemdoubleclick=False),
    )
    return fig


# ------------------------------------------------------------------ the figure
def pathway_figure(pathway: Pathway, active: str | None = None) -> go.Figure:
    """The pathway with a dropdown: "Show all", then one entry per pain type that shows
    its causal chain at full strength and fades the rest."""
    fig = base_figure(pathway, height=680)
    # the dropdown sits below the row where plotly's modebar appears on hover (top right,
    # about 25 px high), so the modebar never covers it
    fig.update_layout(margin=dict(t=MENU_TOP))
    # "Show all" restyles every trace to opacity 1 and relayouts the labels; each pain
    # type is an animation frame that, from a base frame where everything is faded, lights
    # only its chain (see pathway_state)
    n_edges = len(pathway.edges)
    labels_all = {f"annotations[{i}].opacity": 1 for i in range(len(pathway.nodes))}
    buttons = [dict(label=pathway.words.show_all, method="update",
                    args=[{"opacity": 1, "marker.opacity": 1},
                          {"title.text": wrap(pathway.words.title, 80), **labels_all}])]
    faded = highlight_state(pathway, set())
    frames = [delta_frame(FADED, faded)]
    for p in pathway.pain_types:
        lit = highlight_state(pathway, set(pathway.causal_chain(p.node)))
        frames.append(delta_frame(p.id, lit, faded, FADED,
                                  layout={"title": {"text": wrap(chain_title(pathway, p), 80)}}))
        buttons.append(dict(label=p.label, method="animate", args=[[p.id], ANIMATE]))
    fig.frames = frames
    index = 0
    if active is not None:
        pt = pathway.pain_type(active)
        index = 1 + pathway.pain_types.index(pt)
        apply_state(fig, highlight_state(pathway, set(pathway.causal_chain(pt.node))))
        fig.update_layout(title_text=wrap(chain_title(pathway, pt), 80))
    fig.update_layout(updatemenus=[dict(
        buttons=buttons, active=index, x=1.0, xanchor="right", y=1.0, yanchor="bottom",
        pad=dict(t=0, b=22), font=dict(size=12), bgcolor="#ffffff", bordercolor=GREY,
    )])
    return fig


FADED = "faded"  # the frame every pain type's frame is based on


def highlight_state(pathway: Pathway, chain: set[str] | None) -> State:
    """The chain's nodes and causal edges at full strength, the rest faded."""
    nodes = node_opacities(pathway, chain)
    return State(edge_opacities(pathway, chain), nodes, nodes)


def chain_title(pathway: Pathway, pain_type) -> str:
    """"The causal chain of spasticity pain" (``words.highlight_title`` in pathway.yaml)."""
    return pathway.words.highlight_title.format(pain=pain_type.in_sentence)


def highlight_pathway(pathway: Pathway, pain_type_id: str) -> go.Figure:
    """The pathway figure with the causal chain of one pain type highlighted
    (``pain_type_id`` may also be the pain node's id)."""
    return pathway_figure(pathway, active=pain_type_id)


def pathway_item(course) -> FigureItem:
    pw = _require(course)
    return FigureItem("pathway", pw.words.title, pathway_figure(pw), pathway_alt_text(pw),
                      alt_shared=SHARED_ALT)


# what the pathway figures' text alternatives share (after each one's ``alt_lead``): a
# page that shows several of them (the print page) says it in full once
SHARED_ALT = "pathway"


def _highlighted_item(name: str):
    """A figure highlighting the chain of the pain type that pathway.yaml's ``highlights``
    names for it (checked by the loader, so a renamed pain type is a content problem)."""
    def build(course) -> FigureItem:
        pw = _require(course)
        pt = pw.highlighted(name)
        lead = highlight_text(pw, pt)
        return FigureItem(name, chain_title(pw, pt), highlight_pathway(pw, pt.id),
                          lead + "\n" + pathway_alt_text(pw, highlighted=pt),
                          alt_lead=lead, alt_shared=SHARED_ALT)
    return build


pathway_neuropathic_item = _highlighted_item("pathway_neuropathic")
pathway_spasticity_item = _highlighted_item("pathway_spasticity")
pathway_musculoskeletal_item = _highlighted_item("pathway_musculoskeletal")


def _require(course) -> Pathway:
    if course.pathway is None:
        raise ValueError("the course has no content/pathway.yaml, so the pathway figure "
                         "cannot be drawn; add the file")
    return course.pathway
