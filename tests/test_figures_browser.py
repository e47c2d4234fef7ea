"""The pathway figure in headless Chromium: a standalone HTML file that loads plotly.js
from a local file (no CDN, no MathJax) renders an SVG with the node labels; the
dropdown highlights a chain; a screenshot goes to build/screens/pathway.png."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, require_chromium

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra: "
                               "pip install -e '.[test]'")
SCREENS = ROOT / "build" / "screens"


@pytest.fixture(scope="module")
def pathway():
    from widgets.course import load_course

    return load_course().pathway


def _export(fig, folder: Path, name: str) -> Path:
    import plotly.offline

    (folder / "plotly.min.js").write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    html = folder / f"{name}.html"
    fig.write_html(str(html), include_plotlyjs="plotly.min.js", include_mathjax=False,
                   full_html=True, auto_play=False, div_id=name)
    text = html.read_text(encoding="utf-8")
    import re

    sources = re.findall(r'<script[^>]*src="([^"]+)"', text)
    assert sources == ["plotly.min.js"], sources  # local plotly.js only: no CDN, no MathJax
    return html


@pytest.fixture(scope="module")
def page():
    require_chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1100, "height": 760})
        failed: list[str] = []
        pg.on("requestfailed", lambda r: failed.append(r.url))
        pg.failed = failed
        yield pg
        browser.close()


def test_pathway_renders_offline_with_its_labels(page, pathway, tmp_path):
    from widgets.figures.pathway import pathway_figure

    html = _export(pathway_figure(pathway), tmp_path, "pathway")
    page.goto(html.as_uri())
    page.wait_for_selector("#pathway .main-svg")
    text = page.inner_text("#pathway")
    for node in pathway.nodes:
        first = node.label.split()[0]
        assert first in text, f"label of {node.id} not rendered"
    assert page.locator("#pathway .scatterlayer .trace").count() >= len(pathway.nodes)
    assert not [u for u in page.failed if not u.startswith("file:")]
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "pathway.png"), full_page=True)


def test_dropdown_highlights_in_the_browser(page, pathway, tmp_path):
    from widgets.figures.pathway import pathway_figure, trace_ids

    html = _export(pathway_figure(pathway), tmp_path, "pathway")
    page.goto(html.as_uri())
    page.wait_for_selector("#pathway .main-svg")
    page.click("#pathway .updatemenu-header-group")
    page.click("#pathway .updatemenu-item-text >> text=Lhermitte's sign")
    page.wait_for_timeout(300)
    ops = page.evaluate("() => document.getElementById('pathway').data.map(t => t.opacity)")
    chain = set(pathway.causal_chain("lhermitte"))
    for tid, op in zip(trace_ids(pathway), ops):
        if tid in pathway.causal_chain("lhermitte"):
            assert op == 1
        elif "->" not in tid and not tid.startswith("legend:"):
            assert op < 0.5, tid
    assert chain
    page.screenshot(path=str(SCREENS / "pathway-lhermitte.png"), full_page=True)


def test_step_through_slider_moves_frames(page, pathway, tmp_path):
    from widgets.figures.pathway_steps import pathway_steps_figure

    html = _export(pathway_steps_figure(pathway), tmp_path, "steps")
    page.goto(html.as_uri())
    page.wait_for_selector("#steps .main-svg")
    assert "Stage 1 of" in page.inner_text("#steps")
    page.evaluate("() => Plotly.animate('steps', ['4'], {mode: 'immediate', "
                  "frame: {duration: 0, redraw: true}, transition: {duration: 0}})")
    page.wait_for_timeout(400)
    assert "Stage 4 of" in page.inner_text("#steps")
    page.screenshot(path=str(SCREENS / "pathway-steps.png"), full_page=True)
