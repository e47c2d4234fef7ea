#!/usr/bin/env python
"""The course benchmark (``make bench``): one table of timings, memory and sizes.

    python scripts/bench.py [--quick] [--no-handouts] [--repeat 3]

Rows:
* the test suite (``pytest tests``, as ``make test`` runs it; this also refreshes
  ``build/bench/jupyterlab.json``) against one nbclient pass over all notebooks (each in a
  fresh kernel, kernel start included, one after the other) measured in the same run, and
  their ratio (target: at most 6); ``make test-fast``'s suite (target: under 30 s); the
  floor of starting and stopping one empty kernel per notebook; ``--quick`` skips the
  suites;
* building every quiz widget (the real course; the fixture course five times with
  teaching mode): the budgets that used to be timed asserts in the tests;
* import times in a fresh interpreter (``import widgets``, ``widgets.notebook``,
  ``widgets.quiz``, ``widgets.figures``), and whether ``import widgets`` pulled in plotly or
  ipywidgets (it must not);
* per notebook: execution time in a fresh kernel (nbclient; kernel start not included),
  the kernel's memory afterwards (VmRSS from /proc), and the size of its outputs and of
  its Plotly figure JSON;
* quiz feedback latency, click on Check to feedback shown: in JupyterLab (from
  ``build/bench/jupyterlab.json``, written by tests/test_jupyterlab.py) and in an offline
  handout page (Playwright with Debian's Chromium);
* handouts: sizes against their targets (each variant folder <= 3 MiB, every section
  page <= 350 KiB, the print page <= 1 MiB) and which plotly.js bundle they carry; build
  time and sizes against stock ``jupyter nbconvert --execute --to html``
  (``scripts/bench_handouts.py``, imported, not duplicated).

Numbers depend on the machine; commit the script, not its output.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PY = sys.executable
BENCH_DIR = ROOT / "build" / "bench"
LAB_JSON = BENCH_DIR / "jupyterlab.json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

Row = tuple[str, str, str]


def kib(n: float) -> str:
    return f"{n / 2**20:.2f} MiB" if n >= 2**20 else f"{n / 1024:.1f} KiB"


def mb_kb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def proc_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# ----------------------------------------------------------------- test suite
SUITE: dict[str, float] = {}
SUITE_TARGET_RATIO = 6.0
FAST_TARGET_S = 30.0


def _pytest(*args: str) -> tuple[float, int, str]:
    tmp = Path(tempfile.mkdtemp(prefix="ms-course-bench-tests-"))
    env = dict(os.environ, MS_COURSE_PROGRESS=str(tmp / "progress.json"))
    cmd = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-ra", *args, "tests"]
    t0 = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    took = time.perf_counter() - t0
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / f"pytest{'-' + args[1].replace(' ', '-') if args else ''}.txt").write_text(
        res.stdout + res.stderr)  # the details behind a FAILED row
    tail = (res.stdout.strip().splitlines() or ["(no output)"])[-1]
    return took, res.returncode, tail


def bench_suite() -> list[Row]:
    took, code, tail = _pytest()
    SUITE["full"] = took
    return [("test suite: pytest tests (what make test runs)", f"{took:.1f} s",
             ("passed: " if code == 0 else "FAILED: ") + tail[:90])]


def bench_suite_fast() -> list[Row]:
    took, code, tail = _pytest("-n", "auto", "--dist", "loadfile",
                               "-m", "not browser and not kernel and not slow")
    verdict = "ok" if took < FAST_TARGET_S else "OVER"
    return [("make test-fast: pytest -n auto -m 'not browser and not kernel and not slow'", f"{took:.1f} s",
             f"{verdict} (target < {FAST_TARGET_S:.0f} s); "
             + ("passed: " if code == 0 else "FAILED: ") + tail[:80])]


def bench_ratio() -> list[Row]:
    full, nb = SUITE.get("full"), SUITE.get("nbclient")
    if not full or not nb:
        return [("test suite / one nbclient pass", "-", "needs both rows (no --quick)")]
    ratio = full / nb
    verdict = "ok" if ratio <= SUITE_TARGET_RATIO else "OVER"
    return [("test suite / one nbclient pass (same run)", f"{ratio:.1f}x",
             f"{verdict} (target <= {SUITE_TARGET_RATIO:.0f}x): {full:.1f} s / {nb:.1f} s")]


def bench_quiz_build() -> list[Row]:
    """The budgets that were timed asserts in tests/test_quiz_*.py (2 s each)."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "quiz"))
    import learner as L  # noqa: N812 - the fixture course's learner helpers

    from widgets.course import load_course
    from widgets.quiz import quiz_widget

    env_before = os.environ.get("MS_COURSE_PROGRESS")
    os.environ["MS_COURSE_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    try:
        real = load_course()
        t0 = time.perf_counter()
        boxes = [quiz_widget(real, s.id, store=False) for s in real.sections]
        t_real = time.perf_counter() - t0
        fixture = load_course(L.FIXTURE_CONTENT)
        t0 = time.perf_counter()
        for _ in range(5):
            for s in fixture.sections:
                quiz_widget(fixture, s.id, store=False, teaching=True)
        t_fix = time.perf_counter() - t0
    finally:
        if env_before is None:
            os.environ.pop("MS_COURSE_PROGRESS", None)
        else:
            os.environ["MS_COURSE_PROGRESS"] = env_before
    n = sum(len(b.questions) for b in boxes)
    return [("build every quiz widget of the course", f"{t_real:.2f} s",
             f"{'ok' if t_real < 2 else 'OVER'} (budget 2 s); {n} questions"),
            ("build the fixture quizzes x5, teaching mode", f"{t_fix:.2f} s",
             f"{'ok' if t_fix < 2 else 'OVER'} (budget 2 s)")]


# ------------------------------------------------------------- handout sizes
SIZE_TARGETS = {"variant": 3 * 2**20, "section": 350 * 1024, "print": 2**20}


def bench_handout_sizes() -> list[Row]:
    from widgets.handouts import build_handouts
    from widgets.handouts.plotlyjs import plotly_bundle

    def ok(n: int, key: str) -> str:
        return ("ok" if n <= SIZE_TARGETS[key] else "OVER") + f" (target <= {kib(SIZE_TARGETS[key])})"

    out = build_handouts(out=Path(tempfile.mkdtemp(prefix="ms-course-bench-ho-")), variant="both")
    bundle = plotly_bundle()
    rows: list[Row] = [("handouts: plotly.js they carry", kib(len(bundle.source.encode())),
                        f"{bundle.kind} bundle, plotly.js {bundle.version}")]
    for v in ("student", "instructor"):
        folder = out / v
        total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        rows.append((f"handouts: {v}/ folder", kib(total), ok(total, "variant")))
        sections = [p for p in folder.glob("[0-9][0-9]-*.html")]
        big = max(sections, key=lambda p: p.stat().st_size)
        rows.append((f"handouts: {v} largest section page", kib(big.stat().st_size),
                     f"{ok(big.stat().st_size, 'section')}: {big.name}"))
        n = (folder / "print.html").stat().st_size
        rows.append((f"handouts: {v}/print.html", kib(n), ok(n, "print")))
    return rows


async def _empty_kernel_cycle() -> float:
    from jupyter_client.manager import AsyncKernelManager

    t0 = time.perf_counter()
    km = AsyncKernelManager(kernel_name="python3")
    await km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=120)
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=False)
    return time.perf_counter() - t0


