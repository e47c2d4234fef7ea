"""Small shared builders for the teaching charts: labelled bars, ranges, scales.

Each chart module keeps its numbers (exactly as the content brief gives them, with
their reference keys) next to the function that draws them.
"""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from .base import wrap
from .palette import GREY, INK, LIGHT_GREY, SERIES


@dataclass(frozen=True)
class Value:
    """One number for a chart: label, value, optional 95 % CI, its text, its references."""

    label: str
    value: float
    refs: tuple[str, ...]
    low: float | None = None
    high: float | None = None
    text: str = ""       # how the number is said (defaults to "NN %")
    note: str = ""       # what the number means, for the text alternative

    @property
    def shown(self) -> str:
        return self.text or f"{self.value:g} %"


def hbar(values: list[Value], *, colour: str = SERIES[0], xmax: float = 100,
         x_title: str = "Per cent of people with MS", ci_name: str = "95 % confidence interval"
         ) -> go.Figure:
    """Horizontal bars, top to bottom in the given order, each labelled with its value;
    error bars (a separate, named trace) only where a confidence interval is given."""
    labels = [wrap(v.label, 28) for v in values][::-1]
    vals = [v.value for v in values][::-1]
    fig = go.Figure(go.Bar(
        x=vals, y=labels, orientation="h", marker=dict(color=colour, line=dict(color=INK, width=1)),
        text=[v.shown for v in values][::-1], textposition="outside", cliponaxis=False,
        textfont=dict(size=13), hovertext=[f"{v.label}: {v.shown} [{', '.join(v.refs)}]"
                                          for v in values][::-1],
        hoverinfo="text", name="Estimate", showlegend=False,
    ))
    with_ci = [(wrap(v.label, 28), v) for v in values if v.low is not None and v.high is not None]
    if with_ci:
        fig.add_trace(go.Scatter(
            x=[v.value for _, v in with_ci], y=[lab for lab, _ in with_ci], mode="markers",
            marker=dict(size=1, color=INK),
            error_x=dict(type="data", symmetric=False, array=[v.high - v.value for _, v in with_ci],
                         arrayminus=[v.value - v.low for _, v in with_ci], color=INK,
                         thickness=2, width=8),
            hovertext=[f"{v.label}: 95 % CI {v.low:g}-{v.high:g} %" for _, v in with_ci],
            hoverinfo="text", name=ci_name, showlegend=True,
        ))
    fig.update_xaxes(range=[0, xmax], title=x_title, gridcolor=LIGHT_GREY, zeroline=True,
                     zerolinecolor=GREY, ticksuffix="", fixedrange=True)
    fig.update_yaxes(fixedrange=True, automargin=True)
    fig.update_layout(legend=dict(orientation="h", x=1, xanchor="right", y=1.02, yanchor="bottom"),
                      bargap=0.35, dragmode=False)
    return fig


def values_alt_text(intro: str, values: list[Value]) -> str:
    lines = [intro]
    for v in values:
        ci = f" (95 % confidence interval {v.low:g}-{v.high:g} %)" if v.low is not None else ""
        note = f", {v.note}" if v.note else ""
        lines.append(f"- {v.label}: {v.shown}{ci}{note} [{', '.join(v.refs)}].")
    return "\n".join(lines)
