"""Print the handouts to PDF through headless Chromium: one PDF per variant.

``python -m widgets.handouts.pdf [--content DIR] [--out build/handouts]`` builds both
variants and prints ``OUT/student.pdf`` and ``OUT/instructor.pdf`` from each variant's
``print.html``. It uses Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``) through
Playwright, waiting for every diagram to be drawn before printing; without Playwright it
falls back to ``chromium --headless --print-to-pdf``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .build import DEFAULT_OUT, VARIANTS, build_handouts

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A4 at 96 px/inch less the print margins (14 mm each side): diagrams are drawn at this width.
PRINT_WIDTH_PX = 688


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise FileNotFoundError("Chromium not found: install Debian's chromium package "
                                "(apt-get install chromium) or set CHROMIUM=/path/to/chromium")
    return path


def print_pdf(html_file: Path, pdf_file: Path, *, browser=None, timeout_ms: int = 60_000) -> Path:
    """Print one page to PDF once its diagrams are drawn.

    ``browser``: a Playwright Chromium browser to reuse; by default one is started.
    """
    html_file, pdf_file = Path(html_file).resolve(), Path(pdf_file)
    if browser is not None:
        return _print_with(browser, html_file, pdf_file, timeout_ms)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return _print_with_cli(html_file, pdf_file)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            return _print_with(browser, html_file, pdf_file, timeout_ms)
        finally:
            browser.close()


def _print_with(browser, html_file: Path, pdf_file: Path, timeout_ms: int) -> Path:
    context = browser.new_context(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
    try:
        page = context.new_page()
        # nothing outside the handout folder is ever loaded
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith("file:") else route.abort())
        page.emulate_media(media="print")  # diagrams are drawn at the printed width
        page.goto(html_file.as_uri(), wait_until="load", timeout=timeout_ms)
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.handout-plot'))"
            ".every(d => d.querySelector('.main-svg'))", timeout=timeout_ms)
        page.wait_for_timeout(300)  # let transitions settle
        pdf_file.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(pdf_file), format="A4", print_background=True,
                 prefer_css_page_size=True, outline=True, tagged=True)
    finally:
        context.close()
    return pdf_file


def _print_with_cli(html_file: Path, pdf_file: Path) -> Path:
    pdf_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium_path(), "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}",
             "--no-pdf-header-footer", "--virtual-time-budget=15000",
             f"--window-size={PRINT_WIDTH_PX},1000", f"--print-to-pdf={pdf_file.resolve()}",
             html_file.as_uri()],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return pdf_file


def print_pdfs(out: str | Path | None = None, variants=VARIANTS, progress=None,
               browser=None) -> list[Path]:
    """Print ``OUT/<variant>/print.html`` to ``OUT/<variant>.pdf`` for each built variant.

    ``browser``: a Playwright Chromium browser to reuse (tests pass theirs).
    """
    out = Path(out) if out is not None else DEFAULT_OUT
    written = []
    for v in variants:
        source = out / v / "print.html"
        if not source.exists():
            raise FileNotFoundError(f"{source} not found: build the handouts first "
                                    "(python -m widgets handouts)")
        if progress:
            progress(f"printing {v}.pdf")
        written.append(print_pdf(source, out / f"{v}.pdf", browser=browser))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets.handouts.pdf", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-build", action="store_true", help="print an existing build")
    args = parser.parse_args(argv)
    say = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
    if not args.no_build:
        build_handouts(content=args.content, out=args.out, variant="both", progress=say)
    for pdf in print_pdfs(args.out, progress=say):
        print(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
