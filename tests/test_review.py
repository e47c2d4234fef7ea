"""The start-here review: "N questions due today", the due questions asked across sections
as a learner answers them, rescheduled, and a small schedule chart with a text alternative."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets import schedule  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402
from widgets.review import DUE_COLOURS, review_widget  # noqa: E402

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
DAY = dt.date(2026, 12, 1)
pytestmark = pytest.mark.usefixtures("fixed_day")


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def _answer(view, answer, level="high"):
    L.choose(view, answer)
    if getattr(view, "confidence", None) is not None and hasattr(view.confidence, "value"):
        view.confidence.value = level  # the quiz asks how sure (issue 11)
    view.check_button.click()


def _answer_quiz(course, section, store, wrong: int):
    """Answer a section's quiz: the first ``wrong`` questions wrongly, the rest rightly."""
    box = quiz_widget(course, section, learner="ana", store=store)
    for i, v in enumerate(box.questions):
        _answer(v, L.all_wrong(v.data)[0] if i < wrong else L.right_answer(v.data))
    return [v.question_id for v in box.questions]


def test_nothing_answered_nothing_due(course, store):
    review = review_widget(course, store, learner="ana")
    assert review.questions == []
    assert "No questions are due for review yet" in review.due_line.value
    assert "schedule is empty" in review.chart_text.value


def test_review_asks_the_due_questions_across_sections_and_reschedules_them(course, store):
    nerve = _answer_quiz(course, "nerve-damage", store, wrong=2)
    leg = _answer_quiz(course, "leg-pain", store, wrong=1)
    today = review_widget(course, store, learner="ana")
    assert today.questions == []                             # wrong today: not due today
    assert "No questions are due today. Next review: tomorrow (3 questions)." in today.due_line.value

    schedule.set_today(DAY + dt.timedelta(days=1))
    changes = []
    review = review_widget(course, store, learner="ana", on_change=lambda: changes.append(1))
    asked = [v.question_id for v in review.questions]
    assert asked == nerve[:2] + leg[:1]                      # across sections, course order
    assert "3 questions due today for review" in review.due_line.value
    labels = [row.children[0].value for row in review.children[3].children]
    assert "From section 01, Nerve damage" in labels[0] and "From section 02, Leg pain" in labels[2]
    # the learner sees a fresh question (no old answer filled in), answers it and reads why
    first, second, third = review.questions
    assert first.feedback.value == "" and first.answered_correctly is None
    _answer(first, L.right_answer(first.data))
    assert "✓ Correct" in first.feedback.value
    assert "2 questions due today" in review.due_line.value
    entry = store.get("ana", first.question_id)
    assert (entry["box"], entry["due"]) == (1, (DAY + dt.timedelta(days=4)).isoformat())
    _answer(second, L.all_wrong(second.data)[0])
    assert "✗ Not quite" in second.feedback.value
    assert store.get("ana", second.question_id)["due"] == (DAY + dt.timedelta(days=2)).isoformat()
    _answer(third, L.right_answer(third.data), level="low")  # right, but a guess
    if not hasattr(third, "confidence"):  # a quiz that does not ask how sure: medium
        assert store.get("ana", third.question_id)["box"] == 1
        _answer(third, L.all_wrong(third.data)[0])
    assert store.get("ana", third.question_id)["due"] == (DAY + dt.timedelta(days=2)).isoformat()
    assert "No questions are due today. Next review: tomorrow (2 questions)." in review.due_line.value
    assert len(changes) >= 3                                  # the dashboard was told each time
    review.refresh_button.click()
    assert review.questions == []


def test_schedule_chart_counts_per_day_with_text_and_okabe_ito(course, store):
    _answer_quiz(course, "nerve-damage", store, wrong=2)      # 2 tomorrow, 3 in three days
    review = review_widget(course, store, learner="ana")
    bar = review.figure.data[0]
    assert list(bar.x[:4]) == ["Today", "Tomorrow", "3 Dec", "4 Dec"]
    assert list(bar.y[:5]) == [0, 2, 0, 3, 0] and sum(bar.y) == 5
    assert len(bar.x) == 22                                   # today and the next 21 days
    assert set(bar.marker.color) <= OKABE_ITO and set(DUE_COLOURS.values()) <= OKABE_ITO
    assert ("Questions due for review by day: tomorrow: 2 questions; "
            "Friday 4 December: 3 questions.") in review.chart_text.value
    data = review.chart.outputs[0]["data"]
    assert "application/vnd.plotly.v1+json" in data and "tomorrow: 2 questions" in data["text/plain"]


def test_start_here_shows_the_dashboard_and_the_review(course, store, monkeypatch):
    from widgets import notebook

    shown = []
    monkeypatch.setattr(notebook, "display", lambda *objs: shown.extend(objs))
    notebook.SectionView(course, "00").progress()
    assert [type(w).__name__ for w in shown] == ["VBox", "VBox"]
    assert "ms-review" in shown[1]._dom_classes and hasattr(shown[1], "due_line")


def test_a_long_review_is_asked_a_few_at_a_time(course, store):
    for q in course.questions():
        store.record("ana", q.id, "an old answer", False)    # every question wrong today
    schedule.set_today(DAY + dt.timedelta(days=1))
    review = review_widget(course, store, learner="ana", limit=3)
    total = len(course.questions())
    assert len(review.questions) == 3 and total > 3
    assert f"3 of the {total} questions due today are asked here" in review.more.value
    for v in review.questions:
        _answer(v, L.right_answer(v.data))
    review.refresh_button.click()
    assert len(review.questions) == min(3, total - 3)
    assert f"{total - 3} questions due today" in review.due_line.value
