"""`python -m widgets check | handouts`: the course's command line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _check(args) -> int:
    from .course import check_course

    course, problems = check_course(args.content)
    if problems:
        for p in sorted(problems):
            print(p)
        print(f"{len(problems)} problem(s) found in {args.content or 'content/'}", file=sys.stderr)
        return 1
    assert course is not None
    n_q = sum(len(b.questions) for b in course.banks.values())
    n_nodes = len(course.pathway.nodes) if course.pathway else 0
    print(f"ok: {len(course.sections)} sections, {n_q} questions, {len(course.references)} "
          f"references, {len(course.glossary)} glossary terms, {n_nodes} pathway nodes")
    return 0


def _handouts(args) -> int:
    from .course import ContentError
    from .handouts import build_handouts

    try:
        out = build_handouts(content=args.content, out=args.out, variant=args.variant,
                             progress=lambda msg: print(msg, file=sys.stderr))
    except ContentError as exc:
        for p in exc.problems:
            print(p)
        print("handouts not built: fix the problems above", file=sys.stderr)
        return 1
    print(f"handouts written to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a content folder")
    check.add_argument("--content", type=Path, default=None,
                       help="content folder (default: the course's content/)")
    check.set_defaults(func=_check)
    hand = sub.add_parser("handouts", help="build the offline HTML handouts")
    hand.add_argument("--content", type=Path, default=None)
    hand.add_argument("--out", type=Path, default=Path("build/handouts"))
    hand.add_argument("--variant", choices=["student", "instructor", "both"], default="both")
    hand.set_defaults(func=_handouts)
    args = parser.parse_args(argv)
    return args.func(args)
