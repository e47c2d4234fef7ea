"""Print the handouts to PDF through headless Chromium: one PDF per variant.

``python -m widgets.handouts.pdf [--content DIR] [--out build/handouts]`` builds both
variants and prints ``OUT/student.pdf`` and ``OUT/instructor.pdf`` from each variant's
``print.html``. It uses Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``) through
Playwright, waiting for every diagram to be drawn before printing; without Playwright it
falls back to ``chromium --headless --print-to-pdf``.

The instructor's ``print.html`` carries the sections only (its answer key is a page of its
own, ``answer-key.html``); the instructor PDF still ends with the key: both are printed as
one temporary page that this module writes beside them, under a name of its own, and removes.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .build import DEFAULT_OUT, VARIANTS, build_handouts
from .helpers import demote_headings, drop_titles

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


KEY_PAGE = "answer-key.html"
_MAIN = re.compile(r'<main id="main" tabindex="-1">\n?(.*?)</main>', re.S)
_KEY_ENTRY = re.compile(
    r'<li class="handout-key-entry"><a href="answer-key\.html">(.*?)</a>.*?</li>', re.S)


def with_answer_key(print_html: str, key_html: str) -> str:
    """``print.html`` with ``answer-key.html``'s key after the sections (headings one level
    down, no tooltips, as the rest of the printout), its contents entry pointing there."""
    main, key = _MAIN.search(print_html), _MAIN.search(key_html)
    entry = _KEY_ENTRY.search(print_html)
    if not (main and key and entry) or 'id="answer-key"' not in key.group(1):
        raise ValueError("print.html and answer-key.html do not fit together: rebuild the "
                         "handouts (python -m widgets handouts)")
    section = ('<section class="handout-print-section handout-answer-key" '
               'aria-labelledby="answer-key">\n' + drop_titles(demote_headings(key.group(1)))
               + "</section>\n")
    entry_html = f'<li class="handout-key-entry"><a href="#answer-key">{entry.group(1)}</a></li>'
    end = main.end(1)
    page = print_html[:end] + section + print_html[end:]
    return page[:entry.start()] + entry_html + page[entry.end():]


@contextlib.contextmanager
def print_source(folder: Path):
    """The page to print for one variant's folder: its ``print.html``; with an answer key
    beside it, a temporary page (a fresh hidden name in the same folder, so the assets
    resolve) that holds both, removed afterwards. Nothing else in the folder is touched."""
    folder = Path(folder)
    source = folder / "print.html"
    if not source.exists():
        raise FileNotFoundError(f"{source} not found: build the handouts first "
                                "(python -m widgets handouts)")
    if not (folder / KEY_PAGE).exists():
        yield source
        return
    page = with_answer_key(source.read_text("utf-8"), (folder / KEY_PAGE).read_text("utf-8"))
    fd, name = tempfile.mkstemp(prefix=".print-with-answer-key-", suffix=".html", dir=folder)
    combined = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(page)
        yield combined
    finally:
        combined.unlink(missing_ok=True)


def print_pdfs(out: str | Path | None = None, variants=VARIANTS, progress=None,
               browser=None) -> list[Path]:
    """Print ``OUT/<variant>/print.html`` to ``OUT/<variant>.pdf`` for each built variant.

    ``browser``: a Playwright Chromium browser to reuse (tests pass theirs).
    """
    out = Path(out) if out is not None else DEFAULT_OUT
    written = []
    for v in variants:
        with print_source(out / v) as source:
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
