"""The quiz question models (single, multiple, truefalse, ordering, matching), banks and quizzes."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from .fields import NonEmpty, RefKey, Slug, Strict


class Option(Strict):
    text: NonEmpty
    correct: bool = False
    explanation: NonEmpty


LEVELS = ("recall", "understand", "apply")
AUDIENCES = ("patients", "clinicians", "everyone")


class QuestionBase(Strict):
    id: Slug
    prompt: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    nodes: list[Slug] = []
    # item metadata (content/README.md, "A quiz bank")
    objective: Slug | None = None            # an objective id from the section's front matter
    level: Literal["recall", "understand", "apply"] | None = None
    audience: Literal["patients", "clinicians", "everyone"] | None = None
    facts: list[Slug] = []                   # ids from content/facts.yaml the item relies on
    # where the item is asked (none of these: the end-of-section quiz)
    part: Slug | None = None                 # "check yourself" after the part with this slug
    use: Literal["pre", "post"] | None = None  # the section's pre-test / post-test item
    review: bool = False                     # also asked in the review section's quiz

    @model_validator(mode="after")
    def _one_place(self):
        if self.part is not None and self.use is not None:
            raise ValueError("a question is either a check-yourself item ('part') or a "
                             "pre/post-test item ('use'), not both; remove one")
        return self


def _no_duplicates(texts: list[str], what: str) -> None:
    seen: set[str] = set()
    for text in texts:
        key = text.casefold()
        if key in seen:
            raise ValueError(f"duplicate {what} {text!r}: every {what} must be different")
        seen.add(key)


class SingleChoice(QuestionBase):
    kind: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self):
        _no_duplicates([o.text for o in self.options], "option")
        n = sum(o.correct for o in self.options)
        if n == 0:
            raise ValueError("no option is marked 'correct: true'; mark the right answer")
        if n > 1:
            raise ValueError(f"{n} options are marked correct in a single-choice question; "
                             "keep one, or make it 'kind: multiple'")
        return self

    @property
    def answer(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]


class MultipleChoice(QuestionBase):
    kind: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self):
        _no_duplicates([o.text for o in self.options], "option")
        if not any(o.correct for o in self.options):
            raise ValueError("no option is marked 'correct: true'; mark every right answer")
        return self

    @property
    def answer(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]


class TrueFalseExplanations(Strict):
    true: NonEmpty
    false: NonEmpty


class TrueFalse(QuestionBase):
    kind: Literal["truefalse"]
    answer: bool
    explanations: TrueFalseExplanations

    @model_validator(mode="before")
    @classmethod
    def _yaml_bool_keys(cls, data):
        # YAML reads the keys `true:`/`false:` as booleans.
        if isinstance(data, dict) and isinstance(data.get("explanations"), dict):
            data = dict(data)
            data["explanations"] = {str(k).lower(): v for k, v in data["explanations"].items()}
        return data


class Step(Strict):
    text: NonEmpty
    explanation: NonEmpty


class Ordering(QuestionBase):
    kind: Literal["ordering"]
    steps: list[Step]

    @model_validator(mode="after")
    def _steps(self):
        if len(self.steps) < 3:
            raise ValueError(f"an ordering question needs at least 3 steps, this one has "
                             f"{len(self.steps)}; add steps or make it another kind")
        _no_duplicates([s.text for s in self.steps], "step")
        return self


class Pair(Strict):
    left: NonEmpty
    right: NonEmpty
    explanation: NonEmpty


class Matching(QuestionBase):
    kind: Literal["matching"]
    pairs: list[Pair]

    @model_validator(mode="after")
    def _pairs(self):
        if len(self.pairs) < 2:
            raise ValueError("a matching question needs at least 2 pairs")
        _no_duplicates([p.left for p in self.pairs], "left item")
        _no_duplicates([p.right for p in self.pairs], "right item")
        return self


Question = Annotated[
    Union[SingleChoice, MultipleChoice, TrueFalse, Ordering, Matching],
    Field(discriminator="kind"),
]
QUESTION_KINDS = ("single", "multiple", "truefalse", "ordering", "matching")


class ReviewDraw(Strict):
    per_section: int = Field(ge=1, le=5)


class QuizBank(Strict):
    section: Slug
    questions: list[Question] = Field(min_length=1)
    review: ReviewDraw | None = None


class Quiz(Strict):
    """The questions a learner answers in one section (a review quiz includes drawn ones)."""

    section: str
    questions: list[Question]
