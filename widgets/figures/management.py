"""A map of management by pain type, as the guidelines in the brief describe it.

Educational only: it shows which options the sources name, and an order only where a source
gives one; never a dose.
Words: content/charts.yaml (management_map).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import TableChart
from .base import FigureItem, base_layout
from .charts import chart_data
from .palette import INK, LIGHT_GREY, OKABE_ITO

COLUMNS = ("pain", "first", "next", "severe", "refs")
EMPTY = "-"


def _cells(chart: TableChart) -> list[list[str]]:
    return [[r.pain for r in chart.rows], [r.first for r in chart.rows],
            [r.next or EMPTY for r in chart.rows], [r.severe or EMPTY for r in chart.rows],
            [", ".join(r.refs) for r in chart.rows]]


def management_map_figure(chart: TableChart) -> go.Figure:
    headers = [getattr(chart.headers, c) for c in COLUMNS]
    fig = go.Figure(go.Table(
        columnwidth=[1.3, 1.6, 1.4, 1.6, 0.55],
        header=dict(values=[f"<b>{h}</b>" for h in headers], fill_color=OKABE_ITO["blue"],
                    font=dict(color="#ffffff", size=13), align="left", height=30,
                    line=dict(color=INK, width=1)),
        cells=dict(values=_cells(chart), align="left", font=dict(size=12.5, color=INK), height=28,
                   fill_color=[["#ffffff", "#f2f2f2"] * len(chart.rows)],
                   line=dict(color=LIGHT_GREY, width=1)),
    ))
    note = " ".join(t for t in (chart.disclaimer, chart.safety, chart.source) if t)
    return base_layout(fig, chart.title, 580, bottom=80, left=10, right=10, source=note)


def management_map_alt_text(chart: TableChart) -> str:
    said = chart.alt_labels
    lines = [chart.alt_intro]
    for r in chart.rows:
        parts = [f"{said.first}: {r.first}"]
        if r.next:
            parts.append(f"{said.next}: {r.next}")
        if r.severe:
            parts.append(f"{said.severe}: {r.severe}")
        lines.append(f"- {r.pain}: " + "; ".join(parts) + f" [{', '.join(r.refs)}].")
    lines.append(chart.safety)
    return "\n".join(lines + chart.alt_outro)


def management_map_item(course) -> FigureItem:
    chart = chart_data(course, "management_map")
    return FigureItem("management_map", chart.title, management_map_figure(chart),
                      management_map_alt_text(chart))
