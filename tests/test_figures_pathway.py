"""The pathway figures: counts, highlighting through the dropdown, the step-through
frames, the text alternative, determinism, and the minimap SVG."""
from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest

from widgets.figures import FigureItem, section_figures
from widgets.figures.alt_text import pathway_alt_text
from widgets.figures.base import wrap
from widgets.figures.minimap import node_chain_svg
from widgets.figures.palette import FADED_OPACITY, KIND_STYLES
from widgets.figures.pathway import (
    NODES, causal_chain, highlight_pathway, legend_traces, pathway_figure,
    trace_ids,
)
from widgets.figures.pathway_steps import pathway_steps_alt_text, pathway_steps_figure


@pytest.fixture(scope="module")
def fig(pw):
    return pathway_figure(pw)


def _nodes(pw, fig):
    """The one trace that draws every node."""
    i = trace_ids(pw).index(NODES)
    assert i == len(pw.edges)
    return fig.data[i]


def _labels(pw, fig):
    """The node labels: the first annotations, in node order."""
    return list(fig.layout.annotations[:len(pw.nodes)])


def test_one_trace_per_edge_one_for_the_nodes(pw, fig):
    ids = trace_ids(pw)
    assert len(fig.data) == len(ids)
    assert ids[:len(pw.edges)] == [f"{e.source}->{e.target}" for e in pw.edges]
    nodes = _nodes(pw, fig)
    assert len(nodes.x) == len(nodes.hovertext) == len(nodes.marker.symbol) == len(pw.nodes)
    assert [a.text for a in _labels(pw, fig)] == [wrap(n.label, 18) for n in pw.nodes]
    # every node is drawn with its kind's symbol and colour, not by colour alone
    for n, symbol, colour in zip(pw.nodes, nodes.marker.symbol, nodes.marker.color):
        assert (symbol, colour) == (KIND_STYLES[n.kind].symbol, KIND_STYLES[n.kind].colour)


def test_loop_edges_are_dashed_and_in_the_legend(pw, fig):
    for t, e in zip(fig.data, pw.edges):
        assert (t.line.dash == "dash") == e.loop
        assert (t.line.dash == "dot") == e.association
        # an arrowhead at the end only (the other points only carry hover)
        assert list(t.marker.size)[-1] == 13 and not any(t.marker.size[:-1])
    legend = [t.name for t in fig.data if t.showlegend]
    assert pw.words.links["loop"] in legend
    used = {n.kind for n in pw.nodes}
    assert {pw.words.kinds[k] for k in used} <= set(legend)
    # only the legend entries show in the legend (the template hides the rest)
    template = fig.layout.template.data.scatter[0]
    assert template.showlegend is False
    assert all(t.showlegend is None for t in fig.data[:len(pw.edges) + 1])


def test_every_edge_is_hoverable_along_its_length(pw, fig):
    """Plotly shows the hover text of the nearest *point* within 20 px: the points along
    an edge are close enough for the whole line to answer a hover."""
    from widgets.figures.pathway_layout import HOVER_GAP, X_PX, Y_PX

    for t, e in zip(fig.data, pw.edges):
        assert f"{pw.node(e.source).label} → {pw.node(e.target).label}: {e.label}" in \
            t.hovertext.replace("<br>", " ")
        gaps = [((x2 - x1) * X_PX) ** 2 + ((y2 - y1) * Y_PX) ** 2
                for x1, x2, y1, y2 in zip(t.x, t.x[1:], t.y, t.y[1:])]
        assert max(gaps) ** 0.5 <= HOVER_GAP + 0.5, e


def test_every_kind_has_its_own_symbol():
    symbols = [s.symbol for s in KIND_STYLES.values()]
    assert len(set(symbols)) == len(symbols)


def shown(pw, fig, name: str | None = None) -> dict:
    """What the figure shows after ``Plotly.animate(gd, name)`` (``None``: as drawn): the
    frame's ``baseframe`` chain merged root first, as plotly's computeFrame does, on top
    of a state where nothing is known, so a frame that leaves anything unset shows up
    as ``None``. Edges and nodes by id, labels by node id."""
    ids = trace_ids(pw)
    n = len(pw.edges)
    if name is None:
        ops = [1 if t.opacity is None else t.opacity for t in fig.data]
        node_ops = list(_nodes(pw, fig).marker.opacity or [1] * len(pw.nodes))
        labels = [1 if a.opacity is None else a.opacity for a in _labels(pw, fig)]
        texts = [a.text for a in fig.layout.annotations]
        title = fig.layout.title.text
    else:
        frames = {f.name: f for f in fig.frames}
        stack, f = [], frames[name]
        while f is not None:
            stack.append(f)
            f = frames[f.baseframe] if f.baseframe else None
        ops, node_ops = [None] * len(ids), [None] * len(pw.nodes)
        labels, texts, title = [None] * len(pw.nodes), {}, None
        for f in reversed(stack):
            for i, d in zip(f.traces, f.data):
                if d.opacity is not None:
                    ops[i] = d.opacity
                if d.marker.opacity is not None:
                    node_ops = list(d.marker.opacity)
            for i, a in enumerate(f.layout.annotations):
                if a.opacity is not None:
                    labels[i] = a.opacity
                if a.text is not None:
                    texts[i] = a.text
            title = f.layout.title.text or title
    out = {tid: op for tid, op in zip(ids[:n], ops)}
    out.update({nd.id: op for nd, op in zip(pw.nodes, node_ops)})
    return dict(opacity=out, labels=dict(zip([nd.id for nd in pw.nodes], labels)),
                texts=texts, title=title)


