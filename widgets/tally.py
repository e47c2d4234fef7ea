"""The class tally of the presenter view, as plain data and one Plotly figure.

Shared by the live view (:mod:`widgets.present`) and the offline page
(:mod:`widgets.present_page`): the wording of the controls, the options the room votes on,
the counts from pooled records, and the bar chart of round 1 with round 2 beside it.
"""
from __future__ import annotations

import plotly.graph_objects as go

# Every word of the presenter's controls (the offline page reads these too).
LABELS = {
    "previous": "Previous", "next": "Next", "reveal": "Reveal answer", "revote": "Re-vote",
    "round1": "Round 1", "round2": "Round 2 (after discussion)",
    "question": "Question {n} of {total}", "hands": "Hands", "add": "+1",
    "right": "✓ right answer", "right_order": "Right", "not_right": "Not right",
    "true": "True", "false": "False", "source_hands": "Show of hands",
    "source_pool": "Pooled from learners", "refresh": "Refresh pool", "live": "Live",
    "pool_off": "Pooling is off: set MS_COURSE_CLASS_DIR for the educator and the learners "
                "to pool answers from their notebooks.",
    "pool_status": "{n} learner(s) answered in round 1, {m} in round 2 (class folder {folder}).",
    "confidence": "Confidence in round {r}: {spread}",
    "no_quiz": "This section has no quiz to present.",
    "keys": "Keys: → or N next, ← or P previous, R reveal, V re-vote, 1–9 add a hand to that "
            "option.",
    "chart_title": "The room's answers", "chart_y": "Answers",
}
ROUND_COLOURS = ("#0072B2", "#E69F00")  # Okabe-Ito blue, orange; round 2 is also hatched
LETTERS = "ABCDEFGHIJ"


def tally_labels(data: dict) -> list[str]:
    """The options the room votes on, lettered as the presenter shows them."""
    kind = data["kind"]
    if kind in ("single", "multiple"):
        return [f"{LETTERS[i]}. {o['text']}" for i, o in enumerate(data["options"])]
    if kind == "truefalse":
        return [f"A. {LABELS['true']}", f"B. {LABELS['false']}"]
    return [f"A. {LABELS['right_order']}", f"B. {LABELS['not_right']}"]


def short_labels(data: dict) -> list[str]:
    """What the chart's axis and the count fields show: the letter, or the word itself
    for ordering and matching (voted on as right or not right)."""
    if data["kind"] in ("ordering", "matching"):
        return [LABELS["right_order"], LABELS["not_right"]]
    return [LETTERS[i] for i in range(len(tally_labels(data)))]


def right_labels(data: dict) -> list[int]:
    kind = data["kind"]
    if kind in ("single", "multiple"):
        return [i for i, o in enumerate(data["options"]) if o["correct"]]
    if kind == "truefalse":
        return [0 if data["answer"] else 1]
    return [0]


def pooled_counts(data: dict, records) -> list[int]:
    """Counts per tally option from pooled records (each learner's last answer)."""
    counts = [0] * len(tally_labels(data))
    for r in records:
        kind = data["kind"]
        if kind in ("single", "multiple"):
            texts = [o["text"] for o in data["options"]]
            chosen = r.answer if isinstance(r.answer, list) else [r.answer]
            for t in chosen:
                if t in texts:
                    counts[texts.index(t)] += 1
        elif kind == "truefalse":
            if isinstance(r.answer, bool):
                counts[0 if r.answer else 1] += 1
        else:
            counts[0 if r.correct else 1] += 1
    return counts


def tally_figure(data: dict, rounds: list[list[int]], revealed: bool) -> go.Figure:
    """Round 1 (and round 2 beside it) as grouped bars; the right option marked after reveal."""
    right = set(right_labels(data)) if revealed else set()
    x = [label + (" ✓" if i in right else "") for i, label in enumerate(short_labels(data))]
    fig = go.Figure()
    for r, counts in enumerate(rounds):
        fig.add_bar(x=x, y=counts, name=LABELS[f"round{r + 1}"], text=counts,
                    textposition="outside", marker_color=ROUND_COLOURS[r],
                    marker_pattern_shape="/" if r else "",
                    hovertemplate="%{x}: %{y}<extra>" + LABELS[f"round{r + 1}"] + "</extra>")
    top = max([1] + [c for counts in rounds for c in counts])
    fig.update_layout(barmode="group", height=260, margin=dict(l=40, r=10, t=40, b=30),
                      title=LABELS["chart_title"], font=dict(size=16),
                      yaxis=dict(title=LABELS["chart_y"], range=[0, top * 1.25], dtick=max(1, top // 5)),
                      legend=dict(orientation="h", y=-0.2), template="plotly_white")
    return fig
