"""How MS starts: the share of people with each disease course, as two sources give it."""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout
from .palette import INK, LIGHT_GREY, OKABE_ITO

# (course, low, high, how it is said) per source; a point estimate has low == high
SOURCES = {
    "NICE CG186 [R2]": [("Relapsing-remitting at onset", 85, 85, "about 85 in 100"),
                        ("Primary progressive", 10, 15, "10-15 in 100")],
    "StatPearls [R4]": [("Relapsing-remitting at onset", 70, 80, "70-80 %"),
                        ("Primary progressive", 15, 20, "15-20 %")],
}
SYMBOLS = {"NICE CG186 [R2]": "circle", "StatPearls [R4]": "square"}
COLOURS = {"NICE CG186 [R2]": OKABE_ITO["blue"], "StatPearls [R4]": OKABE_ITO["orange"]}
TITLE = "How MS starts: two sources give different figures [R2, R4]"


def ms_courses_figure(sources=SOURCES) -> go.Figure:
    fig = go.Figure()
    for i, (source, rows) in enumerate(sources.items()):
        offset = 0.15 if i == 0 else -0.15
        ys = [(1 if course.startswith("Relapsing") else 0) + offset for course, *_ in rows]
        fig.add_trace(go.Scatter(
            x=[(lo + hi) / 2 for _, lo, hi, _ in rows], y=ys, mode="markers+text",
            name=source, marker=dict(symbol=SYMBOLS[source], size=13, color=COLOURS[source],
                                     line=dict(color=INK, width=1)),
            error_x=dict(type="data", symmetric=False, array=[(hi - lo) / 2 for _, lo, hi, _ in rows],
                         arrayminus=[(hi - lo) / 2 for _, lo, hi, _ in rows],
                         color=COLOURS[source], thickness=5, width=0),
            text=[f"{said}  " for *_, said in rows], textposition="middle left",
            textfont=dict(size=13), cliponaxis=False,
            hovertext=[f"{source}: {course}, {said}" for course, _, _, said in rows],
            hoverinfo="text"))
    fig.update_yaxes(tickvals=[0, 1], ticktext=["Primary progressive", "Relapsing-remitting<br>at onset"],
                     range=[-0.6, 1.6], fixedrange=True, automargin=True)
    fig.update_xaxes(range=[0, 100], title="People with MS (per cent, or in 100)",
                     gridcolor=LIGHT_GREY, fixedrange=True)
    fig.update_layout(legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"), dragmode=False)
    return base_layout(fig, TITLE, 440, left=20, bottom=110, source=(
        "Bars show a range, dots a single figure. NICE CG186 adds that about two-thirds of people "
        "who start with relapsing-remitting MS later develop secondary progressive MS [R2]. "
        "Figures vary by source."))


def ms_courses_alt_text(sources=SOURCES) -> str:
    lines = ["How MS starts, as two sources give it; the figures differ."]
    for source, rows in sources.items():
        lines.append(f"- {source}: " + "; ".join(f"{course.lower()}: {said}"
                                                for course, _, _, said in rows) + ".")
    lines.append("- About two-thirds of people who start with relapsing-remitting MS later "
                 "develop secondary progressive MS [R2].")
    return "\n".join(lines)


def ms_courses_item(course=None) -> FigureItem:
    return FigureItem("ms_courses", TITLE, ms_courses_figure(), ms_courses_alt_text())
