"""The progress dashboard: per-section scores, what to do next, and reset with a confirm step."""
from __future__ import annotations

import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course  # noqa: E402
from widgets.dashboard import STATUS_COLOURS, progress_dashboard  # noqa: E402
from widgets.progress import ProgressStore  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def _answer_all(course, section, store, right=True):
    box = quiz_widget(course, section, learner="ana", store=store)
    for v in box.questions:
        L.choose(v, L.right_answer(v.data) if right else L.all_wrong(v.data)[0])
        v.check_button.click()


def test_fresh_learner_is_sent_to_the_first_quiz(course, store):
    dash = progress_dashboard(course, store, learner="ana")
    assert "What to do next: section 01, Nerve damage." in dash.summary.value
    assert isinstance(dash.figure, go.Figure)
    bar = dash.figure.data[0]
    assert list(bar.y) == ["01 Nerve damage", "02 Leg pain", "03 Review"]  # no quiz in 00
    assert list(bar.x) == [0, 0, 0]
    assert list(bar.text) == ["0 of 5 (not started)", "0 of 2 (not started)", "0 of 3 (not started)"]
    assert set(bar.marker.color) <= OKABE_ITO
    assert set(STATUS_COLOURS.values()) <= OKABE_ITO
    assert dash.chart.outputs and "application/vnd.plotly.v1+json" in dash.chart.outputs[0]["data"]


def test_scores_and_next_step_follow_the_answers(course, store):
    _answer_all(course, "nerve-damage", store)
    _answer_all(course, "leg-pain", store, right=False)
    dash = progress_dashboard(course, store, learner="ana")
    assert "finish the quiz of section 02, Leg pain (0 of 2 answered correctly)" in dash.summary.value
    assert "<td>5 of 5</td><td>complete</td>" in dash.summary.value
    bar = dash.figure.data[0]
    assert list(bar.x)[:2] == [100, 0]
    assert bar.text[0] == "5 of 5 (complete)" and bar.text[1] == "0 of 2 (in progress)"


def test_all_done(course, store):
    for s in ("nerve-damage", "leg-pain", "review"):
        _answer_all(course, s, store)
    dash = progress_dashboard(course, store, learner="ana")
    assert "every quiz is answered correctly" in dash.summary.value


def test_reset_needs_confirmation(course, store):
    _answer_all(course, "nerve-damage", store)
    dash = progress_dashboard(course, store, learner="ana")
    assert dash.confirm_box.layout.display == "none"
    dash.reset_button.click()
    assert dash.confirm_box.layout.display != "none"
    dash.cancel_button.click()
    assert store.answers("ana")
    assert dash.confirm_box.layout.display == "none"
    dash.reset_button.click()
    dash.confirm_button.click()
    assert store.answers("ana") == {}
    assert ProgressStore(store.path).answers("ana") == {}
    assert "What to do next: section 01, Nerve damage." in dash.summary.value
    assert list(dash.figure.data[0].x) == [0, 0, 0]


def test_controls_are_labelled(course, store):
    dash = progress_dashboard(course, store, learner="ana")
    for b in (dash.reset_button, dash.confirm_button, dash.cancel_button):
        assert b.description and b.tooltip
