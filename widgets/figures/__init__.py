"""The course's diagrams: one module per figure kind, each data → plotly Figure,
each with a text alternative built from the same data.

``section_figures(course, section_id)`` gives the FigureItems a section asks for in
content/figures.yaml; the notebook displays them, the handouts serialise them.
"""
from __future__ import annotations

from importlib import import_module

from .base import FigureItem
from .registry import FIGURE_NAMES, FIGURES

__all__ = ["FigureItem", "FIGURES", "FIGURE_NAMES", "build_figure", "section_figures",
           "node_chain_svg", "causal_chain", "highlight_pathway", "pathway_figure"]


def build_figure(course, name: str) -> FigureItem:
    """The figure called ``name`` (a key of FIGURES), drawn from ``course``."""
    try:
        target = FIGURES[name]
    except KeyError:
        raise KeyError(f"no figure {name!r}; known figures: {', '.join(sorted(FIGURES))}") from None
    module, func = target.split(":")
    return getattr(import_module(f"{__name__}.{module}"), func)(course)


def section_figures(course, section_id: str) -> list[FigureItem]:
    """The figures of a section, in the order content/figures.yaml lists them."""
    return [build_figure(course, name) for name in course.figures.get(section_id, [])]


def __getattr__(name):
    if name == "node_chain_svg":
        from .minimap import node_chain_svg

        return node_chain_svg
    if name in ("causal_chain", "highlight_pathway", "pathway_figure"):
        from . import pathway

        return getattr(pathway, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
