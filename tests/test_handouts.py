"""Offline handouts without a browser: pages, structure, offline rules, reproducibility."""
from __future__ import annotations

import filecmp
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from widgets.course import ContentError
from widgets.handouts import build as hb
from widgets.handouts import build_handouts
from widgets.quiz.messages import MESSAGES
from widgets.quiz.offline import QUIZ_JS
from widgets.quiz.record import RECORD_JS, record_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_COURSE = ROOT / "tests" / "fixtures" / "quiz" / "content"


class Tree(HTMLParser):
    """Every start tag as (tag, attrs), plus the text, of one page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture
def built(built_handouts) -> Path:
    """The session's one build of both variants (tests/conftest.py); read, never changed."""
    return built_handouts


def pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html"))


def test_each_variant_has_every_page_and_one_copy_of_each_asset(built, course):
    for variant in ("student", "instructor"):
        folder = built / variant
        expected = {"index.html", "references.html", "glossary.html", "print.html"}
        expected |= {f"{s.number}-{s.id}.html" for s in course.sections}
        if variant == "instructor":
            expected |= {"answer-key.html", "present.html"}
        assert {p.name for p in pages(folder)} == expected
        assets = {p.name for p in (folder / "assets").iterdir()}
        assert {"handout.css", "print.css", "plotly.min.js"} <= assets
        assert len(list(folder.rglob("plotly*.js"))) == 1
        # the presenter view's script and style only beside its page
        assert ({"present.js", "present.css"} <= assets) == (variant == "instructor")
        assert not {"present.js", "present.css"} & assets or variant == "instructor"
    assert not (built / "student" / "answer-key.html").exists()


def test_the_hint_minimap_is_drawn_from_one_asset_per_folder(built, course):
    """Each question with pathway nodes names them (data-nodes); the pathway itself is in
    assets/pathway-map.js once per folder, loaded before quiz.js, which draws it
    (tests/test_minimap_browser.py); no page inlines a minimap SVG."""
    from widgets.figures.minimap import minimap_script

    known = {n.id for n in course.pathway.nodes}
    slots = 0
    for variant in ("student", "instructor"):
        folder = built / variant
        asset = (folder / "assets" / "pathway-map.js").read_text("utf-8")
        assert asset == minimap_script(course.pathway) and len(asset) < 20_000
        for page in pages(folder):
            text = page.read_text("utf-8")
            assert 'class="pathway-minimap"' not in text, page.name
            tree = Tree(text)
            found = [a for t, a in tree.tags if "ms-quiz__pathway" in (a.get("class") or "")]
            scripts = [a.get("src") for a in tree.all("script") if a.get("src")]
            for a in found:
                assert "hidden" in a and set(a["data-nodes"].split()) <= known, (page.name, a)
            if found:
                assert scripts.index("assets/pathway-map.js") < scripts.index("assets/quiz.js")
            elif "assets/quiz.js" not in scripts:
                assert "assets/pathway-map.js" not in scripts, page.name
            slots += len(found)
    per_variant = sum(bool(q.nodes) for b in course.banks.values() for q in b.questions)
    assert slots >= per_variant  # every question with nodes, wherever a page shows it


def test_no_element_repeats_an_attribute(built):
    """A browser keeps only the first of two same-named attributes (the presenter's option
    lists once had two class= attributes)."""
    class Attrs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.repeated: list[str] = []

        def handle_starttag(self, tag, attrs):
            names = [n for n, _ in attrs]
            if len(names) != len(set(names)):
                self.repeated.append(self.get_starttag_text())

    for page in pages(built / "student") + pages(built / "instructor"):
        parser = Attrs()
        parser.feed(page.read_text("utf-8"))
        assert parser.repeated == [], (page.name, parser.repeated[:3])


def test_handouts_carry_the_basic_plotly_bundle_of_plotlys_version(built):
    """npm's plotly.js-basic-dist-min at the plotly.js version the pinned plotly ships."""
    import json as _json

    from plotly.offline import get_plotlyjs_version

    from conftest import need
    from widgets.handouts.plotlyjs import NPM_PACKAGE, basic_version

    version = get_plotlyjs_version()
    pinned = _json.loads((ROOT / "package.json").read_text())["devDependencies"][NPM_PACKAGE]
    assert pinned == version, f"package.json pins {NPM_PACKAGE}@{pinned}; plotly ships {version}"
    need((ROOT / "node_modules" / NPM_PACKAGE).is_dir(), "node_modules lacks the basic "
         "plotly.js bundle: run `npm ci` (make node_modules/.installed-stamp)")
    for variant in ("student", "instructor"):
        head = (built / variant / "assets" / "plotly.min.js").read_text("utf-8")[:400]
        assert basic_version(head) == version