def bench_kernel_floor() -> list[Row]:
    times = [asyncio.run(_empty_kernel_cycle()) for _ in NOTEBOOKS]
    return [(f"floor: start + stop an empty kernel x {len(times)} notebooks",
             f"{sum(times):.1f} s", f"one: median {statistics.median(times):.2f} s")]


# --------------------------------------------------------------------- imports
IMPORT_PROBE = r"""
import sys, time, json
t = time.perf_counter()
import {mod}
took = time.perf_counter() - t
heavy = [m for m in ("plotly", "ipywidgets", "pydantic", "jinja2", "IPython") if m in sys.modules]
print(json.dumps({{"s": took, "heavy": heavy}}))
"""


def import_time(mod: str, repeat: int) -> tuple[float, list[str]]:
    runs = []
    heavy: list[str] = []
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", IMPORT_PROBE.format(mod=mod)], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        data = json.loads(out.strip().splitlines()[-1])
        runs.append(data["s"])
        heavy = data["heavy"]
    return statistics.median(runs), heavy


def bench_imports(repeat: int) -> list[Row]:
    rows: list[Row] = []
    for mod, why in (("widgets", "the package"),
                     ("widgets.notebook", "what `from widgets import open_section` loads"),
                     ("widgets.quiz", "live quizzes"), ("widgets.figures", "diagrams"),
                     ("ipywidgets", "for scale"), ("plotly.graph_objects", "for scale")):
        s, heavy = import_time(mod, repeat)
        note = why
        if mod.startswith("widgets"):
            note += "; loads: " + (", ".join(heavy) or "none of plotly/ipywidgets/pydantic/jinja2/IPython")
        rows.append((f"import {mod}", f"{s * 1000:.0f} ms", note))
    return rows


