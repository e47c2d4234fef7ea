"""Every word the learner reads in quiz feedback, and the feedback colours."""
from __future__ import annotations

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
    # the question's buttons and title (live and offline)
    "button_check": "Check",
    "button_retry": "Try again",
    "button_reveal": "Show answer",
    "question_n": "Question {n}",
    # the offline quiz page (widgets/quiz/offline.py) and its paper worksheet (worksheet.py)
    "answer_key": "Answer key",
    "no_quiz": "This section has no quiz.",
    "quiz_intro": "Answer each question, say how sure you are, then press Check. Try again "
                  "clears your answer; Show answer explains every option.",
    "choose_all": "Choose all that apply.",
    "paper_steps": "Steps to put in order:",
    "paper_matches": "Matches to choose from:",
    # confidence-based marking (widgets/quiz/confidence.py)
    "confidence_question": "How sure are you?",
    "confidence_low": "Low: a guess",
    "confidence_medium": "Medium: fairly sure",
    "confidence_high": "High: I am sure",
    "level_low": "low",
    "level_medium": "medium",
    "level_high": "high",
    "choose_confidence": "Say how sure you are (low, medium or high), then press Check.",
    "confident_error": "⚠ You were sure, and this is why it is wrong:",
    "confidence_points": "How sure you were: {level}. Points for this answer: {points} "
                         "(right answers score 1, 2 or 3 at low, medium or high confidence; "
                         "wrong ones 0, -2 or -6).",
    "score": "Score: {correct} of {total} answered correctly",
    "score_points": "; confidence-weighted score {points} of a possible {best}",
    "pool_confidence": "How sure the room was ({n} answers):",
    "check_yourself": "Check yourself",
    "pretest_title": "Pre-test: what do you know already?",
    "posttest_title": "Post-test: what have you learned?",
    "no_test": "This course has no such test yet.",
}

# Okabe-Ito colours; meaning is always carried by the symbol and the word as well.
COLOURS = {"correct": "#009E73", "wrong": "#D55E00", "answer": "#0072B2", "incomplete": "#555555"}
