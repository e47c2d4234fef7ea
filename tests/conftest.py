"""Shared set-up for the whole suite: the expensive things are made once per session.

* ``course``: the real course, loaded once (tests never change it).
* ``browser``: one Debian Chromium for every browser test (Playwright).
* ``built_handouts``: one build of both handout variants, read by every handout test.
* ``injected_handouts``: one build of the hostile-content copy (tests/fixtures/injection).
* ``executed_notebooks``: every notebook executed once by nbclient, in a background
  process started when collection ends (so the kernels run while other tests do), its
  outputs shared by every assertion.

Markers: ``browser`` (needs Chromium), ``kernel`` (starts Jupyter kernels), ``slow``.
``make test-fast`` runs ``-m "not browser and not kernel and not slow"``. In CI (``CI=true`` or
``COURSE_REQUIRE_BROWSER=1``) a skipped browser, axe, poppler or npm test is a failure.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# a skip whose reason names one of these is a missing tool, which CI must have
TOOL_SKIP = re.compile(r"chromium|playwright|axe|poppler|pdftoppm|pdfinfo|npm|node_modules",
                       re.I)


def in_ci() -> bool:
    return (os.environ.get("COURSE_REQUIRE_BROWSER") == "1"
            or os.environ.get("CI", "").lower() in ("true", "1", "yes"))


def need(ok: bool, reason: str) -> None:
    """Skip with ``reason`` when a tool is missing; in CI, fail instead."""
    if ok:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI must have it: .ci/run installs it)", pytrace=False)
    pytest.skip(reason)


def require_chromium():
    """Skip without Chromium on a developer machine; fail in CI, where it must be installed."""
    need(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium")


def require_axe() -> Path:
    need(AXE.exists(), f"{AXE} is missing: run `npm ci` (make node_modules/.installed-stamp)")
    return AXE


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, context: str | None = None, *, preload: bool = True) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on ``page`` (or inside the ``context``
    selector), one line each. Only violations are gathered in full (axe's ``resultTypes``:
    every node that fails is still found), which is all the tests read and several times
    faster on a long page. ``preload=False``: axe does not fetch the stylesheets (from
    file:// that fetch logs console errors a test may be counting)."""
    page.add_script_tag(path=str(require_axe()))
    result = page.evaluate(
        """([context, tags, preload]) => axe.run(context || document,
             {preload: preload, runOnly: {type: 'tag', values: tags},
              resultTypes: ['violations']})""",
        [context, AXE_TAGS, preload])
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + "; ".join(", ".join(n["target"]) for n in v["nodes"][:4])
            for v in result["violations"]]


# ------------------------------------------- the course's own content, loaded once
def _content_fingerprint(folder: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file()))


def _load_the_course_once() -> None:
    """``load_course()`` / ``check_course()`` of the course's own, unchanged content run
    the real loader once per session; every call then gets its own deep copy (16 ms
    instead of about 0.5 s), so no test sees another's changes. Any other folder, an
    ``MS_COURSE_CONTENT`` setting or changed files load afresh."""
    import copy
    import functools

    import widgets.course as api
    from widgets.course import find_content, loader

    default = loader.DEFAULT_CONTENT.resolve()
    cache: dict = {}

    def once(fn):
        @functools.wraps(fn)
        def wrapper(content=None, *args, **kwargs):
            try:
                folder = find_content(content).resolve()
            except Exception:  # noqa: BLE001 - the real function reports it
                folder = None
            if args or kwargs or folder != default:
                return fn(content, *args, **kwargs)
            key = (fn.__name__, _content_fingerprint(default))
            if key not in cache:
                cache[key] = fn(content)
            return copy.deepcopy(cache[key])
        wrapper.uncached = fn
        return wrapper

    for name in ("load_course", "check_course"):
        wrapped = once(getattr(loader, name))
        setattr(loader, name, wrapped)
        setattr(api, name, wrapped)


_load_the_course_once()


# ---------------------------------------------------------------- CI: no silent skips
def pytest_configure(config):
    for line in ("browser: needs Debian's Chromium via Playwright",
                 "kernel: starts Jupyter kernels (executes notebooks)",
                 "slow: executes notebooks or starts servers"):
        config.addinivalue_line("markers", line)


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr)


def _ci_failure(report, is_browser: bool) -> None:
    reason = _skip_reason(report)
    if in_ci() and report.skipped and (is_browser or TOOL_SKIP.search(reason)):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run every browser test: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not hasattr(report, "wasxfail"):
        _ci_failure(report, item.get_closest_marker("browser") is not None)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    _ci_failure(outcome.get_result(), False)  # a whole module skipped (importorskip)


# ------------------------------------------------------------------- small fixtures
@pytest.fixture
def min_content(tmp_path) -> Path:
    """A writable copy of the small valid fixture course."""
    dest = tmp_path / "content"
    shutil.copytree(FIXTURES / "content-min", dest)
    return dest


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Every test gets its own progress and settings files, never the user's."""
    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "progress" / "progress.json"))


