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
from dataclasses import dataclass, replace
from typing import Any, Callable

import ipywidgets as widgets
import traitlets

from .confidence import LEVELS, check_level, confident_error, points

# Every word the learner reads in feedback (MESSAGES) and the feedback colours live in
# messages.py; assets/quiz.js reads MESSAGES from the page.
from .messages import COLOURS, MESSAGES  # noqa: E402,F401


from ..text import esc  # noqa: E402  (the package's one escape)


# ------------------------------------------------------------------ the shuffle
def control_key(uid: str) -> str:
    """A short name for the controls of the question whose fieldset id is ``uid``: the page
    keeps ``uid`` as the question's anchor, its radios share this name, its selects' ids
    start with it. A hash of ``uid``, so as unique on a page as the uids are (the handout
    tests check every page)."""
    return "q" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:6]


def option_inputs(data: dict, key: str, input_type: str) -> str:
    """The offline controls of a choice question: one radio or checkbox per option, inside
    its label (radios share the name ``key``; checkboxes need none)."""
    name = f' name="{key}"' if input_type == "radio" else ""
    return "".join(f'<label><input type="{input_type}"{name} value="{i}"> {esc(o["text"])}</label>'
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
    alert: str = ""  # "you were sure, and this is why it is wrong", before the explanations
    confidence: str | None = None  # how sure the learner said they were
    points: int | None = None  # the LAPT score of this answer
    score_note: str = ""  # the points in words

    @property
    def correct(self) -> bool | None:
        return {"correct": True, "wrong": False}.get(self.status)

    def text(self) -> str:
        """The feedback as plain text, in the order the learner reads it."""
        out = [self.headline] + ([self.alert] if self.alert else [])
        for line in self.lines:
            lead = f"{line.mark} – " if line.mark else ""
            out.append(f"{lead}{line.label}: {line.text}")
        out.extend(p for p in (self.note, self.score_note, self.hint) if p)
        return "\n".join(out)

    def to_html(self, *, inline_style: bool = True, figure_html: str = "") -> str:
        """The HTML the live widget shows; assets/quiz.js builds the same elements."""
        colour = COLOURS.get(self.status, COLOURS["incomplete"])
        style = (f' style="border-left:4px solid {colour};padding:0.25em 0.75em;'
                 f'margin:0.5em 0;color:#1a1a1a;background:#ffffff"') if inline_style else ""
        parts = [f'<div class="ms-feedback ms-feedback--{self.status}" role="status"{style}>',
                 f'<p class="ms-feedback__headline"><strong>{esc(self.headline)}</strong></p>']
        if self.alert:  # marked in words and symbol; the rule only repeats it
            alert_style = (' style="border:2px solid #D55E00;padding:0.2em 0.5em"'
                           if inline_style else "")
            parts.append(f'<p class="ms-feedback__alert"{alert_style}><strong>'
                         f'{esc(self.alert)}</strong></p>')
        if self.lines:
            parts.append('<ul class="ms-feedback__lines">')
            for line in self.lines:
                mark = (f'<span class="ms-feedback__mark">{esc(line.mark)}</span> – '
                        if line.mark else "")
                parts.append(f"<li>{mark}<strong>{esc(line.label)}:</strong> {esc(line.text)}</li>")
            parts.append("</ul>")
        if self.note:
            parts.append(f'<p class="ms-feedback__note">{esc(self.note)}</p>')
        if self.score_note:
            parts.append(f'<p class="ms-feedback__points">{esc(self.score_note)}</p>')
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


def with_confidence(fb: Feedback, confidence: str | None) -> Feedback:
    """A graded answer's feedback with its LAPT points and, for a confident mistake, the
    clearly marked "you were sure" line before the explanations (assets/quiz.js: same)."""
    if fb.correct is None or confidence is None:
        return fb
    pts = points(fb.correct, confidence)
    shown = f"+{pts}" if pts > 0 else str(pts)
    note = MESSAGES["confidence_points"].format(level=MESSAGES[f"level_{confidence}"], points=shown)
    alert = MESSAGES["confident_error"] if confident_error(fb.correct, confidence) else ""
    return replace(fb, alert=alert, confidence=confidence, points=pts, score_note=note)


# The pathway link after a wrong answer lives in pathway_hint; re-exported here.
from .pathway_hint import pathway_chain, pathway_figure_html  # noqa: E402,F401


# ------------------------------------------------------------------- live view
class QuestionView(widgets.VBox):
    """One question: prompt, controls, how sure, Check / Try again / Show answer, feedback.

    A kind subclasses this, sets ``kind`` (its module) and builds its controls in
    ``_build_controls``; grading, revealing and saving come from the kind module, so
    the live view and the offline page share them. ``.confidence`` is the "How sure are
    you?" control (low / medium / high); Check asks for it once an answer is chosen.
    """

    answered_correctly = traitlets.Bool(None, allow_none=True)
    checked_confidence = traitlets.Unicode(None, allow_none=True)
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
        self.title = (MESSAGES["question_n"].format(n=number) if number is not None
                      else MESSAGES["question_n"].replace("{n}", "").strip())
        self.prompt = widgets.HTML(
            value=f'<p class="ms-quiz__prompt"><strong>{esc(self.title)}.</strong> '
                  f"{esc(data['prompt'])}</p>")
        controls = self._build_controls()
        what = self.title.lower()
        self.confidence = widgets.ToggleButtons(
            options=[(MESSAGES[f"confidence_{lvl}"], lvl) for lvl in LEVELS], value=None,
            description=f"{MESSAGES['confidence_question']}",
            tooltips=[f"{MESSAGES[f'confidence_{lvl}']} ({what})" for lvl in LEVELS],
            tooltip=f"{MESSAGES['confidence_question']} ({what})",
            style={"description_width": "initial", "button_width": "auto"})
        self.confidence.add_class("ms-quiz__confidence")
        self.check_button = widgets.Button(description=MESSAGES["button_check"], icon="check",
                                           tooltip=f"Check your answer to {what}")
        self.retry_button = widgets.Button(description=MESSAGES["button_retry"], icon="undo",
                                           tooltip=f"Clear your answer to {what} and try again")
        self.reveal_button = widgets.Button(description=MESSAGES["button_reveal"], icon="eye",
                                            tooltip=f"Show the answer to {what} with every "
                                                    "explanation")
        self.feedback = widgets.HTML(value="")
        self.check_button.on_click(lambda _b: self.check())
        self.retry_button.on_click(lambda _b: self.retry())
        self.reveal_button.on_click(lambda _b: self.reveal())
        buttons = widgets.HBox([self.check_button, self.retry_button, self.reveal_button])
        super().__init__(children=[self.prompt, *controls, self.confidence, buttons,
                                   self.feedback])
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

    def check(self, *, record: bool = True, require_confidence: bool = True) -> Feedback:
        answer = self.answer
        confidence = self.confidence.value
        fb = self.kind.grade(self.data, answer)
        if fb.correct is not None and confidence is None and require_confidence:
            fb = incomplete("choose_confidence")
        fb = with_confidence(fb, confidence)
        self._show(fb)
        self.checked_confidence = confidence if fb.correct is not None else None
        self.answered_correctly = fb.correct
        if record and fb.correct is not None and self._on_answer is not None:
            self._on_answer(self, self.kind.to_saved(self.data, answer), fb.correct,
                            confidence=confidence)
        return fb

    def retry(self) -> None:
        self.set_answer(None)
        self.confidence.value = None
        self.feedback.value = ""
        self.last_feedback = None
        self.revealed = False
        self.answered_correctly = None
        self.checked_confidence = None

    def reveal(self) -> Feedback:
        fb = self.kind.reveal(self.data)
        self._show(fb)
        self.revealed = True
        return fb

    def restore(self, saved, confidence: str | None = None) -> bool:
        """Put back a saved answer, how sure the learner was, and its feedback; False if
        it no longer fits the bank. Answers saved before confidence was asked have none."""
        try:
            answer = self.kind.from_saved(self.data, saved)
            level = check_level(confidence)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError):
            return False
        if answer is None:
            return False
        self.set_answer(answer)
        self.confidence.value = level
        self.check(record=False, require_confidence=False)
        return True
