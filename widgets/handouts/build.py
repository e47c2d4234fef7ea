"""Offline handouts: the course as a folder of static HTML pages, one per section.

Every page is the notebook's sequence of parts (header, body, figures, quiz, summary, terms,
references, footer) rendered by :mod:`widgets.page`, placed in a Jinja2 template. Nothing is
fetched when a page is viewed: CSS, the quiz script and plotly.js sit in ``assets/`` beside
the pages. Two builds from the same sources are byte-identical.
"""
from __future__ import annotations

import html
import importlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..course import Course, Section, load_course
from ..fileio import current_umask
from ..course.models import MultipleChoice, Ordering, SingleChoice, TrueFalse
from ..page import SectionPage, course_map_html, review_section_id
from ..quiz.record import DASHBOARD_JS, RECORD_JS, record_config
from ..text import Citations, markdown_html
from .plotlyjs import ASSET_NAME as PLOTLY_JS, check_traces, plotly_bundle

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"
VARIANTS = ("student", "instructor")
GENERATOR = "ms-leg-pain-course handouts"
PLOTLY_CONFIG = {"responsive": True, "displaylogo": False}
DEFAULT_OUT = Path("build/handouts")

Progress = Callable[[str], None]


# ----------------------------------------------------------------- small helpers
def page_name(section: Section) -> str:
    """The handout file of a section: ``03-nerve-damage-and-sensation.html``."""
    return f"{section.number}-{section.id}.html"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def script_json(value) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` can close the element."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class CourseCitations(Citations):
    """Citations on pages that are not a section: link each key to the references page."""

    def __init__(self, href: str = "references.html"):
        super().__init__([], anchor_prefix="ref")
        self.href = href

    def html(self, keys: list[str]) -> str:
        links = ", ".join(f'<a href="{self.href}#ref-{k}" title="Reference {k}">{k}</a>'
                          for k in keys)
        return f'<sup class="cite">[{links}]</sup>'


def md_inline(text: str, citations: Citations | None = None) -> Markup:
    return Markup(markdown_html(text, citations or CourseCitations(), inline=True))


# Page fragments are already sanitised by widgets.page/widgets.text; Markup marks them so.
def safe(fragment: str) -> Markup:
    return Markup(fragment)


_ID_ATTRS = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls|headers)="([^"]*)"')
_LOCAL_HREF = re.compile(r'\bhref="#([^"]*)"')


def scope_ids(fragments: list[str], prefix: str) -> list[str]:
    """Prefix every id defined in ``fragments`` (and every reference to it), so several
    sections can share the print-all page without duplicate ids."""
    ids = {m.group(2) for f in fragments for m in _ID_ATTRS.finditer(f) if m.group(1) == "id"}

    def attr(m: re.Match) -> str:
        values = [f"{prefix}{v}" if v in ids else v for v in m.group(2).split()]
        return f'{m.group(1)}="{" ".join(values)}"'

    def href(m: re.Match) -> str:
        return f'href="#{prefix}{m.group(1)}"' if m.group(1) in ids else m.group(0)

    return [_LOCAL_HREF.sub(href, _ID_ATTRS.sub(attr, f)) for f in fragments]


def demote_headings(fragment: str) -> str:
    """h1 → h2, h2 → h3 ...: a section inside the print-all page sits under its one h1."""
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", fragment)


# -------------------------------------------------------------- renderers we call
def _optional(module: str, name: str):
    """A renderer other modules provide; ``None`` until it exists."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


@dataclass(frozen=True)
class QuizAssets:
    js: Path | None
    css: Path | None


def quiz_assets() -> QuizAssets:
    js, css = _optional("widgets.quiz", "QUIZ_JS"), _optional("widgets.quiz", "QUIZ_CSS")
    return QuizAssets(Path(js) if js else None, Path(css) if css else None)


def quiz_html(course: Course, section: Section, variant: str) -> str:
    render = _optional("widgets.quiz", "offline_quiz_html")
    if render is None or not course.quiz(section.id).questions:
        return ""
    # the handout page shows the facilitator notes once, under the section header
    # (SectionPage.teaching_html), so the quiz leaves them out
    return render(course, section.id, variant=variant, teaching_notes=False)


def alt_html(text: str) -> Markup:
    """A figure's plain-text alternative as paragraphs and lists (lines starting ``- ``)."""
    out, items = [], []
    for line in (l.strip() for l in text.splitlines()):
        if line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line:
            out.append(f"<p>{html.escape(line)}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return Markup("".join(out))


@dataclass
class FigureBlock:
    div_id: str
    title: str
    alt_text: str
    spec_json: str  # script-safe JSON: {"data", "layout", "config"[, "frames"]}
    html: str = ""  # a table instead of a plot: sanitised HTML with its own caption
    name: str = ""  # the figure's name in figures.yaml

    def for_print(self) -> "FigureBlock":
        """The figure as paper shows it: no dropdown, slider, animation frames or hover
        text (none of them prints, the text description below each figure says it all,
        and the print page carries every figure of the course)."""
        if not self.spec_json:
            return self
        spec = json.loads(self.spec_json)
        spec.pop("frames", None)
        for control in ("sliders", "updatemenus"):
            spec["layout"].pop(control, None)
        for trace in spec["data"]:
            hover = [trace.pop(k, None) for k in ("hovertext", "hovertemplate")]
            if any(h is not None for h in hover):
                trace["hoverinfo"] = "none"
        return FigureBlock(self.div_id, self.title, self.alt_text, script_json(spec), self.html,
                           self.name)


# What a quiz needs on screen only (quiz.css hides it in print): the print page carries
# its quizzes as worksheets without it, and the answer key once, at the end (instructor).
PRINT_DROPS = ("ms-quiz__buttons", "ms-quiz__feedback", "ms-quiz__pathway", "ms-quiz__score",
               "ms-quiz__intro", "ms-quiz__key", "ms-quiz-data", "ms-quiz-messages")
_OPEN_TAG = re.compile(r'<(div|p|script)\b[^>]*\bclass="([^"]*)"[^>]*>')


def drop_elements(fragment: str, classes: Iterable[str]) -> str:
    """``fragment`` without the elements that carry one of ``classes`` (nesting counted)."""
    wanted = set(classes)
    out, pos = [], 0
    while True:
        m = _OPEN_TAG.search(fragment, pos)
        while m and not wanted & set(m.group(2).split()):
            m = _OPEN_TAG.search(fragment, m.end())
        if m is None:
            out.append(fragment[pos:])
            return "".join(out)
        tag, depth, i = m.group(1), 1, m.end()
        pair = re.compile(rf"<{tag}\b[^>]*>|</{tag}>")
        while depth:
            n = pair.search(fragment, i)
            if n is None:
                raise ValueError(f"unclosed <{tag} class={m.group(2)!r}> in a quiz fragment")
            depth += -1 if n.group(0).startswith("</") else 1
            i = n.end()
        out.append(fragment[pos:m.start()])
        pos = i


def _section_figures():
    """``widgets.figures.section_figures`` (``None`` until that module provides it)."""
    return _optional("widgets.figures", "section_figures")


def compact(spec):
    """A figure's JSON as the handouts need it: numbers to 3 decimals (a tenth of a pixel
    on these figures), no ``meta`` (the Python side's bookkeeping)."""
    if isinstance(spec, float):
        r = round(spec, 3)
        return int(r) if r.is_integer() else r
    if isinstance(spec, list):
        return [compact(v) for v in spec]
    if isinstance(spec, dict):
        return {k: compact(v) for k, v in spec.items() if k != "meta"}
    return spec


def figure_blocks(course: Course, section: Section) -> list[FigureBlock]:
    section_figures = _section_figures()
    if section_figures is None:
        return []
    import plotly.io as pio

    blocks: list[FigureBlock] = []
    seen: set[str] = set()
    for item in section_figures(course, section.id):
        name = item.name
        div_id = f"fig-{section.number}-{slug(item.name)}"
        n = 2
        while div_id in seen:
            div_id = f"fig-{section.number}-{slug(item.name)}-{n}"
            n += 1
        seen.add(div_id)
        if getattr(item, "html", ""):
            blocks.append(FigureBlock(div_id, item.title, item.alt_text, "", item.html, name))
            continue
        spec = compact(json.loads(pio.to_json(item.figure, validate=False, engine="json")))
        check_traces(item.name, {d.get("type", "scatter") for d in spec.get("data", [])})
        payload = {"data": spec.get("data", []), "layout": spec.get("layout", {}),
                   "config": PLOTLY_CONFIG}
        if spec.get("frames"):
            payload["frames"] = spec["frames"]
        blocks.append(FigureBlock(div_id, item.title, item.alt_text, script_json(payload),
                                  name=name))
    return blocks


def _figures(course: Course, section: Section,
             cache: dict[str, list[FigureBlock]] | None) -> list[FigureBlock]:
    """A section's figure blocks, drawn once per build (both variants show the same)."""
    if cache is None:
        return figure_blocks(course, section)
    if section.id not in cache:
        cache[section.id] = figure_blocks(course, section)
    return cache[section.id]


# ------------------------------------------------------------------ the pages
def handout_text(course: Course) -> dict | None:
    """content/handouts.yaml rendered to safe inline HTML, or None when a course has none."""
    ht = course.handout_text
    if ht is None:
        return None

    def md(text: str):
        return safe(markdown_html(text, inline=True))

    return dict(how_to_use=[md(t) for t in ht.how_to_use],
                how_to_use_instructor=[md(t) for t in ht.how_to_use_instructor],
                contents={k: md(v) for k, v in ht.contents.model_dump().items()},
                references_intro=md(ht.references_intro), answer_key_intro=md(ht.answer_key_intro))


@dataclass
class Nav:
    """Links a page shows at its top and bottom (hidden in print)."""

    prev: tuple[str, str] | None = None  # (href, title)
    next: tuple[str, str] | None = None
    current: str = ""


@dataclass
class PartBlock:
    """One ``## `` part as a small lesson: its prose, its figures, its check-yourself quiz."""

    slug: str
    title: str
    body: str
    figures: list[FigureBlock]
    checks: str


def _offline(name: str):
    return _optional("widgets.quiz.offline", name)


@dataclass
class SectionParts:
    """One section's parts in the notebook's order, as sanitised fragments: header, the
    opening and its figures, then part → its figures → its check-yourself questions, the
    pre/post test where the course has one, the end quiz, summary, terms, references,
    footer."""

    section: Section
    header: str
    teaching: str
    body: str  # the opening prose (before the first part)
    figures: list[FigureBlock]  # every figure of the section
    quiz: str
    summary: str
    terms: str
    references: str
    footer: str
    has_quiz: bool = False
    intro_figures: list[FigureBlock] = field(default_factory=list)
    parts: list[PartBlock] = field(default_factory=list)
    tests: str = ""

    @classmethod
    def render(cls, course: Course, section: Section, variant: str,
               glossary_href: str = "glossary.html",
               figures: dict[str, list[FigureBlock]] | None = None) -> "SectionParts":
        page = SectionPage(course, section, glossary_href=glossary_href)
        header = page.header_html()
        figures = _figures(course, section, figures)
        where = course.figure_parts.get(section.id, {})
        checks_html, test_html = _offline("offline_checks_html"), _offline("offline_test_html")
        intro = page.body_html("overview") if section.intro.strip() else ""
        parts = [PartBlock(p.slug, p.title, page.body_html(p.slug),
                           [f for f in figures if where.get(f.name) == p.slug],
                           checks_html(course, section.id, p.slug, variant=variant)
                           if checks_html else "")
                 for p in section.parts]
        tests = ""
        if test_html is not None:
            if section.order == 0:
                tests = test_html(course, "pre", variant=variant)
            elif section.id == review_section_id(course):
                tests = test_html(course, "post", variant=variant)
        quiz = quiz_html(course, section, variant)
        return cls(
            section=section, header=header,
            teaching=page.teaching_html() if variant == "instructor" else "",
            body=intro, figures=figures, quiz=quiz,
            summary=page.summary_html(), terms=page.glossary_html(),
            references=page.references_html(), footer=page.footer_html(),
            has_quiz=bool(quiz or tests or any(p.checks for p in parts)),
            intro_figures=[f for f in figures if where.get(f.name) is None],
            parts=parts, tests=tests,
        )

    @property
    def has_plots(self) -> bool:
        """Whether a figure needs plotly.js (a table does not)."""
        return any(f.spec_json for f in self.figures)

    def for_print(self) -> "SectionParts":
        """The same parts with headings one level down and ids unique on the print page."""
        names = ["header", "teaching", "body", "quiz", "summary", "terms", "references", "footer",
                 "tests"]
        frags = [getattr(self, n) for n in names]
        for n in ("quiz", "tests"):  # on paper, quizzes are worksheets
            frags[names.index(n)] = drop_elements(frags[names.index(n)], PRINT_DROPS)
        frags += [x for p in self.parts for x in (p.body, drop_elements(p.checks, PRINT_DROPS))]
        scoped = [demote_headings(f) for f in scope_ids(frags, f"s{self.section.number}-")]
        kwargs = dict(zip(names, scoped))
        rest = iter(scoped[len(names):])
        parts = [PartBlock(p.slug, p.title, next(rest), [f.for_print() for f in p.figures],
                           next(rest)) for p in self.parts]
        return SectionParts(section=self.section, figures=[f.for_print() for f in self.figures],
                            has_quiz=self.has_quiz,
                            intro_figures=[f.for_print() for f in self.intro_figures],
                            parts=parts, **kwargs)


def course_footer_html(course: Course) -> str:
    """Red flags, disclaimer and review date for pages that are not a section."""
    info = course.info
    cites = CourseCitations()
    flags = "".join(f"<li><strong>{html.escape(f.signs)}</strong>: "
                    f"{markdown_html(f.action, cites, inline=True)}</li>" for f in info.red_flags)
    reviewed = info.last_reviewed
    return (
        '<footer class="course-safety" aria-labelledby="course-safety">'
        '<h2 id="course-safety">Safety: red flags and what to do</h2>'
        f"<p>{html.escape(info.red_flags_intro)}</p><ul class=\"course-red-flags\">{flags}</ul>"
        f'<p class="course-disclaimer"><strong>Educational use only.</strong> '
        f"{html.escape(info.disclaimer)}</p>"
        f'<p class="course-reviewed">Content last reviewed: <time datetime="{reviewed.isoformat()}">'
        f"{reviewed.strftime('%d %B %Y').lstrip('0')}</time></p></footer>"
    )


def _natural_key(key: str):
    m = re.match(r"R(\d+)([a-z]?)$", key)
    return (int(m.group(1)), m.group(2)) if m else (10**6, key)


@dataclass
class AnswerItem:
    number: int
    prompt: Markup
    kind: str
    answer: Markup
    explanations: list[tuple[Markup, Markup]]  # (what, why)
    refs: str


def answer_key(course: Course) -> list[tuple[Section, list[AnswerItem]]]:
    """Every question of every bank with its answer and every explanation."""
    out = []
    cites = CourseCitations()
    for section in course.sections:
        bank = course.banks.get(section.id)
        if bank is None:
            continue
        items = []
        for i, q in enumerate(bank.questions, start=1):
            md = lambda t: md_inline(t, cites)  # noqa: E731
            explanations: list[tuple[Markup, Markup]] = []
            if isinstance(q, (SingleChoice, MultipleChoice)):
                right = [o.text for o in q.options if o.correct]
                answer = Markup("; ").join(md(t) for t in right)
                for o in q.options:
                    mark = "Correct" if o.correct else "Not correct"
                    explanations.append((Markup(f"{mark}: ") + md(o.text), md(o.explanation)))
                kind = "Choose one" if isinstance(q, SingleChoice) else "Choose all that apply"
            elif isinstance(q, TrueFalse):
                answer = Markup("True" if q.answer else "False")
                explanations = [(Markup("If the answer given is true"), md(q.explanations.true)),
                                (Markup("If the answer given is false"), md(q.explanations.false))]
                kind = "True or false"
            elif isinstance(q, Ordering):
                answer = Markup(" → ").join(md(s.text) for s in q.steps)
                explanations = [(Markup(f"Step {n}: ") + md(s.text), md(s.explanation))
                                for n, s in enumerate(q.steps, start=1)]
                kind = "Put in order"
            else:  # Matching
                answer = Markup("; ").join(md(p.left) + Markup(" → ") + md(p.right) for p in q.pairs)
                explanations = [(md(p.left) + Markup(" → ") + md(p.right), md(p.explanation))
                                for p in q.pairs]
                kind = "Match the pairs"
            items.append(AnswerItem(i, md(q.prompt), kind, answer, explanations,
                                    ", ".join(q.refs)))
        out.append((section, items))
    return out


# ------------------------------------------------------------------ templates
@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.globals["GENERATOR"] = GENERATOR
    return env


@dataclass
class Assets:
    """How a page reaches its CSS and scripts: relative links, or inlined (single file)."""

    inline: bool = False
    quiz: QuizAssets = field(default_factory=quiz_assets)

    def files(self) -> dict[str, bytes]:
        """Every file ``assets/`` holds, by name."""
        out = {
            "handout.css": (ASSETS / "handout.css").read_bytes(),
            "print.css": (ASSETS / "print.css").read_bytes(),
            PLOTLY_JS: plotly_bundle().source.encode("utf-8"),  # basic bundle: plotlyjs.py
        }
        if self.quiz.js:
            out["quiz.js"] = self.quiz.js.read_bytes()
            out["record.js"] = RECORD_JS.read_bytes()
            out["dashboard.js"] = DASHBOARD_JS.read_bytes()
        if self.quiz.css:
            out["quiz.css"] = self.quiz.css.read_bytes()
        from ..present_page import PRESENT_CSS, PRESENT_JS  # the presenter view's page

        out["present.js"], out["present.css"] = PRESENT_JS.read_bytes(), PRESENT_CSS.read_bytes()
        return out

    def head(self, *, plotly: bool, quiz: bool, record: bool | None = None,
             dashboard: bool = False, quiz_script: bool = True) -> Markup:
        """The ``<link>``/``<script>`` elements of a page's head. ``record``: record.js keeps
        the learner's answers (default: on pages with a quiz); ``dashboard``: the index
        dashboard (record.js and dashboard.js); ``quiz_script=False``: quizzes as
        worksheets (quiz.css, no quiz.js: the print page)."""
        record = (quiz and quiz_script if record is None else record) or dashboard
        styles = [("handout.css", "all")]
        if quiz and self.quiz.css:
            styles.append(("quiz.css", "all"))
        styles.append(("print.css", "print"))
        scripts = ([PLOTLY_JS] if plotly else []) + (
            ["quiz.js"] if quiz and quiz_script and self.quiz.js else [])
        scripts += ["record.js"] if record and self.quiz.js else []
        scripts += ["dashboard.js"] if dashboard and self.quiz.js else []
        parts = []
        if self.inline:
            files = self.files()
            for name, media in styles:
                css = files[name].decode("utf-8").replace("</", "<\\/")
                parts.append(f'<style media="{media}">\n{css}</style>')
            for name in scripts:
                js = files[name].decode("utf-8").replace("</script", "<\\/script")
                parts.append(f"<script>\n{js}</script>")
        else:
            parts += [f'<link rel="stylesheet" href="assets/{n}" media="{m}">' for n, m in styles]
            parts += [f'<script src="assets/{n}"{" defer" if n != "plotly.min.js" else ""}>'
                      "</script>" for n in scripts]
        return Markup("\n".join(parts))


class Handouts:
    """Renders the pages of one variant of the handouts."""

    def __init__(self, course: Course, variant: str = "student", assets: Assets | None = None,
                 figures: dict[str, list[FigureBlock]] | None = None):
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}; use one of {', '.join(VARIANTS)}")
        self.course = course
        self.variant = variant
        self.assets = assets or Assets()
        self.env = environment()
        self._parts: dict[str, SectionParts] = {}
        self._figures = {} if figures is None else figures  # shared by a build's variants

    # -- shared context -------------------------------------------------------------
    def _ctx(self, **kw) -> dict:
        base = dict(course=self.course, info=self.course.info, variant=self.variant,
                    instructor=self.variant == "instructor", nav=Nav(), standalone=False,
                    course_footer=safe(course_footer_html(self.course)),
                    notice=safe(markdown_html(self.course.info.notice, inline=True)),
                    text=handout_text(self.course),
                    record_config=safe(script_json(record_config())))
        base.update(kw)
        return base

    def parts(self, section: Section) -> SectionParts:
        if section.id not in self._parts:
            self._parts[section.id] = SectionParts.render(self.course, section, self.variant,
                                                          figures=self._figures)
        return self._parts[section.id]

    def pages(self) -> list[str]:
        """Every page's file name, in build order."""
        names = ["index.html"] + [page_name(s) for s in self.course.sections]
        names += ["references.html", "glossary.html"]
        if self.variant == "instructor":
            names += ["answer-key.html", "present.html"]
        return names + ["print.html"]

    def render(self, name: str) -> str:
        if name == "index.html":
            return self.index()
        if name == "references.html":
            return self.references()
        if name == "glossary.html":
            return self.glossary()
        if name == "answer-key.html":
            return self.answer_key()
        if name == "print.html":
            return self.print_all()
        if name == "present.html":  # the presenter view (widgets/present_page.py)
            from ..present_page import present_context, present_head

            return self.env.get_template("present.html.j2").render(self._ctx(
                title="Presenter view", nav=Nav(current="present.html"),
                head=self.assets.head(plotly=True, quiz=True, record=False) + present_head(),
                **present_context(self.course)))
        for s in self.course.sections:
            if page_name(s) == name:
                return self.section(s)
        raise KeyError(name)

    # -- pages ------------------------------------------------------------------
    def section(self, section: Section, *, standalone: bool = False) -> str:
        sections = self.course.sections
        i = sections.index(section)
        nav = Nav(
            prev=(page_name(sections[i - 1]), f"{sections[i - 1].number} · {sections[i - 1].title}")
            if i > 0 else None,
            next=(page_name(sections[i + 1]), f"{sections[i + 1].number} · {sections[i + 1].title}")
            if i + 1 < len(sections) else None,
            current=page_name(section))
        if standalone:  # one file on its own: glossary terms link to this page's own list
            parts = SectionParts.render(self.course, section, self.variant, glossary_href="",
                                        figures=self._figures)
        else:
            parts = self.parts(section)
        return self.env.get_template("section.html.j2").render(self._ctx(
            title=f"{section.number} · {section.title}", nav=nav, standalone=standalone,
            head=self.assets.head(plotly=parts.has_plots, quiz=parts.has_quiz),
            s=self._markup(parts)))

    def index(self) -> str:
        course_map = course_map_html(self.course, href=page_name)
        return self.env.get_template("index.html.j2").render(self._ctx(
            title=self.course.info.title, nav=Nav(current="index.html"),
            head=self.assets.head(plotly=False, quiz=False, dashboard=True),
            record_config=safe(script_json(record_config(self.course, pages=page_name))),
            course_map=safe(course_map),
            sections=self.course.sections, page_name=page_name))

    def references(self) -> str:
        refs = sorted(self.course.references.values(), key=lambda r: _natural_key(r.key))
        return self.env.get_template("references.html.j2").render(self._ctx(
            title="References", nav=Nav(current="references.html"),
            head=self.assets.head(plotly=False, quiz=False), references=refs))

    def glossary(self) -> str:
        terms = sorted(self.course.glossary, key=lambda t: t.term.casefold())
        cites = CourseCitations()
        rows = [(t, md_inline(t.definition, cites), ", ".join(t.refs)) for t in terms]
        return self.env.get_template("glossary.html.j2").render(self._ctx(
            title="Glossary", nav=Nav(current="glossary.html"),
            head=self.assets.head(plotly=False, quiz=False), terms=rows))

    def answer_key(self) -> str:
        return self.env.get_template("answer_key.html.j2").render(self._ctx(
            title="Answer key", nav=Nav(current="answer-key.html"),
            head=self.assets.head(plotly=False, quiz=False), key=answer_key(self.course)))

    def print_all(self) -> str:
        parts = [self.parts(s).for_print() for s in self.course.sections]
        return self.env.get_template("print.html.j2").render(self._ctx(
            title=f"{self.course.info.title}: all sections", nav=Nav(current="print.html"),
            head=self.assets.head(plotly=any(p.has_plots for p in parts),
                                  quiz=any(p.has_quiz for p in parts), quiz_script=False),
            sections=[self._markup(p) for p in parts],
            key=answer_key(self.course) if self.variant == "instructor" else None))

    @staticmethod
    def _markup(p: SectionParts) -> dict:
        out = {n: safe(getattr(p, n)) for n in
               ("header", "teaching", "body", "quiz", "summary", "terms", "references", "footer",
                "tests")}

        def figs(blocks):
            return [dict(div_id=f.div_id, title=f.title, alt=alt_html(f.alt_text),
                         spec=Markup(f.spec_json), html=Markup(f.html)) for f in blocks]

        out["figures"] = figs(p.figures)
        out["intro_figures"] = figs(p.intro_figures)
        out["parts"] = [dict(slug=x.slug, title=x.title, body=safe(x.body), figures=figs(x.figures),
                             checks=safe(x.checks)) for x in p.parts]
        out["section"] = p.section
        return out


# ------------------------------------------------------------------ the build
def _is_ours(folder: Path) -> bool:
    index = folder / "index.html"
    return index.is_file() and f'content="{GENERATOR}"' in index.read_text("utf-8", "replace")


def _check_target(folder: Path) -> None:
    """Refuse, before any work, to replace a folder that is not a previous build."""
    if folder.exists() and not (folder.is_dir()
                                and (_is_ours(folder) or not any(folder.iterdir()))):
        raise FileExistsError(f"{folder} exists and does not hold handouts; "
                              "choose another --out folder or remove it")


def _scratch(folder: Path) -> Path:
    """A fresh temporary sibling of ``folder`` to build into. Scratch folders that an
    interrupted build of ``folder`` left behind (named only by this function) go first."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    for left in folder.parent.glob(f".{folder.name}.building-*"):
        if left.is_dir():
            shutil.rmtree(left, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{folder.name}.building-", dir=folder.parent))


def _swap_in(scratch: Path, folder: Path) -> None:
    """Put a finished build in place of the previous one (which is removed only after)."""
    os.chmod(scratch, 0o777 & ~current_umask())  # mkdtemp makes it private; a build is for sharing
    old = None
    if folder.exists():
        _check_target(folder)  # still ours: nothing may have moved in meanwhile
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(folder, old)
    os.replace(scratch, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_variant(handouts: "Handouts", folder: Path, progress: Progress | None,
                   numbers: Iterator[int], total: int, label: str) -> None:
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    for name, data in handouts.assets.files().items():
        (folder / "assets" / name).write_bytes(data)
    for name in handouts.pages():
        if progress:
            progress(f"[{next(numbers)}/{total}] {label}{name}")
        (folder / name).write_text(handouts.render(name), encoding="utf-8", newline="\n")


def _build_and_swap(course: Course, jobs: list[tuple[str, Path, str]],
                    progress: Progress | None, numbers: Iterator[int], total: int) -> None:
    """Build every (variant, folder, label) into a scratch sibling, then swap them all in:
    a build that fails or is interrupted part-way leaves every previous build whole."""
    for _, folder, _ in jobs:
        _check_target(folder)
    scratches: list[Path] = []
    figures: dict[str, list[FigureBlock]] = {}  # drawn once, shown by every variant
    try:
        for variant, folder, label in jobs:
            scratch = _scratch(folder)
            scratches.append(scratch)
            _write_variant(Handouts(course, variant, figures=figures), scratch, progress, numbers,
                           total, label)
        for scratch, (_, folder, _) in zip(scratches, jobs):
            _swap_in(scratch, folder)
    finally:
        for scratch in scratches:
            if scratch.exists():
                shutil.rmtree(scratch, ignore_errors=True)


def build_variant(course: Course, variant: str, folder: Path,
                  progress: Progress | None = None, counter: Iterable[int] | None = None,
                  total: int = 0, label: str = "") -> Path:
    """Write one variant's pages and assets into ``folder`` (built beside it, then swapped in)."""
    total = total or len(Handouts(course, variant).pages())
    numbers = iter(counter) if counter is not None else iter(range(1, total + 1))
    _build_and_swap(course, [(variant, Path(folder), label)], progress, numbers, total)
    return folder


def build_handouts(content: str | Path | None = None, out: str | Path | None = None,
                   variant: str = "both", progress: Progress | None = None) -> Path:
    """Build the offline handouts; return the output folder.

    Each variant goes into its own folder, ``OUT/student/`` and ``OUT/instructor/``
    (``variant="both"`` builds the two). Raises :class:`ContentError` when the content has
    problems, and :class:`FileExistsError` rather than overwrite a folder that is not a
    previous build.
    """
    variants = VARIANTS if variant == "both" else (variant,)
    for v in variants:
        if v not in VARIANTS:
            raise ValueError(f"unknown variant {v!r}; use student, instructor or both")
    course = load_course(content)
    out = Path(out) if out is not None else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    total = sum(len(Handouts(course, v).pages()) for v in variants)
    jobs = [(v, out / v, f"{v}/" if len(variants) > 1 else "") for v in variants]
    _build_and_swap(course, jobs, progress, iter(range(1, total + 1)), total)
    return out
