"""How common pain is in MS: the Foley 2013 meta-analysis by pain type, and how the
estimates of different sources compare."""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout, wrap
from .charts import Value, hbar, values_alt_text
from .palette import INK, LIGHT_GREY, OKABE_ITO

FOLEY = [  # [R6] Foley et al. 2013, meta-analysis of 28 articles, 7,101 people
    Value("Any pain (overall)", 63, ("R6",), 55, 70),
    Value("Headache", 43, ("R6",)),
    Value("Neuropathic extremity pain", 26, ("R6",), 7, 53),
    Value("Back pain", 20, ("R6",)),
    Value("Lhermitte's sign", 16, ("R6",)),
    Value("Painful spasms", 15, ("R6",)),
    Value("Trigeminal neuralgia", 3.8, ("R6",)),
]
PREVALENCE_TITLE = "How common is each kind of pain in MS? (Foley 2013 meta-analysis [R6])"
PREVALENCE_SOURCE = ("Source: Foley et al. 2013, a meta-analysis of 28 articles and 7,101 people "
                     "[R6]. Black lines: 95 % confidence intervals, shown where reported.")


def prevalence_figure(values: list[Value] = FOLEY) -> go.Figure:
    fig = hbar(values, colour=OKABE_ITO["blue"], xmax=80)
    return base_layout(fig, PREVALENCE_TITLE, 480, source=PREVALENCE_SOURCE, bottom=95, left=20)


def prevalence_alt_text(values: list[Value] = FOLEY) -> str:
    return values_alt_text("Bar chart: the share of people with MS who have each kind of pain, "
                           "from the Foley 2013 meta-analysis [R6].", values)


def prevalence_item(course=None) -> FigureItem:
    return FigureItem("prevalence", PREVALENCE_TITLE, prevalence_figure(), prevalence_alt_text())


# ------------------------------------------------------- sources disagree
ESTIMATES = [
    Value("Foley 2013 meta-analysis: any pain", 63, ("R6",), 55, 70,
          note="pooled from 17 studies and 5,319 people"),
    Value("O'Connor 2008 review: pain at the time of assessment", 50, ("R7",), text="almost 50 %",
          note="point prevalence"),
    Value("O'Connor 2008 review: pain within one month", 75, ("R7",), text="about 75 %"),
    Value("Truini 2012 clinic study: any pain", 30, ("R9",), note="302 clinic patients"),
    Value("Truini 2012 clinic study: neuropathic pain", 14, ("R9",)),
    Value("MS Society UK", 100 / 3, ("R11",), text='"about a third"',
          note="a patient-charity estimate in words"),
    Value("MS International Federation", 200 / 3, ("R11",), text='"up to two-thirds"',
          note="a patient-charity estimate in words"),
]
ESTIMATES_TITLE = "Estimates of pain in MS differ between sources [R6, R7, R9, R11]"


def pain_estimates_figure(values: list[Value] = ESTIMATES) -> go.Figure:
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
    fig.update_xaxes(range=[0, 100], title="Per cent of people with MS who have pain",
                     gridcolor=LIGHT_GREY, fixedrange=True)
    fig.update_yaxes(fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False)
    return base_layout(fig, ESTIMATES_TITLE, 500, left=20, bottom=110, source=(
        "Studies differ in who they include (clinic patients or everyone), how they define pain "
        "and over what time. The charity wordings are placed at one third and two thirds. "
        "The line on the Foley estimate is its 95 % confidence interval (55-70 %) [R6]."))


def pain_estimates_alt_text(values: list[Value] = ESTIMATES) -> str:
    return values_alt_text("Dot chart comparing estimates of how many people with MS have pain; "
                           "the sources give different figures.", values)


def pain_estimates_item(course=None) -> FigureItem:
    return FigureItem("pain_estimates", ESTIMATES_TITLE, pain_estimates_figure(),
                      pain_estimates_alt_text())


# ------------------------------------------------------- ongoing extremity pain
EXTREMITY = [
    Value("Central extremity or trunk pain felt in the legs", 74.5, ("R10",),
          note="the legs are the most common site"),
    Value("Ongoing pain felt in the lower limbs (another series)", 90, ("R11b",)),
    Value("Ongoing pain felt on both sides (the same series)", 76, ("R11b",)),
]
EXTREMITY_TITLE = "Where ongoing extremity pain is felt [R10, R11b]"


def extremity_pain_figure(values: list[Value] = EXTREMITY) -> go.Figure:
    fig = hbar(values, colour=OKABE_ITO["vermillion"], xmax=100,
               x_title="Per cent of people with this pain")
    return base_layout(fig, EXTREMITY_TITLE, 420, left=20, bottom=95, source=(
        "Burning is the most common quality of this pain [R10]. The first bar comes from "
        "Feketova et al. 2017 [R10]; the other two from Osterberg and Boivie [R11b]."))


def extremity_pain_alt_text(values: list[Value] = EXTREMITY) -> str:
    return values_alt_text("Bar chart: where ongoing (dysaesthetic) extremity pain is felt. "
                           "Burning is its most common quality [R10].", values)


def extremity_pain_item(course=None) -> FigureItem:
    return FigureItem("extremity_pain", EXTREMITY_TITLE, extremity_pain_figure(),
                      extremity_pain_alt_text())
