"""Small shared builders for the teaching charts: labelled bars, ranges, scales.

The numbers and words of every chart live in content/charts.yaml (validated by
widgets/course/charts.py); the chart modules take them from ``course.charts[name]``
and only draw them.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import ChartValue
from .base import wrap
from .palette import GREY, INK, LIGHT_GREY, SERIES


Value = ChartValue  # one number of a chart: label, value, optional interval, text, refs


def chart_data(course, name: str):
    """The entry ``name`` of the course's content/charts.yaml (validated)."""
    charts = getattr(course, "charts", None)
    if charts is None:
        raise ValueError(f"the course has no content/charts.yaml, so the chart {name!r} "
                         "cannot be drawn; add the file (see content/README.md)")
    return charts[name]


def text_on(colour: str) -> str:
    """White or black text, whichever reads better on a ``#rrggbb`` fill (WCAG luminance)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#ffffff" if (1.05 / (lum + 0.05)) >= (lum + 0.05) / 0.05 else INK


def hbar(values: list[Value], *, x_title: str, xmax: float, ci_name: str = "",
         colour: str = SERIES[0]) -> go.Figure:
    """Horizontal bars, top to bottom in the given order, each labelled with its value;
    error bars (a separate, named trace) only where a confidence interval is given."""
    labels = [wrap(v.label, 28) for v in values][::-1]
    vals = [v.value for v in values][::-1]
    fig = go.Figure(go.Bar(
        x=vals, y=labels, orientation="h", marker=dict(color=colour, line=dict(color=INK, width=1)),
        text=[v.shown for v in values][::-1], cliponaxis=False,
        # a bar with an interval carries its number inside at its start, clear of the error bar
        textposition=["inside" if v.low is not None else "outside" for v in values][::-1],
        insidetextanchor="start", insidetextfont=dict(size=13, color=text_on(colour)),
        textfont=dict(size=13), hovertext=[f"{v.label}: {v.shown} [{', '.join(v.refs)}]"
                                          for v in values][::-1],
        hoverinfo="text", name="Estimate", showlegend=False,
    ))
    with_ci = [(wrap(v.label, 28), v) for v in values if v.low is not None and v.high is not None]
    ci_said = ci_name[:1].lower() + ci_name[1:]
    if with_ci:
        fig.add_trace(go.Scatter(
            x=[v.value for _, v in with_ci], y=[lab for lab, _ in with_ci], mode="markers",
            marker=dict(size=1, color=INK),
            error_x=dict(type="data", symmetric=False, array=[v.high - v.value for _, v in with_ci],
                         arrayminus=[v.value - v.low for _, v in with_ci], color=INK,
                         thickness=2, width=8),
            hovertext=[f"{v.label}: {ci_said}, {v.low:g}-{v.high:g} %" for _, v in with_ci],
            hoverinfo="text", name=ci_name, showlegend=True,
        ))
    fig.update_xaxes(range=[0, xmax], title=x_title, gridcolor=LIGHT_GREY, zeroline=True,
                     zerolinecolor=GREY, ticksuffix="", fixedrange=True)
    fig.update_yaxes(fixedrange=True, automargin=True)
    fig.update_layout(legend=dict(orientation="h", x=1, xanchor="right", y=1.02, yanchor="bottom"),
                      bargap=0.35, dragmode=False)
    return fig


def values_alt_text(intro: str, values: list[Value], outro: list[str] = (),
                    ci_name: str = "") -> str:
    """The intro, one line per value (with its interval unless its text already says it),
    then the outro lines."""
    lines = [intro]
    for v in values:
        ci = (f" ({ci_name} {v.low:g}-{v.high:g} %)"
              if v.low is not None and ci_name and not v.text else "")
        note = f", {v.note}" if v.note else ""
        lines.append(f"- {v.label}: {v.shown}{ci}{note} [{', '.join(v.refs)}].")
    return "\n".join([*lines, *outro])


def bar_chart_item(name: str, colour: str, height: int, bottom: int = 95):
    """The figure-item builder of a plain horizontal bar chart read from ``charts.yaml``:
    labelled bars (with intervals where given) and the values as sentences."""
    from .base import FigureItem, base_layout

    def item(course) -> FigureItem:
        chart = chart_data(course, name)
        fig = hbar(chart.values, colour=colour, xmax=chart.x_max, x_title=chart.x_title,
                   ci_name=chart.ci_name)
        fig = base_layout(fig, chart.title, height, source=chart.source, bottom=bottom, left=20)
        alt = values_alt_text(chart.alt_intro, chart.values, chart.alt_outro, chart.ci_name)
        return FigureItem(name, chart.title, fig, alt)

    item.__name__ = f"{name}_item"
    return item
