"""What every question kind shares: wording, feedback, the seeded shuffle, the live view.

Each kind module (``single``, ``multiple``, ``truefalse``, ``ordering``, ``matching``)
turns a question from the data model into a *presented* question: a small JSON-able dict
in the learner's display order. The live ipywidgets view and the offline page's
``assets/quiz.js`` both grade that same dict with the same algorithm and the same words
(``MESSAGES`` is written into every offline page), so the two cannot drift apart.
"""
from __future__ import annotations

import hashlib
import html
import random
from dataclasses import dataclass
from typing import Any, Callable

import ipywidgets as widgets
import traitlets

# Every word the learner reads in feedback. assets/quiz.js reads these from the page.
MESSAGES: dict[str, str] = {
    "correct": "✓ Correct",
    "wrong": "✗ Not quite",
    "answer": "The answer, with every explanation",
    "incomplete": "Not checked yet",
    "right": "✓ Right",
    "not_right": "✗ Not right",
    "right_answer": "✓ Right answer",
    "wrong_answer": "✗ Wrong answer",
    "right_place": "✓ Right place",
    "wrong_place": "✗ Wrong place",
    "right_match": "✓ Right match",
    "wrong_match": "✗ Wrong match",
    "choose_one": "Choose an answer, then press Check.",
    "choose_some": "Choose at least one option, then press Check.",
    "fill_positions": "Choose a step for every position, then press Check.",
    "fill_matches": "Choose a match for every item, then press Check.",
    "missed": "You have not chosen every right option yet.",
    "try_again": "Press Try again to have another go, or Show answer to see the answer explained.",
    "pathway": "Look again at the pathway: ",
    "position": "Position {n}",
    "true": "True",
    "false": "False",
    "placeholder_step": "— choose a step —",
    "placeholder_match": "— choose a match —",
}

# Okabe-Ito colours; meaning is always carried by the symbol and the word as well.
COLOURS = {"correct": "#009E73", "wrong": "#D55E00", "answer": "#0072B2", "incomplete": "#555555"}


from ..text import esc  # noqa: E402  (the package's one escape)


# ------------------------------------------------------------------ the shuffle
def option_inputs(data: dict, uid: str, input_type: str) -> str:
    """The offline controls of a choice question: one labelled radio or checkbox per option."""
    return "".join(
        f'<div class="ms-quiz__option"><input type="{input_type}" id="{uid}-o{i}" '
        f'name="{uid}" value="{i}"> <label for="{uid}-o{i}">{esc(o["text"])}</label></div>'
        for i, o in enumerate(data["options"]))


