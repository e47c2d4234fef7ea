"""The course's question banks as a Moodle XML file (``python -m widgets export moodle``).

Moodle's XML import format (qformat_xml) is written with ElementTree, never by joining
strings: one ``category`` question per section (``$course$/top/<course>/<NN · section>``),
then each question of that section's bank with its feedback on every option:

- single choice → ``multichoice`` with ``<single>true``: the right option 100 %, the others 0;
- multiple choice → ``multichoice`` with ``<single>false``: right options share 100 %,
  wrong options share -100 %, each a grade Moodle's question editor offers;
- true/false → ``truefalse``: the answers ``true`` and ``false``, each with its explanation;
- matching → ``match``: one sub-question per pair; the per-pair explanations go in the
  general feedback (Moodle's matching type has no per-pair feedback);
- ordering → Moodle's ``ordering`` type, a standard (core) question type since Moodle 4.4
  (lib/plugins.json lists it among the standard ``qtype`` plugins; older sites need the
  qtype_ordering plugin): each step is an answer
  in the right order with its explanation as the answer's feedback.

The general feedback of every question ends with its sources, the full references
for the keys it cites. The text is the course's own Markdown rendered to sanitised HTML.
No library on PyPI writes this format for all five kinds (ordering included) and is kept
up to date, so this module writes it; tests/test_export_moodle.py checks the result
against the importer's rules.
"""
from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ..course import Course
from ..course.models import Matching, MultipleChoice, Ordering, SingleChoice, TrueFalse
from ..quiz.base import MESSAGES
from ..text import markdown_html, plain_text

# The grades Moodle's question editor offers (question_bank::fraction_options), as fractions.
FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
             0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
PENALTY = "0.3333333"


def share(n: int) -> float:
    """1/n as a grade Moodle offers (n = 1..10 all have one)."""
    best = min(FRACTIONS, key=lambda f: abs(f - 1 / n))
    if abs(best - 1 / n) > 1e-6:
        raise ValueError(f"Moodle offers no grade of 1/{n}; a question can have at most 10 "
                         "right (or wrong) options")
    return best


