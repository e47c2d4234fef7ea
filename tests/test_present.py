"""The live presenter view, driven as an educator drives it (fixture course).

Next / Previous, tally entry by typing and by +1, Re-vote (round 2 beside round 1), Reveal;
and the pooled tally read from a class folder the learners' kernels write.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets import classpool  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.present import LABELS, presenter  # noqa: E402

SECTION = "nerve-damage"


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


@pytest.fixture(autouse=True)
def _no_pool(monkeypatch):
    monkeypatch.delenv("MS_COURSE_CLASS_DIR", raising=False)


def _bars(view):
    return [list(trace.y) for trace in view.figure.data]


def test_one_question_at_a_time_with_notes_beside(course):
    view = presenter(course, SECTION)
    qs = course.quiz(SECTION).questions
    assert "Question 1 of 5" in view.position.value
    assert L.esc(qs[0].prompt) in view.prompt.value
    assert "font-size:28px" in view.prompt.value  # large type for the room
    side = view.side.children[-1].value
    assert "Facilitator notes" in side and "pins and needles" in side
    assert "Discussion prompts" in side and "ectopic impulses" in side
    assert view.prev_button.disabled and not view.next_button.disabled
    for n in range(2, 6):
        view.next_button.click()
        assert f"Question {n} of 5" in view.position.value
        assert L.esc(qs[n - 1].prompt) in view.prompt.value
    assert view.next_button.disabled
    view.prev_button.click()
    assert "Question 4 of 5" in view.position.value


def test_tally_revote_and_reveal(course):
    view = presenter(course, SECTION)
    data = view.current
    right = next(i for i, o in enumerate(data["options"]) if o["correct"])
    wrong = next(i for i, o in enumerate(data["options"]) if not o["correct"])
    assert view.answer.value == ""  # nothing given away before the reveal
    assert "right answer" not in view.options.value
    # round 1: hands typed, and one more counted with +1
    view.counts[0][wrong].value = 7
    view.counts[0][right].value = 3
    view.counts[0][right].plus.click()
    assert _bars(view) == [[7 if i == wrong else 4 if i == right else 0
                            for i in range(len(data["options"]))]]
    assert view.figure.data[0].name == LABELS["round1"]
    # re-vote after discussion: round 2 drawn beside round 1, round 1 kept
    view.revote_button.click()
    assert view.round == 2 and view.revote_button.disabled
    view.counts[1][right].value = 10
    view.counts[1][wrong].plus.click()
    bars = _bars(view)
    assert len(bars) == 2 and bars[0][wrong] == 7 and bars[1][right] == 10 and bars[1][wrong] == 1
    assert view.figure.layout.barmode == "group"
    assert view.figure.data[1].marker.pattern.shape == "/"  # not told apart by colour alone
    # reveal: the right option is marked in words, every option explained
    view.reveal_button.click()
    assert "right answer" in view.options.value
    for o in data["options"]:
        assert L.esc(o["explanation"]) in view.answer.value
    assert view.figure.data[0].x[right].endswith("✓")
    # moving away and back keeps this question's tally and reveal
    view.next_button.click()
    assert view.round == 1 and not any(any(b) for b in _bars(view))
    assert view.answer.value == ""
    view.prev_button.click()
    assert _bars(view) == bars and "right answer" in view.options.value


def test_pooled_answers_from_the_class_folder(course, tmp_path, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    qs = course.quiz(SECTION).questions
    single = qs[0]
    texts = [o.text for o in single.options]
    right = next(o.text for o in single.options if o.correct)
    wrong = next(o.text for o in single.options if not o.correct)

    def learner_answers(token, text, conf):
        monkeypatch.setitem(classpool._state, "token", token)
        assert classpool.append_answer(single.id, text, text == right, conf, folder=folder)

    learner_answers("a" * 16, wrong, "high")
    learner_answers("b" * 16, wrong, "low")
    learner_answers("b" * 16, right, "medium")  # a learner's later answer replaces theirs
    learner_answers("c" * 16, right, "low")
    view = presenter(course, SECTION, class_dir=folder)
    view.source.value = "pool"
    view.refresh_button.click()
    order = [o["text"] for o in view.current["options"]]
    expected = [0] * len(order)
    expected[order.index(wrong)] = 1
    expected[order.index(right)] = 2
    assert _bars(view) == [expected]
    assert "3 learner(s) answered in round 1" in view.pool_status.value
    assert "Confidence in round 1: low 1, medium 1, high 1" in view.pool_status.value
    assert all(box.disabled for box in view.counts[0])  # pooled counts are not typed
    view.revote_button.click()
    time.sleep(0.01)
    learner_answers("a" * 16, right, "high")
    view.refresh_button.click()
    bars = _bars(view)
    assert bars[0] == expected
    assert bars[1][order.index(right)] == 1 and sum(bars[1]) == 1
    assert set(texts) == set(order)
    # back to the show of hands: the typed counts are there again
    view.source.value = "hands"
    assert _bars(view) == [[0] * len(order), [0] * len(order)]


def test_ordering_and_matching_tally_right_or_not(course, tmp_path, monkeypatch):
    view = presenter(course, SECTION)
    kinds = []
    while True:
        kinds.append(view.current["kind"])
        if view.current["kind"] in ("ordering", "matching"):
            assert [b.description for b in view.counts[0]] == ["Right", "Not right"]
            view.counts[0][0].value = 2
            assert _bars(view) == [[2, 0]]
        if view.next_button.disabled:
            break
        view.next_button.click()
    assert {"ordering", "matching", "truefalse"} <= set(kinds)


def test_pooling_off_says_how_to_turn_it_on(course):
    view = presenter(course, SECTION)
    assert "MS_COURSE_CLASS_DIR" in view.pool_status.value
    assert view.refresh_button.disabled and view.live.disabled
    assert [v for _, v in view.source.options] == ["hands"]


def test_live_reads_the_pool_as_learners_answer(course, tmp_path, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    single = course.quiz(SECTION).questions[0]
    right = next(o.text for o in single.options if o.correct)
    view = presenter(course, SECTION, class_dir=folder)
    view.source.value = "pool"
    monkeypatch.setattr(view, "LIVE_SECONDS", 0.05)  # the real thread, polling faster than 2 s
    view.live.value = True  # re-reads the folder every LIVE_SECONDS
    try:
        monkeypatch.setitem(classpool._state, "token", "d" * 16)
        assert classpool.append_answer(single.id, right, True, None, folder=folder)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and sum(_bars(view)[0]) == 0:
            time.sleep(0.2)
        order = [o["text"] for o in view.current["options"]]
        assert _bars(view)[0][order.index(right)] == 1
        assert "1 learner(s) answered in round 1" in view.pool_status.value
    finally:
        view.live.value = False
