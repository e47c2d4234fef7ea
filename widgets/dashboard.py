"""The learner's progress at a glance: a score per section, what to do next, and a reset."""
from __future__ import annotations

import html

import ipywidgets as widgets

from .progress import ProgressStore, Score, default_learner, default_store

# Okabe-Ito: complete, in progress, not started. Each bar also carries its words.
STATUS_COLOURS = {"complete": "#009E73", "in progress": "#E69F00", "not started": "#56B4E9"}

__all__ = ["progress_dashboard", "section_scores", "next_step"]


def _status(score: Score) -> str:
    if score.complete:
        return "complete"
    return "in progress" if score.answered else "not started"


def section_scores(course, store: ProgressStore, learner: str | None = None):
    """``[(section, score)]`` for every section that has a quiz, in course order."""
    out = []
    for s in course.sections:
        ids = [q.id for q in course.quiz(s.id).questions]
        if ids:
            out.append((s, store.score(ids, learner)))
    return out


def next_step(scores) -> str:
    """One line: the first section whose quiz is not yet all answered correctly."""
    if not scores:
        return "This course has no quizzes yet."
    for section, score in scores:
        if not score.complete:
            if score.answered:
                return (f"What to do next: finish the quiz of section {section.number}, "
                        f"{section.title} ({score.correct} of {score.total} answered correctly).")
            return f"What to do next: section {section.number}, {section.title}."
    return "What to do next: every quiz is answered correctly. Well done; revisit any section you like."


def _figure(scores):
    import plotly.graph_objects as go

    names = [f"{s.number} {s.title}" for s, _ in scores]
    pct = [round(100 * sc.correct / sc.total) if sc.total else 0 for _, sc in scores]
    statuses = [_status(sc) for _, sc in scores]
    text = [f"{sc.correct} of {sc.total} ({st})" for (_, sc), st in zip(scores, statuses)]
    fig = go.Figure(go.Bar(
        x=pct, y=names, orientation="h", text=text, textposition="outside",
        marker={"color": [STATUS_COLOURS[st] for st in statuses],
                "line": {"color": "#1a1a1a", "width": 1}},
        hovertemplate="%{y}: %{text}<extra></extra>", cliponaxis=False))
    fig.update_layout(
        title={"text": "Quiz score per section (% answered correctly)"},
        xaxis={"range": [0, 135], "title": {"text": "% of questions answered correctly"},
               "tickvals": [0, 25, 50, 75, 100]},
        yaxis={"autorange": "reversed"},
        height=120 + 40 * len(scores), margin={"l": 10, "r": 10, "t": 50, "b": 40},
        template="simple_white", font={"color": "#1a1a1a"})
    return fig


def _summary_html(scores, learner: str) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(s.number)} {html.escape(s.title)}</td>"
        f"<td>{sc.correct} of {sc.total}</td><td>{_status(sc)}</td></tr>" for s, sc in scores)
    return (f'<p class="ms-dashboard__next"><strong>{html.escape(next_step(scores))}</strong></p>'
            f'<table class="ms-dashboard__table"><caption>Progress of {html.escape(learner)}'
            "</caption><thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Answered "
            "correctly</th><th scope=\"col\">Status</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def progress_dashboard(course, store: ProgressStore | None = None, *, learner: str | None = None):
    """A VBox: an HTML summary (what to do next + a table), a bar chart, and a reset button.

    Carries ``.summary`` (HTML), ``.figure`` (the plotly Figure), ``.chart`` (an Output
    showing it), ``.reset_button``, ``.confirm_button``, ``.cancel_button`` and
    ``.refresh()``.
    """
    store = store if store is not None else default_store()
    learner = learner or default_learner()
    summary = widgets.HTML()
    chart = widgets.Output()
    reset = widgets.Button(description="Reset progress", icon="trash",
                           tooltip="Forget every saved quiz answer (asks you to confirm)")
    confirm = widgets.Button(description="Yes, reset", button_style="danger",
                             tooltip="Confirm: forget every saved quiz answer")
    cancel = widgets.Button(description="Cancel", tooltip="Keep your saved answers")
    question = widgets.HTML(value="<p><strong>Are you sure?</strong> This forgets every saved "
                                  "quiz answer on this computer for this learner.</p>")
    confirm_box = widgets.VBox([question, widgets.HBox([confirm, cancel])])
    confirm_box.layout.display = "none"
    box = widgets.VBox([summary, chart, reset, confirm_box])
    box.add_class("ms-dashboard")

    def refresh():
        scores = section_scores(course, store, learner)
        summary.value = _summary_html(scores, learner)
        box.figure = _figure(scores) if scores else None
        chart.outputs = ()
        if box.figure is not None:
            import plotly.io as pio

            bundle = pio.renderers["plotly_mimetype"].to_mimebundle(box.figure.to_dict())
            bundle["text/plain"] = next_step(scores)
            chart.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)

    def ask(_b=None):
        confirm_box.layout.display = None
        reset.disabled = True

    def close(_b=None):
        confirm_box.layout.display = "none"
        reset.disabled = False

    def do_reset(_b=None):
        store.reset(learner)
        close()
        refresh()

    reset.on_click(ask)
    cancel.on_click(close)
    confirm.on_click(do_reset)
    refresh()
    box.summary = summary
    box.chart = chart
    box.reset_button = reset
    box.confirm_button = confirm
    box.cancel_button = cancel
    box.confirm_box = confirm_box
    box.refresh = refresh
    return box
