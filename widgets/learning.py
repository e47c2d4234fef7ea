"""What was learned: pre/post normalised gain and confidence calibration (pure, no widgets).

Both read the learner's saved entries (``ProgressStore.answers()``) and use each
question's *first* check, so trying again until right does not inflate either measure.

- Normalised gain (Hake): g = (post - pre) / (100 - pre), with pre and post the percent
  right on the pre-test and the parallel post-test items; undefined when pre is 100.
- Calibration: the share right at each level of confidence. Under the LAPT scheme
  (widgets/quiz/confidence.py) "high" pays only above 80 % right and "low" pays best
  below 67 %, so a learner right 60 % of the time when sure is over-confident.
"""
from __future__ import annotations

from dataclasses import dataclass

from .progress import first_check
from .quiz.confidence import LEVELS, THRESHOLDS

MIN_PER_LEVEL = 3  # answers at a level before its share says anything

# Every sentence the learner reads here.
WORDS = {
    "gain_none": "Take the pre-test (further down the start-here notebook) before the "
                 "course, and the post-test in the review section at the end, to see what "
                 "you have learned.",
    "gain_pre_only": "You have taken the pre-test ({pre:.0f}% right). Take the post-test in the "
                     "review section at the end of the course to see your learning gain.",
    "gain": "Your learning gain: {g:.0f}% of what you did not know at the pre-test "
            "({pre:.0f}% right before, {post:.0f}% after).",
    "gain_full": "You got every pre-test question right, so there was no room to measure a "
                 "gain ({post:.0f}% right on the post-test).",
    "revisit": "Worth revisiting: {sections}.",
    "revisit_none": "Every post-test question was right: nothing to revisit.",
    "cal_few": "Answer a few more questions, saying how sure you are, to see whether you tend "
               "to be over- or under-confident ({n} so far).",
    "cal_over": "You tend to be over-confident: {detail} High confidence pays only when you "
                "are right more than 4 times in 5; read the explanations of the answers you "
                "were sure of again.",
    "cal_under": "You tend to be under-confident: {detail} You know more than you think; "
                 "say medium or high more often.",
    "cal_mixed": "Your confidence is mixed: {detail}",
    "cal_good": "Your confidence matches how often you are right: you are well calibrated.",
    "cal_level": "when your confidence was {level} you were right {share:.0f}% of the time "
                 "({right} of {n})",
}

__all__ = ["normalised_gain", "SectionGain", "Gains", "gains", "gain_sentence", "revisit",
           "Calibration", "calibration", "calibration_sentence", "WORDS"]


def normalised_gain(pre: float | None, post: float | None) -> float | None:
    """g = (post - pre) / (100 - pre) for percentages; None when either is missing or pre
    is already 100 (nothing left to gain)."""
    if pre is None or post is None:
        return None
    if not (0 <= pre <= 100 and 0 <= post <= 100):
        raise ValueError(f"pre and post are percentages from 0 to 100, not {pre!r} and {post!r}")
    if pre >= 100:
        return None
    return (post - pre) / (100 - pre)


def _percent(ids: list[str], answers: dict) -> float | None:
    done = [first_check(answers[i]) for i in ids if i in answers]
    if not done:
        return None
    return 100 * sum(bool(e.get("correct")) for e in done) / len(done)


@dataclass(frozen=True)
class SectionGain:
    section: object  # the Section
    pre_ids: tuple[str, ...]
    post_ids: tuple[str, ...]
    pre: float | None
    post: float | None

    @property
    def g(self) -> float | None:
        return normalised_gain(self.pre, self.post)


@dataclass(frozen=True)
class Gains:
    sections: list[SectionGain]
    pre: float | None  # over the sections answered both before and after
    post: float | None
    pre_any: float | None  # over every pre-test item answered

    @property
    def g(self) -> float | None:
        return normalised_gain(self.pre, self.post)


def gains(course, answers: dict) -> Gains:
    """Pre, post and g per section (sections with a pre- or post-test item) and overall."""
    rows = []
    for s in course.sections:
        bank = course.banks.get(s.id)
        qs = bank.questions if bank else []
        pre_ids = tuple(q.id for q in qs if q.use == "pre")
        post_ids = tuple(q.id for q in qs if q.use == "post")
        if pre_ids or post_ids:
            rows.append(SectionGain(s, pre_ids, post_ids, _percent(list(pre_ids), answers),
                                    _percent(list(post_ids), answers)))
    both = [r for r in rows if r.pre is not None and r.post is not None]
    pre_ids = [i for r in both for i in r.pre_ids if i in answers]
    post_ids = [i for r in both for i in r.post_ids if i in answers]
    all_pre = [i for r in rows for i in r.pre_ids]
    return Gains(rows, _percent(pre_ids, answers) if both else None,
                 _percent(post_ids, answers) if both else None, _percent(all_pre, answers))


def revisit(result: Gains) -> list:
    """Sections whose post-test was not all right, weakest first (then course order)."""
    weak = [r for r in result.sections if r.post is not None and r.post < 100]
    return [r.section for r in sorted(weak, key=lambda r: r.post)]


def gain_sentence(result: Gains) -> str:
    if result.g is None and result.pre is not None and result.post is not None:
        text = WORDS["gain_full"].format(post=result.post)
    elif result.g is not None:
        text = WORDS["gain"].format(g=100 * result.g, pre=result.pre, post=result.post)
    elif result.pre_any is not None:
        return WORDS["gain_pre_only"].format(pre=result.pre_any)
    else:
        return WORDS["gain_none"]
    weak = revisit(result)
    names = ", ".join(f"{s.number} {s.title}" for s in weak)
    return text + " " + (WORDS["revisit"].format(sections=names) if weak else WORDS["revisit_none"])


@dataclass(frozen=True)
class Calibration:
    counts: dict[str, tuple[int, int]]  # level -> (answers, right)

    def share(self, level: str) -> float | None:
        n, right = self.counts[level]
        return right / n if n else None

    @property
    def total(self) -> int:
        return sum(n for n, _ in self.counts.values())


def calibration(answers: dict) -> Calibration:
    """Answers and right answers at each confidence level (first checks only)."""
    counts = {lvl: [0, 0] for lvl in LEVELS}
    for entry in answers.values():
        first = first_check(entry)
        level = first.get("confidence")
        if level in counts:
            counts[level][0] += 1
            counts[level][1] += bool(first.get("correct"))
    return Calibration({lvl: (n, r) for lvl, (n, r) in counts.items()})


def _detail(cal: Calibration, level: str) -> str:
    n, right = cal.counts[level]
    return WORDS["cal_level"].format(level=level, share=100 * right / n, right=right, n=n)


def calibration_sentence(cal: Calibration) -> str:
    """Over- or under-confident, in words, from the levels with enough answers."""
    judged = [lvl for lvl in LEVELS if cal.counts[lvl][0] >= MIN_PER_LEVEL]
    if not judged:
        return WORDS["cal_few"].format(n=cal.total)
    over = [lvl for lvl in judged if lvl != "low" and cal.share(lvl) < THRESHOLDS[lvl][0]]
    under = [lvl for lvl in judged if lvl != "high" and cal.share(lvl) > THRESHOLDS[lvl][1]]
    if over and under:
        return WORDS["cal_mixed"].format(
            detail="; ".join(_detail(cal, lvl) for lvl in over + under) + ".")
    if over:
        return WORDS["cal_over"].format(detail="; ".join(_detail(cal, l) for l in over) + ".")
    if under:
        return WORDS["cal_under"].format(detail="; ".join(_detail(cal, l) for l in under) + ".")
    return WORDS["cal_good"]
