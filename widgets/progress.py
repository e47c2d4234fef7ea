"""The learner's local answer store: one small JSON file, written atomically under a lock.

Where it lives: ``$MS_COURSE_PROGRESS`` if set, else ``progress.json`` in the per-user data
folder of ``ms-leg-pain-course`` (platformdirs: ``~/.local/share/...`` or ``$XDG_DATA_HOME`` on
Linux, ``~/Library/Application Support/...`` on macOS, ``%LOCALAPPDATA%\\...`` on Windows).

Several notebooks, kernels or learners may share one file. Every change is a read-modify-write
done while holding a file lock (``progress.json.lock`` beside it, via ``filelock``), so no
writer loses another's answers; readers re-read the file whenever it changed on disk
(modification time, size or inode), so the dashboard shows answers given in other notebooks.

The file holds, per learner and question id, the last checked answer (as option texts,
so a reshuffle or a reordered bank does not change its meaning), whether it was right,
how sure the learner was, how many checks so far and the first check ever::

    {"version": 2, "course": "ms-leg-pain",
     "learners": {"learner": {"msk-01": {"answer": "...", "correct": true,
                                          "confidence": "high", "attempts": 2,
                                          "first": {"answer": "...", "correct": false,
                                                    "confidence": "medium"},
                                          "saved": "2026-11-25T10:00:00+00:00",
                                          "box": 1, "due": "2026-11-28"}}}}

The whole format, its versions and the spaced-review plan (``box``, ``due``, see
:mod:`widgets.schedule`) are documented in README.md, "Your saved answers". Version 1 files
still load (no ``confidence``, ``attempts`` or ``first``: the entry counts as the first
check); a file of a newer version is refused with one line and never written (the format's
version, entries and checks: :mod:`widgets.progress_format`).

A damaged or unwritable file never stops a quiz: the store warns once (one line), shows
the same line in ``notice``, and keeps answers in memory. A damaged file is first copied
to ``progress.json.corrupt`` (never overwritten), so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import platformdirs
from filelock import FileLock

from . import schedule
from .fileio import atomic_write
from .progress_format import (CONFIDENCE_LEVELS, COURSE_ID, VERSION, _empty,  # noqa: F401
                              _valid, first_check, newer_version, next_entry)

ENV_PATH = "MS_COURSE_PROGRESS"
ENV_LEARNER = "MS_COURSE_LEARNER"
APP_DIR = "ms-leg-pain-course"
LOCK_TIMEOUT = 10.0  # seconds to wait for another writer; each write holds the lock briefly

__all__ = ["ProgressStore", "ProgressWarning", "Score", "default_path", "default_learner",
           "default_store", "next_entry", "first_check"]


class ProgressWarning(UserWarning):
    """The progress file could not be read or written; answers stay in memory."""


def default_path() -> Path:
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_data_path(APP_DIR, appauthor=False) / "progress.json"


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


class ProgressStore:
    """Answers per learner and question, kept in memory and mirrored to a JSON file.

    Every change goes through :meth:`update` (``record`` and ``reset`` are built on it): under
    the file lock it re-reads the file, applies the change to the freshest data and replaces
    the file atomically. Readers (``get``, ``answers``, ``score``) re-read the file when it
    changed on disk since this store last read or wrote it.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        # mode 0o666: learners sharing one file under different accounts can all take the lock
        self._lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT, mode=0o666)
        self.notice = ""  # one line for the learner when saving is not possible
        self.writable = True
        self._warned: set[str] = set()
        self._stamp: tuple | None = None  # (mtime, size, inode) of the file as last read/written
        self._unsaved: dict[str, dict[str, dict | None]] = {}  # changes not on disk yet
        self._data = _empty()
        self._data = self._read(first=True)

    # ------------------------------------------------------------------ reading
    def _problem(self, key: str, message: str) -> None:
        self.notice = message
        if key not in self._warned:
            self._warned.add(key)
            warnings.warn(message, ProgressWarning, stacklevel=4)

    def _file_stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _read(self, first: bool = False) -> dict:
        """The file's data (plus changes that could not be saved); on a problem, what we
        already hold in memory."""
        stamp = self._file_stamp()
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # nothing saved there yet
            self._stamp = None
            return self._data if not first else _empty()
        except (OSError, UnicodeDecodeError) as exc:
            self.writable = False  # never overwrite a file we could not read
            self._stamp = stamp
            self._problem("read", f"Progress file {self.path} cannot be read "
                                  f"({getattr(exc, 'strerror', None) or exc}); your answers are "
                                  "kept for this session only.")
            return self._data
        self._stamp = stamp
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if newer_version(data):
            self.writable = False  # never overwrite what a newer release wrote
            self._problem("newer", f"Progress file {self.path} was written by a newer release "
                                   f"of the course (format version {newer_version(data)}; this "
                                   f"one reads up to {VERSION}); it is left untouched and your "
                                   "answers are kept for this session only. Update the course "
                                   "to use it.")
            return self._data if not first else _empty()
        if _valid(data):
            for learner, changes in self._unsaved.items():
                answers = data["learners"].setdefault(learner, {})
                for qid, entry in changes.items():
                    if entry is None:
                        answers.pop(qid, None)
                    else:
                        answers[qid] = entry
            return data
        self._set_aside_corrupt(text)
        return self._data if not first else _empty()

    def _fresh(self) -> None:
        """Re-read the file if it changed on disk since we last read or wrote it."""
        if self.writable and self._file_stamp() != self._stamp:
            self._data = self._read()

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
    def _save(self) -> None:
        self._data.update(version=VERSION, course=COURSE_ID)
        text = json.dumps(self._data, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(self.path, text, prefix=".progress-")
        self._stamp = self._file_stamp()
        self._unsaved.clear()
        if self.notice.startswith("Progress cannot be saved"):
            self.notice = ""

    def _transact(self, apply: Callable[[dict], None]) -> None:
        """Apply a change to the freshest data under the file lock and save it; when the file
        cannot be locked or written, apply it in memory only (one warning)."""
        applied = False
        if self.writable:
            try:
                with self._lock:  # filelock creates the folder of the lock file
                    self._data = self._read()
                    apply(self._data)
                    applied = True
                    if self.writable:  # the read may have found an unreadable file
                        self._save()
            except OSError as exc:
                self._problem("write", f"Progress cannot be saved to {self.path} "
                                       f"({getattr(exc, 'strerror', None) or exc}); your answers "
                                       "are kept for this session only.")
        if not applied:
            apply(self._data)

    # --------------------------------------------------------------------- API
    def answers(self, learner: str | None = None) -> dict[str, dict]:
        """Every saved answer of a learner, by question id."""
        self._fresh()
        return dict(self._data["learners"].get(learner or default_learner(), {}))

    def get(self, learner: str | None, question_id: str) -> dict | None:
        self._fresh()
        return self._data["learners"].get(learner or default_learner(), {}).get(question_id)

    def update(self, learner: str | None, question_id: str,
               change: Callable[[dict | None], dict | None]) -> dict | None:
        """Change one saved entry safely: ``change(old_entry_or_None)`` returns the new entry
        (``None`` removes it). It runs while the file is locked, on what is on disk now, so
        it sees every answer other notebooks saved and no other writer can slip in between.
        Returns the new entry."""
        learner = learner or default_learner()
        result: dict[str, dict | None] = {}

        def apply(data: dict) -> None:
            answers = data.setdefault("learners", {}).setdefault(learner, {})
            new = change(answers.get(question_id))
            if new is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = new
            self._unsaved.setdefault(learner, {})[question_id] = new
            result["entry"] = new

        self._transact(apply)
        return result.get("entry")

    def record(self, learner: str | None, question_id: str, answer: Any, correct: bool,
               confidence: str | None = None) -> None:
        """Save a checked answer and how sure the learner was (format version 2: also the
        number of checks and the first check; fields other code keeps are preserved) and
        schedule its next review (:mod:`widgets.schedule`)."""
        now = dt.datetime.now(dt.timezone.utc)
        self.update(learner, question_id, lambda old: schedule.scheduled(
            old, next_entry(old, answer, correct, confidence, now)))

    def reset(self, learner: str | None = None) -> None:
        """Forget every saved answer of one learner."""
        learner = learner or default_learner()

        def apply(data: dict) -> None:
            data.setdefault("learners", {}).pop(learner, None)
            self._unsaved.pop(learner, None)

        self._transact(apply)

    def score(self, question_ids: list[str], learner: str | None = None) -> Score:
        saved = self.answers(learner)
        entries = [saved[q] for q in question_ids if q in saved]
        return Score(sum(bool(e.get("correct")) for e in entries), len(entries), len(question_ids))

    def section_score(self, course, section_id: str, learner: str | None = None) -> Score:
        return self.score([q.id for q in course.quiz(section_id).questions], learner)


_STORES: dict[Path, ProgressStore] = {}


def default_store() -> ProgressStore:
    """One shared store per progress file, so quizzes and the dashboard see the same answers."""
    path = default_path()
    key = path.resolve() if path.parent.exists() else path.absolute()
    store = _STORES.get(key)
    if store is None:
        store = _STORES[key] = ProgressStore(path)
    return store