def learner_seed(learner: str, question_id: str) -> int:
    """A deterministic seed per learner and question (Python's ``hash`` is salted per run)."""
    digest = hashlib.sha256(f"{learner}\x1f{question_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def shuffled(n: int, seed: int) -> list[int]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return order


# --------------------------------------------------------------------- feedback
@dataclass(frozen=True)
class Line:
    """One line of feedback: a mark in symbol and word, what it is about, and why."""

    mark: str
    label: str
    text: str


@dataclass(frozen=True)
class Feedback:
    status: str  # "correct" | "wrong" | "incomplete" | "answer"
    headline: str
    lines: tuple[Line, ...] = ()
    note: str = ""
    hint: str = ""  # the pathway as a text chain, after a wrong answer

    @property
    def correct(self) -> bool | None:
        return {"correct": True, "wrong": False}.get(self.status)

    def text(self) -> str:
        """The feedback as plain text, in the order the learner reads it."""
        out = [self.headline]
        for line in self.lines:
            lead = f"{line.mark} – " if line.mark else ""
            out.append(f"{lead}{line.label}: {line.text}")
        out.extend(p for p in (self.note, self.hint) if p)
        return "\n".join(out)

    def to_html(self, *, inline_style: bool = True, figure_html: str = "") -> str:
        """The HTML the live widget shows; assets/quiz.js builds the same elements."""
        colour = COLOURS.get(self.status, COLOURS["incomplete"])
        style = (f' style="border-left:4px solid {colour};padding:0.25em 0.75em;'
                 f'margin:0.5em 0;color:#1a1a1a;background:#ffffff"') if inline_style else ""
        parts = [f'<div class="ms-feedback ms-feedback--{self.status}" role="status"{style}>',
                 f'<p class="ms-feedback__headline"><strong>{esc(self.headline)}</strong></p>']
        if self.lines:
            parts.append('<ul class="ms-feedback__lines">')
            for line in self.lines:
                mark = (f'<span class="ms-feedback__mark">{esc(line.mark)}</span> – '
                        if line.mark else "")
                parts.append(f"<li>{mark}<strong>{esc(line.label)}:</strong> {esc(line.text)}</li>")
            parts.append("</ul>")
        if self.note:
            parts.append(f'<p class="ms-feedback__note">{esc(self.note)}</p>')
        if self.hint:
            parts.append(f'<p class="ms-feedback__hint">{esc(self.hint)}</p>')
            if figure_html:
                parts.append(f'<div class="ms-feedback__figure">{figure_html}</div>')
        parts.append("</div>")
        return "".join(parts)


def incomplete(message_key: str) -> Feedback:
    return Feedback("incomplete", MESSAGES["incomplete"], note=MESSAGES[message_key])


def verdict(correct: bool, lines: list[Line], data: dict, note: str = "") -> Feedback:
    if correct:
        return Feedback("correct", MESSAGES["correct"], tuple(lines), note)
    notes = " ".join(p for p in (note, MESSAGES["try_again"]) if p)
    return Feedback("wrong", MESSAGES["wrong"], tuple(lines), notes, data.get("hint", ""))


# ----------------------------------------------------------- the pathway link
def pathway_chain(pathway, node_ids: list[str]) -> str:
    """The question's pathway nodes as a text chain: "Look again at the pathway: A → B → C".

    Nodes linked by pathway edges are joined with arrows in causal order; separate
    chains are joined with "; ". This is also the text alternative of the minimap.
    """
    from ..course.pathway import causal_sort

    if not node_ids:
        return ""
    if pathway is None:
        labels = [n.replace("-", " ") for n in node_ids]
        return MESSAGES["pathway"] + "; ".join(labels)
    known = {n.id: n for n in pathway.nodes}
    ids = [n for n in dict.fromkeys(node_ids) if n in known]
    if not ids:
        return ""
    chosen = set(ids)
    succ: dict[str, list[str]] = {n: [] for n in ids}
    for e in pathway.edges:
        if e.loop or e.source not in chosen or e.target not in chosen or e.source == e.target:
            continue
        if e.target not in succ[e.source]:
            succ[e.source].append(e.target)
    # causal (topological) order; ties broken by stage, then by the question's own order
    rank = {n: (known[n].stage, i) for i, n in enumerate(ids)}
    order = causal_sort(ids, [(a, b) for a in ids for b in succ[a]], key=rank.__getitem__)
    chains: list[list[str]] = []
    seen: set[str] = set()
    for start in order:
        if start in seen:
            continue
        chain = [start]
        seen.add(start)
        while True:
            nxt = next((m for m in order if m in succ[chain[-1]] and m not in seen), None)
            if nxt is None:
                break
            chain.append(nxt)
            seen.add(nxt)
        chains.append(chain)
    text = "; ".join(" → ".join(known[n].label for n in chain) for chain in chains)
    return MESSAGES["pathway"] + text


def pathway_figure_html(pathway, node_ids: list[str]) -> str:
    """An inline SVG of the nodes (widgets.figures.minimap), or "" while it does not exist."""
    if pathway is None or not node_ids:
        return ""
    try:
        from ..figures.minimap import node_chain_svg  # lazy: only after a wrong answer
    except ImportError:
        return ""
    try:
        return node_chain_svg(pathway, list(node_ids))
    except Exception:  # noqa: BLE001 - a figure problem must never break the quiz
        return ""


# ------------------------------------------------------------------- live view
class QuestionView(widgets.VBox):
    """One question: prompt, controls, Check / Try again / Show answer, feedback.

    A kind subclasses this, sets ``kind`` (its module) and builds its controls in
    ``_build_controls``; grading, revealing and saving come from the kind module, so
    the live view and the offline page share them.
    """

    answered_correctly = traitlets.Bool(None, allow_none=True)
    revealed = traitlets.Bool(False)

    kind: Any = None  # the kind module: grade, reveal, to_saved, from_saved

    def __init__(self, data: dict, *, on_answer: Callable | None = None,
                 figure: Callable[[], str] | None = None, number: int | None = None):
        self.data = data
        self.question_id = data["id"]
        self._on_answer = on_answer
        self._figure = figure
        self._figure_html: str | None = None
        self.last_feedback: Feedback | None = None
        self.title = f"Question {number}" if number is not None else "Question"
        self.prompt = widgets.HTML(
            value=f'<p class="ms-quiz__prompt"><strong>{esc(self.title)}.</strong> '
                  f"{esc(data['prompt'])}</p>")
        controls = self._build_controls()
        what = self.title.lower()
        self.check_button = widgets.Button(description="Check", icon="check",
                                           tooltip=f"Check your answer to {what}")
        self.retry_button = widgets.Button(description="Try again", icon="undo",
                                           tooltip=f"Clear your answer to {what} and try again")
        self.reveal_button = widgets.Button(description="Show answer", icon="eye",
                                            tooltip=f"Show the answer to {what} with every "
                                                    "explanation")
        self.feedback = widgets.HTML(value="")
        self.check_button.on_click(lambda _b: self.check())
        self.retry_button.on_click(lambda _b: self.retry())
        self.reveal_button.on_click(lambda _b: self.reveal())
        buttons = widgets.HBox([self.check_button, self.retry_button, self.reveal_button])
        super().__init__(children=[self.prompt, *controls, buttons, self.feedback])
        self.add_class("ms-quiz-question")

    # -- per kind
    def _build_controls(self) -> list:
        raise NotImplementedError

    @property
    def answer(self):
        """The learner's answer in the presented form (see the kind module); by default the
        value of the kind's one ``.choice`` control."""
        return self.choice.value

    def set_answer(self, answer) -> None:
        """Set the controls to a presented answer; ``None`` clears them."""
        self.choice.value = answer

    # -- shared behaviour
    def _show(self, fb: Feedback) -> None:
        self.last_feedback = fb
        figure_html = ""
        if fb.status == "wrong" and fb.hint and self._figure is not None:
            if self._figure_html is None:
                self._figure_html = self._figure() or ""
            figure_html = self._figure_html
        self.feedback.value = fb.to_html(figure_html=figure_html)

    def check(self, *, record: bool = True) -> Feedback:
        answer = self.answer
        fb = self.kind.grade(self.data, answer)
        self._show(fb)
        self.answered_correctly = fb.correct
        if record and fb.correct is not None and self._on_answer is not None:
            self._on_answer(self, self.kind.to_saved(self.data, answer), fb.correct)
        return fb

    def retry(self) -> None:
        self.set_answer(None)
        self.feedback.value = ""
        self.last_feedback = None
        self.revealed = False
        self.answered_correctly = None

    def reveal(self) -> Feedback:
        fb = self.kind.reveal(self.data)
        self._show(fb)
        self.revealed = True
        return fb

    def restore(self, saved) -> bool:
        """Put back a saved answer and its feedback; False if it no longer fits the bank."""
        try:
            answer = self.kind.from_saved(self.data, saved)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError):
            return False
        if answer is None:
            return False
        self.set_answer(answer)
        self.check(record=False)
        return True
