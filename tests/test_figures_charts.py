"""The teaching charts take their numbers and words from content/charts.yaml: editing a
value in a copy of the content changes the figure, and a broken charts.yaml is reported
by `python -m widgets check` as ``content/charts.yaml:LINE: message``."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from widgets.course import check_course, load_course
from widgets.course.charts import Charts
from widgets.figures import FIGURES, build_figure

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


@pytest.fixture
def content(tmp_path) -> Path:
    """A writable copy of the course's content folder."""
    dest = tmp_path / "content"
    shutil.copytree(CONTENT, dest)
    return dest


def edit(content: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) in the copy's charts.yaml; return the 1-based line it was on."""
    path = content / "charts.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in charts.yaml exactly once"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


@pytest.fixture
def run_check(cli):
    """``python -m widgets check --content DIR``, in process: (exit code, stdout, stderr)."""
    return lambda content: cli("check", "--content", content)


# ------------------------------------------------------------------ the data
def test_every_chart_figure_has_an_entry():
    charts = load_course().charts
    assert isinstance(charts, Charts)
    for name in Charts.model_fields:
        assert name in FIGURES, f"charts.yaml entry {name!r} is not a registered figure"
        assert charts[name].title
    with pytest.raises(KeyError, match="charts.yaml has no chart"):
        charts["nope"]


def test_numbers_are_the_briefs():
    charts = load_course().charts
    foley = {v.label: (v.value, v.low, v.high) for v in charts["prevalence"].values}
    assert foley["Any pain (overall)"] == (63, 55, 70)
    assert foley["Neuropathic extremity pain"] == (26, 7, 53)
    assert foley["Trigeminal neuralgia"] == (3.8, None, None)
    assert [v.value for v in charts["fracture_risk"].values] == [4.08, 2.79]
    assert [v.value for v in charts["fatigue_interventions"].values] == [0.84, 0.60]
    assert charts["spasticity_share"].share == 84
    assert [v.value for v in charts["weight_comorbidity"].values] == [22.5, 19.4, 36.2]


def test_no_chart_module_keeps_numbers_or_titles():
    """The chart modules draw; they do not hold the course's words or numbers."""
    folder = ROOT / "widgets" / "figures"
    for name in ("prevalence", "assessment", "lifestyle", "management", "ms_courses", "risks",
                 "spasticity", "course_map", "pathway", "pathway_steps", "minimap", "palette"):
        text = (folder / f"{name}.py").read_text(encoding="utf-8")
        assert not re.search(r"\[R\d+[a-z]?\]", text), f"{name}.py cites a reference itself"
        assert "TITLE =" not in text, f"{name}.py keeps a title"


def test_editing_a_value_changes_the_figure(content):
    edit(content, "{label: Headache, value: 43,", "{label: Headache, value: 41,")
    facts = content / "facts.yaml"   # a number the course teaches is a fact: add it there too
    facts.write_text(facts.read_text() + "  - {id: headache-41, value: 41 %, measures: headache, "
                                         "refs: [R6], status: V}\n")
    edit(content, "title: How common is each kind of pain in MS?",
         "title: How often does each kind of pain occur in MS?")
    edit(content, "share: 84", "share: 80")
    course = load_course(content)
    item = build_figure(course, "prevalence")
    bars = dict(zip(item.figure.data[0].y, item.figure.data[0].x))
    assert bars["Headache"] == 41
    assert "- Headache: 41 %" in item.alt_text and "43 %" not in item.alt_text
    assert item.title.startswith("How often does each kind of pain occur in MS?")
    assert "How often" in item.figure.layout.title.text
    share = build_figure(course, "spasticity_share")
    assert share.title.startswith("Spasticity is reported by 80 %")
    assert len(share.figure.data[0].x) == 80 and share.figure.data[1].name == "20 in 100 do not"
    # the real course is untouched
    assert dict(zip(*(build_figure(load_course(), "prevalence").figure.data[0][k]
                      for k in ("y", "x"))))["Headache"] == 43


def test_editing_words_changes_the_text_alternative(content):
    edit(content, "name: Bladder and bowel", "name: Bladder, bowel")
    edit(content, "{score: 4, text: More than ten an hour}", "{score: 4, text: Over ten an hour}")
    course = load_course(content)
    assert "- Bladder, bowel: Full bladder; Constipation." in \
        build_figure(course, "spasticity_triggers").alt_text
    penn = build_figure(course, "penn_scale")
    assert "- 4: Over ten an hour." in penn.alt_text
    assert "Over ten an hour" in " ".join(penn.figure.data[0].text).replace("<br>", " ")


