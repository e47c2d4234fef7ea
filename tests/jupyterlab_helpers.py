"""A real JupyterLab server and a real browser, for tests/test_jupyterlab.py and scripts/bench.py.

``LabServer`` starts ``jupyter lab`` from the venv on a free port with a random token, a
throw-away runtime/config/settings folder (the venv's data folder stays, so the kernel
spec and the ipywidgets and Plotly lab extensions are found) and a throw-away progress
file. Autosave is off, so running the course never writes outputs into ``notebooks/``.
``stop()`` shuts every kernel down over REST and ends the server's process group.

``run_notebook(page, server, name, ...)`` opens one notebook in its own workspace, runs all
cells and checks what a learner sees: no errors, every diagram drawn, and one quiz
question answered wrongly and then rightly with the expected feedback.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LEARNER = "lab-test-learner"

# JupyterLab user settings for the test server: no autosave (the committed notebooks must
# stay clean), no news or update checks, no extension manager (no network).
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """``jupyter lab`` in its own process group; use as a context manager."""

    def __init__(self, root: Path = ROOT, *, env: dict | None = None):
        self.root = Path(root)
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        self.tmp = Path(tempfile.mkdtemp(prefix="ms-course-lab-"))
        self.progress = self.tmp / "progress.json"
        self.log_path = self.tmp / "server.log"
        self.extra_env = env or {}
        self.proc: subprocess.Popen | None = None
        self.started_in: float | None = None

    # -- lifecycle
    def start(self, timeout: float = 180) -> "LabServer":
        for name, value in LAB_SETTINGS.items():
            path = self.tmp / "settings" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))
        env = dict(os.environ)
        env.update({
            "JUPYTER_RUNTIME_DIR": str(self.tmp / "runtime"),
            "JUPYTER_CONFIG_DIR": str(self.tmp / "config"),
            "JUPYTERLAB_SETTINGS_DIR": str(self.tmp / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(self.tmp / "workspaces"),
            "MS_COURSE_PROGRESS": str(self.progress),
            "MS_COURSE_LEARNER": LEARNER,
            "PYTHONUNBUFFERED": "1",
        })
        env.pop("MS_COURSE_MODE", None)
        env.update(self.extra_env)
        cmd = [str(self.root / ".venv" / "bin" / "jupyter"), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
               f"--ServerApp.root_dir={self.root}", "--ServerApp.open_browser=False",
               # window.jupyterapp, so the test can run commands and read the notebook model
               "--LabApp.expose_app_in_browser=True"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI runs as root
        t0 = time.perf_counter()
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, env=env, cwd=self.root, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                status, _ = self.request("GET", "/api/status", timeout=3)
                if status == 200:
                    break
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"jupyter lab did not answer in {timeout:.0f}s:\n{self.log_tail()}")
            time.sleep(0.25)
        self.started_in = time.perf_counter() - t0
        return self

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Shut every kernel down (REST), then end the server's process group. Always safe."""
        if self.proc is None:
            return
        try:
            if self.proc.poll() is None:
                self.shutdown_kernels()
        except Exception:  # noqa: BLE001 - the process group is ended below regardless
            pass
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
            if self.proc.poll() is not None:
                break
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(wait)
            except subprocess.TimeoutExpired:
                continue
        # anything left in the group (a kernel that ignored the shutdown)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc = None
        try:
            self._log.close()
        except Exception:  # noqa: BLE001
            pass

    def cleanup(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def log_tail(self, n: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    # -- HTTP
    def request(self, method: str, path: str, *, timeout: float = 15) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def kernels(self) -> list[dict]:
        status, body = self.request("GET", "/api/kernels")
        return json.loads(body) if status == 200 else []

    def sessions(self) -> list[dict]:
        status, body = self.request("GET", "/api/sessions")
        return json.loads(body) if status == 200 else []

    def shutdown_kernel(self, kernel_id: str) -> int:
        status, _ = self.request("DELETE", f"/api/kernels/{kernel_id}", timeout=30)
        return status

    def shutdown_kernels(self, path: str | None = None) -> int:
        """Shut down the kernels of sessions on ``path`` (all kernels when None)."""
        if path is None:
            ids = [k["id"] for k in self.kernels()]
        else:
            ids = [s["kernel"]["id"] for s in self.sessions()
                   if s.get("path") == path and s.get("kernel")]
        for kid in ids:
            self.shutdown_kernel(kid)
        return len(ids)

    def lab_url(self, notebook_path: str, workspace: str) -> str:
        return f"{self.base}/lab/workspaces/{workspace}/tree/{notebook_path}?reset&token={self.token}"


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# ------------------------------------------------------------------ in the browser
JS_KERNEL_IDLE = """() => {
  const app = window.jupyterapp; if (!app) return false;
  const w = app.shell.currentWidget;
  if (!w || !w.sessionContext || !w.content || !w.content.widgets) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && w.context.isReady;
}"""

JS_ALL_EXECUTED = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  return w.content.widgets.every(c => c.model.type !== 'code' || (c.model.executionCount !== null && c.model.executionCount > 0));
}"""

# errors and stderr from the notebook model (what the kernel sent), not only the DOM
JS_OUTPUT_PROBLEMS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const out = [];
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== 'code') return;
    for (const o of c.model.outputs.toJSON()) {
      if (o.output_type === 'error') out.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
      if (o.output_type === 'stream' && o.name === 'stderr') out.push(`cell ${i} stderr: ${[].concat(o.text).join('')}`);
    }
  });
  for (const el of document.querySelectorAll('.jp-OutputArea-output')) {
    const t = el.innerText || '';
    if (t.includes('Traceback') || t.includes('Error displaying widget') || t.includes('Model class') )
      out.push('output shows: ' + t.slice(0, 300));
    if (el.matches('[data-mime-type="application/vnd.jupyter.stderr"]') || el.querySelector('[data-mime-type="application/vnd.jupyter.stderr"]'))
      out.push('stderr output: ' + t.slice(0, 300));
  }
  return out;
}"""

JS_PLOTS_DRAWN = """() => [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')]
  .filter(p => p.querySelector('.main-svg') && p.getBoundingClientRect().width > 0).length"""

# Times one click: from the click on the marked question's Check button (capture phase)
# to the moment its feedback element shows the expected headline.
JS_ARM_TIMER = """(headline) => {
  const q = document.querySelector('[data-lab-test="question"]');
  const fb = q.lastElementChild;
  const check = [...q.querySelectorAll('button')].find(b => (b.textContent || '').trim() === 'Check');
  const state = window.__labTest = {t0: null, t1: null};
  check.addEventListener('click', () => { state.t0 = performance.now(); }, {capture: true, once: true});
  const done = () => {
    if (state.t1 === null && (fb.innerText || fb.textContent || '').includes(headline)) {
      state.t1 = performance.now(); obs.disconnect();
    }
  };
  const obs = new MutationObserver(done);
  obs.observe(fb, {subtree: true, childList: true, characterData: true});
}"""


def norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@dataclass
class NotebookRun:
    name: str
    open_s: float = 0.0
    run_s: float = 0.0
    quiz_s: float = 0.0
    plots: int = 0
    plots_expected: int = 0
    feedback_ms: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)

    def as_json(self) -> dict:
        return {"open_s": round(self.open_s, 2), "run_s": round(self.run_s, 2),
                "quiz_s": round(self.quiz_s, 2), "plots": self.plots,
                "plots_expected": self.plots_expected,
                "feedback_ms": {k: round(v, 1) for k, v in self.feedback_ms.items()}}


