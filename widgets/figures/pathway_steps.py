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
from .pathway import PLAIN, annotations, base_figure
from .pathway_state import ANIMATE, State, apply_state, delta_frame

GHOST = 0.06


def _shown(pathway: Pathway, stage: int) -> set[str]:
    return {n.id for n in pathway.nodes if n.stage <= stage}


def _state(pathway: Pathway, stage: int) -> State:
    """What ``stage`` shows: its own steps and links at full strength, earlier ones at
    half, later ones a ghost; labels full once their stage is reached."""
    shown = _shown(pathway, stage)
    current = {n.id for n in pathway.nodes if n.stage == stage}
    edges = [(1.0 if (e.target in current or e.source in current) else 0.45)
             if e.source in shown and e.target in shown else GHOST for e in pathway.edges]
    nodes = [1.0 if n.id in current else (0.45 if n.id in shown else GHOST)
             for n in pathway.nodes]
    labels = [1.0 if n.id in shown else GHOST for n in pathway.nodes]
    return State(edges, nodes, labels)


CAPTION_WIDTH = 92   # characters a line: fits the plot at 700 px wide (about 6 px a character)
TOP = 150            # room above the plot for the title and a caption of up to 5 lines


def _caption_text(pathway: Pathway, stage: int) -> str:
    """The stage heading on its own line, then the caption wrapped to fit a 700 px plot."""
    s = pathway.stages[stage - 1]
    heading = pathway.words.stage_caption.format(number=s.number, total=len(pathway.stages),
                                                 title=s.title)
    return f"<b>{heading}</b><br>" + wrap(s.caption, CAPTION_WIDTH)


def _caption(pathway: Pathway, stage: int) -> dict:
    return dict(PLAIN, text=_caption_text(pathway, stage), xref="paper", yref="paper", x=0,
                y=1.0, xanchor="left", yshift=22, align="left", font=dict(size=13, color=INK))


def _annotations(pathway: Pathway, stage: int) -> list[dict]:
    """The labels (first, in node order), the caption right after them, then the rest."""
    anns = [a for a in annotations(pathway, _shown(pathway, stage), GHOST)
            if a.get("text") != pathway.words.menu_hint]
    n = len(pathway.nodes)
    return anns[:n] + [_caption(pathway, stage)] + anns[n:]


def _frame(pathway: Pathway, stage: int) -> go.Frame:
    """What stage ``stage`` changes, and only that, from the stage before it (its base
    frame): the edges whose opacity changes, the nodes, the labels that change, the
    caption. The first frame sets everything."""
    before = _state(pathway, stage - 1) if stage > 1 else None
    return delta_frame(str(stage), _state(pathway, stage), before,
                       str(stage - 1) if stage > 1 else None,
                       tail=[{"text": _caption_text(pathway, stage)}])


def pathway_steps_figure(pathway: Pathway) -> go.Figure:
    """One frame per stage, a slider to move between them and a play button."""
    fig = base_figure(pathway, title=pathway.words.steps_title, height=650)
    fig.layout.annotations = _annotations(pathway, 1)
    apply_state(fig, _state(pathway, 1))
    fig.frames = [_frame(pathway, s.number) for s in pathway.stages]
    fig.update_layout(
        height=750, margin=dict(t=TOP, b=200),
        sliders=[dict(
            x=0.1, len=0.88, y=-0.27, pad=dict(t=0),
            currentvalue=dict(prefix="Stage ", font=dict(size=13)),
            steps=[dict(label=str(s.number), method="animate",
                        args=[[str(s.number)], ANIMATE]) for s in pathway.stages],
        )],
        updatemenus=[dict(
            type="buttons", direction="left", x=0.0, xanchor="left", y=-0.29, yanchor="top",
            pad=dict(t=0, r=10), showactive=False, font=dict(size=12), bordercolor=GREY,
            buttons=[dict(label="▶ Play", method="animate",
                          args=[None, dict(mode="immediate", fromcurrent=True,
                                           frame=dict(duration=2500),
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
    return FigureItem("pathway_steps", pw.words.steps_title, pathway_steps_figure(pw), pathway_steps_alt_text(pw))


__all__ = ["pathway_steps_figure", "pathway_steps_alt_text", "pathway_steps_item", "FADED_OPACITY"]
