"""The teaching charts as data: content/charts.yaml, one entry per figure name.

Every number, label, title, axis title, source note and reference key a chart shows
lives in charts.yaml; widgets/figures only draws it. Some texts may name the chart's
own numbers as ``{placeholders}`` (listed with each model), so editing a number never
leaves a stale sentence behind. Plain data: no plotly import.
"""
from __future__ import annotations

import string
from typing import Annotated, Any

from pydantic import Field, PlainValidator, field_validator, model_validator

from .models import NonEmpty, RefKey, Slug, Strict



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


class BarChart(Chart):
    """Labelled bars (or dots), top to bottom in file order, with intervals where given."""

    x_title: NonEmpty
    x_max: Number
    ci_name: str = ""    # legend name of the interval lines; needed when a value has low/high
    values: list[ChartValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _axis(self):
        _values_below(self.values, self.x_max)
        if any(v.low is not None for v in self.values) and not self.ci_name:
            raise ValueError("a value has low/high, so the chart needs 'ci_name' (the legend "
                             "name of the interval lines, e.g. '95 % confidence interval')")
        return self


class MeasureChart(Chart):
    """Bars of a measure that is not a percentage (hazard ratio, effect size).

    ``bar_text``, ``hover`` and ``alt_line`` may use {label}, {value} (e.g. {value:.2f})
    and {refs} (e.g. "[R18]")."""

    x_title: NonEmpty
    x_max: Number
    bar_text: NonEmpty
    hover: NonEmpty
    alt_line: NonEmpty
    reference_line: Number | None = None      # e.g. 1 = no difference
    reference_label: str = ""
    values: list[ChartValue] = Field(min_length=1)

    _texts = _templates("bar_text", "hover", "alt_line", sample=MEASURE_SAMPLE)

    @model_validator(mode="after")
    def _axis(self):
        _values_below(self.values, self.x_max)
        if self.reference_line is not None and not self.reference_label:
            raise ValueError("a reference_line needs a reference_label saying what it means")
        return self

    def fill(self, template: str, v: ChartValue) -> str:
        return template.format(label=v.label, value=v.value, refs="[" + ", ".join(v.refs) + "]")


# ------------------------------------------------------------------ ms_courses
class RangeRow(Strict):
    category: NonEmpty
    low: Number
    high: Number
    text: NonEmpty       # how the source says it

    @model_validator(mode="after")
    def _order(self):
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g}); swap them "
                             "(a single figure has low equal to high)")
        return self


class RangeSource(Strict):
    name: NonEmpty       # with its citation, e.g. "NICE CG186 [R2]"
    rows: list[RangeRow] = Field(min_length=1)


class RangeChart(Chart):
    """Ranges (or single figures) per category, one marker style per source."""

    x_title: NonEmpty
    x_max: Number
    categories: list[NonEmpty] = Field(min_length=1)   # bottom to top
    sources: list[RangeSource] = Field(min_length=1, max_length=4)

    @model_validator(mode="after")
    def _known(self):
        if self.x_max <= 0:
            raise ValueError(f"x_max ({self.x_max:g}) must be above 0")
        for s in self.sources:
            for r in s.rows:
                if r.category not in self.categories:
                    raise ValueError(f"{s.name}: category {r.category!r} is not one of the "
                                     f"chart's categories ({', '.join(self.categories)}); "
                                     "fix the spelling or add it to 'categories'")
                if r.high > self.x_max or r.low < 0:
                    raise ValueError(f"{s.name}: {r.category} ({r.low:g}-{r.high:g}) falls "
                                     f"outside the axis 0-{self.x_max:g}")
        return self


# ------------------------------------------------------------------ assessment
class Zone(Strict):
    low: int
    high: int
    meaning: NonEmpty


class ScaleTool(Strict):
    name: NonEmpty
    low: int
    high: int
    how: NonEmpty        # how it is completed
    zones: list[Zone] = Field(min_length=2, max_length=3)

    @model_validator(mode="after")
    def _zones_cover(self):
        at = self.low
        for z in self.zones:
            if z.low != at or z.high < z.low:
                raise ValueError(f"{self.name}: the zones must run in order from {self.low} to "
                                 f"{self.high} without gaps or overlaps; the zone "
                                 f"{z.low}-{z.high} should start at {at}")
            at = z.high + 1
        if at - 1 != self.high:
            raise ValueError(f"{self.name}: the last zone ends at {at - 1}, but the score runs "
                             f"to {self.high}; make them match")
        return self


class ToolsChart(Chart):
    refs: list[RefKey] = Field(min_length=1)
    tools: list[ScaleTool] = Field(min_length=1)


class Level(Strict):
    score: int
    text: NonEmpty


class LevelsChart(Chart):
    refs: list[RefKey] = Field(min_length=1)
    x_title: NonEmpty
    levels: list[Level] = Field(min_length=2)

    @field_validator("levels")
    @classmethod
    def _rising(cls, levels):
        scores = [lv.score for lv in levels]
        if scores != sorted(set(scores)):
            raise ValueError(f"scores must rise one level at a time without repeats; found "
                             f"{scores}")
        return levels


class ChangeLabels(Strict):
    before: NonEmpty
    before_legend: NonEmpty
    before_hover: NonEmpty
    after: NonEmpty
    after_legend: NonEmpty
    after_hover: NonEmpty

    _texts = _templates("*", sample=CHANGE_SAMPLE)


