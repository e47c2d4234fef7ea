"""A quiz on paper: each question as a worksheet, for the print page and its PDF.

No form controls, buttons, feedback region or data (quiz.js is not loaded there): the
options as a list with a box (several may be right) or a circle (one is) drawn by quiz.css,
the ordering and matching menus as blank lines with the choices listed underneath, and
"How sure are you?" as one line of three boxes. Built from the question's presented data,
so paper and screen show the same options in the same order.
"""
from __future__ import annotations

import html
import json
import re

from .base import MESSAGES, esc
from .confidence import LEVELS

_QUESTION = re.compile(
    r'<fieldset class="ms-quiz-question"[^>]*><legend><span class="ms-quiz__number">([^<]*)'
    r'</span> (.*?)</legend>'
    r'.*?<script type="application/json" class="ms-quiz-data">(.*?)</script></fieldset>', re.S)
# the parts of a quiz block that only work on screen
_SCREEN_ONLY = re.compile(
    r'<script type="application/json" class="ms-quiz-messages">.*?</script>'
    r'|<p class="ms-quiz__(?:intro|score)"[^>]*>.*?</p>', re.S)


def _items(texts, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<ul{attr}>" + "".join(f"<li>{esc(t)}</li>" for t in texts) + "</ul>"


def _blanks(labels, choices_title: str, choices) -> str:
    slots = "".join(f'<div class="ms-quiz__slot"><span>{esc(t)}</span> '
                    '<span class="ms-quiz__blank"></span></div>' for t in labels)
    return (slots + f'<div class="ms-quiz__print-choices"><p>{esc(choices_title)}</p>'
            + _items(choices) + "</div>")


def worksheet_question_html(data: dict, number_label: str) -> str:
    """One presented question (``present_question``) as it reads on paper."""
    kind = data["kind"]
    parts = [f'<div class="ms-quiz-question ms-quiz-paper" data-kind="{kind}">'
             f'<p class="ms-quiz__prompt"><span class="ms-quiz__number">{esc(number_label)}'
             f'</span> {esc(data["prompt"])}</p>']
    if kind == "multiple":
        parts.append(f'<p class="ms-quiz__hint">{esc(MESSAGES["choose_all"])}</p>')
    if kind in ("single", "multiple"):
        parts.append(_items([o["text"] for o in data["options"]],
                            "ms-quiz__boxes" if kind == "multiple" else "ms-quiz__circles"))
    elif kind == "truefalse":
        parts.append(_items([MESSAGES["true"], MESSAGES["false"]], "ms-quiz__circles"))
    elif kind == "ordering":
        parts.append(_blanks([MESSAGES["position"].format(n=n + 1) for n in range(len(data["steps"]))],
                             MESSAGES["paper_steps"], [data["steps"][i]["text"] for i in data["choices"]]))
    elif kind == "matching":
        parts.append(_blanks([p["left"] for p in data["pairs"]], MESSAGES["paper_matches"],
                             [data["pairs"][i]["right"] for i in data["choices"]]))
    else:
        raise ValueError(f"unknown question kind {kind!r} in a quiz on the print page")
    levels = " ".join(f'<span>{esc(MESSAGES[f"level_{lvl}"])}</span>' for lvl in LEVELS)
    parts.append(f'<p class="ms-quiz__sure">{esc(MESSAGES["confidence_question"])} {levels}</p>')
    parts.append("</div>")
    return "".join(parts)


def print_worksheet(fragment: str) -> str:
    """An offline quiz fragment (``offline_questions_html``) as a paper worksheet: every
    question redrawn from its embedded data, the screen-only parts left out."""
    def question(m: re.Match) -> str:
        # the prompt is the legend's text (the page's data leaves it out: quiz.js never
        # reads it)
        data = dict(json.loads(m.group(3)), prompt=html.unescape(m.group(2)))
        return worksheet_question_html(data, html.unescape(m.group(1)))

    return _SCREEN_ONLY.sub("", _QUESTION.sub(question, fragment))
