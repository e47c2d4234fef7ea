"""`python -m widgets quiz-report`: the quiz bank's shape at a glance, and item analysis.

Shape (per section): items, kinds, levels, objectives covered, how often the key is the
longest option, the spread of correct counts in multiple-answer items, where the key sits.

Item analysis (``--progress FILE...``): every learner in every progress file counts once.
Difficulty is the share correct at the first try (the entry's ``first`` record; files
written before it existed only hold the latest check, used instead). With a class (two
learners or more) it adds each option's pick rate and flags items everyone gets right or
nobody does. Nothing is written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .course.bank_rules import BankStats, bank_stats, node_labels

KIND_ABBR = {"single": "s", "multiple": "m", "truefalse": "tf", "ordering": "o", "matching": "mt"}
MAX_VERSION = 2
MIN_CLASS = 2


class ProgressFileError(Exception):
    """A progress file that cannot be read; the message names the file and the fix."""


# ------------------------------------------------------------------------ shape
def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def _places(bank) -> str:
    qs = bank.questions
    quiz = sum(q.part is None and q.use is None for q in qs)
    return (f"{quiz}/{sum(q.part is not None for q in qs)}/{sum(q.use == 'pre' for q in qs)}"
            f"/{sum(q.use == 'post' for q in qs)}/{sum(q.review for q in qs)}")


def _row(st: BankStats, bank, number: str) -> list[str]:
    kinds = " ".join(f"{KIND_ABBR[k]}{n}" for k, n in st.kinds.items())
    lv = st.levels
    levels = f"{lv['recall']}/{lv['understand']}/{lv['apply']}" + (f" (+{lv['none']}?)" if lv["none"] else "")
    longest, singles = st.longest_key
    counts = st.correct_counts
    spread = ",".join(str(c) for c in sorted(set(counts))) if counts else "-"
    positions = sorted({i.key_positions[0] + 1 for i in st.of("single")})
    ak, nk, aw, nw = st.absolute
    aud = [q.audience for q in bank.questions]
    audiences = f"{aud.count('patients')}/{aud.count('clinicians')}/{aud.count('everyone')}"
    return [f"{number} {st.section}", str(len(st.items)), _places(bank), kinds, levels, audiences,
            f"{len(st.covered)}/{len(st.objectives)}",
            f"{longest}/{singles}" if singles else "-", spread,
            ",".join(map(str, positions)) or "-", f"{ak}/{nk} {aw}/{nw}"]


HEADER = ["section", "items", "quiz/part/pre/post/rev", "kinds", "rec/und/app", "pat/clin/all",
          "objectives",
          "longest=key", "multi correct", "key at", "absolute k w"]


def shape_report(course) -> str:
    labels = node_labels(course.pathway)
    rows, all_items = [], []
    totals = dict(items=0, longest=0, singles=0, apply=0, covered=0, objectives=0)
    for s in course.sections:
        bank = course.banks.get(s.id)
        if bank is None:
            continue
        st = bank_stats(s, bank, labels)
        rows.append(_row(st, bank, s.number))
        all_items.extend(st.items)
        lk, ns = st.longest_key
        totals.update(items=totals["items"] + len(st.items), longest=totals["longest"] + lk,
                      singles=totals["singles"] + ns, apply=totals["apply"] + st.levels["apply"],
                      covered=totals["covered"] + len(st.covered),
                      objectives=totals["objectives"] + len(st.objectives))
    multi = sorted(i.n_correct for i in all_items if i.kind == "multiple")
    spread = {c: multi.count(c) for c in sorted(set(multi))}
    n = max(totals["items"], 1)
    summary = (f"{totals['items']} items; apply {totals['apply']} ({totals['apply'] / n:.0%}); "
               f"objectives covered {totals['covered']}/{totals['objectives']}; key is the "
               f"longest option in {totals['longest']}/{totals['singles']} single items; "
               f"multiple-answer correct counts {spread or '-'}")
    legend = ("kinds: s single, m multiple, tf true/false, o ordering, mt matching; audiences: "
              "patients/clinicians/everyone; 'key at': "
              "positions of the single items' key in the file; absolute: keys/wrong options "
              "with always, never, only ...")
    return "\n".join([_table(HEADER, rows), "", summary, legend])


# --------------------------------------------------------------- item analysis
@dataclass
class ItemAnalysis:
    id: str
    section: str
    kind: str
    first: list[tuple[object, bool]] = field(default_factory=list)  # (answer, correct) per learner

    @property
    def n(self) -> int:
        return len(self.first)

    @property
    def difficulty(self) -> float:
        """Share correct at the first try (1.0 = everyone right)."""
        return sum(c for _, c in self.first) / self.n if self.n else float("nan")

    @property
    def flag(self) -> str:
        if self.n < MIN_CLASS:
            return ""
        if all(c for _, c in self.first):
            return "everyone right"
        if not any(c for _, c in self.first):
            return "nobody right"
        return ""

    def pick_rates(self, question) -> list[tuple[str, bool, float]]:
        """(option, is correct, share of learners who picked it at the first try)."""
        if question.kind == "truefalse":
            options = [("True", question.answer is True), ("False", question.answer is False)]
            picked = lambda ans, text: ans is (text == "True")  # noqa: E731
        elif question.kind in ("single", "multiple"):
            options = [(o.text, o.correct) for o in question.options]
            picked = lambda ans, text: ans == text or (isinstance(ans, list) and text in ans)  # noqa: E731
        else:
            return []
        return [(text, ok, sum(bool(picked(a, text)) for a, _ in self.first) / self.n)
                for text, ok in options]


def read_progress(path: Path) -> dict[str, dict[str, dict]]:
    """learner -> question id -> entry, from one progress file (version 1 or 2)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProgressFileError(f"{path}: cannot read the progress file ({exc.strerror}); "
                                "check the path") from None
    except (ValueError, UnicodeDecodeError):
        raise ProgressFileError(f"{path}: not a progress file (not valid JSON); pass the "
                                "progress.json a course run wrote") from None
    if not isinstance(data, dict) or not isinstance(data.get("learners"), dict):
        raise ProgressFileError(f"{path}: not a progress file (no 'learners'); pass the "
                                "progress.json a course run wrote")
    version = data.get("version", 1)
    if not isinstance(version, int) or version > MAX_VERSION:
        raise ProgressFileError(f"{path}: progress format version {version} is newer than this "
                                f"course reads ({MAX_VERSION}); update the course")
    return {str(k): v for k, v in data["learners"].items() if isinstance(v, dict)}


