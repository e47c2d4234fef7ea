"""The section page: the parts every notebook and handout show, from the content."""
import re

import pytest

from widgets.course import load_course
from widgets.page import SectionPage, course_map_html


@pytest.fixture(scope="module")
def course():
    return load_course()


def test_header_has_title_objectives_and_notice(course):
    s = course.section("nerve-damage-and-sensation")
    html = SectionPage(course, s).header_html()
    assert f"<h1>{s.title}</h1>" in html
    assert html.count("<li>") == len(s.meta.objectives)
    assert "Educational use only, not medical advice" in html


def test_every_section_has_footer_with_disclaimer_red_flags_and_review_date(course):
    for s in course.sections:
        html = SectionPage(course, s).footer_html()
        assert "Educational use only." in html
        assert html.count("<li>") == len(course.info.red_flags)
        assert "cauda equina" in html
        assert f'datetime="{s.meta.last_reviewed.isoformat()}"' in html


def test_reference_list_numbers_match_the_citations(course):
    for s in course.sections:
        page = SectionPage(course, s)
        body = page.body_html()
        refs = page.references_html()
        items = re.findall(r'<li id="ref-[^"]+-(R\d+[a-z]?)"', refs)
        assert items == page.citations.keys, s.id
        for n, key in enumerate(items, start=1):
            if f"#ref-{s.id}-{key}" in body:
                assert f'<a href="#ref-{s.id}-{key}">{n}</a>' in body


def test_a_one_section_page_can_use_short_reference_ids(course):
    """A handout page shows one section: ``ref-R6`` is unique there (the notebook default
    names the section, as JupyterLab shows several notebooks in one document)."""
    s = course.section(4)
    page = SectionPage(course, s, ref_prefix="ref")
    body, refs = page.body_html(), page.references_html()
    items = re.findall(r'<li id="ref-(R\d+[a-z]?)"', refs)
    assert items == page.citations.keys and items
    links = re.findall(r'<a href="#ref-(R\d+[a-z]?)">(\d+)</a>', body)
    assert links and all(items[int(n) - 1] == key for key, n in links)
    assert f"ref-{s.id}" not in body + refs


def test_body_parts_follow_the_markdown(course):
    s = course.section("diagnosing-leg-pain")
    page = SectionPage(course, s)
    titles = [t for _, t, _ in page.parts()]
    assert titles[1:] == [p.title for p in s.parts]
    one = page.body_html(part=s.parts[0].title)
    assert s.parts[0].title in one and s.parts[1].title not in one
    with pytest.raises(KeyError, match="has no part"):
        page.body_html(part="no such part")


def test_terms_in_section_are_defined_and_anchored(course):
    page = SectionPage(course, course.section("spasticity-and-muscle-contractions"))
    body = page.body_html()
    terms = page.glossary_html()
    for slug in re.findall(r'href="#term-([a-z0-9-]+)"', body):
        assert f'id="term-{slug}"' in terms


def test_teaching_notes_come_from_front_matter(course):
    s = course.section("medications")
    html = SectionPage(course, s).teaching_html()
    assert "Facilitator notes" in html and "Discussion prompts" in html
    assert html.count("<li>") == len(s.meta.facilitator_notes) + len(s.meta.discussion_prompts)


def test_course_map_lists_every_section(course):
    html = course_map_html(course)
    for s in course.sections:
        assert f'href="{s.number}-{s.id}.ipynb"' in html
