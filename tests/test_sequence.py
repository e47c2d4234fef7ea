"""A section is a sequence of parts: part → its figures → its check-yourself items → ... →
end quiz, the same in the notebooks (generated cells and what each cell shows) and in the
handout pages. Checked against the content, for the real course and the fixture course."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from unittest import mock

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets import notebook  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.handouts.build import Handouts  # noqa: E402
from widgets.notebooks import RUN_LINE, build_notebook  # noqa: E402
from widgets.page import review_section_id  # noqa: E402

from conftest import ROOT  # noqa: E402


@pytest.fixture(scope="module")
def real():
    return load_course()


@pytest.fixture(scope="module")
def fixture_course():
    return load_course(L.FIXTURE_CONTENT)


def expected_cells(course, s) -> list[tuple[str, str]]:
    """What the content says a section notebook shows, in order (type, source)."""
    out = [("markdown", f"# {s.number} · {s.title}\n\n{RUN_LINE}")]
    if s.intro.strip() or course.part_figures(s.id, None):
        out.append(("code", "section.intro()"))
    for p in s.parts:
        out += [("markdown", f"## {p.title}"), ("code", f'section.part("{p.slug}")')]
    return out


@pytest.mark.parametrize("which", ["real", "fixture_course"])
def test_committed_and_generated_notebooks_follow_the_parts(request, which):
    course = request.getfixturevalue(which)
    for s in course.sections:
        nb = build_notebook(course, s.id)
        if which == "real":  # the committed notebook is the generated one (staleness test)
            committed = nbformat.read(ROOT / "notebooks" / f"{s.number}-{s.id}.ipynb", 4)
            assert [(c.cell_type, c.source) for c in committed.cells] == \
                [(c.cell_type, c.source) for c in nb.cells]
        cells = [(c.cell_type, c.source) for c in nb.cells
                 if c.id not in ("open", "course-map", "progress", "teaching")]
        want = expected_cells(course, s)
        assert cells[:len(want)] == want, s.id
        rest = [src for _, src in cells[len(want):]]
        tests = []
        if s.order == 0:
            tests = ["## Pre-test", "section.pretest()"]
        elif s.id == review_section_id(course):
            tests = ["## Post-test", "section.posttest()"]
        assert rest[:len(tests)] == tests
        assert rest[-3:] == ["section.quiz()", "section.summary()", "section.footer()"]
        # the title cell is the first cell: readable before anything runs
        assert nb.cells[0].cell_type == "markdown" and RUN_LINE in nb.cells[0].source


def _shown(course, section_id, slug):
    items = []
    with mock.patch.object(notebook, "display", side_effect=items.append):
        notebook.SectionView(course, section_id).part(slug)
    return items


def test_each_part_cell_shows_prose_then_its_figures_then_its_checks(real):
    import plotly.graph_objects as go

    for s in real.sections:
        for p in s.parts:
            items = _shown(real, s.id, p.slug)
            first = items[0].data
            assert f"<h2" not in first  # the heading is the Markdown cell above
            words = re.sub(r"[^A-Za-z]+", " ", p.markdown).split()[:3]
            assert all(w in first for w in words), (s.id, p.slug)
            figs = [i for i in items if isinstance(i, go.Figure)  # or a table, as HTML
                    or 'class="course-table"' in (getattr(i, "data", "") or "")]
            assert len(figs) == len(real.part_figures(s.id, p.slug)), (s.id, p.slug)
            checks = [i for i in items if hasattr(i, "questions")]
            assert [v.question_id for c in checks for v in c.questions] == \
                [q.id for q in real.checks(s.id, p.slug)]
            if figs and checks:
                assert items.index(figs[-1]) < items.index(checks[0])


def test_fixture_check_yourself_items_follow_their_part(fixture_course):
    items = _shown(fixture_course, "nerve-damage", "more")
    box = items[-1]
    assert [v.question_id for v in box.questions] == ["fx-check-more"]
    view = box.questions[0]
    L.choose(view, True, "high")
    view.check_button.click()
    assert "✓ Correct" in view.feedback.value and "Points for this answer: +3 " in view.feedback.value
    assert box.score.value.startswith("Score: 1 of 1 answered correctly")
    # check-yourself and pre/post items are not in the end quiz
    assert {q.id for q in fixture_course.quiz("nerve-damage").questions}.isdisjoint(
        {"fx-check-more", "fx-pre-nerve", "fx-post-nerve"})


def _part_blocks(page: str) -> list[tuple[str, str]]:
    starts = [(m.start(), m.group(1)) for m in re.finditer(r'<div class="handout-part" data-part="([^"]+)">', page)]
    after = [page.find(m, starts[-1][0]) for m in ('class="handout-test"', 'class="handout-quiz"',
                                                   'class="course-summary"')] if starts else []
    ends = [i for i, _ in starts[1:]] + [min(i for i in after if i >= 0)] if starts else []
    return [(slug, page[i:j]) for (i, slug), j in zip(starts, ends)]


@pytest.mark.parametrize("which", ["real", "fixture_course"])
def test_handout_pages_follow_the_parts(request, which):
    course = request.getfixturevalue(which)
    handouts = Handouts(course, "student")
    for s in course.sections:
        page = handouts.section(s)
        blocks = _part_blocks(page)
        assert [slug for slug, _ in blocks] == [p.slug for p in s.parts], s.id
        for p, (_, block) in zip(s.parts, blocks):
            heading = block.index(f'id="{s.id}-{p.slug}"')
            figures = [m.start() for m in re.finditer(  # a diagram, or a table as HTML
                r'<figure class="handout-figure"|<div class="handout-table"', block)]
            assert len(figures) == len(course.part_figures(s.id, p.slug)), (s.id, p.slug)
            qids = re.findall(r'data-question="([^"]+)"', block)
            assert qids == [q.id for q in course.checks(s.id, p.slug)], (s.id, p.slug)
            if qids:
                checks = block.index('class="handout-checks"')
                assert heading < checks and all(f < checks for f in figures)
                assert block.count("<legend>How sure are you?</legend>") == len(qids)
            assert all(heading < f for f in figures)
        quiz = page.find('class="handout-quiz"')
        if quiz >= 0:
            assert all(page.index(f'data-part="{p.slug}"') < quiz for p in s.parts)
        test_block = page.find('class="handout-test"')
        if s.order == 0 and course.pretest().questions:
            assert test_block >= 0 and [q.id for q in course.pretest().questions] == \
                re.findall(r'data-question="([^"]+)"', page[test_block:page.index('class="handout-quiz"')
                                                                if quiz >= 0 else None])
        elif s.id == review_section_id(course) and course.posttest().questions:
            assert test_block >= 0 and "Post-test" in page[test_block:]
        else:
            assert test_block < 0
