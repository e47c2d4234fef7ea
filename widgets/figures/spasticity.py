"""Spasticity: how many people report it, and what makes it worse."""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout, wrap
from .palette import GREY, INK, OKABE_ITO

SHARE = 84  # per cent of people with MS who report spasticity [R15]
SHARE_TITLE = "Spasticity is reported by 84 % of people with MS [R15]"


def spasticity_share_figure(share: int = SHARE) -> go.Figure:
    """100 squares, one per person in 100: filled squares report spasticity."""
    xs = [i % 10 for i in range(100)]
    ys = [9 - i // 10 for i in range(100)]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs[:share], y=ys[:share], mode="markers",
                             name=f"{share} in 100 report spasticity",
                             marker=dict(symbol="square", size=22, color=OKABE_ITO["bluish_green"],
                                         line=dict(color=INK, width=1)), hoverinfo="name"))
    fig.add_trace(go.Scatter(x=xs[share:], y=ys[share:], mode="markers",
                             name=f"{100 - share} in 100 do not",
                             marker=dict(symbol="square-open", size=22, color=GREY,
                                         line=dict(width=2)), hoverinfo="name"))
    fig.update_xaxes(visible=False, range=[-0.7, 9.7], fixedrange=True, scaleanchor="y")
    fig.update_yaxes(visible=False, range=[-0.7, 9.7], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(x=1.02, y=0.5, yanchor="middle"))
    return base_layout(fig, SHARE_TITLE, 460, bottom=60, source=(
        "Each square is one person in 100 (Rizzo et al. 2004 [R15])."))


def spasticity_share_alt_text(share: int = SHARE) -> str:
    return (f"A grid of 100 squares, one per person: {share} filled squares stand for the {share} % "
            f"of people with MS who report spasticity, {100 - share} open squares for those who "
            "do not [R15].")


def spasticity_share_item(course=None) -> FigureItem:
    return FigureItem("spasticity_share", SHARE_TITLE, spasticity_share_figure(),
                      spasticity_share_alt_text())


# ------------------------------------------------------------------ triggers
TRIGGERS = [  # grouped for teaching; every trigger is from [R16]
    ("Infection and temperature", ["Urinary tract infection (one of the most common)",
                                   "Other infections", "Fever or higher body temperature"]),
    ("Bladder and bowel", ["Full bladder", "Constipation"]),
    ("Skin, clothing and posture", ["Skin irritation or pressure sores",
                                    "Tight clothes or strapping", "Posture problems"]),
    ("Pain and injury", ["Pain", "Fracture"]),
    ("MS activity and stress", ["Relapse", "Emotional stress"]),
]
GROUP_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "hexagon"]
TRIGGERS_TITLE = "What makes spasticity and spasms worse: check for triggers first [R16]"


def spasticity_triggers_figure(groups=TRIGGERS) -> go.Figure:
    """Each trigger points at one target: more spasticity and spasms."""
    fig = go.Figure()
    items = [(g, t) for g, ts in groups for t in ts]
    n = len(items)
    target = (3.2, (n - 1) / 2)
    colours = [OKABE_ITO[k] for k in ("vermillion", "blue", "orange", "reddish_purple", "bluish_green")]
    row = 0
    for gi, (group, triggers) in enumerate(groups):
        ys = [n - 1 - (row + i) for i in range(len(triggers))]
        row += len(triggers)
        for y in ys:
            fig.add_annotation(x=target[0] - 0.12, y=target[1], ax=0.05, ay=y, xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=2, arrowsize=1,
                               arrowwidth=1.2, arrowcolor=GREY, text="", standoff=4)
        fig.add_trace(go.Scatter(
            x=[0] * len(triggers), y=ys, mode="markers+text", name=group,
            marker=dict(symbol=GROUP_SYMBOLS[gi], size=13, color=colours[gi],
                        line=dict(color=INK, width=1)),
            text=triggers, textposition="middle left", textfont=dict(size=12), cliponaxis=False,
            hovertext=[f"{group}: {t} [R16]" for t in triggers], hoverinfo="text"))
    fig.add_trace(go.Scatter(x=[target[0]], y=[target[1]], mode="markers+text",
                             name="More spasticity and spasms",
                             marker=dict(symbol="triangle-up", size=26, color=OKABE_ITO["bluish_green"],
                                         line=dict(color=INK, width=1.5)),
                             text=["More spasticity<br>and spasms"], textposition="middle right",
                             textfont=dict(size=14), hoverinfo="name", showlegend=False))
    fig.update_xaxes(visible=False, range=[-2.6, 4.6], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.8, n - 0.2], fixedrange=True)
    fig.update_layout(dragmode=False, legend=dict(orientation="h", x=0, y=-0.02, yanchor="top"))
    return base_layout(fig, TRIGGERS_TITLE, 560, bottom=110, left=10, source=(
        "Pain itself is a trigger, so pain and spasticity can feed each other in a loop [R16]."))


def spasticity_triggers_alt_text(groups=TRIGGERS) -> str:
    lines = ["Things that make spasticity and spasms worse; dealing with them comes first [R16]."]
    lines += [f"- {g}: " + "; ".join(ts) + "." for g, ts in groups]
    lines.append("- Pain is itself a trigger, which closes a feedback loop [R16].")
    return "\n".join(lines)


def spasticity_triggers_item(course=None) -> FigureItem:
    return FigureItem("spasticity_triggers", TRIGGERS_TITLE, spasticity_triggers_figure(),
                      spasticity_triggers_alt_text())


__all__ = ["spasticity_share_figure", "spasticity_triggers_figure", "wrap"]
