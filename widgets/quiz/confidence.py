"""Confidence-based marking (Gardner-Medwin's LAPT scheme): pure functions, no widgets.

After choosing an answer the learner says how sure they are: low, medium or high.
A right answer scores 1, 2 or 3; a wrong one 0, -2 or -6. Under this scheme the best
choice is "low" when the chance of being right is below 2/3, "medium" between 2/3 and
4/5, and "high" above 4/5, so the share of right answers at each level tells a learner
whether they are well calibrated. ``assets/quiz.js`` scores offline with the same table.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

LEVELS = ("low", "medium", "high")
POINTS = {"low": (1, 0), "medium": (2, -2), "high": (3, -6)}  # (right, wrong)
MAX_POINTS = 3
# The share right above which each level pays best (expected score, LAPT): low < 2/3 <
# medium < 4/5 < high.
THRESHOLDS = {"low": (0.0, 2 / 3), "medium": (2 / 3, 0.8), "high": (0.8, 1.0)}

__all__ = ["LEVELS", "POINTS", "MAX_POINTS", "THRESHOLDS", "points", "check_level",
           "confident_error", "SectionResult", "section_result"]


def check_level(confidence) -> str | None:
    """``confidence`` as one of LEVELS, or None; anything else is a clear error."""
    if confidence is None:
        return None
    if confidence not in LEVELS:
        raise ValueError(f"confidence must be one of {', '.join(LEVELS)} or None, "
                         f"not {confidence!r}")
    return confidence


def points(correct: bool, confidence: str | None) -> int | None:
    """The LAPT score of one checked answer; None when no confidence was given."""
    level = check_level(confidence)
    if level is None:
        return None
    right, wrong = POINTS[level]
    return right if correct else wrong


def confident_error(correct: bool | None, confidence: str | None) -> bool:
    """A wrong answer given with high confidence: the mistake most worth correcting."""
    return correct is False and confidence == "high"


@dataclass(frozen=True)
class SectionResult:
    """A quiz's score: accuracy and the confidence-weighted (LAPT) score."""

    correct: int
    answered: int
    total: int
    points: int  # sum of LAPT points over the answers checked with a confidence
    rated: int  # how many checked answers carry a confidence

    @property
    def best(self) -> int:
        return MAX_POINTS * self.total

    def label(self, template: str) -> str:
        return template.format(correct=self.correct, answered=self.answered, total=self.total,
                               points=self.points, best=self.best, rated=self.rated)


def section_result(results: Iterable[tuple[bool | None, str | None]], total: int | None = None
                   ) -> SectionResult:
    """Score ``(correct, confidence)`` pairs; ``correct=None`` is a question not yet checked."""
    results = list(results)
    checked = [(c, lvl) for c, lvl in results if c is not None]
    scored = [points(c, lvl) for c, lvl in checked]
    return SectionResult(
        correct=sum(1 for c, _ in checked if c), answered=len(checked),
        total=len(results) if total is None else total,
        points=sum(p for p in scored if p is not None),
        rated=sum(1 for p in scored if p is not None))


def shares(counts: dict[str, int] | None) -> dict[str, float] | None:
    """The share of answers at each level from pooled counts (a class), or None if empty."""
    if not counts:
        return None
    clean = {lvl: int(counts.get(lvl, 0) or 0) for lvl in LEVELS}
    n = sum(clean.values())
    if n <= 0:
        return None
    return {lvl: clean[lvl] / n for lvl in LEVELS}
