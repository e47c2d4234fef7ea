"""A map of management by pain type, as the guidelines in the brief describe it.

Educational only: it shows which options guidelines name and in what order, never a dose.
"""
from __future__ import annotations

import plotly.graph_objects as go

from .base import FigureItem, base_layout
from .palette import INK, LIGHT_GREY, OKABE_ITO

# (pain type, first, then, specialist / severe, refs)
ROWS = [
    ("Neuropathic pain (e.g. ongoing burning leg pain)",
     "A choice of amitriptyline, duloxetine, gabapentin or pregabalin",
     "If one fails or is not tolerated, switch to another of the four",
     "No opioids other than tramadol without specialist assessment; consider a pain service",
     "R24"),
    ("Trigeminal neuralgia", "Carbamazepine first", "-", "-", "R24"),
    ("Painful tonic spasms", "Carbamazepine (respond well)", "-", "-", "R12"),
    ("Spasticity and spasticity pain",
     "Deal with triggers first; then baclofen, tizanidine or gabapentin",
     "Diazepam or dantrolene; nabiximols as an add-on",
     "Intrathecal baclofen or phenol for severe spasticity", "R16, R26"),
    ("Focal or severe generalised spasticity", "Botulinum toxin for focal spasticity", "-",
     "Intrathecal baclofen pump for severe generalised spasticity", "R34, R39"),
    ("Musculoskeletal pain from gait and posture",
     "Physiotherapy, stretching, positioning, walking aids", "Hydrotherapy", "-", "R17"),
]
SAFETY = ("Safety: never stop baclofen abruptly; dantrolene can harm the liver; tizanidine needs "
          "liver-function checks [R39].")
TITLE = "Management options by pain type, as guidelines describe them [R24, R12, R16, R26, R34, R39]"
HEADERS = ["Pain type", "Guidelines name first", "Next", "Specialist or severe", "Refs"]


def management_map_figure(rows=ROWS) -> go.Figure:
    columns = [list(c) for c in zip(*rows)]
    fig = go.Figure(go.Table(
        columnwidth=[1.3, 1.6, 1.4, 1.6, 0.55],
        header=dict(values=[f"<b>{h}</b>" for h in HEADERS], fill_color=OKABE_ITO["blue"],
                    font=dict(color="#ffffff", size=13), align="left", height=30,
                    line=dict(color=INK, width=1)),
        cells=dict(values=columns, align="left", font=dict(size=12.5, color=INK), height=28,
                   fill_color=[["#ffffff", "#f2f2f2"] * len(rows)],
                   line=dict(color=LIGHT_GREY, width=1)),
    ))
    return base_layout(fig, TITLE, 500, bottom=80, left=10, right=10, source=(
        "Educational summary, not a prescription and not dosing advice. " + SAFETY +
        " NICE also names baclofen or gabapentin first and tizanidine or dantrolene second "
        "for spasticity [R1]."))


def management_map_alt_text(rows=ROWS) -> str:
    lines = ["Management options by pain type, as the guidelines describe them; educational, "
             "not dosing advice."]
    for pain, first, then, severe, refs in rows:
        parts = [f"first: {first}"]
        if then != "-":
            parts.append(f"next: {then}")
        if severe != "-":
            parts.append(f"specialist or severe: {severe}")
        lines.append(f"- {pain}: " + "; ".join(parts) + f" [{refs}].")
    lines.append(SAFETY)
    return "\n".join(lines)


def management_map_item(course=None) -> FigureItem:
    return FigureItem("management_map", TITLE, management_map_figure(), management_map_alt_text())
