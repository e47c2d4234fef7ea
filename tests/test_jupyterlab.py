"""The course as a learner meets it: notebooks run in a real JupyterLab in Chromium.

One server (what ``make lab`` serves) for the module and the session's one browser; one
page, one workspace and one kernel per notebook, the kernel shut down after each. Two
notebooks run here: start-here (progress, teaching toggle, course map) and one section
with the pathway (03). The other section notebooks are the same generated skeleton
(tests/test_notebooks.py), each is executed by nbclient with its outputs checked
(tests/test_notebooks_run.py), and their figures are drawn in Chromium by
tests/test_handouts_browser.py. Each notebook here must run with no error or stderr
output, draw every diagram, and give the expected feedback when a quiz question is
answered wrongly and then rightly; on opening 03, before anything runs, the table of
contents already lists its title and every part. Timings (and the click-to-feedback latency) go to
``build/bench/jupyterlab.json`` for ``make bench``.
"""
import hashlib
import json
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, require_chromium
from jupyterlab_helpers import LabServer, run_notebook

from widgets.figures import section_figures
from widgets.notebooks import NAME_RE

pytestmark = [pytest.mark.browser, pytest.mark.kernel, pytest.mark.slow]

NOTEBOOKS = [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb"))
             if p.name.startswith(("00-", "03-"))]
BENCH_JSON = ROOT / "build" / "bench" / "jupyterlab.json"
RESULTS: dict = {}


def _digest() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}


@pytest.fixture(scope="module")
def lab():
    require_chromium()
    before = _digest()
    server = LabServer(ROOT)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        server.cleanup()
        if RESULTS:
            BENCH_JSON.parent.mkdir(parents=True, exist_ok=True)
            BENCH_JSON.write_text(json.dumps(
                {"server_start_s": round(server.started_in or 0, 2),
                 "notebooks": RESULTS}, indent=1))
        # running the course in JupyterLab must never write into the committed notebooks
        assert _digest() == before, "a notebook in notebooks/ changed while JupyterLab ran it"


def test_server_answers_like_make_lab(lab):
    status, body = lab.request("GET", "/api/status")
    assert status == 200 and "started" in json.loads(body)
    status, _ = lab.request("GET", "/lab/tree/notebooks/00-start-here.ipynb")
    assert status == 200
    # the token is required
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(lab.base + "/api/kernels", timeout=10)
    assert err.value.code == 403
    # the kernel spec and the widget and plotly lab extensions are served
    status, body = lab.request("GET", "/api/kernelspecs")
    assert status == 200 and "python3" in json.loads(body)["kernelspecs"]
    status, body = lab.request("GET", "/lab/api/extensions")
    if status == 200:
        names = {e["name"] for e in json.loads(body)}
        assert any("jupyterlab-manager" in n for n in names), names  # ipywidgets
        assert "jupyterlab-plotly" in names, names


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(browser, lab, course, name):
    section_id = NAME_RE.match(name)["slug"]
    expected_plots = sum(1 for item in section_figures(course, section_id) if not item.html)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    toc: dict = {}
    t0 = time.perf_counter()
    try:
        run = run_notebook(page, lab, name, course=course, section_id=section_id,
                           plots_expected=expected_plots,
                           before_run=(lambda p: toc.update(read_toc(p)))
                           if name == TOC_NOTEBOOK else None)
    except Exception:
        (ROOT / "build").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "build" / f"lab-failure-{name}.png"))
        raise
    finally:
        context.close()
        lab.shutdown_kernels(f"notebooks/{name}")
    result = run.as_json()
    result["total_s"] = round(time.perf_counter() - t0, 2)
    RESULTS[name] = result

    assert run.problems == [], "\n".join(run.problems)
    assert run.plots >= max(1, expected_plots), \
        f"{run.plots} diagrams drawn, expected {max(1, expected_plots)}"
    assert set(run.feedback_ms) == {"wrong", "right"}
    assert run.page_errors == [], "\n".join(run.page_errors)
    # no kernel of this notebook is left running
    assert not [s for s in lab.sessions() if s.get("path") == f"notebooks/{name}"]
    if name == TOC_NOTEBOOK:
        check_toc_before_run(toc, course.section(section_id))


TOC_NOTEBOOK = "03-nerve-damage-and-sensation.ipynb"


def read_toc(page) -> dict:
    """Opened and not run yet: JupyterLab's table of contents and how many cells ran."""
    page.evaluate("() => window.jupyterapp.commands.execute('toc:show-panel')")
    page.wait_for_selector(".jp-TableOfContents-tree .jp-tocItem-content")
    entries = [" ".join(t.split()) for t in
               page.locator(".jp-TableOfContents-tree .jp-tocItem-content").all_inner_texts()]
    executed = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(c => c.model.type === 'code' && c.model.executionCount).length""")
    (ROOT / "build").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "build" / "lab-toc-before-run.png"))
    return {"entries": entries, "executed": executed}


def check_toc_before_run(toc: dict, section) -> None:
    """The table of contents lists the section title and every part, in order, from the
    generated Markdown cells, before any cell has run."""
    entries = toc["entries"]
    assert toc["executed"] == 0
    want = [f"{section.number} · {section.title}"] + [p.title for p in section.parts]
    got = [e for e in entries if e in want or any(e.endswith(w) for w in want)]
    assert len(got) >= len(want), entries
    for w in want:
        assert any(e == w or e.endswith(" " + w) for e in entries), (w, entries)
    # in the order of the section
    positions = [next(i for i, e in enumerate(entries) if e == w or e.endswith(" " + w))
                 for w in want]
    assert positions == sorted(positions), entries
