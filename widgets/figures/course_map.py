"""The course at a glance: every section in order, grouped by the question it answers.

Words and grouping: content/charts.yaml (course_map).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import CourseMapChart
from .base import FigureItem, base_layout, wrap
from .charts import chart_data
from .palette import GREY, INK, OKABE_ITO

# one style per part of the journey, in the order charts.yaml lists the parts
PART_STYLES = [(OKABE_ITO["blue"], "circle"), (OKABE_ITO["sky_blue"], "diamond"),
               (OKABE_ITO["orange"], "square"), (OKABE_ITO["vermillion"], "star"),
               (OKABE_ITO["reddish_purple"], "hexagon"), (OKABE_ITO["bluish_green"], "triangle-up"),
               (OKABE_ITO["black"], "pentagon")]


def _part(chart: CourseMapChart, section_id: str) -> int:
    for i, part in enumerate(chart.parts):
        if section_id in part.sections:
            return i
    return 0


def course_map_figure(chart: CourseMapChart, sections: list[tuple[str, str, str]]) -> go.Figure:
    """``sections``: (number, id, title) in course order; drawn as a path in two rows."""
    n = len(sections)
    per_row = (n + 1) // 2
    pos = []
    for i in range(n):
        row, col = divmod(i, per_row)
        x = col if row == 0 else per_row - 1 - col  # the second row runs back (a snake)
        pos.append((x, 1 - row))
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=[p[0] for p in pos], y=[p[1] for p in pos], mode="lines",
                             line=dict(color=GREY, width=2), hoverinfo="skip", showlegend=False))
    for pi, (part, (colour, symbol)) in enumerate(zip(chart.parts, PART_STYLES)):
        name = part.name
        members = [i for i, (_, sid, _) in enumerate(sections) if _part(chart, sid) == pi]
        if not members:
            continue
        fig.add_trace(go.Scatter(
            x=[pos[i][0] for i in members], y=[pos[i][1] for i in members], mode="markers+text",
            name=name, marker=dict(symbol=symbol, size=24, color=colour, line=dict(color=INK, width=1)),
            text=[f"<b>{sections[i][0]}</b><br>{wrap(sections[i][2], 16)}" for i in members],
            textposition=["top center" if pos[i][1] == 1 else "bottom center" for i in members],
            textfont=dict(size=12), cliponaxis=False,
            hovertext=[f"Section {sections[i][0]}: {sections[i][2]}" for i in members],
            hoverinfo="text"))
    fig.update_xaxes(visible=False, range=[-0.6, per_row - 0.4], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.9, 1.9], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(orientation="h", x=0, y=-0.02, yanchor="top"))
    return base_layout(fig, chart.title, 460, bottom=90, left=20)


def course_map_alt_text(chart: CourseMapChart, sections: list[tuple[str, str, str]]) -> str:
    lines = [chart.alt_intro.format(count=len(sections))]
    for pi, part in enumerate(chart.parts):
        members = [f"{num} {title}" for num, sid, title in sections if _part(chart, sid) == pi]
        if members:
            lines.append(f"- {part.name}: " + "; ".join(members) + ".")
    return "\n".join(lines)


def course_map_item(course) -> FigureItem:
    chart = chart_data(course, "course_map")
    sections = [(s.number, s.id, s.title) for s in course.sections]
    return FigureItem("course_map", chart.title, course_map_figure(chart, sections),
                      course_map_alt_text(chart, sections))
