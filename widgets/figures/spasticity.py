"""Spasticity: how many people report it, and what makes it worse.

Numbers and words: content/charts.yaml (spasticity_share, spasticity_triggers).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import ShareChart, TriggersChart
from .alt_text import refs_text
from .base import FigureItem, base_layout, wrap
from .charts import chart_data
from .palette import GREY, INK, OKABE_ITO


def spasticity_share_figure(chart: ShareChart) -> go.Figure:
    """100 squares, one per person in 100: filled squares report spasticity."""
    share = chart.share
    xs = [i % 10 for i in range(100)]
    ys = [9 - i // 10 for i in range(100)]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs[:share], y=ys[:share], mode="markers",
                             name=chart.fill(chart.labels.filled),
                             marker=dict(symbol="square", size=22, color=OKABE_ITO["bluish_green"],
                                         line=dict(color=INK, width=1)), hoverinfo="name"))
    fig.add_trace(go.Scatter(x=xs[share:], y=ys[share:], mode="markers",
                             name=chart.fill(chart.labels.open),
                             marker=dict(symbol="square-open", size=22, color=GREY,
                                         line=dict(width=2)), hoverinfo="name"))
    fig.update_xaxes(visible=False, range=[-0.7, 9.7], fixedrange=True, scaleanchor="y")
    fig.update_yaxes(visible=False, range=[-0.7, 9.7], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(x=1.02, y=0.5, yanchor="middle"))
    return base_layout(fig, chart.fill(chart.title), 460, bottom=60,
                       source=chart.fill(chart.source))


def spasticity_share_alt_text(chart: ShareChart) -> str:
    return "\n".join([chart.fill(chart.alt_intro)] + chart.alt_outro)


def spasticity_share_item(course) -> FigureItem:
    chart = chart_data(course, "spasticity_share")
    return FigureItem("spasticity_share", chart.fill(chart.title), spasticity_share_figure(chart),
                      spasticity_share_alt_text(chart))


# ------------------------------------------------------------------ triggers
GROUP_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "hexagon"]
GROUP_COLOURS = [OKABE_ITO[k] for k in ("vermillion", "blue", "orange", "reddish_purple",
                                        "bluish_green")]


def spasticity_triggers_figure(chart: TriggersChart) -> go.Figure:
    """Each trigger points at one target: more spasticity and spasms."""
    fig = go.Figure()
    refs = refs_text(chart.refs)
    n = sum(len(g.triggers) for g in chart.groups)
    target = (3.2, (n - 1) / 2)
    row = 0
    for gi, group in enumerate(chart.groups):
        triggers = group.triggers
        ys = [n - 1 - (row + i) for i in range(len(triggers))]
        row += len(triggers)
        for y in ys:
            fig.add_annotation(x=target[0] - 0.12, y=target[1], ax=0.05, ay=y, xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=2, arrowsize=1,
                               arrowwidth=1.2, arrowcolor=GREY, text="", standoff=4)
        fig.add_trace(go.Scatter(
            x=[0] * len(triggers), y=ys, mode="markers+text", name=group.name,
            marker=dict(symbol=GROUP_SYMBOLS[gi], size=13, color=GROUP_COLOURS[gi],
                        line=dict(color=INK, width=1)),
            text=list(triggers), textposition="middle left", textfont=dict(size=12),
            cliponaxis=False, hovertext=[f"{group.name}: {t} {refs}" for t in triggers],
            hoverinfo="text"))
    fig.add_trace(go.Scatter(x=[target[0]], y=[target[1]], mode="markers+text",
                             name=chart.target,
                             marker=dict(symbol="triangle-up", size=26, color=OKABE_ITO["bluish_green"],
                                         line=dict(color=INK, width=1.5)),
                             text=[wrap(chart.target, 16)], textposition="middle right",
                             textfont=dict(size=14), hoverinfo="name", showlegend=False))
    fig.update_xaxes(visible=False, range=[-2.6, 4.6], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.8, n - 0.2], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(orientation="h", x=0, y=-0.02, yanchor="top"))
    return base_layout(fig, chart.title, 560, bottom=110, left=10, source=chart.source)


def spasticity_triggers_alt_text(chart: TriggersChart) -> str:
    lines = [chart.alt_intro]
    lines += [f"- {g.name}: " + "; ".join(g.triggers) + "." for g in chart.groups]
    return "\n".join(lines + chart.alt_outro)


def spasticity_triggers_item(course) -> FigureItem:
    chart = chart_data(course, "spasticity_triggers")
    return FigureItem("spasticity_triggers", chart.title, spasticity_triggers_figure(chart),
                      spasticity_triggers_alt_text(chart))


__all__ = ["spasticity_share_figure", "spasticity_triggers_figure", "wrap"]
