"""Lifestyle evidence: exercise, fatigue interventions, heat, weight and comorbidity.

Numbers and words: content/charts.yaml (exercise_evidence, fatigue_interventions,
heat_sensitivity, weight_comorbidity).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..course.charts import EvidenceChart, MeasureChart
from .alt_text import refs_text
from .base import FigureItem, base_layout, wrap
from .charts import bar_chart_item, chart_data
from .palette import GREY, INK, LIGHT_GREY, OKABE_ITO

# ------------------------------------------------------------------ exercise
# styles by rank, weakest first (charts.yaml lists the levels weakest first)
LEVEL_STYLES = [("#ffffff", "."), (OKABE_ITO["sky_blue"], "/"), (OKABE_ITO["bluish_green"], "")]


def _level_styles(n: int) -> list[tuple[str, str]]:
    return LEVEL_STYLES[len(LEVEL_STYLES) - n:] if n < len(LEVEL_STYLES) else LEVEL_STYLES


def exercise_evidence_figure(chart: EvidenceChart) -> go.Figure:
    fig = go.Figure()
    refs = refs_text(chart.refs)
    styles = _level_styles(len(chart.levels))
    ranked = list(enumerate(chart.levels))
    for rank, level in reversed(ranked):          # strongest first in the legend
        colour, pattern = styles[rank]
        members = [o.label for o in chart.outcomes if o.level == level.name]
        if not members:
            continue
        fig.add_trace(go.Bar(
            y=members, x=[rank + 0.15 for _ in members], orientation="h", name=level.legend,
            marker=dict(color=colour, line=dict(color=INK, width=1),
                        pattern=dict(shape=pattern, fgcolor=INK)),
            text=[level.name for _ in members], textposition="outside", cliponaxis=False,
            textfont=dict(size=13), hovertext=[f"{o}: {level.said} {refs}" for o in members],
            hoverinfo="text"))
    fig.update_xaxes(tickvals=list(range(len(chart.levels))),
                     ticktext=[lv.tick for lv in chart.levels], range=[0, len(chart.levels) - 0.2],
                     title=chart.x_title, gridcolor=LIGHT_GREY, fixedrange=True)
    fig.update_yaxes(categoryorder="array", categoryarray=[o.label for o in chart.outcomes][::-1],
                     fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False, barmode="overlay",
                      legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"))
    return base_layout(fig, chart.title, 440, left=20, bottom=90, source=chart.source)


def exercise_evidence_alt_text(chart: EvidenceChart) -> str:
    return "\n".join([chart.alt_intro]
                     + [f"- {o.label}: {chart.level(o.level).said}." for o in chart.outcomes]
                     + chart.alt_outro)


def exercise_evidence_item(course) -> FigureItem:
    chart = chart_data(course, "exercise_evidence")
    return FigureItem("exercise_evidence", chart.title, exercise_evidence_figure(chart),
                      exercise_evidence_alt_text(chart))


# ------------------------------------------------------------------ fatigue
BAR_STYLES = [(OKABE_ITO["bluish_green"], ""), (OKABE_ITO["orange"], "/"),
              (OKABE_ITO["sky_blue"], "."), (OKABE_ITO["reddish_purple"], "x")]


def measure_bars(chart: MeasureChart, colours: str | list[str], patterns: list[str] | None = None,
                 label_width: int | None = None) -> go.Figure:
    """Horizontal bars of a measure, top to bottom in file order, labelled by ``bar_text``."""
    values = chart.values
    marker = dict(color=colours, line=dict(color=INK, width=1))
    if patterns is not None:
        marker["pattern"] = dict(shape=patterns, fgcolor=INK)
    fig = go.Figure(go.Bar(
        x=[v.value for v in values], y=[wrap(v.label, label_width) if label_width else v.label for v in values], orientation="h",
        marker=marker, text=[chart.fill(chart.bar_text, v) for v in values],
        textposition="outside", cliponaxis=False, textfont=dict(size=13),
        hovertext=[chart.fill(chart.hover, v) for v in values], hoverinfo="text",
        showlegend=False))
    fig.update_xaxes(range=[0, chart.x_max], title=chart.x_title, gridcolor=LIGHT_GREY,
                     fixedrange=True)
    fig.update_yaxes(autorange="reversed", fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False, bargap=0.45)
    return fig


def measure_alt_text(chart: MeasureChart) -> str:
    return "\n".join([chart.alt_intro] + [chart.fill(chart.alt_line, v) for v in chart.values]
                     + chart.alt_outro)


def fatigue_interventions_figure(chart: MeasureChart) -> go.Figure:
    styles = [BAR_STYLES[i % len(BAR_STYLES)] for i in range(len(chart.values))]
    fig = measure_bars(chart, [c for c, _ in styles], [p for _, p in styles], label_width=24)
    return base_layout(fig, chart.title, 360, left=20, bottom=90, source=chart.source)


def fatigue_interventions_alt_text(chart: MeasureChart) -> str:
    return measure_alt_text(chart)


def fatigue_interventions_item(course) -> FigureItem:
    chart = chart_data(course, "fatigue_interventions")
    return FigureItem("fatigue_interventions", chart.title, fatigue_interventions_figure(chart),
                      fatigue_interventions_alt_text(chart))


# ------------------------------------------------------------------ heat, weight
def heat_sensitivity_item(course) -> FigureItem:
    """Two charities' figures: the MS Trust's range drawn as a range, the MS Society's as a dot."""
    from .ms_courses import ms_courses_alt_text, ms_courses_figure

    chart = chart_data(course, "heat_sensitivity")
    return FigureItem("heat_sensitivity", chart.title, ms_courses_figure(chart, height=320),
                      ms_courses_alt_text(chart))


weight_comorbidity_item = bar_chart_item("weight_comorbidity", OKABE_ITO["reddish_purple"], 380)


__all__ = ["GREY", "measure_bars", "measure_alt_text"]
