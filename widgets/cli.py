"""`python -m widgets check | handouts | quiz-report | import-answers ...`: the course's command line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _check(args) -> int:
    from .course import check_course, find_content

    course, problems = check_course(args.content)
    if problems:
        for p in sorted(problems):
            print(p)
        print(f"{len(problems)} problem(s) found in {find_content(args.content)}", file=sys.stderr)
        return 1
    assert course is not None
    n_q = sum(len(b.questions) for b in course.banks.values())
    n_nodes = len(course.pathway.nodes) if course.pathway else 0
    print(f"ok: {len(course.sections)} sections, {n_q} questions, {len(course.references)} "
          f"references, {len(course.glossary)} glossary terms, {n_nodes} pathway nodes")
    return 0


def built(what: str, build):
    """Run ``build(progress)``; on bad content or a file problem, say so in one clear line
    (content problems listed above it) and give ``None``."""
    from .course import ContentError

    try:
        return build(lambda msg: print(msg, file=sys.stderr))
    except ContentError as exc:
        for p in exc.problems:
            print(p)
        print(f"{what} not built: fix the problems above", file=sys.stderr)
    except OSError as exc:  # a folder it must not overwrite, no permission, a full disk
        print(f"{what} not built: {exc}", file=sys.stderr)
    return None


def _handouts(args) -> int:
    from .handouts import build_handouts

    out = built("handouts", lambda progress: build_handouts(
        content=args.content, out=args.out, variant=args.variant, progress=progress))
    if out is None:
        return 1
    print(f"handouts written to {out}")
    return 0


def _pdf(args) -> int:
    from .handouts.pdf import print_pdfs

    try:
        paths = print_pdfs(args.out, progress=lambda msg: print(msg, file=sys.stderr))
    except OSError as exc:
        print(f"PDFs not printed: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"wrote {path}")
    return 0


def _notebooks(args) -> int:
    from .course import ContentError, load_course
    from .notebooks import NOTEBOOKS, stale_notebooks, write_notebooks

    try:
        course = load_course(args.content)
    except ContentError as exc:
        for p in exc.problems:
            print(p)
        return 1
    folder = args.out or NOTEBOOKS
    if args.out is None and not (NOTEBOOKS.parent / "pyproject.toml").is_file():
        print("notebooks not written: this is an installed copy of the course; pass --out DIR "
              "(for example --out ~/course)", file=sys.stderr)
        return 1
    for path in write_notebooks(course, folder):
        print(f"wrote {path}")
    for path in stale_notebooks(course, folder):
        print(f"{path}: no section generates this notebook any more; it was left in place "
              "(delete it yourself if it is an old section's)", file=sys.stderr)
    return 0


def _clean(args) -> int:
    from .notebooks import NOTEBOOKS, clean_notebooks

    problems = clean_notebooks(args.folder or NOTEBOOKS, check=args.check)
    for p in problems:
        print(p)
    if problems:
        print("notebooks are not clean: run `make clean-notebooks`", file=sys.stderr)
        return 1
    print("notebooks clean" if args.check else "notebooks cleaned")
    return 0


def _quiz_report(args) -> int:
    from .course import check_course
    from .quiz_report import ProgressFileError, report

    course, problems = check_course(args.content)
    if course is None:
        for p in sorted(problems):
            print(p)
        print("quiz report not made: fix the problems above", file=sys.stderr)
        return 1
    try:
        print(report(course, args.progress))
    except ProgressFileError as exc:
        print(f"quiz report: {exc}", file=sys.stderr)
        return 1
    return 0


def _import_answers(args) -> int:
    from .progress import ProgressStore, default_store
    from .progress_import import ImportProblem, import_answers

    store = ProgressStore(args.progress) if args.progress else default_store()
    try:
        n, who = import_answers(args.file, store, learner=args.learner, source=args.source)
    except ImportProblem as exc:
        print(f"nothing imported: {exc}", file=sys.stderr)
        return 1
    if store.notice:
        print(f"nothing imported: {store.notice}", file=sys.stderr)
        return 1
    print(f"{n} answers imported from {args.file} (learner {who!r}) into {store.path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a content folder")
    check.add_argument("--content", type=Path, default=None,
                       help="content folder (default: $MS_COURSE_CONTENT, else the course's own)")
    check.set_defaults(func=_check)
    hand = sub.add_parser("handouts", help="build the offline HTML handouts")
    hand.add_argument("--content", type=Path, default=None)
    hand.add_argument("--out", type=Path, default=Path("build/handouts"))
    hand.add_argument("--variant", choices=["student", "instructor", "both"], default="both")
    hand.set_defaults(func=_handouts)
    pdf = sub.add_parser("pdf", help="print the built handouts to one PDF per variant")
    pdf.add_argument("--out", type=Path, default=Path("build/handouts"))
    pdf.set_defaults(func=_pdf)
    nbs = sub.add_parser("notebooks", help="(re)generate the section notebooks from the content")
    nbs.add_argument("--content", type=Path, default=None)
    nbs.add_argument("--out", type=Path, default=None,
                     help="folder to write them to (default: the checkout's notebooks/)")
    nbs.set_defaults(func=_notebooks)
    clean = sub.add_parser("clean-notebooks", help="strip outputs and extra metadata from notebooks")
    clean.add_argument("--check", action="store_true", help="only report; exit 1 if not clean")
    clean.add_argument("--folder", type=Path, default=None)
    clean.set_defaults(func=_clean)
    rep = sub.add_parser("quiz-report", help="the quiz bank's shape per section; with "
                         "--progress, item analysis of learners' answers")
    rep.add_argument("--content", type=Path, default=None)
    rep.add_argument("--progress", type=Path, nargs="+", default=None, metavar="FILE",
                     help="progress files (one per learner or class); adds difficulty, option "
                          "pick rates and flags")
    rep.set_defaults(func=_quiz_report)
    imp = sub.add_parser("import-answers", help="import a progress file (e.g. exported from "
                                                "the handout index) into your saved answers")
    imp.add_argument("file", type=Path)
    imp.add_argument("--progress", type=Path, default=None,
                     help="progress file to import into (default: $MS_COURSE_PROGRESS or "
                          "~/.local/share/ms-leg-pain-course/progress.json)")
    imp.add_argument("--learner", default=None, help="whose answers to add to (default: yours)")
    imp.add_argument("--source", default=None, help="which learner of FILE to take")
    imp.set_defaults(func=_import_answers)
    from .export.commands import add_parsers  # export moodle, scorm (LMS exports)

    add_parsers(sub)
    args = parser.parse_args(argv)
    return args.func(args)
