"""The Moodle XML question bank: parsed back and checked against what Moodle's importer needs.

The rules below are Moodle's own (question/format/xml/format.php and each question type's
save_question_options / form validation), written out independently of the exporter:
- the root is <quiz>; a category "question" holds <category><text>$course$/top/...</text>;
- every other question has a known type, a non-empty <name><text> and <questiontext><text>;
- multichoice: <single> true/false; fractions are percentages Moodle's editor offers;
  single: exactly one answer at 100 %; multiple: positive fractions add up to 100 %
  (Moodle rounds to 2 decimals before comparing), wrong ones are <= 0;
- truefalse: exactly the answers "true" and "false", one at 100 %, one at 0 %;
- match: at least 2 sub-questions with text and at least 3 answers;
- ordering: at least 2 answers, fractions 1..n giving the right order.
Beyond the importer: every option's own explanation is its feedback; the references are
in the general feedback; one category per section in course order.
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from widgets.course import load_course
from widgets.export.moodle import moodle_xml
from widgets.text import markdown_html, plain_text

MOODLE_FRACTIONS = {1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333,
                    0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0}
KNOWN = {"multichoice", "truefalse", "match", "ordering", "category"}


@pytest.fixture(scope="module")
def course():
    return load_course()


@pytest.fixture(scope="module")
def doc(course):
    return ET.fromstring(moodle_xml(course))


def _text(el, path):
    found = el.find(path)
    return "" if found is None or found.text is None else found.text


def _in_moodle_list(fraction: float) -> bool:
    return any(abs(abs(fraction) - f) < 1e-6 for f in MOODLE_FRACTIONS)


def _by_idnumber(doc):
    return {_text(q, "idnumber"): q for q in doc.findall("question") if q.get("type") != "category"}


def test_root_categories_and_every_question(doc, course):
    assert doc.tag == "quiz"
    cats = [_text(q, "category/text") for q in doc.findall("question[@type='category']")]
    assert cats == [f"$course$/top/{course.info.title}/{s.number} · {s.title}"
                    for s in course.sections if s.id in course.banks]
    # each section's questions follow its category
    current, seen = None, {}
    for q in doc.findall("question"):
        assert q.get("type") in KNOWN
        if q.get("type") == "category":
            current = _text(q, "category/text")
            continue
        assert _text(q, "name/text").strip() and _text(q, "questiontext/text").strip()
        assert q.find("questiontext").get("format") == "html"
        seen[_text(q, "idnumber")] = current
    for section in course.sections:
        for question in course.banks[section.id].questions:
            assert seen[question.id].endswith(f"/{section.number} · {section.title}")
    assert len(seen) == sum(len(b.questions) for b in course.banks.values())


def test_multichoice_fractions_and_feedback(doc, course):
    by_id = _by_idnumber(doc)
    checked = {"single": 0, "multiple": 0}
    for question in course.questions():
        if question.kind not in checked:
            continue
        q = by_id[question.id]
        assert q.get("type") == "multichoice"
        assert _text(q, "single") == ("true" if question.kind == "single" else "false")
        answers = q.findall("answer")
        assert len(answers) == len(question.options) >= 2
        fractions = [float(a.get("fraction")) / 100 for a in answers]
        assert all(_in_moodle_list(f) for f in fractions), fractions
        if question.kind == "single":
            assert sorted(fractions) == [0.0] * (len(fractions) - 1) + [1.0]
        else:
            assert round(sum(f for f in fractions if f > 0), 2) == 1.0
            assert all(f <= 0 for f, o in zip(fractions, question.options) if not o.correct)
        for a, option in zip(answers, question.options):
            assert (float(a.get("fraction")) > 0) == option.correct
            assert _text(a, "text") == markdown_html(option.text, inline=True)
            assert _text(a, "feedback/text") == markdown_html(option.explanation, inline=True)
        checked[question.kind] += 1
    assert checked["single"] and checked["multiple"]


def test_truefalse_match_ordering(doc, course):
    by_id = _by_idnumber(doc)
    kinds = set()
    for question in course.questions():
        q = by_id[question.id]
        if question.kind == "truefalse":
            answers = {_text(a, "text"): a for a in q.findall("answer")}
            assert set(answers) == {"true", "false"}
            right = "true" if question.answer else "false"
            assert answers[right].get("fraction") == "100"
            assert answers["false" if question.answer else "true"].get("fraction") == "0"
            assert _text(answers["true"], "feedback/text") == markdown_html(
                question.explanations.true, inline=True)
        elif question.kind == "matching":
            assert q.get("type") == "match"
            subs = q.findall("subquestion")
            assert len([s for s in subs if _text(s, "text").strip()]) >= 2
            assert len(subs) >= 3
            for sub, pair in zip(subs, question.pairs):
                assert _text(sub, "answer/text") == plain_text(pair.right)
            general = _text(q, "generalfeedback/text")
            for pair in question.pairs:  # every pair's explanation is kept
                assert markdown_html(pair.explanation, inline=True) in general
        elif question.kind == "ordering":
            assert q.get("type") == "ordering"
            answers = q.findall("answer")
            assert len(answers) == len(question.steps) >= 2
            assert [int(a.get("fraction")) for a in answers] == list(range(1, len(answers) + 1))
            for a, step in zip(answers, question.steps):
                assert _text(a, "text") == markdown_html(step.text, inline=True)
                assert _text(a, "feedback/text") == markdown_html(step.explanation, inline=True)
            assert _text(q, "gradingtype") and _text(q, "layouttype")
        kinds.add(question.kind)
    assert kinds == {"single", "multiple", "truefalse", "matching", "ordering"}


def test_references_in_general_feedback(doc, course):
    by_id = _by_idnumber(doc)
    for question in course.questions():
        general = unescape(_text(by_id[question.id], "generalfeedback/text"))
        for key in question.refs:
            ref = course.references[key]
            assert f"[{key}] {ref.citation()}" in general


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_cli_writes_and_refuses_foreign_file(tmp_path, cli):
    """The one smoke test of ``export moodle`` as a real command, then in process."""
    out = tmp_path / "bank.xml"
    run = ["export", "moodle", "--out", str(out)]
    done = subprocess.run([sys.executable, "-m", "widgets", *run], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert ET.parse(out).getroot().tag == "quiz"
    assert "questions in" in done.stdout
    code, _, err = cli(*run)  # our own file: replaced
    assert code == 0, err
    foreign = tmp_path / "notes.xml"
    foreign.write_text("<notes>mine</notes>")
    code, _, err = cli(*run[:-1], foreign)
    assert code == 1
    assert "is not a Moodle XML export" in err
    assert foreign.read_text() == "<notes>mine</notes>"
