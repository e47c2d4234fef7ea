"""Hostile content through the whole build: no payload is live in any handout page.

The fixture course is the real ``content/`` with ``tests/fixtures/injection/payloads.txt``
appended to every kind of text a page shows (see that folder's README).
"""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
import yaml

from widgets.course import DEFAULT_CONTENT

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "injection"
PAYLOADS = [line for line in (FIXTURE / "payloads.txt").read_text("utf-8").splitlines() if line]
PAYLOAD = " ".join(PAYLOADS)
# Our own inline script: one per figure, drawing the spec its asset holds (as it is, or its
# paper copy on the print page); the spec itself is in assets/<figure id>.js, checked below.
FIGURE_SCRIPT = re.compile(r'^MSFigures\.draw\("fig-[a-z0-9-]+"(, true)?\);$')
FIGURE_SRC = re.compile(r"^assets/fig-[a-z0-9-]+\.js$")
FIGURE_ASSET = re.compile(
    r'\(window\.MS_FIGURES = window\.MS_FIGURES \|\| \{\}\)\["(fig-[a-z0-9-]+)"\] = (\{.*\});\n', re.S)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
NEVER = {"img", "iframe", "object", "embed", "form", "base", "frame", "video", "audio", "source"}


def _salt(text: str) -> str:
    return f"{text} Injected [R1]: {PAYLOAD}"


def _yaml(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _salt_strings(node, keys: set):
    """Append the payload to every string under one of ``keys``, however deep."""
    if isinstance(node, dict):
        for k in list(node):
            v = node[k]
            if isinstance(v, str) and (k in keys or str(k).lower() in keys):
                node[k] = _salt(v)
            else:
                _salt_strings(v, keys)
    elif isinstance(node, list):
        for item in node:
            _salt_strings(item, keys)


def make_injected_content(dest: Path) -> Path:
    """A complete, valid copy of ``content/`` with the payloads in every kind of text."""
    shutil.copytree(DEFAULT_CONTENT, dest)
    sections = sorted((dest / "sections").glob("*.md"))
    target = next((p for p in sections if p.name.startswith("03-")), sections[-1])
    post = frontmatter.load(target)
    last = post["objectives"][-1]
    post["objectives"] = [*post["objectives"][:-1], {**last, "text": _salt(last["text"])}]
    post["key_points"] = [*post["key_points"], _salt("A salted key point")]
    post["facilitator_notes"] = [*post.get("facilitator_notes", []), _salt("A salted note")]
    post["discussion_prompts"] = [*post.get("discussion_prompts", []), _salt("A salted prompt")]
    post.content += (f"\n\nThis paragraph is hostile and is shown as text [R1]. {PAYLOAD}\n\n"
                     f"## A salted heading <script>alert(1)</script>\n\n"
                     f"- a list item [R1] {PAYLOAD}\n\n| a | b |\n|---|---|\n| {PAYLOADS[1]} | [R1] |\n")
    target.write_text(frontmatter.dumps(post), "utf-8")

    banks = sorted((dest / "quizzes").glob("*.yaml"))
    bank = next((p for p in banks if p.stem == target.stem), banks[0])
    data = _yaml(bank)
    _salt_strings(data, {"explanation", "text", "left", "right", "true", "false"})
    for question in data["questions"]:
        # the payload cites [R1]; the checker wants cited keys in the item's refs
        question["refs"] = list(dict.fromkeys([*question["refs"], "R1"]))
    # one prompt is salted: the same payload on every prompt would make them "nearly the
    # same prompt", which the bank checker rightly refuses
    data["questions"][0]["prompt"] = _salt(data["questions"][0]["prompt"])
    # the salted part gets a check-yourself item (one of the end quiz's), as every part must
    salted_part = re.sub(r"[^a-z0-9]+", "-", "A salted heading <script>alert(1)</script>".lower()).strip("-")
    end_quiz = [q for q in data["questions"] if not q.get("part") and not q.get("use")]
    end_quiz[-1]["part"] = salted_part
    _dump(bank, data)

    glossary = _yaml(dest / "glossary.yaml")
    for term in glossary[:5]:
        term["definition"] = _salt(term["definition"])
    _dump(dest / "glossary.yaml", glossary)

    if (dest / "pathway.yaml").exists():
        pathway = _yaml(dest / "pathway.yaml")
        _salt_strings(pathway, {"description", "caption"})
        for node in pathway.get("nodes", [])[:2]:
            node["label"] = node["label"] + " <b onmouseover=alert(1)>x</b><img src=x onerror=alert(1)>"
        _dump(dest / "pathway.yaml", pathway)

    course = _yaml(dest / "course.yaml")
    course["disclaimer"] = _salt(course["disclaimer"])
    course["subtitle"] = _salt(course.get("subtitle", ""))
    flag = course["red_flags"][0]
    salted = {k: _salt(flag[k]) for k in ("signs", "action")}
    # the sections' red-flag lists repeat course.yaml word for word (the checker compares
    # them): salt them the same way
    for page in sections:
        lines = page.read_text("utf-8").split("\n")
        for i, line in enumerate(lines):
            if line.startswith(("- **", "| ")):
                for k in ("signs", "action"):
                    lines[i] = lines[i].replace(" ".join(flag[k].split()), salted[k])
        page.write_text("\n".join(lines), "utf-8")
    course["red_flags"][0] = {**flag, **salted}
    _dump(dest / "course.yaml", course)
    # the payloads carry digits (alert(1)) that are not facts: say so in facts.yaml
    facts = _yaml(dest / "facts.yaml")
    facts["not_facts"] = [*facts.get("not_facts", []),
                          *({"text": line, "why": "an injection payload"} for line in PAYLOADS)]
    _dump(dest / "facts.yaml", facts)

    refs = _yaml(dest / "references.yaml")
    first = next(iter(refs))
    refs[first]["title"] = _salt(refs[first]["title"])
    # the checker refuses a javascript: link (tests/test_integrity.py); a hostile https one
    refs[first]["link"] = 'https://x.test/"><script>alert(1)</script><img/src=x/onerror=alert(1)>'
    _dump(dest / "references.yaml", refs)
    return dest


class Page(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._in_script: dict | None = None
        self._script_text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        if tag == "script":
            self._in_script, self._script_text = dict(attrs), []

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_text)))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_text.append(data)
        else:
            self.text.append(data)