def percent(fraction: float) -> str:
    """Moodle writes fractions as percentages with up to 7 decimals: 100, 33.33333, -50."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _html(text: str) -> str:
    return markdown_html(text, inline=True)


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = value
    return el


def _simple(parent: ET.Element, tag: str, value) -> None:
    ET.SubElement(parent, tag).text = str(value)


def _category(quiz: ET.Element, path: str) -> None:
    q = ET.SubElement(quiz, "question", {"type": "category"})
    _text(q, "category", f"$course$/top/{path}", fmt=None)


def _general_feedback(course: Course, question, lines: list[str] | None = None) -> str:
    parts = []
    if lines:
        parts.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
    sources = []
    for key in question.refs:
        ref = course.references.get(key)
        sources.append(f"[{key}] {_esc(ref.citation()) if ref else key}")
    parts.append("<p><strong>Sources</strong></p><ul>"
                 + "".join(f"<li>{s}</li>" for s in sources) + "</ul>")
    return "".join(parts)


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def _name(section, number: int, question) -> str:
    prompt = plain_text(question.prompt)
    short = prompt if len(prompt) <= 60 else prompt[:57].rstrip() + "…"
    return f"{section.number}.{number:02d} {short}"


def _combined(q: ET.Element, *, shownumcorrect: bool = True) -> None:
    _text(q, "correctfeedback", f"<p>{_esc(MESSAGES['correct'])}</p>")
    _text(q, "partiallycorrectfeedback", f"<p>{_esc(MESSAGES['wrong'])}</p>")
    _text(q, "incorrectfeedback", f"<p>{_esc(MESSAGES['wrong'])}</p>")
    if shownumcorrect:
        ET.SubElement(q, "shownumcorrect")


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str,
            fmt: str = "html") -> None:
    a = ET.SubElement(parent, "answer", {"fraction": fraction, "format": fmt})
    ET.SubElement(a, "text").text = text
    _text(a, "feedback", feedback)


def _question(course: Course, section, number: int, question) -> ET.Element:
    qtype = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
             "matching": "match", "ordering": "ordering"}[question.kind]
    q = ET.Element("question", {"type": qtype})
    _text(q, "name", _name(section, number, question), fmt=None)
    _text(q, "questiontext", f"<p>{_html(question.prompt)}</p>")
    lines: list[str] = []
    if isinstance(question, Matching):
        lines = [f"{_html(p.left)} → {_html(p.right)}: {_html(p.explanation)}"
                 for p in question.pairs]
    _text(q, "generalfeedback", _general_feedback(course, question, lines))
    _simple(q, "defaultgrade", "1")
    _simple(q, "penalty", PENALTY if qtype != "truefalse" else "1")
    _simple(q, "hidden", "0")
    _simple(q, "idnumber", question.id)

    if isinstance(question, (SingleChoice, MultipleChoice)):
        single = isinstance(question, SingleChoice)
        _simple(q, "single", "true" if single else "false")
        _simple(q, "shuffleanswers", "true")
        _simple(q, "answernumbering", "abc")
        _simple(q, "showstandardinstruction", "0")
        _combined(q)
        right = [o for o in question.options if o.correct]
        wrong = [o for o in question.options if not o.correct]
        good = 1.0 if single else share(len(right))
        bad = 0.0 if single or not wrong else -share(len(wrong))
        for o in question.options:
            _answer(q, percent(good if o.correct else bad), _html(o.text), _html(o.explanation))
    elif isinstance(question, TrueFalse):
        for value in (True, False):
            word = "true" if value else "false"
            explanation = getattr(question.explanations, word)
            _answer(q, "100" if question.answer == value else "0", word, _html(explanation),
                    fmt="moodle_auto_format")
    elif isinstance(question, Matching):
        _simple(q, "shuffleanswers", "true")
        _combined(q)
        for p in question.pairs:
            sub = _text(q, "subquestion", _html(p.left))
            ans = ET.SubElement(sub, "answer")
            ET.SubElement(ans, "text").text = plain_text(p.right)
    elif isinstance(question, Ordering):
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"),
                           ("selectcount", "0"), ("gradingtype", "ABSOLUTE_POSITION"),
                           ("showgrading", "SHOW"), ("numberingstyle", "none")):
            _simple(q, tag, value)
        _combined(q)
        for position, step in enumerate(question.steps, start=1):
            _answer(q, f"{position}", _html(step.text), _html(step.explanation))
    tags = [f"{k}:{v}" for k, v in (("id", question.id), ("objective", question.objective),
                                     ("level", question.level), ("audience", question.audience))
            if v]
    if tags:
        el = ET.SubElement(q, "tags")
        for t in tags:
            ET.SubElement(ET.SubElement(el, "tag"), "text").text = t
    return q


def moodle_xml(course: Course) -> bytes:
    """Every question of every section's bank as one Moodle XML document."""
    quiz = ET.Element("quiz")
    top = course.info.title.replace("/", "-")
    for section in course.sections:
        bank = course.banks.get(section.id)
        if bank is None:
            continue
        _category(quiz, f"{top}/{section.number} · {section.title.replace('/', '-')}")
        for number, question in enumerate(bank.questions, start=1):
            quiz.append(_question(course, section, number, question))
    ET.indent(quiz, space="  ")
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def write_moodle_xml(course: Course, out: str | Path) -> Path:
    """Write the file atomically; refuse to replace a file that is not a Moodle export."""
    out = Path(out)
    if out.exists() and (out.is_dir() or b"<quiz>" not in out.read_bytes()[:400]):
        raise FileExistsError(f"{out} exists and is not a Moodle XML export; choose another "
                              "--out file or remove it")
    out.parent.mkdir(parents=True, exist_ok=True)
    data = moodle_xml(course)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
