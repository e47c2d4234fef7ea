"""Course Markdown → safe HTML: citations numbered per section, glossary terms linked.

Every piece of HTML that comes from a content file passes through :func:`sanitise`.
"""
from __future__ import annotations

import html
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


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # html=False: raw HTML in content is shown as text, never interpreted
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


class Citations:
    """Numbers a section's citations in order of first use; renders ``[R6]`` as a link."""

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

    def link(self, html_text: str) -> str:
        def repl(match: re.Match) -> str:
            keys = [k.strip() for k in match.group(1).split(",")]
            links = ", ".join(
                f'<a href="#{self.anchor(k)}" title="Reference {self.number(k)} ({k})">'
                f"{self.number(k)}</a>"
                for k in keys
            )
            return f'<sup class="cite">[{links}]</sup>'

        return CITATION_RE.sub(repl, html_text)


class Glossary:
    """Links the first use of each glossary term in a section to its definition."""

    def __init__(self, terms: list[GlossaryTerm], href_base: str = ""):
        self.terms = terms
        self.href_base = href_base
        self.used: list[GlossaryTerm] = []
        names: list[tuple[str, GlossaryTerm]] = []
        for t in terms:
            for name in [t.term, *t.aliases]:
                names.append((name, t))
        names.sort(key=lambda nt: -len(nt[0]))  # longest first: "neuropathic pain" before "pain"
        self._lookup = {n.casefold(): t for n, t in names}
        self._re = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n, _ in names) + r")(?![\w-])", re.I)
            if names else None
        )

    def link(self, html_text: str) -> str:
        if self._re is None:
            return html_text
        out: list[str] = []
        skip = 0  # inside <a>, headings, <sup>, <code>
        for chunk in re.split(r"(<[^>]+>)", html_text):
            if chunk.startswith("<"):
                tag = re.match(r"</?([a-z0-9]+)", chunk)
                name = tag.group(1) if tag else ""
                if name in ("a", "h1", "h2", "h3", "h4", "sup", "code", "pre", "dfn", "th"):
                    skip += -1 if chunk.startswith("</") else 1
                out.append(chunk)
                continue
            if skip > 0:
                out.append(chunk)
                continue
            out.append(self._re.sub(self._replace, chunk))
        return "".join(out)

    def _replace(self, match: re.Match) -> str:
        term = self._lookup.get(match.group(1).casefold())
        if term is None or term in self.used:
            return match.group(0)
        self.used.append(term)
        return (f'<a class="term" href="{self.href_base}#term-{term.slug}" '
                f'title="{html.escape(plain_text(term.definition), quote=True)}">{match.group(1)}</a>')


def markdown_html(text: str, citations: Citations | None = None, glossary: Glossary | None = None,
                  inline: bool = False) -> str:
    """Render course Markdown to sanitised HTML, linking citations and glossary terms."""
    md = _md()
    rendered = md.renderInline(text) if inline else md.render(text)
    rendered = sanitise(rendered)
    if glossary is not None:
        rendered = glossary.link(rendered)
    if citations is not None:
        rendered = citations.link(rendered)
    return rendered


def plain_text(text: str) -> str:
    """Markdown-ish text without citations, for alt text and labels."""
    text = CITATION_RE.sub("", text)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()
