"""The presenter view as an offline page of the instructor handouts (``present.html``).

Every section's quiz, one question at a time in large type, with the facilitator notes and
discussion prompts beside it and a show-of-hands tally drawn with Plotly; driven by keyboard
(``assets/present.js``, inlined). The wording of the controls is :data:`widgets.tally.LABELS`,
the same as the live view's.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from markupsafe import Markup

from .tally import LETTERS, LABELS, ROUND_COLOURS, right_labels, tally_labels
from .quiz.base import esc
from .quiz.kinds import KINDS
from .quiz.offline import HANDOUT_LEARNER
from .quiz.section_quiz import present_question, teaching_notes_html

ASSETS = Path(__file__).resolve().parent / "quiz" / "assets"
PRESENT_JS = ASSETS / "present.js"
PRESENT_CSS = ASSETS / "present.css"
PAGE = "present.html"
RIGHT = ' data-right="true"'  # on the right options only


def _script_json(value) -> str:
    from .handouts.build import script_json

    return script_json(value)


def _named_once(reveal: str, texts: list[str]) -> str:
    """The answer names each lettered option by its text, which the list above already
    shows: that text is left out here (``<strong data-o="i">``) and present.js copies it
    back from the list before the page is seen. Only where it is found exactly once, and
    only when it makes the page smaller."""
    for i, text in enumerate(texts):
        named, slot = f"<strong>{esc(text)}:</strong>", f'<strong data-o="{i}"></strong>'
        if len(slot) < len(named) and reveal.count(named) == 1:
            reveal = reveal.replace(named, slot)
    return reveal


def _question_html(section, number: int, total: int, data: dict) -> str:
    """One question's card. The options are written once: present.js letters them (A.,
    B., ...), reads each one's text from the list (for the answer, the tally and the
    chart), and marks the right options (``data-right``) "✓ right answer" in words when
    the answer is revealed."""
    right = set(right_labels(data))
    texts: list[str] = []
    if data["kind"] == "ordering":
        shown = [esc(data["steps"][i]["text"]) for i in data["choices"]]
        items = "".join(f"<li>{t}</li>" for t in shown)
        lead = ""
    elif data["kind"] == "matching":
        items = "".join(f"<li>{esc(p['left'])} → ?</li>" for p in data["pairs"])
        lead = ""
    else:
        texts = [label.split(". ", 1)[1] for label in tally_labels(data)]
        items = "".join(f'<li{RIGHT if i in right else ""}>{esc(text)}</li>'
                        for i, text in enumerate(texts))
        lead = " present-options--lettered"
    reveal = KINDS[data["kind"]].reveal(data).to_html(inline_style=False).replace(
        ' role="status"', "")
    position = LABELS["question"].format(n=number, total=total)
    return (f'<section class="present-q" data-section="{esc(section.id)}" '
            f'data-question="{esc(data["id"])}" aria-label="{esc(position)}" hidden>'
            f'<p class="present-kicker">{esc(section.number)} · {esc(section.title)} · '
            f'{esc(position)}</p>'
            f'<h2 class="present-prompt">{esc(data["prompt"])}</h2>'
            f'<ul class="present-options{lead}">{items}</ul>'
            f'<div class="present-answer" hidden>{_named_once(reveal, texts)}</div></section>')


def present_context(course) -> dict:
    """What the template needs: sections with a quiz, question markup, the JS data (the
    wording and colours; each question's options, tally labels and right answers are read
    from its card: present.js)."""
    sections, questions, notes = [], [], []
    for section in course.sections:
        quiz = course.quiz(section.id).questions
        if not quiz:
            continue
        sections.append(section)
        notes.append(Markup(f'<div class="present-notes" data-section="{esc(section.id)}" '
                            f'tabindex="0" role="region" aria-label="Notes for the educator: '
                            f'{esc(section.title)}" hidden>{teaching_notes_html(section)}</div>'))
        for n, q in enumerate(quiz, start=1):
            data = present_question(course, q, learner=HANDOUT_LEARNER)
            questions.append(Markup(_question_html(section, n, len(quiz), data)))
    data = {"labels": LABELS, "letters": LETTERS, "colours": list(ROUND_COLOURS)}
    questions, data["headline"] = _headline_once(questions)
    questions, data["marks"] = _marks_once(questions)
    return dict(present_sections=sections, present_questions=questions, present_notes=notes,
                present_data=Markup(_script_json(data)), labels=LABELS)


def _headline_once(cards: list[Markup]) -> tuple[list[Markup], str | None]:
    """Every answer opens with the same headline ("The answer, with every explanation"):
    the page carries its text once, in the script data, and present.js puts it back at the
    top of each answer. Left in place unless every answer has the same one."""
    found = [_HEADLINE.findall(c) for c in cards]
    texts = {t for f in found for t in f}
    if not cards or len(texts) != 1 or any(len(f) != 1 for f in found):
        return cards, None
    text = texts.pop()
    gone = f'<p class="ms-feedback__headline"><strong>{text}</strong></p>'
    return [Markup(c.replace(gone, "", 1)) for c in cards], html.unescape(text)


def _marks_once(cards: list[Markup]) -> tuple[list[Markup], list[str]]:
    """Each line of an answer opens with its mark ("✓ Right answer – "): the page carries
    each mark's text once, in the script data, each line its number (``data-m``), and
    present.js puts the mark back."""
    marks: list[str] = []

    def number(m: re.Match) -> str:
        if m.group(1) not in marks:
            marks.append(m.group(1))
        return f'<li data-m="{marks.index(m.group(1))}">'

    cards = [Markup(_MARK.sub(number, c)) for c in cards]
    return cards, [html.unescape(m) for m in marks]


_MARK = re.compile(r'<li><span class="ms-feedback__mark">([^<]*)</span> – ')
_HEADLINE = re.compile(r'<div class="present-answer" hidden><div class="ms-feedback '
                       r'ms-feedback--answer"><p class="ms-feedback__headline"><strong>'
                       r'([^<]*)</strong></p>')


def present_head() -> Markup:
    """The page's own stylesheet and script, beside the other assets."""
    return Markup('\n<link rel="stylesheet" href="assets/present.css" media="all">'
                  '\n<script src="assets/present.js" defer></script>')


def render_present(handouts) -> str:
    """The page itself, for :class:`widgets.handouts.build.Handouts` (its template and
    context): quiz.css for the answers' look, no quiz.js (nothing here is answered)."""
    from .handouts.build import Nav

    return handouts.env.get_template("present.html.j2").render(handouts._ctx(
        title="Presenter view", nav=Nav(current=PAGE), record_config="",
        head=handouts.assets.head(plotly=True, quiz=True, quiz_script=False) + present_head(),
        **present_context(handouts.course)))
