"""Assessment scales: neuropathic screening tools with their cut-offs, the Penn Spasm
Frequency Scale, and what a meaningful change on a 0-10 pain scale looks like."""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout, wrap
from .palette import GREY, INK, LIGHT_GREY, OKABE_ITO

# tool: (lowest, highest, zones [(from, to, meaning)], how it is completed) [R21]
TOOLS = [
    ("DN4", 0, 10, [(0, 3, "below the cut-off"), (4, 10, "4 or more: positive")],
     "10 items: 7 interview, 3 examination"),
    ("painDETECT", -1, 38, [(-1, 12, "12 or less: neuropathic component unlikely (< 15 %)"),
                            (13, 18, "13-18: between the cut-offs"),
                            (19, 38, "19 or more: likely (> 90 %)")],
     "self-completed; sensitivity 85 %, specificity 80 %"),
    ("LANSS", 0, 24, [(0, 11, "below the cut-off"), (12, 24, "12 or more: suggests neuropathic pain")],
     "5 symptom + 2 examination items; S-LANSS is self-report"),
]
# light tints of Okabe-Ito sky blue / vermillion, so black text stays readable
ZONE_COLOURS = ["#cde9f8", "#ffffff", "#f6c9a8"]
ZONE_PATTERNS = ["", ".", "/"]
SCREENING_TITLE = "Neuropathic pain screening tools and their cut-offs [R21]"


def _zone_style(i: int, n: int) -> tuple[str, str]:
    if n == 2:
        return (ZONE_COLOURS[0], ZONE_PATTERNS[0]) if i == 0 else (ZONE_COLOURS[2], ZONE_PATTERNS[2])
    return ZONE_COLOURS[i], ZONE_PATTERNS[i]


def screening_tools_figure(tools=TOOLS) -> go.Figure:
    """Each tool's score range as a bar of 0-100 % of its scale, split at its cut-offs."""
    fig = go.Figure()
    names = [t[0] for t in tools]
    for name, lo, hi, zones, how in tools:
        span = hi - lo + 1
        for i, (a, b, meaning) in enumerate(zones):
            colour, pattern = _zone_style(i, len(zones))
            fig.add_trace(go.Bar(
                y=[name], x=[100 * (b - a + 1) / span], base=[100 * (a - lo) / span],
                orientation="h", marker=dict(color=colour, line=dict(color=INK, width=1),
                                             pattern=dict(shape=pattern, fgcolor=GREY,
                                                          solidity=0.12)),
                text=[wrap(meaning, 26)], textposition="inside", insidetextanchor="middle",
                textfont=dict(size=12, color=INK), showlegend=False,
                hovertext=[f"{name} {a} to {b}: {meaning} [R21]"], hoverinfo="text"))
        fig.add_annotation(x=0, y=name, xref="x", yref="y", text=f"{lo}", showarrow=False,
                           xanchor="right", xshift=-4, font=dict(size=11, color=GREY))
        fig.add_annotation(x=100, y=name, xref="x", yref="y", text=f"{hi}", showarrow=False,
                           xanchor="left", xshift=4, font=dict(size=11, color=GREY))
        fig.add_annotation(x=0, y=name, xref="x", yref="y", text=wrap(how, 90), showarrow=False,
                           xanchor="left", yanchor="top", yshift=-24, font=dict(size=11, color=GREY))
    fig.update_layout(barmode="overlay", bargap=0.55, dragmode=False)
    fig.update_xaxes(visible=False, range=[-4, 104], fixedrange=True)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], fixedrange=True,
                     automargin=True, tickfont=dict(size=14))
    return base_layout(fig, SCREENING_TITLE, 470, left=20, bottom=80, source=(
        "Each bar is the tool's whole score range; the shaded part is where the score points to "
        "neuropathic pain. DN4 was used in MS by Truini 2012 [R9]. Screening tools support, and "
        "never replace, a clinical assessment."))


def screening_tools_alt_text(tools=TOOLS) -> str:
    lines = ["Neuropathic pain screening tools and their cut-offs [R21]."]
    for name, lo, hi, zones, how in tools:
        lines.append(f"- {name}, scored {lo} to {hi} ({how}): "
                     + "; ".join(meaning for *_, meaning in zones) + ".")
    lines.append("- DN4 was used in MS by Truini 2012 [R9].")
    return "\n".join(lines)


def screening_tools_item(course=None) -> FigureItem:
    return FigureItem("screening_tools", SCREENING_TITLE, screening_tools_figure(),
                      screening_tools_alt_text())


# --------------------------------------------------------------- Penn scale
PENN = [(0, "None"), (1, "Spasms only when stimulated"), (2, "Less than one an hour"),
        (3, "More than one an hour"), (4, "More than ten an hour")]