def test_nrs_example_follows_its_numbers(content):
    edit(content, "before: 7 ", "before: 8 ")
    item = build_figure(load_course(content), "nrs_change")
    assert "from 8, 2 points lower is 6, and 30 % lower is about 5.6" in item.alt_text
    assert list(item.figure.data[1].x) == [8] and list(item.figure.data[2].x) == [6]


def test_without_charts_yaml_the_chart_figures_say_what_is_missing(content):
    (content / "charts.yaml").unlink()
    course, problems = check_course(content)
    assert [str(p) for p in problems] == [
        p for p in map(str, problems) if p.startswith("content/charts.yaml:1: missing file")]
    assert problems and "prevalence" in problems[0].message
    (content / "figures.yaml").write_text("review: [pathway]\n", encoding="utf-8")
    course = load_course(content)
    assert course.charts is None
    with pytest.raises(ValueError, match="no content/charts.yaml"):
        build_figure(course, "prevalence")


# ------------------------------------------------------------------ broken charts.yaml
BROKEN = {
    # id: (old, new, message part, line of old (+ offset))
    "value-outside-its-interval": (
        "{label: Any pain (overall), value: 63, low: 55,",
        "{label: Any pain (overall), value: 63, low: 65,", "must lie between low", 0),
    "unknown-reference-key": (
        "{label: Back pain, value: 20, refs: [R6]}",
        "{label: Back pain, value: 20, refs: [R99]}", "unknown reference key 'R99'", 0),
    "not-a-reference-key": (
        "{label: Obese, value: 19.4, refs: [R32]}",
        "{label: Obese, value: 19.4, refs: [Marck]}", "is not a reference key", 0),
    "value-is-text": (
        "{label: Overweight, value: 22.5,", "{label: Overweight, value: lots,",
        "weight_comorbidity.values.0.value", 0),
    "unknown-field": ("  x_title: Hazard ratio for hip fracture",
                      "  x_titel: Hazard ratio for hip fracture", "unknown field", 0),
    "unknown-placeholder": ('    filled: "{share} in 100 report spasticity"',
                            '    filled: "{shares} in 100 report spasticity"',
                            "placeholder {shares}", 0),
    "zones-with-a-gap": ("{low: 13, high: 18, meaning:", "{low: 14, high: 18, meaning:",
                         "without gaps or overlaps", None),
    "unknown-category": ("{category: Primary progressive, low: 10, high: 15,",
                         "{category: Primary-progressive, low: 10, high: 15,",
                         "is not one of the chart's categories", None),
    "unknown-evidence-level": ("{label: Mood, level: moderate}", "{label: Mood, level: some}",
                               "use one of: no evidence, moderate, strong", None),
    "unknown-section-in-course-map": ("sections: [understanding-ms]",
                                      "sections: [understanding-mss]",
                                      "section 'understanding-mss' does not exist", 0),
    "missing-chart": ("\nfracture_risk:\n", "\nfracture_risks:\n", "fracture_risk", None),
    "yaml-syntax": ("  x_max: 80\n", "  x_max: [80\n", "YAML syntax error", None),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_charts_yaml_is_reported_with_file_and_line(case, content, run_check):
    old, new, message, offset = BROKEN[case]
    line = edit(content, old, new) + (old.startswith("\n"))
    code, out, err = run_check(content)
    assert code == 1, out
    lines = out.splitlines()
    assert lines and all(re.match(r"^[^:]+:\d+: \S", ln) for ln in lines), out
    hits = [ln for ln in lines if ln.startswith("content/charts.yaml:") and message in ln]
    assert hits, f"expected content/charts.yaml:LINE: ...{message}...; got:\n{out}"
    if offset is not None:
        assert any(ln.startswith(f"content/charts.yaml:{line + offset}: ") for ln in hits), \
            f"expected line {line + offset}; got:\n{out}"
    else:
        found = int(hits[0].split(":")[1])
        assert 1 <= found <= len((content / "charts.yaml").read_text().splitlines())
    assert "Traceback" not in out + err


def test_the_schema_explains_what_to_fix():
    raw = yaml.safe_load((CONTENT / "charts.yaml").read_text(encoding="utf-8"))
    raw["prevalence"] = dict(raw["prevalence"], ci_name="")
    with pytest.raises(ValueError, match="needs 'ci_name'"):
        Charts.model_validate(raw)
    raw = yaml.safe_load((CONTENT / "charts.yaml").read_text(encoding="utf-8"))
    raw["nrs_change"] = dict(raw["nrs_change"], before=1)
    with pytest.raises(ValueError, match="must stay on the 0-10 scale"):
        Charts.model_validate(raw)
