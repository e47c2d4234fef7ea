"""An interactive course on multiple sclerosis and leg pain.

The small public API; everything heavy (ipywidgets, plotly) loads only when used.
"""
from __future__ import annotations

__all__ = ["load_course", "check_course", "ContentError", "Problem", "open_section"]


def __getattr__(name):
    if name in ("load_course", "check_course", "ContentError", "Problem"):
        from . import course

        return getattr(course, name)
    if name == "open_section":
        from .notebook import open_section

        return open_section
    raise AttributeError(f"module 'widgets' has no attribute {name!r}")
