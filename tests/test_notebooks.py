"""Notebooks: named by one pattern with no gaps, one skeleton, clean, listed in the README."""
import json
import shutil

import nbformat
import pytest

from widgets.course import load_course
from widgets.notebooks import (RUN_LINE, NAME_RE, NOTEBOOK_METADATA, build_notebook, clean_notebook,
                               clean_notebooks, notebook_text, readme_with_toc, stale_notebooks,
                               unclean_reasons, write_notebooks)

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def course():
    return load_course()


def test_names_follow_one_pattern_and_numbers_have_no_gaps(course):
    assert NOTEBOOKS, "no notebooks: run make notebooks"
    numbers = []
    for path in NOTEBOOKS:
        m = NAME_RE.match(path.name)
        assert m, f"{path.name} does not look like NN-slug.ipynb"
        numbers.append(int(m["num"]))
    assert numbers == list(range(len(numbers)))
    assert [p.name for p in NOTEBOOKS] == [f"{s.number}-{s.id}.ipynb" for s in course.sections]


def test_every_notebook_is_the_generated_skeleton(course):
    for path in NOTEBOOKS:
        section_id = NAME_RE.match(path.name)["slug"]
        expected = notebook_text(build_notebook(course, section_id))
        assert path.read_text(encoding="utf-8") == expected, \
            f"{path.name} differs from the skeleton: run make notebooks"


def test_notebooks_hold_no_course_text(course):
    """Cells are short calls; no sentence of course prose lives in a notebook: Markdown
    cells hold only headings (the section's and its parts' titles) and the run line."""
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    assert line.startswith("#") or line in ("", RUN_LINE), line
                continue
            assert cell.cell_type == "code"
            for line in cell.source.splitlines():
                assert line.startswith(("#", "from widgets", "section")) or not line.strip(), line


def test_committed_notebooks_are_clean():
    problems = [r for p in NOTEBOOKS for r in unclean_reasons(p)]
    assert problems == [], "\n".join(problems)


def test_cleaning_strips_outputs_and_metadata(tmp_path):
    src = NOTEBOOKS[1]
    nb = nbformat.read(src, as_version=4)
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="hello")]
    nb.cells[0].execution_count = 3
    nb.cells[0].metadata["collapsed"] = True
    nb.metadata["widgets"] = {"state": {}}
    dirty = tmp_path / src.name
    nbformat.write(nb, dirty)
    assert unclean_reasons(dirty), "the dirty fixture should be reported"
    assert clean_notebooks(tmp_path, check=True)
    assert clean_notebooks(tmp_path) == []
    assert unclean_reasons(dirty) == []
    cleaned = nbformat.read(dirty, as_version=4)
    assert cleaned.metadata == NOTEBOOK_METADATA
    assert cleaned.cells[0].outputs == [] and cleaned.cells[0].execution_count is None


def test_unreadable_notebook_is_reported_not_raised(tmp_path):
    bad = tmp_path / "01-bad.ipynb"
    bad.write_text("{not json")
    reasons = unclean_reasons(bad)
    assert reasons and "cannot read the notebook" in reasons[0]


def test_readme_table_of_contents_matches_the_notebooks(course):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_with_toc(readme, course) == readme, "README contents are stale: run make notebooks"
    for path in NOTEBOOKS:
        assert f"(notebooks/{path.name})" in readme


def test_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_regenerating_touches_only_the_notebooks_it_generates(course, tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    mine = nbformat.v4.new_notebook()
    mine.cells.append(nbformat.v4.new_markdown_cell("My own notes on leg pain"))
    own = {"my-notes.ipynb": notebook_text(mine),
           "99-old-section.ipynb": notebook_text(mine),  # named like a section notebook
           "notes.txt": "not a notebook"}
    for name, text in own.items():
        (folder / name).write_text(text, encoding="utf-8")
    generated = folder / NOTEBOOKS[3].name
    generated.write_text("{}", encoding="utf-8")  # an outdated generated notebook
    written = write_notebooks(course, folder)
    assert {p.name for p in written} == {p.name for p in NOTEBOOKS}
    for name, text in own.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"{name} was changed"
    assert generated.read_text(encoding="utf-8") == NOTEBOOKS[3].read_text(encoding="utf-8")
    assert stale_notebooks(course, folder) == [folder / "99-old-section.ipynb"]
    assert not list(folder.glob(".notebook-*"))
