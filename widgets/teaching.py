"""Teaching mode: for educators showing the course to a room.

On when ``MS_COURSE_MODE=teaching`` is set, or when the toggle from ``teaching_toggle()``
(shown in the start-here notebook) is switched on. Quizzes built afterwards show a
"Reveal to the room" button and the section's facilitator notes and discussion prompts.
"""
from __future__ import annotations

import os

ENV_MODE = "MS_COURSE_MODE"

__all__ = ["is_teaching", "set_teaching", "teaching_toggle", "ENV_MODE"]

# None: follow the environment variable; True/False: the toggle has been used.
_state: dict[str, bool | None] = {"on": None}


def is_teaching() -> bool:
    if _state["on"] is not None:
        return bool(_state["on"])
    return os.environ.get(ENV_MODE, "").strip().lower() == "teaching"


def set_teaching(on: bool | None) -> None:
    """Switch teaching mode on or off; ``None`` goes back to following ``MS_COURSE_MODE``."""
    _state["on"] = None if on is None else bool(on)


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
                        "prompts. Re-run a quiz cell to see them.</p>" if on else
                        "<p><strong>Teaching mode is off:</strong> quizzes show the learner's "
                        "view only.</p>")

    toggle.observe(_update, names="value")
    _update()
    box = widgets.VBox([toggle, status])
    box.toggle = toggle
    box.status = status
    return box