class ChangeChart(Chart):
    """An example change on a 0-N scale. Texts may use {before}, {points}, {percent},
    {after_points} and {after_percent} (before lowered by that percentage, to 1 decimal)."""

    refs: list[RefKey] = Field(min_length=1)
    scale_max: int = Field(gt=0)
    before: int
    points: int = Field(gt=0)
    percent: float = Field(gt=0, lt=100)
    labels: ChangeLabels

    _texts = _templates("title", "source", "alt_intro", sample=CHANGE_SAMPLE)

    @model_validator(mode="after")
    def _fits(self):
        if not (0 <= self.before - self.points and self.before <= self.scale_max):
            raise ValueError(f"the example must stay on the 0-{self.scale_max} scale: before "
                             f"({self.before}) minus points ({self.points}) is below 0")
        return self

    def numbers(self) -> dict[str, float]:
        return {"before": self.before, "points": self.points, "percent": f"{self.percent:g}",
                "after_points": self.before - self.points,
                "after_percent": f"{round(self.before * (1 - self.percent / 100), 1):g}"}

    def fill(self, text: str) -> str:
        return text.format(**self.numbers())


# ------------------------------------------------------------------ spasticity
class ShareLabels(Strict):
    filled: NonEmpty
    open: NonEmpty

    _texts = _templates("*", sample=SHARE_SAMPLE)


class ShareChart(Chart):
    """N people in 100. Texts may use {share} and {rest} (100 - share)."""

    share: int = Field(ge=0, le=100)
    labels: ShareLabels

    _texts = _templates("title", "source", "alt_intro", sample=SHARE_SAMPLE)

    def numbers(self) -> dict[str, int]:
        return {"share": self.share, "rest": 100 - self.share}

    def fill(self, text: str) -> str:
        return text.format(**self.numbers())


class TriggerGroup(Strict):
    name: NonEmpty
    triggers: list[NonEmpty] = Field(min_length=1)


class TriggersChart(Chart):
    refs: list[RefKey] = Field(min_length=1)
    target: NonEmpty
    groups: list[TriggerGroup] = Field(min_length=1, max_length=5)


# ------------------------------------------------------------------ management
class ManagementRow(Strict):
    pain: NonEmpty
    first: NonEmpty
    next: str = ""           # empty: shown as "-"
    severe: str = ""
    refs: list[RefKey] = Field(min_length=1)


class ManagementColumns(Strict):
    pain: NonEmpty
    first: NonEmpty
    next: NonEmpty
    severe: NonEmpty
    refs: NonEmpty


class TableChart(Chart):
    headers: ManagementColumns     # the table's column headings
    alt_labels: ManagementColumns  # how the text alternative names each column
    disclaimer: NonEmpty
    safety: NonEmpty
    rows: list[ManagementRow] = Field(min_length=1)


# ------------------------------------------------------------------ lifestyle
class EvidenceLevel(Strict):
    name: NonEmpty       # as the outcomes name it
    tick: NonEmpty       # on the axis
    legend: NonEmpty
    said: NonEmpty       # in hover text and the text alternative ("strong evidence")


class Outcome(Strict):
    label: NonEmpty
    level: NonEmpty


class EvidenceChart(Chart):
    refs: list[RefKey] = Field(min_length=1)
    x_title: NonEmpty
    levels: list[EvidenceLevel] = Field(min_length=2, max_length=3)   # weakest first
    outcomes: list[Outcome] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self):
        names = [lv.name for lv in self.levels]
        for o in self.outcomes:
            if o.level not in names:
                raise ValueError(f"outcome {o.label!r} has level {o.level!r}; use one of: "
                                 + ", ".join(names))
        return self

    def level(self, name: str) -> EvidenceLevel:
        return next(lv for lv in self.levels if lv.name == name)


# ------------------------------------------------------------------ course map
class MapPart(Strict):
    name: NonEmpty
    sections: list[Slug] = []     # section ids; a section in no part goes in the first


class CourseMapChart(Strict):
    """Texts: ``alt_intro`` may use {count} (the number of sections)."""

    title: NonEmpty
    alt_intro: NonEmpty
    parts: list[MapPart] = Field(min_length=1, max_length=7)

    _texts = _templates("alt_intro", sample=MAP_SAMPLE)

    @model_validator(mode="after")
    def _once(self):
        seen: dict[str, str] = {}
        for p in self.parts:
            for sid in p.sections:
                if sid in seen:
                    raise ValueError(f"section {sid!r} is in two parts ({seen[sid]!r} and "
                                     f"{p.name!r}); keep it in one")
                seen[sid] = p.name
        return self


# ------------------------------------------------------------------ the file
class Charts(Strict):
    """content/charts.yaml: one entry per chart, keyed by its figure name."""

    course_map: CourseMapChart
    prevalence: BarChart
    pain_estimates: BarChart
    extremity_pain: BarChart
    ms_courses: RangeChart
    screening_tools: ToolsChart
    penn_scale: LevelsChart
    nrs_change: ChangeChart
    spasticity_share: ShareChart
    spasticity_triggers: TriggersChart
    fracture_risk: MeasureChart
    management_map: TableChart
    exercise_evidence: EvidenceChart
    fatigue_interventions: MeasureChart
    heat_sensitivity: RangeChart
    weight_comorbidity: BarChart

    def __getitem__(self, name: str):
        if name not in type(self).model_fields:
            raise KeyError(f"charts.yaml has no chart {name!r}; it has: "
                           + ", ".join(type(self).model_fields))
        return getattr(self, name)

    def unknown_sections(self, section_ids: set[str]) -> list[tuple[tuple, str]]:
        """(location, message) for every course-map section id the course does not have."""
        out = []
        for pi, part in enumerate(self.course_map.parts):
            for si, sid in enumerate(part.sections):
                if sid not in section_ids:
                    out.append((("course_map", "parts", pi, "sections", si),
                                f"course_map: section {sid!r} does not exist; use a section "
                                f"id (the file name without NN-): {', '.join(sorted(section_ids))}"))
        return out
