"""Quizzes: one module per question kind, each with a live ipywidgets view and an offline view.

``quiz_widget`` builds a section's live quiz; ``offline_quiz_html`` writes the same quiz
as plain HTML checked by ``QUIZ_JS`` and styled by ``QUIZ_CSS`` (paths to the files).
"""
from .offline import QUIZ_CSS, QUIZ_JS, offline_quiz_html, offline_quiz_page
from .section_quiz import quiz_widget

__all__ = ["quiz_widget", "offline_quiz_html", "offline_quiz_page", "QUIZ_JS", "QUIZ_CSS"]
