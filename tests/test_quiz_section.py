"""A section's quiz: questions, score, saved progress, teaching mode (fixture course)."""
from __future__ import annotations

import sys
from pathlib import Path

import ipywidgets as widgets
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course  # noqa: E402
from widgets.progress import ProgressStore  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402
from widgets.teaching import set_teaching  # noqa: E402


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.delenv("MS_COURSE_MODE", raising=False)
    monkeypatch.delenv("MS_COURSE_LEARNER", raising=False)
    set_teaching(None)
    yield
    set_teaching(None)


def test_quiz_holds_every_question_and_a_score(course):
    box = quiz_widget(course, "nerve-damage", store=False)
    assert isinstance(box, widgets.VBox)
    assert [v.question_id for v in box.questions] == [q.id for q in course.quiz("nerve-damage").questions]
    assert box.score.value == "Score: 0 of 5 answered correctly"
    assert all(v in box.children for v in box.questions)
    assert box.score in box.children


def test_score_counts_right_answers_only(course):
    box = quiz_widget(course, "nerve-damage", store=False)
    q1, q2 = box.questions[:2]
    L.choose(q1, L.right_answer(q1.data), "high")
    q1.check_button.click()
    assert box.score.value == ("Score: 1 of 5 answered correctly; confidence-weighted score 3 "
                               "of a possible 15")
    L.choose(q2, L.all_wrong(q2.data)[0], "medium")
    q2.check_button.click()
    assert box.score.value == ("Score: 1 of 5 answered correctly; confidence-weighted score 1 "
                               "of a possible 15")
    q1.retry_button.click()
    assert box.score.value == ("Score: 0 of 5 answered correctly; confidence-weighted score -2 "
                               "of a possible 15")
    for v in box.questions:
        L.choose(v, L.right_answer(v.data), "low")
        v.check_button.click()
    assert box.score.value == ("Score: 5 of 5 answered correctly; confidence-weighted score 5 "
                               "of a possible 15")


def test_section_by_number_works(course):
    assert quiz_widget(course, 1, store=False).section_id == "nerve-damage"


def test_review_quiz_includes_drawn_questions(course):
    box = quiz_widget(course, "review", store=False)
    ids = [v.question_id for v in box.questions]
    assert ids == ["fx-review-01", "fx-single", "fx-leg-01"]


def test_section_without_a_quiz_says_so(course):
    box = quiz_widget(course, "start-here", store=False)
    assert box.questions == []
    assert any("no quiz" in getattr(c, "value", "") for c in box.children)


def test_progress_survives_a_kernel_restart(course, tmp_path):
    path = tmp_path / "saved.json"
    box = quiz_widget(course, "nerve-damage", learner="ana", store=ProgressStore(path))
    right, wrong = box.questions[0], box.questions[3]
    L.choose(right, L.right_answer(right.data))
    right.check_button.click()
    L.choose(wrong, L.all_wrong(wrong.data)[0])
    wrong.check_button.click()
    before = (right.feedback.value, wrong.feedback.value, box.score.value)

    again = quiz_widget(course, "nerve-damage", learner="ana", store=ProgressStore(path))
    r2, w2 = again.questions[0], again.questions[3]
    assert (r2.feedback.value, w2.feedback.value, again.score.value) == before
    assert r2.choice.value == right.choice.value and r2.answered_correctly is True
    assert [d.value for d in w2.positions] == [d.value for d in wrong.positions]
    assert w2.answered_correctly is False
    # another learner on the same file starts afresh
    other = quiz_widget(course, "nerve-damage", learner="ben", store=ProgressStore(path))
    assert other.score.value == "Score: 0 of 5 answered correctly"
    assert all(v.feedback.value == "" for v in other.questions)


def test_default_store_follows_the_environment(course, tmp_path):
    box = quiz_widget(course, "leg-pain", learner="ana")
    v = box.questions[0]
    L.choose(v, L.right_answer(v.data))
    v.check_button.click()
    assert ProgressStore(tmp_path / "progress.json").get("ana", v.question_id)["correct"] is True


def test_saving_problems_show_a_notice_and_the_quiz_keeps_working(course, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.warns(UserWarning, match="cannot be saved"):
        store = ProgressStore(blocker / "progress.json")
        box = quiz_widget(course, "leg-pain", store=store)
        v = box.questions[0]
        L.choose(v, L.right_answer(v.data))
        v.check_button.click()
    assert v.answered_correctly is True
    assert "✓ Correct" in v.feedback.value
    assert "cannot be saved" in box.notice.value
    assert box.score.value.startswith("Score: 1 of 2 answered correctly")


def test_learner_mode_shows_no_teaching_extras(course):
    box = quiz_widget(course, "nerve-damage", store=False)
    assert box.reveal_all_button is None and box.teaching_panel is None
    text = " ".join(getattr(c, "value", "") or "" for c in box.children if isinstance(c, widgets.HTML))
    assert "Facilitator notes" not in text and "pins and needles" not in text


@pytest.mark.parametrize("how", ["argument", "env", "toggle"])
def test_teaching_mode_reveals_to_the_room_and_shows_notes(course, monkeypatch, how):
    if how == "argument":
        box = quiz_widget(course, "nerve-damage", store=False, teaching=True)
    elif how == "env":
        monkeypatch.setenv("MS_COURSE_MODE", "teaching")
        box = quiz_widget(course, "nerve-damage", store=False)
    else:
        set_teaching(True)
        box = quiz_widget(course, "nerve-damage", store=False)
    assert box.reveal_all_button is not None and box.reveal_all_button.description == "Reveal to the room"
    panel = box.teaching_panel.value
    assert "Facilitator notes" in panel and "pins and needles" in panel
    assert "Discussion prompts" in panel and "ectopic impulses to a patient" in panel
    box.reveal_all_button.click()
    for v in box.questions:
        assert "The answer, with every explanation" in v.feedback.value
        for text in L.explanations(v.data):
            assert L.esc(text) in v.feedback.value
    assert box.score.value == "Score: 0 of 5 answered correctly"  # revealing is not answering
