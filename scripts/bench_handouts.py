"""Benchmark the handouts build against a stock notebook export (not a test).

    .venv/bin/python scripts/bench_handouts.py [--content DIR] [--no-baseline] [--pdf]

Times ``build_handouts`` (both variants) and, as the baseline, ``jupyter nbconvert
--execute --to html`` of every notebook in ``notebooks/`` (skipped with a note when there
are none). Prints a table: build times, total size of the handout folder, its largest page.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from widgets.handouts import build_handouts, print_pdfs  # noqa: E402


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def mib(n: int) -> str:
    return f"{n / 2**20:.2f} MiB" if n >= 2**20 else f"{n / 1024:.1f} KiB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--pdf", action="store_true", help="also time printing the two PDFs")
    args = parser.parse_args(argv)

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "handouts"
        t0 = time.perf_counter()
        build_handouts(content=args.content, out=out, variant="both")
        t_build = time.perf_counter() - t0
        pages = sorted(p for p in out.rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        sections = [p for p in pages if p.name[:2].isdigit()]
        largest_section = max(sections, key=lambda p: p.stat().st_size)
        rows.append(("handouts: build, both variants", f"{t_build:.2f} s",
                     f"{len(pages)} pages"))
        for v in ("student", "instructor"):
            rows.append((f"handouts: {v}/ folder", "", mib(size(out / v))))
        rows.append(("handouts: total", "", mib(size(out))))
        rows.append((f"largest page: {largest.relative_to(out)}", "", mib(largest.stat().st_size)))
        rows.append((f"largest section page: {largest_section.relative_to(out)}", "",
                     mib(largest_section.stat().st_size)))
        rows.append(("of which assets/plotly.min.js (per variant)", "",
                     mib((out / "student" / "assets" / "plotly.min.js").stat().st_size)))
        if args.pdf:
            t0 = time.perf_counter()
            pdfs = print_pdfs(out)
            rows.append(("PDFs: print both", f"{time.perf_counter() - t0:.2f} s",
                         ", ".join(f"{p.name} {mib(p.stat().st_size)}" for p in pdfs)))

        notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
        if args.no_baseline:
            rows.append(("baseline: nbconvert --execute --to html", "skipped", "--no-baseline"))
        elif not notebooks:
            rows.append(("baseline: nbconvert --execute --to html", "skipped",
                         "no notebooks in notebooks/ yet"))
        else:
            base = Path(tmp) / "nbconvert"
            jupyter = shutil.which("jupyter", path=str(Path(sys.executable).parent)) or "jupyter"
            t0 = time.perf_counter()
            result = subprocess.run(
                [jupyter, "nbconvert", "--execute", "--to", "html", "--output-dir", str(base),
                 *map(str, notebooks)], cwd=ROOT / "notebooks", capture_output=True, text=True)
            t_nb = time.perf_counter() - t0
            if result.returncode != 0:
                rows.append(("baseline: nbconvert --execute --to html", f"{t_nb:.2f} s",
                             "FAILED: " + result.stderr.strip().splitlines()[-1][:80]))
            else:
                html = sorted(base.glob("*.html"))
                big = max(html, key=lambda p: p.stat().st_size)
                rows.append((f"baseline: nbconvert --execute --to html ({len(notebooks)} notebooks)",
                             f"{t_nb:.2f} s", mib(size(base))))
                rows.append((f"baseline largest page: {big.name}", "", mib(big.stat().st_size)))
                rows.append(("speed-up (baseline / handouts)", f"{t_nb / t_build:.1f}x", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'time':>10}  size / note")
    print("-" * (width + 30))
    for what, t, note in rows:
        print(f"{what:<{width}}  {t:>10}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
