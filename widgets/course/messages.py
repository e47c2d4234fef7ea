"""The quiz's own words (content/messages.yaml): feedback, buttons, confidence, scores.

Loaded once by :mod:`widgets.quiz.messages`; checked by ``python -m widgets check`` with the
file and line of each problem. Pure data: nothing here draws.
"""
from __future__ import annotations

import string
from pathlib import Path

from .context import _Ctx as Context
from .locate import find_content
from .problems import ContentError, Problem

FILE = "messages.yaml"

# Every message the quiz shows, with the {placeholders} its text must keep (the code fills
# them in); the words themselves live in content/messages.yaml.
KEYS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "correct": (), "wrong": (), "answer": (), "incomplete": (), "right": (), "not_right": (),
    "right_answer": (), "wrong_answer": (), "right_place": (), "wrong_place": (),
    "right_match": (), "wrong_match": (), "choose_one": (), "choose_some": (),
    "fill_positions": (), "fill_matches": (), "missed": (), "try_again": (), "pathway": (),
    "position": ("n",), "true": (), "false": (), "placeholder_step": (),
    "placeholder_match": (), "button_check": (), "button_retry": (), "button_reveal": (),
    "question_n": ("n",), "answer_key": (), "no_quiz": (), "quiz_intro": (), "choose_all": (),
    "paper_steps": (), "paper_matches": (), "confidence_question": (), "confidence_low": (),
    "confidence_medium": (), "confidence_high": (), "level_low": (), "level_medium": (),
    "level_high": (), "choose_confidence": (), "confident_error": (),
    "confidence_points": ("level", "points"), "score": ("correct", "total"),
    "score_points": ("points", "best"), "pool_confidence": ("n",), "check_yourself": (),
    "pretest_title": (), "posttest_title": (), "no_test": (),
}.items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_messages(ctx: Context) -> dict[str, str] | None:
    """Check content/messages.yaml into ``ctx``; the messages when they are usable."""
    loaded = ctx.yaml_file(FILE)
    if loaded is None:
        return None
    data, _, path = loaded
    if not isinstance(data, dict):
        ctx.add(path, 1, "must map each message name to its text, e.g. `correct: ✓ Correct`")
        return None
    before = len(ctx.problems)
    for key, value in data.items():
        line = ctx.line(path, (key,))
        if key not in KEYS:
            ctx.add(path, line, f"unknown message {key!r}: the quiz never shows it (a typo? "
                                "the names are listed in widgets/course/messages.py)")
        elif not isinstance(value, str) or not value.strip():
            ctx.add(path, line, f"message {key!r} must be text (it is shown to learners)")
        else:
            try:
                found = _placeholders(value)
            except ValueError as exc:
                ctx.add(path, line, f"message {key!r}: {exc}; write a literal brace as {{{{ or }}}}")
                continue
            want = KEYS[key]
            if found != want:
                need = ", ".join(f"{{{p}}}" for p in sorted(want)) or "no {placeholder}"
                ctx.add(path, line, f"message {key!r} must contain {need} (it has "
                                    f"{', '.join(f'{{{p}}}' for p in sorted(found)) or 'none'})")
    for key in KEYS:
        if key not in data:
            ctx.add(path, len(ctx.texts.get(path, "").splitlines()) or 1,
                    f"missing message {key!r}: add `{key}: <text>` (see content/README.md)")
    return dict(data) if len(ctx.problems) == before else None


def load_messages(content: str | Path | None = None) -> dict[str, str]:
    """content/messages.yaml, checked; raises ContentError (file:line: what to fix)."""
    problems: list[Problem] = []
    messages = check_messages(Context(find_content(content), problems))
    if problems or messages is None:
        raise ContentError(problems)
    return messages
