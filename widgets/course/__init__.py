"""The course as validated plain data: load it, check it, ask it for sections and quizzes."""
from .loader import Course, check_course, load_course, DEFAULT_CONTENT
from .locate import ENV_CONTENT, find_content
from .models import (
    QUESTION_KINDS,
    GlossaryTerm,
    Matching,
    MultipleChoice,
    Objective,
    Option,
    Ordering,
    Quiz,
    QuizBank,
    Reference,
    Section,
    SingleChoice,
    TrueFalse,
    cited_keys,
)
from .pathway import Pathway
from .problems import ContentError, Problem

__all__ = [
    "Course", "check_course", "load_course", "DEFAULT_CONTENT", "find_content", "ENV_CONTENT",
    "ContentError", "Problem",
    "Section", "Reference", "GlossaryTerm", "Quiz", "QuizBank", "SingleChoice", "MultipleChoice",
    "TrueFalse", "Ordering", "Matching", "Option", "Objective", "Pathway", "QUESTION_KINDS", "cited_keys",
]
