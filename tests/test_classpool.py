"""The pooled class tally: several learner kernels write one class folder at once.

Each learner process answers through the real quiz widget (set the controls, click Check),
as a learner in their own JupyterLab does; the class folder must then hold every record,
one file per learner token, and no learner's name anywhere.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets import classpool  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402

SECTION = "nerve-damage"
ROUNDS = 15
NAMES = ["Alice Smith", "Bilal Khan", "Chen Wei", "Dorota Nowak"]


def _learner_kernel(name: str, home: str, class_dir: str, barrier) -> int:
    """One learner's kernel: own progress folder and name, the shared class folder."""
    os.environ["MS_COURSE_PROGRESS"] = str(Path(home) / "progress.json")
    os.environ["MS_COURSE_LEARNER"] = name
    os.environ["MS_COURSE_CLASS_DIR"] = class_dir
    sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
    course = load_course(L.FIXTURE_CONTENT)
    box = quiz_widget(course, SECTION)
    barrier.wait()  # every kernel starts answering at the same moment
    checks = 0
    for i in range(ROUNDS):
        for view in box.questions:
            view.retry_button.click()
            answer = L.right_answer(view.data) if i % 2 == 0 else L.all_wrong(view.data)[0]
            L.choose(view, answer)
            view.check_button.click()
            checks += 1
    return checks


@pytest.fixture(autouse=True)
def _fresh_token(monkeypatch):
    monkeypatch.setitem(classpool._state, "token", None)
    monkeypatch.setitem(classpool._state, "notice", "")


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_learner_processes_write_one_folder_at_once(tmp_path):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    # a fork server imports the widget stack once and forks each learner kernel from it
    # (a fresh interpreter per kernel would import it six times; plain fork from the
    # threaded test process is unsafe)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["widgets.quiz", "widgets.course", "learner", __name__])
    # two kernels for each of two learners (two notebooks open), one for each of the others
    jobs = [(NAMES[0], 0), (NAMES[0], 0), (NAMES[1], 1), (NAMES[1], 1), (NAMES[2], 2),
            (NAMES[3], 3)]
    barrier = ctx.Manager().Barrier(len(jobs))
    with ctx.Pool(len(jobs)) as pool:
        results = [pool.apply_async(_learner_kernel,
                                    (name, str(tmp_path / f"home{h}"), str(class_dir), barrier))
                   for name, h in jobs]
        checks = [r.get(timeout=240) for r in results]

    records = classpool.read_pool(class_dir)
    assert len(records) == sum(checks) == len(jobs) * ROUNDS * 5  # no record lost
    files = sorted(class_dir.iterdir())
    assert len(files) == len(NAMES)  # one file per learner token, shared by their kernels
    for path in files:
        assert re.fullmatch(r"[0-9a-f]{16}\.jsonl", path.name)
        text = path.read_text(encoding="utf-8")
        for name in NAMES:  # no learner name, in any form
            for part in [name, *name.split()]:
                assert part.lower() not in text.lower()
        for line in text.splitlines():
            assert set(json.loads(line)) == {"q", "a", "c", "conf", "t"}
    # each learner's progress is saved as usual, beside a token only they keep
    for h in range(len(NAMES)):
        assert (tmp_path / f"home{h}" / "progress.json").is_file()
        token = (tmp_path / f"home{h}" / "class-token").read_text()
        assert (class_dir / f"{token}.jsonl").is_file()
    # the tally reads each learner's last answer: the last round was right for everyone
    last = classpool.latest(records, "fx-single")
    assert len(last) == len(NAMES) and all(r.correct for r in last)


def test_learners_are_told_pooling_is_on_and_what_is_shared(tmp_path, monkeypatch):
    monkeypatch.setenv("MS_COURSE_CLASS_DIR", str(tmp_path))
    course = load_course(L.FIXTURE_CONTENT)
    box = quiz_widget(course, SECTION)
    assert "Class pooling is on" in box.notice.value
    assert "without your name" in box.notice.value
    monkeypatch.delenv("MS_COURSE_CLASS_DIR")
    box = quiz_widget(course, SECTION)
    assert "pooling" not in box.notice.value.lower()


@pytest.mark.parametrize("broken", ["missing", "a-file"])
def test_broken_class_folder_never_stops_a_quiz(tmp_path, monkeypatch, broken):
    target = tmp_path / "not-there" / "class"
    if broken == "a-file":
        (tmp_path / "plain").write_text("not a folder")
        target = tmp_path / "plain" / "class"
    monkeypatch.setenv("MS_COURSE_CLASS_DIR", str(target))
    course = load_course(L.FIXTURE_CONTENT)
    box = quiz_widget(course, SECTION)
    view = box.questions[0]
    L.choose(view, L.right_answer(view.data))
    view.check_button.click()
    assert view.answered_correctly is True
    assert "1 of 5" in box.score.value
    assert box.store.get(box.learner, view.question_id)["correct"] is True  # saved as usual
    assert "cannot be written" in box.notice.value
    assert not target.exists()
