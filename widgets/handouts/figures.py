"""A section's figures as handout blocks: drawn once per build, and their print versions."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from ..course import Course, Section
from .helpers import _optional, script_json, slug
from .plotlyjs import check_traces

PLOTLY_CONFIG = {"responsive": True, "displaylogo": False}


@dataclass
class FigureBlock:
    div_id: str
    title: str
    alt_text: str
    spec_json: str  # script-safe JSON: {"data", "layout", "config"[, "frames"]}
    html: str = ""  # a table instead of a plot: sanitised HTML with its own caption
    name: str = ""  # the figure's name in figures.yaml
    # text alternatives several figures share the end of (FigureItem.alt_shared/alt_lead):
    # a page that shows them all may say the shared part once (see refer_back)
    alt_shared: str = ""
    alt_lead: str = ""
    paper: bool = False  # the print copy: figures.js draws it without its screen-only parts

    def for_print(self) -> "FigureBlock":
        """The figure as paper shows it: no dropdown, slider, animation frames or hover
        text (none of them prints, the text description below each figure says it all,
        and the print page carries every figure of the course), nor the notes that speak
        of them (annotations named ``SCREEN_ONLY``)."""
        from ..figures.base import SCREEN_ONLY

        if not self.spec_json:
            return self
        spec = json.loads(self.spec_json)
        spec.pop("frames", None)
        for control in ("sliders", "updatemenus"):
            spec["layout"].pop(control, None)
        if "annotations" in spec["layout"]:
            spec["layout"]["annotations"] = [a for a in spec["layout"]["annotations"]
                                             if a.get("name") != SCREEN_ONLY]
        hover = False
        for trace in spec["data"]:
            hover |= any([trace.pop(k, None) is not None for k in ("hovertext", "hovertemplate")])
            if "hovertext" not in trace:
                _straighten(trace)
        if hover:
            spec["layout"]["hovermode"] = False
        return replace(self, spec_json=script_json(spec), paper=True)


def refer_back(blocks: Iterable[FigureBlock], again: str | None) -> list[FigureBlock]:
    """``blocks`` (in page order) with each shared description given once: a later block
    whose text alternative ends with what an earlier one already said in full
    (``alt_shared``) keeps its own first lines (``alt_lead``) and then says ``again``
    (content/handouts.yaml's ``print_figure_again``, ``{title}``: the first one's title).
    Without ``again`` every block stays whole."""
    first: dict[str, FigureBlock] = {}
    out = []
    for b in blocks:
        if not (again and b.alt_shared):
            out.append(b)
        elif b.alt_shared not in first:
            first[b.alt_shared] = b
            out.append(b)
        else:
            note = again.replace("{title}", first[b.alt_shared].title)
            out.append(replace(b, alt_text="\n".join(x for x in (b.alt_lead, note) if x)))
    return out


def _straighten(trace: dict) -> None:
    """Drop the points inside a straight line that only carried hover (no marker drawn):
    paper has no hover, and the line looks the same through its two ends."""
    xs, ys = trace.get("x"), trace.get("y")
    size = (trace.get("marker") or {}).get("size")
    if not (isinstance(xs, list) and isinstance(ys, list) and isinstance(size, list)
            and len(xs) == len(ys) == len(size) > 2 and not any(size[1:-1])
            and all(isinstance(v, (int, float)) for v in xs + ys)):
        return
    (x1, y1), (x2, y2) = (xs[0], ys[0]), (xs[-1], ys[-1])
    # every point on the segment from the first to the last (within rounding)
    if any(abs((x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)) > 1e-2 for x, y in zip(xs, ys)):
        return
    trace["x"], trace["y"], trace["marker"]["size"] = [x1, x2], [y1, y2], [size[0], size[-1]]


# Each figure's spec once per handout folder: assets/<div id>.js, loaded by the section page
# and by print.html; assets/figures.js draws it (print.html: its paper copy, made in JS).
FIGURES_JS = Path(__file__).resolve().parent / "assets" / "figures.js"


def figures_script() -> str:
    """assets/figures.js with the name of the screen-only annotations filled in."""
    from ..figures.base import SCREEN_ONLY

    return FIGURES_JS.read_text("utf-8").replace('"__SCREEN_ONLY__"', script_json(SCREEN_ONLY))


def figure_script(block: FigureBlock) -> str:
    """The script that puts ``block``'s spec in ``window.MS_FIGURES`` (script-safe JSON:
    ``spec_json`` comes from :func:`script_json`, and so does the key)."""
    return (f"(window.MS_FIGURES = window.MS_FIGURES || {{}})[{script_json(block.div_id)}] = "
            f"{block.spec_json};\n")


def figure_files(parts: Iterable) -> dict[str, bytes]:
    """``assets/`` files of the figures of ``parts`` (a build's :class:`SectionParts`), by
    name: one per plotted figure, drawn by the section page and by the print page."""
    return {f"{b.div_id}.js": figure_script(b).encode("utf-8")
            for p in parts for b in p.figures if b.spec_json and not b.paper}


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
    on these figures), no ``meta`` (the Python side's bookkeeping), no ``"type": "scatter"``
    (plotly's default trace type, which plotly.py writes into every trace and frame)."""
    if isinstance(spec, float):
        r = round(spec, 3)
        return int(r) if r.is_integer() else r
    if isinstance(spec, list):
        return [compact(v) for v in spec]
    if isinstance(spec, dict):
        return {k: compact(v) for k, v in spec.items()
                if k != "meta" and not (k == "type" and v == "scatter")}
    return spec


Draw = Callable[[Course, Section], "list[FigureBlock]"]


def figure_blocks(course: Course, section: Section,
                  lookup: Callable[[], Callable | None] | None = None) -> list[FigureBlock]:
    """``lookup``: where the section's figures come from (default :func:`_section_figures`)."""
    section_figures = (lookup or _section_figures)()
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
            blocks.append(FigureBlock(div_id, item.title, item.alt_text, "", item.html, name,
                                      *_shared(item)))
            continue
        spec = compact(json.loads(pio.to_json(item.figure, validate=False, engine="json")))
        check_traces(item.name, {d.get("type", "scatter") for d in spec.get("data", [])})
        payload = {"data": spec.get("data", []), "layout": spec.get("layout", {}),
                   "config": PLOTLY_CONFIG}
        if spec.get("frames"):
            payload["frames"] = spec["frames"]
        blocks.append(FigureBlock(div_id, item.title, item.alt_text, script_json(payload),
                                  "", name, *_shared(item)))
    return blocks


def _shared(item) -> tuple[str, str]:
    return getattr(item, "alt_shared", ""), getattr(item, "alt_lead", "")


def _figures(course: Course, section: Section,
             cache: dict[str, list[FigureBlock]] | None, draw: Draw | None = None
             ) -> list[FigureBlock]:
    """A section's figure blocks, drawn once per build (both variants show the same)."""
    draw = draw or figure_blocks
    if cache is None:
        return draw(course, section)
    if section.id not in cache:
        cache[section.id] = draw(course, section)
    return cache[section.id]
