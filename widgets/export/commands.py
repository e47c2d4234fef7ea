"""The command-line subcommands of the LMS exports: ``export moodle`` and ``scorm``.

``widgets/cli.py`` registers them with one call to :func:`add_parsers`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _load(content):
    from ..course import ContentError, load_course

    try:
        return load_course(content)
    except ContentError as exc:
        for p in exc.problems:
            print(p)
        print("nothing exported: fix the problems above", file=sys.stderr)
        return None


def _export(args) -> int:
    from .moodle import write_moodle_xml

    course = _load(args.content)
    if course is None:
        return 1
    try:
        out = write_moodle_xml(course, args.out)
    except OSError as exc:
        print(f"Moodle questions not written: {exc}", file=sys.stderr)
        return 1
    n = sum(len(b.questions) for b in course.banks.values())
    print(f"{n} questions in {len(course.banks)} categories written to {out}; import them in "
          "Moodle: Question bank → Import → Moodle XML format")
    return 0


def _scorm(args) -> int:
    from ..cli import built
    from ..scorm import build_scorm

    out = built("SCORM package", lambda progress: build_scorm(
        args.out, content=args.content, progress=progress))
    if out is None:
        return 1
    print(f"SCORM 1.2 package written to {out}; upload it in your LMS as a SCORM package")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="export the question bank for an LMS")
    export.add_argument("format", choices=["moodle"], help="moodle: Moodle XML question bank")
    export.add_argument("--content", type=Path, default=None)
    export.add_argument("--out", type=Path, default=Path("build/moodle-questions.xml"))
    export.set_defaults(func=_export)
    scorm = sub.add_parser("scorm", help="pack the student handouts as a SCORM 1.2 package")
    scorm.add_argument("--content", type=Path, default=None)
    scorm.add_argument("--out", type=Path, default=Path("build/course-scorm.zip"))
    scorm.set_defaults(func=_scorm)
