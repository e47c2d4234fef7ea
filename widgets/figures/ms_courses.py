"""How MS starts: the share of people with each disease course, as two sources give it.

Numbers and words: content/charts.yaml (ms_courses).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import RangeChart
from .base import FigureItem, base_layout, wrap
from .charts import chart_data
from .palette import INK, LIGHT_GREY, OKABE_ITO

# one marker style per source, in the order charts.yaml lists the sources
SOURCE_STYLES = [("circle", OKABE_ITO["blue"]), ("square", OKABE_ITO["orange"]),
                 ("diamond", OKABE_ITO["bluish_green"]), ("triangle-up", OKABE_ITO["vermillion"])]


def _offsets(n: int) -> list[float]:
    """Vertical offsets so the sources' markers of one category sit apart (top to bottom)."""
    if n == 1:
        return [0.0]
    return [0.15 - 0.3 * i / (n - 1) for i in range(n)]


def ms_courses_figure(chart: RangeChart, height: int = 440) -> go.Figure:
    fig = go.Figure()
    row_of = {c: i for i, c in enumerate(chart.categories)}
    for (symbol, colour), offset, source in zip(SOURCE_STYLES, _offsets(len(chart.sources)),
                                               chart.sources):
        rows = source.rows
        fig.add_trace(go.Scatter(
            x=[(r.low + r.high) / 2 for r in rows], y=[row_of[r.category] + offset for r in rows],
            mode="markers+text", name=source.name,
            marker=dict(symbol=symbol, size=13, color=colour, line=dict(color=INK, width=1)),
            error_x=dict(type="data", symmetric=False, array=[(r.high - r.low) / 2 for r in rows],
                         arrayminus=[(r.high - r.low) / 2 for r in rows],
                         color=colour, thickness=5, width=0),
            text=[f"{r.text}  " for r in rows], textposition="middle left",
            textfont=dict(size=13), cliponaxis=False,
            hovertext=[f"{source.name}: {r.category}, {r.text}" for r in rows],
            hoverinfo="text"))
    n = len(chart.categories)
    fig.update_yaxes(tickvals=list(range(n)), ticktext=[wrap(c, 20) for c in chart.categories],
                     range=[-0.6, n - 0.4], fixedrange=True, automargin=True)
    fig.update_xaxes(range=[0, chart.x_max], title=chart.x_title, gridcolor=LIGHT_GREY,
                     fixedrange=True)
    fig.update_layout(legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"), dragmode=False)
    return base_layout(fig, chart.title, height, left=20, bottom=110, source=chart.source)


def ms_courses_alt_text(chart: RangeChart) -> str:
    lines = [chart.alt_intro]
    for source in chart.sources:
        lines.append(f"- {source.name}: " + "; ".join(f"{r.category.lower()}: {r.text}"
                                                     for r in source.rows) + ".")
    return "\n".join(lines + chart.alt_outro)


def ms_courses_item(course) -> FigureItem:
    chart = chart_data(course, "ms_courses")
    return FigureItem("ms_courses", chart.title, ms_courses_figure(chart), ms_courses_alt_text(chart))
