"""The causal pathway from nerve damage to pain, as data (nodes, edges, stages).

Also the graph questions every renderer asks (causal chain of a node, the paths that
lead to it, the order of nodes), so the figures, the minimap and the quiz feedback all
answer them the same way. No drawing here.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .models import NonEmpty, RefKey, Slug, Strict

NodeKind = Literal["cause", "lesion", "mechanism", "symptom", "pain", "trigger", "consequence"]
NODE_KINDS: tuple[str, ...] = NodeKind.__args__  # type: ignore[attr-defined]
Branch = Literal["sensory", "shared", "motor"]
BRANCHES: tuple[str, ...] = Branch.__args__  # type: ignore[attr-defined]


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


class Pathway(Strict):
    nodes: list[Node] = Field(min_length=1)
    edges: list[Edge] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    pain_types: list[PainType] = Field(min_length=1)

    @model_validator(mode="after")
    def _graph(self):
        ids = [n.id for n in self.nodes]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate node id(s) {', '.join(dupes)}; give each node its own id")
        known = set(ids)
        for i, e in enumerate(self.edges):
            for end in (e.source, e.target):
                if end not in known:
                    raise ValueError(f"edge {i + 1} ({e.source} -> {e.target}) names unknown node "
                                     f"{end!r}; add the node or fix the id")
        pairs = [(e.source, e.target) for e in self.edges]
        for i, pair in enumerate(pairs):
            if pairs.index(pair) != i:
                raise ValueError(f"edge {i + 1} ({pair[0]} -> {pair[1]}) is listed twice; "
                                 "remove the copy")
            if pair[0] == pair[1]:
                raise ValueError(f"edge {i + 1} leads from {pair[0]!r} to itself; remove it")
        numbers = [s.number for s in self.stages]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"stages are numbered {numbers}; number them 1, 2, 3, ... in order")
        for n in self.nodes:
            if n.stage not in numbers:
                raise ValueError(f"node {n.id!r} is in stage {n.stage}, which is not among the "
                                 f"stages (1-{len(numbers)}); add the stage or fix the number")
        pain_ids = [p.id for p in self.pain_types]
        for p in self.pain_types:
            if pain_ids.count(p.id) > 1:
                raise ValueError(f"pain type {p.id!r} is listed twice")
            if p.node not in known:
                raise ValueError(f"pain type {p.id!r} names unknown node {p.node!r}; "
                                 "use a node id from the nodes list")
        roots = [n.id for n in self.nodes if n.kind in ("cause", "trigger")]
        if not roots:
            raise ValueError("no node has kind 'cause' or 'trigger': the pathway needs a root")
        reach = set(roots)
        frontier = list(roots)
        while frontier:
            here = frontier.pop()
            for e in self.edges:
                if e.source == here and e.target not in reach:
                    reach.add(e.target)
                    frontier.append(e.target)
        orphans = [i for i in ids if i not in reach]
        if orphans:
            raise ValueError(f"node(s) {', '.join(orphans)} cannot be reached from a root cause; "
                             "add an edge leading to them")
        # a cycle made only of edges not marked `loop: true` is an error
        forward: dict[str, list[str]] = {}
        for e in self.edges:
            if not e.loop:
                forward.setdefault(e.source, []).append(e.target)
        state: dict[str, int] = {}

        def visit(n: str, trail: list[str]) -> None:
            state[n] = 1
            for m in forward.get(n, []):
                if state.get(m) == 1:
                    cyc = trail[trail.index(m):] + [n, m] if m in trail else [n, m]
                    raise ValueError(f"unmarked cycle {' -> '.join(cyc)}: mark the edge that "
                                     "closes a feedback loop with 'loop: true'")
                if m not in state:
                    visit(m, trail + [n])
            state[n] = 2

        for n in ids:
            if n not in state:
                visit(n, [])
        # drawn left to right by stage: a causal (non-loop) edge must not run backwards
        stage = {n.id: n.stage for n in self.nodes}
        for i, e in enumerate(self.edges):
            if not e.loop and stage[e.source] > stage[e.target]:
                raise ValueError(f"edge {i + 1} ({e.source} -> {e.target}) runs from stage "
                                 f"{stage[e.source]} back to stage {stage[e.target]}; move a node "
                                 "to another stage or mark the edge 'loop: true'")
        return self

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
        """Every node id in causal order: stage, then a topological order, then file order."""
        position = {n.id: i for i, n in enumerate(self.nodes)}
        stage = {n.id: n.stage for n in self.nodes}
        indegree = {n.id: 0 for n in self.nodes}
        for e in self.causal_edges():
            indegree[e.target] += 1
        ready = [n for n, d in indegree.items() if d == 0]
        out: list[str] = []
        while ready:
            ready.sort(key=lambda n: (stage[n], position[n]))
            here = ready.pop(0)
            out.append(here)
            for child in self.children(here):
                indegree[child] -= 1
                if indegree[child] == 0:
                    ready.append(child)
        return out

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
