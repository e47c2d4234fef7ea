"""Teaching mode: for educators showing the course to a room.

On when ``MS_COURSE_MODE=teaching`` is set, or when the toggle from ``teaching_toggle()``
(shown in the start-here notebook) is switched on. Quizzes built afterwards show a
"Reveal to the room" button and the section's facilitator notes and discussion prompts.
"""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

from .fileio import atomic_write

ENV_MODE = "MS_COURSE_MODE"

__all__ = ["is_teaching", "set_teaching", "teaching_toggle", "ENV_MODE"]

# None: follow the environment variable; True/False: the toggle has been used.
_state: dict[str, bool | None] = {"on": None}


def settings_path() -> Path:
    """Where the toggle's choice is kept, beside the progress file, so every notebook sees it."""
    from .progress import default_path

    return default_path().with_name("settings.json")


def _saved() -> bool | None:
    try:
        value = json.loads(settings_path().read_text(encoding="utf-8")).get("teaching")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, bool) else None


def _save(on: bool | None) -> None:
    path = settings_path()
    try:
        if on is None:
            path.unlink(missing_ok=True)
            return
        atomic_write(path, json.dumps({"teaching": on}), prefix=".settings-")
    except OSError as exc:
        warnings.warn(f"teaching mode applies to this notebook only: cannot save it to {path} "
                      f"({exc.strerror})", stacklevel=3)


def is_teaching() -> bool:
    """The toggle in this kernel, else the toggle's saved choice, else ``MS_COURSE_MODE``."""
    if _state["on"] is not None:
        return bool(_state["on"])
    saved = _saved()
    if saved is not None:
        return saved
    return os.environ.get(ENV_MODE, "").strip().lower() == "teaching"


def set_teaching(on: bool | None) -> None:
    """Switch teaching mode on or off for every notebook on this computer (saved beside the
    progress file); ``None`` forgets the choice and follows ``MS_COURSE_MODE`` again."""
    _state["on"] = None if on is None else bool(on)
    _save(_state["on"])


def teaching_toggle():
    """A toggle for the start-here notebook; quizzes built after switching it follow it."""
    import ipywidgets as widgets

    toggle = widgets.ToggleButton(
        value=is_teaching(), description="Teaching mode",
        tooltip="Teaching mode adds a 'Reveal to the room' button and facilitator notes to "
                "every quiz built after switching it on",
        icon="chalkboard-teacher")
    status = widgets.HTML()

    def _update(change=None):
        if change is not None:
            set_teaching(change["new"])
        on = is_teaching()
        status.value = ("<p><strong>Teaching mode is on:</strong> quizzes you open from now on "
                        "show a 'Reveal to the room' button, facilitator notes and discussion "
                        "prompts, in every notebook on this computer. Re-run a quiz cell to see "
                        "them.</p>" if on else
                        "<p><strong>Teaching mode is off:</strong> quizzes show the learner's "
                        "view only.</p>")

    toggle.observe(_update, names="value")
    _update()
    box = widgets.VBox([toggle, status])
    box.toggle = toggle
    box.status = status
    return box


# ------------------------------------------------------------------ the pooled class
# A class pool (widgets/classpool.py) registers a provider: question id -> counts of
# confidence levels, e.g. {"low": 3, "medium": 5, "high": 2}, or None when nobody answered.
# "Reveal to the room" then shows the share of each level beside the answer.
_pool: dict[str, object] = {"confidence": None}


def set_confidence_pool(provider) -> None:
    """Register (or, with ``None``, forget) the pooled class's confidence counts."""
    _pool["confidence"] = provider


def pooled_confidence(question_id: str) -> dict[str, int] | None:
    provider = _pool["confidence"]
    if provider is None:
        return None
    try:
        return provider(question_id)
    except Exception as exc:  # noqa: BLE001 - a pooling problem must never stop a reveal
        warnings.warn(f"the class pool could not give confidence counts for {question_id!r}: "
                      f"{exc}", stacklevel=2)
        return None
