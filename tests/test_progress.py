"""The local progress store: where it lives, atomic writes, damaged and unwritable files."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course  # noqa: E402
from widgets.progress import (ProgressStore, ProgressWarning, default_learner,  # noqa: E402
                              default_path, default_store)
from widgets.quiz import quiz_widget  # noqa: E402


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def test_default_path_env_then_the_platforms_user_data_folder(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "mine.json"))
    assert default_path() == tmp_path / "mine.json"
    monkeypatch.delenv("MS_COURSE_PROGRESS")
    expected = platformdirs.user_data_path("ms-leg-pain-course", appauthor=False)
    assert default_path() == expected / "progress.json"
    if sys.platform.startswith("linux"):  # XDG is honoured where it applies
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
        assert default_path() == tmp_path / "xdg" / "ms-leg-pain-course" / "progress.json"
        monkeypatch.delenv("XDG_DATA_HOME")
        assert default_path() == (Path.home() / ".local" / "share" / "ms-leg-pain-course"
                                  / "progress.json")


def test_default_learner(monkeypatch):
    monkeypatch.delenv("MS_COURSE_LEARNER", raising=False)
    assert default_learner() == "learner"
    monkeypatch.setenv("MS_COURSE_LEARNER", "ana")
    assert default_learner() == "ana"


def test_record_and_read_back_across_store_objects(tmp_path):
    path = tmp_path / "deep" / "folder" / "progress.json"
    store = ProgressStore(path)
    store.record("ana", "q1", "Slows it", True)
    store.record("ana", "q2", [None, "x"], False)
    store.record("ben", "q1", "Speeds it up", False)
    data = json.loads(path.read_text())
    assert data["version"] == 2
    assert data["learners"]["ana"]["q1"]["answer"] == "Slows it"
    fresh = ProgressStore(path)
    assert fresh.get("ana", "q1")["correct"] is True
    assert fresh.get("ana", "q2")["answer"] == [None, "x"]
    assert fresh.get("ben", "q1")["correct"] is False
    assert fresh.score(["q1", "q2", "q3"], "ana").label == "Score: 1 of 3 answered correctly"
    assert fresh.score(["q1", "q2", "q3"], "ana").answered == 2
    assert not list(path.parent.glob(".progress-*"))  # no temporary files left behind


def test_two_stores_on_one_file_do_not_lose_each_others_answers(tmp_path):
    path = tmp_path / "progress.json"
    a, b = ProgressStore(path), ProgressStore(path)
    a.record("ana", "q1", "x", True)
    b.record("ana", "q2", "y", False)
    assert set(ProgressStore(path).answers("ana")) == {"q1", "q2"}


def test_writes_are_atomic_via_os_replace(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("ana", "q1", "x", True)
    before = path.read_text()
    calls = []

    def failing_replace(src, dst):
        calls.append((src, dst))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.warns(ProgressWarning, match="cannot be saved"):
        store.record("ana", "q2", "y", True)
    assert calls and Path(calls[0][1]) == path
    assert path.read_text() == before  # the old file is intact
    assert not list(tmp_path.glob(".progress-*"))
    assert store.get("ana", "q2")["correct"] is True  # kept in memory
    assert "cannot be saved" in store.notice


def test_corrupt_file_is_kept_aside_and_progress_starts_afresh(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text("{ this is not json")
    with pytest.warns(ProgressWarning, match="damaged") as record:
        store = ProgressStore(path)
    assert len(record) == 1 and "\n" not in str(record[0].message)
    assert (tmp_path / "progress.json.corrupt").read_text() == "{ this is not json"
    assert store.answers("ana") == {}
    store.record("ana", "q1", "x", True)
    assert ProgressStore(path).get("ana", "q1")["correct"] is True
    assert (tmp_path / "progress.json.corrupt").read_text() == "{ this is not json"


def test_a_second_corrupt_file_never_overwrites_the_first_copy(tmp_path):
    path = tmp_path / "progress.json"
    (tmp_path / "progress.json.corrupt").write_text("older damage")
    path.write_text('{"learners": []}')  # valid JSON, wrong shape
    with pytest.warns(ProgressWarning):
        ProgressStore(path)
    assert (tmp_path / "progress.json.corrupt").read_text() == "older damage"
    assert (tmp_path / "progress.json.corrupt.1").read_text() == '{"learners": []}'


def test_corrupt_file_with_quiz_still_working(course, tmp_path):
    path = tmp_path / "progress.json"
    path.write_bytes(b"\x00\x01garbage")
    with pytest.warns(ProgressWarning):
        box = quiz_widget(course, "leg-pain", learner="ana", store=ProgressStore(path))
    v = box.questions[0]
    L.choose(v, L.right_answer(v.data))
    v.check_button.click()
    assert v.answered_correctly is True
    assert ProgressStore(path).get("ana", v.question_id)["correct"] is True
    assert (tmp_path / "progress.json.corrupt").read_bytes() == b"\x00\x01garbage"


def test_read_only_directory(course, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root may write into a read-only folder: make the OS answer as it would for anyone
        import tempfile

        def denied(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", denied)
    try:
        store = ProgressStore(folder / "progress.json")
        with pytest.warns(ProgressWarning, match="cannot be saved"):
            box = quiz_widget(course, "leg-pain", store=store)
            v = box.questions[0]
            L.choose(v, L.right_answer(v.data))
            v.check_button.click()
        assert v.answered_correctly is True
        assert "✓ Correct" in v.feedback.value
        assert "cannot be saved" in box.notice.value
        assert box.score.value.startswith("Score: 1 of 2 answered correctly")
        assert not (folder / "progress.json").exists()
    finally:
        folder.chmod(0o755)


def test_unwritable_location_warns_once_and_keeps_answers_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ProgressStore(blocker / "progress.json")
    with pytest.warns(ProgressWarning) as record:
        store.record("ana", "q1", "x", True)
        store.record("ana", "q2", "y", True)
    assert len(record) == 1
    assert store.score(["q1", "q2"], "ana").correct == 2


def test_unreadable_file_is_never_overwritten(tmp_path):
    path = tmp_path / "progress.json"
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.warns(ProgressWarning):
        store = ProgressStore(path)
    assert not store.writable
    store.record("ana", "q1", "x", True)
    assert path.read_bytes() == b"\xff\xfe not utf-8"
    assert store.get("ana", "q1")["correct"] is True


def test_reset_forgets_one_learner(tmp_path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("ana", "q1", "x", True)
    store.record("ben", "q1", "x", True)
    store.reset("ana")
    fresh = ProgressStore(path)
    assert fresh.answers("ana") == {} and fresh.answers("ben")


def test_default_store_is_shared_per_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "a.json"))
    assert default_store() is default_store()
    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "b.json"))
    assert default_store().path == tmp_path / "b.json"


# ----------------------------------------------------------- several writers, fresh reads
WRITERS, ANSWERS_EACH = 6, 40


def _writer(path: str, n: int, start) -> None:
    """One process: its own store on the shared file, as one notebook kernel has."""
    store = ProgressStore(path)
    start.wait()
    for i in range(ANSWERS_EACH):
        # half the writers are the same learner answering in two notebooks at once
        store.record(f"learner-{n % 3}", f"p{n}-q{i:02d}", f"answer {i}", i % 2 == 0)


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_several_processes_writing_one_file_keep_every_answer(tmp_path):
    import multiprocessing as mp

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    path = tmp_path / "shared" / "progress.json"
    start = ctx.Barrier(WRITERS)
    procs = [ctx.Process(target=_writer, args=(str(path), n, start)) for n in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    data = json.loads(path.read_text())
    kept = {(learner, qid) for learner, answers in data["learners"].items() for qid in answers}
    expected = {(f"learner-{n % 3}", f"p{n}-q{i:02d}")
                for n in range(WRITERS) for i in range(ANSWERS_EACH)}
    assert kept == expected, f"{len(kept & expected)} of {len(expected)} answers kept"
    assert not list(path.parent.glob(".progress-*"))


def test_readers_see_answers_saved_by_another_store_without_restarting(tmp_path):
    path = tmp_path / "progress.json"
    dashboard, notebook = ProgressStore(path), ProgressStore(path)
    assert dashboard.answers("ana") == {}
    notebook.record("ana", "q1", "x", True)
    assert dashboard.get("ana", "q1")["correct"] is True  # re-read: the file changed
    assert dashboard.score(["q1", "q2"], "ana").correct == 1
    notebook.reset("ana")
    assert dashboard.answers("ana") == {}


def test_update_runs_the_change_on_what_is_on_disk_now(tmp_path):
    path = tmp_path / "progress.json"
    a, b = ProgressStore(path), ProgressStore(path)
    a.update("ana", "q1", lambda old: {"correct": False, "attempts": 1})
    seen = []

    def bump(old):
        seen.append(old)
        return {**old, "attempts": old["attempts"] + 1, "correct": True}

    assert b.update("ana", "q1", bump) == {"correct": True, "attempts": 2}
    assert seen == [{"correct": False, "attempts": 1}]
    assert a.update("ana", "q1", lambda old: {**old, "attempts": old["attempts"] + 1}) == {
        "correct": True, "attempts": 3}
    assert a.update("ana", "q1", lambda old: None) is None  # None removes the entry
    assert ProgressStore(path).answers("ana") == {}


def test_record_keeps_fields_other_code_saved_in_the_entry(tmp_path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.update("ana", "q1", lambda old: {"correct": False, "box": 2, "due": "2026-12-01"})
    store.record("ana", "q1", "x", True)
    entry = ProgressStore(path).get("ana", "q1")
    assert entry["box"] == 2 and entry["correct"] is True and entry["answer"] == "x"


def test_the_lock_is_held_while_the_change_runs(tmp_path):
    from filelock import FileLock, Timeout

    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    outcome = []

    def change(old):
        try:  # another writer (a separate lock object, as another process has) must wait
            FileLock(str(store.lock_path), timeout=0, thread_local=False,
                     is_singleton=False).acquire()
            outcome.append("acquired")
        except Timeout:
            outcome.append("blocked")
        return {"correct": True}

    store.update("ana", "q1", change)
    assert outcome == ["blocked"]


def test_answers_that_could_not_be_saved_survive_other_writers(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    mine, other = ProgressStore(path), ProgressStore(path)
    mine.record("ana", "q1", "x", True)
    real_replace = os.replace

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.warns(ProgressWarning, match="cannot be saved"):
        mine.record("ana", "q2", "y", True)
    monkeypatch.setattr(os, "replace", real_replace)
    other.record("ana", "q3", "z", False)
    assert set(mine.answers("ana")) == {"q1", "q2", "q3"}  # fresh read keeps q2 in memory
    mine.record("ana", "q4", "w", True)  # the next successful save carries q2 to disk
    assert set(ProgressStore(path).answers("ana")) == {"q1", "q2", "q3", "q4"}
    assert mine.notice == ""
