"""figures.yaml says which part each figure belongs to; the loader checks it with lines."""
from __future__ import annotations

from widgets.course import check_course


def _problems(content, text):
    (content / "figures.yaml").write_text(text, encoding="utf-8")
    course, problems = check_course(content)
    return course, [str(p) for p in problems]


def test_figures_belong_to_parts_or_to_the_opening(min_content):
    course, problems = _problems(min_content, (
        "start:\n"
        "  - pathway_steps\n"
        "  - {figure: pathway, part: first-part}\n"))
    assert problems == []
    assert course.figures["start"] == ["pathway_steps", "pathway"]
    assert course.part_figures("start", None) == ["pathway_steps"]
    assert course.part_figures("start", "first-part") == ["pathway"]
    assert course.part_figures("second", "only-part") == []


def test_unknown_part_bad_entry_and_repeats_are_named_with_their_line(min_content):
    _, problems = _problems(min_content, (
        "start:\n"
        "  - {figure: pathway, part: no-such-part}\n"
        "  - {figure: pathway_steps, where: first-part}\n"
        "  - pathway\n"))
    assert any(p.endswith("figures.yaml:2: start: figure 'pathway' names part "
                          "'no-such-part', which the section does not have; use one of: "
                          "first-part, or leave part out to show it after the opening")
               for p in problems), problems
    assert any("figures.yaml:3: start: a figure entry is a name or {figure: name, part: "
               "part-slug}; found keys figure, where" in p for p in problems), problems
    assert any("figures.yaml:4: start: figure 'pathway' is listed twice; list it once" in p
               for p in problems), problems
