"""Item-writing rules for the quiz banks, and the measures they rest on.

``python -m widgets check`` calls :func:`check_banks` once the banks have loaded; the
measures (:func:`item_stats`, :func:`bank_stats`) also feed ``python -m widgets quiz-report``.
Rates are judged only on enough items to mean something (``MIN_*`` below).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .duplicates import duplicates as _duplicates
from .models import cited_keys

APPLY_PER_BANK = 3          # apply (case) items in every bank after start-here
APPLY_SHARE = 0.30          # share of apply items across the course
LONGEST_KEY_MAX = 1 / 3     # single items whose uniquely longest option is the key
MIN_SINGLE = 3              # single items a bank needs before the two rates above are judged
ABSOLUTE_SLACK = 0.05       # wrong options may carry absolute words this much more often than keys
ABSOLUTE_RE = re.compile(r"\b(always|never|only|all|none|every|everyone|nothing|no one|"
                         r"completely|entirely)\b", re.I)
GENERIC = {"pain", "and", "the", "with", "from", "loss", "input", "changed", "activated",
           "ongoing", "higher", "lesion", "more", "less"}


# --------------------------------------------------------------------- measures
@dataclass
class ItemStats:
    id: str
    kind: str
    level: str | None
    objective: str | None
    n_options: int = 0
    n_correct: int = 0
    key_positions: tuple[int, ...] = ()
    longest_is_key: bool = False        # single: the key is the uniquely longest option
    keys_first: bool = False            # multiple: every key is listed before every wrong option
    absolute_keys: int = 0              # options carrying an absolute word
    absolute_wrong: int = 0
    uncited: list[str] = field(default_factory=list)      # keys cited in explanations, not in refs
    wrong_nodes: list[str] = field(default_factory=list)  # hint nodes named only by wrong options


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    return (word[:-1] if len(word) > 4 and word.endswith("s") else word)[:7]


def _words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) > 2}


def _node_words(label: str) -> set[str]:
    return {w for w in _words(re.sub(r"\(.*?\)", "", label)) if w not in GENERIC}


def _explanations(q) -> list[str]:
    if q.kind in ("single", "multiple"):
        return [o.explanation for o in q.options]
    if q.kind == "truefalse":
        return [q.explanations.true, q.explanations.false]
    if q.kind == "ordering":
        return [s.explanation for s in q.steps]
    return [p.explanation for p in q.pairs]


def item_stats(q, node_labels: dict[str, str] | None = None) -> ItemStats:
    st = ItemStats(q.id, q.kind, q.level, q.objective)
    refs = set(q.refs)
    st.uncited = sorted({k for text in _explanations(q) for k in cited_keys(text)} - refs)
    if q.kind not in ("single", "multiple"):
        return st
    opts = q.options
    st.n_options, st.n_correct = len(opts), sum(o.correct for o in opts)
    st.key_positions = tuple(i for i, o in enumerate(opts) if o.correct)
    lengths = [len(o.text) for o in opts]
    if q.kind == "single":
        k = st.key_positions[0]
        st.longest_is_key = all(lengths[k] > n for i, n in enumerate(lengths) if i != k)
    else:
        st.keys_first = st.key_positions == tuple(range(st.n_correct))
    for o in opts:
        if ABSOLUTE_RE.search(o.text):
            if o.correct:
                st.absolute_keys += 1
            else:
                st.absolute_wrong += 1
    if node_labels:
        key_text = _words(" ".join([q.prompt] + [o.text + " " + o.explanation for o in opts if o.correct]))
        for nid in q.nodes:
            words = _node_words(node_labels.get(nid, nid.replace("-", " ")))
            if not words or words & key_text:
                continue
            if any(words & _words(o.text + " " + o.explanation) for o in opts if not o.correct):
                st.wrong_nodes.append(nid)
    return st


@dataclass
class BankStats:
    section: str
    items: list[ItemStats]
    objectives: list[str]

    def of(self, kind: str) -> list[ItemStats]:
        return [i for i in self.items if i.kind == kind]

    @property
    def kinds(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in self.items:
            out[i.kind] = out.get(i.kind, 0) + 1
        return out

    @property
    def levels(self) -> dict[str, int]:
        out = {"recall": 0, "understand": 0, "apply": 0, "none": 0}
        for i in self.items:
            out[i.level or "none"] += 1
        return out

    @property
    def covered(self) -> list[str]:
        tested = {i.objective for i in self.items}
        return [o for o in self.objectives if o in tested]

    @property
    def longest_key(self) -> tuple[int, int]:
        singles = self.of("single")
        return sum(i.longest_is_key for i in singles), len(singles)

    @property
    def correct_counts(self) -> list[int]:
        return sorted(i.n_correct for i in self.of("multiple"))

    @property
    def absolute(self) -> tuple[int, int, int, int]:
        """(keys with an absolute word, keys, wrong options with one, wrong options)."""
        ch = self.of("single") + self.of("multiple")
        return (sum(i.absolute_keys for i in ch), sum(i.n_correct for i in ch),
                sum(i.absolute_wrong for i in ch), sum(i.n_options - i.n_correct for i in ch))


def bank_stats(section, bank, node_labels: dict[str, str] | None = None) -> BankStats:
    return BankStats(section.id, [item_stats(q, node_labels) for q in bank.questions],
                     [o.id for o in section.meta.objectives])


def node_labels(pathway) -> dict[str, str]:
    return {n.id: n.label for n in pathway.nodes} if pathway is not None else {}


# ------------------------------------------------------------------------ rules
def in_scope(bank, facts) -> bool:
    """The rules cover every bank once facts.yaml says every item declares its metadata
    (``checks: {quiz_scope: all}``); before that, the banks whose items declare any."""
    if facts is not None and facts.checks.quiz_scope == "all":
        return True
    return any(q.objective or q.level or q.audience or q.facts for q in bank.questions)


def check_banks(ctx, sections, banks, pathway, facts=None) -> None:
    """Add a problem to ``ctx`` (the loader's context) for every broken item-writing rule."""
    labels = node_labels(pathway)
    last = max((s.order for s in sections), default=0)
    all_stats: list[tuple[object, ItemStats, object, Path, int]] = []
    for s in sections:
        bank = banks.get(s.id)
        if bank is None or not in_scope(bank, facts):
            continue
        path = ctx.bank_paths[s.id]
        stats = bank_stats(s, bank, labels)
        for qi, (q, st) in enumerate(zip(bank.questions, stats.items)):
            all_stats.append((s, st, q, path, qi))
            _item_rules(ctx, path, qi, q, st, s.order == 0)
        _bank_rules(ctx, s, bank, stats, path, last)
    _course_rules(ctx, all_stats)


def _item_rules(ctx, path, qi, q, st: ItemStats, first: bool) -> None:
    line = ctx.line(path, ("questions", qi, "id"))
    missing = [f for f in ("objective", "level", "audience") if getattr(q, f) is None]
    if not q.facts and not first:  # start-here items on using the course rest on no fact
        missing.append("facts")
    if missing:
        ctx.add(path, line, f"question {q.id!r} lacks item metadata: {', '.join(missing)}; every "
                            "item names its objective, level, audience and facts (content/README.md)")
    # unknown fact ids and explanation keys missing from refs: integrity.py reports them
    if st.wrong_nodes:
        ctx.add(path, ctx.line(path, ("questions", qi, "nodes")),
                f"question {q.id!r}: pathway node(s) {', '.join(st.wrong_nodes)} come from a wrong "
                "option, so the hint after a wrong answer points at the wrong mechanism; list the "
                "nodes of the key's mechanism")
    if q.kind == "multiple" and st.n_correct == st.n_options:
        ctx.add(path, line, f"question {q.id!r}: every option is correct; add a plausible wrong one")


def _bank_rules(ctx, s, bank, stats: BankStats, path, last: int) -> None:
    bank_line = ctx.line(path, ("questions",))
    for oi, o in enumerate(s.meta.objectives):
        if o.id not in {q.objective for q in bank.questions}:
            ctx.add(Path(s.file), ctx.line(Path(s.file), ("objectives", oi, "id")),
                    f"objective {o.id!r} of section {s.id!r} has no quiz item; add one to "
                    f"quizzes/{path.name} naming 'objective: {o.id}'")
    apply_n = stats.levels["apply"]
    if s.order > 0 and apply_n < APPLY_PER_BANK:
        ctx.add(path, bank_line, f"the {s.id!r} bank has {apply_n} apply item(s) (cases); write at "
                                 f"least {APPLY_PER_BANK}: a person, what they feel, what to do")
    longest, singles = stats.longest_key
    if singles >= MIN_SINGLE and longest > LONGEST_KEY_MAX * singles:
        ctx.add(path, bank_line, f"in {longest} of {singles} single-choice items of the {s.id!r} "
                                 "bank the key is the longest option (at most a third); shorten keys "
                                 "or lengthen distractors")
    if singles >= MIN_SINGLE and len({i.key_positions for i in stats.of("single")}) == 1:
        ctx.add(path, bank_line, f"the key is option {stats.of('single')[0].key_positions[0] + 1} "
                                 f"in every single-choice item of the {s.id!r} bank; the handout "
                                 "keeps the file's order, so vary where the key sits")
    multi = stats.of("multiple")
    if len(multi) >= 2 and len(set(stats.correct_counts)) == 1:
        ctx.add(path, bank_line, f"every multiple-answer item of the {s.id!r} bank has "
                                 f"{stats.correct_counts[0]} correct options; vary it between 1 and 4")
    if len(multi) >= 2 and all(i.keys_first for i in multi):
        ctx.add(path, bank_line, f"in every multiple-answer item of the {s.id!r} bank the correct "
                                 "options come first; mix them in")
    parts = {p.slug: p for p in s.parts}
    for slug, part in parts.items():
        n = sum(q.part == slug for q in bank.questions)
        if not 1 <= n <= 2:
            ctx.add(Path(s.file), part.line,
                    f"part {slug!r} has {n} check-yourself item(s); give it 1 or 2 "
                    f"(part: {slug} in quizzes/{path.name})")
    if 0 < s.order < last:
        for use in ("pre", "post"):
            n = sum(q.use == use for q in bank.questions)
            if n != 1:
                ctx.add(path, bank_line, f"the {s.id!r} bank has {n} 'use: {use}' item(s); it "
                                         f"needs exactly one (the section's {use}-test item)")
        pre = [q for q in bank.questions if q.use == "pre"]
        post = [q for q in bank.questions if q.use == "post"]
        if len(pre) == 1 and len(post) == 1:
            if not set(pre[0].facts) & set(post[0].facts):
                ctx.add(path, bank_line, f"pre-test item {pre[0].id!r} and post-test item "
                                         f"{post[0].id!r} share no fact; make them parallel items")


def _course_rules(ctx, all_stats) -> None:
    if not all_stats:
        return
    apply_n = sum(st.level == "apply" for _, st, _, _, _ in all_stats)
    if apply_n < APPLY_SHARE * len(all_stats):
        _s, _st, _q, path, _qi = all_stats[0]
        ctx.add(path, 1, f"{apply_n} of {len(all_stats)} items across the course are apply items "
                         f"(cases); at least {APPLY_SHARE:.0%} should be")
    ak = sum(st.absolute_keys for _, st, _, _, _ in all_stats)
    nk = sum(st.n_correct for _, st, _, _, _ in all_stats if st.n_options)
    aw = sum(st.absolute_wrong for _, st, _, _, _ in all_stats)
    nw = sum(st.n_options - st.n_correct for _, st, _, _, _ in all_stats if st.n_options)
    if nk and nw and aw / nw > ak / nk + ABSOLUTE_SLACK:
        worst = max(all_stats, key=lambda t: t[1].absolute_wrong)
        ids = [st.id for _, st, _, _, _ in all_stats if st.absolute_wrong]
        ctx.add(worst[3], ctx.line(worst[3], ("questions", worst[4], "id")),
                f"absolute words (always, never, only, ...) are in {aw} of {nw} wrong options but "
                f"{ak} of {nk} keys; a test-wise learner rules them out. Reword wrong options in: "
                + ", ".join(ids[:12]) + (" ..." if len(ids) > 12 else ""))
    _duplicates(ctx, all_stats)
