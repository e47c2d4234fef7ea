"""Every word the learner reads around a quiz, from content/messages.yaml (checked by
``python -m widgets check``), and the feedback colours."""
from __future__ import annotations

from ..course.messages import load_messages

# the course's words (content/messages.yaml); assets/quiz.js reads them from the page
MESSAGES: dict[str, str] = load_messages()

# Okabe-Ito colours; meaning is always carried by the symbol and the word as well.
COLOURS = {"correct": "#009E73", "wrong": "#D55E00", "answer": "#0072B2", "incomplete": "#555555"}
