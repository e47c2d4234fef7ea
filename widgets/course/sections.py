"""Section files (sections/NN-slug.md): front matter, ``## `` parts and paragraph citations."""
from __future__ import annotations

import re
from pathlib import Path

import frontmatter

from . import yamlsrc
from .context import _Ctx, _read
from .models import CITATION_RE, Part, Section, SectionMeta, cited_keys

SECTION_NAME = re.compile(r"^(?P<num>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
MIN_SECTION_WORDS = 40


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
