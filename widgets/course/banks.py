"""Quiz banks (quizzes/NN-slug.yaml): loading, and the checks of their items against the course."""
from __future__ import annotations

import re

from . import yamlsrc
from .context import _Ctx
from .models import QuizBank, Section
from .pathway import Pathway

QUIZ_NAME = re.compile(r"^(?P<num>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$")


def _load_banks(ctx: _Ctx, sections: list[Section]) -> dict[str, QuizBank]:
    folder = ctx.root / "quizzes"
    banks: dict[str, QuizBank] = {}
    if not folder.is_dir():
        return banks
    by_stem = {f"{s.number}-{s.id}": s for s in sections}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        if not QUIZ_NAME.match(path.name):
            ctx.add(path, 1, "quiz bank names must look like NN-slug.yaml, matching a section file")
            continue
        loaded = ctx.yaml_path(path)
        if loaded is None:
            continue
        data, node, _ = loaded
        bank = ctx.validate(QuizBank, data, path, node)
        if bank is None:
            continue
        section = by_stem.get(path.stem)
        if section is None:
            ctx.add(path, 1, f"no section file sections/{path.stem}.md for this quiz bank; "
                             "name the bank after its section")
            continue
        if bank.section != section.id:
            ctx.add(path, yamlsrc.line_of(node, ("section",)),
                    f"section {bank.section!r} does not match the file name; use section: {section.id}")
            continue
        banks[section.id] = bank
        ctx.bank_paths[section.id] = path
    return banks


def _check_question_nodes(ctx: _Ctx, banks: dict[str, QuizBank], pathway: Pathway) -> None:
    """Every pathway node a question names is one pathway.yaml defines."""
    node_ids = {n.id for n in pathway.nodes}
    for sid, bank in banks.items():
        path = ctx.bank_paths[sid]
        for qi, q in enumerate(bank.questions):
            for nid in q.nodes:
                if nid not in node_ids:
                    ctx.add(path, ctx.line(path, ("questions", qi, "nodes")),
                            f"question {q.id!r} names pathway node {nid!r}, which "
                            "pathway.yaml does not define; use one of its node ids")


def _check_question_links(ctx: _Ctx, banks: dict[str, QuizBank], sections: list[Section]) -> None:
    """Every objective and part a question names is one its section has."""
    by_id = {s.id: s for s in sections}
    for sid, bank in banks.items():
        path, section = ctx.bank_paths[sid], by_id.get(sid)
        if section is None:
            continue
        objectives = {o.id for o in section.meta.objectives}
        parts = {p.slug for p in section.parts}
        for qi, q in enumerate(bank.questions):
            if q.objective is not None and q.objective not in objectives:
                ctx.add(path, ctx.line(path, ("questions", qi, "objective")),
                        f"question {q.id!r} names objective {q.objective!r}, which the section's "
                        f"front matter does not define; use one of: {', '.join(sorted(objectives))}")
            if q.part is not None and q.part not in parts:
                ctx.add(path, ctx.line(path, ("questions", qi, "part")),
                        f"question {q.id!r} names part {q.part!r}, which the section does not "
                        f"have; use one of: {', '.join(sorted(parts))}")


def _check_unique_ids(ctx: _Ctx, banks: dict[str, QuizBank]) -> None:
    """Question ids are unique across the course."""
    all_ids: dict[str, str] = {}
    for sid, bank in banks.items():
        path = ctx.bank_paths[sid]
        for qi, q in enumerate(bank.questions):
            if q.id in all_ids:
                where = "earlier in this bank" if all_ids[q.id] == sid else f"in the {all_ids[q.id]!r} bank"
                ctx.add(path, ctx.line(path, ("questions", qi, "id")),
                        f"duplicate question id {q.id!r}: it is also used {where}; "
                        "question ids must be unique across the course")
            all_ids.setdefault(q.id, sid)
