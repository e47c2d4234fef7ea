"""What every figure shares: the FigureItem a section shows, layout defaults, wrapping."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from .palette import FONT_FAMILY, INK


@dataclass(frozen=True)
class FigureItem:
    """One diagram of a section: its name (in figures.yaml), a title, the figure and
    its text alternative (plain text, one or more lines). A table is ``html`` (an
    accessible HTML table with its caption) and no figure.

    Figures whose text alternatives end with the same long description share an
    ``alt_shared`` key; ``alt_lead`` is what each says before it (its first lines). A page
    that shows several of them may give the shared part once and refer back to it."""

    name: str
    title: str
    figure: go.Figure | None
    alt_text: str
    html: str = ""
    alt_shared: str = ""
    alt_lead: str = ""


# A small template instead of plotly's default one, which would add about 7 KB of unused
# styling to every figure's JSON (and to every handout page that embeds it).
_AXIS = dict(gridcolor="#e5e5e5", linecolor="#444444", zerolinecolor="#bbbbbb", automargin=True,
             title=dict(standoff=12))
TEMPLATE = go.layout.Template(layout=dict(xaxis=_AXIS, yaxis=dict(_AXIS, ticklabelstandoff=6),
                                          hovermode="closest"))


# the ``name`` of an annotation that speaks of what only a screen can do (hover, a menu):
# the handouts' print copy leaves it out
SCREEN_ONLY = "screen-only"


def wrap(text: str, width: int = 60, sep: str = "<br>") -> str:
    """Break ``text`` into lines of at most ``width`` characters for plotly labels."""
    return sep.join(textwrap.wrap(text, width, break_long_words=False)) or text


def base_layout(fig: go.Figure, title: str, height: int = 520, *, source: str = "",
                bottom: int = 70, left: int = 60, right: int = 30, top: int = 90) -> go.Figure:
    """Sizes and fonts that read well in a notebook and in print: autosized width,
    a fixed height, a wrapped title, and the source as an annotation under the plot."""
    note = wrap(source, 95) if source else ""  # fits a printed page as well as a notebook
    if note:
        bottom = max(bottom, 52 + 15 * (note.count("<br>") + 1))
    fig.update_layout(
        title=dict(text=wrap(title, 80), x=0.01, xanchor="left", y=0.98, yanchor="top",
                   font=dict(size=17, color=INK)),
        font=dict(family=FONT_FAMILY, size=13, color=INK),
        autosize=True,
        height=height,
        margin=dict(l=left, r=right, t=top, b=bottom),
        template=TEMPLATE,
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=12), align="left"),
    )
    if note:
        fig.add_annotation(text=note, xref="paper", yref="paper", x=0, y=0,
                           xanchor="left", yanchor="bottom", yshift=-bottom + 6,
                           showarrow=False, align="left", font=dict(size=11, color="#444444"))
    return fig
