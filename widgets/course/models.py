"""The course as plain data: what the content files mean once validated.

No drawing here: ipywidgets and plotly are imported only by the renderers.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

REF_KEY = r"R\d+[a-z]?"
REF_KEY_RE = re.compile(rf"^{REF_KEY}$")
CITATION_RE = re.compile(rf"\[({REF_KEY}(?:\s*,\s*{REF_KEY})*)\]")
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

NonEmpty = Annotated[str, Field(min_length=1)]
RefKey = Annotated[str, Field(pattern=REF_KEY_RE.pattern)]
Slug = Annotated[str, Field(pattern=SLUG)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def cited_keys(text: str) -> list[str]:
    """Reference keys cited in text as ``[R6]`` or ``[R6, R8]``, in order."""
    keys: list[str] = []
    for match in CITATION_RE.finditer(text):
        keys.extend(k.strip() for k in match.group(1).split(","))
    return keys


# ----------------------------------------------------------------- references
class Reference(Strict):
    key: RefKey
    authors: NonEmpty
    title: NonEmpty
    venue: str | None = None
    year: int | None = None
    link: str | None = None

    @property
    def links(self) -> list[str]:
        """The reference's web addresses (``link`` may hold several, separated by ``;``)."""
        return [u.strip() for u in (self.link or "").split(";") if u.strip().startswith("https://")]

    def citation(self) -> str:
        parts = [self.authors, self.title]
        if self.venue:
            parts.append(self.venue)
        if self.year:
            parts.append(str(self.year))
        return ". ".join(p.rstrip(".") for p in parts) + "."


class GlossaryTerm(Strict):
    term: NonEmpty
    definition: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    aliases: list[NonEmpty] = []

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


# ------------------------------------------------------------------- course
class RedFlag(Strict):
    signs: NonEmpty
    action: NonEmpty

    @model_validator(mode="after")
    def _cited(self):
        if not cited_keys(self.action):
            raise ValueError("a red flag's action must cite its source, e.g. [R20]")
        return self


class HandoutContents(Strict):
    references: NonEmpty
    glossary: NonEmpty
    answer_key: NonEmpty
    print: NonEmpty


class HandoutText(Strict):
    """The handouts' own words (content/handouts.yaml): guidance and page introductions."""

    how_to_use: list[NonEmpty] = Field(min_length=1)
    how_to_use_instructor: list[NonEmpty] = []
    contents: HandoutContents
    references_intro: NonEmpty
    answer_key_intro: NonEmpty


class CourseInfo(Strict):
    title: NonEmpty
    subtitle: str = ""
    last_reviewed: dt.date
    notice: NonEmpty = ("**Educational use only, not medical advice.** Red flags and what to do "
                        "are at the end of every section.")
    disclaimer: NonEmpty
    red_flags_intro: NonEmpty
    red_flags: list[RedFlag] = Field(min_length=1)


# ------------------------------------------------------------------ sections
class Objective(Strict):
    """One learning objective; quiz items name the objective they test by its ``id``."""

    id: Slug
    text: NonEmpty


class SectionMeta(Strict):
    id: Slug
    title: NonEmpty
    order: int = Field(ge=0)
    last_reviewed: dt.date
    objectives: list[Objective] = Field(min_length=1)
    key_points: list[NonEmpty] = Field(min_length=1)
    facilitator_notes: list[NonEmpty] = []
    discussion_prompts: list[NonEmpty] = []


class Part(Strict):
    """One ``## `` part of a section's prose."""

    title: str
    markdown: str
    line: int

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "introduction"


class Section(Strict):
    meta: SectionMeta
    intro: str
    parts: list[Part]
    file: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def order(self) -> int:
        return self.meta.order

    @property
    def number(self) -> str:
        return f"{self.meta.order:02d}"

    @property
    def markdown(self) -> str:
        chunks = [self.intro] + [f"## {p.title}\n\n{p.markdown}" for p in self.parts]
        return "\n\n".join(c for c in chunks if c.strip())

    def citations(self) -> list[str]:
        """Every key this section cites, in order of first citation, without repeats."""
        texts = [self.markdown, *self.meta.key_points, *(o.text for o in self.meta.objectives)]
        seen: dict[str, None] = {}
        for text in texts:
            for key in cited_keys(text):
                seen.setdefault(key, None)
        return list(seen)


# -------------------------------------------------------------------- quizzes
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
