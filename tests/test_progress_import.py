"""Carrying answers into JupyterLab: `python -m widgets import-answers FILE` merges a handout
export (or another progress file) into the saved answers, newest answer first; files that
are not this course's progress, or of a newer format, are refused with one line."""
from __future__ import annotations

import json

import pytest

from widgets.cli import main
from widgets.progress import ProgressStore
from widgets.progress_import import ImportProblem, import_answers


def _export(path, entries, learner="learner", **extra):
    path.write_text(json.dumps({"version": 2, "course": "ms-leg-pain",
                                "learners": {learner: entries}, **extra}))
    return path


def entry(correct, saved, **more):
    return {"answer": "A", "correct": correct, "saved": saved, **more}


def test_an_export_is_merged_newest_answer_first(tmp_path, capsys):
    store = ProgressStore(tmp_path / "progress.json")
    store.record("learner", "q-old", "B", False)   # saved now: newer than the file's answer
    exported = _export(tmp_path / "ms-leg-pain-answers-2026-12-01.json", {
        "q-old": entry(True, "2026-01-01T00:00:00+00:00"),
        "q-new": entry(True, "2026-11-30T10:00:00+00:00", confidence="high", box=1,
                       due="2026-12-03", attempts=2, first=entry(False, "x")),
        "junk": "not an entry"})
    assert main(["import-answers", str(exported), "--progress", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"1 answers imported from {exported} (learner 'learner')")
    fresh = ProgressStore(store.path)
    assert fresh.get("learner", "q-old")["answer"] == "B"          # the newer one stays
    assert fresh.get("learner", "q-new")["due"] == "2026-12-03"     # kept as exported
    assert fresh.get("learner", "junk") is None


def test_a_file_of_one_other_learner_is_taken_whole(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    f = _export(tmp_path / "p.json", {"q1": entry(True, "2026-11-30")}, learner="ana")
    assert import_answers(f, store) == (1, "ana")
    assert store.get("learner", "q1")["correct"] is True
    with pytest.raises(ImportProblem, match="no learner 'ben'; it has: ana"):
        import_answers(f, store, source="ben")


@pytest.mark.parametrize("text,words", [
    ('{"version": 3, "learners": {}}', "newer release of the course (format version 3; this "
                                       "release reads up to 2); update the course"),
    ('{"version": 2, "course": "other", "learners": {"a": {}}}', "another course ('other'"),
    ('{"answers": []}', 'not a progress file (no "learners"'),
    ("{nope", "not a progress file (not JSON: Expecting property name enclosed in double "
              "quotes at line 1, column 2)"),
])
def test_files_that_cannot_be_imported_are_refused_with_one_line(tmp_path, capsys, text, words):
    target = tmp_path / "progress.json"
    store = ProgressStore(target)
    store.record("learner", "q1", "A", True)
    before = target.read_text()
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    assert main(["import-answers", str(bad), "--progress", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"nothing imported: {bad}: ") and words in err and "\n" not in err
    assert target.read_text() == before
