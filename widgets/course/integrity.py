"""Content-integrity rules: numbers, partly verified facts, red flags, quiz citations.

1. Every number the course states (prose, key points, notes, glossary, pathway, charts, red
   flags; quiz items in scope) is a number of a fact in content/facts.yaml, and the sentence
   that states it cites that fact's reference key. Numbers that are not facts are recognised:
   section and type numbers, years, recommendation numbers (1.4.2), list numbering and the
   phrases facts.yaml lists under ``not_facts``.
2. A sentence that states a P (partly verified) fact names its source.
3. Every red-flag item says "new" or "suddenly"; a section's red-flag list repeats the red
   flags of course.yaml word for word, so they read the same everywhere.
4. A reference key cited in a question's explanations is in that question's ``refs``.
5. Every reference link is a full address (https://...), not a bare PMID or PMC number.

Quiz items are in scope for rules 1-3 when they list ``facts:``, or all of them when
facts.yaml sets ``checks: {quiz_scope: all}``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .facts import Facts, numbers_in
from .models import cited_keys
from .textunits import (Unit, chart_units, course_units, glossary_units, pathway_units,
                        section_units, sentences)

# ----------------------------------------------------------- recognised non-facts
_JOIN = r"(?:\s*(?:,|and|to|or|-)\s*\d+)*"
NOT_FACT_PATTERNS = [
    re.compile(rf"\b[Ss]ections?\s+\d+{_JOIN}"),            # section 7, sections 4 to 6
    re.compile(rf"\b[Tt]ypes?\s+\d+{_JOIN}"),               # Truini's types 3 and 4
    re.compile(r"\*\*\d{2}\s"),                              # **03 Nerve damage** (course map)
    re.compile(r"(?:^|\|)\s*\d+(?:-\d+)?\.\s"),              # numbered list / "| 8-9. ..." cells
    re.compile(r"\b\d+\.\d+\.\d+\b"),                       # recommendation 1.4.2
    re.compile(r"\b(?:1[89]|20)\d{2}\b"),                    # years (in citations, dates)
]
NEW_WORDS = re.compile(r"\b(?:new|newly|suddenly)\b", re.I)
RED_FLAG_SIGN = re.compile(r"\bsaddle\b", re.I)   # a cauda equina sign restated anywhere


def strip_not_facts(text: str, facts: Facts) -> str:
    for nf in facts.not_facts:
        text = text.replace(nf.text, " ")
    for pattern in NOT_FACT_PATTERNS:
        text = pattern.sub(" ", text)
    return text


# ------------------------------------------------------------------- the rules
def check_integrity(ctx, info, sections, banks, glossary, pathway, charts, facts,
                    references=None) -> None:
    """Run every content-integrity rule and add each problem to ``ctx``."""
    units = [*course_units(ctx, info), *section_units(ctx, sections),
             *glossary_units(ctx, glossary), *pathway_units(ctx, pathway),
             *chart_units(ctx, charts)]
    for unit in units:
        if facts is not None:
            _check_numbers(ctx, unit, facts)
        _check_red_flag(ctx, unit, info)
    _check_red_flag_lists(ctx, [u for u in units if u.red_flag], info)
    for sid, bank in banks.items():
        path = ctx.bank_paths[sid]
        for qi, q in enumerate(bank.questions):
            _check_question(ctx, path, qi, q, facts)
    _check_links(ctx, references or {})


LINK = re.compile(r"^https?://\S+$")


def _check_links(ctx, references) -> None:
    """Rule 5: every reference link is an address a reader can open."""
    path = ctx.root / "references.yaml"
    for key, ref in references.items():
        for link in (ref.link or "").split("; ") if ref.link else []:
            if not LINK.match(link.strip()):
                ctx.add(path, ctx.line(path, (key, "link")),
                        f"{key}: link {link!r} is not an address a reader can open; write it in "
                        "full (https://pubmed.ncbi.nlm.nih.gov/PMID/, "
                        "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC.../, https://doi.org/...)")


def _check_numbers(ctx, unit: Unit, facts: Facts, allowed: dict | None = None,
                   where: str = "", sources: bool = True) -> None:
    """Rules 1 and 2 on one unit; ``allowed`` (quiz items) limits the facts to those the
    item declares, by number; ``sources=False`` skips rule 2 (an option's bare label)."""
    for sentence in sentences(strip_not_facts(unit.text, facts)):
        keys = set(cited_keys(sentence)) | unit.keys
        p_hits = []
        for number in dict.fromkeys(numbers_in(sentence)):
            candidates = (allowed.get(number, []) if allowed is not None
                          else facts.with_number(number))
            cited = [f for f in candidates if set(f.refs) & keys]
            if not candidates:
                ctx.add(unit.path, unit.line, _unlisted(number, sentence, where, allowed is not None))
            elif not cited:
                want = ", ".join(sorted({r for f in candidates for r in f.refs}))
                ctx.add(unit.path, unit.line,
                        f"{where}the number {number} (fact {candidates[0].id!r}) needs its reference "
                        f"key in the same sentence: cite [{want}] in {_short(sentence)!r}")
            elif not any(f.status == "V" for f in cited):
                p_hits.extend(cited)
        lowered = sentence.lower()
        for fact in facts.facts if sources else []:
            if fact.status != "P" or not set(fact.refs) & keys:
                continue
            if fact in p_hits or any(t.lower() in lowered for t in fact.terms):
                if not any(s.lower() in lowered for s in fact.source):
                    ctx.add(unit.path, unit.line,
                            f"{where}{_short(sentence)!r} states the partly verified fact "
                            f"{fact.id!r}: name its source in the same sentence "
                            f"(one of: {', '.join(fact.source)})")


def _unlisted(number: str, sentence: str, where: str, quiz: bool) -> str:
    if quiz:
        return (f"{where}the number {number} in {_short(sentence)!r} is not in any fact the "
                "question lists under 'facts:'; add the fact's id there (content/facts.yaml)")
    return (f"{where}the number {number} in {_short(sentence)!r} is not in content/facts.yaml; "
            "add the fact it states (id, value, measures, refs, status), or list the phrase "
            "under not_facts if it is not a fact")


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*_`|]", " ", text).split()).casefold()


def _check_red_flag(ctx, unit: Unit, info, where: str = "") -> None:
    flagged = unit.red_flag or RED_FLAG_SIGN.search(unit.text)
    if flagged and not NEW_WORDS.search(unit.text):
        ctx.add(unit.path, unit.line,
                f"{where}red flag without 'new' or 'suddenly': many people with MS already live "
                "with leg weakness or bladder problems, so say the sign is new or suddenly worse "
                f"({_short(unit.text)!r})")
    if unit.red_flag and info is not None and unit.path.name != "course.yaml":
        text = _plain(unit.text)
        if not any(_plain(f.signs) in text and _plain(f.action) in text for f in info.red_flags):
            ctx.add(unit.path, unit.line,
                    "this red flag does not repeat one of course.yaml's red flags word for word "
                    "(signs and action); copy them from course.yaml so every page says the same")


def _check_red_flag_lists(ctx, units: list[Unit], info) -> None:
    """A section's red-flag list leaves none of course.yaml's red flags out."""
    if info is None:
        return
    by_file: dict[Path, list[Unit]] = {}
    for u in units:
        if u.path.name != "course.yaml":
            by_file.setdefault(u.path, []).append(u)
    for path, items in by_file.items():
        texts = [_plain(u.text) for u in items]
        for flag in info.red_flags:
            if not any(_plain(flag.signs) in t for t in texts):
                ctx.add(path, items[0].line,
                        f"this red-flag list leaves out course.yaml's red flag "
                        f"{_short(flag.signs)!r}; list every red flag, word for word")


def _check_question(ctx, path: Path, qi: int, q, facts: Facts | None) -> None:
    known = facts.by_id() if facts is not None else {}
    for fid in q.facts:
        if facts is not None and fid not in known:
            ctx.add(path, ctx.line(path, ("questions", qi, "facts")),
                    f"question {q.id!r} names fact {fid!r}, which content/facts.yaml does not "
                    "define; use one of its ids")
    if not (q.facts or facts is None or facts.checks.quiz_scope == "all"):
        return   # outside the quiz scope (facts.yaml: checks.quiz_scope)
    refs = set(q.refs)
    explained = [t for _, t, is_expl in _question_texts(q) if is_expl]
    missing = [k for k in dict.fromkeys(k for t in explained for k in cited_keys(t)) if k not in refs]
    if missing:
        ctx.add(path, ctx.line(path, ("questions", qi, "id")),
                f"question {q.id!r} cites {', '.join(missing)} in its explanations but not in "
                f"its refs; add {', '.join(missing)} to refs")
    if facts is None:
        return
    declared = [known[f] for f in q.facts if f in known]
    pool: dict[str, list] = {}
    for fact in declared:
        for number in fact.numbers:
            pool.setdefault(number, []).append(fact)
    where = f"question {q.id!r}: "
    for loc, text, is_explanation in _question_texts(q):
        unit = Unit(path, ctx.line(path, ("questions", qi, *loc)), text, frozenset(refs))
        # rule 2 reads explanations: a prompt poses a case, an option is a bare label
        _check_numbers(ctx, unit, facts, allowed=pool, where=where, sources=is_explanation)
        _check_red_flag(ctx, unit, None, where=where)


def _question_texts(q) -> Iterator[tuple[tuple, str, bool]]:
    """(location, text, is_explanation) for every text of a question."""
    yield ("prompt",), q.prompt, False
    for i, o in enumerate(getattr(q, "options", [])):
        yield ("options", i, "text"), o.text, False
        yield ("options", i, "explanation"), o.explanation, True
    if q.kind == "truefalse":
        yield ("explanations", "true"), q.explanations.true, True
        yield ("explanations", "false"), q.explanations.false, True
    for i, s in enumerate(getattr(q, "steps", [])):
        yield ("steps", i, "text"), s.text, False
        yield ("steps", i, "explanation"), s.explanation, True
    for i, p in enumerate(getattr(q, "pairs", [])):
        yield ("pairs", i, "left"), p.left, False
        yield ("pairs", i, "right"), p.right, False
        yield ("pairs", i, "explanation"), p.explanation, True