def _is_js_url(value: str) -> bool:
    squashed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squashed.startswith(("javascript:", "vbscript:", "data:text/html"))


def assert_nothing_live(page_name: str, text: str) -> None:
    page = Page(text)
    for tag, attrs in page.elements:
        assert tag not in NEVER, (page_name, tag, attrs)
        for name, value in attrs:
            assert not name.lower().startswith("on"), (page_name, tag, name, value)
            if name.lower() in URL_ATTRS and value:
                assert not _is_js_url(value), (page_name, tag, name, value)
            if name.lower() == "style" and value:
                assert "url(" not in value and "expression(" not in value, (page_name, value)
        if tag == "style":
            raise AssertionError(f"{page_name}: a <style> element in a linked page")
        if tag == "link":
            assert dict(attrs).get("href", "").startswith("assets/"), (page_name, attrs)
    for attrs, body in page.scripts:
        # "<!--" in a script changes where a later "</script>" ends it
        assert not re.search(r"</script|<!--", body, re.I), (page_name, body[:200])
        if "src" in attrs:
            assert attrs["src"] in ("assets/plotly.min.js", "assets/quiz.js", "assets/present.js",
                                    "assets/record.js", "assets/dashboard.js",
                                    "assets/pathway-map.js", "assets/figures.js"
                                    ) or FIGURE_SRC.match(attrs["src"]), (page_name, attrs)
            assert not body.strip()
        elif attrs.get("type") == "application/json":
            json.loads(body)  # still one whole JSON value: nothing broke out of it
        else:
            assert FIGURE_SCRIPT.match(body), (page_name, body[:200])


def assert_figure_asset_inert(name: str, text: str) -> dict:
    """An assets/fig-*.js file: one assignment of one JSON value (labels stay strings in
    it: nothing can end the string or the object early), script-safe inlined too."""
    m = FIGURE_ASSET.fullmatch(text)
    assert m and f"{m.group(1)}.js" == name.rsplit("/", 1)[-1], (name, text[:200])
    assert not re.search(r"</script|<!--|\u2028|\u2029", text, re.I), name
    try:
        return json.loads(m.group(2))
    except ValueError as e:
        raise AssertionError(f"{name}: not one JSON value ({e})") from e


