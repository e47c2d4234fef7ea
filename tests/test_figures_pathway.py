"""The pathway figures: counts, highlighting through the dropdown, the step-through
frames, the text alternative, determinism, and the minimap SVG."""
from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest

from widgets.course import load_course
from widgets.figures import FigureItem, section_figures
from widgets.figures.alt_text import pathway_alt_text
from widgets.figures.minimap import node_chain_svg
from widgets.figures.palette import FADED_OPACITY, KIND_STYLES
from widgets.figures.pathway import (
    ALL_LABEL, causal_chain, highlight_pathway, legend_traces, pathway_figure, trace_ids,
)
from widgets.figures.pathway_steps import pathway_steps_alt_text, pathway_steps_figure


@pytest.fixture(scope="module")
def course():
    return load_course()


@pytest.fixture(scope="module")
def pw(course):
    return course.pathway


@pytest.fixture(scope="module")
def fig(pw):
    return pathway_figure(pw)


def test_one_trace_per_edge_and_node(pw, fig):
    metas = [t.meta or {} for t in fig.data]
    assert sum("edge" in m for m in metas) == len(pw.edges)
    assert sum("node" in m for m in metas) == len(pw.nodes)
    assert len(fig.data) == len(trace_ids(pw))
    labels = [a.text for a in fig.layout.annotations if (a.name or "").startswith("label:")]
    assert len(labels) == len(pw.nodes)


def test_loop_edges_are_dashed_and_in_the_legend(pw, fig):
    for t, tid in zip(fig.data, trace_ids(pw)):
        if "->" in tid:
            src, dst = tid.split("->")
            assert (t.line.dash == "dash") == pw.edge(src, dst).loop
    legend = [t.name for t in fig.data if t.showlegend]
    assert "Feedback loop (makes it worse)" in legend
    used = {n.kind for n in pw.nodes}
    assert {KIND_STYLES[k].name for k in used} <= set(legend)


def test_every_kind_has_its_own_symbol():
    symbols = [s.symbol for s in KIND_STYLES.values()]
    assert len(set(symbols)) == len(symbols)


def _expected(pw, chain):
    ids = trace_ids(pw)
    out = []
    for tid in ids:
        if tid.startswith("legend:"):
            out.append(1.0)
        elif "->" in tid:
            s, d = tid.split("->")
            out.append(1.0 if (not pw.edge(s, d).loop and s in chain and d in chain)
                       else FADED_OPACITY)
        else:
            out.append(1.0 if tid in chain else FADED_OPACITY)
    return out


def test_dropdown_has_show_all_and_each_pain_type(pw, fig):
    buttons = fig.layout.updatemenus[0].buttons
    assert buttons[0].label == ALL_LABEL
    assert [b.label for b in buttons[1:]] == [p.label for p in pw.pain_types]
    assert buttons[0].args[0]["opacity"] == [1.0] * len(fig.data)


def test_each_pain_type_highlights_exactly_its_chain(pw, fig):
    buttons = fig.layout.updatemenus[0].buttons[1:]
    for p, button in zip(pw.pain_types, buttons):
        chain = set(causal_chain(pw, p.node))
        assert button.args[0]["opacity"] == _expected(pw, chain)
        # the entry sets each node label's opacity by its index among the annotations
        changed = {int(k[len("annotations["):k.index("]")]): v for k, v in button.args[1].items()
                   if k.startswith("annotations[") and k.endswith("].opacity")}
        names = [fig.layout.annotations[i].name for i in changed]
        assert all(n.startswith("label:") for n in names)
        assert len(changed) == len(pw.nodes)
        lit = {fig.layout.annotations[i].name[6:] for i, v in changed.items() if v == 1.0}
        assert lit == chain


