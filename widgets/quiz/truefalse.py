"""True or false. Live view: ToggleButtons True / False."""
from __future__ import annotations

import sys

import ipywidgets as widgets

from .base import MESSAGES, Feedback, Line, QuestionView, esc, incomplete, verdict

# A presented true/false question:
#   {"id", "kind": "truefalse", "prompt", "hint", "answer": bool,
#    "explanations": {"true": str, "false": str}}
# An answer is True, False or None.


def present(question, *, seed: int, hint: str = "") -> dict:
    return {
        "id": question.id, "kind": question.kind, "prompt": question.prompt, "hint": hint,
        "answer": question.answer,
        "explanations": {"true": question.explanations.true,
                         "false": question.explanations.false},
    }


def _word(value: bool) -> str:
    return MESSAGES["true"] if value else MESSAGES["false"]


def grade(data: dict, answer) -> Feedback:
    if answer is None:
        return incomplete("choose_one")
    ok = bool(answer) == bool(data["answer"])
    key = "true" if answer else "false"
    mark = MESSAGES["right"] if ok else MESSAGES["not_right"]
    return verdict(ok, [Line(mark, _word(answer), data["explanations"][key])], data)


def reveal(data: dict) -> Feedback:
    lines = []
    for value in (True, False):
        ok = value == bool(data["answer"])
        lines.append(Line(MESSAGES["right_answer"] if ok else MESSAGES["wrong_answer"],
                          _word(value), data["explanations"]["true" if value else "false"]))
    return Feedback("answer", MESSAGES["answer"], tuple(lines))


def to_saved(data: dict, answer):
    return None if answer is None else bool(answer)


def from_saved(data: dict, saved):
    if not isinstance(saved, bool):
        raise ValueError("a true/false answer is true or false")
    return saved


def offline_controls(data: dict, key: str) -> str:
    return "".join(f'<label><input type="radio" name="{key}" value="{"true" if v else "false"}"> '
                   f"{esc(_word(v))}</label>" for v in (True, False))


class TrueFalseView(QuestionView):
    """``.choice`` is a ToggleButtons whose value is True, False or None."""

    def _build_controls(self) -> list:
        self.choice = widgets.ToggleButtons(
            options=[(MESSAGES["true"], True), (MESSAGES["false"], False)], value=None,
            description=f"{self.title}, the statement is:", style={"description_width": "initial"},
            tooltips=["The statement is true", "The statement is false"],
            tooltip=f"True or false: {self.data['prompt']}")
        return [self.choice]


TrueFalseView.kind = sys.modules[__name__]
View = TrueFalseView
