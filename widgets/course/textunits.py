"""The course's text cut into units the integrity rules read: sentences of prose, list
items, table rows, key points, definitions, pathway descriptions, chart texts, red flags.

Each unit keeps its file and line, so a problem points at the place to fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import yamlsrc
from .models import cited_keys

ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|et al|vs|approx|cf)\.$")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]\*\*))\s+(?=[A-Z\"'(*\[])")


@dataclass(frozen=True)
class Unit:
    """One piece of text that stands on its own: a paragraph, list item, table row,
    key point, definition, label; ``keys`` are reference keys it carries besides its own
    citations (a glossary term's or a pathway node's ``refs``)."""

    path: Path
    line: int
    text: str
    keys: frozenset[str] = frozenset()
    red_flag: bool = False


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in SENTENCE_END.split(text):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [s for s in out if s.strip()]


# ------------------------------------------------------------- where text lives
def course_units(ctx, info) -> Iterator[Unit]:
    if info is None:
        return
    path = ctx.root / "course.yaml"
    for i, flag in enumerate(info.red_flags):
        yield Unit(path, ctx.line(path, ("red_flags", i, "signs")),
                   f"{flag.signs}: {flag.action}", frozenset(cited_keys(flag.action)), red_flag=True)


def section_units(ctx, sections) -> Iterator[Unit]:
    for section in sections:
        path = Path(section.file)
        meta = section.meta
        for field in ("key_points", "facilitator_notes", "discussion_prompts"):
            for i, text in enumerate(getattr(meta, field)):
                yield Unit(path, ctx.line(path, (field, i)), text)
        for i, obj in enumerate(meta.objectives):
            yield Unit(path, ctx.line(path, ("objectives", i, "text")), obj.text)
        yield from _body_units(path, ctx.texts.get(path, ""))


def _body_units(path: Path, text: str) -> Iterator[Unit]:
    lines = text.splitlines()
    fences = [i for i, ln in enumerate(lines) if ln.strip() == "---"]
    start = fences[1] + 1 if len(fences) > 1 and lines and lines[0].startswith("---") else 0
    heading, block, block_line, in_code, item = "", [], 0, False, False

    def flush():
        if block:   # a list item in a red-flag part is a red flag; a paragraph is not
            yield Unit(path, block_line, " ".join(block),
                       red_flag=item and _is_red_flag_part(heading))

    for i in range(start, len(lines)):
        raw = lines[i]
        stripped = raw.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        is_item = bool(re.match(r"^([-*+]|\d+\.)\s", stripped))
        is_row = stripped.startswith("|")
        if not stripped or is_item or is_row or stripped.startswith("#"):
            yield from flush()
            block, item = [], is_item
            if stripped.startswith("#"):
                heading = stripped.lstrip("#").strip()
                yield Unit(path, i + 1, heading)
            elif is_row:
                if not re.fullmatch(r"\|[\s:|-]+\|?", stripped) and not _is_header(lines, i):
                    yield Unit(path, i + 1, stripped, red_flag=_is_red_flag_part(heading))
            elif is_item:
                block, block_line = [re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)], i + 1
            continue
        if not block:
            block_line = i + 1
        block.append(stripped)
    yield from flush()


def _is_header(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and bool(re.fullmatch(r"\|[\s:|-]+\|?", lines[i + 1].strip()))


def _is_red_flag_part(heading: str) -> bool:
    return "red flag" in heading.lower()


def glossary_units(ctx, glossary) -> Iterator[Unit]:
    path = ctx.root / "glossary.yaml"
    for i, term in enumerate(glossary):
        yield Unit(path, ctx.line(path, (i, "definition")), term.definition, frozenset(term.refs))


def pathway_units(ctx, pathway) -> Iterator[Unit]:
    if pathway is None:
        return
    path = ctx.root / "pathway.yaml"
    for i, stage in enumerate(pathway.stages):
        yield Unit(path, ctx.line(path, ("stages", i, "caption")), stage.caption)
    for i, node in enumerate(pathway.nodes):
        yield Unit(path, ctx.line(path, ("nodes", i, "description")), node.description,
                   frozenset(node.refs))
    for i, edge in enumerate(pathway.edges):
        yield Unit(path, ctx.line(path, ("edges", i)), edge.label, frozenset(edge.refs))


CHART_SKIP = {"x_max", "scale_max", "score", "before", "share", "points", "percent",
              "reference_line", "low", "high", "value", "sections", "categories", "category"}


def chart_units(ctx, charts) -> Iterator[Unit]:
    if charts is None:
        return
    path = ctx.root / "charts.yaml"
    text = ctx.texts.get(path)
    if text is None:
        return
    data, node = yamlsrc.parse(text)
    for name, chart in (data or {}).items():
        if not isinstance(chart, dict):
            continue
        keys = set(chart.get("refs") or []) | set(cited_keys(str(chart.get("title", ""))))
        yield from _walk_chart(ctx, path, (name,), chart, frozenset(keys))


def _walk_chart(ctx, path: Path, loc: tuple, value: Any, keys: frozenset) -> Iterator[Unit]:
    if isinstance(value, dict):
        own = keys | frozenset(value.get("refs") or [])
        if "value" in value and value.get("refs") and "text" not in value:
            nums = " ".join(str(value[k]) for k in ("value", "low", "high") if k in value)
            yield Unit(path, ctx.line(path, loc), nums, own)
        for k, v in value.items():
            if k in CHART_SKIP or k == "refs":
                continue
            yield from _walk_chart(ctx, path, (*loc, k), v, own)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_chart(ctx, path, (*loc, i), v, keys)
    elif isinstance(value, str):
        yield Unit(path, ctx.line(path, loc), value, keys)