PENN_TITLE = "Penn Spasm Frequency Scale, 0-4 [R22]"


def penn_scale_figure(levels=PENN) -> go.Figure:
    scores = [s for s, _ in levels]
    fig = go.Figure(go.Bar(
        x=[str(s) for s in scores], y=[s + 0.4 for s in scores],
        marker=dict(color=[OKABE_ITO["bluish_green"]] * len(scores), line=dict(color=INK, width=1),
                    pattern=dict(shape="/", fgcolor="#ffffff", solidity=0.15)),
        text=[wrap(t, 16) for _, t in levels], textposition="outside", cliponaxis=False,
        textfont=dict(size=13), hovertext=[f"Score {s}: {t} [R22]" for s, t in levels],
        hoverinfo="text", showlegend=False))
    fig.update_xaxes(title="Score", fixedrange=True, tickfont=dict(size=14))
    fig.update_yaxes(visible=False, range=[0, 6], fixedrange=True)
    fig.update_layout(dragmode=False, bargap=0.3)
    return base_layout(fig, PENN_TITLE, 440, bottom=110, source=(
        "How often spasms happen, from none to more than ten an hour; a separate severity score "
        "runs from 1 to 3 [R22]. Spasticity itself is graded on the Modified Ashworth Scale "
        "(0, 1, 1+, 2, 3, 4) [R22] and can be rated on a 0-10 numeric scale [R22]."))


def penn_scale_alt_text(levels=PENN) -> str:
    return "\n".join(["Penn Spasm Frequency Scale, scored 0 to 4, with a severity score of 1 to 3 [R22]."]
                     + [f"- {s}: {t}." for s, t in levels]
                     + ["- The Modified Ashworth Scale grades spasticity 0, 1, 1+, 2, 3, 4 [R22]."])


def penn_scale_item(course=None) -> FigureItem:
    return FigureItem("penn_scale", PENN_TITLE, penn_scale_figure(), penn_scale_alt_text())


# --------------------------------------------------------------- 0-10 pain scale
NRS_TITLE = "A change that matters on the 0-10 pain scale [R23]"


def nrs_change_figure(before: int = 7) -> go.Figure:
    """An example: from ``before`` a fall of about 2 points, or about 30 %, is important."""
    after_points = before - 2
    after_pct = round(before * 0.7, 1)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(range(11)), y=[0] * 11, mode="markers+text",
                             marker=dict(symbol="line-ns-open", size=18, color=GREY),
                             text=[str(i) for i in range(11)], textposition="bottom center",
                             textfont=dict(size=13), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(x=[before], y=[0.35], mode="markers+text", name="Before",
                             marker=dict(symbol="circle", size=16, color=OKABE_ITO["vermillion"],
                                         line=dict(color=INK, width=1)),
                             text=[f"before: {before}"], textposition="top center",
                             hovertext=[f"Example starting score {before}"], hoverinfo="text"))
    fig.add_trace(go.Scatter(x=[after_points], y=[0.35], mode="markers+text",
                             name="About 2 points lower",
                             marker=dict(symbol="diamond", size=16, color=OKABE_ITO["blue"],
                                         line=dict(color=INK, width=1)),
                             text=[f"2 points lower: {after_points}"], textposition="top center",
                             hovertext=[f"{after_points}: a fall of about 2 points [R23]"],
                             hoverinfo="text"))
    fig.add_annotation(x=after_points + 0.1, y=0.35, ax=before - 0.1, ay=0.35, xref="x", yref="y",
                       axref="x", ayref="y", showarrow=True, arrowhead=3, arrowwidth=2,
                       arrowcolor=INK, text="")
    fig.update_xaxes(visible=False, range=[-0.6, 10.6], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.5, 1.0], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"))
    return base_layout(fig, NRS_TITLE, 360, bottom=100, source=(
        f"Pain intensity on a 0-10 numeric rating scale is an IMMPACT core measure; a fall of about "
        f"2 points, or about 30 %, is clinically important [R23]. Example: from {before}, 30 % "
        f"lower is about {after_pct:g}."))


def nrs_change_alt_text(before: int = 7) -> str:
    return ("Pain intensity is rated on a 0-10 numeric rating scale (an IMMPACT core measure) [R23]. "
            f"A fall of about 2 points or about 30 % is clinically important [R23]. Example: from "
            f"{before}, 2 points lower is {before - 2}, and 30 % lower is about "
            f"{round(before * 0.7, 1):g}.")


def nrs_change_item(course=None) -> FigureItem:
    return FigureItem("nrs_change", NRS_TITLE, nrs_change_figure(), nrs_change_alt_text())
