"""Small helpers the handout pages share: file names, script-safe JSON, citations, ids."""
from __future__ import annotations

import html
import importlib
import re

from markupsafe import Markup

from ..course import Course, Section
from ..text import Citations, esc, markdown_html, script_json  # noqa: F401 (shared)


def page_name(section: Section) -> str:
    """The handout file of a section: ``03-nerve-damage-and-sensation.html``."""
    return f"{section.number}-{section.id}.html"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


class CourseCitations(Citations):
    """Citations on pages that are not a section: link each key to the references page."""

    def __init__(self, href: str = "references.html"):
        super().__init__([], anchor_prefix="ref")
        self.href = href

    def html(self, keys: list[str]) -> str:
        links = ", ".join(f'<a href="{self.href}#ref-{esc(k)}">{esc(k)}</a>' for k in keys)
        return f'<sup class="cite">[{links}]</sup>'


def md_inline(text: str, citations: Citations | None = None) -> Markup:
    return Markup(markdown_html(text, citations or CourseCitations(), inline=True))


# Page fragments are already sanitised by widgets.page/widgets.text; Markup marks them so.
def safe(fragment: str) -> Markup:
    return Markup(fragment)


_ID_ATTRS = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls|headers)="([^"]*)"')
_LOCAL_HREF = re.compile(r'\bhref="#([^"]*)"')

def scope_ids(fragments: list[str], prefix: str) -> list[str]:
    """Prefix every id defined in ``fragments`` (and every reference to it), so several
    sections can share the print-all page without duplicate ids."""
    ids = {m.group(2) for f in fragments for m in _ID_ATTRS.finditer(f) if m.group(1) == "id"}

    def attr(m: re.Match) -> str:
        values = [f"{prefix}{v}" if v in ids else v for v in m.group(2).split()]
        return f'{m.group(1)}="{" ".join(values)}"'

    def href(m: re.Match) -> str:
        return f'href="#{prefix}{m.group(1)}"' if m.group(1) in ids else m.group(0)

    return [_LOCAL_HREF.sub(href, _ID_ATTRS.sub(attr, f)) for f in fragments]


_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_TITLE_ATTR = re.compile(r'\s+title="[^"]*"')


def drop_titles(fragment: str) -> str:
    """``title=`` tooltips (glossary definitions, reference names) left out of every start
    tag: paper cannot show them, and the print page carries the terms and references."""
    return _START_TAG.sub(lambda m: _TITLE_ATTR.sub("", m.group(0)), fragment)


def demote_headings(fragment: str) -> str:
    """h1 → h2, h2 → h3 ...: a section inside the print-all page sits under its one h1."""
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", fragment)


def _optional(module: str, name: str):
    """A renderer other modules provide; ``None`` until it exists."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def alt_html(text: str) -> Markup:
    """A figure's plain-text alternative as paragraphs and lists (lines starting ``- ``)."""
    out, items = [], []
    for line in (l.strip() for l in text.splitlines()):
        if line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line:
            out.append(f"<p>{html.escape(line)}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return Markup("".join(out))


def handout_text(course: Course) -> dict | None:
    """content/handouts.yaml rendered to safe inline HTML, or None when a course has none."""
    ht = course.handout_text
    if ht is None:
        return None

    def md(text: str):
        return safe(markdown_html(text, inline=True))

    return dict(how_to_use=[md(t) for t in ht.how_to_use],
                how_to_use_instructor=[md(t) for t in ht.how_to_use_instructor],
                contents={k: md(v) for k, v in ht.contents.model_dump().items()},
                references_intro=md(ht.references_intro), answer_key_intro=md(ht.answer_key_intro),
                print_notice=md(ht.print_notice) if ht.print_notice else None)


def _natural_key(key: str):
    m = re.match(r"R(\d+)([a-z]?)$", key)
    return (int(m.group(1)), m.group(2)) if m else (10**6, key)
