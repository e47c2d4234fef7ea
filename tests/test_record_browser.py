"""Handouts that remember, in Debian's Chromium from ``file://``: answers kept in
localStorage and restored on reload (also after a rebuild), the index dashboard, Export /
Erase / Import, a JupyterLab progress file imported showing the same scores, and storage
that is blocked or full leaving a working quiz and one notice.

The fixture course (tests/fixtures/quiz) is built once; every test gets a fresh browser
context (empty storage) with the clock fixed at ``NOW``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, axe_violations, require_chromium  # noqa: E402
from widgets import schedule  # noqa: E402
from widgets.course import load_course  # noqa: E402
from widgets.dashboard import _status, section_scores  # noqa: E402
from widgets.handouts import build_handouts  # noqa: E402
from widgets.progress import ProgressStore  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402
from widgets.quiz.offline import HANDOUT_LEARNER  # noqa: E402
from widgets.quiz.record import MESSAGES  # noqa: E402
from widgets.quiz.section_quiz import present_question  # noqa: E402

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra: "
                               "pip install -e .[test]")
pytestmark = pytest.mark.browser

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.timezone.utc)
TODAY = NOW.date()
SECTION = "nerve-damage"
PAGE = "01-nerve-damage.html"
KEY = "ms-leg-pain:"


def _axe(t) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations (its own file:// fetch errors are not the page's)."""
    pg, before = t.page, len(t.errors)
    violations = axe_violations(pg)
    pg.wait_for_timeout(100)
    del t.errors[before:]
    return violations


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = build_handouts(L.FIXTURE_CONTENT, out=tmp_path_factory.mktemp("handouts"),
                         variant="student")
    return out / "student"


@pytest.fixture(scope="module")
def questions(course):
    """(uid, presented data) of the section's quiz, as the handout page shows them."""
    return [(f"quiz-{SECTION}-{q.id}", present_question(course, q, learner=HANDOUT_LEARNER))
            for q in course.quiz(SECTION).questions]


# the browser: one Chromium for the whole suite (tests/conftest.py)


class Tab:
    """A fresh browser context (its own empty storage) with a fixed clock; errors recorded."""

    def __init__(self, context, site: Path):
        self.context, self.site = context, site
        self.context.clock.set_fixed_time(NOW)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, name: str):
        self.page.goto((self.site / name).as_uri(), wait_until="load")
        return self.page

    def storage(self) -> dict:
        return self.page.evaluate(
            "k => Object.fromEntries(Object.keys(localStorage).filter(x => x.startsWith(k))"
            ".map(x => [x.slice(k.length), JSON.parse(localStorage.getItem(x))]))", KEY)


@pytest.fixture
def tab(browser, site):
    context = browser.new_context(timezone_id="UTC", accept_downloads=True)
    t = Tab(context, site)
    yield t
    assert not t.errors, t.errors
    context.close()


def _answer(pg, uid, data, answer, level: str = "high") -> None:
    L.click_answer(pg, uid, data, answer, level)


def _feedback(pg, uid) -> str:
    return re.sub(r"\s+", " ", pg.locator(f"#{uid} .ms-quiz__feedback").inner_text()).strip()


def _form(pg, uid) -> list:
    return pg.eval_on_selector_all(
        f"#{uid} .ms-quiz__controls input, #{uid} .ms-quiz__controls select",
        "els => els.map(e => e.tagName === 'SELECT' ? e.value : e.checked)")


def _answer_page(pg, questions, wrong: int) -> dict:
    """Answer every question, the first ``wrong`` ones wrongly; return uid -> feedback."""
    out = {}
    for i, (uid, data) in enumerate(questions):
        _answer(pg, uid, data, L.all_wrong(data)[0] if i < wrong else L.right_answer(data))
        out[uid] = _feedback(pg, uid)
    return out


def _score_rows(pg) -> list[list[str]]:
    return pg.eval_on_selector_all(
        ".ms-dashboard__table tbody tr",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))")


