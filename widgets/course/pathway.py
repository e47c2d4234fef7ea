"""The causal pathway from nerve damage to pain, as data (nodes, edges, stages)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .models import NonEmpty, RefKey, Slug, Strict

NodeKind = Literal["cause", "lesion", "mechanism", "symptom", "pain", "trigger", "consequence"]


class Node(Strict):
    id: Slug
    label: NonEmpty
    kind: NodeKind
    description: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    stage: int = Field(ge=1)


class Edge(Strict):
    source: Slug = Field(alias="from")
    target: Slug = Field(alias="to")
    label: NonEmpty
    refs: list[RefKey] = Field(min_length=1)
    loop: bool = False


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
            raise ValueError(f"duplicate node id(s) {', '.join(dupes)}")
        known = set(ids)
        for i, e in enumerate(self.edges):
            for end in (e.source, e.target):
                if end not in known:
                    raise ValueError(f"edge {i + 1} ({e.source} -> {e.target}) names unknown node "
                                     f"{end!r}; add the node or fix the id")
        for p in self.pain_types:
            if p.node not in known:
                raise ValueError(f"pain type {p.id!r} names unknown node {p.node!r}")
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
        forward = {}
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
        return self

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)
