"""Every notebook, executed once by nbclient in a fresh kernel (the ``executed_notebooks``
session fixture), shows a learner what the section promises: no error and no stderr,
its title, every diagram (a Plotly figure, or an HTML table), its quiz with every
question, the summary and the safety footer.

This replaces ``pytest --nbval-lax notebooks`` (which only proved that each notebook ran)
and, for the notebooks other than start-here and 03, the JupyterLab run: the notebooks are
one generated skeleton (tests/test_notebooks.py), their outputs are checked here and their
figures are drawn in Chromium by tests/test_handouts_browser.py.
"""
from __future__ import annotations

import html
import json
import re

import pytest

from conftest import ROOT
from widgets.figures import section_figures
from widgets.notebooks import NAME_RE

pytestmark = [pytest.mark.kernel, pytest.mark.slow]

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PLOTLY = "application/vnd.plotly.v1+json"
WIDGET = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"


def _outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def _html(outputs) -> str:
    return html.unescape("".join(o.get("data", {}).get("text/html", "") for o in outputs))


def _words(markdown: str, n: int = 4) -> str:
    """The first words of a prompt as a reader sees them (no citations, no emphasis)."""
    text = re.sub(r"\[R[^\]]*\]", "", markdown).replace("*", "").replace("`", "")
    return " ".join(text.split()[:n])


def test_every_notebook_was_executed(executed_notebooks):
    assert sorted(executed_notebooks) == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_shows_the_whole_section(executed_notebooks, course, name):
    run = executed_notebooks[name]
    assert run["error"] == "", f"{name} failed:\n{run['error']}"
    nb = run["nb"]
    outputs = _outputs(nb)
    problems = [f"{o['ename']}: {o['evalue']}" for o in outputs if o["output_type"] == "error"]
    problems += ["stderr: " + "".join(o["text"])[:300] for o in outputs
                 if o["output_type"] == "stream" and o.get("name") == "stderr"]
    assert problems == [], "\n".join(problems)
    # every code cell ran and showed something
    assert all(c.execution_count and c.outputs for c in nb.cells if c.cell_type == "code")

    section = course.section(NAME_RE.match(name)["slug"])
    shown = _html(outputs)
    title_cell = nb.cells[0]  # the title is the Markdown cell on top
    assert title_cell.cell_type == "markdown" and section.title in title_cell.source
    assert course.info.red_flags[0].signs in shown and "Content last reviewed" in shown

    items = section_figures(course, section.id)
    plots = [o for o in outputs if PLOTLY in o.get("data", {})]
    assert len(plots) == sum(1 for i in items if not i.html)
    titles = sorted(p["data"][PLOTLY]["layout"]["title"]["text"].replace("<br>", " ")
                    for p in plots)  # in the parts' order, which need not be figures.yaml's
    for item in items:
        if not item.html:
            assert any(t.startswith(_words(item.title)) for t in titles), (item.name, titles)
    for item in items:
        if item.html:  # a table, as HTML with its caption
            assert html.unescape(item.html) in shown
        else:          # a figure, with its text alternative under it
            assert item.alt_text.splitlines()[0] in shown, item.name

    questions = course.quiz(section.id).questions
    if questions:
        assert any(WIDGET in o.get("data", {}) for o in outputs)
        state = html.unescape(json.dumps(nb.metadata["widgets"][STATE]["state"],
                                         ensure_ascii=False))
        missing = [q.id for q in questions if _words(q.prompt) not in state]
        assert missing == [], f"questions not shown in the quiz widget: {missing}"
