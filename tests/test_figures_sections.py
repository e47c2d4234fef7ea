"""Every section has at least one figure that builds, with a text alternative; every
registered figure builds and is deterministic."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from widgets.course import load_course
from widgets.figures import FIGURES, FigureItem, build_figure, section_figures


@pytest.fixture(scope="module")
def course():
    return load_course()


def test_every_section_has_a_figure(course):
    for s in course.sections:
        items = section_figures(course, s.id)
        assert items, f"section {s.id} has no figure in content/figures.yaml"
        for item in items:
            assert isinstance(item, FigureItem) and isinstance(item.figure, go.Figure)
            assert item.title and len(item.alt_text) > 40


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_builds_cited_and_deterministic(course, name):
    a, b = build_figure(course, name), build_figure(course, name)
    assert a.name == name
    assert a.figure.to_json() == b.figure.to_json()
    assert a.alt_text == b.alt_text
    if name != "course_map":                          # no numbers, nothing to cite
        assert "[R" in a.title or "[R" in a.alt_text  # numbers carry their source
    layout = a.figure.layout
    assert layout.width is None and 300 <= layout.height <= 750
    assert "$" not in a.figure.to_json()            # no LaTeX / MathJax


def test_prevalence_numbers_match_the_brief(course):
    fig = build_figure(course, "prevalence").figure
    bars = dict(zip(fig.data[0].y, fig.data[0].x))
    assert bars["Any pain (overall)"] == 63 and bars["Trigeminal neuralgia"] == 3.8
    ci = fig.data[1]
    assert list(ci.error_x.array) == [7, 27] and list(ci.error_x.arrayminus) == [8, 19]
    alt = build_figure(course, "prevalence").alt_text
    for text in ("63 %", "43 %", "26 %", "20 %", "15 %", "16 %", "3.8 %", "55-70", "7-53"):
        assert text in alt


def test_unknown_figure_names_the_known_ones(course):
    with pytest.raises(KeyError, match="known figures"):
        build_figure(course, "nope")
