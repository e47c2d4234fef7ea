"""Carry answers into JupyterLab: import a progress file (an export from the handout index,
or another computer's ``progress.json``) into this computer's progress, newest answer first.

``python -m widgets import-answers FILE`` runs it; :func:`import_answers` is the API. A
file that is not a progress file of this course, or of a newer format version, is refused
with one line naming the file and what to do; nothing is written then.
"""
from __future__ import annotations

import json
from pathlib import Path

from .progress import COURSE_ID, VERSION, ProgressStore, default_learner, newer_version

__all__ = ["ImportProblem", "read_progress_file", "import_answers"]


class ImportProblem(ValueError):
    """The file cannot be imported; the message names the file and the fix."""


def read_progress_file(path: str | Path) -> dict:
    """The document of a progress file, checked: this course, a format this release reads."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportProblem(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})"
                            ) from None
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ImportProblem(f"{path}: not a progress file (not JSON: {exc.msg} at line "
                            f"{exc.lineno}, column {exc.colno}); export your answers again "
                            "from the handout index") from None
    if newer_version(doc):
        raise ImportProblem(f"{path}: written by a newer release of the course (format version "
                            f"{newer_version(doc)}; this release reads up to {VERSION}); update "
                            "the course, then import again")
    if not isinstance(doc, dict) or not isinstance(doc.get("learners"), dict):
        raise ImportProblem(f"{path}: not a progress file (no \"learners\" with answers)")
    if doc.get("course") not in (None, COURSE_ID):
        raise ImportProblem(f"{path}: holds answers of another course ({doc['course']!r}, not "
                            f"{COURSE_ID!r})")
    return doc


def _entries(doc: dict, path: Path, source: str | None) -> tuple[str, dict]:
    learners = {k: v for k, v in doc["learners"].items() if isinstance(v, dict)}
    if source is not None:
        if source not in learners:
            raise ImportProblem(f"{path}: no learner {source!r}; it has: "
                                + (", ".join(sorted(learners)) or "none"))
        return source, learners[source]
    if not learners:
        raise ImportProblem(f"{path}: not a progress file (no \"learners\" with answers)")
    if default_learner() in learners:
        return default_learner(), learners[default_learner()]
    name = max(sorted(learners), key=lambda k: len(learners[k]))  # the one with most answers
    return name, learners[name]


def _newer(old: dict | None, new: dict) -> bool:
    return not isinstance(old, dict) or str(new.get("saved") or "") >= str(old.get("saved") or "")


def import_answers(path: str | Path, store: ProgressStore, *, learner: str | None = None,
                   source: str | None = None) -> tuple[int, str]:
    """Merge the answers of ``source`` (default: the file's default learner, or the one with
    most answers) into ``learner`` of ``store``; an answer saved later is kept. Returns
    (answers imported, source learner)."""
    path = Path(path)
    doc = read_progress_file(path)
    who, incoming = _entries(doc, path, source)
    incoming = {q: e for q, e in incoming.items()
                if isinstance(e, dict) and isinstance(e.get("correct"), bool)}
    learner = learner or default_learner()
    taken: list[str] = []
    for qid, entry in incoming.items():
        def change(old, entry=entry, qid=qid):
            if _newer(old, entry):
                taken.append(qid)
                return dict(entry)
            return old
        store.update(learner, qid, change)  # under the file lock, on what is on disk now
    return len(taken), who
