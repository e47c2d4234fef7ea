"""The section notebooks: generated from the content with one skeleton, kept clean.

``python -m widgets notebooks`` writes ``notebooks/NN-id.ipynb`` for every section;
``python -m widgets clean-notebooks [--check]`` strips outputs and non-allow-listed metadata.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from .course import Course

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAME_RE = re.compile(r"^(?P<num>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb$")

# Metadata kept in a committed notebook; everything else is removed by cleaning.
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}
CELL_METADATA_KEYS: set[str] = {"tags"}


def skeleton(course: Course, section_id: str) -> list[tuple[str, str]]:
    """(cell id, source) of every cell of a section notebook, in the one skeleton order."""
    s = course.section(section_id)
    cells = [("open", f"# {s.number} · all text and data come from content/; this notebook only "
                      "shows them\nfrom widgets import open_section\n\n"
                      f'section = open_section("{s.id}")\nsection.header()')]
    if s.order == 0:
        cells += [("course-map", "section.course_map()"),
                  ("progress", "section.progress()"),
                  ("teaching", "section.teaching_toggle()")]
    cells += [
        ("body", "section.body()"),
        ("figures", "section.figures()"),
        ("quiz", "section.quiz()"),
        ("summary", "section.summary()"),
        ("footer", "section.footer()"),
    ]
    return cells


def build_notebook(course: Course, section_id: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = json.loads(json.dumps(NOTEBOOK_METADATA))
    for cell_id, source in skeleton(course, section_id):
        cell = nbformat.v4.new_code_cell(source)
        cell.id = cell_id
        nb.cells.append(cell)
    return nb


def notebook_text(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n" if not nbformat.writes(nb).endswith("\n") else nbformat.writes(nb)


def write_notebooks(course: Course, folder: Path = NOTEBOOKS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    wanted = {f"{s.number}-{s.id}.ipynb" for s in course.sections}
    for s in course.sections:
        path = folder / f"{s.number}-{s.id}.ipynb"
        path.write_text(notebook_text(build_notebook(course, s.id)), encoding="utf-8")
        written.append(path)
    for stale in folder.glob("*.ipynb"):
        if stale.name not in wanted:
            stale.unlink()
    return written


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip outputs and counts (nbstripout) and keep only allow-listed metadata."""
    from nbstripout import strip_output

    nb = strip_output(nb, keep_output=False, keep_count=False, keep_id=True)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in NOTEBOOK_METADATA}
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in CELL_METADATA_KEYS}
    return nb


def unclean_reasons(path: Path) -> list[str]:
    """Why a committed notebook is not clean (empty when it is)."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - any unreadable notebook is reported, not raised
        return [f"{path}:1: cannot read the notebook ({exc}); regenerate it with make notebooks"]
    reasons = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            reasons.append(f"{path}: cell {i + 1} has outputs or an execution count")
        extra = set(cell.metadata) - CELL_METADATA_KEYS
        if extra:
            reasons.append(f"{path}: cell {i + 1} has metadata {sorted(extra)} outside the allow-list")
    extra = set(nb.metadata) - set(NOTEBOOK_METADATA)
    if extra:
        reasons.append(f"{path}: notebook metadata {sorted(extra)} outside the allow-list")
    if reasons:
        reasons.append(f"{path}: run `make clean-notebooks` to clean it")
    return reasons


def clean_notebooks(folder: Path = NOTEBOOKS, check: bool = False) -> list[str]:
    """Clean every notebook in ``folder`` (or only report, with ``check``)."""
    problems: list[str] = []
    for path in sorted(folder.glob("*.ipynb")):
        reasons = unclean_reasons(path)
        if not reasons:
            continue
        if check:
            problems.extend(reasons)
        else:
            nb = clean_notebook(nbformat.read(path, as_version=4))
            path.write_text(notebook_text(nb), encoding="utf-8")
    return problems
