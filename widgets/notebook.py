"""The notebook API: each section notebook is a few calls to one :class:`SectionView`.

    from widgets import open_section
    section = open_section("03")
    section.header()      # title, objectives
    section.intro()       # the opening prose and the figures that belong to no part
    section.part("how-demyelination-changes-conduction")
                          # one part: its prose, its figures, its check-yourself questions
    section.quiz()        # the end-of-section quiz (ipywidgets)
    section.summary()     # key points, terms, references
    section.footer()      # disclaimer, red flags, last reviewed

``body()`` and ``figures()`` still show all the prose and all the figures at once;
``pretest()`` / ``posttest()`` show the course's pre-test and post-test.
Each call displays its part; nothing is returned, so a cell may hold several.
"""
from __future__ import annotations

import html
from pathlib import Path

from IPython.display import HTML, display

from .course import ContentError, Course, find_content, load_course
from .page import SectionPage, course_map_html

_COURSES: dict[str, Course] = {}

STYLE = """<style>
.course-section-header h1{margin-bottom:.2em}
.course-kicker{color:#555;font-size:.9em;margin:0}
.course-notice{border-left:4px solid #0072B2;padding:.3em .8em;background:#f4f8fb}
.course-safety{border-top:2px solid #444;margin-top:1.5em;padding-top:.5em}
.course-red-flags li{margin:.3em 0}
.course-problems{border:2px solid #a00;padding:.5em 1em}
a.term{text-decoration:underline dotted}
sup.cite a{text-decoration:none}
.course-table caption{font-weight:600;text-align:left;padding:.3em 0}
.course-table th,.course-table td{text-align:left;vertical-align:top}
.course-table-note{font-size:.9em;color:#444}
</style>"""


def course(content: str | Path | None = None, *, reload: bool = False) -> Course:
    """The loaded course (cached per content folder)."""
    key = str(find_content(content))
    if reload or key not in _COURSES:
        _COURSES[key] = load_course(content)
    return _COURSES[key]


def _show(fragment: str) -> None:
    display(HTML(STYLE + fragment))


def problems_html(error: ContentError) -> str:
    items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in error.problems)
    return (f'<div class="course-problems" role="alert"><h2>The course content has problems</h2>'
            f"<p>Each line names the file, the line and what to fix. Run "
            f"<code>python -m widgets check</code> after fixing.</p><ul>{items}</ul></div>")


class SectionView:
    """One section, shown part by part in a notebook."""

    def __init__(self, course: Course, section_key: str | int):
        self.course = course
        self.page = SectionPage(course, course.section(section_key))
        self.section = self.page.section

    def header(self, title: bool = True) -> None:
        _show(self.page.header_html(title=title))

    def body(self, part: str | int | None = None) -> None:
        _show(self.page.body_html(part))

    def _show_figures(self, names: list[str]) -> None:
        from .figures import build_figure

        for name in names:
            item = build_figure(self.course, name)
            if item.html:  # a table: its caption and headers are its text
                _show(item.html)
                continue
            display(item.figure)  # the figure carries its own title
            lines = "".join(f"<p>{html.escape(x)}</p>" for x in item.alt_text.splitlines() if x.strip())
            _show(f'<details open class="course-figure-alt"><summary>Text description: '
                  f"{html.escape(item.title)}</summary>{lines}</details>")

    def figures(self) -> None:
        self._show_figures(self.course.figures.get(self.section.id, []))

    def intro(self) -> None:
        """The opening prose, then the figures that belong to no part."""
        if self.section.intro.strip():
            _show(self.page.body_html("overview", heading=False))
        self._show_figures(self.course.part_figures(self.section.id, None))

    def part(self, slug: str) -> None:
        """One part as a small lesson: its prose (its heading is the Markdown cell above),
        the figures that belong to it, then its check-yourself questions."""
        _show(self.page.body_html(slug, heading=False))
        self._show_figures(self.course.part_figures(self.section.id, slug))
        from .quiz.section_quiz import checks_widget

        checks = checks_widget(self.course, self.section.id, slug)
        if checks is not None:
            display(checks)

    def quiz(self):
        from .quiz import quiz_widget

        widget = quiz_widget(self.course, self.section.id)
        display(widget)
        return None

    def pretest(self) -> None:
        """The course's pre-test: one question per section, each with how sure."""
        from .quiz.section_quiz import prepost_widget

        display(prepost_widget(self.course, "pre"))

    def posttest(self) -> None:
        """The post-test: parallel questions on the same facts as the pre-test."""
        from .quiz.section_quiz import prepost_widget

        display(prepost_widget(self.course, "post"))

    def present(self):
        """The presenter view for a room: one question at a time, with the class tally."""
        from .present import presenter

        display(presenter(self.course, self.section.id))

    def summary(self) -> None:
        _show(self.page.summary_html() + self.page.glossary_html() + self.page.references_html())

    def footer(self) -> None:
        _show(self.page.footer_html())

    # start-here extras ------------------------------------------------------------
    def course_map(self) -> None:
        _show(course_map_html(self.course))

    def teaching_toggle(self) -> None:
        from .teaching import teaching_toggle

        display(teaching_toggle())

    def progress(self) -> None:
        from .dashboard import progress_dashboard
        from .review import review_widget

        dashboard = progress_dashboard(self.course)
        display(dashboard, review_widget(self.course, on_change=dashboard.refresh))


class _Unavailable:
    """Stands in for a section when the content has problems: each call shows nothing more."""

    def __getattr__(self, name):
        return lambda *a, **k: None


def open_section(key: str | int, content: str | Path | None = None):
    """Open a section by number (``"03"``) or id; show problems clearly if the content is broken."""
    try:
        return SectionView(course(content), key)
    except ContentError as exc:
        _show(problems_html(exc))
        return _Unavailable()
