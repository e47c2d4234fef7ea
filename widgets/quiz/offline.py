"""A section's quiz as plain semantic HTML, checked offline by one shared script.

The page carries each presented question as JSON (the same dict the live widget
grades) and the feedback wording (``MESSAGES``); ``assets/quiz.js`` grades with the same
algorithm and builds the same feedback. The answer data is in the page: acceptable for a
self-study handout.
"""
from __future__ import annotations

from pathlib import Path

from ..text import script_json
from .base import MESSAGES, control_key, esc
from .confidence import LEVELS
from .kinds import kind_of
from .pathway_hint import pathway_figure_slot
from .section_quiz import present_question, teaching_notes_html

ASSETS = Path(__file__).resolve().parent / "assets"
QUIZ_JS = ASSETS / "quiz.js"
QUIZ_CSS = ASSETS / "quiz.css"
HANDOUT_LEARNER = "handout"  # the fixed shuffle seed of every printed or offline copy
VARIANTS = ("student", "instructor")


def section_of(course, question_id: str) -> str:
    """The id of the section whose bank holds a question ("" when none does)."""
    for sid, bank in course.banks.items():
        if any(q.id == question_id for q in bank.questions):
            return sid
    return ""


def confidence_html(key: str) -> str:
    """The "How sure are you?" radio group of an offline question (read by quiz.js)."""
    radios = " ".join(f'<label><input type="radio" name="{key}c" value="{lvl}"> '
                      f'{esc(MESSAGES[f"confidence_{lvl}"])}</label>' for lvl in LEVELS)
    return (f'<fieldset class="ms-quiz__confidence"><legend>{esc(MESSAGES["confidence_question"])}'
            f"</legend>{radios}</fieldset>")


def messages_html() -> str:
    """The feedback wording quiz.js reads, once per page: for a page whose quiz.js does
    not carry it (:func:`quiz_script`, the handouts' ``assets/quiz.js``, does)."""
    return (f'<script type="application/json" class="ms-quiz-messages">'
            f"{script_json(MESSAGES)}</script>")


def quiz_script() -> str:
    """``quiz.js`` with the feedback wording before it, as ``window.MSQuizMessages``: a
    folder of pages (the handouts) stores the wording once, in its ``assets/quiz.js``."""
    return ("/* the feedback wording (content/messages.yaml): the same on every page */\n"
            f"window.MSQuizMessages = {script_json(MESSAGES)};\n"
            + QUIZ_JS.read_text("utf-8"))


def question_html(course, question, *, number: int, uid: str, variant: str = "student",
                  learner: str = HANDOUT_LEARNER) -> str:
    """One question as a fieldset whose id is ``uid`` (its anchor, unique on the page)."""
    kind = kind_of(question)
    data = present_question(course, question, learner=learner)
    key = control_key(uid)
    parts = [
        f'<fieldset class="ms-quiz-question" id="{uid}" data-kind="{data["kind"]}" '
        f'data-question="{esc(question.id)}" data-section="{esc(section_of(course, question.id))}">',
        f'<legend><span class="ms-quiz__number">{esc(MESSAGES["question_n"].format(n=number))}.'
        '</span> '
        f'{esc(data["prompt"])}</legend>',
    ]
    if data["kind"] == "multiple":
        parts.append(f'<p class="ms-quiz__hint">{esc(MESSAGES["choose_all"])}</p>')
    parts.append(f'<div class="ms-quiz__controls">{kind.offline_controls(data, key)}</div>')
    parts.append(confidence_html(key))
    buttons = " ".join(f'<button type="button" data-action="{a}">{esc(MESSAGES["button_" + a])}'
                       "</button>" for a in ("check", "retry", "reveal"))
    parts.append(f'<div class="ms-quiz__buttons">{buttons}</div>')
    parts.append('<div class="ms-quiz__feedback" role="status" aria-live="polite"></div>')
    parts.append(pathway_figure_slot(course.pathway, list(question.nodes)))  # drawn by quiz.js
    if variant == "instructor":
        # quiz.js draws the key from the question's data below (what Show answer shows), so
        # the page does not carry every explanation twice; answer-key.html and the
        # instructor print page carry it as HTML
        parts.append(f'<div class="ms-quiz__key"><p><strong>{esc(MESSAGES["answer_key"])}</strong>'
                     "</p></div>")
    # the prompt is in the legend above; quiz.js never reads it from the data
    embedded = {k: v for k, v in data.items() if k != "prompt"}
    parts.append(f'<script type="application/json" class="ms-quiz-data">{script_json(embedded)}'
                 "</script>")
    parts.append("</fieldset>")
    return "".join(parts)