def button(scope, label: str):
    """A widget button by its visible text (its accessible name also holds the icon glyph)."""
    return scope.locator("button").filter(has_text=re.compile(r"^\s*" + re.escape(label) + r"\s*$")).first


def first_single_choice(course, section_id):
    """The first single-choice question of the section, with a wrong and the right option."""
    for q in course.quiz(section_id).questions:
        if q.kind == "single":
            right = next(o for o in q.options if o.correct)
            wrong = next(o for o in q.options if not o.correct)
            return q, wrong, right
    return None


def run_notebook(page, server: LabServer, name: str, *, course, section_id: str,
                 plots_expected: int, timeout_ms: int = 180_000,
                 before_run=None) -> NotebookRun:
    """Open ``notebooks/<name>`` in JupyterLab, run all cells and check it as a learner.

    ``before_run(page)``, when given, is called once the notebook is open and its kernel
    idle, before anything runs (what a learner sees on opening it)."""
    run = NotebookRun(name, plots_expected=plots_expected)
    page.on("pageerror", lambda exc: run.page_errors.append(str(exc)[:300]))
    page.set_default_timeout(timeout_ms)
    t0 = time.perf_counter()
    workspace = f"t{secrets.token_hex(4)}"
    page.goto(server.lab_url(f"notebooks/{name}", workspace), wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=timeout_ms)
    page.wait_for_function(JS_KERNEL_IDLE, timeout=timeout_ms, polling=250)
    run.open_s = time.perf_counter() - t0
    if before_run is not None:
        before_run(page)

    t1 = time.perf_counter()
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(JS_ALL_EXECUTED, timeout=timeout_ms, polling=250)
    run.run_s = time.perf_counter() - t1

    # widgets and figures render after the outputs arrive: wait for the quiz to attach
    quiz = page.locator(".jp-OutputArea .ms-quiz").first
    quiz.wait_for(state="attached", timeout=timeout_ms)
    if plots_expected:
        page.wait_for_function(f"() => ({JS_PLOTS_DRAWN})() >= {plots_expected}",
                               timeout=timeout_ms, polling=250)
    run.plots = page.evaluate(JS_PLOTS_DRAWN)
    run.problems = page.evaluate(JS_OUTPUT_PROBLEMS)

    picked = first_single_choice(course, section_id)
    if picked is None:
        run.problems.append(f"{section_id}: no single-choice question to answer")
        return run
    question, wrong, right = picked
    t2 = time.perf_counter()
    page.set_default_timeout(60_000)
    box = quiz.locator(".ms-quiz-question").filter(has_text=question.prompt).first
    box.scroll_into_view_if_needed()
    box.evaluate("el => el.setAttribute('data-lab-test', 'question')")
    feedback = box.locator(":scope > .widget-html").last
    from widgets.quiz.base import MESSAGES

    def answer(option, headline: str, key: str) -> None:
        box.locator(".widget-radio-box label").filter(
            has_text=re.compile("^" + re.escape(option.text) + "$")).first.click()
        # the radio value reaches the kernel before the click on Check (same comm channel)
        page.wait_for_function(
            """(text) => { const q = document.querySelector('[data-lab-test="question"]');
                 return [...q.querySelectorAll('.widget-radio-box label')]
                   .some(l => l.textContent.trim() === text && l.querySelector('input').checked); }""",
            arg=option.text)
        # how sure, before Check (confidence-based marking)
        sure = button(box, MESSAGES["confidence_medium"])
        sure.click()
        page.wait_for_function(
            """(text) => [...document.querySelectorAll('[data-lab-test="question"] button')]
                 .some(b => b.textContent.trim() === text && b.classList.contains('mod-active'))""",
            arg=MESSAGES["confidence_medium"])
        page.evaluate(JS_ARM_TIMER, headline)
        button(box, "Check").click()
        page.wait_for_function("() => window.__labTest.t1 !== null", timeout=60_000, polling="raf")
        timing = page.evaluate("() => window.__labTest")
        run.feedback_ms[key] = timing["t1"] - timing["t0"]
        shown = norm_space(feedback.inner_text())
        for expected in (headline, option.text, option.explanation):
            if norm_space(expected) not in shown:
                run.problems.append(f"{key} feedback lacks {expected!r}; it shows {shown!r}")

    answer(wrong, MESSAGES["wrong"], "wrong")
    button(box, "Try again").click()
    page.wait_for_function(
        "() => document.querySelector('[data-lab-test=\"question\"]').lastElementChild.innerText.trim() === ''")
    answer(right, MESSAGES["correct"], "right")
    run.quiz_s = time.perf_counter() - t2
    return run