@pytest.fixture
def injected(injected_handouts) -> Path:
    """The session's one build of the injected copy (tests/conftest.py checks it is valid)."""
    return injected_handouts


def test_the_payloads_reach_the_pages_as_text(injected):
    section = next((injected / "student").glob("03-*.html"))
    text = " ".join(Page(section.read_text("utf-8")).text)
    assert "<script>alert(1)</script>" in text  # shown, escaped, as words
    assert "onerror=alert(1)" in text
    key = (injected / "instructor" / "answer-key.html").read_text("utf-8")
    assert "alert(1)" in " ".join(Page(key).text)


@pytest.mark.parametrize("variant", ["student", "instructor"])
def test_no_payload_is_live_in_any_page(injected, variant):
    pages = sorted((injected / variant).glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        assert_nothing_live(f"{variant}/{page.name}", page.read_text("utf-8"))
    # the hint minimap's pathway: one JSON value (labels as data, drawn as text by
    # minimap.js, tests/test_minimap_browser.py), then the code, unchanged
    # the figures' specs: one file each, one JSON value each; the salted pathway labels in
    # them are data (plotly draws them as text: test_handouts_browser -k injected)
    salted = 0
    for asset in sorted((injected / variant / "assets").glob("fig-*.js")):
        spec = assert_figure_asset_inert(f"{variant}/{asset.name}", asset.read_text("utf-8"))
        salted += "<img src=x onerror=alert(1)>" in json.dumps(spec, ensure_ascii=False)
    assert salted
    # the wording and record.js's config, stored once before quiz.js and record.js: one
    # JSON value each (script-safe), then the script unchanged
    from widgets.quiz.offline import QUIZ_JS
    from widgets.quiz.record import RECORD_JS

    for name, source, var in (("quiz.js", QUIZ_JS, "MSQuizMessages"),
                              ("record.js", RECORD_JS, "MSRecordConfig")):
        text = (injected / variant / "assets" / name).read_text("utf-8")
        m = re.match(rf"/\*[^*]*\*/\nwindow\.{var} = (\{{.*?\}});\n", text, re.S)
        assert m and text[m.end():] == source.read_text("utf-8"), name
        assert not re.search(r"</script|<!--", m.group(1), re.I), name
        json.loads(m.group(1))
    from widgets.figures.minimap import MINIMAP_JS

    asset = (injected / variant / "assets" / "pathway-map.js").read_text("utf-8")
    m = re.fullmatch(r"/\*[^*]*\*/\nwindow\.MSPathwayMap = \{ data: (\{.*?\}) \};\n(.*)",
                     asset, re.S)
    assert m and m.group(2) == MINIMAP_JS.read_text("utf-8")
    labels = [n["label"] for n in json.loads(m.group(1))["nodes"]]
    assert any("<img src=x onerror=alert(1)>" in label for label in labels)
    assert "<" not in m.group(1)  # escaped: safe inlined in a <script> too


def test_the_checker_itself_catches_live_markup():
    with pytest.raises(AssertionError):
        assert_nothing_live("x", '<p><img src=x onerror="alert(1)"></p>')
    with pytest.raises(AssertionError):
        assert_nothing_live("x", '<a href=" javascript:alert(1)">x</a>')
    with pytest.raises(AssertionError):
        assert_nothing_live("x", "<script>alert(1)</script>")
    with pytest.raises(AssertionError):  # a figure id that would run code
        assert_nothing_live("x", '<script>MSFigures.draw("fig-a");alert(1);</script>')
    with pytest.raises(AssertionError):  # a figure asset that ends its object early
        assert_figure_asset_inert("fig-a.js", '(window.MS_FIGURES = window.MS_FIGURES || {})'
                                  '["fig-a"] = {"a": 1}; alert(1); x = {};\n')
    with pytest.raises(AssertionError):
        assert_figure_asset_inert("fig-a.js", '(window.MS_FIGURES = window.MS_FIGURES || {})'
                                  '["fig-a"] = {"a": "</script><script>alert(1)"};\n')
    with pytest.raises(AssertionError):
        assert_nothing_live("x", '<script type="application/json">{"a": "<!--<script>"}</script>')
    assert_nothing_live("x", '<script type="application/json">{"a": "\\u003cb"}</script>')
    assert_nothing_live("x", '<script type="application/json">{"a": "<b>x<\\/b>"}</script>')
