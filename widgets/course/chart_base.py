"""What every teaching chart model shares: numbers, {placeholder} texts checked against
their samples, the chart base class and its axis check. Plain data: no plotly import."""
from __future__ import annotations

import string
from typing import Annotated, Any

from pydantic import Field, PlainValidator, field_validator, model_validator

from .models import NonEmpty, RefKey, Strict


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, found {value!r}; write digits only, e.g. 63 or "
                         "3.8 (no % sign, no words)")
    return value


# a number exactly as written: an int stays an int, so the figures show 63, not 63.0
Number = Annotated[int | float, PlainValidator(_number)]


def _placeholders(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise ValueError(f"{text!r}: {exc}; write a literal brace as {{{{ or }}}}") from None


def _check_template(text: str, allowed: dict[str, Any], what: str) -> None:
    """``text`` may only use the placeholders in ``allowed``; a wrong one says which exist."""
    names = _placeholders(text)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        known = ", ".join("{" + k + "}" for k in allowed) or "none"
        raise ValueError(f"{what} uses the placeholder {{{unknown[0]}}}, which this chart does "
                         f"not have; use one of: {known}")
    try:
        text.format(**allowed)
    except (ValueError, IndexError, KeyError) as exc:
        raise ValueError(f"{what}: cannot fill {text!r} ({exc}); check the braces and the "
                         "format after ':' (e.g. {value:.2f})") from None


def _templates(*fields: str, sample: dict[str, Any]):
    """A field validator: the texts in ``fields`` may use only ``sample``'s placeholders
    (checked field by field, so a problem points at the line of the text)."""

    def check(cls, text, info):
        _check_template(text, sample, info.field_name)
        return text

    return field_validator(*fields)(classmethod(check))


MEASURE_SAMPLE = {"label": "x", "value": 1.0, "refs": "[R1]"}
CHANGE_SAMPLE = {"before": 7, "points": 2, "percent": "30", "after_points": 5,
                 "after_percent": "4.9"}
SHARE_SAMPLE = {"share": 84, "rest": 16}
MAP_SAMPLE = {"count": 12}


# ------------------------------------------------------------------ pieces
class ChartValue(Strict):
    """One number of a chart, exactly as the content brief gives it."""

    label: NonEmpty
    value: Number
    refs: list[RefKey] = Field(min_length=1)
    low: Number | None = None    # 95 % confidence interval or a range, when reported
    high: Number | None = None
    text: str = ""               # how the number is said (default "NN %")
    note: str = ""               # what the number means, for the text alternative

    @model_validator(mode="after")
    def _range(self):
        if (self.low is None) != (self.high is None):
            raise ValueError("give both 'low' and 'high' (the interval), or neither")
        if self.low is not None and not (self.low <= self.value <= self.high):
            raise ValueError(f"the value {self.value:g} must lie between low ({self.low:g}) "
                             f"and high ({self.high:g}); check the numbers against the brief")
        return self

    @property
    def shown(self) -> str:
        return self.text or f"{self.value:g} %"


class Chart(Strict):
    """What every chart has: a title, a source note and the opening of its text alternative."""

    title: NonEmpty
    source: str = ""
    alt_intro: NonEmpty
    alt_outro: list[NonEmpty] = []   # extra lines after the values in the text alternative


def _values_below(values: list[ChartValue], x_max: float) -> None:
    if x_max <= 0:
        raise ValueError(f"x_max ({x_max:g}) must be above 0: it is the right end of the axis")
    for v in values:
        top = v.high if v.high is not None else v.value
        if top > x_max or v.value < 0:
            raise ValueError(f"{v.label!r} ({top:g}) falls outside the axis 0-{x_max:g}; "
                             "raise x_max or check the number")