def test_highlight_pathway_applies_the_chain(pw):
    f = highlight_pathway(pw, "painful-tonic-spasm")
    assert [t.opacity for t in f.data] == _expected(pw, set(pw.causal_chain("tonic-spasms")))
    assert f.layout.updatemenus[0].active == 2
    assert "painful tonic spasm" in f.layout.title.text
    with pytest.raises(KeyError, match="known pain types"):
        highlight_pathway(pw, "no-such-pain")


def test_causal_chain_of_lhermitte(pw):
    assert causal_chain(pw, "lhermitte") == ["inflammation", "demyelination",
                                             "ectopic-impulses", "lhermitte"]


def test_hover_has_description_and_references(pw, fig):
    for t, tid in zip(fig.data, trace_ids(pw)):
        if "->" in tid or tid.startswith("legend:"):
            continue
        node = pw.node(tid)
        assert "References: " + ", ".join(node.refs) in t.hovertext[0]


def test_one_frame_per_stage_with_a_caption(pw):
    f = pathway_steps_figure(pw)
    assert len(f.frames) == len(pw.stages)
    assert [fr.name for fr in f.frames] == [str(s.number) for s in pw.stages]
    assert len(f.layout.sliders[0].steps) == len(pw.stages)
    for s, fr in zip(pw.stages, f.frames):
        captions = [a.text for a in fr.layout.annotations if a.name == "caption"]
        assert len(captions) == 1 and s.title in captions[0]
        assert len(fr.data) == len(f.data)
    last = f.frames[-1]
    # at the last stage every node is shown
    node_ops = [d.opacity for d, tid in zip(last.data, trace_ids(pw)) if "->" not in tid]
    assert min(node_ops) > 0.4


def _edge_mentions(pw, text):
    return [f"{pw.node(e.source).label} → {pw.node(e.target).label}: {e.label}" in text
            for e in pw.edges]


def test_text_alternative_mentions_every_edge(pw):
    text = pathway_alt_text(pw)
    assert all(_edge_mentions(pw, text))
    for p in pw.pain_types:
        assert p.label in text
        for route in pw.paths_to(p.node):
            assert " → ".join(pw.node(n).label for n in route) in text
    assert all(_edge_mentions(pw, pathway_steps_alt_text(pw)))


def test_the_json_carries_no_random_uid(fig):
    """(Same data, same JSON: tests/test_figures_sections.py, for every figure.)"""
    spec = json.loads(fig.to_json())
    assert "uid" not in json.dumps(spec["data"])


def test_no_latex_and_a_sensible_size(fig):
    spec = fig.to_json()
    assert "$" not in spec
    assert fig.layout.autosize and fig.layout.width is None and 450 <= fig.layout.height <= 720


# ---------------------------------------------------------------- minimap
def test_minimap_svg_has_labels_and_aria_text(pw):
    svg = node_chain_svg(pw, ["tonic-spasms"])
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    # role=img named by its <title>, the first child (no second copy in aria-label)
    assert 'role="img"' in svg and re.match(r"<svg [^>]*><title>[^<]{20,}</title>", svg)
    assert "aria-label" not in svg
    for nid in pw.causal_chain("tonic-spasms"):
        for word in pw.node(nid).label.split():
            assert word.replace("'", "&#x27;") in svg
    title = re.search(r"<title>(.*?)</title>", svg).group(1)
    assert "Painful tonic spasm" in title and "Ectopic impulses" in title
    assert svg.count('class="node highlighted"') == 1
    assert "plotly" not in svg.lower()


def test_minimap_escapes_and_is_deterministic(pw):
    svg = node_chain_svg(pw, ["lhermitte"])
    assert "Lhermitte&#x27;s sign" in svg and "Lhermitte's" not in svg
    assert svg == node_chain_svg(pw, ["lhermitte"])


def test_minimap_rejects_unknown_nodes(pw):
    with pytest.raises(KeyError, match="known nodes"):
        node_chain_svg(pw, ["no-such-node"])


def test_legend_traces_have_no_points(pw):
    assert all(t.x == (None,) for t in legend_traces(pw))
