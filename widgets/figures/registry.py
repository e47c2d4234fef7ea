"""Figure names a section may ask for in content/figures.yaml, and where each is drawn.

Names only (no plotly import), so the content checker stays fast.
"""
FIGURES: dict[str, str] = {
    # name: "module:function" inside widgets.figures
    "pathway": "pathway:pathway_figure",
}
FIGURE_NAMES = frozenset(FIGURES)
