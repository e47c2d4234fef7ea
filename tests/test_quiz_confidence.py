"""Confidence-based marking, driven as a learner: choose, say how sure, Check, read."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course
from widgets.progress import ProgressStore, first_check, next_entry
from widgets.quiz import confidence as C
from widgets.quiz.base import MESSAGES, esc
from widgets.quiz.section_quiz import question_view, quiz_widget
from widgets import teaching

KINDS = ["fx-single", "fx-multiple", "fx-truefalse", "fx-ordering", "fx-matching"]
EXPECTED = {("low", True): 1, ("medium", True): 2, ("high", True): 3,
            ("low", False): 0, ("medium", False): -2, ("high", False): -6}


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def _view(course, qid, on_answer=None):
    return question_view(course, course.question(qid), learner="tester", number=1,
                         on_answer=on_answer)


# ---------------------------------------------------------------- the pure scheme
def test_lapt_table():
    for (level, correct), pts in EXPECTED.items():
        assert C.points(correct, level) == pts
    assert C.points(True, None) is None
    with pytest.raises(ValueError, match="low, medium, high"):
        C.points(True, "very")
    assert C.confident_error(False, "high") and not C.confident_error(False, "medium")
    assert not C.confident_error(True, "high") and not C.confident_error(None, "high")


def test_section_result_counts_accuracy_and_points():
    r = C.section_result([(True, "high"), (False, "high"), (False, "low"), (None, None),
                          (True, None)])
    assert (r.correct, r.answered, r.total, r.points, r.rated, r.best) == (2, 4, 5, -3, 3, 15)


def test_shares_of_pooled_counts():
    assert C.shares(None) is None and C.shares({"low": 0}) is None
    assert C.shares({"low": 1, "medium": 1, "high": 2}) == {"low": 0.25, "medium": 0.25,
                                                             "high": 0.5}


# ------------------------------------------------------- every kind, every level
@pytest.mark.parametrize("qid", KINDS)
@pytest.mark.parametrize("level", C.LEVELS)
def test_every_kind_right_and_wrong_at_each_level(course, qid, level):
    saved = []
    view = _view(course, qid, on_answer=lambda v, answer, correct, confidence=None:
                 saved.append((answer, correct, confidence)))
    label = MESSAGES[f"confidence_{level}"]
    assert dict(view.confidence.options)[label] == level  # the learner reads the words

    L.choose(view, L.all_wrong(view.data)[0], level)
    view.check_button.click()
    fb = view.feedback.value
    assert view.answered_correctly is False
    assert view.last_feedback.points == EXPECTED[(level, False)]
    points = EXPECTED[(level, False)]
    shown = f"+{points}" if points > 0 else str(points)
    assert esc(f"How sure you were: {level}. Points for this answer: {shown} ") in fb
    if level == "high":
        assert esc("⚠ You were sure, and this is why it is wrong:") in fb
        # the alert comes before the explanations it introduces
        assert fb.index("You were sure") < fb.index("ms-feedback__lines")
    else:
        assert "You were sure" not in fb
    assert saved[-1][1:] == (False, level)

    view.retry_button.click()
    assert view.confidence.value is None  # Try again clears how sure as well
    L.choose(view, L.right_answer(view.data), level)
    view.check_button.click()
    fb = view.feedback.value
    assert view.answered_correctly is True and "✓ Correct" in fb
    assert view.last_feedback.points == EXPECTED[(level, True)]
    assert esc(f"How sure you were: {level}. Points for this answer: +{EXPECTED[(level, True)]} ") in fb
    assert "You were sure" not in fb
    assert saved[-1][1:] == (True, level)


@pytest.mark.parametrize("qid", KINDS)
def test_check_asks_how_sure_before_grading(course, qid):
    saved = []
    view = _view(course, qid, on_answer=lambda *a, **k: saved.append(a))
    L.choose(view, L.right_answer(view.data), confidence=None)
    view.check_button.click()
    assert view.answered_correctly is None and not saved
    assert MESSAGES["choose_confidence"] in view.feedback.value
    assert "✓" not in view.feedback.value
    view.confidence.value = "medium"
    view.check_button.click()
    assert view.answered_correctly is True and len(saved) == 1


def test_confidence_control_is_labelled_for_screen_readers(course):
    view = _view(course, "fx-single")
    assert view.confidence.description == "How sure are you?"
    assert all("question 1" in t for t in view.confidence.tooltips)
    buttons = next(c for c in view.children if view.check_button in getattr(c, "children", ()))
    assert view.children.index(view.confidence) < view.children.index(buttons)  # before Check
    # feedback is announced
    L.choose(view, L.right_answer(view.data), "low")
    view.check_button.click()
    assert 'role="status"' in view.feedback.value


# -------------------------------------------------------------- saved and restored
def test_progress_entries_carry_confidence_attempts_and_first(tmp_path, course):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    box = quiz_widget(course, "nerve-damage", store=store, learner="ana")
    v = box.questions[0]
    L.choose(v, L.all_wrong(v.data)[0], "high")
    v.check_button.click()
    v.retry_button.click()
    L.choose(v, L.right_answer(v.data), "medium")
    v.check_button.click()
    entry = json.loads(path.read_text())["learners"]["ana"][v.question_id]
    assert entry["confidence"] == "medium" and entry["correct"] is True
    assert entry["attempts"] == 2
    assert entry["first"]["correct"] is False and entry["first"]["confidence"] == "high"
    # a new kernel: the answer, how sure, the feedback and the score come back
    again = quiz_widget(course, "nerve-damage", store=ProgressStore(path), learner="ana")
    w = again.questions[0]
    assert w.confidence.value == "medium" and w.answered_correctly is True
    assert "Points for this answer: +2 " in w.feedback.value
    assert again.score.value == ("Score: 1 of 5 answered correctly; confidence-weighted score 2 "
                                 "of a possible 15")


def test_version_1_files_still_load_and_upgrade_on_the_next_check(tmp_path, course):
    q = course.question("fx-truefalse")
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"version": 1, "learners": {"ana": {
        q.id: {"answer": False, "correct": False, "saved": "2026-11-01T10:00:00+00:00"}}}}))
    box = quiz_widget(course, "nerve-damage", store=ProgressStore(path), learner="ana")
    v = next(x for x in box.questions if x.question_id == q.id)
    assert v.answered_correctly is False and v.confidence.value is None
    assert "✗ Not quite" in v.feedback.value and "ms-feedback__points" not in v.feedback.value
    v.retry_button.click()
    L.choose(v, True, "high")
    v.check_button.click()
    data = json.loads(path.read_text())
    entry = data["learners"]["ana"][q.id]
    assert data["version"] == 2
    assert entry["attempts"] == 2
    assert entry["first"] == {"answer": False, "correct": False, "confidence": None}
    assert first_check(entry)["correct"] is False


def test_next_entry_keeps_other_writers_fields():
    old = {"answer": "a", "correct": False, "confidence": "low", "attempts": 3,
           "first": {"answer": "z", "correct": True, "confidence": "high"}, "box": 2,
           "due": "2026-12-01"}
    new = next_entry(old, "b", True, "high")
    assert new["box"] == 2 and new["due"] == "2026-12-01"
    assert new["attempts"] == 4 and new["first"] == old["first"]
    with pytest.raises(ValueError):
        next_entry(None, "b", True, "sure")


# ------------------------------------------------------------------ teaching mode
def test_reveal_to_the_room_shows_key_explanations_and_pooled_confidence(course):
    counts = {"fx-single": {"low": 1, "medium": 1, "high": 2}}
    teaching.set_confidence_pool(lambda qid: counts.get(qid))
    try:
        box = quiz_widget(course, "nerve-damage", store=False, teaching=True)
        box.reveal_all_button.click()
    finally:
        teaching.set_confidence_pool(None)
    single = next(v for v in box.questions if v.question_id == "fx-single")
    fb = single.feedback.value
    assert "The answer, with every explanation" in fb
    for o in single.data["options"]:
        assert esc(o["explanation"]) in fb
    assert "How sure the room was (4 answers):" in fb
    assert "High: I am sure: 50%" in fb and "Low: a guess: 25%" in fb
    other = next(v for v in box.questions if v.question_id == "fx-multiple")
    assert "How sure the room was" not in other.feedback.value  # nobody pooled it


def test_reveal_to_the_room_reads_how_sure_the_class_was_from_the_class_pool(
        course, tmp_path, monkeypatch):
    """Learners answer with pooling on; the educator's reveal shows the room's confidence."""
    from widgets import classpool

    monkeypatch.setenv(classpool.ENV_CLASS_DIR, str(tmp_path))
    for token, level in (("a1", "high"), ("b2", "high"), ("c3", "low")):
        monkeypatch.setitem(classpool._state, "token", token)  # three learners' kernels
        box = quiz_widget(course, "nerve-damage", store=False, teaching=False)
        v = next(x for x in box.questions if x.question_id == "fx-truefalse")
        L.choose(v, True, level)
        v.check_button.click()
    room = quiz_widget(course, "nerve-damage", store=False, teaching=True)
    room.reveal_all_button.click()
    fb = next(x for x in room.questions if x.question_id == "fx-truefalse").feedback.value
    assert "How sure the room was (3 answers):" in fb
    assert "High: I am sure: 67%" in fb and "Low: a guess: 33%" in fb
