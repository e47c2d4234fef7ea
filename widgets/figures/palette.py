"""Colours, marker symbols and line styles shared by every figure.

Okabe-Ito colours (safe for the common colour-vision deficiencies), and for every
node kind a marker symbol and a border dash as well, so that no information is
carried by colour alone. Plain data: no plotly import.
"""
from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design"
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#6b6b6b"
LIGHT_GREY = "#d9d9d9"
INK = "#1a1a1a"
FONT_FAMILY = "Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class KindStyle:
    """How one kind of pathway node is drawn."""

    colour: str    # Okabe-Ito
    symbol: str    # plotly marker symbol
    dash: str      # SVG stroke-dasharray for the minimap box border ("" = solid)


KIND_STYLES: dict[str, KindStyle] = {
    "cause": KindStyle(OKABE_ITO["blue"], "circle", ""),
    "lesion": KindStyle(OKABE_ITO["orange"], "square", "6 3"),
    "mechanism": KindStyle(OKABE_ITO["sky_blue"], "diamond", "2 2"),
    "symptom": KindStyle(OKABE_ITO["bluish_green"], "triangle-up", "8 2 2 2"),
    "pain": KindStyle(OKABE_ITO["vermillion"], "star", ""),
    "trigger": KindStyle(OKABE_ITO["reddish_purple"], "hexagon", "1 3"),
    "consequence": KindStyle(OKABE_ITO["black"], "pentagon", "4 4"),
}


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of pathway link is drawn (its name: ``words.links`` in pathway.yaml)."""

    colour: str
    dash: str       # plotly dash name
    svg_dash: str   # SVG stroke-dasharray
    width: float


EDGE_STYLES: dict[str, EdgeStyle] = {
    "causal": EdgeStyle(GREY, "solid", "", 1.6),
    "loop": EdgeStyle(OKABE_ITO["vermillion"], "dash", "6 4", 2.2),
    "association": EdgeStyle(OKABE_ITO["blue"], "dot", "2 3", 2.0),
}

# series colours for charts, in order; never the only cue (bars are also labelled)
SERIES = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion",
                                 "reddish_purple", "sky_blue", "black")]
# bar patterns that go with SERIES, so two series differ without colour
PATTERNS = ["", "/", ".", "x", "-", "|", "+"]

FADED_OPACITY = 0.12


def kind_style(kind: str) -> KindStyle:
    try:
        return KIND_STYLES[kind]
    except KeyError:
        raise KeyError(f"no style for node kind {kind!r}; known kinds: "
                       + ", ".join(KIND_STYLES)) from None
