"""Spaced review: a Leitner-style plan kept in every progress entry as ``box`` and ``due``.

The plan (``INTERVALS``, days until the next review from each box):

* a wrong answer, or a right one given with **low** confidence, puts the question in box 0:
  due again **tomorrow**;
* a right answer with medium or high confidence (or with none given: an answer saved before
  confidence was asked counts as medium) moves it one box up: due in **3**, then **7**,
  then **21** days; the last box stays at 21 days;
* a right answer given *before* the question is due leaves the plan as it is, so getting a
  question right straight after getting it wrong does not skip tomorrow's review.

Every date comes from one clock, :func:`today`; tests fix it with :func:`set_today` or
:func:`fixed_today`. The offline handouts follow the same plan: ``record.js`` reads
``INTERVALS`` from the page (written by :func:`plan_config`).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from contextlib import contextmanager
from typing import Iterator, Mapping

INTERVALS: tuple[int, ...] = (1, 3, 7, 21)
LAST_BOX = len(INTERVALS) - 1
CONFIDENT = ("medium", "high")  # a right answer at these levels moves the question out

__all__ = ["INTERVALS", "today", "set_today", "fixed_today", "plan", "scheduled", "due_date",
           "is_due", "due_ids", "due_counts", "plan_config"]

_fixed: dt.date | None = None


# ------------------------------------------------------------------ the one clock
def _as_date(day: dt.date | str) -> dt.date:
    if isinstance(day, dt.datetime):
        return day.date()
    if isinstance(day, dt.date):
        return day
    return dt.date.fromisoformat(str(day)[:10])


def today() -> dt.date:
    """The learner's today (local date), or the day a test fixed."""
    return _fixed if _fixed is not None else dt.date.today()


def set_today(day: dt.date | str | None) -> None:
    """Fix the clock at ``day`` (``None``: the real date again)."""
    global _fixed
    _fixed = None if day is None else _as_date(day)


@contextmanager
def fixed_today(day: dt.date | str) -> Iterator[dt.date]:
    """``with fixed_today("2026-12-01"): ...`` — the clock stands still inside the block."""
    before = _fixed
    set_today(day)
    try:
        yield today()
    finally:
        set_today(before)


# ---------------------------------------------------------------------- the plan
def _box(entry: Mapping | None) -> int | None:
    box = entry.get("box") if isinstance(entry, Mapping) else None
    if isinstance(box, bool) or not isinstance(box, int):
        return None
    return max(0, min(LAST_BOX, box))


def due_date(entry: Mapping | None) -> dt.date | None:
    """When a saved answer is due for review. Entries written before the plan existed
    (format version 1: no ``due``) are placed as if the plan had run when they were saved."""
    if not isinstance(entry, Mapping) or "correct" not in entry:
        return None
    due = entry.get("due")
    if due:
        try:
            return _as_date(due)
        except ValueError:
            pass
    try:
        saved = _as_date(entry.get("saved") or "")
    except ValueError:
        return today()
    wait = INTERVALS[1] if entry.get("correct") and entry.get("confidence") != "low" else INTERVALS[0]
    return saved + dt.timedelta(days=wait)


def plan(old: Mapping | None, correct: bool, confidence: str | None = None,
         on: dt.date | None = None) -> dict:
    """``{"box", "due"}`` after an answer checked ``on`` (default :func:`today`)."""
    on = on or today()
    if not correct or confidence == "low":
        box = 0
    else:
        before = _box(old)
        due = due_date(old)
        if before is not None and due is not None and due > on:
            return {"box": before, "due": due.isoformat()}  # early: keep the plan
        box = min(LAST_BOX, (before or 0) + 1)
    return {"box": box, "due": (on + dt.timedelta(days=INTERVALS[box])).isoformat()}


def scheduled(old: Mapping | None, entry: dict, on: dt.date | None = None) -> dict:
    """``entry`` (a freshly checked answer) with its ``box`` and ``due`` set from ``old``."""
    entry.update(plan(old, bool(entry.get("correct")), entry.get("confidence"), on))
    return entry


# ------------------------------------------------------------------- reading it
def is_due(entry: Mapping | None, on: dt.date | None = None) -> bool:
    due = due_date(entry)
    return due is not None and due <= (on or today())


def due_ids(answers: Mapping[str, Mapping], on: dt.date | None = None,
            among: list[str] | None = None) -> list[str]:
    """The question ids due ``on`` (default today), most overdue first; ``among`` limits
    them to questions the course still has, in that order for equal dates."""
    on = on or today()
    ids = among if among is not None else list(answers)
    rank = {q: i for i, q in enumerate(ids)}
    due = [q for q in ids if q in answers and is_due(answers[q], on)]
    return sorted(due, key=lambda q: (due_date(answers[q]), rank[q]))


def due_counts(answers: Mapping[str, Mapping], on: dt.date | None = None,
               among: list[str] | None = None) -> Counter:
    """How many questions fall due on each date; everything overdue counts on ``on``."""
    on = on or today()
    ids = among if among is not None else list(answers)
    out: Counter = Counter()
    for q in ids:
        due = due_date(answers.get(q))
        if due is not None:
            out[max(due, on)] += 1
    return out


def plan_config() -> dict:
    """What the offline script needs to follow the same plan."""
    return {"intervals": list(INTERVALS), "confident": list(CONFIDENT)}