# ----------------------------------------------------------- notebooks in kernels
async def _run_notebook(path: Path, env: dict) -> dict:
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    t_start = time.perf_counter()
    km = AsyncKernelManager(kernel_name="python3")
    await km.start_kernel(env=env, cwd=str(path.parent), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    try:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, km=km, timeout=600,
                                resources={"metadata": {"path": str(path.parent)}})
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=120)
        kc.stop_channels()
        t0 = time.perf_counter()
        error = ""
        try:
            await client.async_execute()
        except Exception as exc:  # noqa: BLE001 - reported in the table
            error = f"{type(exc).__name__}"
        took = time.perf_counter() - t0
        rss = proc_rss_kb(km.provisioner.process.pid)
    finally:
        await km.shutdown_kernel(now=False)
    total = time.perf_counter() - t_start
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    plotly_bytes = sum(len(json.dumps(o["data"][PLOTLY_MIME])) for o in outputs
                       if o.get("data", {}).get(PLOTLY_MIME) is not None)
    return {"s": took, "total_s": total, "rss_kb": rss, "error": error,
            "nb_bytes": len(nbformat.writes(nb)), "plotly_bytes": plotly_bytes,
            "figures": sum(1 for o in outputs if PLOTLY_MIME in o.get("data", {}))}


def bench_notebooks() -> list[Row]:
    env = dict(os.environ)
    tmp = Path(tempfile.mkdtemp(prefix="ms-course-bench-"))
    env.update({"MS_COURSE_PROGRESS": str(tmp / "progress.json"), "MS_COURSE_LEARNER": "bench"})
    env.pop("MS_COURSE_MODE", None)
    rows: list[Row] = []
    results = {}
    for path in NOTEBOOKS:
        r = asyncio.run(_run_notebook(path, env))
        results[path.name] = r
        note = (f"kernel {mb_kb(r['rss_kb'])} after; outputs {kib(r['nb_bytes'])}, "
                f"{r['figures']} figure(s) {kib(r['plotly_bytes'])} JSON")
        if r["error"]:
            note = f"ERROR {r['error']}; " + note
        rows.append((f"execute {path.stem}", f"{r['s']:.2f} s", note))
    total = sum(r["s"] for r in results.values())
    SUITE["nbclient"] = sum(r["total_s"] for r in results.values())
    rows.append((f"one nbclient pass: {len(results)} notebooks one after the other, "
                 "fresh kernel each, start to shutdown", f"{SUITE['nbclient']:.1f} s",
                 "the yardstick of the test suite's time"))
    rows.append((f"execute all {len(results)} notebooks (one kernel each)", f"{total:.1f} s",
                 f"kernel memory after: median {mb_kb(statistics.median(r['rss_kb'] for r in results.values()))}, "
                 f"max {mb_kb(max(r['rss_kb'] for r in results.values()))}; figure JSON total "
                 f"{kib(sum(r['plotly_bytes'] for r in results.values()))}"))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "notebooks.json").write_text(json.dumps(results, indent=1))
    return rows


