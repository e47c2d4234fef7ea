"""Course Markdown → safe HTML: citations numbered per section, glossary terms linked.

Every piece of HTML that comes from a content file passes through :func:`sanitise`.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

from .course.models import CITATION_RE, GlossaryTerm

# Tags content may produce. No <img> (it could fetch from the network), no <script>/<style>.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "dfn", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}


def sanitise(fragment: str) -> str:
    """Remove anything that could run or fetch: scripts, event handlers, javascript: links."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        filter_style_properties={"text-align"},
    )


def esc(text: object) -> str:
    """Text made safe to place in HTML, attributes included: the package's one escape."""
    return html.escape(str(text), quote=True)


def script_json(value) -> str:
    """``value`` as compact JSON to place inside a ``<script>`` element (JSON data or a
    script): the package's one such escape.

    In a script element only ``</`` (which may close it: ``</script``) and ``<!--`` (which
    changes how a later ``</script>`` parses) matter, and both can appear only inside JSON
    strings, where ``\\/`` and ``\\u0021`` are valid escapes: ``JSON.parse`` and JavaScript
    read the same text back. ``&``, ``<`` and ``>`` otherwise stay as they are (no character
    references are read inside a script). U+2028/U+2029 are escaped for older JavaScript.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ------------------------------------------------------------ markdown-it plugins
# Citations and glossary terms are found on markdown-it's token stream, in text tokens only:
# never inside a link (its text or its title), a code span, a heading or a table header.
# What each render needs (the citation numbering, the glossary, the terms linked so far) is
# passed in markdown-it's ``env``: rendering keeps no state of its own.

def _split_text(token, pieces) -> list:
    """Replace one text token by text tokens and the given special tokens."""
    from markdown_it.token import Token

    out = []
    for piece in pieces:
        if isinstance(piece, str):
            if piece:
                t = Token("text", "", 0)
                t.content = piece
                out.append(t)
        else:
            out.append(piece)
    return out


def _walk_text(state, skip_headings: bool):
    """Yield (inline token, index in its children, text token) for text outside links."""
    tokens = state.tokens
    for i, block in enumerate(tokens):
        if block.type != "inline" or not block.children:
            continue
        if skip_headings and i > 0 and tokens[i - 1].type in ("heading_open", "th_open"):
            continue
        depth = 0
        for j, child in enumerate(block.children):
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            elif child.type == "text" and depth == 0:
                yield block, j, child


def _replace_children(edits) -> None:
    """Apply (block, index, new tokens) edits, last first so indexes stay valid."""
    for block, j, new in sorted(edits, key=lambda e: (id(e[0]), -e[1])):
        block.children[j:j + 1] = new


def _citation_rule(state) -> None:
    if state.env.get("citations") is None:
        return
    from markdown_it.token import Token

    edits = []
    for block, j, text in _walk_text(state, skip_headings=False):
        content = text.content
        if not CITATION_RE.search(content):
            continue
        pieces: list = []
        last = 0
        for m in CITATION_RE.finditer(content):
            pieces.append(content[last:m.start()])
            cite = Token("course_citation", "", 0)
            cite.meta = {"keys": [k.strip() for k in m.group(1).split(",")]}
            pieces.append(cite)
            last = m.end()
        pieces.append(content[last:])
        edits.append((block, j, _split_text(text, pieces)))
    _replace_children(edits)


def _render_citation(self, tokens, idx, options, env) -> str:
    return env["citations"].html(tokens[idx].meta["keys"])


def _glossary_rule(state) -> None:
    glossary: Glossary | None = state.env.get("glossary")
    if glossary is None or glossary.pattern is None:
        return
    from markdown_it.token import Token

    linked: list = state.env.setdefault("glossary_linked", [])
    edits = []
    for block, j, text in _walk_text(state, skip_headings=True):
        pieces: list = []
        last = 0
        for m in glossary.pattern.finditer(text.content):
            term = glossary.lookup.get(m.group(1).casefold())
            if term is None or term in linked:
                continue
            linked.append(term)
            pieces.append(text.content[last:m.start()])
            link = Token("course_term", "", 0)
            link.meta = {"term": term, "text": m.group(1)}
            pieces.append(link)
            last = m.end()
        if pieces:
            pieces.append(text.content[last:])
            edits.append((block, j, _split_text(text, pieces)))
    _replace_children(edits)


def _render_term(self, tokens, idx, options, env) -> str:
    glossary: Glossary = env["glossary"]
    term, text = tokens[idx].meta["term"], tokens[idx].meta["text"]
    return (f'<a class="term" href="{esc(glossary.href_base)}#term-{esc(term.slug)}" '
            f'title="{esc(plain_text(term.definition))}">{esc(text)}</a>')


def course_plugin(md: MarkdownIt) -> None:
    """The course's markdown-it plugin: citations ``[R6]`` and glossary terms as tokens."""
    md.core.ruler.push("course_citations", _citation_rule)
    md.core.ruler.push("course_glossary", _glossary_rule)
    md.add_render_rule("course_citation", _render_citation)
    md.add_render_rule("course_term", _render_term)


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # html=False: raw HTML in content is shown as text, never interpreted
    return (MarkdownIt("commonmark", {"html": False, "typographer": False})
            .enable("table").use(course_plugin))


