"""Spaced review with a fixed clock: the Leitner plan, progress format v2, old and newer files."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets import schedule  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.progress import ProgressStore, ProgressWarning  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402

DAY = dt.date(2026, 12, 1)
pytestmark = pytest.mark.usefixtures("fixed_day")


def days(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def _confident(view, level="high"):
    """Say how sure, when the quiz asks (the confidence control of issue 11)."""
    if getattr(view, "confidence", None) is not None and hasattr(view.confidence, "value"):
        view.confidence.value = level


def _answer(view, answer, level="high"):
    L.choose(view, answer)
    _confident(view, level)
    view.check_button.click()


def test_the_clock_is_one_function_tests_set():
    assert schedule.today() == DAY
    with schedule.fixed_today("2027-01-05"):
        assert schedule.today() == dt.date(2027, 1, 5)
    assert schedule.today() == DAY
    schedule.set_today(None)
    assert schedule.today() == dt.date.today()


def test_a_wrong_answer_today_is_due_tomorrow_and_not_before(course, store):
    box = quiz_widget(course, "nerve-damage", learner="ana", store=store)
    view = box.questions[0]
    _answer(view, L.all_wrong(view.data)[0])
    assert view.answered_correctly is False
    entry = store.get("ana", view.question_id)
    assert entry["box"] == 0 and entry["due"] == days(1).isoformat()
    answers = store.answers("ana")
    assert schedule.due_ids(answers) == []                     # not today
    assert schedule.due_ids(answers, on=days(1)) == [view.question_id]
    # right straight after (same day) does not skip tomorrow's review
    view.retry_button.click()
    _answer(view, L.right_answer(view.data))
    assert view.answered_correctly is True
    entry = store.get("ana", view.question_id)
    assert (entry["box"], entry["due"], entry["correct"]) == (0, days(1).isoformat(), True)
    # and a fresh store reading the file sees the same plan
    again = ProgressStore(store.path)
    assert schedule.due_ids(again.answers("ana"), on=days(1)) == [view.question_id]
    assert json.loads(store.path.read_text())["version"] == 2


def test_right_confident_answers_move_out_3_7_21_days(store):
    on = DAY
    expected = [(1, 3), (2, 7), (3, 21), (3, 21)]
    for box, wait in expected:
        schedule.set_today(on)
        store.record("ana", "q1", "A", True, confidence="high")
        entry = store.get("ana", "q1")
        assert (entry["box"], entry["due"]) == (box, (on + dt.timedelta(days=wait)).isoformat())
        assert not schedule.is_due(entry, on + dt.timedelta(days=wait - 1))
        assert schedule.is_due(entry, on + dt.timedelta(days=wait))
        on += dt.timedelta(days=wait)
    # a wrong answer from the last box starts again: tomorrow
    schedule.set_today(on)
    store.record("ana", "q1", "B", False, confidence="high")
    assert (store.get("ana", "q1")["box"], store.get("ana", "q1")["due"]) == \
        (0, (on + dt.timedelta(days=1)).isoformat())


def test_low_confidence_is_due_tomorrow_and_unknown_counts_as_medium(store):
    store.record("ana", "q1", "A", True, confidence="low")
    assert store.get("ana", "q1")["due"] == days(1).isoformat()
    store.record("ana", "q2", "A", True)  # no confidence given: treated as medium
    assert (store.get("ana", "q2")["box"], store.get("ana", "q2")["due"]) == (1, days(3).isoformat())


def test_a_right_answer_before_it_is_due_keeps_the_plan(store):
    store.record("ana", "q1", "A", True, confidence="high")       # box 1, due in 3 days
    schedule.set_today(days(1))
    store.record("ana", "q1", "A", True, confidence="high")       # early: no promotion
    assert (store.get("ana", "q1")["box"], store.get("ana", "q1")["due"]) == (1, days(3).isoformat())


def test_version_1_file_still_loads_and_is_scheduled_from_its_saved_date(tmp_path):
    path = tmp_path / "progress.json"
    v1 = {"version": 1, "learners": {"ana": {
        "q-wrong": {"answer": "A", "correct": False, "saved": "2026-11-28T10:00:00+00:00"},
        "q-right": {"answer": "B", "correct": True, "saved": "2026-11-30T10:00:00+00:00"}}}}
    path.write_text(json.dumps(v1))
    store = ProgressStore(path)
    answers = store.answers("ana")
    assert set(answers) == {"q-wrong", "q-right"}
    assert schedule.due_date(answers["q-wrong"]) == dt.date(2026, 11, 29)  # overdue
    assert schedule.due_date(answers["q-right"]) == dt.date(2026, 12, 3)
    assert schedule.due_ids(answers) == ["q-wrong"]
    store.record("ana", "q-new", "C", True)
    data = json.loads(path.read_text())
    assert data["version"] == 2 and data["course"] == "ms-leg-pain"
    assert data["learners"]["ana"]["q-wrong"] == v1["learners"]["ana"]["q-wrong"]  # kept as is


def test_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "progress.json"
    text = json.dumps({"version": 3, "course": "ms-leg-pain", "learners": {"ana": {
        "q1": {"answer": "A", "correct": True, "wheel": 7}}}, "future": True})
    path.write_text(text)
    with pytest.warns(ProgressWarning, match="newer release"):
        store = ProgressStore(path)
    assert "format version 3" in store.notice and "left untouched" in store.notice
    assert store.answers("ana") == {}
    store.record("ana", "q2", "B", True)       # kept in memory only
    assert store.get("ana", "q2")["correct"] is True
    store.reset("ana")
    assert path.read_text() == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]  # no .corrupt copy


def test_a_damaged_due_date_falls_back_to_the_saved_date():
    entry = {"answer": "A", "correct": False, "saved": "2026-11-30T10:00:00+00:00", "due": "soon"}
    assert schedule.due_date(entry) == dt.date(2026, 12, 1)
    assert schedule.is_due(entry)
