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
from .fileio import atomic_write
from .page import review_section_id

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAME_RE = re.compile(r"^(?P<num>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb$")

# Metadata kept in a committed notebook; everything else is removed by cleaning.
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}
CELL_METADATA_KEYS: set[str] = {"tags"}


RUN_LINE = "Run → Run All Cells to start."


def skeleton(course: Course, section_id: str) -> list[tuple[str, str, str]]:
    """(cell type, cell id, source) of every cell of a section notebook, in the one order:
    title, header, intro, then per part a Markdown heading (so JupyterLab's table of
    contents lists the parts before anything runs) and a cell showing the part (prose,
    figures, check yourself), then the pre/post test where the course has one, the end
    quiz, summary and footer. Headings come from the content."""
    s = course.section(section_id)
    md, code = "markdown", "code"
    cells = [(md, "title", f"# {s.number} · {s.title}\n\n{RUN_LINE}"),
             (code, "open", f"# {s.number} · all text and data come from content/; this notebook "
                            "only shows them\nfrom widgets import open_section\n\n"
                            f'section = open_section("{s.id}")\nsection.header(title=False)')]
    if s.order == 0:
        cells += [(code, "course-map", "section.course_map()"),
                  (code, "progress", "section.progress()"),
                  (code, "teaching", "section.teaching_toggle()")]
    if s.intro.strip() or course.part_figures(s.id, None):
        cells.append((code, "intro", "section.intro()"))
    for i, part in enumerate(s.parts, start=1):
        cells += [(md, f"part-{i}-heading", f"## {part.title}"),
                  (code, f"part-{i}", f'section.part("{part.slug}")')]
    review = review_section_id(course)
    if s.order == 0:  # always there, so the notebooks do not change when items are added
        cells += [(md, "pretest-heading", f"## {PRETEST_HEADING}"),
                  (code, "pretest", "section.pretest()")]
    elif s.id == review:
        cells += [(md, "posttest-heading", f"## {POSTTEST_HEADING}"),
                  (code, "posttest", "section.posttest()")]
    if course.quiz(s.id).questions:
        cells.append((md, "quiz-heading", f"## {QUIZ_HEADING}"))
    cells += [
        (code, "quiz", "section.quiz()"),
        (code, "summary", "section.summary()"),
        (code, "footer", "section.footer()"),
    ]
    return cells


PRETEST_HEADING = "Pre-test"
POSTTEST_HEADING = "Post-test"
QUIZ_HEADING = "End-of-section quiz"


def build_notebook(course: Course, section_id: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = json.loads(json.dumps(NOTEBOOK_METADATA))
    for cell_type, cell_id, source in skeleton(course, section_id):
        if cell_type == "markdown":
            cell = nbformat.v4.new_markdown_cell(source)
        else:
            cell = nbformat.v4.new_code_cell(source)
        cell.id = cell_id
        nb.cells.append(cell)
    return nb


def notebook_text(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n" if not nbformat.writes(nb).endswith("\n") else nbformat.writes(nb)


def write_notebooks(course: Course, folder: Path = NOTEBOOKS) -> list[Path]:
    """Write the course's notebooks (``NN-id.ipynb``, one per section) into ``folder``.

    Only those files are (re)written, each atomically; every other notebook in the folder
    (a learner's or an educator's own, an old section's) is left exactly as it is:
    :func:`stale_notebooks` lists the ones that look like a former section's.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for s in course.sections:
        path = folder / f"{s.number}-{s.id}.ipynb"
        atomic_write(path, notebook_text(build_notebook(course, s.id)), prefix=".notebook-",
                     fsync=False)
        written.append(path)
    if folder == NOTEBOOKS and README.exists():
        atomic_write(README, readme_with_toc(README.read_text(encoding="utf-8"), course),
                     prefix=".readme-", fsync=False)
    return written


def stale_notebooks(course: Course, folder: Path = NOTEBOOKS) -> list[Path]:
    """Notebooks named like a section notebook (``NN-slug.ipynb``) that no section of the
    course generates any more. They are reported, never deleted: the course cannot tell an
    old generated notebook from someone's own work."""
    wanted = {f"{s.number}-{s.id}.ipynb" for s in course.sections}
    return sorted(p for p in folder.glob("*.ipynb")
                  if NAME_RE.match(p.name) and p.name not in wanted)


README = NOTEBOOKS.parent / "README.md"
TOC_START = "<!-- toc: generated by `python -m widgets notebooks`; tests/test_notebooks.py checks it -->"
TOC_END = "<!-- /toc -->"


def toc_markdown(course: Course) -> str:
    """The README's table of contents: one line per notebook, from the content."""
    lines = []
    for s in course.sections:
        name = f"{s.number}-{s.id}.ipynb"
        lines.append(f"{s.order}. [{s.title}](notebooks/{name})")
    return "\n".join(lines)


def readme_with_toc(readme: str, course: Course) -> str:
    start = readme.index(TOC_START) + len(TOC_START)
    end = readme.index(TOC_END)
    return readme[:start] + "\n" + toc_markdown(course) + "\n" + readme[end:]


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
            atomic_write(path, notebook_text(nb), prefix=".notebook-", fsync=False)
    return problems
