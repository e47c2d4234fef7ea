#!/usr/bin/env python
"""A classroom on one machine: N learners at once, each with their own kernel.

    python scripts/classroom_load.py [--learners 20] [--concurrency 4] [--notebooks 00,03]

What it does, per learner (each with their own progress file and learner id):
1. starts a kernel (all N kernels are started first and are alive together; the script
   checks that and reports the memory of the whole room at that moment);
2. executes every course notebook in that kernel with nbclient, in order;
3. then answers every quiz of every section through the Python API in the same kernel,
   as a learner clicking would: for each question, a wrong answer and Check (must say
   "not quite"), Try again, the right answer and Check (must say "correct");
4. afterwards the script reads the learner's progress file and checks that every
   question is saved as answered correctly.

Work runs ``--concurrency`` learners at a time (default 4: this is written for a 2-core
machine; ``--concurrency N`` makes it all-at-once). Kernels are started
``--start-concurrency`` at a time. Failures (cells with errors or stderr, wrong feedback,
missing saved answers) are listed and must be 0: the exit status is 1 otherwise.

Memory is read from ``/proc/<kernel pid>/status`` (``VmHWM``: the kernel's peak resident
memory; ``VmRSS``: now), so no extra dependency is needed. Linux only.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Runs inside each learner's kernel after the notebooks: every question of every
# section, wrong then right, through the same widgets a learner clicks.
QUIZ_DRIVER = r'''
import json as _json
from widgets.notebook import course as _course
from widgets.quiz import quiz_widget as _quiz_widget

def _drive():
    c = _course()
    out = {"questions": 0, "failures": [], "ids": []}
    for s in c.sections:
        box = _quiz_widget(c, s.id)
        for v in box.questions:
            d, kind = v.data, v.data["kind"]
            if kind in ("single", "multiple"):
                opts = d["options"]
                right_ix = [i for i, o in enumerate(opts) if o["correct"]]
                wrong_ix = [i for i, o in enumerate(opts) if not o["correct"]]
                if kind == "single":
                    right, wrong = right_ix[0], wrong_ix[0]
                else:
                    right = right_ix
                    wrong = [wrong_ix[0]] if wrong_ix else right_ix[:-1]
            elif kind == "truefalse":
                right, wrong = bool(d["answer"]), not bool(d["answer"])
            else:  # ordering / matching: entry i is right when it is i
                n = len(d["steps"] if kind == "ordering" else d["pairs"])
                right = list(range(n))
                wrong = right[1:] + right[:1]
            out["questions"] += 1
            out["ids"].append(v.question_id)
            v.retry_button.click()
            v.set_answer(wrong)
            v.confidence.value = "medium"  # every answer says how sure
            v.check_button.click()
            if v.answered_correctly is not False or "Not quite" not in v.feedback.value:
                out["failures"].append(f"{v.question_id}: a wrong answer was not marked wrong")
            v.retry_button.click()
            if v.feedback.value or v.answered_correctly is not None:
                out["failures"].append(f"{v.question_id}: Try again did not clear the question")
            v.set_answer(right)
            v.confidence.value = "medium"
            v.check_button.click()
            if v.answered_correctly is not True or "Correct" not in v.feedback.value:
                out["failures"].append(f"{v.question_id}: the right answer was not marked right")
        if not box.score.value.startswith(f"Score: {len(box.questions)} of {len(box.questions)}"):
            out["failures"].append(f"{s.id}: score reads {box.score.value!r}")
    return out

print("QUIZ-RESULT " + _json.dumps(_drive()))
'''


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM (kB) of a process, from /proc."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


def kernel_pid(km) -> int | None:
    prov = getattr(km, "provisioner", None)
    proc = getattr(prov, "process", None)
    return getattr(proc, "pid", None) or getattr(prov, "pid", None)


class Learner:
    def __init__(self, index: int, workdir: Path):
        self.index = index
        self.name = f"learner-{index:02d}"
        self.progress = workdir / f"{self.name}.json"
        self.km: AsyncKernelManager | None = None
        self.failures: list[str] = []
        self.questions = 0
        self.question_ids: list[str] = []
        self.seconds = 0.0
        self.notebook_seconds: dict[str, float] = {}
        self.memory: dict[str, int] = {}

    async def start(self) -> None:
        env = dict(os.environ)
        env.update({"MS_COURSE_PROGRESS": str(self.progress), "MS_COURSE_LEARNER": self.name,
                    "PYTHONUNBUFFERED": "1"})
        env.pop("MS_COURSE_MODE", None)
        self.km = AsyncKernelManager(kernel_name="python3")
        # the kernel's own log lines go to a file per learner, not over the table
        self.log = open(self.progress.with_suffix(".kernel.log"), "wb")
        await self.km.start_kernel(env=env, cwd=str(NOTEBOOKS), stdout=self.log,
                                   stderr=self.log)
        kc = self.km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=180)
        finally:
            kc.stop_channels()

    async def work(self, notebooks: list[Path], timeout: int) -> None:
        t0 = time.perf_counter()
        for path in notebooks:
            t = time.perf_counter()
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(nb, km=self.km, timeout=timeout, allow_errors=False,
                                    resources={"metadata": {"path": str(NOTEBOOKS)}})
            try:
                await client.async_execute()
            except CellExecutionError as exc:
                last = ANSI.sub("", str(exc)).strip().splitlines()[-1]
                self.failures.append(f"{path.name}: {last[:200]}")
            except Exception as exc:  # noqa: BLE001 - a dead kernel, a timeout: a failure
                self.failures.append(f"{path.name}: {type(exc).__name__}: {exc}"[:300])
            for i, cell in enumerate(nb.cells):
                for out in cell.get("outputs", []):
                    if out.get("output_type") == "stream" and out.get("name") == "stderr":
                        self.failures.append(f"{path.name} cell {i} stderr: {out['text'][:200]}")
            self.notebook_seconds[path.name] = time.perf_counter() - t
        await self.answer_quizzes(timeout)
        self.check_saved()
        pid = kernel_pid(self.km)
        self.memory = proc_status(pid) if pid else {}
        self.seconds = time.perf_counter() - t0

    async def answer_quizzes(self, timeout: int) -> None:
        kc = self.km.client()
        kc.start_channels()
        lines: list[str] = []
        errors: list[str] = []

        def on_output(msg):
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                (lines if content["name"] == "stdout" else errors).append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")

        try:
            reply = await kc.execute_interactive(QUIZ_DRIVER, timeout=timeout,
                                                 output_hook=on_output, store_history=False)
        except Exception as exc:  # noqa: BLE001
            self.failures.append(f"quiz driver: {type(exc).__name__}: {exc}")
            return
        finally:
            kc.stop_channels()
        if reply["content"]["status"] != "ok" or errors:
            self.failures.append("quiz driver: " + " ".join(errors)[:400])
            return
        text = "".join(lines)
        marker = text.rfind("QUIZ-RESULT ")
        if marker < 0:
            self.failures.append("quiz driver printed no result")
            return
        result = json.loads(text[marker + len("QUIZ-RESULT "):].splitlines()[0])
        self.questions = result["questions"]
        self.question_ids = result["ids"]
        self.failures += result["failures"]

    def check_saved(self) -> None:
        """Every question answered is in this learner's own progress file, marked correct."""
        try:
            data = json.loads(self.progress.read_text())
        except (OSError, ValueError) as exc:
            self.failures.append(f"progress file unreadable: {exc}")
            return
        saved = data.get("learners", {}).get(self.name, {})
        missing = [q for q in self.question_ids if not saved.get(q, {}).get("correct")]
        if missing:
            self.failures.append(f"{len(missing)} answers not saved as correct, e.g. {missing[:3]}")
        others = set(data.get("learners", {})) - {self.name}
        if others:
            self.failures.append(f"another learner's answers in this file: {sorted(others)}")

    async def stop(self) -> None:
        if self.km is not None:
            try:
                await self.km.shutdown_kernel(now=False)
            except Exception:  # noqa: BLE001
                await self.km.shutdown_kernel(now=True)
            self.log.close()