def offline_questions_html(course, questions, *, title: str, prefix: str,
                           variant: str = "student", heading_level: int = 2, section=None,
                           teaching_notes: bool = False, css_class: str = "ms-quiz",
                           empty: str = MESSAGES["no_quiz"],
                           messages: bool = True) -> str:
    """Any list of questions as one offline quiz block (end quiz, check yourself, pre/post).

    ``messages=False`` leaves out the feedback wording: the page carries it once
    (``messages_html()``) or its quiz.js does (the handouts: ``quiz_script()``).
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, not {variant!r}")
    h = max(1, min(6, heading_level))
    classes = "ms-quiz" if css_class == "ms-quiz" else f"ms-quiz {css_class}"
    parts = [
        f'<section class="{classes}" id="{prefix}" aria-labelledby="{prefix}-title"'
        + (f' data-section="{esc(section.id)}"' if section is not None else "") + '>',
        f'<h{h} id="{prefix}-title">{esc(title)}</h{h}>',
    ]
    if not questions:
        parts.append(f"<p>{esc(empty)}</p></section>")
        return "".join(parts)
    if css_class != "ms-quiz-checks":  # one or two questions right after the part: no preamble
        parts.append(f'<p class="ms-quiz__intro">{esc(MESSAGES["quiz_intro"])}</p>')
    if variant == "instructor" and teaching_notes and section is not None:
        parts.append(teaching_notes_html(section))
    if messages:
        parts.append(messages_html())
    for number, question in enumerate(questions, start=1):
        parts.append(question_html(course, question, number=number, variant=variant,
                                   uid=f"{prefix}-{question.id}"))
    score = MESSAGES["score"].format(correct=0, total=len(questions))
    parts.append(f'<p class="ms-quiz__score" aria-live="polite">{esc(score)}</p>')
    parts.append("</section>")
    return "".join(parts)


def offline_quiz_html(course, section_id, *, variant: str = "student",
                      id_prefix: str | None = None, heading_level: int = 2,
                      teaching_notes: bool = True, messages: bool = True) -> str:
    """A section's quiz as an HTML fragment; include ``QUIZ_JS`` and ``QUIZ_CSS`` in the page.

    ``variant="instructor"`` adds the answer key to every question and the section's
    facilitator notes and discussion prompts. Every id on the fragment starts with
    ``id_prefix`` (default ``quiz-<section id>``), so several quizzes fit on one page.
    """
    section = course.section(section_id)
    return offline_questions_html(
        course, course.quiz(section.id).questions, title=f"Quiz: {section.title}",
        prefix=id_prefix or f"quiz-{section.id}", variant=variant, heading_level=heading_level,
        section=section, teaching_notes=teaching_notes, messages=messages)


def offline_checks_html(course, section_id, part_slug, *, variant: str = "student",
                        heading_level: int = 3, messages: bool = True) -> str:
    """The check-yourself questions of one part ("" when it has none); its ids start with
    ``check-<part slug>``, unique on the section's page (the print page scopes them)."""
    section = course.section(section_id)
    questions = course.checks(section.id, part_slug)
    if not questions:
        return ""
    return offline_questions_html(
        course, questions, title=MESSAGES["check_yourself"], variant=variant,
        prefix=f"check-{part_slug}", heading_level=heading_level,
        css_class="ms-quiz-checks", messages=messages)


def offline_test_html(course, use: str, *, variant: str = "student",
                      heading_level: int = 2, messages: bool = True) -> str:
    """The course's pre-test (``use="pre"``) or post-test (``use="post"``) ("" when empty)."""
    if use not in ("pre", "post"):
        raise ValueError(f"use must be 'pre' or 'post', not {use!r}")
    quiz = course.pretest() if use == "pre" else course.posttest()
    if not quiz.questions:
        return ""
    return offline_questions_html(course, quiz.questions, title=MESSAGES[f"{use}test_title"],
                                  prefix=f"{use}test", variant=variant,
                                  heading_level=heading_level, css_class="ms-quiz-test",
                                  messages=messages)


def offline_quiz_page(course, section_id, *, variant: str = "student",
                      inline_assets: bool = True, title: str | None = None) -> str:
    """A whole standalone page around one quiz (for tests and quick previews).

    With ``inline_assets=False`` the page links ``quiz.css``, ``pathway-map.js`` (the minimap,
    :func:`widgets.figures.minimap.minimap_script`) and ``quiz.js`` beside it.
    """
    from ..figures.minimap import ASSET_NAME, minimap_script

    section = course.section(section_id)
    body = offline_quiz_html(course, section.id, variant=variant, heading_level=2)
    if inline_assets:
        css = f"<style>{QUIZ_CSS.read_text(encoding='utf-8')}</style>"
        js = f"<script>{QUIZ_JS.read_text(encoding='utf-8')}</script>"
        if course.pathway is not None:
            js = f"<script>{minimap_script(course.pathway)}</script>" + js
    else:
        css = '<link rel="stylesheet" href="quiz.css">'
        js = '<script src="quiz.js"></script>'
        if course.pathway is not None:
            js = f'<script src="{ASSET_NAME}"></script>' + js
    page_title = title or f"Quiz: {section.title}"
    return ("<!DOCTYPE html>\n"
            f'<html lang="en-GB"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(page_title)}</title>{css}</head>"
            f'<body><main><h1>{esc(section.title)}</h1>{body}</main>{js}</body></html>\n')
