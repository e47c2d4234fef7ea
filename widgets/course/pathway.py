"""The causal pathway from nerve damage to pain, as data (nodes, edges, stages).

Also the graph questions every renderer asks (causal chain of a node, the paths that
lead to it, the order of nodes), so the figures, the minimap and the quiz feedback all
answer them the same way. No drawing here.
"""
from __future__ import annotations

from graphlib import CycleError, TopologicalSorter
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .models import NonEmpty, RefKey, Slug, Strict

NodeKind = Literal["cause", "lesion", "mechanism", "symptom", "pain", "trigger", "consequence"]
NODE_KINDS: tuple[str, ...] = NodeKind.__args__  # type: ignore[attr-defined]
Branch = Literal["sensory", "shared", "motor"]
BRANCHES: tuple[str, ...] = Branch.__args__  # type: ignore[attr-defined]


def causal_sort(nodes: list[str], edges, key) -> list[str]:
    """``nodes`` in topological order along ``edges`` (pairs among them; others ignored),
    by :mod:`graphlib`: at each step the ready node with the lowest ``key`` comes first.
    Nodes caught in a cycle (which the checker reports) follow, in ``key`` order."""
    inside = set(nodes)
    graph: dict[str, set[str]] = {n: set() for n in nodes}
    for source, target in edges:
        if source in inside and target in inside and source != target:
            graph[target].add(source)
    sorter = TopologicalSorter(graph)
    try:
        sorter.prepare()
    except CycleError:
        return sorted(nodes, key=key)
    ready: list[str] = []
    out: list[str] = []
    while sorter.is_active():
        ready.extend(sorter.get_ready())
        ready.sort(key=key)
        here = ready.pop(0)
        out.append(here)
        sorter.done(here)
    return out


class Node(Strict):
    id: Slug
    label: NonEmpty
    kind: NodeKind
    description: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    stage: int = Field(ge=1)
    # where the node sits vertically: the sensory branch above, the motor branch below
    branch: Branch = "shared"


class Edge(Strict):
    source: Slug = Field(alias="from")
    target: Slug = Field(alias="to")
    label: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    loop: bool = False
    # a reported association, not shown to be a cause: drawn differently from a cause
    association: bool = False


class Stage(Strict):
    number: int = Field(ge=1)
    title: NonEmpty
    caption: NonEmpty


