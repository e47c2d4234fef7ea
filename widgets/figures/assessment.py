"""Assessment scales: neuropathic screening tools with their cut-offs, the Penn Spasm
Frequency Scale, and what a meaningful change on a 0-10 pain scale looks like.

Numbers and words: content/charts.yaml (screening_tools, penn_scale, nrs_change).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import ChangeChart, LevelsChart, ToolsChart
from .alt_text import refs_text
from .base import FigureItem, base_layout, wrap
from .charts import chart_data
from .palette import GREY, INK, OKABE_ITO

# light tints of Okabe-Ito sky blue / vermillion, so black text stays readable
ZONE_COLOURS = ["#cde9f8", "#ffffff", "#f6c9a8"]
ZONE_PATTERNS = ["", ".", "/"]


def _zone_style(i: int, n: int) -> tuple[str, str]:
    if n == 2:
        return (ZONE_COLOURS[0], ZONE_PATTERNS[0]) if i == 0 else (ZONE_COLOURS[2], ZONE_PATTERNS[2])
    return ZONE_COLOURS[i], ZONE_PATTERNS[i]


def screening_tools_figure(chart: ToolsChart) -> go.Figure:
    """Each tool's score range as a bar of 0-100 % of its scale, split at its cut-offs."""
    fig = go.Figure()
    refs = refs_text(chart.refs)
    names = [t.name for t in chart.tools]
    for tool in chart.tools:
        name, lo, hi = tool.name, tool.low, tool.high
        span = hi - lo + 1
        for i, z in enumerate(tool.zones):
            colour, pattern = _zone_style(i, len(tool.zones))
            fig.add_trace(go.Bar(
                y=[name], x=[100 * (z.high - z.low + 1) / span], base=[100 * (z.low - lo) / span],
                orientation="h", marker=dict(color=colour, line=dict(color=INK, width=1),
                                             pattern=dict(shape=pattern, fgcolor=GREY,
                                                          solidity=0.12)),
                text=[wrap(z.meaning, 26)], textposition="inside", insidetextanchor="middle",
                textfont=dict(size=12, color=INK), showlegend=False,
                hovertext=[f"{name} {z.low} to {z.high}: {z.meaning} {refs}"], hoverinfo="text"))
        fig.add_annotation(x=0, y=name, xref="x", yref="y", text=f"{lo}", showarrow=False,
                           xanchor="right", xshift=-4, font=dict(size=11, color=GREY))
        fig.add_annotation(x=100, y=name, xref="x", yref="y", text=f"{hi}", showarrow=False,
                           xanchor="left", xshift=4, font=dict(size=11, color=GREY))
        fig.add_annotation(x=0, y=name, xref="x", yref="y", text=wrap(tool.how, 90),
                           showarrow=False, xanchor="left", yanchor="top", yshift=-24,
                           font=dict(size=11, color=GREY))
    fig.update_layout(barmode="overlay", bargap=0.55, dragmode=False)
    fig.update_xaxes(visible=False, range=[-4, 104], fixedrange=True)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], fixedrange=True,
                     automargin=True, tickfont=dict(size=14))
    return base_layout(fig, chart.title, 470, left=20, bottom=80, source=chart.source)


def screening_tools_alt_text(chart: ToolsChart) -> str:
    lines = [chart.alt_intro]
    for t in chart.tools:
        lines.append(f"- {t.name}, scored {t.low} to {t.high} ({t.how}): "
                     + "; ".join(z.meaning for z in t.zones) + ".")
    return "\n".join(lines + chart.alt_outro)


def screening_tools_item(course) -> FigureItem:
    chart = chart_data(course, "screening_tools")
    return FigureItem("screening_tools", chart.title, screening_tools_figure(chart),
                      screening_tools_alt_text(chart))


# --------------------------------------------------------------- Penn scale
def penn_scale_figure(chart: LevelsChart) -> go.Figure:
    levels = chart.levels
    refs = refs_text(chart.refs)
    scores = [lv.score for lv in levels]
    fig = go.Figure(go.Bar(
        x=[str(s) for s in scores], y=[s + 0.4 for s in scores],
        marker=dict(color=[OKABE_ITO["bluish_green"]] * len(scores), line=dict(color=INK, width=1),
                    pattern=dict(shape="/", fgcolor="#ffffff", solidity=0.15)),
        text=[wrap(lv.text, 16) for lv in levels], textposition="outside", cliponaxis=False,
        textfont=dict(size=13),
        hovertext=[f"{chart.x_title} {lv.score}: {lv.text} {refs}" for lv in levels],
        hoverinfo="text", showlegend=False))
    fig.update_xaxes(title=chart.x_title, fixedrange=True, tickfont=dict(size=14))
    fig.update_yaxes(visible=False, range=[0, max(scores) + 2], fixedrange=True)
    fig.update_layout(dragmode=False, bargap=0.3)
    return base_layout(fig, chart.title, 440, bottom=110, source=chart.source)


def penn_scale_alt_text(chart: LevelsChart) -> str:
    return "\n".join([chart.alt_intro] + [f"- {lv.score}: {lv.text}." for lv in chart.levels]
                     + chart.alt_outro)


def penn_scale_item(course) -> FigureItem:
    chart = chart_data(course, "penn_scale")
    return FigureItem("penn_scale", chart.title, penn_scale_figure(chart), penn_scale_alt_text(chart))


# --------------------------------------------------------------- 0-10 pain scale
def nrs_change_figure(chart: ChangeChart) -> go.Figure:
    """An example: from ``before`` a fall of about ``points`` points (or ``percent``) matters."""
    before, after_points, top = chart.before, chart.before - chart.points, chart.scale_max
    fill, lab = chart.fill, chart.labels
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(range(top + 1)), y=[0] * (top + 1), mode="markers+text",
                             marker=dict(symbol="line-ns-open", size=18, color=GREY),
                             text=[str(i) for i in range(top + 1)], textposition="bottom center",
                             textfont=dict(size=13), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(x=[before], y=[0.35], mode="markers+text",
                             name=fill(lab.before_legend),
                             marker=dict(symbol="circle", size=16, color=OKABE_ITO["vermillion"],
                                         line=dict(color=INK, width=1)),
                             text=[fill(lab.before)], textposition="top center",
                             hovertext=[fill(lab.before_hover)], hoverinfo="text"))
    fig.add_trace(go.Scatter(x=[after_points], y=[0.35], mode="markers+text",
                             name=fill(lab.after_legend),
                             marker=dict(symbol="diamond", size=16, color=OKABE_ITO["blue"],
                                         line=dict(color=INK, width=1)),
                             text=[fill(lab.after)], textposition="top center",
                             hovertext=[fill(lab.after_hover)], hoverinfo="text"))
    fig.add_annotation(x=after_points + 0.1, y=0.35, ax=before - 0.1, ay=0.35, xref="x", yref="y",
                       axref="x", ayref="y", showarrow=True, arrowhead=3, arrowwidth=2,
                       arrowcolor=INK, text="")
    fig.update_xaxes(visible=False, range=[-0.6, top + 0.6], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.5, 1.0], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"))
    return base_layout(fig, fill(chart.title), 360, bottom=100, source=fill(chart.source))


def nrs_change_alt_text(chart: ChangeChart) -> str:
    return "\n".join([chart.fill(chart.alt_intro)] + chart.alt_outro)


def nrs_change_item(course) -> FigureItem:
    chart = chart_data(course, "nrs_change")
    return FigureItem("nrs_change", chart.fill(chart.title), nrs_change_figure(chart),
                      nrs_change_alt_text(chart))
