"""The pathway as data: the course's pathway.yaml, the graph checks, and the fixtures
that must fail (run through the model and through `python -m widgets check`)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from widgets.course import load_course
from widgets.course.pathway import Pathway

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).parent / "fixtures" / "pathway"
QUIZ_NODE_IDS = """inflammation demyelination axonal-loss sodium-channels conduction-block
ectopic-impulses ephaptic-transmission stc-lesion sensory-loss central-sensitisation
corticospinal-lesion weakness spasticity spasms muscle-nociceptors altered-gait immobility
fracture dvt triggers heat uhthoff burning-extremity-pain tonic-spasms lhermitte
trigeminal-neuralgia spasticity-pain musculoskeletal-pain mood-sleep-fatigue""".split()


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load((CONTENT / "pathway.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pathway(raw):
    return Pathway.model_validate(raw)


def load(name: str) -> dict:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def test_counts_equal_the_data(raw, pathway):
    assert len(pathway.nodes) == len(raw["nodes"])
    assert len(pathway.edges) == len(raw["edges"])
    assert len(pathway.stages) == len(raw["stages"])
    assert [p.id for p in pathway.pain_types] == [p["id"] for p in raw["pain_types"]]


def test_every_node_id_the_quizzes_use_exists(pathway):
    ids = {n.id for n in pathway.nodes}
    assert set(QUIZ_NODE_IDS) <= ids


def test_every_node_cites_in_text_and_refs(pathway):
    from widgets.course import cited_keys

    for n in pathway.nodes:
        keys = cited_keys(n.description)
        assert keys, f"{n.id}: description has no [Rn] citation"
        assert set(n.refs) == set(keys), f"{n.id}: refs and the text's citations differ"


def test_partly_verified_facts_name_their_source(pathway):
    text = pathway.node("central-sensitisation").description
    assert "[R37]" in text and "reported" in text


def test_feedback_loops_are_marked(pathway):
    loops = {(e.source, e.target) for e in pathway.loop_edges()}
    assert ("spasticity-pain", "spasticity") in loops            # E11
    assert ("mood-sleep-fatigue", "burning-extremity-pain") in loops  # E13, back direction
    assert any(e.target == "mood-sleep-fatigue" and not e.loop for e in pathway.edges)


def test_causal_chain_is_ancestors_in_order(pathway):
    chain = pathway.causal_chain("lhermitte")
    assert chain == ["inflammation", "demyelination", "ectopic-impulses", "lhermitte"]
    spas = pathway.causal_chain("spasticity-pain")
    assert spas[-1] == "spasticity-pain" and "triggers" in spas
    assert "fracture" not in spas  # reached only through a loop edge


def test_course_loads_with_the_pathway():
    course = load_course()
    assert course.pathway is not None and len(course.pathway.nodes) >= 29


@pytest.mark.parametrize("name, message", [
    ("dangling-edge.yaml", "names unknown node 'nowhere'"),
    ("unreachable-node.yaml", "spasticity cannot be reached"),
    ("unmarked-cycle.yaml", "unmarked cycle"),
])
def test_broken_pathways_are_rejected(name, message):
    with pytest.raises(ValueError, match=message):
        Pathway.model_validate(load(name))


def test_marked_loop_is_valid():
    p = Pathway.model_validate(load("marked-loop.yaml"))
    assert p.causal_chain("spasticity-pain") == ["triggers", "spasticity", "spasticity-pain"]


def test_backward_edge_must_be_a_loop():
    data = load("marked-loop.yaml")
    data["edges"].append({"from": "spasticity-pain", "to": "triggers", "label": "x", "refs": ["R16"]})
    with pytest.raises(ValueError, match="mark the edge|runs from stage"):
        Pathway.model_validate(data)


@pytest.mark.parametrize("name, message", [
    ("dangling-edge.yaml", "unknown node 'nowhere'"),
    ("unreachable-node.yaml", "cannot be reached"),
    ("unmarked-cycle.yaml", "loop: true"),
])
def test_checker_reports_broken_pathway(tmp_path, cli, name, message):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copy(FIXTURES / name, content / "pathway.yaml")
    # quizzes may name nodes the small fixture lacks; those problems are expected too
    code, out, _ = cli("check", "--content", content)
    assert code == 1
    lines = [l for l in out.splitlines() if "pathway.yaml:" in l]
    assert lines and message in "\n".join(lines), out


def test_every_pathway_problem_is_reported_at_its_own_line(min_content):
    from widgets.course import check_course

    path = min_content / "pathway.yaml"
    text = path.read_text()
    text = text.replace("  - from: demyelination\n    to: spasticity\n",
                        "  - from: demyelination\n    to: spasms\n")           # unknown node
    text = text.replace("    stage: 3\n", "    stage: 9\n")                       # unknown stage
    text = text.replace("    node: spasticity\n", "    node: nowhere\n")          # pain type node
    path.write_text(text)
    lines = text.splitlines()

    def line_of(snippet: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if snippet in line)

    _, problems = check_course(min_content)
    found = {(p.line, p.message.split(";")[0]) for p in problems if p.file.endswith("pathway.yaml")}
    assert (line_of("to: spasms"), "edge 2 (demyelination -> spasms) names unknown node 'spasms'") in found
    assert (line_of("stage: 9"), "node 'spasticity' is in stage 9, which is not among the stages (1-3)") in found
    assert (line_of("node: nowhere"), "pain type 'spasticity-pain' names unknown node 'nowhere'") in found
    assert (line_of("- id: spasticity"), "node spasticity cannot be reached from a root cause") in found
    assert len({line for line, _ in found}) == len(found) >= 4


def test_highlight_figures_take_their_pain_type_from_the_content(min_content):
    """A renamed pain type is a content problem with its line, never a KeyError when drawing."""
    from widgets.course import check_course, load_course

    course = load_course(min_content)
    assert course.pathway.highlighted("pathway_spasticity").node == "spasticity"
    path = min_content / "pathway.yaml"
    path.write_text(path.read_text().replace("highlights:\n  pathway_spasticity: spasticity-pain",
                                             "highlights:\n  pathway_spasticty: spasticity-pain"))
    _, problems = check_course(min_content)
    assert any("unknown figure 'pathway_spasticty'" in p.message and p.line > 1 for p in problems)


def test_a_highlight_figure_without_its_pain_type_is_a_content_problem(tmp_path):
    from widgets.course import check_course

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "pathway.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  pathway_neuropathic: ongoing-burning-pain\n", ""), "utf-8")
    _, problems = check_course(content)
    figures = (content / "figures.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, l in enumerate(figures, 1) if "pathway_neuropathic" in l)
    assert [(p.file, p.line) for p in problems if "pathway_neuropathic" in p.message] == [
        ("content/figures.yaml", line)]


def test_the_diagrams_words_come_from_pathway_yaml(min_content):
    """Titles, menu, notes and legend of the pathway diagrams are content: edit them in
    pathway.yaml and the figures say the new words."""
    from widgets.course import load_course
    from widgets.figures import build_figure
    from widgets.figures.minimap import minimap_name

    path = min_content / "pathway.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("title: \"From nerve damage to leg pain: the causal pathway\"",
                      "title: \"Nerve damage and pain\""),
                     ("show_all: Show all", "show_all: Everything"),
                     ("menu_hint: \"Highlight a pain type:\"", "menu_hint: \"Pick a pain:\""),
                     ("causal: Leads to", "causal: Causes"),
                     ("highlight_title: \"The causal chain of {pain}\"",
                      "highlight_title: \"How {pain} comes about\""),
                     ("map_name: \"Pathway map, highlighted: {nodes}. Links shown: {links}.\"",
                      "map_name: \"Map: {nodes}; {links}.\"")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    course = load_course(min_content)
    item = build_figure(course, "pathway")
    fig = item.figure
    assert item.title == "Nerve damage and pain"
    assert fig.layout.updatemenus[0].buttons[0].label == "Everything"
    texts = [a.text for a in fig.layout.annotations]
    assert "Pick a pain:" in texts
    assert "Causes" in [t.name for t in fig.data if t.showlegend]
    pain = course.pathway.pain_types[0]
    frame = next(f for f in fig.frames if f.name == pain.id)
    assert "comes about" in frame.layout.title.text
    assert minimap_name(course.pathway, [pain.node]).startswith("Map: ")


def test_a_broken_word_template_is_reported_with_its_line(min_content, cli):
    path = min_content / "pathway.yaml"
    text = path.read_text(encoding="utf-8")
    old = "stage_caption: \"Stage {number} of {total}: {title}.\""
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, "stage_caption: \"Stage {number}: {name}.\""),
                    encoding="utf-8")
    code, out, _ = cli("check", "--content", min_content)
    assert code == 1
    assert f"content/pathway.yaml:{line}: " in out and "{total}" in out, out
