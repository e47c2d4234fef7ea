"""The loader and the checker: the real course, the valid fixture, and one broken fixture
per kind of error (tests/fixtures/broken/*.yaml describe each break as edits)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from widgets.course import ContentError, check_course, load_course
from widgets.course.models import QUESTION_KINDS

from conftest import FIXTURES, ROOT

BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


def apply_edits(content: Path, edits: list[dict]) -> None:
    for edit in edits:
        if "rename" in edit:
            src, dst = edit["rename"]
            (content / src).rename(content / dst)
        elif "delete" in edit:
            (content / edit["delete"]).unlink()
        elif "write" in edit:  # a new file (or a whole new text for one)
            (content / edit["write"]).write_text(edit["text"])
        else:
            path = content / edit["file"]
            text = path.read_text()
            if "cut_after" in edit:
                marker = edit["cut_after"]
                assert marker in text, f"fixture marker not found in {path}"
                text = text[: text.index(marker) + 4]
            else:
                assert edit["replace"] in text, f"fixture text {edit['replace']!r} not in {path}"
                text = text.replace(edit["replace"], edit["with"], 1)
            path.write_text(text)


@pytest.fixture
def run_check(cli):
    """``python -m widgets check --content DIR``, in process: (exit code, stdout, stderr)."""
    return lambda content: cli("check", "--content", content)


def test_the_course_is_valid():
    course, problems = check_course()
    assert problems == [], "\n".join(map(str, problems))
    assert [s.order for s in course.sections] == list(range(len(course.sections)))


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_checker_cli_accepts_the_course():
    """The one smoke test of ``check`` as a real command (the others run it in process)."""
    result = subprocess.run([sys.executable, "-m", "widgets", "check"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"ok: \d+ sections, \d+ questions, \d+ references, \d+ glossary terms, "
                        r"\d+ pathway nodes\n", result.stdout)


def test_valid_fixture_loads(min_content, run_check):
    course = load_course(min_content)
    assert [s.id for s in course.sections] == ["start", "second"]
    assert [q.kind for q in course.quiz("start").questions] == list(QUESTION_KINDS)
    assert course.section("01").title == "Second"
    assert course.section(0).citations() == ["R1", "R2"]
    assert run_check(min_content)[0] == 0


@pytest.mark.parametrize("case", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_fixture_is_rejected_with_file_and_line(case, min_content, run_check):
    spec = yaml.safe_load(case.read_text())
    apply_edits(min_content, spec["edits"])
    code, out, err = run_check(min_content)
    assert code == 1, out
    lines = out.splitlines()
    assert lines and all(re.match(r"^[^:]+:\d+: \S", ln) for ln in lines), out
    exp = spec["expect"]
    wanted = f"content/{exp['file']}:{exp['line']}: "
    hits = [ln for ln in lines if ln.startswith(wanted) and exp["message"] in ln]
    assert hits, f"expected a line starting {wanted!r} containing {exp['message']!r}; got:\n" + out
    assert "Traceback" not in out + err


def test_load_course_raises_content_error_listing_problems(min_content):
    (min_content / "quizzes" / "00-start.yaml").write_text("section: start\nquestions: []\n")
    with pytest.raises(ContentError) as info:
        load_course(min_content)
    assert "content/quizzes/00-start.yaml:2:" in str(info.value)


def test_missing_content_folder(tmp_path, run_check):
    code, out, _ = run_check(tmp_path / "nowhere")
    assert code == 1
    assert "content folder not found" in out


def test_unreadable_encoding_is_reported(min_content, run_check):
    (min_content / "glossary.yaml").write_bytes(b"- term: \xff\xfe broken\n")
    code, out, _ = run_check(min_content)
    assert code == 1
    assert "content/glossary.yaml:1: not UTF-8 text" in out


def test_review_bank_draws_from_every_other_section(min_content):
    bank = min_content / "quizzes" / "01-second.yaml"
    meta = "    objective: objective-1\n    level: apply\n    audience: everyone\n    facts: [demyelination-loss]\n"
    bank.write_text(
        "section: second\nreview: {per_section: 1}\nquestions:\n"
        "  - id: second-01\n    kind: truefalse\n    prompt: Is myelin lost?\n    answer: true\n"
        "    refs: [R1]\n" + meta + "    explanations: {true: \"Yes.\", false: \"No.\"}\n"
        "  - id: second-02\n    kind: matching\n    part: only-part\n    prompt: Match them.\n"
        "    refs: [R1]\n" + meta + "    pairs:\n"
        "      - {left: Myelin, right: lost, explanation: Yes.}\n"
        "      - {left: Bone, right: kept, explanation: Yes.}\n"
        "  - id: second-03\n    kind: multiple\n    prompt: Which of these are lost?\n"
        "    refs: [R1]\n" + meta + "    options:\n"
        "      - {text: Bone, explanation: No.}\n      - {text: Myelin, correct: true, explanation: Yes.}\n")
    course = load_course(min_content)
    ids = [q.id for q in course.quiz("second").questions]
    assert ids == ["second-01", "second-03", "start-01"]  # no item flagged: the first of each bank
    flagged = min_content / "quizzes" / "00-start.yaml"
    flagged.write_text(flagged.read_text().replace("    part: first-part\n", "    part: first-part\n    review: true\n"))
    course = load_course(min_content)
    ids = [q.id for q in course.quiz("second").questions]
    assert ids == ["second-01", "second-03", "start-06"]  # flagged items, wherever they sit


def test_every_fact_paragraph_of_the_course_cites_a_known_key(course):
    known = set(course.references)
    for s in course.sections:
        assert s.citations(), s.id
        assert set(s.citations()) <= known


def test_no_brand_name_anywhere_in_content_or_notebooks():
    brand = re.compile(r"pain\s*o\s*soma|\bsoma\b", re.I)
    for folder in ("content", "notebooks", "widgets"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".md", ".yaml", ".ipynb", ".py", ".js", ".j2", ".html"):
                assert not brand.search(path.read_text(encoding="utf-8")), path
