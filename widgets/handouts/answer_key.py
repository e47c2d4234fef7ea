"""The instructor's answer key: every question of every bank, answered and explained."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..course import Course, Section
from ..course.models import MultipleChoice, Ordering, SingleChoice, TrueFalse
from ..text import markdown_html
from .helpers import CourseCitations, md_inline, safe


@dataclass
class AnswerItem:
    number: int
    prompt: Markup
    kind: str
    answer: Markup
    explanations: list[tuple[Markup, Markup]]  # (what, why)
    refs: str


def answer_key(course: Course) -> list[tuple[Section, list[AnswerItem]]]:
    """Every question of every bank with its answer and every explanation."""
    out = []
    cites = CourseCitations()
    for section in course.sections:
        bank = course.banks.get(section.id)
        if bank is None:
            continue
        items = []
        for i, q in enumerate(bank.questions, start=1):
            md = lambda t: md_inline(t, cites)  # noqa: E731
            explanations: list[tuple[Markup, Markup]] = []
            if isinstance(q, (SingleChoice, MultipleChoice)):
                right = [o.text for o in q.options if o.correct]
                answer = Markup("; ").join(md(t) for t in right)
                for o in q.options:
                    mark = "Correct" if o.correct else "Not correct"
                    explanations.append((Markup(f"{mark}: ") + md(o.text), md(o.explanation)))
                kind = "Choose one" if isinstance(q, SingleChoice) else "Choose all that apply"
            elif isinstance(q, TrueFalse):
                answer = Markup("True" if q.answer else "False")
                explanations = [(Markup("If the answer given is true"), md(q.explanations.true)),
                                (Markup("If the answer given is false"), md(q.explanations.false))]
                kind = "True or false"
            elif isinstance(q, Ordering):
                answer = Markup(" → ").join(md(s.text) for s in q.steps)
                explanations = [(Markup(f"Step {n}: ") + md(s.text), md(s.explanation))
                                for n, s in enumerate(q.steps, start=1)]
                kind = "Put in order"
            else:  # Matching
                answer = Markup("; ").join(md(p.left) + Markup(" → ") + md(p.right) for p in q.pairs)
                explanations = [(md(p.left) + Markup(" → ") + md(p.right), md(p.explanation))
                                for p in q.pairs]
                kind = "Match the pairs"
            items.append(AnswerItem(i, md(q.prompt), kind, answer, explanations,
                                    ", ".join(q.refs)))
        out.append((section, items))
    return out


def print_key_note(course: Course) -> Markup | None:
    """content/handouts.yaml's words beside the print page's link to the answer key, which
    is a page of its own (None: the link alone)."""
    ht = course.handout_text
    if ht is None or not ht.print_answer_key:
        return None
    return safe(markdown_html(ht.print_answer_key, inline=True))
