"""content/facts.yaml as data: every fact the course teaches, with its numbers.

A fact's numbers are the digits of its ``value`` ("63 % (95 % CI 55-70)" -> 63, 95, 55, 70),
normalised so that "7,101" is 7101 and "0.60" is 0.6. The rules that use them live in
:mod:`widgets.course.integrity`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from typing import Literal

from pydantic import Field, model_validator

from .models import NonEmpty, RefKey, Slug, Strict

# A number as the course writes it: 7,101 / 3.8 / 20s (the decade: 20). Not part of a word
# or a key (R6, NG220, CYP2C19) and not a recommendation number's tail (1.4.2).
NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\.\d)(?=s\b|[^\w]|$)")


def number_key(token: str | int | float) -> str:
    """The canonical form of a number: '7,101' -> '7101', '0.60' -> '0.6', 4.0 -> '4'."""
    text = str(token).replace(",", "")
    try:
        value = Decimal(text).normalize()
    except InvalidOperation:
        return text
    out = format(value, "f")
    return out.rstrip("0").rstrip(".") if "." in out else out


def numbers_in(text: str) -> list[str]:
    """Every number in ``text``, in canonical form, in order."""
    return [number_key(m.group(1)) for m in NUMBER_RE.finditer(text)]


@lru_cache(maxsize=4096)
def _numbers_of(value: str) -> frozenset[str]:
    """A fact value's numbers, parsed once (the checker asks for them many times)."""
    return frozenset(numbers_in(value))


class Fact(Strict):
    id: Slug
    value: NonEmpty
    measures: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    status: Literal["V", "P"]
    source: list[NonEmpty] = []
    terms: list[NonEmpty] = []

    @model_validator(mode="after")
    def _p_names_a_source(self):
        if self.status == "P" and not self.source:
            raise ValueError("a P (partly verified) fact needs 'source': the names a sentence "
                             "must use when it states the fact, e.g. source: [NICE]")
        return self

    @property
    def numbers(self) -> set[str]:
        return set(_numbers_of(self.value))


class NotFact(Strict):
    text: NonEmpty
    why: NonEmpty


class FactChecks(Strict):
    # declared: the integrity rules on numbers and red flags cover the quiz items that list
    # `facts:`; all: every quiz item (switch once every item lists its facts)
    quiz_scope: Literal["declared", "all"] = "declared"


class Facts(Strict):
    checks: FactChecks = FactChecks()
    not_facts: list[NotFact] = []
    facts: list[Fact] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self):
        seen: set[str] = set()
        for fact in self.facts:
            if fact.id in seen:
                raise ValueError(f"duplicate fact id {fact.id!r}: every fact needs its own id")
            seen.add(fact.id)
        return self

    def by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def with_number(self, number: str) -> list[Fact]:
        return [f for f in self.facts if number in f.numbers]


def load_facts(ctx) -> Facts | None:
    """Read and validate content/facts.yaml (optional: a course without it skips the rules
    that need it)."""
    loaded = ctx.yaml_file("facts.yaml", required=False)
    if loaded is None:
        return None
    data, node, path = loaded
    return ctx.validate(Facts, data, path, node)