def test_answers_are_kept_restored_on_reload_and_survive_a_rebuild(tab, questions, course):
    pg = tab.open(PAGE)
    shown = _answer_page(pg, questions, wrong=2)
    assert shown[questions[0][0]].startswith("✗ Not quite")
    assert shown[questions[4][0]].startswith("✓ Correct")
    forms = {uid: _form(pg, uid) for uid, _ in questions}
    saved = tab.storage()
    assert set(saved) == {d["id"] for _, d in questions}      # keyed by question id
    wrong, right = saved[questions[0][1]["id"]], saved[questions[4][1]["id"]]
    assert (wrong["correct"], wrong["box"], wrong["due"], wrong["attempts"]) == \
        (False, 0, "2026-12-02", 1)
    assert (right["correct"], right["box"], right["due"]) == (True, 1, "2026-12-04")
    # the answer is kept as option texts, the same form as the JupyterLab progress file
    data = questions[0][1]
    assert data["kind"] == "single"
    assert wrong["answer"] == data["options"][L.all_wrong(data)[0]]["text"]
    matching = saved[questions[4][1]["id"]]["answer"]
    assert matching == [p["right"] for p in questions[4][1]["pairs"]]

    pg.reload(wait_until="load")
    for uid, _ in questions:
        assert _form(pg, uid) == forms[uid], uid
        assert _feedback(pg, uid) == shown[uid], uid
    assert pg.locator(f"#quiz-{SECTION} .ms-quiz__score").inner_text().startswith("Score: 3 of 5 answered correctly")
    assert pg.locator(".ms-record__notice").count() == 0

    # a learner checks again: attempts count up, the first check is kept
    uid, data = questions[0]
    pg.click(f"#{uid} button[data-action='retry']")
    _answer(pg, uid, data, L.right_answer(data))
    again = tab.storage()[data["id"]]
    assert again["attempts"] == 2 and again["first"]["correct"] is False
    assert (again["box"], again["due"]) == (0, "2026-12-02")  # right the same day: still tomorrow

    # a rebuilt handout (same folder, new files) keeps the answers
    build_handouts(L.FIXTURE_CONTENT, out=tab.site.parent, variant="student")
    pg.reload(wait_until="load")
    assert pg.locator(f"#quiz-{SECTION} .ms-quiz__score").inner_text().startswith("Score: 4 of 5 answered correctly")
    assert _feedback(pg, uid).startswith("✓ Correct")


def test_index_dashboard_export_erase_import(tab, questions, tmp_path):
    pg = tab.open(PAGE)
    _answer_page(pg, questions, wrong=1)
    pg = tab.open("index.html")
    assert pg.locator(".ms-dashboard__next").inner_text() == (
        "What to do next: finish the quiz of section 01, Nerve damage (4 of 5 answered correctly).")
    assert _score_rows(pg) == [["01 Nerve damage", "4 of 5", "in progress"],
                               ["02 Leg pain", "0 of 2", "not started"],
                               ["03 Review", "0 of 3", "in progress"]]  # shares the wrong one
    assert pg.locator(".ms-dashboard__due").inner_text() == \
        "No questions are due today. Next review: tomorrow (1 question)."

    with pg.expect_download() as download:
        pg.click("button[data-action='export']")
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == "ms-leg-pain-answers-2026-12-01.json"
    doc = json.loads(exported.read_text())
    assert doc["version"] == 2 and doc["course"] == "ms-leg-pain"
    assert doc["learners"]["learner"] == tab.storage()
    assert MESSAGES["exported"].split("{")[0] in pg.locator(".ms-dashboard__status").inner_text()
    # the export is a progress file: JupyterLab reads it as it is
    store = ProgressStore(exported)
    assert store.score([d["id"] for _, d in questions], "learner").correct == 4

    pg.click("button[data-action='erase']")
    confirm = pg.locator(".ms-dashboard__confirm")
    assert confirm.is_visible() and "cannot be undone" in confirm.inner_text()
    pg.click("button[data-action='erase-no']")                 # cancel keeps everything
    assert len(tab.storage()) == 5
    pg.click("button[data-action='erase']")
    pg.click("button[data-action='erase-yes']")
    assert tab.storage() == {}
    assert pg.locator(".ms-dashboard__status").inner_text() == MESSAGES["erased"]
    assert [r[1] for r in _score_rows(pg)] == ["0 of 5", "0 of 2", "0 of 3"]
    pg = tab.open(PAGE)                                         # the page is fresh
    assert pg.locator(f"#quiz-{SECTION} .ms-quiz__score").inner_text().startswith("Score: 0 of 5 answered correctly")
    assert all(_feedback(pg, uid) == "" for uid, _ in questions)

    pg = tab.open("index.html")
    pg.set_input_files("#ms-import", str(exported))
    pg.wait_for_function("document.querySelector('.ms-dashboard__status').textContent !== ''")
    assert pg.locator(".ms-dashboard__status").inner_text() == \
        f"5 answers imported from {exported.name}."
    assert [r[1] for r in _score_rows(pg)] == ["4 of 5", "0 of 2", "0 of 3"]
    pg = tab.open(PAGE)                                         # and they are back
    assert pg.locator(f"#quiz-{SECTION} .ms-quiz__score").inner_text().startswith("Score: 4 of 5 answered correctly")


