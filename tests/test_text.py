"""Markdown → safe HTML: citations numbered, glossary linked, nothing live gets through."""
from widgets.course import load_course
from widgets.course.models import GlossaryTerm
from widgets.text import Citations, Glossary, markdown_html, plain_text, sanitise


def test_citations_are_numbered_in_order_of_first_use():
    cites = Citations([], anchor_prefix="ref-s")
    out = markdown_html("Pain is common [R6]. Also [R7, R6].", cites)
    assert cites.keys == ["R6", "R7"]
    assert '<sup class="cite">[<a href="#ref-s-R6">1</a>]</sup>' in out
    assert '<sup class="cite">[<a href="#ref-s-R7">2</a>, <a href="#ref-s-R6">1</a>]</sup>' in out
    assert "[R6]" not in out


def test_glossary_links_first_use_only_and_longest_term_first():
    terms = [GlossaryTerm(term="pain", definition="Hurt [R6].", refs=["R6"]),
             GlossaryTerm(term="neuropathic pain", definition="From nerve damage [R24].",
                          refs=["R24"], aliases=["neuropathic pains"])]
    gl = Glossary(terms, href_base="glossary.html")
    linked = []
    out = markdown_html("Neuropathic pain differs from pain. Pain again.", None, gl, linked=linked)
    assert out.count('class="term"') == 2
    assert 'href="glossary.html#term-neuropathic-pain" title="From nerve damage.">Neuropathic pain</a>' in out
    assert [t.term for t in linked] == ["neuropathic pain", "pain"]
    # rendering is pure: the same text renders the same again
    assert markdown_html("Neuropathic pain differs from pain. Pain again.", None, gl) == out


def test_glossary_does_not_link_inside_headings_or_links():
    gl = Glossary([GlossaryTerm(term="spasticity", definition="Stiffness [R14].", refs=["R14"])])
    out = markdown_html("## Spasticity\n\n[spasticity](https://example.org) and spasticity.", None, gl)
    assert "<h2>Spasticity</h2>" in out
    assert out.count('class="term"') == 1


def test_injection_payloads_are_not_live():
    payloads = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<div onclick="alert(1)">x</div>',
        "<iframe src='https://evil.example'></iframe>",
        "![pixel](https://tracker.example/p.png)",
    ]
    for p in payloads:
        out = markdown_html(p, Citations([]))
        tags = live_tags(out)
        assert not {t for t, _ in tags} & {"script", "img", "iframe", "style"}, out
        for _, attrs in tags:
            for name, value in attrs:
                assert not name.startswith("on"), out
                assert not (value or "").strip().lower().startswith("javascript:"), out


def live_tags(html: str) -> list[tuple[str, list]]:
    """Elements a browser would build from the HTML (escaped text is not an element)."""
    from html.parser import HTMLParser

    found = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    P().feed(html)
    return found


def test_sanitise_keeps_teaching_markup():
    html = sanitise('<table><tr><th scope="col">DN4</th></tr></table><sup class="cite">1</sup>')
    assert '<th scope="col">DN4</th>' in html and '<sup class="cite">1</sup>' in html


def test_plain_text_drops_citations():
    assert plain_text("Pain is *common* [R6, R7].") == "Pain is common."
    assert plain_text("See [the guide](https://example.org) [R6] and `DN4`.") == "See the guide and DN4."


def test_the_whole_course_renders_without_raw_citations():
    course = load_course()
    from widgets.page import SectionPage

    for s in course.sections:
        page = SectionPage(course, s)
        html = page.body_html() + page.summary_html()
        assert "[R" not in html, s.id


def test_a_citation_inside_a_link_title_leaves_the_markup_whole():
    cites = Citations([], anchor_prefix="ref-s")
    out = markdown_html('Read [the guideline](https://example.org "NICE [R6]") now [R6].', cites)
    tags = live_tags(out)
    links = [dict(attrs) for tag, attrs in tags if tag == "a"]
    assert {"href": "https://example.org", "title": "NICE [R6]"} in links
    assert out.count('<sup class="cite">') == 1
    assert [t for t, _ in tags] == ["p", "a", "sup", "a"]


def test_citations_are_not_linked_in_code_and_glossary_not_in_headings_or_table_headers():
    gl = Glossary([GlossaryTerm(term="spasticity", definition="Stiffness [R14].", refs=["R14"])])
    out = markdown_html("`[R6]` spasticity\n\n| spasticity |\n|---|\n| spasticity |",
                        Citations([]), gl)
    assert "<code>[R6]</code>" in out
    assert out.count('class="term"') == 1 and "<th>spasticity</th>" in out


def test_section_glossary_is_the_same_after_rendering_one_part():
    from widgets.page import SectionPage

    course = load_course()
    s = course.section("spasticity-and-muscle-contractions")
    whole = SectionPage(course, s)
    page = SectionPage(course, s)
    page.body_html(part=s.parts[0].title)
    assert page.body_html() == whole.body_html()
    assert 'class="term"' in page.body_html()
    assert page.glossary_html() == whole.glossary_html() != ""