def first_try(entry: dict) -> tuple[object, bool] | None:
    first = entry.get("first")
    if isinstance(first, dict) and "correct" in first:
        return first.get("answer"), bool(first["correct"])
    if "correct" in entry:  # version 1: only the latest check was kept
        return entry.get("answer"), bool(entry["correct"])
    return None


def analyse(course, paths: list[Path]) -> tuple[list[ItemAnalysis], int]:
    where = {q.id: (s.id, q) for s in course.sections
             for q in getattr(course.banks.get(s.id), "questions", [])}
    items = {qid: ItemAnalysis(qid, sid, q.kind) for qid, (sid, q) in where.items()}
    learners = 0
    for path in paths:
        for _learner, answers in read_progress(path).items():
            learners += 1
            for qid, entry in answers.items():
                if qid in items and isinstance(entry, dict):
                    got = first_try(entry)
                    if got is not None:
                        items[qid].first.append(got)
    return [a for a in items.values() if a.n], learners


def analysis_report(course, paths: list[Path]) -> str:
    found, learners = analyse(course, paths)
    if not found:
        return (f"Item analysis: {learners} learner(s) in {len(paths)} file(s), but no answers "
                "to questions of this course.")
    rows = [[a.section, a.id, str(a.n), f"{a.difficulty:.0%}", a.flag] for a in found]
    out = [f"Item analysis: {learners} learner(s) in {len(paths)} file(s); difficulty = share "
           "correct at the first try", "",
           _table(["section", "item", "learners", "first-try correct", "flag"], rows)]
    if learners < MIN_CLASS:
        out.append("\nOne learner: option pick rates and flags need a class (two learners or more).")
        return "\n".join(out)
    out += ["", "Option pick rates at the first try (* = correct option):"]
    for a in found:
        rates = a.pick_rates(course.question(a.id))
        if not rates or a.n < MIN_CLASS:
            continue
        out.append(f"{a.id} ({a.n} learners)")
        out += [f"  {'*' if ok else ' '} {rate:>4.0%}  {text}" for text, ok, rate in rates]
    flagged = [a for a in found if a.flag]
    if flagged:
        out += ["", "Flagged: " + "; ".join(f"{a.id} ({a.flag})" for a in flagged)
                + ". Items everyone gets right teach little; items nobody gets may be ambiguous "
                  "or taught too briefly."]
    return "\n".join(out)


def report(course, progress: list[Path] | None = None) -> str:
    text = shape_report(course)
    if progress:
        text += "\n\n" + analysis_report(course, progress)
    return text
