"""Load and validate the whole course, collecting every problem with file and line."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import yamlsrc
from .models import (
    CourseInfo,
    HandoutText,
    GlossaryTerm,
    Question,
    Quiz,
    QuizBank,
    Reference,
    Section,
)
from .bank_rules import check_banks
from .banks import (  # noqa: F401 (QUIZ_NAME kept importable from here)
    QUIZ_NAME,
    _check_question_links,
    _check_question_nodes,
    _check_unique_ids,
    _load_banks,
)
from .charts import Charts
from .context import _Ctx
from .figure_names import HIGHLIGHT_FIGURES
from .figure_places import _check_figures
from .facts import Facts, load_facts
from .integrity import check_integrity
from .pathway import Pathway
from .locate import course_content, find_content, not_found_hint
from .messages import check_messages
from .problems import ContentError, Problem
from .sections import MIN_SECTION_WORDS, SECTION_NAME, _load_sections  # noqa: F401 (kept importable)

DEFAULT_CONTENT = course_content()  # the course's own content/ (find_content() picks the one used)


@dataclass
class Course:
    """The validated course: plain data, no widgets, no figures."""

    root: Path
    info: CourseInfo
    sections: list[Section]
    references: dict[str, Reference]
    glossary: list[GlossaryTerm]
    banks: dict[str, QuizBank]
    pathway: Pathway | None
    figures: dict[str, list[str]] = field(default_factory=dict)
    charts: Charts | None = None
    handout_text: HandoutText | None = None
    facts: Facts | None = None
    figure_parts: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def part_figures(self, section_id: str, part_slug: str | None) -> list[str]:
        """The figures shown right after one part (``None``: after the section's opening)."""
        where = self.figure_parts.get(section_id, {})
        return [n for n in self.figures.get(section_id, []) if where.get(n) == part_slug]

    def section(self, key: str | int) -> Section:
        """A section by id (``"understanding-ms"``), number (``"02"``/``2``) or file stem."""
        for s in self.sections:
            if key in (s.id, s.order, s.number, f"{s.number}-{s.id}"):
                return s
        known = ", ".join(f"{s.number}-{s.id}" for s in self.sections)
        raise KeyError(f"no section {key!r}; the course has: {known}")

    def quiz(self, section_id: str) -> Quiz:
        """The end-of-section quiz: the bank's items that belong to no part and to no
        pre/post test. The review section's quiz adds every other bank's ``review: true``
        items (or, while no bank flags any, the first ``review.per_section`` of each)."""
        bank = self.banks.get(section_id)
        if bank is None:
            return Quiz(section=section_id, questions=[])
        questions: list[Question] = [q for q in bank.questions if q.part is None and q.use is None]
        if bank.review:
            flagged = any(q.review for b in self.banks.values() for q in b.questions)
            for s in self.sections:
                other = self.banks.get(s.id)
                if other is None or s.id == section_id:
                    continue
                if flagged:
                    questions.extend(q for q in other.questions if q.review)
                else:
                    own = [q for q in other.questions if q.part is None and q.use is None]
                    questions.extend(own[: bank.review.per_section])
        return Quiz(section=section_id, questions=questions)

    def checks(self, section_id: str, part_slug: str) -> list[Question]:
        """The check-yourself items asked right after one part of a section."""
        bank = self.banks.get(section_id)
        return [q for q in bank.questions if q.part == part_slug] if bank else []

    def pretest(self) -> Quiz:
        """One item per section, asked before the course (start-here)."""
        return self._tests("pre")

    def posttest(self) -> Quiz:
        """The parallel items, asked at the end of the course (review)."""
        return self._tests("post")

    def _tests(self, use: str) -> Quiz:
        questions = [q for s in self.sections for q in getattr(self.banks.get(s.id), "questions", [])
                     if q.use == use]
        return Quiz(section=f"{use}test", questions=questions)

    def questions(self) -> list[Question]:
        """Every question of every bank, in section order."""
        return [q for s in self.sections for q in getattr(self.banks.get(s.id), "questions", [])]

    def question(self, question_id: str) -> Question:
        for bank in self.banks.values():
            for q in bank.questions:
                if q.id == question_id:
                    return q
        raise KeyError(f"no question {question_id!r}")


def load_course(content: str | Path | None = None) -> Course:
    """Load the course from ``content`` (default: the course's own folder).

    Raises :class:`ContentError` listing every problem as ``file:line: message``.
    """
    course, problems = check_course(content)
    if problems:
        raise ContentError(problems)
    assert course is not None
    return course


def check_course(content: str | Path | None = None) -> tuple[Course | None, list[Problem]]:
    """Validate a content folder; return the course (when usable) and every problem found."""
    root = find_content(content)
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [Problem(str(root), 1, not_found_hint())]
    ctx = _Ctx(root, problems)

    info = ctx.model_file("course.yaml", CourseInfo)
    refs_raw = ctx.yaml_file("references.yaml")
    references: dict[str, Reference] = {}
    if refs_raw is not None:
        data, node, path = refs_raw
        if not isinstance(data, dict):
            ctx.add(path, 1, "references.yaml must map each key (R1, R2, ...) to its details")
        else:
            for key, value in data.items():
                payload = dict(value or {}) if isinstance(value, dict) else value
                if isinstance(payload, dict):
                    payload["key"] = str(key)
                ref = ctx.validate(Reference, payload, path, node, prefix=(key,))
                if ref is not None:
                    references[ref.key] = ref

    glossary: list[GlossaryTerm] = []
    gl = ctx.yaml_file("glossary.yaml")
    if gl is not None:
        data, node, path = gl
        if not isinstance(data, list):
            ctx.add(path, 1, "glossary.yaml must be a list of {term, definition, refs}")
        else:
            for i, item in enumerate(data):
                term = ctx.validate(GlossaryTerm, item, path, node, prefix=(i,))
                if term is not None:
                    glossary.append(term)
            names = [t.term.casefold() for t in glossary]
            for t in glossary:
                if names.count(t.term.casefold()) > 1:
                    ctx.add(path, 1, f"glossary term {t.term!r} is defined more than once")
                    break

    sections = _load_sections(ctx)
    banks = _load_banks(ctx, sections)

    pathway = None
    pw = ctx.yaml_file("pathway.yaml", required=False)
    if pw is not None:
        data, node, path = pw
        pathway = ctx.validate(Pathway, data, path, node, context={"graph": "report"})
        if pathway is not None:  # every graph problem at its own line
            for loc, message in pathway.problems():
                ctx.add(path, ctx.line(path, loc), message)

    check_messages(ctx)  # the quiz's words (widgets.quiz.messages loads them)

    handout_text = None
    ht = ctx.yaml_file("handouts.yaml", required=False)
    if ht is not None:
        handout_text = ctx.validate(HandoutText, ht[0], ht[2], ht[1])

    figures: dict[str, list[str]] = {}
    figure_parts: dict[str, dict[str, str | None]] = {}
    fig = ctx.yaml_file("figures.yaml", required=False)
    if fig is not None:
        data, node, path = fig
        figures, figure_parts = _check_figures(ctx, data, node, path, sections)
        for sid, names in figures.items():
            for name in sorted(set(names) & HIGHLIGHT_FIGURES):
                if pathway is not None and name not in pathway.highlights:
                    ctx.add(path, yamlsrc.line_of(node, (sid,)),
                            f"{sid}: figure {name!r} highlights one pain type's chain; name it in "
                            f"pathway.yaml under highlights: ({name}: <pain type id>)")

    charts = None
    ch = ctx.yaml_file("charts.yaml", required=False)
    if ch is not None:
        data, node, path = ch
        charts = ctx.validate(Charts, data, path, node)
        if charts is not None and sections:
            for loc, message in charts.unknown_sections({s.id for s in sections}):
                ctx.add(path, ctx.line(path, loc), message)
    elif not (root / "charts.yaml").exists():
        shown = {n for names in figures.values() for n in names} & set(Charts.model_fields)
        if shown:
            ctx.add(root / "charts.yaml", 1, "missing file: figures.yaml shows the charts "
                    f"{', '.join(sorted(shown))}, whose numbers and words live in charts.yaml; "
                    "add it (see content/README.md)")

    facts = load_facts(ctx)

    # --- cross-checks: citations, question nodes -------------------------------
    if references:
        ctx.check_citations(set(references))
        ctx.check_model_refs(set(references))
    if pathway is not None:
        _check_question_nodes(ctx, banks, pathway)
    _check_question_links(ctx, banks, sections)
    check_integrity(ctx, info, sections, banks, glossary, pathway, charts, facts, references)
    check_banks(ctx, sections, banks, pathway, facts)  # item-writing rules (bank_rules.py)
    _check_unique_ids(ctx, banks)

    if info is None or problems:
        course = None
        if info is not None:
            course = Course(root, info, sections, references, glossary, banks, pathway, figures,
                            charts=charts, handout_text=handout_text, figure_parts=figure_parts,
                            facts=facts)
        return course, problems
    return Course(root, info, sections, references, glossary, banks, pathway, figures,
                  charts=charts, handout_text=handout_text, figure_parts=figure_parts,
                  facts=facts), problems

