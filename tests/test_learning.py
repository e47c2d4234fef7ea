"""Pre-test → post-test gain and confidence calibration: the pure sums, then as a learner
answers the pre-test and post-test widgets and reads the start-here dashboard."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course  # noqa: E402
from widgets.dashboard import progress_dashboard  # noqa: E402
from widgets.learning import (calibration, calibration_sentence, gain_sentence, gains,  # noqa: E402
                              normalised_gain)
from widgets.progress import ProgressStore, next_entry  # noqa: E402
from widgets.quiz.section_quiz import prepost_widget  # noqa: E402


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def test_normalised_gain():
    assert normalised_gain(40, 70) == pytest.approx(0.5)
    assert normalised_gain(0, 100) == 1
    assert normalised_gain(50, 25) == pytest.approx(-0.5)  # worse after: negative
    assert normalised_gain(100, 100) is None  # nothing left to gain
    assert normalised_gain(None, 50) is None and normalised_gain(20, None) is None
    with pytest.raises(ValueError, match="percentages"):
        normalised_gain(120, 50)


def _entry(correct, level, *later):
    e = next_entry(None, "x", correct, level)
    for c, lvl in later:
        e = next_entry(e, "x", c, lvl)
    return e


def test_gain_per_section_and_overall_uses_first_answers(course):
    answers = {"fx-pre-nerve": _entry(False, "high"), "fx-post-nerve": _entry(True, "medium"),
               "fx-pre-leg": _entry(True, "low"),
               # wrong first, right on the second try: the first answer counts
               "fx-post-leg": _entry(False, "low", (True, "high"))}
    result = gains(course, answers)
    by = {r.section.id: r for r in result.sections}
    assert set(by) == {"nerve-damage", "leg-pain"}
    assert (by["nerve-damage"].pre, by["nerve-damage"].post, by["nerve-damage"].g) == (0, 100, 1)
    assert (by["leg-pain"].pre, by["leg-pain"].post, by["leg-pain"].g) == (100, 0, None)
    assert (result.pre, result.post, result.g) == (50, 50, 0)
    text = gain_sentence(result)
    assert text.startswith("Your learning gain: 0% of what you did not know at the pre-test "
                           "(50% right before, 50% after).")
    assert text.endswith("Worth revisiting: 02 Leg pain.")


def test_gain_sentences_before_any_post_test(course):
    assert "Take the pre-test" in gain_sentence(gains(course, {}))
    one = gains(course, {"fx-pre-nerve": _entry(True, "low")})
    assert gain_sentence(one).startswith("You have taken the pre-test (100% right).")


def test_calibration_over_under_and_well_calibrated():
    def answers(pairs):
        return {f"q{i}": _entry(c, lvl) for i, (c, lvl) in enumerate(pairs)}

    few = calibration(answers([(True, "high"), (False, "high")]))
    assert "Answer a few more questions" in calibration_sentence(few)
    over = calibration(answers([(True, "high"), (False, "high"), (False, "high"), (True, "high")]))
    assert over.counts["high"] == (4, 2) and over.share("high") == 0.5
    assert calibration_sentence(over) == (
        "You tend to be over-confident: when your confidence was high you were right 50% of "
        "the time (2 of 4). High confidence pays only when you are right more than 4 times in "
        "5; read the explanations of the answers you were sure of again.")
    under = calibration(answers([(True, "low")] * 4))
    assert calibration_sentence(under).startswith(
        "You tend to be under-confident: when your confidence was low you were right 100%")
    good = calibration(answers([(True, "high")] * 5 + [(False, "low")] * 3))
    assert calibration_sentence(good) == ("Your confidence matches how often you are right: "
                                          "you are well calibrated.")
    mixed = calibration(answers([(False, "high")] * 3 + [(True, "low")] * 3))
    assert calibration_sentence(mixed).startswith("Your confidence is mixed:")
    # answers saved before confidence was asked (version 1) do not count
    assert calibration({"old": {"answer": "a", "correct": True}}).total == 0


def _answer(box, right: bool, level: str):
    for v in box.questions:
        L.choose(v, L.right_answer(v.data) if right else L.all_wrong(v.data)[0], level)
        v.check_button.click()


def test_learner_takes_pre_and_post_test_and_reads_the_dashboard(tmp_path, course):
    path = tmp_path / "progress.json"
    pre = prepost_widget(course, "pre", store=ProgressStore(path), learner="ana")
    assert [v.question_id for v in pre.questions] == ["fx-pre-nerve", "fx-pre-leg"]
    assert "Pre-test" in pre.children[0].value
    _answer(pre, right=False, level="high")  # sure, and wrong: the marked message
    assert all("You were sure, and this is why it is wrong" in v.feedback.value
               for v in pre.questions)
    assert pre.score.value == ("Score: 0 of 2 answered correctly; confidence-weighted score -12 "
                               "of a possible 6")
    dash = progress_dashboard(course, ProgressStore(path), learner="ana")
    assert "You have taken the pre-test (0% right)" in dash.learning.value
    assert dash.gain_figure is None and dash.calibration_figure is not None

    # a kernel restart later: the post-test, then the dashboard
    post = prepost_widget(course, "post", store=ProgressStore(path), learner="ana")
    assert [v.question_id for v in post.questions] == ["fx-post-nerve", "fx-post-leg"]
    _answer(post, right=True, level="high")
    dash = progress_dashboard(course, ProgressStore(path), learner="ana")
    assert ("Your learning gain: 100% of what you did not know at the pre-test (0% right "
            "before, 100% after). Every post-test question was right: nothing to revisit."
            in dash.learning.value)
    fig = dash.gain_figure
    assert list(fig.data[0].y) == ["Overall", "01 Nerve damage", "02 Leg pain"]
    assert list(fig.data[0].x) == [100, 100, 100]
    # calibration: 4 answers at high, 2 right -> over-confident, in words and in the chart
    assert "You tend to be over-confident" in dash.learning.value
    shares = dict(zip(fig_x := list(dash.calibration_figure.data[1].x),
                      dash.calibration_figure.data[1].y))
    assert fig_x == ["Low", "Medium", "High"] and shares["High"] == 50
    assert dash.gain_chart.outputs and dash.calibration_chart.outputs  # shown as charts
    # the pre-test widget restores answers and confidence after a restart
    again = prepost_widget(course, "pre", store=ProgressStore(path), learner="ana")
    assert all(v.confidence.value == "high" and v.answered_correctly is False
               for v in again.questions)


def test_dashboard_refresh_button_picks_up_new_answers(tmp_path, course):
    store = ProgressStore(tmp_path / "p.json")
    dash = progress_dashboard(course, store, learner="ben")
    assert "Take the pre-test" in dash.learning.value
    assert 'class="ms-dashboard__calibration"' not in dash.learning.value  # no empty table
    _answer(prepost_widget(course, "pre", store=store, learner="ben"), right=True, level="low")
    dash.refresh_button.click()
    assert "You have taken the pre-test (100% right)" in dash.learning.value
    assert "<td>low</td><td>2</td><td>2</td><td>100%</td>" in dash.learning.value
