"""Load and validate the whole course, collecting every problem with file and line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
from pydantic import BaseModel, ValidationError

from . import yamlsrc
from .models import (
    CITATION_RE,
    CourseInfo,
    HandoutText,
    GlossaryTerm,
    Part,
    Question,
    Quiz,
    QuizBank,
    Reference,
    Section,
    SectionMeta,
    cited_keys,
)
from .bank_rules import check_banks
from .charts import Charts
from .figure_names import FIGURE_NAMES, HIGHLIGHT_FIGURES
from .facts import Facts, load_facts
from .integrity import check_integrity
from .pathway import Pathway
from .locate import course_content, find_content, not_found_hint
from .problems import ContentError, Problem, rel

DEFAULT_CONTENT = course_content()  # the course's own content/ (find_content() picks the one used)
SECTION_NAME = re.compile(r"^(?P<num>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
QUIZ_NAME = re.compile(r"^(?P<num>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$")
MIN_SECTION_WORDS = 40


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
        node_ids = {n.id for n in pathway.nodes}
        for sid, bank in banks.items():
            path = ctx.bank_paths[sid]
            for qi, q in enumerate(bank.questions):
                for nid in q.nodes:
                    if nid not in node_ids:
                        ctx.add(path, ctx.line(path, ("questions", qi, "nodes")),
                                f"question {q.id!r} names pathway node {nid!r}, which "
                                "pathway.yaml does not define; use one of its node ids")
    by_id = {s.id: s for s in sections}
    for sid, bank in banks.items():
        path, section = ctx.bank_paths[sid], by_id.get(sid)
        if section is None:
            continue
        objectives = {o.id for o in section.meta.objectives}
        parts = {p.slug for p in section.parts}
        for qi, q in enumerate(bank.questions):
            if q.objective is not None and q.objective not in objectives:
                ctx.add(path, ctx.line(path, ("questions", qi, "objective")),
                        f"question {q.id!r} names objective {q.objective!r}, which the section's "
                        f"front matter does not define; use one of: {', '.join(sorted(objectives))}")
            if q.part is not None and q.part not in parts:
                ctx.add(path, ctx.line(path, ("questions", qi, "part")),
                        f"question {q.id!r} names part {q.part!r}, which the section does not "
                        f"have; use one of: {', '.join(sorted(parts))}")
    check_integrity(ctx, info, sections, banks, glossary, pathway, charts, facts, references)
    check_banks(ctx, sections, banks, pathway, facts)  # item-writing rules (bank_rules.py)
    all_ids: dict[str, str] = {}
    for sid, bank in banks.items():
        path = ctx.bank_paths[sid]
        for qi, q in enumerate(bank.questions):
            if q.id in all_ids:
                where = "earlier in this bank" if all_ids[q.id] == sid else f"in the {all_ids[q.id]!r} bank"
                ctx.add(path, ctx.line(path, ("questions", qi, "id")),
                        f"duplicate question id {q.id!r}: it is also used {where}; "
                        "question ids must be unique across the course")
            all_ids.setdefault(q.id, sid)

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


# ------------------------------------------------------------------ internals
class _Ctx:
    def __init__(self, root: Path, problems: list[Problem]):
        self.root = root
        self.problems = problems
        self.nodes: dict[Path, tuple[Any, int]] = {}  # path -> (yaml node, line offset)
        self.texts: dict[Path, str] = {}
        self.bank_paths: dict[str, Path] = {}
        self.validated: list[tuple[Path, tuple, BaseModel]] = []  # (file, YAML path, model)

    def add(self, path: Path, line: int, message: str) -> None:
        problem = Problem(rel(path, self.root), line, message)
        if problem not in self.problems:  # two checks may find the same thing
            self.problems.append(problem)

    def line(self, path: Path, loc: tuple) -> int:
        node, offset = self.nodes.get(path, (None, 0))
        return yamlsrc.line_of(node, loc, offset)

    def yaml_file(self, name: str, required: bool = True):
        path = self.root / name
        if not path.exists():
            if required:
                self.add(path, 1, f"missing file: the course needs {name} (see content/README.md)")
            return None
        return self.yaml_path(path)

    def yaml_path(self, path: Path):
        text = _read(self, path)
        if text is None:
            return None
        try:
            data, node = yamlsrc.parse(text)
        except yamlsrc.YamlFileError as exc:
            self.add(path, exc.line, exc.message)
            return None
        self.nodes[path] = (node, 0)
        self.texts[path] = text
        if data is None:
            self.add(path, 1, "the file is empty")
            return None
        return data, node, path

    def model_file(self, name: str, model: type[BaseModel]):
        loaded = self.yaml_file(name)
        if loaded is None:
            return None
        data, node, path = loaded
        return self.validate(model, data, path, node)

    def validate(self, model, data, path: Path, node, prefix: tuple = (), offset: int = 0,
                 context: dict | None = None):
        try:
            validated = model.model_validate(data, context=context)
            self.validated.append((path, prefix, validated))
            return validated
        except ValidationError as exc:
            for err in exc.errors():
                loc = prefix + tuple(p for p in err["loc"] if not _is_tag(p, model))
                line = yamlsrc.line_of(node, loc, offset)
                self.add(path, line, _message(err, loc))
            return None

    def check_model_refs(self, known: set[str]) -> None:
        """Unknown keys in the ``refs`` of every validated model, each at its own line."""
        for path, prefix, model in self.validated:
            for loc, key in _model_refs(model):
                if key not in known:
                    self.add(path, self.line(path, prefix + loc),
                             f"unknown reference key {key!r}; use a key from references.yaml "
                             "(the content brief's keys)")

    def check_citations(self, known: set[str]) -> None:
        for path, text in self.texts.items():
            for lineno, line in enumerate(text.splitlines(), start=1):
                for key in dict.fromkeys(cited_keys(line)):
                    if key not in known:
                        self.add(path, lineno, f"unknown reference key {key!r}; use a key from "
                                               "references.yaml (the content brief's keys)")


def _model_refs(value, loc: tuple = ()):
    """(YAML path, key) of every entry of every ``refs`` list a validated model holds,
    whichever YAML style wrote it (``refs: [R1]`` or one ``- R1`` per line)."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            child = getattr(value, name, None)
            key = field.alias or name
            if name == "refs" and isinstance(child, list):
                for i, ref in enumerate(child):
                    yield loc + (key, i), ref
            else:
                yield from _model_refs(child, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for i, child in enumerate(value):
            yield from _model_refs(child, loc + (i,))
    elif isinstance(value, dict):
        for k, child in value.items():
            yield from _model_refs(child, loc + (k,))


def _is_tag(part, model) -> bool:
    # pydantic puts the discriminator value ("single", ...) into the error location
    return isinstance(part, str) and part in ("single", "multiple", "truefalse", "ordering",
                                              "matching", "function-after[_graph()]")


def _message(err: dict, loc: tuple) -> str:
    where = ".".join(str(p) for p in loc if not str(p).startswith("function-"))
    msg = err.get("msg", "invalid")
    kind = err.get("type")
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind == "missing":
        return f"{where}: required field is missing; add it (see content/README.md)"
    if kind == "extra_forbidden":
        return f"{where}: unknown field; remove it or fix its spelling (see content/README.md)"
    if kind == "union_tag_invalid":
        return (f"{where}: unknown question kind; use one of single, multiple, truefalse, "
                "ordering, matching")
    if kind == "union_tag_not_found":
        return f"{where}: the question has no 'kind'; add one of single, multiple, truefalse, ordering, matching"
    if kind == "string_pattern_mismatch" and "refs" in [str(p) for p in loc]:
        return f"{where}: {err.get('input')!r} is not a reference key like R6 or R27a"
    if kind == "string_type":
        return (f"{where}: expected text, found {type(err.get('input')).__name__}; "
                "put quotes around text that contains ': ' or starts with a special character")
    if kind == "string_pattern_mismatch":
        return f"{where}: {err.get('input')!r} must be lower-case words joined by hyphens"
    return f"{where}: {msg}" if where else msg


def _read(ctx: _Ctx, path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        ctx.add(path, 1, f"not UTF-8 text ({exc.reason}); save the file as UTF-8")
    except OSError as exc:
        ctx.add(path, 1, f"cannot read the file: {exc.strerror}")
    return None


def _load_sections(ctx: _Ctx) -> list[Section]:
    folder = ctx.root / "sections"
    if not folder.is_dir():
        ctx.add(folder, 1, "missing folder: the course needs sections/NN-slug.md files")
        return []
    sections: list[Section] = []
    for path in sorted(folder.iterdir()):
        if path.suffix != ".md":
            continue
        m = SECTION_NAME.match(path.name)
        if not m:
            ctx.add(path, 1, "section file names must look like NN-slug.md (two digits, "
                             "lower-case words joined by hyphens)")
            continue
        text = _read(ctx, path)
        if text is None:
            continue
        section = _parse_section(ctx, path, text, int(m["num"]), m["slug"])
        if section is not None:
            sections.append(section)
    sections.sort(key=lambda s: s.order)
    ids = [s.id for s in sections]
    for s in sections:
        if ids.count(s.id) > 1:
            ctx.add(Path(s.file), 2, f"duplicate section id {s.id!r}; each section needs its own id")
    orders = [s.order for s in sections]
    for expected, s in enumerate(sections):
        if orders.count(s.order) > 1:
            ctx.add(Path(s.file), 2, f"section order {s.order} is used twice; give each section its own")
            break
        if s.order != expected:
            ctx.add(Path(s.file), 2, f"gap in section order: expected {expected:02d}, found "
                                     f"{s.order:02d}; renumber so the orders run 00, 01, 02, ...")
            break
    return sections


def _parse_section(ctx: _Ctx, path: Path, text: str, num: int, slug: str) -> Section | None:
    if not text.startswith("---"):
        ctx.add(path, 1, "a section starts with YAML front matter between '---' lines "
                         "(id, title, order, last_reviewed, objectives, key_points)")
        return None
    lines = text.splitlines()
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        ctx.add(path, 1, "front matter is not closed: add a line '---' after it")
        return None
    fm_text = "\n".join(lines[1:end])
    try:
        data, node = yamlsrc.parse(fm_text, line_offset=1)
    except yamlsrc.YamlFileError as exc:
        ctx.add(path, exc.line, exc.message)
        return None
    ctx.nodes[path] = (node, 1)
    ctx.texts[path] = text
    try:
        body = frontmatter.loads(text).content
    except Exception:  # noqa: BLE001 - python-frontmatter raises several kinds
        body = "\n".join(lines[end + 1:]).strip()
    # python-frontmatter drops the blank lines between the front matter and the body:
    # count them, so every reported body line is the line in the file
    blank = next((i for i, line in enumerate(lines[end + 1:]) if line.strip()), 0)
    body_start = end + 2 + blank  # 1-based line of the first body line
    if not isinstance(data, dict):
        ctx.add(path, 2, "front matter must be a mapping of fields (id: ..., title: ...)")
        return None
    meta = ctx.validate(SectionMeta, data, path, node, offset=1)
    if meta is None:
        return None
    if meta.id != slug:
        ctx.add(path, yamlsrc.line_of(node, ("id",), 1),
                f"id {meta.id!r} does not match the file name; use id: {slug}")
    if meta.order != num:
        ctx.add(path, yamlsrc.line_of(node, ("order",), 1),
                f"order {meta.order} does not match the file number {num:02d}")
    intro, parts = _split_parts(body, body_start)
    words = len(re.findall(r"\w+", CITATION_RE.sub("", body)))
    if words < MIN_SECTION_WORDS:
        ctx.add(path, body_start, f"the section has {words} words of prose; write at least "
                                  f"{MIN_SECTION_WORDS} below the front matter")
    _check_paragraph_citations(ctx, path, body, body_start)
    return Section(meta=meta, intro=intro, parts=parts, file=str(path))


def _split_parts(body: str, first_line: int) -> tuple[str, list[Part]]:
    intro: list[str] = []
    parts: list[Part] = []
    current: tuple[str, int, list[str]] | None = None
    in_code = False
    # body from python-frontmatter is stripped of leading blank lines; find its true offset
    for offset, line in enumerate(body.splitlines()):
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith("## "):
            if current:
                parts.append(Part(title=current[0], markdown="\n".join(current[2]).strip(),
                                  line=current[1]))
            current = (line[3:].strip(), first_line + offset, [])
        elif current:
            current[2].append(line)
        else:
            intro.append(line)
    if current:
        parts.append(Part(title=current[0], markdown="\n".join(current[2]).strip(), line=current[1]))
    return "\n".join(intro).strip(), parts


FACT_HINT = re.compile(r"\d|%|\b(is|are|was|were|causes?|leads?|affects?|found|reported|shows?)\b",
                       re.I)


def _check_paragraph_citations(ctx: _Ctx, path: Path, body: str, first_line: int) -> None:
    """Every prose paragraph that states something carries at least one citation."""
    para: list[str] = []
    start = first_line
    in_code = False

    def flush():
        text = " ".join(para).strip()
        if not text or text.startswith(("#", "|", ">")):
            return
        if len(re.findall(r"\w+", text)) < 12 or not FACT_HINT.search(text):
            return
        if not cited_keys(text):
            ctx.add(path, start, "this paragraph states facts without a citation; add the "
                                 "brief's reference key, e.g. [R6]")

    for offset, line in enumerate(body.splitlines()):
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        stripped = line.strip()
        is_item = bool(re.match(r"^([-*+]|\d+\.)\s", stripped))
        if not stripped or is_item or stripped.startswith("#"):
            flush()
            para = [stripped] if is_item else []
            start = first_line + offset
            if is_item:
                continue
            continue
        if not para:
            start = first_line + offset
        para.append(stripped)
    flush()


def _load_banks(ctx: _Ctx, sections: list[Section]) -> dict[str, QuizBank]:
    folder = ctx.root / "quizzes"
    banks: dict[str, QuizBank] = {}
    if not folder.is_dir():
        return banks
    by_stem = {f"{s.number}-{s.id}": s for s in sections}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        if not QUIZ_NAME.match(path.name):
            ctx.add(path, 1, "quiz bank names must look like NN-slug.yaml, matching a section file")
            continue
        loaded = ctx.yaml_path(path)
        if loaded is None:
            continue
        data, node, _ = loaded
        bank = ctx.validate(QuizBank, data, path, node)
        if bank is None:
            continue
        section = by_stem.get(path.stem)
        if section is None:
            ctx.add(path, 1, f"no section file sections/{path.stem}.md for this quiz bank; "
                             "name the bank after its section")
            continue
        if bank.section != section.id:
            ctx.add(path, yamlsrc.line_of(node, ("section",)),
                    f"section {bank.section!r} does not match the file name; use section: {section.id}")
            continue
        banks[section.id] = bank
        ctx.bank_paths[section.id] = path
    return banks


def _check_figures(ctx: _Ctx, data, node, path: Path, sections: list[Section]
                   ) -> tuple[dict[str, list[str]], dict[str, dict[str, str | None]]]:
    """figures.yaml: per section, its figures in order; each a name (shown after the
    opening) or ``{figure: name, part: part-slug}`` (shown after that ``## `` part)."""

    if not isinstance(data, dict):
        ctx.add(path, 1, "figures.yaml maps each section id to a list of figure names")
        return {}, {}
    by_id = {s.id: s for s in sections}
    out: dict[str, list[str]] = {}
    parts_of: dict[str, dict[str, str | None]] = {}
    for sid, entries in data.items():
        line = yamlsrc.line_of(node, (sid,))
        if sid not in by_id:
            ctx.add(path, line, f"unknown section id {sid!r}; use a section's id")
            continue
        if not isinstance(entries, list) or not entries:
            ctx.add(path, line, f"{sid}: give a list of figure names")
            continue
        slugs = [p.slug for p in by_id[sid].parts]
        names: list[str] = []
        where: dict[str, str | None] = {}
        for i, entry in enumerate(entries):
            at = yamlsrc.line_of(node, (sid, i))
            part = None
            if isinstance(entry, dict):
                extra = set(entry) - {"figure", "part"}
                if extra or "figure" not in entry:
                    ctx.add(path, at, f"{sid}: a figure entry is a name or {{figure: name, "
                                      f"part: part-slug}}; found keys {', '.join(map(str, entry))}")
                    continue
                name, part = entry["figure"], entry.get("part")
                if part is not None and part not in slugs:
                    ctx.add(path, yamlsrc.line_of(node, (sid, i, "part")),
                            f"{sid}: figure {name!r} names part {part!r}, which the section "
                            f"does not have; use one of: {', '.join(slugs) or '(no parts)'}, "
                            "or leave part out to show it after the opening")
                    part = None
            else:
                name = entry
            if name not in FIGURE_NAMES:
                ctx.add(path, at, f"{sid}: unknown figure {name!r}; known figures: "
                                  + ", ".join(sorted(FIGURE_NAMES)))
            name = str(name)
            if name in where:
                ctx.add(path, at, f"{sid}: figure {name!r} is listed twice; list it once")
                continue
            names.append(name)
            where[name] = None if part is None else str(part)
        out[sid] = names
        parts_of[sid] = where
    return out, parts_of
