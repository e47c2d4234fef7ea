"""Every handout page in Debian's Chromium, opened from ``file://``, visited once with all
its checks (the session's one browser and one build: tests/conftest.py).

On every page: nothing leaves the machine (every non-``file:`` request is blocked and
recorded), no console errors, every diagram drawn as SVG by the handouts' basic plotly.js,
every table with a caption and headers, one h1, the language, and axe-core finds no WCAG
2.1 A/AA violation (run last, after the interactions below, so feedback and highlighted
states are checked too). On the student pages also: the skip link (first section page
with diagrams), each diagram's caption, the pathway's highlight dropdown and the
step-through slider driven by the mouse (with screenshots in build/screens/), and a quiz
question answered by keyboard that reads back exactly the grader's feedback. Then the
hostile-content build in the browser, and the two PDFs.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, axe_violations, need, require_chromium
from widgets.course import load_course
from widgets.handouts import build as hb
from widgets.handouts import print_pdfs

pytestmark = pytest.mark.browser

PLOTS_DRAWN = ("() => Array.from(document.querySelectorAll('.handout-plot'))"
               ".every(d => d.querySelector('.main-svg'))")
SCREENS = ROOT / "build" / "screens"


def _page_names() -> list[tuple[str, str]]:
    try:
        course = load_course()
    except Exception:  # noqa: BLE001 - a broken course fails in test_course.py instead
        return []
    return [(v, name) for v in hb.VARIANTS for name in hb.Handouts(course, v).pages()]


PAGES = _page_names()
SECTION_PAGE = re.compile(r"\d\d-.+\.html$")


class Visit:
    """One page opened from disk, with everything that went wrong recorded."""

    def __init__(self, browser, path: Path, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:"))
                     else self.outside.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.goto(path)

    def goto(self, path: Path) -> None:
        """Open ``path`` in this visit's page; what went wrong stays recorded, so anything
        that happens while leaving one page shows up with the next."""
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        self.page.wait_for_function(PLOTS_DRAWN, timeout=30_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def axe(self) -> list[str]:
        return axe_violations(self.page)

    def close(self):
        self.context.close()


# -- the checks a page gets ------------------------------------------------------------
def check_basics(visit: Visit) -> None:
    page = visit.page
    assert visit.outside == [], "requests that left the machine"
    assert visit.errors == [], "console errors"
    assert page.evaluate("() => document.querySelectorAll('.handout-plot:not(:has(.main-svg))')"
                         ".length") == 0
    assert page.locator("h1").count() == 1
    assert page.evaluate("() => document.documentElement.lang") == "en-GB"
    for table in page.locator(".handout-table table").all():  # a table, not a picture of one
        assert table.locator("caption").inner_text().strip()
        assert table.locator("thead th[scope=col]").count() >= 2
        assert table.locator("tbody th[scope=row]").count() == table.locator("tbody tr").count()


def check_skip_link(page) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def check_captions(page) -> None:
    for fig in page.locator("figure.handout-figure").all():
        caption = fig.locator("figcaption")
        assert caption.locator(".handout-figure-title").inner_text().strip()
        assert len(caption.locator(".handout-figure-alt").inner_text()) > 40
        caption.scroll_into_view_if_needed()
        assert caption.is_visible()


def check_pathway_dropdown(page, div_id: str, pathway) -> None:
    """Choose a pain type in the dropdown: exactly its causal chain stays opaque (the
    nodes are one trace: each node's opacity is its marker.opacity times the trace's)."""
    from widgets.figures.pathway import NODES, trace_ids

    plot = page.locator(f"#{div_id}")
    plot.scroll_into_view_if_needed()
    text = plot.inner_text()
    for node in pathway.nodes:
        assert node.label.split()[0] in text, f"label of {node.id} not drawn"
    pain = next(p for p in pathway.pain_types if p.node == "lhermitte")
    plot.locator(".updatemenu-header-group").first.click()
    plot.locator(".updatemenu-item-text", has_text=pain.label).first.click()
    chain = pathway.causal_chain("lhermitte")
    nodes = trace_ids(pathway).index(NODES)
    node_ops = """([id, t]) => { const d = document.getElementById(id)._fullData[t];
        return d.marker.opacity.map ? d.marker.opacity.map(o => o * d.opacity) : null; }"""
    page.wait_for_function(f"(a) => ({node_ops})(a) !== null", arg=[div_id, nodes])
    ops = page.evaluate(node_ops, [div_id, nodes])
    for node, op in zip(pathway.nodes, ops):
        if node.id in chain:
            assert op == 1, node.id
        else:
            assert op < 0.5, node.id
    SCREENS.mkdir(parents=True, exist_ok=True)
    plot.screenshot(path=str(SCREENS / "pathway-lhermitte.png"))


def check_steps_slider(page, div_id: str, pathway) -> None:
    """Click the slider's end with the mouse: the last stage and its caption show."""
    plot = page.locator(f"#{div_id}")
    plot.scroll_into_view_if_needed()
    n = len(pathway.stages)
    assert f"Stage 1 of {n}" in plot.inner_text()
    rail = plot.locator(".slider-rail-touch-rect").first.bounding_box()
    page.mouse.click(rail["x"] + rail["width"] - 3, rail["y"] + rail["height"] / 2)
    page.wait_for_function(
        "([id, n]) => document.getElementById(id)._fullLayout.sliders[0].active === n - 1",
        arg=[div_id, n])
    page.wait_for_function("([id, t]) => document.getElementById(id).innerText.includes(t)",
                           arg=[div_id, f"Stage {n} of {n}"])
    SCREENS.mkdir(parents=True, exist_ok=True)
    plot.screenshot(path=str(SCREENS / "pathway-steps.png"))