def test_a_figure_the_basic_bundle_cannot_draw_is_refused_by_name():
    from widgets.handouts.plotlyjs import BASIC_TRACES, Bundle, check_traces

    basic = Bundle("basic", "x", "", BASIC_TRACES)
    check_traces("fine", {"scatter", "bar"}, basic)
    with pytest.raises(ValueError, match=r"figure 'heat' draws heatmap traces.*HTML table"):
        check_traces("heat", {"scatter", "heatmap"}, basic)
    check_traces("heat", {"heatmap"}, Bundle("full", "x", "", None))


def test_progress_counts_every_page(built):
    lines = (built / "progress.txt").read_text().splitlines()
    total = len(pages(built / "student")) + len(pages(built / "instructor"))
    assert len(lines) == total
    assert lines[0] == f"[1/{total}] student/index.html"
    assert any(re.fullmatch(rf"\[\d+/{total}\] student/03-[a-z-]+\.html", l) for l in lines)
    assert lines[-1] == f"[{total}/{total}] instructor/print.html"


def test_every_page_is_offline(built):
    for page in pages(built / "student") + pages(built / "instructor"):
        text = page.read_text("utf-8")
        tree = Tree(text)
        for attrs in tree.all("script") + tree.all("img") + tree.all("iframe"):
            src = attrs.get("src") or ""
            assert not re.match(r"\s*(https?:)?//", src), (page.name, src)
        for attrs in tree.all("link"):
            assert not re.match(r"\s*(https?:)?//", attrs.get("href") or ""), (page.name, attrs)
            if "stylesheet" in (attrs.get("rel") or ""):
                assert attrs["href"].startswith("assets/")
        assert "@import" not in text and "@font-face" not in text
        for word in ("mathjax", "require.js", "requirejs", "cdn.plot.ly", "googleapis"):
            assert word not in text.lower(), (page.name, word)


def test_css_fetches_nothing():
    for css in (hb.ASSETS / "handout.css", hb.ASSETS / "print.css"):
        text = css.read_text()
        assert "url(" not in text and "@import" not in text and "@font-face" not in text


def test_every_page_has_one_h1_landmarks_and_a_skip_link(built):
    for page in pages(built / "student") + pages(built / "instructor"):
        tree = Tree(page.read_text("utf-8"))
        assert len(tree.all("h1")) == 1, page.name
        assert tree.all("html")[0].get("lang") == "en-GB"
        assert len(tree.all("main")) == 1 and tree.all("main")[0].get("id") == "main"
        assert tree.all("nav"), page.name
        assert tree.all("footer"), page.name
        assert tree.all("a")[0] == {"class": "skip-link", "href": "#main"}
        assert tree.all("title") and tree.all("meta")[0] == {"charset": "utf-8"}


def test_no_page_repeats_an_id(built):
    for page in pages(built / "student") + pages(built / "instructor"):
        ids = [a["id"] for _, a in Tree(page.read_text("utf-8")).tags if "id" in a]
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, (page.name, dupes)


def test_local_links_point_at_pages_and_ids_that_exist(built):
    for variant in ("student", "instructor"):
        folder = built / variant
        ids = {p.name: {a["id"] for _, a in Tree(p.read_text("utf-8")).tags if "id" in a}
               for p in pages(folder)}
        for page in pages(folder):
            for attrs in Tree(page.read_text("utf-8")).all("a"):
                href = attrs.get("href", "")
                if re.match(r"(https?|mailto):", href):
                    continue
                name, _, frag = href.partition("#")
                target = name or page.name
                assert target in ids, (page.name, href)
                if frag:
                    assert frag in ids[target], (page.name, href)


def test_section_page_shows_the_notebook_sequence(built, course):
    section = course.section(3)
    text = (built / "student" / f"{section.number}-{section.id}.html").read_text("utf-8")
    order = ['class="course-section-header"', 'class="course-body"']
    if course.quiz(section.id).questions:
        order.append('class="handout-quiz"')
    order += ['class="course-summary"', 'class="course-references"', 'class="course-safety"']
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert 'class="handout-figures"' not in text or \
        text.index('class="course-body"') < text.index('class="handout-figures"') < text.index(
            'class="course-summary"')
    assert 'rel="prev"' in text and 'rel="next"' in text