def _expected(pw, chain):
    out = {f"{e.source}->{e.target}": 1.0 if (not e.loop and e.source in chain
                                              and e.target in chain) else FADED_OPACITY
           for e in pw.edges}
    out.update({nd.id: 1.0 if nd.id in chain else FADED_OPACITY for nd in pw.nodes})
    return out


def test_dropdown_has_show_all_and_each_pain_type(pw, fig):
    buttons = fig.layout.updatemenus[0].buttons
    assert buttons[0].label == pw.words.show_all
    assert [b.label for b in buttons[1:]] == [p.label for p in pw.pain_types]
    # "Show all": every trace and every node at full strength, every label too
    restyle, relayout = buttons[0].args[:2]
    assert restyle == {"opacity": 1, "marker.opacity": 1}
    assert [relayout[f"annotations[{i}].opacity"] for i in range(len(pw.nodes))] == \
        [1] * len(pw.nodes)
    assert set(shown(pw, fig)["opacity"].values()) == {1}


def test_each_pain_type_highlights_exactly_its_chain(pw, fig):
    buttons = fig.layout.updatemenus[0].buttons[1:]
    for p, button in zip(pw.pain_types, buttons):
        assert button.method == "animate" and list(button.args[0]) == [p.id]
        chain = set(causal_chain(pw, p.node))
        state = shown(pw, fig, p.id)
        assert state["opacity"] == _expected(pw, chain)
        assert {k for k, v in state["labels"].items() if v == 1.0} == chain
        assert set(state["labels"].values()) == {1.0, FADED_OPACITY}
        assert p.label.lower()[1:] in state["title"]


def test_the_highlight_frames_carry_only_what_changes(pw, fig):
    """The shape of the JSON: a frame lists only the traces it changes, each with only
    its opacity (no ``type``, no geometry, no hover text), and only the labels' opacity
    and the title; the pain types' frames change only their chain over the faded base."""
    base, *rest = fig.frames
    assert base.baseframe is None and len(base.traces) == len(pw.edges) + 1
    for f in fig.frames:
        for d in f.data:
            keys = set(d.to_plotly_json()) - {"type"}
            assert keys in ({"opacity"}, {"marker"})
            assert set(d.marker.to_plotly_json()) <= {"opacity"}
        assert set(f.layout.to_plotly_json()) <= {"annotations", "title"}
        for a in f.layout.annotations:
            assert set(a.to_plotly_json()) <= {"opacity"}
    for p, f in zip(pw.pain_types, rest):
        chain = set(causal_chain(pw, p.node))
        assert f.baseframe == base.name
        lit = [i for i, e in enumerate(pw.edges)
               if not e.loop and e.source in chain and e.target in chain]
        assert list(f.traces) == lit + [len(pw.edges)]
        assert sum(a.opacity is not None for a in f.layout.annotations) == len(chain)


def test_highlight_pathway_applies_the_chain(pw):
    f = highlight_pathway(pw, "painful-tonic-spasm")
    state = shown(pw, f)
    chain = set(pw.causal_chain("tonic-spasms"))
    assert state["opacity"] == _expected(pw, chain)
    assert {k for k, v in state["labels"].items() if v == 1} == chain
    assert f.layout.updatemenus[0].active == 2
    assert "painful tonic spasm" in f.layout.title.text
    with pytest.raises(KeyError, match="known pain types"):
        highlight_pathway(pw, "no-such-pain")


def test_causal_chain_of_lhermitte(pw):
    assert causal_chain(pw, "lhermitte") == ["inflammation", "demyelination",
                                             "ectopic-impulses", "lhermitte"]


def test_hover_has_description_and_references(pw, fig):
    for node, text in zip(pw.nodes, _nodes(pw, fig).hovertext):
        assert f"<b>{node.label}</b>" in text
        assert "References: " + ", ".join(node.refs) in text
    for t, e in zip(fig.data, pw.edges):
        assert f"[{', '.join(e.refs)}]" in t.hovertext


