"""The pathway from nerve damage to pain as a layered network diagram.

Nodes sit in columns by stage (left to right), the sensory branch above and the
motor branch below; triggers feed in; feedback loops are dashed curves. A dropdown
(plotly ``updatemenus``) highlights the causal chain of each pain type, so it works
in an offline handout without a kernel.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.pathway import Pathway
from .alt_text import pathway_alt_text
from .base import FigureItem, base_layout, wrap
from .pathway_layout import _edge_points, _r, node_positions  # noqa: F401
from .palette import EDGE_STYLES, FADED_OPACITY, GREY, INK, KIND_STYLES, kind_style

TITLE = "From nerve damage to leg pain: the causal pathway"
ALL_LABEL = "Show all"
NODE_SIZE = 17
MENU_TOP = 92   # top margin of the figure with the dropdown: title, then the menu row


# ------------------------------------------------------------------ traces
def _traces(pathway: Pathway) -> list[go.Scatter]:
    """One trace per edge (so each fades on its own), then one per node."""
    pos = node_positions(pathway)
    traces: list[go.Scatter] = []
    for e in pathway.edges:
        style = EDGE_STYLES[edge_kind(e)]
        below = pathway.node(e.target).branch == "motor"
        xs, ys = _edge_points(pos[e.source], pos[e.target], e.loop, below,
                              min(y for _, y in pos.values()))
        name = style.name
        hover = wrap(f"{pathway.node(e.source).label} → {pathway.node(e.target).label}: "
                     f"{e.label} [{', '.join(e.refs)}]", 60)
        traces.append(go.Scatter(
            x=_r(xs), y=_r(ys), mode="lines+markers",
            line=dict(color=style.colour, width=style.width, dash=style.dash),
            marker=dict(symbol="arrow", size=[0] * (len(xs) - 1) + [13], color=style.colour,
                        angleref="previous", standoff=NODE_SIZE / 2 + 1),
            hoverinfo="text", hovertext=hover, name=name,
            legendgroup=edge_kind(e), showlegend=False,
            meta=dict(edge=f"{e.source}->{e.target}"),
        ))
    for n in pathway.nodes:
        style = kind_style(n.kind)
        x, y = pos[n.id]
        hover = (f"<b>{n.label}</b><br>{wrap(n.description, 70)}"
                 f"<br><i>References: {', '.join(n.refs)}</i>")
        traces.append(go.Scatter(
            x=[x], y=[y], mode="markers",
            marker=dict(symbol=style.symbol, size=NODE_SIZE, color=style.colour,
                        line=dict(color=INK, width=1.2)),
            hoverinfo="text", hovertext=[hover], name=style.name,
            legendgroup=n.kind, showlegend=False,
            meta=dict(node=n.id),
        ))
    return traces + legend_traces(pathway)


def legend_traces(pathway: Pathway) -> list[go.Scatter]:
    """Legend-only traces (no points), so the legend never fades with a highlight."""
    out = []
    used = {n.kind for n in pathway.nodes}
    for kind, style in KIND_STYLES.items():
        if kind in used:
            out.append(go.Scatter(
                x=[None], y=[None], mode="markers", name=style.name, legendgroup=kind,
                marker=dict(symbol=style.symbol, size=NODE_SIZE - 3, color=style.colour,
                            line=dict(color=INK, width=1.2)),
                hoverinfo="skip", showlegend=True, meta=dict(legend=kind)))
    for key in ("causal", "association", "loop"):
        if any(edge_kind(e) == key for e in pathway.edges):
            style = EDGE_STYLES[key]
            out.append(go.Scatter(
                x=[None], y=[None], mode="lines", name=style.name, legendgroup=key,
                line=dict(color=style.colour, width=style.width, dash=style.dash),
                hoverinfo="skip", showlegend=True, meta=dict(legend=key)))
    return out


def edge_kind(edge) -> str:
    """How an edge is drawn: a cause, a reported association, or a feedback loop."""
    return "loop" if edge.loop else "association" if edge.association else "causal"


def trace_ids(pathway: Pathway) -> list[str]:
    """What each trace of the pathway figure draws: ``"a->b"`` for an edge, a node id."""
    return ([f"{e.source}->{e.target}" for e in pathway.edges] + [n.id for n in pathway.nodes]
            + [f"legend:{t.meta['legend']}" for t in legend_traces(pathway)])


def opacities(pathway: Pathway, chain: set[str] | None, faded: float = FADED_OPACITY
              ) -> list[float]:
    """Opacity of every trace: full for the chain's nodes and causal edges, faded for the
    rest; ``None`` means everything is shown."""
    n_legend = len(legend_traces(pathway))
    if chain is None:
        return [1.0] * (len(pathway.edges) + len(pathway.nodes) + n_legend)
    out = [1.0 if (not e.loop and e.source in chain and e.target in chain) else faded
           for e in pathway.edges]
    out += [1.0 if n.id in chain else faded for n in pathway.nodes]
    return out + [1.0] * n_legend


def label_annotations(pathway: Pathway, shown: set[str] | None,
                      faded: float = FADED_OPACITY) -> list[dict]:
    """Node labels as annotations on a white ground above the marker, so lines that
    cross them never make them unreadable; faded with their node."""
    pos = node_positions(pathway)
    out = []
    for n in pathway.nodes:
        x, y = pos[n.id]
        out.append(dict(x=x, y=y, xref="x", yref="y", text=wrap(n.label, 18), showarrow=False,
                        yanchor="bottom", yshift=NODE_SIZE / 2 + 1, borderpad=1,
                        bgcolor="rgba(255,255,255,0.85)", font=dict(size=11.5, color=INK),
                        opacity=1.0 if shown is None or n.id in shown else faded,
                        name=f"label:{n.id}"))
    return out


def annotations(pathway: Pathway, shown: set[str] | None, faded: float = FADED_OPACITY
                ) -> list[dict]:
    """Every annotation of the pathway figure: stage headings, branch names, footnote,
    then the node labels (faded outside ``shown``)."""
    pos = node_positions(pathway)
    y_max = max(y for _, y in pos.values())
    note = dict(text="Hover over a step for its description and references. Dashed curves "
                     "are feedback loops; dotted lines are reported associations, not causes.",
                xref="paper", yref="paper", x=0, y=0,
                xanchor="left", yanchor="top", yshift=-73, showarrow=False, align="left",
                font=dict(size=11, color="#444444"))
    hint = dict(text="Highlight a pain type:", xref="paper", yref="paper", x=1.0, y=1.0,
                xanchor="right", yanchor="bottom", xshift=-225, yshift=30, showarrow=False,
                font=dict(size=12))
    return (stage_annotations(pathway, y_max + 0.95) + _band_labels(pathway) + [note, hint]
            + label_annotations(pathway, shown, faded))


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
    fig.update_yaxes(visible=False, range=[y_min - 1.25, y_max + 1.75], fixedrange=True)
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


def base_figure(pathway: Pathway, title: str = TITLE, height: int = 650) -> go.Figure:
    """The network with everything shown, no menus: shared by the highlight and step figures."""
    fig = go.Figure(data=_traces(pathway))
    _, y_max = _frame(fig, pathway)
    base_layout(fig, title, height, bottom=95, left=40, right=20, top=60)
    fig.layout.annotations = annotations(pathway, None)
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
    fig = base_figure(pathway, height=680)
    # the dropdown sits below the row where plotly's modebar appears on hover (top right,
    # about 25 px high), so the modebar never covers it
    fig.update_layout(margin=dict(t=MENU_TOP))
    # each entry changes only the label annotations' opacity, not whole annotations, so the
    # figure JSON stays small (the labels sit after the fixed annotations)
    first_label = len(annotations(pathway, None)) - len(pathway.nodes)

    def label_opacity(shown: set[str] | None) -> dict:
        return {f"annotations[{first_label + i}].opacity": a["opacity"]
                for i, a in enumerate(label_annotations(pathway, shown))}

    buttons = [dict(label=ALL_LABEL, method="update",
                    args=[{"opacity": opacities(pathway, None)},
                          {"title.text": wrap(TITLE, 80), **label_opacity(None)}])]
    chains = [None]
    for p in pathway.pain_types:
        chain = set(pathway.causal_chain(p.node))
        chains.append(chain)
        buttons.append(dict(
            label=p.label, method="update",
            args=[{"opacity": opacities(pathway, chain)},
                  {"title.text": wrap(chain_title(p.label), 80), **label_opacity(chain)}],
        ))
    index = 0
    if active is not None:
        pt = pathway.pain_type(active)
        index = 1 + pathway.pain_types.index(pt)
        for trace, op in zip(fig.data, buttons[index]["args"][0]["opacity"]):
            trace.opacity = op
        fig.update_layout(title_text=buttons[index]["args"][1]["title.text"])
        fig.layout.annotations = annotations(pathway, chains[index])
    fig.update_layout(updatemenus=[dict(
        type="dropdown", buttons=buttons, active=index, direction="down",
        x=1.0, xanchor="right", y=1.0, yanchor="bottom", pad=dict(t=0, b=22),
        showactive=True, font=dict(size=12), bgcolor="#ffffff", bordercolor=GREY,
    )])
    return fig


def chain_title(label: str) -> str:
    """"The causal chain of spasticity pain" (names such as Lhermitte's keep their capital)."""
    name = label if "'" in label else label[0].lower() + label[1:]
    return f"The causal chain of {name}"


def highlight_pathway(pathway: Pathway, pain_type_id: str) -> go.Figure:
    """The pathway figure with the causal chain of one pain type highlighted
    (``pain_type_id`` may also be the pain node's id)."""
    return pathway_figure(pathway, active=pain_type_id)


def pathway_item(course) -> FigureItem:
    pw = _require(course)
    return FigureItem("pathway", TITLE, pathway_figure(pw), pathway_alt_text(pw))


def _highlighted_item(name: str):
    """A figure highlighting the chain of the pain type that pathway.yaml's ``highlights``
    names for it (checked by the loader, so a renamed pain type is a content problem)."""
    def build(course) -> FigureItem:
        pw = _require(course)
        pt = pw.highlighted(name)
        alt = (f"The pathway diagram with the causal chain of {pt.label} highlighted. "
               + "Routes: " + "; ".join(" → ".join(pw.node(n).label for n in route)
                                        for route in pw.paths_to(pt.node)) + ".\n"
               + pathway_alt_text(pw))
        return FigureItem(name, chain_title(pt.label), highlight_pathway(pw, pt.id),
                          alt)
    return build


pathway_neuropathic_item = _highlighted_item("pathway_neuropathic")
pathway_spasticity_item = _highlighted_item("pathway_spasticity")
pathway_musculoskeletal_item = _highlighted_item("pathway_musculoskeletal")


def _require(course) -> Pathway:
    if course.pathway is None:
        raise ValueError("the course has no content/pathway.yaml, so the pathway figure "
                         "cannot be drawn; add the file")
    return course.pathway
