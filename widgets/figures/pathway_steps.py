"""The pathway step by step: one animation frame per stage, a slider and a caption.

Each frame shows the stages reached so far at full strength and the rest as a faint
outline, so the layout never jumps; the caption under the title says what happens.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.pathway import Pathway
from .alt_text import edge_text
from .base import FigureItem, wrap
from .palette import FADED_OPACITY, GREY, INK
from .pathway import annotations, base_figure, legend_traces

TITLE = "The pathway step by step"
GHOST = 0.06


def _shown(pathway: Pathway, stage: int) -> set[str]:
    return {n.id for n in pathway.nodes if n.stage <= stage}


def _step_opacities(pathway: Pathway, stage: int) -> list[float]:
    shown = _shown(pathway, stage)
    current = {n.id for n in pathway.nodes if n.stage == stage}
    out = []
    for e in pathway.edges:
        if e.source in shown and e.target in shown:
            out.append(1.0 if (e.target in current or e.source in current) else 0.45)
        else:
            out.append(GHOST)
    out += [1.0 if n.id in current else (0.45 if n.id in shown else GHOST)
            for n in pathway.nodes]
    return out + [1.0] * len(legend_traces(pathway))


CAPTION_WIDTH = 92   # characters a line: fits the plot at 700 px wide (about 6 px a character)
TOP = 150            # room above the plot for the title and a caption of up to 5 lines


def _caption(pathway: Pathway, stage: int) -> dict:
    """The stage heading on its own line, then the caption wrapped to fit a 700 px plot."""
    s = pathway.stages[stage - 1]
    return dict(text=f"<b>Stage {s.number} of {len(pathway.stages)}: {s.title}.</b><br>"
                     + wrap(s.caption, CAPTION_WIDTH),
                xref="paper", yref="paper", x=0, y=1.0, xanchor="left", yanchor="bottom",
                yshift=22, align="left", showarrow=False, font=dict(size=13, color=INK),
                name="caption")


def _layout_for(pathway: Pathway, stage: int) -> dict:
    shown = _shown(pathway, stage)
    anns = [a for a in annotations(pathway, shown, GHOST)
            if a.get("text") != "Highlight a pain type:"]
    return {"annotations": anns + [_caption(pathway, stage)]}


def pathway_steps_figure(pathway: Pathway) -> go.Figure:
    """One frame per stage, a slider to move between them and a play button."""
    fig = base_figure(pathway, title=TITLE, height=650)
    first = _step_opacities(pathway, 1)
    for trace, op in zip(fig.data, first):
        trace.opacity = op
    fig.layout.annotations = _layout_for(pathway, 1)["annotations"]
    frames = []
    for s in pathway.stages:
        ops = _step_opacities(pathway, s.number)
        frames.append(go.Frame(name=str(s.number),
                               data=[go.Scatter(opacity=o) for o in ops],
                               traces=list(range(len(ops))),
                               layout=_layout_for(pathway, s.number)))
    fig.frames = frames
    anim = dict(mode="immediate", frame=dict(duration=0, redraw=True), transition=dict(duration=0))
    fig.update_layout(
        height=750, margin=dict(t=TOP, b=200),
        sliders=[dict(
            active=0, x=0.1, len=0.88, y=-0.27, yanchor="top", pad=dict(t=0),
            currentvalue=dict(prefix="Stage ", font=dict(size=13)),
            steps=[dict(label=str(s.number), method="animate",
                        args=[[str(s.number)], anim]) for s in pathway.stages],
        )],
        updatemenus=[dict(
            type="buttons", direction="left", x=0.0, xanchor="left", y=-0.29, yanchor="top",
            pad=dict(t=0, r=10), showactive=False, font=dict(size=12), bordercolor=GREY,
            buttons=[dict(label="▶ Play", method="animate",
                          args=[None, dict(mode="immediate", fromcurrent=True,
                                           frame=dict(duration=2500, redraw=True),
                                           transition=dict(duration=0))])],
        )],
    )
    return fig


def pathway_steps_alt_text(pathway: Pathway) -> str:
    lines = [f"The pathway in {len(pathway.stages)} stages, one step at a time."]
    for s in pathway.stages:
        members = [n for n in pathway.nodes if n.stage == s.number]
        lines.append(f"Stage {s.number}, {s.title}: {s.caption}")
        lines.append("New steps: " + ", ".join(n.label for n in members) + ".")
        new_edges = [e for e in pathway.edges
                     if max(pathway.node(e.source).stage, pathway.node(e.target).stage)
                     == s.number]
        lines.extend(("- Feedback loop: " if e.loop else "- ") + edge_text(pathway, e)
                     for e in new_edges)
    return "\n".join(lines)


def pathway_steps_item(course) -> FigureItem:
    from .pathway import _require

    pw = _require(course)
    return FigureItem("pathway_steps", TITLE, pathway_steps_figure(pw), pathway_steps_alt_text(pw))


__all__ = ["pathway_steps_figure", "pathway_steps_alt_text", "pathway_steps_item", "FADED_OPACITY"]
