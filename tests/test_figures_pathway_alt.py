"""The pathway figures' text alternatives: each pain type's routes said once, merged step by
step, and read back from the text they imply exactly the graph's routes (none missing, none
extra); every link said once under its kind; the print page gives the whole pathway once."""
from __future__ import annotations

import re
from itertools import product

import pytest
import yaml

from conftest import ROOT
from widgets.course.pathway import Pathway
from widgets.figures import build_figure
from widgets.figures.alt_text import ARROW, OR, merged_routes, pathway_alt_text, routes_of
from widgets.handouts import build as hb
from widgets.handouts.figures import FigureBlock, refer_back

HIGHLIGHTS = ("pathway_spasticity", "pathway_neuropathic", "pathway_musculoskeletal")
WEAK = re.compile(r"; (.+?): reported association \(not shown to be a cause\)")


def _labels(pw, text: str) -> list[str]:
    """The node ids a step's text names: labels joined by " or " (every split tried, so a
    label that itself contains " or " is read right)."""
    by_label = {n.label: n.id for n in pw.nodes}
    if text in by_label:
        return [by_label[text]]
    for i in range(len(text)):
        if text.startswith(OR, i) and text[:i] in by_label:
            try:
                return [by_label[text[:i]]] + _labels(pw, text[i + len(OR):])
            except KeyError:
                continue
    raise KeyError(f"not a label or labels joined by {OR!r}: {text!r}")


def read_chain(pw, text: str) -> tuple[set[tuple[str, ...]], set[tuple[str, str]]]:
    """The routes one merged chain's text stands for, and the links it calls associations."""
    text = text.removesuffix(".")
    weak = {tuple(_labels(pw, x)[0] for x in w.split(ARROW)) for w in WEAK.findall(text)}
    steps = [_labels(pw, s) for s in WEAK.sub("", text).split(ARROW)]
    return set(product(*steps)), weak


def read_pain_type(pw, lines: list[str], head: str) -> tuple[list[set], set]:
    """The routes of each chain the text gives after ``head`` (one line, or a list)."""
    i = next(i for i, l in enumerate(lines) if l.startswith(head))
    rest = lines[i][len(head):]
    if rest.startswith(": "):
        chains = [rest[2:]]
    else:
        n = int(re.fullmatch(r" \((\d+) chains\):", rest).group(1))
        chains = [l.removeprefix("- ") for l in lines[i + 1:i + 1 + n]]
        assert all(l.startswith("- ") for l in lines[i + 1:i + 1 + n])
    read = [read_chain(pw, c) for c in chains]
    return [r for r, _ in read], set().union(*(w for _, w in read))


def _assert_exact(pw, node: str, chains: list[set], weak: set) -> None:
    truth = [tuple(r) for r in pw.paths_to(node)]
    implied = [r for c in chains for r in c]
    assert sorted(implied) == sorted(truth), node  # none extra, none missing, none twice
    said = {(a, b) for r in implied for a, b in zip(r, r[1:])}
    assert weak == {(a, b) for a, b in said if pw.edge(a, b).association}, node


def test_each_pain_type_is_said_once_and_implies_exactly_its_routes(pw):
    lines = pathway_alt_text(pw).splitlines()
    for p in pw.pain_types:
        heads = [l for l in lines if l.startswith(p.label + ":") or l.startswith(p.label + " (")]
        assert len(heads) == 1, p.label
        _assert_exact(pw, p.node, *read_pain_type(pw, lines, p.label))
    assert any(len(routes_of(c)) > 1 for p in pw.pain_types
               for c in merged_routes(pw, p.node))  # something was merged
    # shorter than one line per route: the same chain is not said again and again
    assert sum(len(merged_routes(pw, p.node)) for p in pw.pain_types) < \
        sum(len(pw.paths_to(p.node)) for p in pw.pain_types) / 2


def test_a_highlight_figure_gives_its_chain_first_and_the_others_after(course, pw):
    for name in HIGHLIGHTS:
        item = build_figure(course, name)
        pt = pw.highlighted(name)
        head = f"The pathway diagram with the causal chain of {pt.in_sentence} highlighted"
        lines = item.alt_text.splitlines()
        assert lines[0].startswith(head)
        _assert_exact(pw, pt.node, *read_pain_type(pw, lines, head))
        assert item.alt_text.startswith(item.alt_lead + "\n") and item.alt_shared
        rest = lines[len(item.alt_lead.splitlines()):]
        assert "How the other pain types arise:" in rest
        assert not any(l.startswith(pt.label) for l in rest)  # said once, at the top
        for other in pw.pain_types:
            if other != pt:
                _assert_exact(pw, other.node, *read_pain_type(pw, rest, other.label))


def _links(pw, text: str) -> dict[str, list[tuple]]:
    """The links under each heading of the link lists: (source, target, label, refs)."""
    out: dict[str, list[tuple]] = {}
    heading = None
    for line in text.splitlines():
        if not line.startswith("- "):
            heading = line if line in ("Every causal link:", LOOPS, ASSOCIATIONS) else None
            continue
        if heading is None:
            continue
        source, *targets = line[2:].removesuffix(".").split(ARROW)
        for t in targets:
            m = re.fullmatch(r"(.+?): (.+) \[([^\]]+)\](;)?", t)
            assert m, t
            out.setdefault(heading, []).append(
                (_labels(pw, source)[0], _labels(pw, m.group(1))[0], m.group(2),
                 m.group(3).split(", ")))
    return out