# ----------------------------------------------------------------- quiz latency
def lab_latency() -> list[Row]:
    if not LAB_JSON.exists():
        return [("quiz feedback in JupyterLab", "-",
                 "no build/bench/jupyterlab.json: run pytest tests/test_jupyterlab.py")]
    data = json.loads(LAB_JSON.read_text())
    nbs = data.get("notebooks", {})
    lat = [v for r in nbs.values() for v in r.get("feedback_ms", {}).values()]
    open_s = [r["open_s"] for r in nbs.values()]
    run_s = [r["run_s"] for r in nbs.values()]
    age = (time.time() - LAB_JSON.stat().st_mtime) / 60
    rows = [("JupyterLab: server start", f"{data.get('server_start_s', 0):.1f} s",
             f"from build/bench/jupyterlab.json ({age:.0f} min old)"),
            ("JupyterLab: open a notebook until its kernel is idle",
             f"{statistics.median(open_s):.1f} s", f"median of {len(open_s)}, max {max(open_s):.1f} s"),
            ("JupyterLab: Run All Cells until every cell ran",
             f"{statistics.median(run_s):.1f} s", f"median of {len(run_s)}, max {max(run_s):.1f} s")]
    if lat:
        rows.append(("quiz feedback in JupyterLab (click Check -> feedback)",
                     f"{statistics.median(lat):.0f} ms",
                     f"median of {len(lat)} clicks, max {max(lat):.0f} ms (kernel round trip)"))
    return rows


JS_HANDOUT_CLICK = """async () => {
  const q = document.querySelector('fieldset.ms-quiz-question[data-kind="single"]');
  const data = JSON.parse(q.querySelector('script.ms-quiz-data').textContent);
  const wrong = data.options.findIndex(o => !o.correct);
  q.querySelectorAll('input[type=radio]')[wrong].click();
  const fb = q.querySelector('.ms-quiz__feedback');
  const check = q.querySelector('button[data-action="check"]');
  const before = fb.textContent;
  return await new Promise(resolve => {
    let t0;
    const obs = new MutationObserver(() => {
      if (fb.textContent !== before) { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(fb, {subtree: true, childList: true, characterData: true});
    t0 = performance.now();
    check.click();
  });
}"""


def handout_latency() -> list[Row]:
    from jupyterlab_helpers import CHROMIUM, launch_chromium

    if not Path(CHROMIUM).exists():
        return [("quiz feedback in a handout", "-", f"{CHROMIUM} missing")]
    pages = sorted((ROOT / "build" / "handouts" / "student").glob("03-*.html"))
    tmp = None
    if not pages:
        from widgets.handouts import build_handouts

        tmp = Path(tempfile.mkdtemp(prefix="ms-course-handouts-"))
        build_handouts(out=tmp, variant="student")
        pages = sorted(tmp.rglob("03-*.html"))
    if not pages:
        return [("quiz feedback in a handout", "-", "no 03-*.html handout page was built")]
    page_path = pages[0]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page()
            t0 = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="load")
            load_s = time.perf_counter() - t0
            page.wait_for_selector('fieldset.ms-quiz-question[data-kind="single"]', state="attached")
            lat = []
            for _ in range(5):
                lat.append(page.evaluate(JS_HANDOUT_CLICK))
                page.locator('fieldset.ms-quiz-question[data-kind="single"] button[data-action="retry"]').first.click()
        finally:
            browser.close()
    where = page_path.relative_to(ROOT) if page_path.is_relative_to(ROOT) else page_path.name
    return [("handout: open a section page (file://, load event)", f"{load_s * 1000:.0f} ms", str(where)),
            ("quiz feedback in a handout (click Check -> feedback)",
             f"{statistics.median(lat):.1f} ms", f"median of {len(lat)} clicks, no kernel")]


