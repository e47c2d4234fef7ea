"""Execute the course's notebooks with nbclient, each in a fresh kernel of its own.

Used by tests/conftest.py (every notebook executed once per test session, in a background
process while the other tests run; every assertion reads the saved outputs) and by
scripts/bench.py (one sequential pass, the yardstick for ``make test``).

    python tests/notebook_runner.py --out DIR [--jobs N] [NOTEBOOK ...]

writes ``DIR/<name>.ipynb`` (executed, outputs kept) and ``DIR/summary.json``
(``{name: {"seconds", "error"}}``; seconds include starting the kernel). The notebooks
in ``notebooks/`` are only read.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LEARNER = "notebook-runner"


def kernel_env(progress: Path) -> dict:
    """The environment of every kernel: its own progress file, learner mode."""
    env = dict(os.environ)
    env.update({"MS_COURSE_PROGRESS": str(progress), "MS_COURSE_LEARNER": LEARNER,
                "PYTHONUNBUFFERED": "1"})
    env.pop("MS_COURSE_MODE", None)
    return env


async def execute(path: Path, env: dict, timeout: int = 600):
    """(executed notebook, seconds including kernel start, error text or "")."""
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    t0 = time.perf_counter()
    km = AsyncKernelManager(kernel_name="python3")
    await km.start_kernel(env=env, cwd=str(path.parent), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    error = ""
    try:
        client = NotebookClient(nb, km=km, timeout=timeout, allow_errors=False,
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            await client.async_execute()
        except Exception as exc:  # noqa: BLE001 - reported per notebook, with the cell
            error = f"{type(exc).__name__}: {str(exc)[-2000:]}"
    finally:
        await km.shutdown_kernel(now=False)
    return nb, time.perf_counter() - t0, error


async def run_all(paths: list[Path], out: Path, jobs: int = 1) -> dict:
    import nbformat

    out.mkdir(parents=True, exist_ok=True)
    env = kernel_env(out / "progress" / "progress.json")
    gate = asyncio.Semaphore(max(1, jobs))
    summary: dict = {}

    async def one(path: Path) -> None:
        async with gate:
            nb, seconds, error = await execute(path, env)
        nbformat.write(nb, out / path.name)
        summary[path.name] = {"seconds": round(seconds, 3), "error": error}

    await asyncio.gather(*(one(p) for p in paths))
    ordered = {p.name: summary[p.name] for p in paths}
    (out / "summary.json").write_text(json.dumps(ordered, indent=1))
    return ordered


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=1, help="kernels at a time")
    ap.add_argument("notebooks", nargs="*", type=Path)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="ms-course-nbrun-"))
    summary = asyncio.run(run_all(args.notebooks or NOTEBOOKS, out, args.jobs))
    bad = {k: v["error"] for k, v in summary.items() if v["error"]}
    print(json.dumps({"out": str(out), "failed": sorted(bad)}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