def _text(s: str) -> str:
    """Feedback text with layout whitespace folded, to compare page and Python."""
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in s.splitlines() if line.strip())


def _tab_to(page, q, focused_js: str, what: str, presses: int = 40) -> None:
    """Press Tab until ``focused_js`` (run on the question) is true; fail if it never is."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if q.evaluate(focused_js):
            return
    pytest.fail(f"{what} cannot be reached with Tab")


def check_quiz_by_keyboard(visit: Visit) -> None:
    """Answer the page's first choice question by keyboard only: the feedback that is read
    out is exactly the Python grader's for that answer."""
    import json

    from widgets.quiz.base import with_confidence
    from widgets.quiz.kinds import KINDS

    page = visit.page
    q = page.locator('.ms-quiz-question:is([data-kind="single"], [data-kind="truefalse"], '
                     '[data-kind="multiple"])').first
    data = json.loads(q.locator("script.ms-quiz-data").text_content())
    answer = {"single": 0, "truefalse": True, "multiple": [0]}[data["kind"]]
    q.locator(".ms-quiz__controls input").first.focus()
    page.keyboard.press("Space")
    assert q.evaluate("q => q.querySelectorAll('input:checked').length") == 1
    _tab_to(page, q, "q => document.activeElement === q.querySelector('.ms-quiz__confidence input')",
            "How sure are you?")
    page.keyboard.press("Space")  # low
    _tab_to(page, q, "q => document.activeElement === q.querySelector('[data-action=check]')",
            "the Check button")
    page.keyboard.press("Enter")
    feedback = q.locator(".ms-quiz__feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=feedback.element_handle())
    graded = with_confidence(KINDS[data["kind"]].grade(data, answer), "low")
    assert _text(feedback.inner_text()) == _text(graded.text())


@pytest.fixture(scope="module")
def first_figure_page(course) -> str:
    return next(hb.page_name(s) for s in course.sections if course.figures.get(s.id))


@pytest.mark.parametrize("variant,name", PAGES, ids=[f"{v}/{n}" for v, n in PAGES])
def test_page_in_chromium(browser, built_handouts, course, first_figure_page, variant, name):
    visit = Visit(browser, built_handouts / variant / name, viewport={"width": 1000, "height": 900})
    try:
        check_basics(visit)
        page = visit.page
        if variant == "student" and SECTION_PAGE.match(name):
            if name == first_figure_page:
                check_skip_link(page)
            check_captions(page)
            for div_id in page.evaluate("() => [...document.querySelectorAll('.handout-plot')]"
                                        ".map(d => d.id)"):
                if div_id.endswith("-pathway"):
                    check_pathway_dropdown(page, div_id, course.pathway)
                elif div_id.endswith("-pathway-steps"):
                    check_steps_slider(page, div_id, course.pathway)
            if course.quiz(name[3:-5]).questions:
                check_quiz_by_keyboard(visit)
            assert visit.errors == []
        violations = visit.axe()
        assert violations == [], "\n".join(violations)
    finally:
        visit.close()


def test_the_pathway_checks_ran_on_real_pages(course):
    """The dropdown and slider checks above are tied to figure ids; make sure both exist."""
    ids = {f"fig-{s.number}-{name.replace('_', '-')}" for s in course.sections
           for name in course.figures.get(s.id, [])}
    assert any(i.endswith("-pathway") for i in ids)
    assert any(i.endswith("-pathway-steps") for i in ids)


# -- figures: one spec per folder, drawn on screen and on paper ---------------------------
def test_print_page_draws_each_shared_spec_as_its_paper_copy(browser, built_handouts, course):
    """print.html draws every figure from the spec its section page loads
    (assets/<figure id>.js), as figures.js's paper copy: the same figure as
    FigureBlock.for_print (bar the points _straighten drops, which only saves bytes), so
    no slider, dropdown, hover text or screen-only note reaches the PDF."""
    from widgets.figures.base import SCREEN_ONLY
    from widgets.handouts.figures import _straighten

    handouts = hb.Handouts(course, "student")
    expected = {f.div_id: json.loads(f.for_print().spec_json) for s in course.sections
                for f in handouts.parts(s).figures if f.spec_json}
    visit = Visit(browser, built_handouts / "student" / "print.html")
    try:
        page = visit.page
        assert visit.errors == [] and visit.outside == []
        ids = page.evaluate("() => [...document.querySelectorAll('.handout-plot')].map(d => d.id)")
        assert sorted(ids) == sorted(expected)
        for div_id in ids:
            paper = page.evaluate("id => MSFigures.paper(window.MS_FIGURES[id])", div_id)
            for trace in paper["data"]:
                _straighten(trace)
            assert paper == expected[div_id], div_id
            screen = page.evaluate("id => window.MS_FIGURES[id]", div_id)  # left whole
            notes = [a["text"] for a in screen["layout"].get("annotations", [])
                     if a.get("name") == SCREEN_ONLY]
            drawn = page.evaluate(
                "id => [document.getElementById(id).querySelectorAll('.slider-container, "
                ".updatemenu-container').length, document.getElementById(id).textContent]", div_id)
            assert drawn[0] == 0, div_id
            assert not any(" ".join(n.split())[:30] in " ".join(drawn[1].split()) for n in notes)
        assert any("frames" in page.evaluate("id => window.MS_FIGURES[id]", i) for i in ids)
    finally:
        visit.close()


# -- hostile content in a real browser --------------------------------------------------------
@pytest.mark.parametrize("variant", hb.VARIANTS)
def test_injected_pages_run_nothing_and_fetch_nothing(browser, injected_handouts, variant):
    pages = sorted((injected_handouts / variant).glob("*.html"))
    visit = Visit(browser, pages[0])  # one page, navigated from handout to handout
    labels = 0  # the salted pathway labels, from the figure assets, drawn as text
    try:
        for page in pages:
            if page != pages[0]:
                visit.goto(page)
            # hover and click everything a payload could have hung a handler on
            visit.page.evaluate("() => document.querySelectorAll('a, b, svg, .term')"
                                ".forEach(el => { el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })")
            assert visit.dialogs == [], page.name
            assert visit.outside == [], page.name
            assert visit.errors == [], page.name
            assert visit.page.evaluate("() => document.querySelectorAll('img, iframe, form').length") == 0
            labels += visit.page.evaluate("() => [...document.querySelectorAll('.handout-plot')]"
                                          ".filter(d => d.textContent.includes('onerror=alert(1)')).length")
        assert labels, "no figure drew the salted labels (assets/fig-*.js) as text"
    finally:
        visit.close()


# -- PDF -----------------------------------------------------------------------------------
def _pgm_dark_fraction(pgm: bytes) -> float:
    """Share of pixels that are not white in a binary PGM (P5) image."""
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval, skipping comments
        while pgm[pos:pos + 1].isspace():
            pos += 1
        if pgm[pos:pos + 1] == b"#":
            pos = pgm.index(b"\n", pos) + 1
            continue
        end = pos
        while not pgm[end:end + 1].isspace():
            end += 1
        fields.append(pgm[pos:end])
        pos = end
    assert fields[0] == b"P5", fields[0]
    width, height = int(fields[1]), int(fields[2])
    pixels = pgm[pos + 1:pos + 1 + width * height]
    dark = len(pixels) - len(pixels.translate(None, bytes(range(200))))  # bytes < 200
    return dark / (width * height)


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _pages_text(pdf: Path) -> list[str]:
    """Every page's text, in order (pdftotext ends each page with a form feed)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:_pdf_pages(pdf)]


def _render_gray(pdf: Path, n: int) -> bytes:
    return subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(n), "-l", str(n), str(pdf)],
                          capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def pdfs(browser, built_handouts) -> list[Path]:
    missing = [t for t in ("pdftoppm", "pdfinfo", "pdftotext") if not shutil.which(t)]
    need(not missing, f"{', '.join(missing)} missing: apt-get install poppler-utils")
    return print_pdfs(built_handouts, browser=browser)


def test_one_pdf_per_variant_with_every_section(pdfs, built_handouts, course):
    assert [p.name for p in pdfs] == ["student.pdf", "instructor.pdf"]
    for pdf in pdfs:
        assert pdf.parent == built_handouts and pdf.read_bytes().startswith(b"%PDF")
        n = _pdf_pages(pdf)
        assert n > len(course.sections)  # every section starts on a new page
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for s in course.sections:
            assert s.title.split()[0] in text
        assert ("Answer key" in text) == (pdf.stem == "instructor")
        assert "Skip to main content" not in text and "Print all" not in text  # no navigation
        assert 0.005 < _pgm_dark_fraction(_render_gray(pdf, 1)) < 0.5


def test_pdf_opens_with_the_red_flags_disclaimer_and_review_date(pdfs, course):
    """Every reader of a PDF sees the safety box on its first page (print.html shows it
    once, at its start); each section still names its review date."""
    for pdf in pdfs:
        pages = [" ".join(p.split()) for p in _pages_text(pdf)]
        first = pages[0]
        assert "Safety: red flags and what to do" in first, pdf.name
        assert "Educational use only." in first and "Content last reviewed:" in first
        for flag in course.info.red_flags:
            assert " ".join(flag.signs.split()[:6]) in first, (pdf.name, flag.signs)
        text = " ".join(pages)
        # the box and each section; the notice in each section and the last page's footer
        assert text.count("Content last reviewed:") == len(course.sections) + 1
        assert text.count("Educational use only, not medical advice.") == len(course.sections) + 1


def test_pdf_diagram_pages_are_drawn(pdfs, built_handouts):
    html = (built_handouts / "student" / "print.html").read_text("utf-8")
    titles = re.findall(r'<span class="handout-figure-title"[^>]*>([^<]+)</span>', html)
    assert titles, "the print page shows no diagram"
    pdf = pdfs[0]
    found = []
    for n, page_text in enumerate(_pages_text(pdf), start=1):
        text = " ".join(page_text.split())
        if any(" ".join(t.split())[:40] in text for t in titles):
            found.append(n)
    assert found, "no PDF page shows a diagram's caption"
    for n in found:
        # a diagram page carries far more ink than text alone
        assert _pgm_dark_fraction(_render_gray(pdf, n)) > 0.02, n


def _prompt_start(prompt: str, words: int = 6) -> str:
    """A question's first words as a PDF's text shows them (no citation keys, no Markdown)."""
    plain = re.sub(r"\s*\[R[^\]]*\]", "", prompt).replace("*", "").replace("`", "")
    return " ".join(plain.split()[:words])


def _assert_sections_then_whole_key(pdf: Path, course) -> None:
    """The PDF holds every section, then, from a page of its own, the answer key: every
    question of every bank with its answer, section by section in course order."""
    pages = _pages_text(pdf)
    starts = [i for i, p in enumerate(pages)
              if [line.strip() for line in p.splitlines() if line.strip()][:1] == ["Answer key"]]
    assert len(starts) == 1, (pdf.name, starts)
    flat = lambda ps: " ".join(" ".join(ps).split())  # noqa: E731
    sections, key = flat(pages[:starts[0]]), flat(pages[starts[0]:])
    for s in course.sections:
        assert f"{s.number} · {s.title}" in sections, s.id
    assert "Answer:" not in sections  # nothing of the key before it starts
    assert " ".join(course.handout_text.answer_key_intro.split()[:8]) in key
    questions = [(sid, q) for sid, b in course.banks.items() for q in b.questions]
    assert key.count("Answer:") == len(questions)
    for sid, q in questions:
        assert _prompt_start(q.prompt) in key, (pdf.name, sid, q.id)
    where = [key.index(f"{s.number} · {s.title}") for s in course.sections if s.id in course.banks]
    assert where == sorted(where)


def test_instructor_pdf_ends_with_the_whole_answer_key(pdfs, built_handouts, course):
    """print.html carries the sections only (the key is answer-key.html), yet the instructor
    PDF still prints the key after the sections; printing leaves no file behind."""
    instructor = built_handouts / "instructor"
    assert "answer-key-list" not in (instructor / "print.html").read_text("utf-8")
    assert not [p.name for p in instructor.iterdir() if p.name.startswith(".")]
    _assert_sections_then_whole_key(pdfs[1], course)


def test_instructor_pdf_without_playwright_has_the_answer_key_too(built_handouts, course,
                                                                 tmp_path, monkeypatch):
    """The fallback (``chromium --print-to-pdf`` when Playwright is missing) prints the same
    page: every section, then the whole key; nothing is left in the folder."""
    import sys

    require_chromium()
    need(shutil.which("pdftotext") is not None, "pdftotext missing: apt-get install poppler-utils")
    folder = tmp_path / "instructor"
    shutil.copytree(built_handouts / "instructor", folder)
    before = sorted(p.name for p in folder.iterdir())
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails: the fallback
    [pdf] = print_pdfs(tmp_path, variants=("instructor",))
    assert pdf == tmp_path / "instructor.pdf"
    assert sorted(p.name for p in folder.iterdir()) == before
    _assert_sections_then_whole_key(pdf, course)


def test_the_axe_check_finds_a_violation(browser, tmp_path):
    """The shared axe helper is not blind: an unlabelled control and a missing language
    are reported (every page check above asserts it finds none)."""
    page_file = tmp_path / "bad.html"
    page_file.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><main>"
                         "<input type='text'></main></body></html>", encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        found = axe_violations(page)
    finally:
        page.close()
    assert any(v.startswith("label ") for v in found), found
    assert any(v.startswith("html-has-lang ") for v in found), found