def test_instructor_pages_add_teaching_notes_and_students_do_not(built, course):
    with_notes = [s for s in course.sections if s.meta.facilitator_notes]
    assert with_notes, "the course should have facilitator notes somewhere"
    for s in with_notes:
        name = f"{s.number}-{s.id}.html"
        student = (built / "student" / name).read_text("utf-8")
        instructor = (built / "instructor" / name).read_text("utf-8")
        assert "Facilitator notes" not in student and "course-teaching" not in student
        assert instructor.count("Facilitator notes") == 1  # once, not again inside the quiz
        assert "Instructor edition" in instructor


def _key_items(html: str) -> int:
    """How many questions an answer key lists (the items of its lists)."""
    return sum(block.count("<li>") for block in
               re.findall(r'<ol class="answer-key-list">(.*?)</ol>', html, re.S))


def test_answer_key_lists_every_question_and_every_explanation(built, course):
    text = (built / "instructor" / "answer-key.html").read_text("utf-8")
    plain = " ".join(Tree(text).text)
    n_questions = sum(len(b.questions) for b in course.banks.values())
    assert _key_items(text) == n_questions
    for bank in course.banks.values():
        for q in bank.questions:
            first_words = re.sub(r"\[R[^\]]*\]", "", q.prompt).split()[:4]
            assert " ".join(first_words).replace("*", "") in plain.replace("*", ""), q.id
    assert text.count("<dd>") >= n_questions * 2


def test_print_page_holds_every_section_once_under_one_h1(built, course):
    for variant in ("student", "instructor"):
        text = (built / variant / "print.html").read_text("utf-8")
        assert text.count('class="handout-page handout-print-section"') == len(course.sections)
        for s in course.sections:
            assert f'id="s{s.number}-{s.id}"' in text
        _print_page_leaves_the_key_to_its_page(text, variant, course)


def _print_page_leaves_the_key_to_its_page(text: str, variant: str, course) -> None:
    """print.html carries the sections only: the instructor's answer key is answer-key.html,
    which its contents list links to with the words of content/handouts.yaml."""
    assert 'id="answer-key"' not in text and "answer-key-list" not in text, variant
    assert "answer-key-section" not in text and 'id="key-' not in text, variant
    entry = re.findall(r'<li class="handout-key-entry">(.*?)</li>', text, re.S)
    if variant == "student":
        assert entry == [] and "answer-key.html" not in text
        return
    assert len(entry) == 1 and entry[0].startswith('<a href="answer-key.html">Answer key</a>')
    note = " ".join(re.sub(r"<[^>]+>", "", entry[0]).split())
    assert course.handout_text.print_answer_key in note


def _safety_checks(html: str, course, where: str) -> None:
    """The disclaimer, every red flag with what to do, and the review date are in ``html``."""
    plain = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Educational use only." in plain and course.info.disclaimer in plain, where
    for flag in course.info.red_flags:
        assert " ".join(flag.signs.split()) in plain, (where, flag.signs)
    day = course.info.last_reviewed
    assert f'Content last reviewed: <time datetime="{day.isoformat()}">' in html, where


def test_print_page_shows_the_safety_box_once_at_its_start(built, course):
    """Paper: the red flags, disclaimer and review date once, before the contents; each
    section's notice points there and keeps its review date; no tooltips. Every section
    page keeps its own full safety box."""
    notice = course.handout_text.print_notice
    assert notice and "#course-safety" in notice
    for variant in ("student", "instructor"):
        text = (built / variant / "print.html").read_text("utf-8")
        assert text.count('class="course-safety"') == 1, variant
        start = text.index('class="course-safety"')
        assert start < text.index('id="print-contents"') < text.index("handout-print-section")
        box = re.search(r'<section class="course-safety".*?</section>', text, re.S).group(0)
        _safety_checks(box, course, f"{variant}/print.html")
        assert 'id="course-safety"' in box
        end = text.split("</main>")[1]  # the page's footer points back to the box
        assert '<footer class="course-safety-note">' in end and 'href="#course-safety"' in end
        assert "course-red-flags" not in end
        for s in course.sections:
            article = re.search(rf'<article [^>]*"s{s.number}-{s.id}">.*?</article>', text,
                                re.S).group(0)
            assert '<p class="course-notice"><strong>Educational use only, not medical advice.' \
                   '</strong>' in article and 'href="#course-safety"' in article, s.id
            day = s.meta.last_reviewed
            assert f'Content last reviewed: <time datetime="{day.isoformat()}">' in article
            assert "course-red-flags" not in article, s.id
        assert " title=" not in re.sub(r"<script.*?</script>", "", text, flags=re.S), variant
    for s in course.sections:  # the section pages are unchanged: their own box, tooltips kept
        page = (built / "student" / hb.page_name(s)).read_text("utf-8")
        box = re.search(r'<footer class="course-safety".*?</footer>', page, re.S).group(0)
        _safety_checks(box, course, s.id)
        assert 'class="term"' not in page or ' title="' in page


