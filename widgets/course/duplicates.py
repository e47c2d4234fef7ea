"""Near-duplicate quiz items across the banks (a rule of ``widgets check``): the same
facts asked in the same form, or nearly the same prompt."""
from __future__ import annotations

import difflib
from functools import lru_cache

NEAR_DUPLICATE = 0.85       # prompt similarity (difflib ratio) that counts as the same item


def _parallel(a, b) -> bool:
    return {a.use, b.use} == {"pre", "post"}


def _near(a: str, m: difflib.SequenceMatcher) -> bool:
    """``SequenceMatcher(None, a, b).ratio() >= NEAR_DUPLICATE`` for ``m``'s ``b`` (set
    once per question), with difflib's cheap upper bounds tried first: the same answer;
    the full ratio of every pair made each check of the course take 3 s."""
    m.set_seq1(a)
    return (m.real_quick_ratio() >= NEAR_DUPLICATE and m.quick_ratio() >= NEAR_DUPLICATE
            and m.ratio() >= NEAR_DUPLICATE)


@lru_cache(maxsize=8)
def _near_pairs(prompts: tuple[str, ...]) -> frozenset[tuple[int, int]]:
    """Every (i, j), j < i, whose prompts are near duplicates: a pure function of the
    prompts, so checking the same banks again (an editor's loop, the tests) costs nothing."""
    pairs = set()
    matchers: list[difflib.SequenceMatcher] = []
    for i, prompt in enumerate(prompts):
        pairs.update((i, j) for j, m in enumerate(matchers) if _near(prompt, m))
        matchers.append(difflib.SequenceMatcher(None, "", prompt))
    return frozenset(pairs)


def duplicates(ctx, all_stats) -> None:
    """Report each item that repeats an earlier one (same facts and form, or prompt)."""
    near = _near_pairs(tuple(q.prompt.lower() for _, _, q, _, _ in all_stats))
    seen: list[tuple] = []
    for i, (s, st, q, path, qi) in enumerate(all_stats):
        for j, (s2, st2, q2, path2, _) in enumerate(seen):
            if _parallel(q, q2) and s is s2:
                continue
            same_form = (q.facts and sorted(q.facts) == sorted(q2.facts) and q.kind == q2.kind
                         and q.level == q2.level)
            if same_form or (i, j) in near:
                why = ("tests the same facts in the same form (kind, level) as"
                       if same_form else "has nearly the same prompt as")
                ctx.add(path, ctx.line(path, ("questions", qi, "id")),
                        f"question {q.id!r} {why} {q2.id!r} ({path2.name}); change one or drop it")
                break
        seen.append((s, st, q, path, qi))
