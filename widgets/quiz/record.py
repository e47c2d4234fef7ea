"""Handouts that remember: what ``assets/record.js`` needs from the course.

``record.js`` keeps each checked answer of an offline handout in the browser's
``localStorage``, one key per question, ``"ms-leg-pain:<question id>"``, holding the same
entry object as the progress file (answer, correct, confidence, saved, attempts, first,
box, due), so an export is a progress file and a rebuilt handout keeps the answers. It
restores them on reload; ``assets/dashboard.js`` draws the learner's dashboard on the
handout index (scores by section, reviews due, calibration) with Export, Import and Erase.

What record.js needs is :func:`record_config`: the course id, the plan of
:mod:`widgets.schedule` and the words below (the same on every page: the handouts store them
once, at the start of ``assets/record.js``, as ``window.MSRecordConfig``:
:func:`record_script`) and, on the index only, the sections with their quiz questions
(:func:`record_page_config`, the page's ``<script type="application/json"
id="ms-record-config">``, which record.js reads over the shared part).
"""
from __future__ import annotations

from pathlib import Path

from .. import schedule
from ..progress import COURSE_ID, VERSION

RECORD_JS = Path(__file__).resolve().parent / "assets" / "record.js"
DASHBOARD_JS = RECORD_JS.with_name("dashboard.js")  # the index dashboard, on top of record.js
LEARNER = "learner"  # whose answers an export holds: JupyterLab's default learner

# Every word record.js shows. {placeholders} are filled in by the script.
MESSAGES: dict[str, str] = {
    "blocked": "Your answers cannot be kept: this browser does not let these pages store "
               "anything (storage is turned off or blocked). The quizzes still work; answers "
               "are lost when you leave the page.",
    "full": "Your latest answers cannot be kept: this browser's storage for these pages is "
            "full. The quizzes still work; answers given now are lost when you leave the page.",
    "due_marker": "Due for review today: press Try again and answer it afresh.",
    "title": "Your progress",
    "intro": "Your answers are kept in this browser only, on this computer.",
    "scores_caption": "Quiz score per section",
    "col_section": "Section",
    "col_right": "Answered correctly",
    "col_status": "Status",
    "complete": "complete",
    "in_progress": "in progress",
    "not_started": "not started",
    "of": "{right} of {total}",
    "next_section": "What to do next: section {number}, {title}.",
    "next_finish": "What to do next: finish the quiz of section {number}, {title} ({right} of "
                   "{total} answered correctly).",
    "next_done": "What to do next: every quiz is answered correctly. Well done; revisit any "
                 "section you like.",
    "no_quizzes": "This course has no quizzes yet.",
    "reviews": "Spaced review",
    "due_today": "{n} due today for review. Open each one below; your answer sets when you "
                 "see it again.",
    "due_none": "No questions are due today. Next review: {day} ({n}).",
    "due_empty": "No questions are due for review yet. Answer a section quiz: its questions "
                 "come back here on the days that help you remember them.",
    "schedule_caption": "Your review schedule: questions due per day",
    "col_day": "Day",
    "col_due": "Questions due",
    "question": "{n} question",
    "questions": "{n} questions",
    "today": "today",
    "tomorrow": "tomorrow",
    "from_section": "Section {number}, {title}",
    "calibration": "How sure you were, and how often you were right",
    "calibration_caption": "Answers by how sure you were",
    "col_level": "How sure",
    "col_answers": "Answers",
    "col_right_share": "Right",
    "level_low": "Low: a guess",
    "level_medium": "Medium: fairly sure",
    "level_high": "High: I am sure",
    "calibration_none": "No answer with a confidence rating yet.",
    "calibration_score": "Confidence-weighted score: {points} of a possible {best} (right "
                         "answers score 1, 2 or 3 at low, medium or high confidence; wrong "
                         "ones 0, -2 or -6).",
    "controls": "Keep, move or erase your answers",
    "export": "Export my answers",
    "import": "Import answers from a file (one exported here, or a JupyterLab progress file)",
    "erase": "Erase my answers",
    "erase_confirm": "Erase every answer this browser keeps for this course? This cannot be "
                     "undone; export your answers first to keep a copy.",
    "erase_yes": "Yes, erase",
    "erase_no": "Cancel",
    "erased": "Your answers were erased from this browser.",
    "exported": "Your answers were saved as {file}. Put that file where JupyterLab keeps "
                "progress (see the README) or import it in another browser.",
    "imported": "{n} answers imported from {file}{who}.",
    "imported_who": " (learner \u201c{learner}\u201d)",
    "import_not_json": "{file} could not be read: it is not a progress file (not JSON). "
                       "Nothing was imported.",
    "import_not_progress": "{file} is not a progress file: it has no \u201clearners\u201d with "
                           "answers. Nothing was imported.",
    "import_newer": "{file} was written by a newer release of the course (format version "
                    "{version}; these handouts read up to {max}). Nothing was imported.",
    "import_other": "{file} holds answers of another course ({course}). Nothing was imported.",
}


def record_config(course=None, *, pages=None) -> dict:
    """Everything record.js reads: the part every page shares and, with ``course`` and
    ``pages``, the index's own part (:func:`record_page_config`)."""
    config = {"course": COURSE_ID, "version": VERSION, "learner": LEARNER,
              **schedule.plan_config(), "messages": MESSAGES}
    if course is None or pages is None:
        return config
    return {**config, **record_page_config(course, pages=pages)}


def record_script() -> str:
    """``assets/record.js`` as the handouts store it: the shared part of the config, once
    per folder, then the script."""
    from ..text import script_json

    return ("/* widgets/quiz/record.py record_config(): the same on every page */\n"
            f"window.MSRecordConfig = {script_json(record_config())};\n"
            + RECORD_JS.read_text("utf-8"))


def record_page_config(course, *, pages) -> dict:
    """The index dashboard's part (``pages``: ``section -> file name``): every section's
    quiz (``questions``, as in :meth:`Course.quiz`) and where each question can be answered
    (``where``: page#anchor, section, prompt)."""
    sections, where = [], {}
    for s in course.sections:
        quiz = [q.id for q in course.quiz(s.id).questions]
        if quiz:
            sections.append({"id": s.id, "number": s.number, "title": s.title,
                             "href": pages(s), "questions": quiz})
        for q in course.quiz(s.id).questions:
            where.setdefault(q.id, {"href": f"{pages(s)}#quiz-{s.id}-{q.id}", "number": s.number,
                                    "title": s.title, "prompt": q.prompt})
    for s in course.sections:  # items asked elsewhere (parts, pre/post tests): their section
        for q in getattr(course.banks.get(s.id), "questions", []):
            where.setdefault(q.id, {"href": pages(s), "number": s.number, "title": s.title,
                                    "prompt": q.prompt})
    return {"sections": sections, "where": where}
