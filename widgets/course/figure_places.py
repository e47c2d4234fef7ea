"""figures.yaml: which figures each section shows, and after which part."""
from __future__ import annotations

from pathlib import Path

from . import yamlsrc
from .context import _Ctx
from .figure_names import FIGURE_NAMES
from .models import Section


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