class PainType(Strict):
    id: Slug
    label: NonEmpty
    node: Slug

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: "spasticity pain" (a name such as Lhermitte's keeps
        its capital)."""
        return self.label if "'" in self.label else self.label[0].lower() + self.label[1:]


def _template(text: str, *names: str) -> str:
    """``text`` must keep each ``{name}`` (the code fills it in) and no other placeholder."""
    import string

    found = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    if found != set(names):
        need = ", ".join(f"{{{n}}}" for n in names) or "no {placeholder}"
        raise ValueError(f"must contain {need} (it has "
                         f"{', '.join(f'{{{n}}}' for n in sorted(found)) or 'none'})")
    return text


class PathwayWords(Strict):
    """The words of the pathway diagrams (their titles, legend, notes and menus)."""

    title: NonEmpty
    steps_title: NonEmpty
    highlight_title: NonEmpty  # with {pain}: the pain type's label
    show_all: NonEmpty
    menu_hint: NonEmpty
    hover_note: NonEmpty
    stage_caption: NonEmpty  # with {number}, {total} and {title}
    branches: dict[Literal["sensory", "motor"], NonEmpty]
    kinds: dict[NodeKind, NonEmpty]
    links: dict[Literal["causal", "loop", "association"], NonEmpty]
    map_name: NonEmpty  # the quiz hint's minimap, with {nodes} and {links}
    map_name_alone: NonEmpty  # the same with no link shown: {nodes}

    @field_validator("highlight_title", "stage_caption", "map_name", "map_name_alone")
    @classmethod
    def _placeholders(cls, text: str, info: ValidationInfo) -> str:
        return _template(text, *PLACEHOLDERS[info.field_name])

    @field_validator("branches", "kinds", "links")
    @classmethod
    def _every_name(cls, names: dict, info: ValidationInfo) -> dict:
        missing = [k for k in NAMED[info.field_name] if k not in names]
        if missing:
            raise ValueError(f"needs a name for {', '.join(missing)}")
        return names


PLACEHOLDERS = {"highlight_title": ("pain",), "stage_caption": ("number", "total", "title"),
                "map_name": ("nodes", "links"), "map_name_alone": ("nodes",)}
NAMED = {"branches": ("sensory", "motor"), "kinds": NODE_KINDS,
         "links": ("causal", "loop", "association")}


class Pathway(Strict):
    words: PathwayWords
    nodes: list[Node] = Field(min_length=1)
    edges: list[Edge] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    pain_types: list[PainType] = Field(min_length=1)

    # which pain type's causal chain each highlight figure shows (figure name: pain type id)
    highlights: dict[str, Slug] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _graph(self, info: ValidationInfo):
        """Reject a broken graph, naming every problem. The loader validates with
        ``context={"graph": "report"}`` and reports each problem at its own line instead."""
        if (info.context or {}).get("graph") == "report":
            return self
        problems = self.problems()
        if problems:
            raise ValueError("; ".join(message for _, message in problems))
        return self

    def problems(self) -> list[tuple[tuple, str]]:
        """Every graph problem as (YAML path, message); empty when the graph is sound."""
        from .pathway_checks import graph_problems

        return graph_problems(self)

    def highlighted(self, figure: str) -> "PainType":
        """The pain type a highlight figure shows (``highlights`` in pathway.yaml)."""
        try:
            return self.pain_type(self.highlights[figure])
        except KeyError:
            raise KeyError(f"pathway.yaml names no pain type for figure {figure!r}; add "
                           f"'{figure}: <pain type id>' under highlights:") from None

    # ------------------------------------------------------------ graph questions
    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(f"no pathway node {node_id!r}; known nodes: "
                       + ", ".join(n.id for n in self.nodes))

    def pain_type(self, pain_type_id: str) -> PainType:
        for p in self.pain_types:
            if p.id == pain_type_id or p.node == pain_type_id:
                return p
        raise KeyError(f"no pain type {pain_type_id!r}; known pain types: "
                       + ", ".join(p.id for p in self.pain_types))

    def causal_edges(self) -> list[Edge]:
        """The edges that carry cause to effect (feedback loops left out)."""
        return [e for e in self.edges if not e.loop]

    def loop_edges(self) -> list[Edge]:
        return [e for e in self.edges if e.loop]

    def parents(self, node_id: str) -> list[str]:
        return [e.source for e in self.causal_edges() if e.target == node_id]

    def children(self, node_id: str) -> list[str]:
        return [e.target for e in self.causal_edges() if e.source == node_id]

    def order(self) -> list[str]:
        """Every node id in causal order: a topological order that, among the nodes ready
        at each step, takes the lowest stage first, then file order."""
        position = {n.id: (n.stage, i) for i, n in enumerate(self.nodes)}
        return causal_sort(list(position), [(e.source, e.target) for e in self.causal_edges()],
                           key=position.__getitem__)

    def causal_chain(self, node_id: str) -> list[str]:
        """``node_id`` and every node that leads to it through causal (non-loop) edges,
        in causal order (roots first, ``node_id`` last)."""
        self.node(node_id)  # KeyError with the known ids
        seen = {node_id}
        frontier = [node_id]
        while frontier:
            here = frontier.pop()
            for parent in self.parents(here):
                if parent not in seen:
                    seen.add(parent)
                    frontier.append(parent)
        return [n for n in self.order() if n in seen]

    def chain_of(self, node_ids: list[str]) -> list[str]:
        """The union of the causal chains of several nodes, in causal order."""
        seen: set[str] = set()
        for nid in node_ids:
            seen.update(self.causal_chain(nid))
        return [n for n in self.order() if n in seen]

    def chain_edges(self, node_ids: list[str]) -> list[Edge]:
        """The causal edges inside the chain of ``node_ids``."""
        chain = set(self.chain_of(node_ids))
        return [e for e in self.causal_edges() if e.source in chain and e.target in chain]

    def paths_to(self, node_id: str) -> list[list[str]]:
        """Every causal path from a root (a node with no causal parent) to ``node_id``."""
        self.node(node_id)
        rank = {n: i for i, n in enumerate(self.order())}

        def walk(n: str) -> list[list[str]]:
            parents = sorted(self.parents(n), key=rank.__getitem__)
            if not parents:
                return [[n]]
            return [p + [n] for parent in parents for p in walk(parent)]

        return walk(node_id)

    def edge(self, source: str, target: str) -> Edge:
        for e in self.edges:
            if e.source == source and e.target == target:
                return e
        raise KeyError(f"no edge {source} -> {target}")