def test_one_frame_per_stage_with_a_caption(pw):
    f = pathway_steps_figure(pw)
    assert len(f.frames) == len(pw.stages)
    assert [fr.name for fr in f.frames] == [str(s.number) for s in pw.stages]
    assert len(f.layout.sliders[0].steps) == len(pw.stages)
    caption = len(pw.nodes)  # the caption comes right after the labels
    assert "Stage 1 of" in f.layout.annotations[caption].text
    for s in pw.stages:
        state = shown(pw, f, str(s.number))
        # a frame shown directly (a slider jump) sets everything: nothing is left unknown
        assert None not in state["opacity"].values() and None not in state["labels"].values()
        assert s.title in state["texts"][caption]
        reached = {n.id for n in pw.nodes if n.stage <= s.number}
        assert {k for k, v in state["labels"].items() if v == 1} == reached
        current = {n.id for n in pw.nodes if n.stage == s.number}
        assert {k for k, v in state["opacity"].items() if v == 1 and "->" not in k} == current
    # at the last stage every node is shown
    last = shown(pw, f, str(pw.stages[-1].number))
    assert min(v for k, v in last["opacity"].items() if "->" not in k) > 0.4
    # the first frame is what the figure shows before the slider moves
    first = shown(pw, f, "1")
    assert shown(pw, f)["opacity"] == first["opacity"]
    assert shown(pw, f)["labels"] == first["labels"]


def test_the_step_frames_carry_only_what_changes(pw):
    """Each stage's frame is based on the one before and carries only the edges whose
    opacity changes, the nodes' opacity, the labels that change and the caption text."""
    f = pathway_steps_figure(pw)
    caption = len(pw.nodes)
    for prev, fr in zip(f.frames, f.frames[1:]):
        assert fr.baseframe == prev.name
        assert len(fr.traces) < len(pw.edges)
        before, after = shown(pw, f, prev.name), shown(pw, f, fr.name)
        changed = [i for i, e in enumerate(pw.edges)
                   if before["opacity"][f"{e.source}->{e.target}"]
                   != after["opacity"][f"{e.source}->{e.target}"]]
        assert list(fr.traces) == changed + [len(pw.edges)]
        for d in fr.data:
            assert set(d.to_plotly_json()) - {"type"} in ({"opacity"}, {"marker"})
        anns = fr.layout.annotations
        assert set(fr.layout.to_plotly_json()) == {"annotations"} and len(anns) == caption + 1
        assert [i for i, a in enumerate(anns) if a.opacity is not None] == \
            [i for i, n in enumerate(pw.nodes) if n.stage == int(fr.name)]
        assert set(anns[caption].to_plotly_json()) == {"text"}


def _edge_mentions(pw, text):
    return [f"{pw.node(e.source).label} → {pw.node(e.target).label}: {e.label}" in text
            for e in pw.edges]


def test_text_alternative_mentions_every_edge(pw):
    """(Routes merged step by step, read back exactly, and every link under its kind:
    tests/test_figures_pathway_alt.py.)"""
    text = pathway_alt_text(pw)
    for e in pw.edges:  # grouped by the node it starts from: "- A → B: …; → C: …"
        assert f"{pw.node(e.target).label}: {e.label} [{', '.join(e.refs)}]" in text
    for p in pw.pain_types:
        assert p.label in text
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


def test_the_print_copy_keeps_the_drawing_and_drops_what_paper_cannot_do(course, pw):
    """On paper: no frames, menus, slider or hover; a straight edge keeps its two ends
    and its arrowhead (the points between only carried hover), a loop keeps its curve."""
    from widgets.handouts.figures import figure_blocks

    section = next(s for s in course.sections if "pathway" in course.figures.get(s.id, []))
    block = next(b for b in figure_blocks(course, section) if b.name == "pathway")
    screen, paper = json.loads(block.spec_json), json.loads(block.for_print().spec_json)
    assert "frames" in screen and "frames" not in paper
    assert not {"updatemenus", "sliders"} & set(paper["layout"])
    assert paper["layout"]["hovermode"] is False
    for before, after, e in zip(screen["data"], paper["data"], pw.edges):
        assert "hovertext" in before and "hovertext" not in after
        ends = lambda t: (t["x"][0], t["y"][0], t["x"][-1], t["y"][-1])  # noqa: E731
        assert ends(after) == ends(before) and after["marker"]["size"][-1] == 13
        assert len(after["x"]) == (len(before["x"]) if e.loop else 2)
    # the hover note and the dropdown's hint speak of what paper cannot do
    assert [a for a in screen["layout"]["annotations"] if a.get("name") != "screen-only"] \
        == paper["layout"]["annotations"]
    assert len(paper["layout"]["annotations"]) == len(screen["layout"]["annotations"]) - 2
    assert not any("Hover" in a["text"] or "Highlight" in a["text"]
                   for a in paper["layout"]["annotations"])
