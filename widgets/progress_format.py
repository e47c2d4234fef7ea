"""The progress file's format: its version, reading version 1 entries as version 2, refusing newer ones."""
from __future__ import annotations

import datetime as dt
from typing import Any

VERSION = 2
CONFIDENCE_LEVELS = ("low", "medium", "high")
COURSE_ID = "ms-leg-pain"  # also the prefix of the handouts' localStorage keys


def _empty() -> dict:
    return {"version": VERSION, "course": COURSE_ID, "learners": {}}


def newer_version(data: Any) -> int | None:
    """The format version of a file this release cannot read, else None."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        return version
    return None


def _valid(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("learners"), dict):
        return False
    for answers in data["learners"].values():
        if not isinstance(answers, dict):
            return False
        if not all(isinstance(e, dict) and "correct" in e for e in answers.values()):
            return False
    return True


def next_entry(old: dict | None, answer: Any, correct: bool, confidence: str | None = None,
               now: dt.datetime | None = None) -> dict:
    """The entry after one more check (format version 2): the last answer, how sure the
    learner was, how many checks so far, and the first check ever, kept for the pre/post
    gain and calibration. Fields other writers add (``box``, ``due``) are kept; an entry
    written by version 1 counts as the first check."""
    if confidence is not None and confidence not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence must be one of {', '.join(CONFIDENCE_LEVELS)} or None, "
                         f"not {confidence!r}")
    now = now or dt.datetime.now(dt.timezone.utc)
    old = dict(old) if isinstance(old, dict) else None
    entry = dict(old or {})
    if old is None:
        first = {"answer": answer, "correct": bool(correct), "confidence": confidence}
        attempts = 1
    else:
        first = old.get("first") or {"answer": old.get("answer"), "correct": bool(old.get("correct")),
                                     "confidence": old.get("confidence")}
        attempts = int(old.get("attempts") or 1) + 1
    entry.update(answer=answer, correct=bool(correct), confidence=confidence,
                 saved=now.isoformat(timespec="seconds"), attempts=attempts, first=first)
    return entry


def first_check(entry: dict) -> dict:
    """The first check ever of an entry (version 1 entries: the entry itself)."""
    first = entry.get("first") if isinstance(entry, dict) else None
    if isinstance(first, dict) and "correct" in first:
        return first
    return {"answer": entry.get("answer"), "correct": bool(entry.get("correct")),
            "confidence": entry.get("confidence")}
