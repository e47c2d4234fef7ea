"""The offline rendition: semantic HTML, unique ids, labels, embedded data, shared assets."""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from widgets.text import esc

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import DEFAULT_CONTENT, check_course, load_course  # noqa: E402
from widgets.quiz import QUIZ_CSS, QUIZ_JS, offline_quiz_html, offline_quiz_page  # noqa: E402
from widgets.quiz.base import MESSAGES  # noqa: E402
from widgets.quiz.offline import HANDOUT_LEARNER  # noqa: E402
from widgets.quiz.section_quiz import present_question  # noqa: E402


class Page(HTMLParser):
    """Collects what the accessibility checks need: ids, labels, controls, scripts."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.label_for: list[str] = []
        self.controls: list[dict] = []
        self.tags = Counter()
        self.scripts: list[tuple[dict, str]] = []
        self.live: list[dict] = []
        self.questions: list[str] = []  # the id of each question fieldset
        self.radio_names: dict[str, set[str]] = {}  # radio group name -> question ids using it
        self._labels = 0  # how many <label> elements are open (an input inside one is labelled)
        self._script: dict | None = None
        self._buf: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label":
            self._labels += 1
            if "for" in a:
                self.label_for.append(a["for"])
        if tag == "fieldset" and "ms-quiz-question" in a.get("class", "").split():
            self.questions.append(a["id"])
        if tag in ("input", "select"):
            self.controls.append({**a, "_in_label": self._labels > 0})
        if tag == "input" and a.get("type") == "radio":
            self.radio_names.setdefault(a["name"], set()).add(self.questions[-1])
        if a.get("aria-live"):
            self.live.append(a)
        if tag == "script":
            self._script, self._buf = a, []

    def handle_data(self, data):
        if self._script is not None:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == "label":
            self._labels -= 1
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._buf)))
            self._script = None


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def real_course():
    course, problems = check_course(DEFAULT_CONTENT)
    if course is None or problems:
        pytest.skip("the real course does not validate yet (python -m widgets check)")
    return course


def _check_page(course, html: str, section_ids: list[str]) -> Page:
    page = Page(html)
    dupes = [i for i, n in Counter(page.ids).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes[:5]}"
    for control in page.controls:  # inside its label, or named by one (the selects)
        assert control["_in_label"] or control.get("id") in page.label_for, \
            f"control without a label: {control}"
    # radios: one group per question (its options) plus its "How sure" group, and no two
    # questions share a group
    assert all(len(qs) == 1 for qs in page.radio_names.values()), page.radio_names
    n_questions = sum(len(course.quiz(s).questions) for s in section_ids)
    # each question is a fieldset, with a "How sure are you?" fieldset inside it
    assert page.tags["fieldset"] == page.tags["legend"] == 2 * n_questions
    data = [json.loads(t) for a, t in page.scripts if a.get("class") == "ms-quiz-data"]
    assert len(data) == n_questions
    assert all(a.get("type") == "application/json" for a, _ in page.scripts)
    feedback = [a for a in page.live if a.get("class") == "ms-quiz__feedback"]
    assert len(feedback) == n_questions and all(a["aria-live"] == "polite" for a in feedback)
    return page


def test_fixture_quiz_is_semantic_html(course):
    html = offline_quiz_html(course, "nerve-damage")
    page = _check_page(course, html, ["nerve-damage"])
    kinds = Counter(c.get("type", "select") for c in page.controls)
    assert kinds["radio"] == 3 + 2 + 3 * 5 and kinds["checkbox"] == 3 and kinds["select"] == 6
    assert html.count("<legend>How sure are you?</legend>") == 5
    assert html.count('data-action="check">Check<') == 5
    assert html.count('data-action="retry">Try again<') == 5
    assert html.count('data-action="reveal">Show answer<') == 5
    assert "<strong>Answer key</strong>" not in html and "Facilitator notes" not in html
    assert "Score: 0 of 5 answered correctly" in html


def test_embedded_data_is_the_presented_question(course):
    html = offline_quiz_html(course, "nerve-damage")
    page = Page(html)
    data = [json.loads(t) for a, t in page.scripts if a.get("class") == "ms-quiz-data"]
    for q, d in zip(course.quiz("nerve-damage").questions, data):
        presented = present_question(course, q, learner=HANDOUT_LEARNER)
        # everything but the prompt, which the legend shows (quiz.js never reads it)
        assert d == {k: v for k, v in presented.items() if k != "prompt"}
        assert f"</span> {esc(presented['prompt'])}</legend>" in html
    messages = [json.loads(t) for a, t in page.scripts if a.get("class") == "ms-quiz-messages"]
    assert messages == [MESSAGES]


def test_instructor_variant_has_key_and_notes(course):
    html = offline_quiz_html(course, "nerve-damage", variant="instructor")
    assert html.count("<strong>Answer key</strong>") == 5
    assert "Facilitator notes" in html and "pins and needles" in html
    assert "Discussion prompts" in html
    _check_page(course, html, ["nerve-damage"])
    with pytest.raises(ValueError):
        offline_quiz_html(course, "nerve-damage", variant="teacher")


def test_pathway_figure_is_a_hidden_slot_naming_the_nodes(course):
    """A question with pathway nodes carries only their ids; the drawing comes once per
    page or folder (pathway-map.js, drawn by quiz.js: tests/test_minimap_browser.py)."""
    html = offline_quiz_html(course, "nerve-damage")
    slots = re.findall(r'<div class="ms-quiz__pathway" data-nodes="([^"]*)" hidden></div>', html)
    with_nodes = [q for q in course.quiz("nerve-damage").questions if q.nodes]
    assert len(slots) == len(with_nodes) == 3  # fx-single, -truefalse, -ordering
    assert slots == [" ".join(q.nodes) for q in with_nodes]
    assert "<svg" not in html and html.count("ms-quiz__pathway") == 3


def test_script_cannot_be_closed_early_by_content(course):
    html = offline_quiz_html(course, "nerve-damage")
    for _a, text in Page(html).scripts:
        assert "</" not in text


def test_every_real_section_both_variants(real_course):
    for variant in ("student", "instructor"):
        for s in real_course.sections:
            _check_page(real_course, offline_quiz_html(real_course, s.id, variant=variant), [s.id])


def test_all_real_quizzes_on_one_page_have_unique_ids(real_course):
    ids = [s.id for s in real_course.sections]
    html = "".join(offline_quiz_html(real_course, s) for s in ids)
    _check_page(real_course, html, ids)


def test_standalone_page(course):
    page = offline_quiz_page(course, "nerve-damage")
    assert page.startswith("<!DOCTYPE html>") and 'lang="en-GB"' in page
    assert QUIZ_JS.read_text()[:40] in page
    assert "window.MSPathwayMap = {" in page  # the minimap's pathway, inlined before quiz.js
    assert page.index("MSPathwayMap") < page.index(QUIZ_JS.read_text()[:40])
    linked = offline_quiz_page(course, "nerve-damage", inline_assets=False)
    assert 'src="quiz.js"' in linked and 'href="quiz.css"' in linked
    assert linked.index('src="pathway-map.js"') < linked.index('src="quiz.js"')


def test_assets_are_plain_and_offline():
    js = QUIZ_JS.read_text(encoding="utf-8")
    assert QUIZ_JS.name == "quiz.js" and QUIZ_CSS.name == "quiz.css"
    for banned in ("eval(", "new Function", "fetch(", "XMLHttpRequest", "http://", "https://",
                   "import ", "require(", "innerHTML", "setTimeout(\"", "document.write"):
        assert banned not in js, banned
    used = set(re.findall(r"\bM\.([a-z_]+)", js)) | set(re.findall(r'\bM\["([a-z_]+)"\]', js))
    assert used and used <= set(MESSAGES), used - set(MESSAGES)
    css = QUIZ_CSS.read_text(encoding="utf-8")
    assert "@media print" in css and ":focus-visible" in css and "appearance: none" in css
    assert "url(" not in css and "@import" not in css


def test_package_data_ships_the_assets():
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    patterns = pyproject["tool"]["setuptools"]["package-data"]["widgets"]
    assert "**/*.js" in patterns and "**/*.css" in patterns


def test_messages_once_per_page_when_asked(course):
    """Handout pages carry the wording once (in the head): their blocks leave it out."""
    from widgets.quiz.offline import messages_html

    lean = offline_quiz_html(course, "nerve-damage", messages=False)
    assert "ms-quiz-messages" not in lean
    page = Page(messages_html() + lean)
    assert [json.loads(t) for a, t in page.scripts
            if a.get("class") == "ms-quiz-messages"] == [MESSAGES]


def test_worksheet_is_paper_only_in_the_presented_order(course):
    """print_worksheet: each question from its embedded data, nothing to click or read out."""
    from widgets.quiz.worksheet import print_worksheet

    screen = offline_quiz_html(course, "nerve-damage", variant="instructor")
    paper = print_worksheet(screen)
    page = Page(paper)
    assert not page.controls and not page.scripts and not page.live
    assert page.tags["fieldset"] == page.tags["button"] == 0
    assert "Answer key" not in paper and MESSAGES["quiz_intro"] not in paper
    questions = [present_question(course, q, learner=HANDOUT_LEARNER)
                 for q in course.quiz("nerve-damage").questions]
    assert paper.count('class="ms-quiz-question ms-quiz-paper"') == len(questions)
    assert paper.count('<p class="ms-quiz__sure">How sure are you? <span>low</span> '
                       '<span>medium</span> <span>high</span></p>') == len(questions)
    at = 0
    for n, d in enumerate(questions, start=1):
        at = paper.index(f"Question {n}.</span> {L.esc(d['prompt'])}", at)
        texts = ([o["text"] for o in d["options"]] if "options" in d
                 else ["True", "False"] if d["kind"] == "truefalse"
                 else [d["steps"][i]["text"] for i in d["choices"]] if d["kind"] == "ordering"
                 else [d["pairs"][i]["right"] for i in d["choices"]])
        for t in texts:  # each option once, in the order the screen shows it
            at = paper.index(f"<li>{L.esc(t)}</li>", at)
    assert paper.count('class="ms-quiz__blank"') == sum(
        len(d.get("steps") or d.get("pairs") or []) for d in questions)
