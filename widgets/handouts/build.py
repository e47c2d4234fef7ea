"""Offline handouts: the course as a folder of static HTML pages, one per section.

Every page is the notebook's sequence of parts (header, body, figures, quiz, summary, terms,
references, footer) rendered by :mod:`widgets.page`, placed in a Jinja2 template. Nothing is
fetched when a page is viewed: CSS, the quiz script and plotly.js sit in ``assets/`` beside
the pages. Two builds from the same sources are byte-identical.
"""
from __future__ import annotations

import dataclasses
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..course import Course, Section, load_course
from ..page import course_map_html
from ..quiz.record import record_page_config
from ..text import markdown_html
from . import figures as _figs
# moved to the modules below; re-exported so ``widgets.handouts.build`` keeps every name
from .answer_key import AnswerItem, answer_key, print_key_note
from .assets import ASSETS, Assets, QuizAssets, quiz_assets
from .figures import PLOTLY_CONFIG, PRINT_DROPS, FigureBlock, compact, drop_elements
from .helpers import (CourseCitations, _natural_key, _optional, alt_html, demote_headings,
                      drop_titles, handout_text, md_inline, page_name, safe, scope_ids,
                      script_json, slug)
from .parts import (Nav, PartBlock, SectionParts, course_footer_html, print_safety, quiz_html,
                    section_markup)
from .parts import refer_back_figures  # the print page: a shared figure description once
from .plotlyjs import ASSET_NAME as PLOTLY_JS
from .swap import GENERATOR, _check_target, _is_ours, _scratch, _swap_in  # noqa: F401

HERE = Path(__file__).resolve().parent
VARIANTS = ("student", "instructor")
DEFAULT_OUT = Path("build/handouts")

Progress = Callable[[str], None]


# Handouts draws figures through these two, so replacing ``build._section_figures`` (as the
# tests do) reaches every page.
def _section_figures():
    """``widgets.figures.section_figures`` (``None`` until that module provides it)."""
    return _figs._section_figures()


def figure_blocks(course: Course, section: Section) -> list[FigureBlock]:
    """A section's figure blocks, found through this module's :func:`_section_figures`."""
    return _figs.figure_blocks(course, section, _section_figures)


# ------------------------------------------------------------------ templates
@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.globals["GENERATOR"] = GENERATOR
    return env


class Handouts:
    """Renders the pages of one variant of the handouts."""

    def __init__(self, course: Course, variant: str = "student", assets: Assets | None = None,
                 figures: dict[str, list[FigureBlock]] | None = None):
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}; use one of {', '.join(VARIANTS)}")
        self.course = course
        self.variant = variant
        self.assets = assets or Assets()
        if self.assets.pathway is None and course.pathway is not None:  # the minimap's data
            self.assets = dataclasses.replace(self.assets, pathway=course.pathway)
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
                    record_config="")  # record.js carries what every page shares
        base.update(kw)
        return base

    def parts(self, section: Section) -> SectionParts:
        if section.id not in self._parts:
            self._parts[section.id] = SectionParts.render(self.course, section, self.variant,
                                                          figures=self._figures, draw=figure_blocks)
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
        if name == "present.html":  # the presenter view
            from ..present_page import render_present

            return render_present(self)
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
                                        figures=self._figures, draw=figure_blocks)
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
            record_config=safe(script_json(record_page_config(self.course, pages=page_name))),
            course_map=safe(course_map),
            sections=self.course.sections, page_name=page_name))

    def references(self) -> str:
        refs = sorted(self.course.references.values(), key=lambda r: _natural_key(r.key))
        return self.env.get_template("references.html.j2").render(self._ctx(
            title="References", nav=Nav(current="references.html"), record_config="",
            head=self.assets.head(plotly=False, quiz=False), references=refs))

    def glossary(self) -> str:
        terms = sorted(self.course.glossary, key=lambda t: t.term.casefold())
        cites = CourseCitations()
        rows = [(t, md_inline(t.definition, cites), ", ".join(t.refs)) for t in terms]
        return self.env.get_template("glossary.html.j2").render(self._ctx(
            title="Glossary", nav=Nav(current="glossary.html"), record_config="",
            head=self.assets.head(plotly=False, quiz=False), terms=rows))

    def answer_key(self) -> str:
        return self.env.get_template("answer_key.html.j2").render(self._ctx(
            title="Answer key", nav=Nav(current="answer-key.html"), record_config="",
            head=self.assets.head(plotly=False, quiz=False), key=answer_key(self.course)))

    def print_all(self) -> str:
        """Every section on one page for paper: the safety box once at the start (print_safety),
        no ``title=`` tooltips; the answer key is linked (answer-key.html; pdf.py prints both)."""
        text = handout_text(self.course)
        notice = text["print_notice"] if text else None
        parts = refer_back_figures([self.parts(s).for_print(notice=notice)
                                    for s in self.course.sections], self.course)
        safety, footer = print_safety(self.course, notice)
        return drop_titles(self.env.get_template("print.html.j2").render(self._ctx(
            title=f"{self.course.info.title}: all sections", nav=Nav(current="print.html"),
            record_config="",  # no record.js on paper
            safety=safe(safety), course_footer=safe(footer),
            head=self.assets.head(plotly=any(p.has_plots for p in parts),
                                  quiz=any(p.has_quiz for p in parts), quiz_script=False),
            sections=[self._markup(p) for p in parts],
            key_note=print_key_note(self.course) if self.variant == "instructor" else None)))

    _markup = staticmethod(section_markup)


# ------------------------------------------------------------------ the build
def _write_variant(handouts: "Handouts", folder: Path, progress: Progress | None,
                   numbers: Iterator[int], total: int, label: str) -> None:
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    pages = handouts.pages()  # the presenter view's files only beside its page
    unused = set() if "present.html" in pages else {"present.js", "present.css"}
    files = handouts.assets.files()
    # each figure's spec once per folder (section page and print.html load it): share
    files.update(_figs.figure_files(handouts.parts(s) for s in handouts.course.sections))
    for name, data in files.items():
        if name not in unused:
            (folder / "assets" / name).write_bytes(data)
    for name in pages:
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
