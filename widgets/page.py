"""A section as a page of parts: the one sequence notebooks and handouts both show.

Every method returns a sanitised HTML fragment built from the content; the notebook wraps
them for display, the handout templates place them in a page.
"""
from __future__ import annotations

from .course import Course, Section
from .course.models import GlossaryTerm, cited_keys
from .text import Citations, Glossary, esc, markdown_html


class SectionPage:
    """The parts of one section, rendered: header, body, summary, references, footer."""

    def __init__(self, course: Course, section: Section | str, *, glossary_href: str = "",
                 ref_prefix: str | None = None):
        """``ref_prefix`` starts the ids of the reference list (``ref-R6``). A page that
        shows one section (a handout) can use a short ``"ref"``; the default names the
        section, as JupyterLab shows several notebooks in one document."""
        self.course = course
        self.section = course.section(section) if isinstance(section, (str, int)) else section
        footer_keys = [k for f in course.info.red_flags for k in cited_keys(f.action)]
        self.citations = Citations(self.section.citations() + footer_keys,
                                   anchor_prefix=ref_prefix or f"ref-{self.section.id}")
        self.glossary = Glossary(course.glossary, href_base=glossary_href)
        self._body: str | None = None
        self._rendered: tuple[list[tuple[str, str, str]], list[GlossaryTerm]] | None = None

    # -- helpers --------------------------------------------------------------
    def md(self, text: str, inline: bool = False, glossary: bool = True,
           linked: list | None = None) -> str:
        return markdown_html(text, self.citations, self.glossary if glossary else None,
                             inline=inline, linked=linked)

    @property
    def position(self) -> str:
        last = self.course.sections[-1].order
        return f"Section {self.section.number} of {last:02d}"

    # -- parts ------------------------------------------------------------------
    def header_html(self, title: bool = True) -> str:
        """Kicker, title (``title=False``: a notebook's Markdown cell shows it), notice,
        objectives."""
        meta = self.section.meta
        objectives = "".join(f"<li>{self.md(o.text, inline=True, glossary=False)}</li>"
                             for o in meta.objectives)
        return (
            f'<header class="course-section-header" id="{esc(self.section.id)}">'
            f'<p class="course-kicker">{esc(self.course.info.title)} · {esc(self.position)}</p>'
            + (f"<h1>{esc(meta.title)}</h1>" if title else "") +
            f'<p class="course-notice">{self.md(self.course.info.notice, inline=True, glossary=False)}</p>'
            f'<section class="course-objectives" aria-labelledby="{esc(self.section.id)}-objectives">'
            f'<h2 id="{esc(self.section.id)}-objectives">Learning objectives</h2>'
            f"<p>By the end of this section you will be able to:</p><ul>{objectives}</ul></section>"
            "</header>"
        )

    def _render_parts(self) -> tuple[list[tuple[str, str, str]], list[GlossaryTerm]]:
        """The parts rendered in one pass (each glossary term linked at its first use in
        the section) and the terms linked. Rendering is pure, so this is kept."""
        if self._rendered is None:
            linked: list[GlossaryTerm] = []
            out = []
            if self.section.intro.strip():
                out.append(("overview", "Overview", self.md(self.section.intro, linked=linked)))
            for part in self.section.parts:
                out.append((part.slug, part.title, self.md(part.markdown, linked=linked)))
            self._rendered = (out, linked)
        return self._rendered

    def parts(self) -> list[tuple[str, str, str]]:
        """(slug, title, html) for the opening and for each ``##`` part, in order."""
        return list(self._render_parts()[0])

    def body_html(self, part: str | int | None = None, heading: bool = True) -> str:
        """The prose, or one part of it (``"overview"`` is the opening); ``heading=False``
        leaves out the part's ``<h2>`` (a notebook shows it in a Markdown cell)."""
        if part is None and heading and self._body is not None:
            return self._body  # rendered once: the glossary and references need it too
        chunks = []
        for i, (slug, title, body) in enumerate(self.parts()):
            if part is not None and part not in (i, slug, title):
                continue
            h2 = "" if slug == "overview" or not heading else (
                f'<h2 id="{esc(self.section.id)}-{esc(slug)}">{esc(title)}</h2>')
            chunks.append(f'<section class="course-part">{h2}{body}</section>')
        if part is not None and not chunks:
            names = ", ".join(t for _, t, _ in self.parts())
            raise KeyError(f"section {self.section.id!r} has no part {part!r}; its parts: {names}")
        html_ = f'<div class="course-body">{"".join(chunks)}</div>'
        if part is None and heading:
            self._body = html_
        return html_

    def summary_html(self) -> str:
        items = "".join(f"<li>{self.md(k, inline=True, glossary=False)}</li>"
                        for k in self.section.meta.key_points)
        return (f'<section class="course-summary" aria-labelledby="{esc(self.section.id)}-summary">'
                f'<h2 id="{esc(self.section.id)}-summary">Key points</h2><ul>{items}</ul></section>')

    def glossary_html(self) -> str:
        terms = sorted(self._render_parts()[1], key=lambda t: t.term.casefold())
        if not terms:
            return ""
        items = "".join(
            f'<dt id="term-{esc(t.slug)}">{esc(t.term)}</dt>'
            f"<dd>{markdown_html(t.definition, self.citations, inline=True)}</dd>"
            for t in terms)
        return (f'<section class="course-glossary" aria-labelledby="{esc(self.section.id)}-terms">'
                f'<h2 id="{esc(self.section.id)}-terms">Terms in this section</h2><dl>{items}</dl>'
                "</section>")

    def references_html(self) -> str:
        # render everything that may cite first, so the list is complete and numbered
        self.header_html(), self.body_html(), self.summary_html(), self.footer_html()
        items = []
        for key in self.citations.keys:
            ref = self.course.references.get(key)
            text = esc(ref.citation()) if ref else esc(key)
            link = ""
            if ref and ref.links:
                link = " " + " ".join(f'<a class="course-ref-link" href="{esc(u)}">{esc(u)}</a>'
                                      for u in ref.links)
            items.append(f'<li id="{esc(self.citations.anchor(key))}">{text}{link} '
                         f'<span class="course-ref-key">[{esc(key)}]</span></li>')
        return (f'<section class="course-references" aria-labelledby="{esc(self.section.id)}-refs">'
                f'<h2 id="{esc(self.section.id)}-refs">References</h2><ol>{"".join(items)}</ol>'
                "</section>")

    def footer_html(self) -> str:
        info = self.course.info
        flags = "".join(
            f"<li><strong>{esc(f.signs)}</strong>: {self.md(f.action, inline=True, glossary=False)}</li>"
            for f in info.red_flags)
        reviewed = self.section.meta.last_reviewed
        return (
            f'<footer class="course-safety" aria-labelledby="{esc(self.section.id)}-safety">'
            f'<h2 id="{esc(self.section.id)}-safety">Safety: red flags and what to do</h2>'
            f"<p>{esc(info.red_flags_intro)}</p><ul class=\"course-red-flags\">{flags}</ul>"
            f'<p class="course-disclaimer"><strong>Educational use only.</strong> {esc(info.disclaimer)}</p>'
            f'<p class="course-reviewed">Content last reviewed: <time datetime="{reviewed.isoformat()}">'
            f"{reviewed.strftime('%d %B %Y').lstrip('0')}</time></p></footer>"
        )

    def teaching_html(self) -> str:
        meta = self.section.meta
        if not (meta.facilitator_notes or meta.discussion_prompts):
            return ""
        notes = "".join(f"<li>{self.md(n, inline=True, glossary=False)}</li>" for n in meta.facilitator_notes)
        prompts = "".join(f"<li>{self.md(n, inline=True, glossary=False)}</li>" for n in meta.discussion_prompts)
        out = f'<section class="course-teaching"><h2>For the educator</h2>'
        if notes:
            out += f"<h3>Facilitator notes</h3><ul>{notes}</ul>"
        if prompts:
            out += f"<h3>Discussion prompts</h3><ul>{prompts}</ul>"
        return out + "</section>"


def course_map_html(course: Course, href=lambda s: f"{s.number}-{s.id}.ipynb") -> str:
    """The table of contents: every section with its objectives' count and a link."""
    rows = "".join(
        f'<li><a href="{esc(href(s))}">{esc(s.number)} · {esc(s.title)}</a></li>'
        for s in course.sections)
    return (f'<nav class="course-map" aria-label="Course map"><h2>Course map</h2>'
            f"<ol start=\"0\">{rows}</ol></nav>")


def review_section_id(course: Course) -> str | None:
    """The section that offers the post-test: the one whose bank draws review items."""
    for s in course.sections:
        if getattr(course.banks.get(s.id), "review", None) is not None:
            return s.id
    return course.sections[-1].id if course.sections else None