def test_print_page_without_a_print_notice_keeps_every_sections_safety_box():
    """A course whose handouts.yaml has no print_notice (the fixture course has none at
    all) prints each section with its own safety box, as the section pages show it."""
    from widgets.course import load_course

    small = load_course(FIXTURE_COURSE)
    assert small.handout_text is None or small.handout_text.print_notice is None
    text = hb.Handouts(small, "student").render("print.html")
    assert text.count('<footer class="course-safety"') == len(small.sections) + 1
    for s in small.sections:
        article = re.search(rf'<article [^>]*aria-labelledby="s{s.number}-{s.id}">.*?</article>',
                            text, re.S).group(0)
        _safety_checks(article, small, s.id)


def test_two_builds_are_byte_identical(tmp_path, built):
    """A second build (fresh process state aside) writes the session build's bytes again."""
    a, b = built, tmp_path / "b"
    build_handouts(out=b)
    for variant in ("student", "instructor"):
        files_a = sorted(p.relative_to(a) for p in (a / variant).rglob("*") if p.is_file())
        files_b = sorted(p.relative_to(b) for p in (b / variant).rglob("*") if p.is_file())
        assert files_a == files_b and files_a
        match, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in files_a],
                                                   shallow=False)
        assert not mismatch and not errors


def test_rebuild_replaces_a_previous_build_but_not_a_foreign_folder(tmp_path):
    """Build mechanics, on the small fixture course (the real one: the session build)."""
    messages: list[str] = []
    build_handouts(FIXTURE_COURSE, out=tmp_path, variant="student", progress=messages.append)
    # one variant: its progress names the page only
    assert (tmp_path / "student" / "index.html").exists()
    assert not (tmp_path / "instructor").exists()
    assert messages[1].startswith(f"[2/{len(messages)}] 00-") and messages[1].endswith(".html")
    stale = tmp_path / "student" / "99-old-section.html"
    stale.write_text("old")
    build_handouts(FIXTURE_COURSE, out=tmp_path, variant="student")
    assert not stale.exists()
    foreign = tmp_path / "other"
    (foreign / "student").mkdir(parents=True)
    (foreign / "student" / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        build_handouts(out=foreign, variant="student")
    assert (foreign / "student" / "notes.txt").read_text() == "mine"


def test_bad_content_raises_content_error(tmp_path, min_content):
    (min_content / "course.yaml").write_text("title: [unclosed\n")
    with pytest.raises(ContentError) as exc:
        build_handouts(content=min_content, out=tmp_path / "out")
    assert exc.value.problems


def test_unknown_variant_is_refused(tmp_path):
    with pytest.raises(ValueError, match="variant"):
        build_handouts(out=tmp_path, variant="teacher")


# -- figures -----------------------------------------------------------------------
def synthetic_figure(title: str = "Synthetic pathway"):
    """A figure with a highlight dropdown and a step-through slider, like the pathway."""
    import plotly.graph_objects as go

    steps = [dict(label=f"Step {i + 1}", method="animate",
                  args=[[f"step-{i}"], {"mode": "immediate", "frame": {"duration": 0, "redraw": True},
                                        "transition": {"duration": 0}}]) for i in range(3)]
    return go.Figure(
        data=[go.Scatter(x=[0, 1, 2], y=[0, 1, 0], mode="lines+markers", name="path",
                         line={"color": "#0072b2"})],
        layout=go.Layout(
            title={"text": title}, height=380, template="simple_white",
            updatemenus=[dict(type="dropdown", x=0, y=1.15, active=0, buttons=[
                dict(label="Show all", method="restyle", args=[{"line.color": "#0072b2"}]),
                dict(label="Highlight path", method="restyle", args=[{"line.color": "#d55e00"}]),
            ])],
            sliders=[dict(active=0, steps=steps, currentvalue={"prefix": "Step: "})]),
        frames=[go.Frame(name=f"step-{i}", data=[go.Scatter(y=[i, i + 1, i])]) for i in range(3)])


def figure_items(title: str = "Synthetic pathway", alt: str = "A line rises then falls."):
    def section_figures(course, section_id):
        return [SimpleNamespace(name="pathway", title=title, figure=synthetic_figure(title),
                                alt_text=alt)]
    return section_figures


SCRIPT_BREAKERS = re.compile(r"</script|<!--", re.I)
INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
# assets/<figure id>.js: the spec once per folder (widgets/handouts/figures.py figure_script)
FIGURE_ASSET = re.compile(
    r'\(window\.MS_FIGURES = window\.MS_FIGURES \|\| \{\}\)\["(fig-[a-z0-9-]+)"\] = (\{.*\});\n', re.S)


def test_figures_are_embedded_with_stable_ids_and_safe_json(monkeypatch, course):
    evil = "</script><script>alert(1)</script><!--"
    monkeypatch.setattr(hb, "_section_figures", lambda: figure_items(evil, evil))
    section = course.section(3)
    blocks = hb.figure_blocks(course, section)
    assert [b.div_id for b in blocks] == ["fig-03-pathway"]
    # inside a script only "</script" (which ends it) and "<!--" (which changes where a
    # later "</script>" ends it) matter; hover text keeps its plain "<br>"
    assert not SCRIPT_BREAKERS.search(blocks[0].spec_json)
    spec = json.loads(blocks[0].spec_json)
    assert evil in json.dumps(spec, ensure_ascii=False)  # read back whole
    assert spec["config"] == {"responsive": True, "displaylogo": False}
    assert spec["layout"]["updatemenus"] and spec["layout"]["sliders"] and len(spec["frames"]) == 3
    handouts = hb.Handouts(course, "student")
    page = handouts.section(section)
    assert page.count('<script src="assets/plotly.min.js"></script>') == 1
    assert '<figure class="handout-figure" role="group"' in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page  # caption: escaped text
    # the spec is stored once per folder, in the figure's own asset, which the page loads
    assert '<script src="assets/fig-03-pathway.js"></script>' in page and "alert(1)" not in (
        INLINE_SCRIPT.sub("", page).replace("&lt;/script&gt;&lt;script&gt;alert(1)", ""))
    files = hb._figs.figure_files([handouts.parts(section)])
    assert list(files) == ["fig-03-pathway.js"]
    asset = files["fig-03-pathway.js"].decode("utf-8")
    m = FIGURE_ASSET.fullmatch(asset)
    assert m and m.group(1) == "fig-03-pathway" and json.loads(m.group(2)) == spec
    assert not SCRIPT_BREAKERS.search(asset)  # safe inlined in a <script> too (below)
    # one file on its own (nbconvert): the same script inline, the payload still data in it
    alone = hb.Handouts(course, "student", hb.Assets(inline=True)).section(section,
                                                                           standalone=True)
    assert asset in alone and "<script>alert(1)" not in INLINE_SCRIPT.sub("", alone)
    assert not any(SCRIPT_BREAKERS.search(body) for _, body in INLINE_SCRIPT.findall(alone))
    again = hb.Handouts(course, "student").section(section)
    assert page == again


def test_no_inline_script_holds_what_could_end_it_early(built):
    """Every inline script (figure specs, quiz data, messages) ends where we end it: no
    ``</script`` or ``<!--`` inside, its JSON whole, and markup in it kept readable."""
    seen = {"json": 0, "br": 0}
    for variant in ("student", "instructor"):
        for page in pages(built / variant):
            text = page.read_text("utf-8")
            for attrs, body in INLINE_SCRIPT.findall(text):
                assert not SCRIPT_BREAKERS.search(body), (variant, page.name, body[:80])
                seen["br"] += "<br>" in body
                if 'type="application/json"' in attrs:
                    json.loads(body)
                    seen["json"] += 1
        for asset in sorted((built / variant / "assets").glob("fig-*.js")):  # figure specs
            text = asset.read_text("utf-8")
            assert not SCRIPT_BREAKERS.search(text), asset.name
            m = FIGURE_ASSET.fullmatch(text)
            assert m and f"{m.group(1)}.js" == asset.name, asset.name
            json.loads(m.group(2))
            seen["br"] += "<br>" in text
    assert seen["json"] and seen["br"]  # hover text and feedback stay plain "<br>"


def test_script_json_reads_back_what_it_was_given():
    evil = ["</script><script>alert(1)</script><!--", "</SCRIPT >", "a<!--b", "x\u2028y",
            "<br> & > <", "\\</script>"]
    text = hb.script_json({"v": evil})
    assert not SCRIPT_BREAKERS.search(text) and "\u2028" not in text
    assert json.loads(text) == {"v": evil}
    assert "<br> & > <" in text  # nothing escaped that cannot end a script


def test_pages_without_figures_do_not_load_plotly(built, course):
    for s in course.sections:
        text = (built / "student" / f"{s.number}-{s.id}.html").read_text("utf-8")
        assert ("plotly.min.js" in text) == ("handout-plot" in text)


# -- nbconvert exporter ---------------------------------------------------------------
def test_nbconvert_exporter_renders_the_notebook_section(tmp_path, course):
    import nbformat
    from nbconvert.exporters import get_exporter

    section = course.section(3)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from widgets import open_section")]
    exporter = get_exporter("handout")()
    body, resources = exporter.from_notebook_node(
        nb, resources={"metadata": {"name": f"{section.number}-{section.id}"}})
    assert resources["output_extension"] == ".html"
    tree = Tree(body)
    assert len(tree.all("h1")) == 1 and section.title in " ".join(tree.text)
    assert not [a for a in tree.all("script") if a.get("src")]  # one self-contained file
    assert not tree.all("link")
    assert 'href="glossary.html' not in body and 'href="index.html"' not in body

    nb.metadata["course"] = {"section": course.sections[1].id}
    exporter.variant = "instructor"
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "anything"}})
    assert course.sections[1].title in body