LOOPS = "Feedback loops (the effect feeds back and makes the cause worse):"
ASSOCIATIONS = "Reported association (not shown to be a cause):"  # the legend's words


def test_every_link_is_said_once_under_its_kind(pw):
    said = _links(pw, pathway_alt_text(pw))
    want = {"Every causal link:": [e for e in pw.edges if not e.loop and not e.association],
            ASSOCIATIONS: [e for e in pw.edges if e.association],
            LOOPS: [e for e in pw.edges if e.loop]}
    assert {k: sorted(v) for k, v in said.items()} == {
        k: sorted((e.source, e.target, e.label, e.refs) for e in v) for k, v in want.items()}


def _pathway(edges: list[tuple[str, str]], labels: dict[str, str] | None = None) -> Pathway:
    ids = list(dict.fromkeys(n for e in edges for n in e))
    depth = {n: 1 for n in ids}
    for _ in ids:
        for a, b in edges:
            depth[b] = max(depth[b], depth[a] + 1)
    words = yaml.safe_load((ROOT / "content" / "pathway.yaml").read_text(encoding="utf-8"))["words"]
    return Pathway.model_validate(dict(
        words=words,
        stages=[dict(number=i, title=f"S{i}", caption="c [R1].") for i in range(1, len(ids) + 1)],
        nodes=[dict(id=n, label=(labels or {}).get(n, n.upper()), kind="cause", stage=depth[n],
                    refs=["R1"], description="d [R1].") for n in ids],
        edges=[{"from": a, "to": b, "label": "l", "refs": ["R1"]} for a, b in edges],
        pain_types=[dict(id="p", label="P", node=ids[-1])]))


@pytest.mark.parametrize("edges", [
    # a - c - e is no route: merging b/c and d/e would imply it
    [("a", "b"), ("a", "c"), ("b", "d"), ("b", "e"), ("c", "d"), ("d", "z"), ("e", "z")],
    # routes of different lengths, two roots, a shared middle
    [("a", "b"), ("b", "c"), ("x", "c"), ("c", "z"), ("a", "z"), ("b", "z")],
    # a full product: one chain
    [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("d", "f"), ("e", "z"),
     ("f", "z")],
])
def test_merging_is_exact_on_graphs_that_are_not_products(edges):
    pw = _pathway(edges)
    chains = merged_routes(pw, "z")
    implied = [tuple(r) for c in chains for r in routes_of(c)]
    assert sorted(implied) == sorted(tuple(r) for r in pw.paths_to("z"))
    if len(edges) == 8:
        assert len(chains) == 1


def test_a_label_with_or_in_it_is_never_merged():
    pw = _pathway([("a", "b"), ("a", "c"), ("b", "z"), ("c", "z")], {"b": "Slow or stopped"})
    assert merged_routes(pw, "z") == [[["a"], ["b"], ["z"]], [["a"], ["c"], ["z"]]]
    lines = pathway_alt_text(pw).splitlines()
    _assert_exact(pw, "z", *read_pain_type(pw, lines, "P"))


def _block(div_id, title, lead, shared="pathway"):
    alt = "\n".join(x for x in (lead, "THE WHOLE PATHWAY") if x)
    return FigureBlock(div_id, title, alt, "{}", name=div_id, alt_shared=shared, alt_lead=lead)


def test_refer_back_gives_a_shared_description_once():
    blocks = [_block("a", "Other", "", shared=""), _block("b", "First", "Lead b"),
              _block("c", "Second", "Lead c"), _block("d", "Whole", "")]
    out = refer_back(blocks, "See “{title}”.")
    assert [b.alt_text for b in out] == ["THE WHOLE PATHWAY", "Lead b\nTHE WHOLE PATHWAY",
                                         "Lead c\nSee “First”.", "See “First”."]
    assert refer_back(blocks, None) == blocks  # no wording in content: every copy whole


def test_print_page_says_the_whole_pathway_once_and_section_pages_each_in_full(built_handouts,
                                                                              course):
    again = course.handout_text.print_figure_again
    for variant in ("student", "instructor"):
        folder = built_handouts / variant
        text = (folder / "print.html").read_text("utf-8")
        assert text.count("<p>How the other pain types arise:</p>") == 1
        assert text.count("<p>Every causal link:</p>") == 1
        first = build_figure(course, "pathway_spasticity").title  # the first in full
        assert text.count(again.split("{title}")[0] + first) == 3, variant  # 05, 06, 11
        for name in ("pathway_neuropathic", "pathway_musculoskeletal"):
            lead = build_figure(course, name).alt_lead.splitlines()[0]
            assert lead.replace("'", "&#x27;") in text
        pages = 0
        for s in course.sections:  # a section page shows its pathway figure's text whole
            shown = set(course.figures.get(s.id, [])) & {"pathway", *HIGHLIGHTS}
            pages += len(shown)
            html = (folder / hb.page_name(s)).read_text("utf-8")
            assert html.count("<p>Every causal link:</p>") == len(shown), s.id
            assert again.split("{title}")[0] not in html, s.id
        assert pages == 4
