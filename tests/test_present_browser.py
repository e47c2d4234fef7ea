"""The offline presenter view (instructor handouts, present.html), driven by keyboard only.

Built from the fixture course; opened from file:// in Chromium. An educator moves between
questions, counts hands per option with the number keys, starts a re-vote, reveals the
answer, and types a count; the Plotly chart and its text alternative follow every step.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course  # noqa: E402
from widgets.handouts import build_handouts  # noqa: E402

SECTION = "nerve-damage"

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")


from conftest import require_chromium as _require_chromium  # noqa: E402


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    out = build_handouts(content=L.FIXTURE_CONTENT, out=tmp_path_factory.mktemp("present"),
                         variant="instructor")
    return out / "instructor" / "present.html"


@pytest.fixture(scope="module")
def page(page_path, browser):
    _require_chromium()
    pg = browser.new_page(viewport={"width": 1280, "height": 720})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(page_path.resolve().as_uri() + f"#{SECTION}")
    pg.wait_for_function("() => document.querySelector('#present-chart .main-svg')")
    pg.errors = errors
    yield pg
    pg.close()


def _visible_card(page):
    return page.locator(".present-q:not([hidden])")


def _bars(page):
    return page.evaluate("() => document.getElementById('present-chart').data.map(t => t.y.slice())")


def _counts(page, r):
    return page.evaluate(f"() => Array.from(document.querySelectorAll('#present-tally-rows "
                         f"input[data-round=\"{r}\"]')).map(i => parseInt(i.value, 10))")


def test_keyboard_session(page):
    course = load_course(L.FIXTURE_CONTENT)
    qs = course.quiz(SECTION).questions
    card = _visible_card(page)
    assert card.count() == 1
    assert "Question 1 of 5" in card.inner_text()
    assert qs[0].prompt in card.locator(".present-prompt").inner_text()
    notes = page.locator(".present-notes:not([hidden])")
    assert "pins and needles" in notes.inner_text() and "ectopic impulses" in notes.inner_text()
    # next and back
    page.keyboard.press("ArrowRight")
    assert "Question 2 of 5" in _visible_card(page).inner_text()
    page.keyboard.press("p")
    assert "Question 1 of 5" in _visible_card(page).inner_text()
    # show of hands: 2 for B, 1 for A
    n = len(qs[0].options)
    for key in ("2", "2", "1"):
        page.keyboard.press(key)
    assert _counts(page, 0) == [1, 2] + [0] * (n - 2)
    assert _bars(page) == [[1, 2] + [0] * (n - 2)]
    assert "Round 1: A 1, B 2" in page.inner_text("#present-chart-text")
    # nothing given away yet
    assert _visible_card(page).locator(".present-answer").is_hidden()
    # re-vote: round 2 beside round 1
    page.keyboard.press("v")
    assert page.locator('button[data-act="revote"]').is_disabled()
    page.keyboard.press("1")
    assert _bars(page) == [[1, 2] + [0] * (n - 2), [1] + [0] * (n - 1)]
    assert page.evaluate("() => document.getElementById('present-chart').data[1].marker.pattern.shape") == "/"
    # reveal: every explanation, the right option marked in words
    page.keyboard.press("r")
    answer = _visible_card(page).locator(".present-answer")
    assert answer.is_visible()
    for o in qs[0].options:
        assert o.explanation in answer.inner_text()
    card = _visible_card(page)
    rights = card.locator(".present-right:visible")
    assert rights.count() == sum(o.correct for o in qs[0].options)
    # typing a count in round 2 (Tab to the field): letters typed there do not navigate
    page.focus('#present-tally-rows input[data-round="1"][data-option="1"]')
    page.keyboard.press("Control+a")
    page.keyboard.type("5")
    page.keyboard.press("n")
    assert "Question 1 of 5" in _visible_card(page).inner_text()
    assert _bars(page)[1][1] == 5
    page.keyboard.press("Escape")
    # the tally stays with its question
    page.keyboard.press("n")
    assert _bars(page) == [[0] * len(_counts(page, 0))]
    page.keyboard.press("ArrowLeft")
    assert _bars(page)[0][:2] == [1, 2] and _bars(page)[1][1] == 5
    assert page.errors == []


def test_sections_by_keyboard_and_buttons(page):
    page.focus("#present-section")
    page.keyboard.press("ArrowDown")
    card = _visible_card(page)
    assert "Question 1 of" in card.inner_text()
    section = page.evaluate("() => document.getElementById('present-section').value")
    assert card.get_attribute("data-section") == section != SECTION
    # the buttons work by keyboard too (Tab to Next, Enter)
    page.focus('button[data-act="next"]')
    if not page.locator('button[data-act="next"]').is_disabled():
        page.keyboard.press("Enter")
        assert "Question 2 of" in _visible_card(page).inner_text()
    assert page.errors == []


def _plain(html: str) -> str:
    import html as _html
    import re

    return " ".join(_html.unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.fixture(params=["fixture", "course"])
def every_card(request, page_path):
    """(present.html, its course): the fixture course's and the real course's."""
    if request.param == "fixture":
        return page_path, load_course(L.FIXTURE_CONTENT)
    built = request.getfixturevalue("built_handouts")
    return built / "instructor" / "present.html", load_course()


def test_every_card_shows_and_reveals_what_the_python_view_does(every_card, browser):
    """Each option's text is written once on the page (present.js fills in the rest): every
    card, before and after reveal, reads exactly the live view's words: the options in the
    presented order, the reveal's every explanation (widgets.quiz kinds' ``reveal``), the
    right options marked "✓ right answer" in words and only after reveal, the tally labelled
    with widgets.tally's labels. Walked by keyboard, every section, every question."""
    from widgets.present_page import LABELS
    from widgets.quiz.kinds import KINDS
    from widgets.quiz.offline import HANDOUT_LEARNER
    from widgets.quiz.section_quiz import present_question
    from widgets.tally import LETTERS, right_labels, short_labels, tally_labels

    _require_chromium()
    page_path, course = every_card
    kinds = set()
    pg = browser.new_page(viewport={"width": 1280, "height": 720})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(page_path.resolve().as_uri())
    pg.wait_for_function("() => document.querySelector('#present-chart .main-svg')")
    seen, revealed = 0, set()
    try:
        for section in course.sections:
            qs = course.quiz(section.id).questions
            if not qs:
                continue
            pg.select_option("#present-section", section.id)
            pg.focus("body")
            for n, q in enumerate(qs, start=1):
                data = present_question(course, q, learner=HANDOUT_LEARNER)
                kinds.add(data["kind"])
                card = _visible_card(pg)
                assert card.get_attribute("data-question") == q.id
                assert card.get_attribute("aria-label") == LABELS["question"].format(n=n, total=len(qs))
                options = card.locator(".present-options > li")
                labels = tally_labels(data)
                if q.id not in revealed:  # (a question in two quizzes keeps its state)
                    if data["kind"] not in ("ordering", "matching"):
                        assert [" ".join(t.split()) for t in options.all_inner_texts()] == labels
                    assert card.locator(".present-answer").is_hidden()
                    assert card.locator(".present-right:visible").count() == 0
                rows = pg.locator("#present-tally-rows th")
                assert rows.all_text_contents() == short_labels(data)
                assert [rows.nth(i).get_attribute("title") for i in range(rows.count())] == labels
                fields = pg.locator('#present-tally-rows input[data-round="0"]')
                assert [fields.nth(i).get_attribute("aria-label") for i in range(fields.count())] \
                    == [f'{LABELS["round1"]}, {LABELS["hands"]}: {l}' for l in labels]
                pg.keyboard.press("r")
                answer = card.locator(".present-answer")
                assert answer.is_visible()
                reveal = KINDS[data["kind"]].reveal(data).to_html(inline_style=False)
                assert " ".join(answer.text_content().split()) == _plain(reveal), q.id
                # the same elements as the live view's reveal (its live region aside: the
                # stage around the cards is one)
                same = answer.evaluate("(el, html) => { const t = document.createElement('div');"
                                       " t.innerHTML = html; return t.innerHTML === el.innerHTML; }",
                                       reveal.replace(' role="status"', ""))
                assert same, q.id
                assert card.locator("[data-o]").count() == 0
                marked = [i for i in range(options.count())
                          if options.nth(i).locator(".present-right:visible").count()]
                if data["kind"] not in ("ordering", "matching"):
                    assert marked == right_labels(data), q.id
                    assert options.locator(".present-letter").all_inner_texts() == \
                        [f"{LETTERS[i]}." for i in range(len(labels))]
                    shown = [" ".join(t.split()) for t in options.all_inner_texts()]
                    assert shown == [l + (f' ({LABELS["right"]})' if i in marked else "")
                                     for i, l in enumerate(labels)], q.id
                assert pg.locator(".present-right").count() >= len(marked)
                seen += 1
                revealed.add(q.id)
                pg.keyboard.press("n")
    finally:
        pg.close()
    assert seen == sum(len(course.quiz(s.id).questions) for s in course.sections)
    assert kinds == set(KINDS)
    assert errors == []