def test_a_jupyterlab_progress_file_shows_the_same_scores(tab, course, tmp_path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    with schedule.fixed_today(TODAY - dt.timedelta(days=2)):
        for section, wrong in (("nerve-damage", 2), ("leg-pain", 1)):
            box = quiz_widget(course, section, learner="ana", store=store)
            for i, v in enumerate(box.questions):   # a learner answers in JupyterLab
                L.choose(v, L.all_wrong(v.data)[0] if i < wrong else L.right_answer(v.data))
                if hasattr(v, "confidence"):
                    v.confidence.value = "high"
                v.check_button.click()
    expected = [[f"{s.number} {s.title}", f"{sc.correct} of {sc.total}", _status(sc)]
                for s, sc in section_scores(course, store, "ana")]
    pg = tab.open("index.html")
    pg.set_input_files("#ms-import", str(path))
    pg.wait_for_function("document.querySelector('.ms-dashboard__status').textContent !== ''")
    assert pg.locator(".ms-dashboard__status").inner_text() == \
        "7 answers imported from progress.json."
    assert _score_rows(pg) == expected
    # answered wrongly two days ago: due (overdue) today, each linked to where it is asked;
    # the right ones are due tomorrow
    due = pg.locator(".ms-dashboard__due-list li")
    assert pg.locator(".ms-dashboard__due").inner_text().startswith("3 questions due today")
    assert due.count() == 3
    href = due.first.locator("a").get_attribute("href")
    assert href.startswith(f"{PAGE}#quiz-{SECTION}-")
    schedule_rows = pg.eval_on_selector_all(
        ".ms-dashboard__schedule tbody tr",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))")
    assert schedule_rows == [["Today", "3 questions"], ["Tomorrow", "4 questions"]]
    # the JupyterLab answers appear on the handout page itself (its shuffle differs), the
    # due ones marked; answering one takes its mark away
    pg = tab.open(PAGE)
    assert pg.locator(f"#quiz-{SECTION} .ms-quiz__score").inner_text().startswith("Score: 3 of 5 answered correctly")
    marked = pg.eval_on_selector_all(".ms-record__due", "els => els.map(e => e.closest("
                                     "'fieldset').dataset.question)")
    assert marked == [q.id for q in course.quiz(SECTION).questions[:2]]
    assert pg.locator(".ms-record__due").first.inner_text() == MESSAGES["due_marker"]
    uid = f"quiz-{SECTION}-{marked[0]}"
    data = present_question(course, course.question(marked[0]), learner=HANDOUT_LEARNER)
    pg.click(f"#{uid} button[data-action='retry']")
    _answer(pg, uid, data, L.right_answer(data))
    assert pg.locator(".ms-record__due").count() == 1
    assert tab.storage()[marked[0]]["due"] == "2026-12-04"


def test_calibration_due_list_and_refused_files(tab, course, tmp_path):
    entries = {
        "fx-single": {"answer": "x", "correct": True, "confidence": "high",
                      "saved": "2026-11-30T10:00:00+00:00", "box": 1, "due": "2026-12-03"},
        "fx-multiple": {"answer": ["x"], "correct": False, "confidence": "high",
                        "saved": "2026-11-30T10:00:00+00:00", "box": 0, "due": "2026-12-01"},
        "fx-truefalse": {"answer": True, "correct": True, "confidence": "low",
                         "saved": "2026-11-30T10:00:00+00:00", "box": 0, "due": "2026-12-01"},
    }
    good = tmp_path / "mine.json"
    good.write_text(json.dumps({"version": 2, "course": "ms-leg-pain",
                                "learners": {"ana": entries, "ben": {}}}))
    pg = tab.open("index.html")
    assert pg.locator(".ms-dashboard").inner_text().count(MESSAGES["calibration_none"]) == 1
    pg.set_input_files("#ms-import", str(good))
    pg.wait_for_function("document.querySelector('.ms-dashboard__status').textContent !== ''")
    assert pg.locator(".ms-dashboard__status").inner_text() == \
        "3 answers imported from mine.json (learner “ana”)."
    rows = pg.eval_on_selector_all(
        ".ms-dashboard__calibration tbody tr",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))")
    assert rows == [["Low: a guess", "1", "1 (100%)"], ["Medium: fairly sure", "0", "–"],
                    ["High: I am sure", "2", "1 (50%)"]]
    assert "Confidence-weighted score: -2 of a possible 9" in pg.locator(".ms-dashboard").inner_text()
    assert [r[1] for r in _score_rows(pg)] == ["2 of 5", "0 of 2", "1 of 3"]
    assert pg.locator(".ms-dashboard__due-list li").all_inner_texts() == [
        "Section 01, Nerve damage: " + course.question(q).prompt for q in ("fx-multiple", "fx-truefalse")]
    pg.click("button[data-action='erase']")                   # the confirm step shown too
    pg.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert _axe(tab) == []
    pg.click("button[data-action='erase-no']")

    for name, doc, words in (
            ("newer.json", {"version": 3, "learners": {}}, "newer release of the course (format version 3"),
            ("other.json", {"version": 2, "course": "other", "learners": {"a": {}}}, "another course (other)"),
            ("notes.json", "not json at all", "it is not a progress file (not JSON)")):
        f = tmp_path / name
        f.write_text(doc if isinstance(doc, str) else json.dumps(doc))
        pg.set_input_files("#ms-import", str(f))
        pg.wait_for_function(f"document.querySelector('.ms-dashboard__status').textContent.includes('{name}')")
        status = pg.locator(".ms-dashboard__status").inner_text()
        assert words in status and status.endswith("Nothing was imported."), status
    assert len(tab.storage()) == 3