def test_nbconvert_exporter_says_when_it_cannot_tell_the_section():
    import nbformat

    from widgets.handouts.exporter import HandoutExporter

    with pytest.raises(ValueError, match="metadata.course.section"):
        HandoutExporter().from_notebook_node(nbformat.v4.new_notebook(),
                                             resources={"metadata": {"name": "scratch"}})


def test_print_page_carries_worksheets_and_static_figures(built, course):
    """The print page is the paper edition: quizzes as worksheets (no data, buttons,
    feedback, hint diagrams or per-question keys), figures without the controls, frames
    and hover text that do not print; the section pages keep all of it."""
    for variant in ("student", "instructor"):
        text = (built / variant / "print.html").read_text("utf-8")
        tree = Tree(text)
        assert 'class="ms-quiz-question ms-quiz-paper"' in text
        for gone in ('class="ms-quiz-data"', 'data-action="check"', 'class="ms-quiz__feedback"',
                     'class="ms-quiz__pathway"', 'class="ms-quiz__key"', "assets/quiz.js"):
            assert gone not in text, (variant, gone)
        assert "assets/quiz.css" in [a.get("href") for a in tree.all("link")]
        # every figure drawn as its paper copy (figures.js paper(): tests/test_handouts_browser)
        # from the spec its section page loads: the same file, stored once per folder
        drawn = re.findall(r'<script>MSFigures\.draw\("([a-z0-9-]+)"(, true)?\);</script>', text)
        assert drawn and all(paper for _, paper in drawn), variant
        loaded = re.findall(r'<script src="assets/(fig-[a-z0-9-]+)\.js"></script>', text)
        assert loaded == [fig for fig, _ in drawn]
        assert all((built / variant / "assets" / f"{fig}.js").is_file() for fig in loaded)
        _print_page_leaves_the_key_to_its_page(text, variant, course)
    section = (built / "student" / hb.page_name(course.section(3))).read_text("utf-8")
    assert "pathway_steps" in course.figures[course.section(3).id]  # a slider and frames
    for kept in ('class="ms-quiz-data"', 'data-action="check"', "assets/quiz.js",
                 '<script src="assets/fig-03-pathway-steps.js"></script>',
                 '<script>MSFigures.draw("fig-03-pathway-steps");</script>'):
        assert kept in section, kept
    spec = (built / "student" / "assets" / "fig-03-pathway-steps.js").read_text("utf-8")
    for kept in ('"sliders"', '"frames"', '"hovertext"'):
        assert kept in spec, kept


