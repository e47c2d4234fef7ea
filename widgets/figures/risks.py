"""Risks that follow moving less: hip fracture in MS compared with people without MS."""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout
from .palette import GREY, INK, LIGHT_GREY, OKABE_ITO

FRACTURE = [("Bazelier et al. 2012 [R18]", 4.08), ("Bazelier et al. 2011 [R18]", 2.79)]
TITLE = "Hip fracture is more likely in MS: hazard ratios from two studies [R18]"


def fracture_risk_figure(rows=FRACTURE) -> go.Figure:
    fig = go.Figure(go.Bar(
        x=[v for _, v in rows], y=[n for n, _ in rows], orientation="h",
        marker=dict(color=OKABE_ITO["vermillion"], line=dict(color=INK, width=1)),
        text=[f"{v:.2f} times" for _, v in rows], textposition="outside", cliponaxis=False,
        textfont=dict(size=13), hovertext=[f"{n}: hazard ratio {v:.2f}" for n, v in rows],
        hoverinfo="text", showlegend=False))
    fig.add_vline(x=1, line=dict(color=INK, width=2, dash="dash"))
    fig.add_annotation(x=1, y=1.0, yref="paper", text="1 = same risk as<br>people without MS",
                       showarrow=False, xanchor="left", yanchor="bottom", xshift=4,
                       font=dict(size=12, color=GREY))
    fig.update_xaxes(range=[0, 5], title="Hazard ratio for hip fracture", gridcolor=LIGHT_GREY,
                     fixedrange=True)
    fig.update_yaxes(autorange="reversed", fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False, bargap=0.45)
    return base_layout(fig, TITLE, 380, left=20, bottom=100, top=110, source=(
        "Moving less and falls raise the risk of osteoporosis and fracture [R18]; reduced mobility "
        "is also a risk factor for deep vein thrombosis [R19]."))


def fracture_risk_alt_text(rows=FRACTURE) -> str:
    return "\n".join(["Hip fracture risk in people with MS compared with people without MS "
                      "(a hazard ratio of 1 means the same risk):"]
                     + [f"- {n}: hazard ratio {v:.2f}." for n, v in rows]
                     + ["Reduced mobility is also a risk factor for deep vein thrombosis [R19]."])


def fracture_risk_item(course=None) -> FigureItem:
    return FigureItem("fracture_risk", TITLE, fracture_risk_figure(), fracture_risk_alt_text())