@pytest.fixture
def cli(capsys):
    """``python -m widgets ARGS`` in this process: (exit code, stdout, stderr)."""
    from widgets.cli import main

    def run(*args: str):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: usage errors
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


# ----------------------------------------------------------------- session fixtures
@pytest.fixture(scope="session")
def course():
    from widgets.course import load_course

    return load_course()


@pytest.fixture(scope="session")
def pw(course):
    """The real course's pathway."""
    return course.pathway


# One Playwright driver for the session. Playwright's sync API refuses a second
# sync_playwright() while one runs, so every module's ``sync_playwright()`` gets this one
# (its ``with`` block neither starts nor stops it); it stops when the session ends.
_PLAYWRIGHT: dict = {}


def _playwright():
    if "pw" not in _PLAYWRIGHT:
        _PLAYWRIGHT["cm"] = _PLAYWRIGHT["real"]()
        _PLAYWRIGHT["pw"] = _PLAYWRIGHT["cm"].__enter__()
    return _PLAYWRIGHT["pw"]


@contextlib.contextmanager
def _shared_sync_playwright():
    yield _playwright()


def _share_playwright() -> None:
    try:
        import playwright.sync_api as api
    except ImportError:  # the browser fixture says what is missing
        return
    if api.sync_playwright is not _shared_sync_playwright:
        _PLAYWRIGHT["real"] = api.sync_playwright
        api.sync_playwright = _shared_sync_playwright


_share_playwright()


@pytest.fixture(scope="session")
def browser():
    """The session's one Chromium (tests that need their own context open one in it)."""
    require_chromium()
    need("real" in _PLAYWRIGHT, "playwright is missing: pip install -e '.[test]'")
    b = _playwright().chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="session")
def built_handouts(tmp_path_factory) -> Path:
    """Both variants built once; ``progress.txt`` holds the build's progress messages."""
    from widgets.handouts import build_handouts

    out = tmp_path_factory.mktemp("handouts")
    messages: list[str] = []
    build_handouts(out=out, variant="both", progress=messages.append)
    (out / "progress.txt").write_text("\n".join(messages))
    return out


@pytest.fixture(scope="session")
def injected_handouts(tmp_path_factory) -> Path:
    """Both variants of the hostile-content copy of the course, built once."""
    from test_handouts_injection import make_injected_content
    from widgets.course import check_course
    from widgets.handouts import build_handouts

    root = tmp_path_factory.mktemp("injection")
    content = make_injected_content(root / "content")
    _, problems = check_course(content)
    assert not problems, "the injected copy must stay valid:\n" + "\n".join(map(str, problems))
    return build_handouts(content=content, out=root / "handouts", variant="both")


# ------------------------------------------------- notebooks: executed once, in background
_RUN: dict = {}


def _start_notebooks() -> None:
    if _RUN:
        return
    out = Path(tempfile.mkdtemp(prefix="ms-course-nbrun-"))
    jobs = 2 if (os.cpu_count() or 1) >= 2 else 1
    log = open(out / "runner.log", "wb")
    _RUN.update(out=out, log=log, t0=time.perf_counter(), proc=subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "notebook_runner.py"), "--out", str(out),
         "--jobs", str(jobs)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))


def pytest_collection_finish(session):
    if any("executed_notebooks" in getattr(item, "fixturenames", ()) for item in session.items):
        _start_notebooks()


def pytest_sessionfinish(session):
    if "cm" in _PLAYWRIGHT:
        _PLAYWRIGHT.pop("cm").__exit__(None, None, None)
        _PLAYWRIGHT.pop("pw")
    proc = _RUN.get("proc")
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()
    if _RUN:
        _RUN["log"].close()
        shutil.rmtree(_RUN["out"], ignore_errors=True)


@pytest.fixture(scope="session")
def executed_notebooks() -> dict:
    """``{name: {"nb": executed NotebookNode, "seconds": float, "error": str}}``."""
    import nbformat

    _start_notebooks()
    proc, out = _RUN["proc"], _RUN["out"]
    try:
        proc.wait(timeout=1200)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("executing the notebooks took over 20 minutes")
    summary_file = out / "summary.json"
    if not summary_file.exists():
        pytest.fail("tests/notebook_runner.py wrote no summary:\n"
                    + (out / "runner.log").read_text(errors="replace")[-3000:])
    summary = json.loads(summary_file.read_text())
    return {name: dict(info, nb=nbformat.read(out / name, as_version=4))
            for name, info in summary.items()}


@pytest.fixture
def store(tmp_path):
    """An empty progress store of the test's own."""
    from widgets.progress import ProgressStore

    return ProgressStore(tmp_path / "progress.json")


@pytest.fixture
def fixed_day(request):
    """The course's clock set to the test module's ``DAY`` (spaced review is planned in days)."""
    from widgets import schedule

    schedule.set_today(request.module.DAY)
    yield request.module.DAY
    schedule.set_today(None)
