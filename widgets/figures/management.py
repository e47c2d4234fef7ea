"""A map of management by pain type, as the guidelines in the brief describe it.

Educational only: it shows which options the sources name, and an order only where a source
gives one; never a dose.
Words: content/charts.yaml (management_map). An HTML table (caption, column and row
headers), not a Plotly figure: screen readers can walk it cell by cell, it prints as text
and the handouts need no plotly.js table module for it.
"""
from __future__ import annotations

from html import escape

from ..course.charts import TableChart
from .base import FigureItem
from .charts import chart_data

COLUMNS = ("pain", "first", "next", "severe", "refs")
EMPTY = "-"


def _cells(chart: TableChart) -> list[list[str]]:
    """The table's columns (not rows), as the chart lists them."""
    return [[r.pain for r in chart.rows], [r.first for r in chart.rows],
            [r.next or EMPTY for r in chart.rows], [r.severe or EMPTY for r in chart.rows],
            [", ".join(r.refs) for r in chart.rows]]


def management_map_table(chart: TableChart) -> str:
    """The chart as an accessible HTML table; every content string escaped."""
    head = "".join(f'<th scope="col">{escape(getattr(chart.headers, c))}</th>' for c in COLUMNS)
    rows = []
    for pain, *rest in zip(*_cells(chart)):
        cells = "".join(f"<td>{escape(v)}</td>" for v in rest)
        rows.append(f'<tr><th scope="row">{escape(pain)}</th>{cells}</tr>')
    note = " ".join(t for t in (chart.disclaimer, chart.safety, chart.source) if t)
    return ('<div class="course-figure-table">'
            f'<table class="course-table"><caption>{escape(chart.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f'<p class="course-table-note">{escape(note)}</p></div>')


def management_map_alt_text(chart: TableChart) -> str:
    said = chart.alt_labels
    lines = [chart.alt_intro]
    for r in chart.rows:
        parts = [f"{said.first}: {r.first}"]
        if r.next:
            parts.append(f"{said.next}: {r.next}")
        if r.severe:
            parts.append(f"{said.severe}: {r.severe}")
        lines.append(f"- {r.pain}: " + "; ".join(parts) + f" [{', '.join(r.refs)}].")
    lines.append(chart.safety)
    return "\n".join(lines + chart.alt_outro)


def management_map_item(course) -> FigureItem:
    chart = chart_data(course, "management_map")
    return FigureItem("management_map", chart.title, None, management_map_alt_text(chart),
                      html=management_map_table(chart))