def classroom() -> list[Row]:
    path = BENCH_DIR / "classroom.json"
    if not path.exists():
        return [("classroom load", "-", "run make load (scripts/classroom_load.py) for these rows")]
    d = json.loads(path.read_text())
    age = (time.time() - path.stat().st_mtime) / 60
    return [(f"classroom load: {d['learners']} learners, whole course each",
             f"{d['wall_s']:.0f} s", f"{d['failures']} failures, {d['concurrency']} at a time, "
             f"{d['alive_together']} kernels alive together (build/bench/classroom.json, {age:.0f} min old)"),
            ("classroom load: one kernel's peak memory (VmHWM)", mb_kb(d["kernel_vmhwm_kb_median"]),
             f"median; max {mb_kb(d['kernel_vmhwm_kb_max'])}; whole room {mb_kb(d['room_rss_kb'])}")]


# --------------------------------------------------------------------- handouts
def bench_handouts() -> list[Row]:
    import bench_handouts as bh  # scripts/bench_handouts.py, by the handouts engineer

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = bh.main([])
    lines = buf.getvalue().splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("what")), None)
    if code != 0 or header is None:
        return [("handouts (scripts/bench_handouts.py)", "-", "FAILED: " + " | ".join(lines[-3:]))]
    width = lines[header].index("time") - 8  # f"{what:<width}  {time:>10}  note"
    rows: list[Row] = []
    for line in lines[header + 2:]:
        if not line.strip():
            continue
        rows.append((line[:width].strip(), line[width + 2:width + 12].strip(),
                     line[width + 14:].strip()))
    return rows


# ------------------------------------------------------------------------ table
def print_table(rows: list[Row]) -> None:
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows + [("", "value", "")])
    print(f"| {'measure'.ljust(w0)} | {'value'.rjust(w1)} | note |")
    print(f"|{'-' * (w0 + 2)}|{'-' * (w1 + 1)}:|------|")
    for a, b, c in rows:
        print(f"| {a.ljust(w0)} | {b.rjust(w1)} | {c} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the test-suite timing")
    ap.add_argument("--no-handouts", action="store_true", help="skip the handout rows")
    ap.add_argument("--repeat", type=int, default=3, help="runs per import timing (median)")
    args = ap.parse_args(argv)

    sections: list[tuple[str, callable]] = []
    if not args.quick:  # the suite, then the nbclient pass right after it: same conditions
        sections.append(("test suite", bench_suite))
    sections.append(("notebooks", bench_notebooks))
    if not args.quick:
        sections += [("suite ratio", bench_ratio), ("test-fast", bench_suite_fast)]
    sections += [("kernel floor", bench_kernel_floor),
                 ("imports", lambda: bench_imports(args.repeat)),
                 ("quiz build", bench_quiz_build),
                 ("JupyterLab", lab_latency), ("classroom", classroom)]
    if not args.no_handouts:
        sections += [("handout sizes", bench_handout_sizes),
                     ("handout latency", handout_latency), ("handouts", bench_handouts)]
    rows: list[Row] = []
    t_all = time.perf_counter()
    for name, fn in sections:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            rows += fn()
        except Exception as exc:  # noqa: BLE001 - one broken part must not hide the others
            rows.append((name, "-", f"FAILED: {type(exc).__name__}: {exc}"[:160]))
    print(f"\nCourse benchmark ({os.cpu_count()} cores, {time.perf_counter() - t_all:.0f} s to measure)\n")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