async def run(args) -> dict:
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    if args.notebooks:
        wanted = args.notebooks.split(",")
        notebooks = [p for p in notebooks if any(p.name.startswith(w) for w in wanted)]
    workdir = Path(tempfile.mkdtemp(prefix="ms-course-classroom-"))
    learners = [Learner(i + 1, workdir) for i in range(args.learners)]
    t0 = time.perf_counter()
    start_gate = asyncio.Semaphore(args.start_concurrency)

    async def start(learner):
        async with start_gate:
            await learner.start()

    try:
        await asyncio.gather(*(start(l) for l in learners))
        started_s = time.perf_counter() - t0
        alive = [await l.km.is_alive() for l in learners]
        idle_rss = [proc_status(kernel_pid(l.km)).get("VmRSS", 0) for l in learners]

        gate = asyncio.Semaphore(args.concurrency)

        async def work(learner):
            async with gate:
                await learner.work(notebooks, args.timeout)

        t_work = time.perf_counter()
        await asyncio.gather(*(work(l) for l in learners))
        work_s = time.perf_counter() - t_work
        alive_after = [await l.km.is_alive() for l in learners]
        room_rss = [proc_status(kernel_pid(l.km)).get("VmRSS", 0) for l in learners]
    finally:
        await asyncio.gather(*(l.stop() for l in learners), return_exceptions=True)
    wall = time.perf_counter() - t0
    return {
        "learners": learners, "notebooks": notebooks, "wall_s": wall, "start_s": started_s,
        "work_s": work_s, "alive_together": sum(alive), "alive_after": sum(alive_after),
        "idle_rss_kb": idle_rss, "room_rss_kb": room_rss, "workdir": workdir,
    }


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def report(res: dict, args) -> int:
    learners = res["learners"]
    failures = [(l.name, f) for l in learners for f in l.failures]
    hwm = [l.memory.get("VmHWM", 0) for l in learners]
    rss = [l.memory.get("VmRSS", 0) for l in learners]
    secs = [l.seconds for l in learners]
    per_nb = {}
    for l in learners:
        for name, s in l.notebook_seconds.items():
            per_nb.setdefault(name, []).append(s)
    rows = [
        ("learners (one kernel each)", f"{len(learners)}"),
        ("kernels alive together", f"{res['alive_together']} after start, "
                                   f"{res['alive_after']} after the work"),
        ("concurrency (work / start)", f"{args.concurrency} / {args.start_concurrency}"),
        ("notebooks run per learner", f"{len(res['notebooks'])}"),
        ("quiz questions answered per learner",
         f"{min((l.questions for l in learners), default=0)} (wrong, then right)"),
        ("failures", f"{len(failures)}"),
        ("wall time", f"{res['wall_s']:.1f} s (start kernels {res['start_s']:.1f} s, "
                      f"work {res['work_s']:.1f} s)"),
        ("one learner's run (median / max)",
         f"{statistics.median(secs):.1f} s / {max(secs):.1f} s" if secs else "-"),
        ("one notebook in a kernel (median)",
         f"{statistics.median(s for v in per_nb.values() for s in v):.2f} s" if per_nb else "-"),
        ("kernel memory, idle (median)", mb(statistics.median(res["idle_rss_kb"]))),
        ("kernel peak memory VmHWM (median / max)", f"{mb(statistics.median(hwm))} / {mb(max(hwm))}"),
        ("kernel memory after the course, VmRSS (median)", mb(statistics.median(rss))),
        ("the whole room, all kernels together", mb(sum(res["room_rss_kb"]))),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\nClassroom load: {len(learners)} learners on {os.cpu_count()} cores")
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for k, v in rows:
        print(f"| {k.ljust(width)} | {v} |")
    if failures:
        print("\nFailures:")
        for name, f in failures[:50]:
            print(f"  {name}: {f}")
        print(f"\nProgress files and kernel logs kept in {res['workdir']}")
    else:
        shutil.rmtree(res["workdir"], ignore_errors=True)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({
            "learners": len(learners), "failures": len(failures), "wall_s": res["wall_s"],
            "work_s": res["work_s"], "alive_together": res["alive_together"],
            "kernel_vmhwm_kb_median": statistics.median(hwm), "kernel_vmhwm_kb_max": max(hwm),
            "kernel_vmrss_kb_median": statistics.median(rss),
            "kernel_idle_rss_kb_median": statistics.median(res["idle_rss_kb"]),
            "room_rss_kb": sum(res["room_rss_kb"]), "concurrency": args.concurrency,
        }, indent=1))
    return 1 if failures or res["alive_together"] != len(learners) else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learners", type=int, default=20, help="learners, one kernel each (20)")
    ap.add_argument("--concurrency", type=int, default=4,
                    help="learners working at the same moment (4; all kernels stay alive)")
    ap.add_argument("--start-concurrency", type=int, default=4, help="kernels starting at once")
    ap.add_argument("--notebooks", default="", help="comma-separated name prefixes (default: all)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    ap.add_argument("--json", default=str(ROOT / "build" / "bench" / "classroom.json"),
                    help="also write the numbers here ('' for none)")
    args = ap.parse_args(argv)
    if not Path("/proc/self/status").exists():
        print("classroom_load.py reads kernel memory from /proc: Linux only", file=sys.stderr)
        return 2
    res = asyncio.run(run(args))
    return report(res, args)


if __name__ == "__main__":
    sys.exit(main())
