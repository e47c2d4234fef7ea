"""Every handout page in Debian's Chromium, opened from ``file://``.

Nothing leaves the machine (every non-``file:`` request is blocked and recorded), no
console errors, every diagram drawn as SVG, the dropdown and slider of a diagram work,
a quiz question answered by keyboard reads its feedback back, axe-core finds no WCAG 2.1
A/AA violation, and the two PDFs print with their diagrams.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium
from widgets.course import load_course
from widgets.handouts import build as hb
from widgets.handouts import build_handouts, print_pdfs

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra: "
                               "pip install -e .[test]")
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PLOTS_DRAWN = ("() => Array.from(document.querySelectorAll('.handout-plot'))"
               ".every(d => d.querySelector('.main-svg'))")


def _page_names() -> list[tuple[str, str]]:
    try:
        course = load_course()
    except Exception:  # noqa: BLE001 - a broken course fails in test_handouts.py instead
        return []
    return [(v, name) for v in hb.VARIANTS for name in hb.Handouts(course, v).pages()]


PAGES = _page_names()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_handouts(out=tmp_path_factory.mktemp("handouts"), variant="both")


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
        if not AXE.exists():
            pytest.fail(f"{AXE} missing: run `npm ci` at the repository root")
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        return [f"{v['id']} ({v['impact']}): {v['help']} at "
                + "; ".join(", ".join(n["target"]) for n in v["nodes"][:4])
                for v in result["violations"]]

    def close(self):
        self.context.close()


@pytest.mark.parametrize("variant,name", PAGES, ids=[f"{v}/{n}" for v, n in PAGES])
def test_page_is_offline_error_free_drawn_and_accessible(browser, built, variant, name):
    visit = Visit(browser, built / variant / name)
    try:
        page = visit.page
        assert visit.outside == [], "requests that left the machine"
        assert visit.errors == [], "console errors"
        n_plots = page.locator(".handout-plot").count()
        assert page.locator(".handout-plot .main-svg").first.count() == (1 if n_plots else 0)
        assert page.evaluate("() => document.querySelectorAll('.handout-plot:not(:has(.main-svg))')"
                             ".length") == 0
        assert page.locator("h1").count() == 1
        assert page.evaluate("() => document.documentElement.lang") == "en-GB"
        violations = visit.axe()
        assert violations == [], "\n".join(violations)
    finally:
        visit.close()


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(browser, built):
    visit = Visit(browser, next((built / "student").glob("03-*.html")))
    try:
        page = visit.page
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.className") == "skip-link"
        assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
    finally:
        visit.close()


QUIZ_PAGES = [n for v, n in PAGES if v == "student" and re.match(r"\d\d-", n)]


@pytest.mark.parametrize("name", QUIZ_PAGES)
def test_a_quiz_question_answered_by_keyboard_reads_back_feedback(browser, built, name):
    visit = Visit(browser, built / "student" / name)
    try:
        page = visit.page
        questions = page.locator(".ms-quiz-question")
        if questions.count() == 0:
            pytest.skip(f"{name} has no quiz")
        q = questions.first
        control = q.locator(".ms-quiz__controls input, .ms-quiz__controls select").first
        control.focus()
        if control.evaluate("el => el.tagName") == "SELECT":
            page.keyboard.press("ArrowDown")
        else:
            page.keyboard.press("Space")
        assert q.evaluate("q => !!q.querySelector('input:checked, select option:checked[value]:not([value=\"\"])')")
        for _ in range(40):  # Tab to this question's Check button
            page.keyboard.press("Tab")
            if q.evaluate("q => document.activeElement === q.querySelector('[data-action=check]')"):
                break
        else:
            pytest.fail("the Check button cannot be reached with Tab")
        page.keyboard.press("Enter")
        feedback = q.locator(".ms-quiz__feedback")
        assert feedback.get_attribute("aria-live") == "polite"
        sync_api.expect(feedback).not_to_have_text("")
        text = feedback.inner_text().strip()
        assert len(text) > 10, text
        assert visit.errors == []
    finally:
        visit.close()


# -- a diagram's dropdown and slider, with a synthetic pathway-like figure -----------------
@pytest.fixture(scope="module")
def figure_page(tmp_path_factory) -> Path:
    from test_handouts import figure_items

    folder = tmp_path_factory.mktemp("figure") / "student"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(hb, "_section_figures", lambda: figure_items())
        hb.build_variant(load_course(), "student", folder)
    return next(folder.glob("03-*.html"))


def test_diagram_dropdown_and_slider_work(browser, figure_page):
    visit = Visit(browser, figure_page, viewport={"width": 1000, "height": 900})
    try:
        page = visit.page
        plot = page.locator("#fig-03-pathway")
        plot.scroll_into_view_if_needed()
        color = "() => document.getElementById('fig-03-pathway').data[0].line.color"
        assert page.evaluate(color) == "#0072b2"
        plot.locator(".updatemenu-header-group").first.click()
        plot.locator(".updatemenu-item-text", has_text="Highlight path").click()
        page.wait_for_function(f"() => ({color.split('=>', 1)[1]}) === '#d55e00'")

        rail = plot.locator(".slider-rail-touch-rect").first.bounding_box()
        page.mouse.click(rail["x"] + rail["width"] - 3, rail["y"] + rail["height"] / 2)
        page.wait_for_function(
            "() => { const gd = document.getElementById('fig-03-pathway');"
            " return gd._fullLayout.sliders[0].active === 2 && gd.data[0].y[1] === 3; }")
        caption = page.locator("figure.handout-figure figcaption")
        assert "Synthetic pathway" in caption.inner_text()
        assert "A line rises then falls." in caption.inner_text()
        assert caption.is_visible()
        assert visit.errors == [] and visit.outside == []
        assert visit.axe() == []
    finally:
        visit.close()


# -- hostile content in a real browser --------------------------------------------------------
@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> Path:
    from test_handouts_injection import make_injected_content

    root = tmp_path_factory.mktemp("injected-browser")
    return build_handouts(content=make_injected_content(root / "content"),
                          out=root / "handouts", variant="both")


@pytest.mark.parametrize("variant", hb.VARIANTS)
def test_injected_pages_run_nothing_and_fetch_nothing(browser, injected, variant):
    for page in sorted((injected / variant).glob("*.html")):
        visit = Visit(browser, page)
        try:
            # hover and click everything a payload could have hung a handler on
            visit.page.evaluate("() => document.querySelectorAll('a, b, svg, .term')"
                                ".forEach(el => { el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })")
            assert visit.dialogs == [], page.name
            assert visit.outside == [], page.name
            assert visit.errors == [], page.name
            assert visit.page.evaluate("() => document.querySelectorAll('img, iframe, form').length") == 0
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
    return sum(1 for p in pixels if p < 200) / (width * height)


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _page_text(pdf: Path, n: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _render_gray(pdf: Path, n: int) -> bytes:
    return subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(n), "-l", str(n), str(pdf)],
                          capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def pdfs(browser, built) -> list[Path]:  # browser: skips cleanly without Chromium
    import shutil

    missing = [t for t in ("pdftoppm", "pdfinfo", "pdftotext") if not shutil.which(t)]
    if missing:
        pytest.skip(f"{', '.join(missing)} missing: apt-get install poppler-utils")
    return print_pdfs(built, browser=browser)


def test_one_pdf_per_variant_with_every_section(pdfs, built):
    course = load_course()
    assert [p.name for p in pdfs] == ["student.pdf", "instructor.pdf"]
    for pdf in pdfs:
        assert pdf.parent == built and pdf.read_bytes().startswith(b"%PDF")
        n = _pdf_pages(pdf)
        assert n > len(course.sections)  # every section starts on a new page
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for s in course.sections:
            assert s.title.split()[0] in text
        assert ("Answer key" in text) == (pdf.stem == "instructor")
        assert "Skip to main content" not in text and "Print all" not in text  # no navigation
        assert 0.005 < _pgm_dark_fraction(_render_gray(pdf, 1)) < 0.5


def test_pdf_diagram_pages_are_drawn(pdfs, built):
    html = (built / "student" / "print.html").read_text("utf-8")
    titles = re.findall(r'<span class="handout-figure-title"[^>]*>([^<]+)</span>', html)
    if not titles:
        pytest.skip("the course has no diagrams yet (widgets.figures.section_figures)")
    pdf = pdfs[0]
    found = []
    for n in range(1, _pdf_pages(pdf) + 1):
        text = " ".join(_page_text(pdf, n).split())
        if any(" ".join(t.split())[:40] in text for t in titles):
            found.append(n)
    assert found, "no PDF page shows a diagram's caption"
    for n in found:
        # a diagram page carries far more ink than text alone
        assert _pgm_dark_fraction(_render_gray(pdf, n)) > 0.02, n
