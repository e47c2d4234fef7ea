"""Matching: pair each left item with its right item. Live view: one Dropdown per left item."""
from __future__ import annotations

import sys

import ipywidgets as widgets

from .base import MESSAGES, Feedback, Line, QuestionView, esc, incomplete, shuffled, verdict

# A presented matching question:
#   {"id", "kind": "matching", "prompt", "hint",
#    "pairs": [{"left", "right", "explanation"}],
#    "choices": [pair indices]}     (the order the right items are listed in each menu)
# An answer is a list, one entry per left item: the index of the pair whose right item
# was chosen, or None. Left item i is matched rightly when its entry is i.


def present(question, *, seed: int, hint: str = "") -> dict:
    n = len(question.pairs)
    choices = shuffled(n, seed)
    if choices == list(range(n)):
        choices = choices[1:] + choices[:1]
    return {
        "id": question.id, "kind": question.kind, "prompt": question.prompt, "hint": hint,
        "pairs": [{"left": p.left, "right": p.right, "explanation": p.explanation}
                  for p in question.pairs],
        "choices": choices,
    }


def grade(data: dict, answer) -> Feedback:
    pairs = data["pairs"]
    answer = list(answer or [None] * len(pairs))
    if len(answer) != len(pairs) or any(a is None for a in answer):
        return incomplete("fill_matches")
    lines = []
    for i, a in enumerate(answer):
        ok = a == i
        # the chosen right item's own explanation: what that item really describes
        lines.append(Line(MESSAGES["right_match"] if ok else MESSAGES["wrong_match"],
                          f"{pairs[i]['left']} → {pairs[a]['right']}", pairs[a]["explanation"]))
    return verdict(all(a == i for i, a in enumerate(answer)), lines, data)


def reveal(data: dict) -> Feedback:
    lines = [Line("", f"{p['left']} → {p['right']}", p["explanation"]) for p in data["pairs"]]
    return Feedback("answer", MESSAGES["answer"], tuple(lines))


def to_saved(data: dict, answer):
    pairs = data["pairs"]
    return [None if a is None else pairs[a]["right"] for a in (answer or [])]


def from_saved(data: dict, saved):
    rights = [p["right"] for p in data["pairs"]]
    if len(saved) != len(rights):
        raise ValueError("the bank has a different number of pairs now")
    return [None if t is None else rights.index(t) for t in saved]


def offline_controls(data: dict, key: str) -> str:
    options = "".join(f'<option value="{i}">{esc(data["pairs"][i]["right"])}</option>'
                      for i in data["choices"])
    blank = f'<option value="">{esc(MESSAGES["placeholder_match"])}</option>'
    return "".join(f'<div class="ms-quiz__slot"><label for="{key}-{pos}">{esc(p["left"])}</label> '
                   f'<select id="{key}-{pos}">{blank}{options}</select></div>'
                   for pos, p in enumerate(data["pairs"]))


class MatchingView(QuestionView):
    """``.matches`` is one Dropdown per left item; each value is a pair index or None."""

    def _build_controls(self) -> list:
        pairs = self.data["pairs"]
        options = [(MESSAGES["placeholder_match"], None)] + [
            (pairs[i]["right"], i) for i in self.data["choices"]]
        self.matches = [
            widgets.Dropdown(options=options, value=None, description=p["left"],
                             tooltip=f"Choose the match for: {p['left']}",
                             style={"description_width": "initial"},
                             layout=widgets.Layout(width="auto"))
            for p in pairs]
        self.choice = widgets.VBox(self.matches)
        return [self.choice]

    @property
    def answer(self):
        return [d.value for d in self.matches]

    def set_answer(self, answer) -> None:
        answer = list(answer or [None] * len(self.matches))
        for d, a in zip(self.matches, answer):
            d.value = a


MatchingView.kind = sys.modules[__name__]
View = MatchingView
