"""`python -m widgets quiz-report`: the bank's shape per section, and item analysis from
learners' progress files (first-try difficulty, option pick rates, flags)."""
import json
import re
import subprocess
import sys

import pytest

from widgets.course import load_course
from widgets.quiz_report import analyse, report, shape_report

from conftest import ROOT


def run_report(*args):
    """The one smoke test of ``quiz-report`` as a real command (the others run it in process)."""
    return subprocess.run([sys.executable, "-m", "widgets", "quiz-report", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def write(path, learners, version=2):
    path.write_text(json.dumps({"version": version, "course": "ms-leg-pain", "learners": learners}))
    return path


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_real_course_shape_has_a_row_per_section_and_meets_the_targets():
    result = run_report()
    assert result.returncode == 0, result.stderr
    course = load_course()
    lines = result.stdout.splitlines()
    for s in course.sections:
        row = next(ln for ln in lines if ln.startswith(f"{s.number} {s.id} "))
        cells = re.split(r"\s{2,}", row)
        assert int(cells[1]) == len(course.banks[s.id].questions)
        covered, total = map(int, cells[6].split("/"))
        assert covered == total == len(s.meta.objectives)
    summary = next(ln for ln in lines if " items; apply " in ln)
    n, share = re.search(r"(\d+) items; apply \d+ \((\d+)%\)", summary).groups()
    assert int(share) >= 30
    longest, singles = map(int, re.search(r"longest option in (\d+)/(\d+)", summary).groups())
    assert longest * 3 <= singles
    counts = {int(k) for k in re.findall(r"(\d): \d+", summary.split("correct counts")[1])}
    assert counts == {1, 2, 3, 4}


def test_fixture_shape_counts_kinds_levels_and_places(min_content):
    text = shape_report(load_course(min_content))
    row = next(ln for ln in text.splitlines() if ln.startswith("00 start "))
    cells = re.split(r"\s{2,}", row)
    assert cells[1] == "6"
    assert cells[2] == "5/1/0/0/0"                     # quiz/part/pre/post/review
    assert cells[3] == "s1 m1 tf2 o1 mt1"
    assert cells[4] == "2/1/3"                         # recall/understand/apply
    assert cells[5] == "1/1/4"                         # patients/clinicians/everyone
    assert cells[6] == "1/1"
    assert cells[8] == "2"                             # the multiple item has 2 correct


def test_item_analysis_uses_the_first_try_of_every_learner_in_every_file(min_content, tmp_path):
    v2 = write(tmp_path / "ana.json", {"ana": {
        "start-01": {"answer": "Loss of myelin", "correct": True, "attempts": 2,
                     "first": {"answer": "Gain of myelin", "correct": False, "confidence": "high"}},
        "start-03": {"answer": False, "correct": True, "attempts": 1,
                     "first": {"answer": False, "correct": True, "confidence": "low"}},
        "start-02": {"answer": ["A"], "correct": False, "attempts": 1,
                     "first": {"answer": ["A"], "correct": False, "confidence": None}}}})
    v1 = write(tmp_path / "ben.json", {"learner": {
        "start-01": {"answer": "Loss of myelin", "correct": True, "saved": "2026-11-25T10:00:00+00:00"},
        "start-03": {"answer": False, "correct": True},
        "start-02": {"answer": ["C"], "correct": False}}}, version=1)
    course = load_course(min_content)
    found, learners = analyse(course, [v2, v1])
    assert learners == 2
    by_id = {a.id: a for a in found}
    assert by_id["start-01"].difficulty == 0.5          # ana wrong at first, ben right
    assert by_id["start-03"].flag == "everyone right"
    assert by_id["start-02"].flag == "nobody right"
    assert by_id["start-01"].pick_rates(course.question("start-01")) == [
        ("Loss of myelin", True, 0.5), ("Gain of myelin", False, 0.5)]
    assert by_id["start-02"].pick_rates(course.question("start-02")) == [
        ("A", True, 0.5), ("B", True, 0.0), ("C", False, 0.5)]
    text = report(course, [v2, v1])
    assert re.search(r"start-01\s+2\s+50%", text)
    assert "Flagged: " in text and "start-03 (everyone right)" in text
    assert "start-02 (nobody right)" in text
    assert "     50%  Gain of myelin" in text


def test_one_learner_gets_difficulty_but_no_class_statistics(min_content, tmp_path, cli):
    one = write(tmp_path / "one.json", {"ana": {"start-01": {"answer": "Loss of myelin", "correct": True}}})
    code, out, err = cli("quiz-report", "--content", min_content, "--progress", one)
    assert code == 0, err
    assert re.search(r"start-01\s+1\s+100%", out)
    assert "need a class" in out
    assert "Flagged" not in out


def test_bad_progress_files_are_refused_with_the_file_and_the_fix(min_content, tmp_path, cli):
    newer = write(tmp_path / "newer.json", {}, version=99)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    missing = tmp_path / "missing.json"
    for path, words in ((newer, "newer than this course reads"), (broken, "not valid JSON"),
                        (missing, "cannot read the progress file")):
        code, _, err = cli("quiz-report", "--content", min_content, "--progress", path)
        assert code == 1
        assert str(path) in err and words in err, err
        assert "Traceback" not in err
    assert newer.read_text() == json.dumps({"version": 99, "course": "ms-leg-pain", "learners": {}})
