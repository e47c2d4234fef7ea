"""Multiple choice: one or more options are right. Live view: one Checkbox per option."""
from __future__ import annotations

import sys

import ipywidgets as widgets

from .base import MESSAGES, Feedback, Line, QuestionView, incomplete, option_inputs, verdict
from .single import present  # noqa: F401 - a kind module's API; same shape as single choice

# A presented multiple-choice question has the same shape as a single-choice one
# (options in display order). An answer is a sorted list of option indices.


def grade(data: dict, answer) -> Feedback:
    chosen = sorted(set(answer or []))
    if not chosen:
        return incomplete("choose_some")
    options = data["options"]
    right = {i for i, o in enumerate(options) if o["correct"]}
    lines = [Line(MESSAGES["right"] if options[i]["correct"] else MESSAGES["not_right"],
                  options[i]["text"], options[i]["explanation"]) for i in chosen]
    ok = set(chosen) == right
    missed = "" if ok or not (right - set(chosen)) else MESSAGES["missed"]
    return verdict(ok, lines, data, missed)


def reveal(data: dict) -> Feedback:
    lines = [Line(MESSAGES["right_answer"] if o["correct"] else MESSAGES["wrong_answer"],
                  o["text"], o["explanation"]) for o in data["options"]]
    return Feedback("answer", MESSAGES["answer"], tuple(lines))


def to_saved(data: dict, answer):
    return [data["options"][i]["text"] for i in sorted(set(answer or []))]


def from_saved(data: dict, saved):
    texts = [o["text"] for o in data["options"]]
    return sorted(texts.index(t) for t in saved)


def offline_controls(data: dict, key: str) -> str:
    return option_inputs(data, key, "checkbox")


class MultipleChoiceView(QuestionView):
    """``.choices`` is one Checkbox per option, in display order; ``.choice`` is their box."""

    def _build_controls(self) -> list:
        self.choices = [
            widgets.Checkbox(value=False, description=o["text"], indent=False,
                             tooltip=f"Select if this is a right answer: {o['text']}",
                             layout=widgets.Layout(width="auto"))
            for o in self.data["options"]]
        hint = widgets.HTML(value=f"<em>{MESSAGES['choose_all']}</em>")
        self.choice = widgets.VBox(self.choices)
        return [hint, self.choice]

    @property
    def answer(self):
        return [i for i, c in enumerate(self.choices) if c.value]

    def set_answer(self, answer) -> None:
        chosen = set(answer or [])
        for i, c in enumerate(self.choices):
            c.value = i in chosen


MultipleChoiceView.kind = sys.modules[__name__]
View = MultipleChoiceView
