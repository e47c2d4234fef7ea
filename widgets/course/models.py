"""The course as plain data: what the content files mean once validated.

The quiz models live in questions.py and the shared field types in fields.py; both are
importable from here too. No drawing here: ipywidgets and plotly are imported only by the renderers.
"""
from __future__ import annotations

import datetime as dt
import re

from pydantic import Field, model_validator

from .fields import (  # noqa: F401 (kept importable from here)
    CITATION_RE,
    REF_KEY,
    REF_KEY_RE,
    SLUG,
    NonEmpty,
    RefKey,
    Slug,
    Strict,
    cited_keys,
)
from .questions import (  # noqa: F401 (the quiz models, kept importable from here)
    AUDIENCES,
    LEVELS,
    QUESTION_KINDS,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    Pair,
    Question,
    QuestionBase,
    Quiz,
    QuizBank,
    ReviewDraw,
    SingleChoice,
    Step,
    TrueFalse,
    TrueFalseExplanations,
    _no_duplicates,
)


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
    # the print-all page shows the safety box once, at its start; each section's notice
    # there says so instead of "at the end of every section" (None: every section keeps it)
    print_notice: NonEmpty | None = None
    # plain text, with {title}: what a later copy of a long figure description says on the
    # print page instead of repeating it (e.g. the whole pathway under each pathway figure);
    # {title} is the title of the figure that gave it in full (None: every copy in full)
    print_figure_again: NonEmpty | None = None


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

