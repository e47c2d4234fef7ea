"""The figure names registry lives in the data layer: widgets.course.figure_names."""
from ..course.figure_names import FIGURE_NAMES, FIGURES, HIGHLIGHT_FIGURES

__all__ = ["FIGURES", "FIGURE_NAMES", "HIGHLIGHT_FIGURES"]
