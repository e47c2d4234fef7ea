"""Every section has at least one figure that builds, with a text alternative; every
registered figure builds and is deterministic."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from widgets.figures import FIGURES, FigureItem, build_figure
from widgets.handouts.plotlyjs import BASIC_TRACES


@pytest.fixture(scope="module")
def drawn(course) -> dict:
    """Every registered figure, drawn once for this module."""
    return {name: build_figure(course, name) for name in FIGURES}


def test_every_section_has_a_figure(course, drawn):
    for s in course.sections:
        assert course.figures.get(s.id), f"section {s.id} has no figure in content/figures.yaml"
        items = [drawn[name] for name in course.figures[s.id]]
        assert items, f"section {s.id} has no figure in content/figures.yaml"
        for item in items:
            assert isinstance(item, FigureItem)
            assert isinstance(item.figure, go.Figure) != bool(item.html)  # a figure or a table
            assert item.title and len(item.alt_text) > 40


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_builds_cited_and_deterministic(course, drawn, name):
    a, b = drawn[name], build_figure(course, name)
    assert a.name == name
    assert a.alt_text == b.alt_text
    if a.html:  # a table: deterministic HTML, no figure
        assert a.figure is None and a.html == b.html and "[R" in a.html
        return
    assert a.figure.to_json() == b.figure.to_json()
    # the handouts carry plotly.js's basic bundle: scatter, bar and pie only
    assert {t.type for t in a.figure.data} <= BASIC_TRACES
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


def test_the_management_map_is_an_accessible_html_table(course):
    item = build_figure(course, "management_map")
    chart = course.charts["management_map"]
    html = item.html
    assert html.count("<table") == 1 and "<caption>" in html
    assert html.count('<th scope="col">') == 5
    assert html.count('<th scope="row">') == html.count("<tr>") - 1 == len(chart.rows)
    assert chart.rows[0].first in html.replace("&#x27;", "'")
    assert "<script" not in html and "plotly" not in html


def test_a_table_escapes_its_content(course):
    from widgets.figures.management import management_map_table

    chart = course.charts["management_map"]
    rows = [chart.rows[0].model_copy(update={"first": "<img src=x onerror=alert(1)>"})]
    html = management_map_table(chart.model_copy(update={"rows": rows}))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