def test_record_js_is_on_quiz_pages_and_the_index_only(site):
    def scripts(name):
        return re.findall(r'<script src="assets/([a-z.-]+)"', (site / name).read_text("utf-8"))
    assert scripts(PAGE) == ["pathway-map.js", "quiz.js", "record.js"]  # the hint minimap's pathway
    assert scripts("index.html") == ["record.js", "dashboard.js"]
    assert scripts("glossary.html") == []


def _blocked_context(tmp_path):
    """A Chromium profile whose settings block site storage (as a locked-down browser does)."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}))
    return profile


def _works_with_one_notice(t: Tab, questions, words: str):
    pg = t.open(PAGE)
    assert pg.locator(".ms-record__notice").count() == 1
    assert pg.locator(".ms-record__notice").inner_text() == words
    assert pg.evaluate("document.querySelector('.ms-record__notice').nextElementSibling"
                       ".matches('section.ms-quiz')")  # where the learner answers
    shown = _answer_page(pg, questions, wrong=1)
    assert shown[questions[0][0]].startswith("✗ Not quite")
    assert shown[questions[1][0]].startswith("✓ Correct")
    assert pg.locator(f"#quiz-{SECTION} .ms-quiz__score").inner_text().startswith("Score: 4 of 5 answered correctly")
    assert pg.locator(".ms-record__notice").count() == 1      # still one line after answering
    assert _axe(t) == []
    pg = t.open("index.html")                                  # the index still draws
    assert pg.locator(".ms-record__notice").count() == 1
    assert pg.locator(".ms-dashboard__table").count() == 1


def test_storage_blocked_in_the_browser_leaves_a_working_quiz_and_one_notice(
        browser, site, questions, tmp_path):
    context = browser.browser_type.launch_persistent_context(
        str(_blocked_context(tmp_path)), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
        headless=True, timezone_id="UTC")
    try:
        t = Tab(context, site)
        t.open(PAGE)
        blocked = t.page.evaluate("() => { try { localStorage.length; return false; } "
                                  "catch (e) { return e.name; } }")
        assert blocked == "SecurityError"  # the browser really refuses storage
        _works_with_one_notice(t, questions, MESSAGES["blocked"])
        assert not t.errors, t.errors
    finally:
        context.close()


def test_storage_full_keeps_answers_of_the_visit_with_one_notice(browser, site, questions):
    context = browser.new_context(timezone_id="UTC")
    context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };""")
    t = Tab(context, site)
    _works_with_one_notice(t, questions, MESSAGES["full"])
    assert not t.errors, t.errors
    context.close()


def test_the_handout_follows_the_same_review_plan_as_jupyterlab(browser, site):
    """Checks on several days, through quiz.js's event: record.js's box and due equal
    widgets.schedule.plan's for the same answers (a fresh context per day, one storage)."""
    steps = [(0, True, "high"), (1, True, "high"), (3, True, None), (10, True, "medium"),
             (31, True, "high"), (52, True, "low"), (53, False, "high"), (54, True, "high")]
    context = browser.new_context(timezone_id="UTC")
    pg = context.new_page()
    old = None
    try:
        for day, correct, confidence in steps:
            when = NOW + dt.timedelta(days=day)
            context.clock.set_fixed_time(when)
            pg.goto((site / PAGE).as_uri(), wait_until="load")
            pg.evaluate("""d => document.querySelector('[data-question="fx-single"]').dispatchEvent(
                new CustomEvent('mscourse:answer', {bubbles: true, detail: d}))""",
                        {"id": "fx-single", "section": SECTION, "answer": "x", "correct": correct,
                         "confidence": confidence, "score": None})
            got = pg.evaluate("JSON.parse(localStorage.getItem('ms-leg-pain:fx-single'))")
            want = schedule.plan(old, correct, confidence, on=when.date())
            assert {"box": got["box"], "due": got["due"]} == want, (day, got, want)
            old = got
        assert got["attempts"] == len(steps) and got["first"]["confidence"] == "high"
    finally:
        context.close()