def test_print_worksheets_have_no_form_controls_and_pages_one_wording_block(built, course):
    """On paper a question is a worksheet: its options listed with a box or circle to mark,
    a short "How sure are you?" line, nothing to click and no script data. On screen every
    page with quizzes carries the feedback wording once, however many quiz blocks it has."""
    for variant in ("student", "instructor"):
        text = (built / variant / "print.html").read_text("utf-8")
        tree = Tree(text)
        for tag in ("input", "select", "button", "textarea", "fieldset", "script"):
            gone = [a for a in tree.all(tag) if tag != "script" or a.get("type") ==
                    "application/json" and "ms-quiz" in a.get("class", "")]
            assert not gone, (variant, tag, gone[:2])
        assert not [a for a in tree.all("div") if "ms-quiz__feedback" in a.get("class", "")]
        assert 'class="ms-quiz__score"' not in text and 'class="ms-quiz__intro"' not in text
        papers = [a for a in tree.all("div") if "ms-quiz-paper" in a.get("class", "").split()]
        sure = [a for a in tree.all("p") if a.get("class") == "ms-quiz__sure"]
        assert len(papers) == len(sure) > 0
        lists = [a.get("class") for a in tree.all("ul")
                 if a.get("class") in ("ms-quiz__boxes", "ms-quiz__circles")]
        kinds = [a["data-kind"] for a in papers]
        assert len(lists) == sum(k in ("single", "multiple", "truefalse") for k in kinds)
        assert text.count('class="ms-quiz__blank"') and "Steps to put in order:" in text
        assert "ms-quiz-messages" not in text
        # the same questions as the section pages, in the same order
        screen = [a["data-kind"] for p in pages(built / variant) if p.name != "print.html"
                  for a in Tree(p.read_text("utf-8")).all("fieldset")
                  if a.get("class") == "ms-quiz-question"]
        assert len(screen) == len(kinds) and sorted(screen) == sorted(kinds)
        for page in pages(built / variant):
            if page.name == "print.html":
                continue
            html = page.read_text("utf-8")
            ids = [a["id"] for _t, a in Tree(html).tags if "id" in a]
            assert len(ids) == len(set(ids)), (page.name, [i for i in ids if ids.count(i) > 1][:3])
            # each question's radios are its own groups: no name is shared across questions
            owner: dict[str, int] = {}
            for n, chunk in enumerate(html.split('<fieldset class="ms-quiz-question"')[1:]):
                for name in set(re.findall(r'<input type="radio" name="([^"]+)"', chunk)):
                    assert owner.setdefault(name, n) == n, (page.name, name)
            # the wording is stored once per folder, before quiz.js (record.js: its config)
            assert 'class="ms-quiz-messages"' not in html, page.name
            assert ('id="ms-record-config"' in html) == (page.name == "index.html"), page.name
        quiz_js = (built / variant / "assets" / "quiz.js").read_text("utf-8")
        m = re.match(r"/\*[^*]*\*/\nwindow\.MSQuizMessages = (\{.*?\});\n", quiz_js)
        assert m and json.loads(m.group(1)) == MESSAGES
        assert quiz_js[m.end():] == QUIZ_JS.read_text("utf-8")
        record = (built / variant / "assets" / "record.js").read_text("utf-8")
        m = re.match(r"/\*[^*]*\*/\nwindow\.MSRecordConfig = (\{.*?\});\n", record)
        assert m and json.loads(m.group(1)) == record_config()
        assert record[m.end():] == RECORD_JS.read_text("utf-8")
        index = (built / variant / "index.html").read_text("utf-8")
        own = [json.loads(body) for attrs, body in INLINE_SCRIPT.findall(index)
               if 'id="ms-record-config"' in attrs]
        assert len(own) == 1 and set(own[0]) == {"sections", "where"}  # the index's own part


