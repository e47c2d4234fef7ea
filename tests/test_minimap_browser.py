"""The pathway minimap of a wrong answer in the offline handouts, in Chromium.

A question names only its pathway nodes (``data-nodes`` on ``.ms-quiz__pathway``); the
pathway sits once per folder in ``assets/pathway-map.js`` (widgets/figures/minimap.js), and
quiz.js draws the minimap when a wrong answer shows the hint. Driven as a reader does (the
session's one browser and one build: tests/conftest.py).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import axe_violations
from widgets.figures.minimap import minimap_name, node_chain_svg
from widgets.handouts import build as hb

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

pytestmark = pytest.mark.browser

# every element of an SVG as "tag sorted-attributes | own text", in document order
CANON = """el => { const out = []; const walk = e => {
  const a = [...e.attributes].filter(x => x.name !== 'xmlns')
    .map(x => x.name + '=' + x.value).sort();
  out.push(e.localName + ' ' + a.join(' ') + ' | ' + [...e.childNodes].filter(n => n.nodeType === 3)
    .map(n => n.textContent).join(''));
  [...e.children].forEach(walk); }; walk(el); return out; }"""


@pytest.fixture(scope="module")
def review(browser, built_handouts, course):
    """The review page (the most hint diagrams) of the student handouts, open in Chromium."""
    section = max(course.sections, key=lambda s: sum(
        bool(q.nodes) for q in course.quiz(s.id).questions))
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((built_handouts / "student" / hb.page_name(section)).resolve().as_uri())
    page.wait_for_selector(".ms-quiz__score")
    yield page
    assert errors == []
    context.close()


def test_a_wrong_answer_draws_the_highlighted_minimap(review, course):
    page = review
    q = page.locator(".ms-quiz-question:has(.ms-quiz__pathway[data-nodes*=' '])").first
    figure = q.locator(".ms-quiz__pathway")
    uid = q.get_attribute("id")
    data = json.loads(q.locator("script.ms-quiz-data").text_content())
    nodes = figure.get_attribute("data-nodes").split()
    question = next(x for b in course.banks.values() for x in b.questions
                    if x.id == q.get_attribute("data-question"))
    assert nodes == list(dict.fromkeys(question.nodes)) and len(nodes) >= 2
    assert figure.is_hidden() and figure.locator("svg").count() == 0  # nothing drawn yet

    L.click_answer(page, uid, data, L.all_wrong(data)[0], "medium")
    assert "Look again at the pathway:" in q.locator(".ms-quiz__feedback").inner_text()
    svg = figure.locator("svg.pathway-minimap")
    assert figure.is_visible() and svg.count() == 1 and svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 200 and box["height"] > 40
    # the highlighted boxes are exactly the question's nodes, marked by more than colour:
    # a thick dark border and bold text
    highlighted = svg.locator("g.node.highlighted")
    assert sorted(highlighted.evaluate_all("gs => gs.map(g => g.dataset.node)")) == sorted(nodes)
    for g in highlighted.all():
        assert g.locator("rect").get_attribute("stroke-width") == "3"
        assert g.locator("text").get_attribute("font-weight") == "bold"
    plain = svg.locator("g.node:not(.highlighted)")
    assert plain.count() >= 1  # the steps that lead to them, drawn plain
    assert all(g.locator("text").get_attribute("font-weight") is None for g in plain.all())
    # a screen reader hears an image named by what is highlighted and every link drawn
    name = minimap_name(course.pathway, nodes)
    assert name.startswith("Pathway map, highlighted: " + "; ".join(
        course.pathway.node(n).label for n in nodes) + ". Links shown: ")
    assert page.get_by_role("img", name=name, exact=True).count() == 1
    assert svg.get_attribute("role") == "img"

    page.click(f"#{uid} button[data-action='retry']")  # Try again: hidden, drawn once only
    assert figure.is_hidden()
    L.click_answer(page, uid, data, L.all_wrong(data)[0], "medium")
    assert figure.is_visible() and figure.locator("svg").count() == 1
    page.click(f"#{uid} button[data-action='retry']")
    L.click_answer(page, uid, data, L.right_answer(data), "medium")  # right: no hint diagram
    assert figure.is_hidden()
    page.click(f"#{uid} button[data-action='retry']")

    # shown once more, then checked by axe
    L.click_answer(page, uid, data, L.all_wrong(data)[0], "medium")
    assert figure.is_visible()
    assert axe_violations(page, f"#{uid}", preload=False) == []


def test_the_browser_draws_what_the_notebook_draws(review, course):
    """For every question's nodes in the course, the handout's drawing (pathway-map.js) is
    the notebook's minimap (minimap.py) element for element: boxes, arrows, labels, name."""
    sets = sorted({tuple(q.nodes) for b in course.banks.values() for q in b.questions if q.nodes})
    assert len(sets) >= 10
    for nodes in sets:
        drawn = review.evaluate(f"ids => ({CANON})(MSPathwayMap.draw(ids))", list(nodes))
        python = review.evaluate(
            f"src => ({CANON})(new DOMParser().parseFromString(src, 'image/svg+xml')"
            ".documentElement)", node_chain_svg(course.pathway, list(nodes)))
        assert drawn == python, nodes
    assert review.evaluate("() => MSPathwayMap.draw(['no-such-node'])") is None


def test_hostile_node_labels_are_drawn_as_words(browser, injected_handouts):
    """Node labels with markup in them (tests/fixtures/injection) become SVG text, never
    elements: minimap.js writes textContent only."""
    page = browser.new_page()
    try:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
        page.goto(next((injected_handouts / "student").glob("03-*.html")).resolve().as_uri())
        page.wait_for_selector(".ms-quiz__score")
        data = page.evaluate("() => MSPathwayMap.data.nodes")
        salted = [n for n in data if "onerror=alert(1)" in n["label"]]
        assert salted, "the injected copy salts the first node labels"
        drawn = page.evaluate("ids => { const s = MSPathwayMap.draw(ids); document.body.append(s);"
                              " return [s.querySelectorAll('img, b, script').length,"
                              " s.querySelector('title').textContent, s.textContent]; }",
                              [n["id"] for n in salted])
        assert drawn[0] == 0 and "<img src=x onerror=alert(1)>" in drawn[1]
        assert "onmouseover=alert(1)" in drawn[2]
        page.mouse.move(5, 5)
        assert errors == []
    finally:
        page.close()
