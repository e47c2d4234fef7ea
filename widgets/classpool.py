"""The pooled class tally: learners' kernels append anonymous answers to a shared folder.

On when ``MS_COURSE_CLASS_DIR`` names a folder that the educator and the learners share
(for example on a JupyterHub). Each learner's kernel writes only to its own file,
``<folder>/<token>.jsonl``, where the token is random, made once per learner account and
kept beside the progress file; it is never a name, a login or a user id. A file is only
ever appended to, one JSON line per checked answer, so writers never clash and no record is
lost. A line holds the question id, the answer as saved in the progress file, whether it
was right, the confidence (when asked) and the time: nothing else.

The presenter view (:mod:`widgets.present`) reads every file of the folder. A missing,
broken or unwritable folder never stops a quiz: the problem is reported once as a notice.
"""
from __future__ import annotations

import json
import os
import secrets
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

ENV_CLASS_DIR = "MS_COURSE_CLASS_DIR"
SUFFIX = ".jsonl"
CONFIDENCE = ("low", "medium", "high")

# What the learner reads in the notebook while pooling is on (shown above every quiz).
NOTICE_ON = ("Class pooling is on: each answer you check is also added, without your name, "
             "to the class folder your educator set up, so the room's answers can be shown "
             "together. Shared: the question, your answer, whether it was right, your "
             "confidence and the time, under a random code made on this account. Your name, "
             "login and progress file are never shared.")
NOTICE_BROKEN = ("Class pooling is set up but the class folder {folder} cannot be written "
                 "({reason}); your answers are saved as usual but are not added to the "
                 "class tally.")

_state: dict[str, Any] = {"token": None, "notice": ""}


def class_dir() -> Path | None:
    value = os.environ.get(ENV_CLASS_DIR, "").strip()
    return Path(value).expanduser() if value else None


def learner_token() -> str:
    """A random token for this learner account, kept beside the progress file.

    If it cannot be kept there, a token for this kernel only is used instead.
    """
    if _state["token"]:
        return _state["token"]
    token = None
    try:
        from .progress import default_path

        path = default_path().with_name("class-token")
        token = _read_token(path)
        if token is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".class-token-{secrets.token_hex(4)}")
            tmp.write_text(secrets.token_hex(8), encoding="utf-8")
            try:
                os.link(tmp, path)  # atomic, and never replaces a token another kernel made
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
            token = _read_token(path)
    except OSError:
        token = None
    token = token or secrets.token_hex(8)
    _state["token"] = token
    return token


def _read_token(path: Path) -> str | None:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return token if len(token) == 16 and all(c in "0123456789abcdef" for c in token) else None


def _clean(value):
    """JSON-safe copy of a saved answer (str, bool, number, None or lists of them)."""
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)


def append_answer(question_id: str, answer, correct: bool, confidence: str | None = None,
                  folder: Path | None = None) -> bool:
    """Append one anonymous record to this learner's file; False (and a notice) on failure."""
    folder = folder or class_dir()
    if folder is None:
        return False
    record = {"q": str(question_id), "a": _clean(answer), "c": bool(correct),
              "conf": confidence if confidence in CONFIDENCE else None,
              "t": round(time.time(), 3)}
    line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    try:
        fd = os.open(folder / f"{learner_token()}{SUFFIX}",
                     os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)  # one write of one line on an O_APPEND file
        finally:
            os.close(fd)
    except OSError as exc:
        _state["notice"] = NOTICE_BROKEN.format(folder=folder, reason=exc.strerror or exc)
        return False
    _state["notice"] = ""
    return True


def notice() -> str:
    """What the learner should read about pooling now ("" when pooling is off)."""
    if class_dir() is None:
        return ""
    return _state["notice"] or NOTICE_ON


def pooling(on_answer: Callable | None) -> Callable | None:
    """Wrap a question view's ``on_answer`` so the answer is also pooled (when pooling is on)."""
    if class_dir() is None:
        return on_answer

    def wrapped(view, saved, correct, *args, **kwargs):
        try:
            conf = getattr(view, "confidence", None)
            conf = getattr(conf, "value", conf)
            append_answer(view.question_id, saved, correct,
                          conf if isinstance(conf, str) else None)
        except Exception:  # noqa: BLE001 - the class tally must never stop a quiz
            pass
        if on_answer is not None:  # after pooling, so its notice shows this answer's outcome
            on_answer(view, saved, correct, *args, **kwargs)

    return wrapped


# ------------------------------------------------------------------ reading the pool
@dataclass(frozen=True)
class Record:
    token: str
    question: str
    answer: Any
    correct: bool
    confidence: str | None
    time: float


def read_pool(folder: Path | None = None) -> list[Record]:
    """Every record in the class folder; unreadable files and lines are skipped."""
    folder = folder or class_dir()
    out: list[Record] = []
    if folder is None:
        return out
    try:
        files = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return out
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            try:
                r = json.loads(line)
                out.append(Record(path.stem, str(r["q"]), r.get("a"), bool(r.get("c")),
                                  r.get("conf") if r.get("conf") in CONFIDENCE else None,
                                  float(r.get("t", 0))))
            except (ValueError, KeyError, TypeError):
                continue  # a half-written last line, or not ours
    return out


def latest(records: Iterable[Record], question_id: str, since: float = 0.0,
           until: float = float("inf")) -> list[Record]:
    """Each learner's last answer to one question within [since, until)."""
    last: dict[str, Record] = {}
    for r in records:
        if r.question == question_id and since <= r.time < until:
            if r.token not in last or r.time >= last[r.token].time:
                last[r.token] = r
    return list(last.values())


def confidence_spread(records: Iterable[Record]) -> Counter:
    return Counter(r.confidence for r in records if r.confidence)
