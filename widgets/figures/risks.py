"""Risks that follow moving less: hip fracture in MS compared with people without MS.

Numbers and words: content/charts.yaml (fracture_risk).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import MeasureChart
from .base import FigureItem, base_layout, wrap
from .charts import chart_data
from .lifestyle import measure_alt_text, measure_bars
from .palette import GREY, INK, OKABE_ITO


def fracture_risk_figure(chart: MeasureChart) -> go.Figure:
    fig = measure_bars(chart, OKABE_ITO["vermillion"])
    if chart.reference_line is not None:
        fig.add_vline(x=chart.reference_line, line=dict(color=INK, width=2, dash="dash"))
        fig.add_annotation(x=chart.reference_line, y=1.0, yref="paper",
                           text=wrap(chart.reference_label, 18), showarrow=False,
                           xanchor="left", yanchor="bottom", xshift=4,
                           font=dict(size=12, color=GREY))
    return base_layout(fig, chart.title, 380, left=20, bottom=100, top=110, source=chart.source)


def fracture_risk_alt_text(chart: MeasureChart) -> str:
    return measure_alt_text(chart)


def fracture_risk_item(course) -> FigureItem:
    chart = chart_data(course, "fracture_risk")
    return FigureItem("fracture_risk", chart.title, fracture_risk_figure(chart),
                      fracture_risk_alt_text(chart))
