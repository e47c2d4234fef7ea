"""The offline quiz in a real browser: Debian's Chromium, driven by keyboard and by mouse.

The page is written from the fixture course (one question of each kind), with quiz.js
and quiz.css copied beside it, and opened via file:// in the session's one browser. The feedback the page shows must
read exactly like the live widget's (the Python grader's text) for the same answer.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from conftest import axe_violations  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.figures.minimap import ASSET_NAME as MINIMAP_JS, minimap_script  # noqa: E402
from widgets.quiz import QUIZ_CSS, QUIZ_JS, offline_quiz_page  # noqa: E402
from widgets.quiz.base import MESSAGES, with_confidence  # noqa: E402
from widgets.quiz.confidence import LEVELS  # noqa: E402
from widgets.quiz.kinds import KINDS  # noqa: E402
from widgets.quiz.offline import HANDOUT_LEARNER  # noqa: E402
from widgets.quiz.section_quiz import present_question  # noqa: E402

pytestmark = pytest.mark.browser

SECTION = "nerve-damage"
PREFIX = f"quiz-{SECTION}"


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def questions(course):
    """(uid, presented data) per question, exactly as the page embeds them."""
    return [(f"{PREFIX}-{q.id}", present_question(course, q, learner=HANDOUT_LEARNER))
            for q in course.quiz(SECTION).questions]


@pytest.fixture(scope="module")
def page_url(course, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline-quiz")
    (folder / "quiz.html").write_text(offline_quiz_page(course, SECTION, inline_assets=False),
                                      encoding="utf-8")
    shutil.copy(QUIZ_JS, folder / "quiz.js")
    (folder / MINIMAP_JS).write_text(minimap_script(course.pathway), encoding="utf-8")
    shutil.copy(QUIZ_CSS, folder / "quiz.css")
    return (folder / "quiz.html").as_uri()


@pytest.fixture
def page(browser, page_url):
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: requests.append(req.url))
    pg.goto(page_url)
    pg.wait_for_selector(".ms-quiz__score")
    yield pg
    assert not errors, errors
    assert all(u.startswith("file://") for u in requests), requests  # no network at all
    context.close()


def _text(s: str) -> str:
    """Feedback text with layout whitespace folded, to compare page and Python."""
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in s.splitlines() if line.strip())


def _expected(data, answer, level="medium") -> str:
    return _text(with_confidence(KINDS[data["kind"]].grade(data, answer), level).text())


def _feedback(pg, uid) -> str:
    return _text(pg.locator(f"#{uid} .ms-quiz__feedback").inner_text())


def _active_action(pg) -> str | None:
    return pg.evaluate("document.activeElement && document.activeElement.getAttribute('data-action')")


def _focused_level(pg, uid) -> str | None:
    """The "How sure are you?" choice that has the focus, in question ``uid`` (else None)."""
    return pg.evaluate("""uid => { const a = document.activeElement;
        return a && a.closest(`#${uid} .ms-quiz__confidence`) ? a.value : null; }""", uid)


def _keyboard_answer(pg, uid, data, answer, level="medium") -> None:
    """Answer with the keyboard only, Tab to "How sure are you?" and choose ``level`` with
    Space and the arrow keys, then Tab to Check and press Enter."""
    kind = data["kind"]
    if kind in ("single", "truefalse"):
        k = answer if kind == "single" else (0 if answer else 1)
        pg.locator(f"#{uid} .ms-quiz__controls input").first.focus()
        pg.keyboard.press("Space")          # check the first option
        for _ in range(k):
            pg.keyboard.press("ArrowDown")  # arrows move the choice within the group
    elif kind == "multiple":
        n = len(data["options"])
        pg.locator(f"#{uid} .ms-quiz__controls input").first.focus()
        for i in range(n):
            if i in answer:
                pg.keyboard.press("Space")
            if i < n - 1:
                pg.keyboard.press("Tab")
    else:
        menus = pg.locator(f"#{uid} .ms-quiz__controls select")
        for pos, a in enumerate(answer):
            menus.nth(pos).focus()
            for _ in range(data["choices"].index(a) + 1):  # below the placeholder
                pg.keyboard.press("ArrowDown")
    if level is not None:
        pg.keyboard.press("Tab")
        assert _focused_level(pg, uid) == "low", \
            "Tab from the last control should reach How sure are you?"
        pg.keyboard.press("Space")
        for _ in range(LEVELS.index(level)):
            pg.keyboard.press("ArrowDown")
        assert _focused_level(pg, uid) == level
    else:  # pass over the group without choosing
        pg.keyboard.press("Tab")
    pg.keyboard.press("Tab")
    assert _active_action(pg) == "check", "Tab from How sure should reach Check"
    pg.keyboard.press("Enter")


def _mouse_answer(pg, uid, data, answer, level="medium") -> None:
    L.click_answer(pg, uid, data, answer, level)


def _first_wrong(data):
    wrong = L.all_wrong(data)[0]
    return wrong


def test_page_has_one_question_of_each_kind(page, questions):
    kinds = page.eval_on_selector_all(".ms-quiz-question", "els => els.map(e => e.dataset.kind)")
    assert kinds == ["single", "multiple", "truefalse", "ordering", "matching"]
    assert [d["kind"] for _, d in questions] == kinds
    assert page.locator(".ms-quiz__score").inner_text() == "Score: 0 of 5 answered correctly"


def test_keyboard_wrong_then_retry_then_right(page, questions):
    for uid, data in questions:
        wrong = _first_wrong(data)
        _keyboard_answer(page, uid, data, wrong)
        got = _feedback(page, uid)
        assert got.startswith("✗ Not quite"), (uid, got)
        assert got == _expected(data, wrong), uid
        if data["hint"]:
            assert "Look again at the pathway:" in got
            figure = page.locator(f"#{uid} .ms-quiz__pathway")
            if figure.count():  # drawn from pathway-map.js (tests/test_minimap_browser.py)
                assert figure.is_visible() and figure.locator("svg[role=img]").count() == 1
        # Tab from Check to Try again, press Enter: cleared, focus back on the first control
        page.keyboard.press("Tab")
        assert _active_action(page) == "retry"
        page.keyboard.press("Enter")
        assert _feedback(page, uid) == ""
        assert page.evaluate("uid => document.querySelector(`#${uid} .ms-quiz__controls`)"
                             ".contains(document.activeElement)", uid)
        assert page.eval_on_selector_all(
            f"#{uid} input:checked", "els => els.length") == 0
        assert page.eval_on_selector_all(
            f"#{uid} select", "els => els.filter(s => s.value !== '').length") == 0
        right = L.right_answer(data)
        _keyboard_answer(page, uid, data, right)
        got = _feedback(page, uid)
        assert got.startswith("✓ Correct"), (uid, got)
        assert got == _expected(data, right), uid
    assert page.locator(".ms-quiz__score").inner_text() == (
        "Score: 5 of 5 answered correctly; confidence-weighted score 10 of a possible 15")


def test_mouse_wrong_then_right_then_show_answer(page, questions):
    for uid, data in questions:
        wrong = _first_wrong(data)
        _mouse_answer(page, uid, data, wrong)
        assert _feedback(page, uid) == _expected(data, wrong)
        page.click(f"#{uid} button[data-action='retry']")
        right = L.right_answer(data)
        _mouse_answer(page, uid, data, right)
        assert _feedback(page, uid) == _expected(data, right)
        page.click(f"#{uid} button[data-action='reveal']")
        shown = _feedback(page, uid)
        assert shown == _text(KINDS[data["kind"]].reveal(data).text())
        for text in L.explanations(data):
            assert _text(text) in shown
    assert page.locator(".ms-quiz__score").inner_text() == (
        "Score: 5 of 5 answered correctly; confidence-weighted score 10 of a possible 15")


def test_check_without_an_answer_asks_for_one(page, questions):
    uid, data = questions[0]
    page.click(f"#{uid} button[data-action='check']")
    assert _feedback(page, uid) == _expected(data, None)


@pytest.mark.parametrize("level", LEVELS)
def test_keyboard_confidence_at_each_level_for_every_kind(page, questions, level):
    points = {"low": (1, 0), "medium": (2, -2), "high": (3, -6)}[level]
    total = 0
    for uid, data in questions:
        wrong = _first_wrong(data)
        _keyboard_answer(page, uid, data, wrong, level)
        got = _feedback(page, uid)
        assert got == _expected(data, wrong, level), uid
        shown = f"+{points[1]}" if points[1] > 0 else str(points[1])
        assert f"How sure you were: {level}. Points for this answer: {shown} " in got
        sure = MESSAGES["confident_error"] in got
        assert sure == (level == "high"), (uid, got)
        if sure:  # the marked line comes straight after the headline, before the why
            assert got.splitlines()[1] == MESSAGES["confident_error"]
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # Try again clears the answer and how sure
        assert page.eval_on_selector_all(f"#{uid} input:checked", "els => els.length") == 0
        _keyboard_answer(page, uid, data, L.right_answer(data), level)
        got = _feedback(page, uid)
        assert got == _expected(data, L.right_answer(data), level), uid
        assert f"Points for this answer: +{points[0]} " in got and MESSAGES["confident_error"] not in got
        total += points[0]
    assert page.locator(".ms-quiz__score").inner_text() == (
        f"Score: 5 of 5 answered correctly; confidence-weighted score {total} of a possible 15")


def test_check_without_how_sure_asks_for_it(page, questions):
    uid, data = questions[0]
    _keyboard_answer(page, uid, data, L.right_answer(data), level=None)
    got = _feedback(page, uid)
    assert got == _text(MESSAGES["incomplete"] + "\n" + MESSAGES["choose_confidence"])
    assert page.get_attribute(f"#{uid}", "data-state") is None
    assert page.locator(".ms-quiz__score").inner_text() == "Score: 0 of 5 answered correctly"


def test_feedback_region_is_polite_live_and_focus_is_visible(page, questions):
    uid, _ = questions[0]
    assert page.get_attribute(f"#{uid} .ms-quiz__feedback", "aria-live") == "polite"
    assert page.get_attribute(f"#{uid} .ms-quiz__feedback", "role") == "status"
    page.focus(f"#{uid} button[data-action='check']")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_print_hides_buttons_and_feedback_and_empties_the_boxes(page, questions):
    """A quiz page printed from the browser (the worksheet edition is print.html): no
    buttons or feedback, the options as empty boxes, the menus show what was chosen."""
    uid, data = questions[0]
    _mouse_answer(page, uid, data, L.right_answer(data))
    page.emulate_media(media="print")
    assert not page.locator(f"#{uid} .ms-quiz__buttons").is_visible()
    assert not page.locator(f"#{uid} .ms-quiz__feedback").is_visible()
    appearance = page.evaluate("uid => getComputedStyle(document.querySelector("
                               "`#${uid} .ms-quiz__controls input`)).appearance", uid)
    assert appearance == "none"
    order_uid = next(u for u, d in questions if d["kind"] == "ordering")
    assert page.locator(f"#{order_uid} .ms-quiz__controls select").first.is_visible()
    page.emulate_media(media="screen")


@pytest.mark.parametrize("variant", ["student", "instructor"])
def test_axe_wcag21_aa_with_feedback_shown(browser, course, tmp_path, variant, questions):
    html = tmp_path / f"quiz-{variant}.html"
    html.write_text(offline_quiz_page(course, SECTION, variant=variant), encoding="utf-8")
    pg = browser.new_page()
    try:
        pg.goto(html.as_uri())
        uid0, data0 = questions[0]
        _mouse_answer(pg, uid0, data0, _first_wrong(data0))          # a wrong answer + pathway
        pg.click(f"#{questions[1][0]} button[data-action='reveal']")   # a revealed answer
        uid2, data2 = questions[2]
        _mouse_answer(pg, uid2, data2, L.right_answer(data2))          # a right answer
        problems = axe_violations(pg)
        assert not problems, problems
    finally:
        pg.close()


def test_instructor_key_is_drawn_from_the_data_with_every_explanation(browser, course, tmp_path,
                                                                       questions):
    """The instructor copy shows each question's answer without a click: quiz.js draws it from
    the question's data, line for line what Python's reveal gives, outside any live region."""
    html = tmp_path / "quiz-instructor.html"
    html.write_text(offline_quiz_page(course, SECTION, variant="instructor"), encoding="utf-8")
    pg = browser.new_page()
    try:
        pg.goto(html.as_uri())
        for uid, data in questions:
            key = pg.locator(f"#{uid} .ms-quiz__key")
            assert key.is_visible()
            shown = " ".join(key.inner_text().split())
            want = " ".join(KINDS[data["kind"]].reveal(data).text().split())
            assert shown == " ".join([MESSAGES["answer_key"], want]), uid
            assert key.locator("[role=status], [aria-live]").count() == 0
        assert pg.locator(".ms-quiz__feedback .ms-feedback").count() == 0  # nothing answered
    finally:
        pg.close()
