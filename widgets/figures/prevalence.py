"""How common pain is in MS: the Foley 2013 meta-analysis by pain type, how the
estimates of different sources compare, and where ongoing extremity pain is felt.

Numbers and words: content/charts.yaml (prevalence, pain_estimates, extremity_pain).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import BarChart
from .base import FigureItem, base_layout, wrap
from .charts import bar_chart_item, chart_data, values_alt_text
from .palette import INK, LIGHT_GREY, OKABE_ITO


def _alt(chart: BarChart) -> str:
    return values_alt_text(chart.alt_intro, chart.values, chart.alt_outro, chart.ci_name)


# ------------------------------------------------------- by pain type (Foley 2013)
prevalence_item = bar_chart_item("prevalence", OKABE_ITO["blue"], 480)


# ------------------------------------------------------- sources disagree
def pain_estimates_figure(chart: BarChart) -> go.Figure:
    values = chart.values
    labels = [wrap(v.label, 34) for v in values][::-1]
    fig = go.Figure(go.Scatter(
        x=[v.value for v in values][::-1], y=labels, mode="markers+text",
        marker=dict(symbol="diamond", size=14, color=OKABE_ITO["vermillion"],
                    line=dict(color=INK, width=1)),
        text=[v.shown for v in values][::-1], textposition="middle right", cliponaxis=False,
        textfont=dict(size=13),
        error_x=dict(type="data", symmetric=False,
                     array=[(v.high - v.value) if v.high is not None else 0 for v in values][::-1],
                     arrayminus=[(v.value - v.low) if v.low is not None else 0
                                 for v in values][::-1],
                     color=INK, thickness=2, width=0),
        hovertext=[f"{v.label}: {v.shown} [{', '.join(v.refs)}]" for v in values][::-1],
        hoverinfo="text", showlegend=False,
    ))
    fig.update_xaxes(range=[0, chart.x_max], title=chart.x_title, gridcolor=LIGHT_GREY,
                     fixedrange=True)
    fig.update_yaxes(fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False)
    return base_layout(fig, chart.title, 500, left=20, bottom=110, source=chart.source)


def pain_estimates_alt_text(chart: BarChart) -> str:
    return _alt(chart)


def pain_estimates_item(course) -> FigureItem:
    chart = chart_data(course, "pain_estimates")
    return FigureItem("pain_estimates", chart.title, pain_estimates_figure(chart),
                      pain_estimates_alt_text(chart))


# ------------------------------------------------------- ongoing extremity pain
extremity_pain_item = bar_chart_item("extremity_pain", OKABE_ITO["vermillion"], 420)