class Citations:
    """Numbers a section's citations in order of first use; rendered as links by the plugin."""

    def __init__(self, keys: list[str], anchor_prefix: str = "ref"):
        self.keys: list[str] = []
        self.prefix = anchor_prefix
        for k in keys:
            self.number(k)

    def number(self, key: str) -> int:
        if key not in self.keys:
            self.keys.append(key)
        return self.keys.index(key) + 1

    def anchor(self, key: str) -> str:
        return f"{self.prefix}-{key}"

    def html(self, keys: list[str]) -> str:
        """One citation ``[R6, R8]`` as numbered links to the section's reference list
        (``[1, 2]``); the list shows each number with its key, so the links carry no title."""
        links = ", ".join(f'<a href="#{esc(self.anchor(k))}">{self.number(k)}</a>' for k in keys)
        return f'<sup class="cite">[{links}]</sup>'


class Glossary:
    """The glossary terms to link (the first use of each, per rendering) and where they point.

    Immutable once built: which terms a rendering linked is returned through ``linked``
    (see :func:`markdown_html`), so rendering one part never changes how another renders.
    """

    def __init__(self, terms: list[GlossaryTerm], href_base: str = ""):
        self.terms = terms
        self.href_base = href_base
        names: list[tuple[str, GlossaryTerm]] = []
        for t in terms:
            for name in [t.term, *t.aliases]:
                names.append((name, t))
        names.sort(key=lambda nt: -len(nt[0]))  # longest first: "neuropathic pain" before "pain"
        self.lookup = {n.casefold(): t for n, t in names}
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n, _ in names) + r")(?![\w-])", re.I)
            if names else None
        )


def markdown_html(text: str, citations: Citations | None = None, glossary: Glossary | None = None,
                  inline: bool = False, linked: list | None = None) -> str:
    """Render course Markdown to sanitised HTML, linking citations and glossary terms.

    ``linked`` carries the glossary terms already linked across several calls that make one
    page (first use per page); each term this call links is appended to it.
    """
    env = {"citations": citations, "glossary": glossary,
           "glossary_linked": linked if linked is not None else []}
    md = _md()
    rendered = md.renderInline(text, env) if inline else md.render(text, env)
    return sanitise(rendered)


_SPACE_BEFORE_CITATION = re.compile(r"\s*" + CITATION_RE.pattern)


def plain_text(text: str) -> str:
    """Markdown text as plain words, citations dropped with the space before them
    (for alt text, tooltips and labels)."""
    text = _SPACE_BEFORE_CITATION.sub("", text)
    words: list[str] = []
    for token in _md().parseInline(text, {}):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return re.sub(r"\s+", " ", "".join(words)).strip()
