"""Single choice: exactly one option is right. Live view: RadioButtons."""
from __future__ import annotations

import sys

import ipywidgets as widgets

from .base import MESSAGES, Feedback, Line, QuestionView, incomplete, option_inputs, shuffled, verdict

# A presented single-choice question:
#   {"id", "kind": "single", "prompt", "hint", "options": [{"text", "correct", "explanation"}]}
# with the options in the learner's display order. An answer is an option index or None.


def present(question, *, seed: int, hint: str = "") -> dict:
    order = shuffled(len(question.options), seed)
    return {
        "id": question.id, "kind": question.kind, "prompt": question.prompt, "hint": hint,
        "options": [{"text": question.options[i].text, "correct": question.options[i].correct,
                     "explanation": question.options[i].explanation} for i in order],
    }


def grade(data: dict, answer) -> Feedback:
    if answer is None:
        return incomplete("choose_one")
    option = data["options"][answer]
    ok = bool(option["correct"])
    mark = MESSAGES["right"] if ok else MESSAGES["not_right"]
    return verdict(ok, [Line(mark, option["text"], option["explanation"])], data)


def reveal(data: dict) -> Feedback:
    lines = [Line(MESSAGES["right_answer"] if o["correct"] else MESSAGES["wrong_answer"],
                  o["text"], o["explanation"]) for o in data["options"]]
    return Feedback("answer", MESSAGES["answer"], tuple(lines))


def to_saved(data: dict, answer):
    return None if answer is None else data["options"][answer]["text"]


def from_saved(data: dict, saved):
    texts = [o["text"] for o in data["options"]]
    return texts.index(saved)


def offline_controls(data: dict, key: str) -> str:
    return option_inputs(data, key, "radio")


class SingleChoiceView(QuestionView):
    """``.choice`` is a RadioButtons whose value is the presented option index."""

    def _build_controls(self) -> list:
        self.choice = widgets.RadioButtons(
            options=[(o["text"], i) for i, o in enumerate(self.data["options"])], value=None,
            description=f"{self.title}, choose one:",
            tooltip=f"Choose one answer: {self.data['prompt']}",
            style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
        return [self.choice]


SingleChoiceView.kind = sys.modules[__name__]
View = SingleChoiceView
