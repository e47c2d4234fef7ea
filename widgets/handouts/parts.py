"""A section page's parts (header, lessons, figures, quizzes, footer) and their print form."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace

from markupsafe import Markup

from ..course import Course, Section
from ..page import SectionPage, review_section_id
from ..text import markdown_html
from .figures import (PRINT_DROPS, Draw, FigureBlock, _figures, drop_elements, figure_script,
                      refer_back)
from .helpers import CourseCitations, _optional, alt_html, demote_headings, safe, scope_ids

_NOTICE = re.compile(r'<p class="course-notice">.*?</p>', re.S)
REVIEWED_LINE = re.compile(r'<p class="course-reviewed">.*?</p>', re.S)


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


def _paper(fragment: str) -> str:
    """A quiz fragment as a worksheet (widgets/quiz/worksheet.py), screen-only parts dropped."""
    worksheet = _optional("widgets.quiz.worksheet", "print_worksheet")
    return drop_elements(worksheet(fragment) if worksheet else fragment, PRINT_DROPS)


def quiz_html(course: Course, section: Section, variant: str) -> str:
    render = _optional("widgets.quiz", "offline_quiz_html")
    if render is None or not course.quiz(section.id).questions:
        return ""
    # the handout page shows the facilitator notes once, under the section header
    # (SectionPage.teaching_html), so the quiz leaves them out; the page's head carries the
    # feedback wording once (Assets.head), so no quiz block repeats it
    return render(course, section.id, variant=variant, teaching_notes=False, messages=False)


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
               figures: dict[str, list[FigureBlock]] | None = None,
               draw: Draw | None = None) -> "SectionParts":
        page = SectionPage(course, section, glossary_href=glossary_href, ref_prefix="ref")
        header = page.header_html()
        figures = _figures(course, section, figures, draw)
        where = course.figure_parts.get(section.id, {})
        checks_html, test_html = _offline("offline_checks_html"), _offline("offline_test_html")
        intro = page.body_html("overview") if section.intro.strip() else ""
        parts = [PartBlock(p.slug, p.title, page.body_html(p.slug),
                           [f for f in figures if where.get(f.name) == p.slug],
                           checks_html(course, section.id, p.slug, variant=variant,
                                       messages=False)
                           if checks_html else "")
                 for p in section.parts]
        tests = ""
        if test_html is not None:
            if section.order == 0:
                tests = test_html(course, "pre", variant=variant, messages=False)
            elif section.id == review_section_id(course):
                tests = test_html(course, "post", variant=variant, messages=False)
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

    def for_print(self, notice: str | None = None) -> "SectionParts":
        """The same parts with headings one level down and ids unique on the print page.
        ``notice`` (HTML): the print page shows the safety box once, at its start, so the
        section's notice says this instead and its footer keeps only the review date."""
        names = ["header", "teaching", "body", "quiz", "summary", "terms", "references", "footer",
                 "tests"]
        frags = [getattr(self, n) for n in names]
        if notice:
            header, footer = names.index("header"), names.index("footer")
            frags[header] = _NOTICE.sub(lambda m: f'<p class="course-notice">{notice}</p>',
                                        frags[header], count=1)
            reviewed = REVIEWED_LINE.search(frags[footer])
            frags[footer] = reviewed.group(0) if reviewed else frags[footer]
        for n in ("quiz", "tests"):  # on paper, quizzes are worksheets
            frags[names.index(n)] = _paper(frags[names.index(n)])
        frags += [x for p in self.parts for x in (p.body, _paper(p.checks))]
        scoped = [demote_headings(f) for f in scope_ids(frags, f"s{self.section.number}-")]
        kwargs = dict(zip(names, scoped))
        rest = iter(scoped[len(names):])
        parts = [PartBlock(p.slug, p.title, next(rest), [f.for_print() for f in p.figures],
                           next(rest)) for p in self.parts]
        return SectionParts(section=self.section, figures=[f.for_print() for f in self.figures],
                            has_quiz=self.has_quiz,
                            intro_figures=[f.for_print() for f in self.intro_figures],
                            parts=parts, **kwargs)


def refer_back_figures(sections: list[SectionParts], course: Course) -> list[SectionParts]:
    """The print page's sections with a description several figures share given in full
    once, at its first figure, and referred back to after that (:func:`figures.refer_back`,
    with content/handouts.yaml's ``print_figure_again``)."""
    again = course.handout_text.print_figure_again if course.handout_text else None
    shown = [f for s in sections for f in s.intro_figures + [f for p in s.parts for f in p.figures]]
    new = {f.div_id: f for f in refer_back(shown, again)}

    def swap(blocks: list[FigureBlock]) -> list[FigureBlock]:
        return [new.get(f.div_id, f) for f in blocks]

    return [replace(s, figures=swap(s.figures), intro_figures=swap(s.intro_figures),
                    parts=[replace(p, figures=swap(p.figures)) for p in s.parts])
            for s in sections]


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


def print_safety(course: Course, notice: str | None) -> tuple[str, str]:
    """(the box at the start of the print page, the page's footer). With a print
    ``notice`` the safety box moves to the start and the footer points back to it (the last
    section's review date is just above); without one the page ends with the box, as every
    other page does."""
    footer = course_footer_html(course)
    if not notice:
        return "", footer
    box = footer.replace("<footer", "<section", 1).replace("</footer>", "</section>")
    return box, f'<footer class="course-safety-note"><p class="course-notice">{notice}</p></footer>'


def section_markup(p: SectionParts) -> dict:
    """A section's parts as a template sees them: fragments marked safe, figures as dicts."""
    out = {n: safe(getattr(p, n)) for n in
           ("header", "teaching", "body", "quiz", "summary", "terms", "references", "footer",
            "tests")}

    def figs(blocks):
        return [dict(div_id=f.div_id, title=f.title, alt=alt_html(f.alt_text),
                     spec=Markup(f.spec_json), html=Markup(f.html), paper=f.paper,
                     script=Markup(figure_script(f)) if f.spec_json else "") for f in blocks]

    out["figures"] = figs(p.figures)
    out["intro_figures"] = figs(p.intro_figures)
    out["parts"] = [dict(slug=x.slug, title=x.title, body=safe(x.body), figures=figs(x.figures),
                         checks=safe(x.checks)) for x in p.parts]
    out["section"] = p.section
    return out
