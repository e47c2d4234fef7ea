"""Ordering: put the steps in order. Live view: one Dropdown per position."""
from __future__ import annotations

import sys

import ipywidgets as widgets

from .base import MESSAGES, Feedback, Line, QuestionView, esc, incomplete, shuffled, verdict

# A presented ordering question:
#   {"id", "kind": "ordering", "prompt", "hint",
#    "steps": [{"text", "explanation"}]   (the right order),
#    "choices": [step indices]}           (the order the steps are listed in each menu)
# An answer is a list, one entry per position: the chosen step index, or None.


def present(question, *, seed: int, hint: str = "") -> dict:
    n = len(question.steps)
    choices = shuffled(n, seed)
    if choices == list(range(n)):  # never list the steps in their right order
        choices = choices[1:] + choices[:1]
    return {
        "id": question.id, "kind": question.kind, "prompt": question.prompt, "hint": hint,
        "steps": [{"text": s.text, "explanation": s.explanation} for s in question.steps],
        "choices": choices,
    }


def _position(n: int) -> str:
    return MESSAGES["position"].format(n=n)


def grade(data: dict, answer) -> Feedback:
    steps = data["steps"]
    answer = list(answer or [None] * len(steps))
    if len(answer) != len(steps) or any(a is None for a in answer):
        return incomplete("fill_positions")
    lines = []
    for pos, a in enumerate(answer):
        ok = a == pos
        lines.append(Line(MESSAGES["right_place"] if ok else MESSAGES["wrong_place"],
                          f"{_position(pos + 1)}, {steps[a]['text']}", steps[a]["explanation"]))
    return verdict(all(a == pos for pos, a in enumerate(answer)), lines, data)


def reveal(data: dict) -> Feedback:
    lines = [Line("", f"{_position(pos + 1)}, {s['text']}", s["explanation"])
             for pos, s in enumerate(data["steps"])]
    return Feedback("answer", MESSAGES["answer"], tuple(lines))


def to_saved(data: dict, answer):
    steps = data["steps"]
    return [None if a is None else steps[a]["text"] for a in (answer or [])]


def from_saved(data: dict, saved):
    texts = [s["text"] for s in data["steps"]]
    if len(saved) != len(texts):
        raise ValueError("the bank has a different number of steps now")
    return [None if t is None else texts.index(t) for t in saved]


def offline_controls(data: dict, key: str) -> str:
    options = "".join(f'<option value="{i}">{esc(data["steps"][i]["text"])}</option>'
                      for i in data["choices"])
    blank = f'<option value="">{esc(MESSAGES["placeholder_step"])}</option>'
    return "".join(f'<div class="ms-quiz__slot"><label for="{key}-{pos}">{esc(_position(pos + 1))}</label> '
                   f'<select id="{key}-{pos}">{blank}{options}</select></div>'
                   for pos in range(len(data["steps"])))


class OrderingView(QuestionView):
    """``.positions`` is one Dropdown per position; each value is a step index or None."""

    def _build_controls(self) -> list:
        steps = self.data["steps"]
        options = [(MESSAGES["placeholder_step"], None)] + [
            (steps[i]["text"], i) for i in self.data["choices"]]
        self.positions = [
            widgets.Dropdown(options=options, value=None, description=_position(pos + 1),
                             tooltip=f"Which step comes at {_position(pos + 1).lower()}?",
                             style={"description_width": "initial"},
                             layout=widgets.Layout(width="auto"))
            for pos in range(len(steps))]
        self.choice = widgets.VBox(self.positions)
        return [self.choice]

    @property
    def answer(self):
        return [d.value for d in self.positions]

    def set_answer(self, answer) -> None:
        answer = list(answer or [None] * len(self.positions))
        for d, a in zip(self.positions, answer):
            d.value = a


OrderingView.kind = sys.modules[__name__]
View = OrderingView
