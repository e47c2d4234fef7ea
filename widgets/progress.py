"""The learner's local answer store: one small JSON file, written atomically.

Where it lives: ``$MS_COURSE_PROGRESS`` if set, else
``$XDG_DATA_HOME/ms-leg-pain-course/progress.json`` (``~/.local/share/...`` by default).

The file holds, per learner and question id, the last checked answer (as option texts,
so a reshuffle or a reordered bank does not change its meaning), whether it was right,
how sure the learner was, how many checks so far and the first check ever::

    {"version": 2,
     "learners": {"learner": {"msk-01": {"answer": "...", "correct": true,
                                          "confidence": "high", "attempts": 2,
                                          "first": {"answer": "...", "correct": false,
                                                    "confidence": "medium"},
                                          "saved": "2026-11-25T10:00:00+00:00"}}}}

Version 1 files (no ``confidence``, ``attempts`` or ``first``) still load.

A damaged or unwritable file never stops a quiz: the store warns once (one line), shows
the same line in ``notice``, and keeps answers in memory. A damaged file is first copied
to ``progress.json.corrupt`` (never overwritten), so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_PATH = "MS_COURSE_PROGRESS"
ENV_LEARNER = "MS_COURSE_LEARNER"
APP_DIR = "ms-leg-pain-course"
VERSION = 2
CONFIDENCE_LEVELS = ("low", "medium", "high")

__all__ = ["ProgressStore", "ProgressWarning", "Score", "default_path", "default_learner",
           "default_store", "next_entry", "first_check"]


class ProgressWarning(UserWarning):
    """The progress file could not be read or written; answers stay in memory."""


def default_path() -> Path:
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / APP_DIR / "progress.json"


def default_learner() -> str:
    """The learner id: ``$MS_COURSE_LEARNER``, or ``"learner"`` for one person on one machine."""
    return os.environ.get(ENV_LEARNER, "").strip() or "learner"


@dataclass(frozen=True)
class Score:
    correct: int
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.correct == self.total

    @property
    def label(self) -> str:
        return f"Score: {self.correct} of {self.total} answered correctly"


def _empty() -> dict:
    return {"version": VERSION, "learners": {}}


def _valid(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("learners"), dict):
        return False
    for answers in data["learners"].values():
        if not isinstance(answers, dict):
            return False
        if not all(isinstance(e, dict) and "correct" in e for e in answers.values()):
            return False
    return True


class ProgressStore:
    """Answers per learner and question, kept in memory and mirrored to a JSON file."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.notice = ""  # one line for the learner when saving is not possible
        self.writable = True
        self._warned: set[str] = set()
        self._data = _empty()
        self._data = self._read(first=True)

    # ------------------------------------------------------------------ reading
    def _problem(self, key: str, message: str) -> None:
        self.notice = message
        if key not in self._warned:
            self._warned.add(key)
            warnings.warn(message, ProgressWarning, stacklevel=3)

    def _read(self, first: bool = False) -> dict:
        """The file's data; on a problem, what we already hold in memory."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # nothing saved there yet
            return self._data if not first else _empty()
        except (OSError, UnicodeDecodeError) as exc:
            self.writable = False  # never overwrite a file we could not read
            self._problem("read", f"Progress file {self.path} cannot be read "
                                  f"({getattr(exc, 'strerror', None) or exc}); your answers are "
                                  "kept for this session only.")
            return self._data
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if _valid(data):
            return data
        self._set_aside_corrupt(text)
        return self._data if not first else _empty()

    def _set_aside_corrupt(self, text: str) -> None:
        target = self.path.with_name(self.path.name + ".corrupt")
        n = 1
        while target.exists():
            if target.read_text(encoding="utf-8", errors="replace") == text:
                break  # this exact damaged file is already kept
            target = self.path.with_name(f"{self.path.name}.corrupt.{n}")
            n += 1
        try:
            if not target.exists():
                target.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.writable = False
            self._problem("corrupt", f"Progress file {self.path} is damaged and no copy could "
                                     f"be kept ({exc.strerror}); it is left untouched and your "
                                     "answers are kept for this session only.")
            return
        self._problem("corrupt", f"Progress file {self.path} was damaged; a copy is kept at "
                                 f"{target.name} and progress starts afresh.")

    # ------------------------------------------------------------------ writing
    def _write(self) -> None:
        if not self.writable:
            return
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".progress-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._data, fh, ensure_ascii=False, indent=1, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            tmp = None
            if self.notice.startswith("Progress cannot be saved"):
                self.notice = ""
        except OSError as exc:
            self._problem("write", f"Progress cannot be saved to {self.path} "
                                   f"({exc.strerror or exc}); your answers are kept for this "
                                   "session only.")
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    # --------------------------------------------------------------------- API
    def answers(self, learner: str | None = None) -> dict[str, dict]:
        """Every saved answer of a learner, by question id."""
        return dict(self._data["learners"].get(learner or default_learner(), {}))

    def get(self, learner: str | None, question_id: str) -> dict | None:
        return self._data["learners"].get(learner or default_learner(), {}).get(question_id)

    def record(self, learner: str | None, question_id: str, answer: Any, correct: bool,
               confidence: str | None = None) -> None:
        """Save a checked answer (merging with what other notebooks wrote meanwhile)."""
        learner = learner or default_learner()
        if self.writable:
            self._data = self._read()
        answers = self._data.setdefault("learners", {}).setdefault(learner, {})
        answers[question_id] = next_entry(answers.get(question_id), answer, correct, confidence)
        self._data["version"] = VERSION
        self._write()

    def reset(self, learner: str | None = None) -> None:
        """Forget every saved answer of one learner."""
        learner = learner or default_learner()
        if self.writable:
            self._data = self._read()
        self._data["learners"].pop(learner, None)
        self._write()

    def score(self, question_ids: list[str], learner: str | None = None) -> Score:
        saved = self.answers(learner)
        entries = [saved[q] for q in question_ids if q in saved]
        return Score(sum(bool(e.get("correct")) for e in entries), len(entries), len(question_ids))

    def section_score(self, course, section_id: str, learner: str | None = None) -> Score:
        return self.score([q.id for q in course.quiz(section_id).questions], learner)


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


_STORES: dict[Path, ProgressStore] = {}


def default_store() -> ProgressStore:
    """One shared store per progress file, so quizzes and the dashboard see the same answers."""
    path = default_path()
    key = path.resolve() if path.parent.exists() else path.absolute()
    store = _STORES.get(key)
    if store is None:
        store = _STORES[key] = ProgressStore(path)
    return store
