"""Lifestyle evidence: exercise, fatigue interventions, heat, weight and comorbidity."""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout, wrap
from .charts import Value, hbar, values_alt_text
from .palette import GREY, INK, LIGHT_GREY, OKABE_ITO

# ------------------------------------------------------------------ exercise (R28)
EXERCISE = [("Muscle power", "strong"), ("Exercise tolerance", "strong"),
            ("Mobility-related activities", "strong"), ("Mood", "moderate"),
            ("Fatigue", "no evidence")]
LEVELS = {"no evidence": 0, "moderate": 1, "strong": 2}
LEVEL_STYLE = {"strong": (OKABE_ITO["bluish_green"], ""), "moderate": (OKABE_ITO["sky_blue"], "/"),
               "no evidence": ("#ffffff", ".")}
EXERCISE_TITLE = "What exercise does in MS: strength of the evidence [R28]"


def exercise_evidence_figure(rows=EXERCISE) -> go.Figure:
    fig = go.Figure()
    for level in ("strong", "moderate", "no evidence"):
        colour, pattern = LEVEL_STYLE[level]
        members = [(o, lv) for o, lv in rows if lv == level]
        if not members:
            continue
        fig.add_trace(go.Bar(
            y=[o for o, _ in members], x=[LEVELS[level] + 0.15 for _ in members], orientation="h",
            name=f"{level.capitalize()} evidence" if level != "no evidence" else "No evidence",
            marker=dict(color=colour, line=dict(color=INK, width=1),
                        pattern=dict(shape=pattern, fgcolor=INK)),
            text=[level for _ in members], textposition="outside", cliponaxis=False,
            textfont=dict(size=13), hovertext=[f"{o}: {level} evidence [R28]" for o, _ in members],
            hoverinfo="text"))
    fig.update_xaxes(tickvals=[0, 1, 2], ticktext=["none", "moderate", "strong"], range=[0, 2.8],
                     title="Strength of the evidence of benefit", gridcolor=LIGHT_GREY, fixedrange=True)
    fig.update_yaxes(categoryorder="array", categoryarray=[o for o, _ in rows][::-1],
                     fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False, barmode="overlay",
                      legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"))
    return base_layout(fig, EXERCISE_TITLE, 440, left=20, bottom=90, source=(
        "Cochrane review of 9 randomised trials and 260 people; no harmful effects were reported "
        "[R28]. A later Cochrane review of other non-drug treatments (10 trials, 565 people) "
        "could not pool its data [R29]."))


def exercise_evidence_alt_text(rows=EXERCISE) -> str:
    return "\n".join(["Exercise in MS, Cochrane review of 9 randomised trials and 260 people [R28]:"]
                     + [f"- {o}: {lv} evidence." if lv != "no evidence" else f"- {o}: no evidence."
                        for o, lv in rows]
                     + ["- No harmful effects were reported [R28].",
                        "- Another Cochrane review (10 trials, 565 people) could not pool its data [R29]."])


def exercise_evidence_item(course=None) -> FigureItem:
    return FigureItem("exercise_evidence", EXERCISE_TITLE, exercise_evidence_figure(),
                      exercise_evidence_alt_text())


# ------------------------------------------------------------------ fatigue (R31)
FATIGUE = [("Balance exercise", 0.84), ("Cognitive behavioural therapy (CBT)", 0.60)]
FATIGUE_TITLE = "Easing MS fatigue: effect sizes from a network meta-analysis [R31]"


def fatigue_interventions_figure(rows=FATIGUE) -> go.Figure:
    fig = go.Figure(go.Bar(
        x=[v for _, v in rows], y=[wrap(n, 24) for n, _ in rows], orientation="h",
        marker=dict(color=[OKABE_ITO["bluish_green"], OKABE_ITO["orange"]],
                    line=dict(color=INK, width=1),
                    pattern=dict(shape=["", "/"], fgcolor=INK)),
        text=[f"SMD {v:.2f}" for _, v in rows], textposition="outside", cliponaxis=False,
        textfont=dict(size=13), hovertext=[f"{n}: SMD {v:.2f} [R31]" for n, v in rows],
        hoverinfo="text", showlegend=False))
    fig.update_xaxes(range=[0, 1.1], title="Standardised mean difference (bigger = larger effect)",
                     gridcolor=LIGHT_GREY, fixedrange=True)
    fig.update_yaxes(autorange="reversed", fixedrange=True, automargin=True)
    fig.update_layout(dragmode=False, bargap=0.45)
    return base_layout(fig, FATIGUE_TITLE, 360, left=20, bottom=90, source=(
        "A standardised mean difference compares effects across studies that measured fatigue "
        "in different ways [R31]."))


def fatigue_interventions_alt_text(rows=FATIGUE) -> str:
    return "\n".join(["Effect on MS fatigue, network meta-analysis [R31]:"]
                     + [f"- {n}: standardised mean difference {v:.2f}." for n, v in rows])


def fatigue_interventions_item(course=None) -> FigureItem:
    return FigureItem("fatigue_interventions", FATIGUE_TITLE, fatigue_interventions_figure(),
                      fatigue_interventions_alt_text())


# ------------------------------------------------------------------ heat (R17)
HEAT = [Value("MS Trust", 70, ("R17",), 60, 80, text="60-80 %"),
        Value("MS Society", 50, ("R17",), text="50 %")]
HEAT_TITLE = "How many people with MS are sensitive to heat? Two charities' figures [R17]"


def heat_sensitivity_figure(values=HEAT) -> go.Figure:
    fig = hbar(values, colour=OKABE_ITO["orange"], xmax=100, ci_name="Range given")
    return base_layout(fig, HEAT_TITLE, 360, left=20, bottom=100, source=(
        "Heat blocks conduction in demyelinated fibres for a while (Uhthoff's phenomenon): the "
        "worsening is temporary and causes no lasting damage. Cooling vests, cold drinks and "
        "cool showers help; their effect is temporary too [R17]."))


def heat_sensitivity_alt_text(values=HEAT) -> str:
    return (values_alt_text("Share of people with MS who are sensitive to heat, as two charities "
                            "give it:", values)
            + "\nThe worsening is temporary and reversible, with no lasting damage; cooling helps "
              "for a while [R17].")


def heat_sensitivity_item(course=None) -> FigureItem:
    return FigureItem("heat_sensitivity", HEAT_TITLE, heat_sensitivity_figure(),
                      heat_sensitivity_alt_text())


# ------------------------------------------------------------------ weight (R32)
WEIGHT = [Value("Overweight", 22.5, ("R32",)), Value("Obese", 19.4, ("R32",)),
          Value("Back pain (the most common comorbidity)", 36.2, ("R32",))]
WEIGHT_TITLE = "Weight and comorbidity in an international sample of people with MS [R32]"


def weight_comorbidity_figure(values=WEIGHT) -> go.Figure:
    fig = hbar(values, colour=OKABE_ITO["reddish_purple"], xmax=50,
               x_title="Per cent of the sample")
    return base_layout(fig, WEIGHT_TITLE, 380, left=20, bottom=95, source=(
        "Marck et al. 2016 [R32]. Diabetes and high blood pressure are linked to faster "
        "disability progression [R33]."))


def weight_comorbidity_alt_text(values=WEIGHT) -> str:
    return (values_alt_text("In an international sample of people with MS [R32]:", values)
            + "\nDiabetes and high blood pressure are linked to faster disability progression [R33].")


def weight_comorbidity_item(course=None) -> FigureItem:
    return FigureItem("weight_comorbidity", WEIGHT_TITLE, weight_comorbidity_figure(),
                      weight_comorbidity_alt_text())


__all__ = ["GREY"]
