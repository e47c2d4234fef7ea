"""The table-like teaching charts as data: management table, evidence levels, course map."""
from __future__ import annotations

from pydantic import Field, model_validator

from .models import NonEmpty, RefKey, Slug, Strict

from .chart_base import Chart, MAP_SAMPLE, _templates


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
