"""The teaching charts as data: content/charts.yaml, one entry per figure name.

Every number, label, title, axis title, source note and reference key a chart shows
lives in charts.yaml; widgets/figures only draws it. Some texts may name the chart's
own numbers as ``{placeholders}`` (listed with each model), so editing a number never
leaves a stale sentence behind. Plain data: no plotly import.
"""
from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .models import NonEmpty, RefKey, Strict
# split for size; every model stays importable from here
from .chart_base import (  # noqa: F401
    _number,
    Number,
    _placeholders,
    _check_template,
    _templates,
    MEASURE_SAMPLE,
    CHANGE_SAMPLE,
    SHARE_SAMPLE,
    MAP_SAMPLE,
    ChartValue,
    Chart,
    _values_below,
)
from .chart_tables import (  # noqa: F401
    ManagementRow,
    ManagementColumns,
    TableChart,
    EvidenceLevel,
    Outcome,
    EvidenceChart,
    MapPart,
    CourseMapChart,
)


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