def test_drop_elements_counts_nesting():
    frag = ('<p>keep</p><div class="a x"><div>in</div><div class="b">in</div></div>'
            '<script type="application/json" class="d">{"a": 1}</script><div class="c">keep</div>')
    assert hb.drop_elements(frag, {"a", "d"}) == '<p>keep</p><div class="c">keep</div>'
    with pytest.raises(ValueError, match="unclosed"):
        hb.drop_elements('<div class="a"><div>', {"a"})


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_failed_or_interrupted_build_leaves_the_previous_build_whole(tmp_path, monkeypatch):
    from widgets.handouts import build as hb

    build_handouts(FIXTURE_COURSE, out=tmp_path, variant="student")  # mechanics: small course
    before = _snapshot(tmp_path)
    (tmp_path / ".student.building-left0ver").mkdir()  # what a killed build leaves behind
    real_render = hb.Handouts.render

    def fail_in(variant, after, exc):
        pages = []

        def render(self, name):
            if self.variant == variant:
                pages.append(name)
                if len(pages) > after:
                    raise exc
            return real_render(self, name)
        monkeypatch.setattr(hb.Handouts, "render", render)

    # the instructor variant fails after the student one was fully rebuilt: nothing changes
    fail_in("instructor", 0, OSError(28, "No space left on device"))
    with pytest.raises(OSError, match="No space"):
        build_handouts(FIXTURE_COURSE, out=tmp_path, variant="both")
    assert _snapshot(tmp_path) == before
    # Ctrl-C part-way through the pages
    fail_in("student", 3, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        build_handouts(FIXTURE_COURSE, out=tmp_path, variant="student")
    assert _snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["student"]  # no scratch folders left


def test_instructor_pdf_source_is_the_print_page_then_the_answer_key(built, course, tmp_path):
    """pdf.py prints the instructor edition from a page it writes beside print.html (so
    the assets resolve): every section, then answer-key.html's key one heading level down,
    the contents entry pointing inside the page; the page is removed after, and nothing
    else in the folder is touched. The student edition prints its print.html as it is."""
    from widgets.handouts.pdf import print_source

    folder = tmp_path / "instructor"
    import shutil

    shutil.copytree(built / "instructor", folder)
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with print_source(folder) as source:
        assert source.parent == folder and source.name.startswith(".")
        assert source.name not in before
        page = source.read_text("utf-8")
    assert not source.exists()
    assert {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    printed = before["print.html"].decode()
    key = before["answer-key.html"].decode()
    # the sections exactly as print.html has them, then the key
    sections = printed.split('<main id="main" tabindex="-1">')[1].split("</main>")[0]
    head, tail = page.split('<section class="handout-print-section handout-answer-key"')
    assert sections.split("handout-key-entry")[1].split("</article>", 1)[1] in head
    assert head.count('class="handout-page handout-print-section"') == len(course.sections)
    assert re.search(r'<li class="handout-key-entry"><a href="#answer-key">Answer key</a></li>', head)
    assert "answer-key.html" not in head.split('id="print-contents"')[1].split("</ol>")[0]
    n_questions = sum(len(b.questions) for b in course.banks.values())
    assert _key_items(tail) == _key_items(key) == n_questions
    assert '<h2 id="answer-key">Answer key</h2>' in tail and "<h1" not in tail
    key_main = key.split("<main")[1].split("</main>")[0]
    assert tail.count("<h3 ") == key_main.count("<h2 ") == len(course.banks)
    assert " title=" not in tail  # no tooltips on paper, as in the rest of the printout
    assert page.count("<main") == 1 and page.count("</html>") == 1
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    student = built / "student"
    with print_source(student) as source:
        assert source == student / "print.html"


def test_pdf_source_refuses_pages_that_do_not_fit(built, tmp_path):
    from widgets.handouts.pdf import print_source

    folder = tmp_path / "instructor"
    folder.mkdir()
    (folder / "print.html").write_text((built / "instructor" / "print.html").read_text("utf-8"))
    (folder / "answer-key.html").write_text("<p>not the course's answer key</p>")
    with pytest.raises(ValueError, match="rebuild the handouts"):
        with print_source(folder):
            pass
    assert sorted(p.name for p in folder.iterdir()) == ["answer-key.html", "print.html"]


def test_presenter_page_writes_each_option_once(built):
    """present.html carries each option's text once, in its card's list (present.js letters
    it, names it in the answer, labels the tally and marks the right ones: browser tests in
    tests/test_present_browser.py); no per-option hidden marks, no per-question JSON."""
    text = (built / "instructor" / "present.html").read_text("utf-8")
    cards = re.findall(r'<section class="present-q".*?</section>', text, re.S)
    assert cards and "present-right" not in text and 'data-right="false"' not in text
    assert '"questions"' not in text
    lettered = 0
    for card in cards:
        ul = re.search(r'<ul class="present-options present-options--lettered">(.*?)</ul>', card)
        if not ul:
            continue
        lettered += 1
        options = re.findall(r"<li[^>]*>(.*?)</li>", ul.group(1))
        assert options and all("<" not in o for o in options)
        for option in options:
            assert card.count(f">{option}<") == 1, (option, card[:200])
            if len(option) > 30:  # the answer names it through present.js, not again here
                assert f"{option}:" not in card, option
        assert card.count('data-right="true"') >= 1
    assert lettered > len(cards) // 2
    assert text.count("ms-feedback__headline") == 0 and text.count("ms-feedback__mark") == 0
    assert '"headline": "' in text or '"headline":"' in text
