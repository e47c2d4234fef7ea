"""The learner's progress at a glance: a score per section, what to do next, and a reset."""
from __future__ import annotations

import html

import ipywidgets as widgets

from .learning import calibration, calibration_sentence, gain_sentence, gains
from .progress import ProgressStore, Score, default_learner, default_store
from .quiz.confidence import LEVELS, THRESHOLDS

# Okabe-Ito: complete, in progress, not started. Each bar also carries its words.
STATUS_COLOURS = {"complete": "#009E73", "in progress": "#E69F00", "not started": "#56B4E9"}

# Okabe-Ito: the learner's share right, and the range where each level pays best.
GAIN_COLOUR, SHARE_COLOUR, BAND_COLOUR = "#0072B2", "#D55E00", "#999999"

__all__ = ["progress_dashboard", "section_scores", "next_step", "gain_figure",
           "calibration_figure", "learning_html"]


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


def _pct(x) -> str:
    return "–" if x is None else f"{x:.0f}%"


def gain_figure(result):
    """Normalised gain per section and overall (as % of what was not known before)."""
    import plotly.graph_objects as go

    rows = [r for r in result.sections if r.g is not None]
    if result.g is None and not rows:
        return None
    names = [f"{r.section.number} {r.section.title}" for r in rows]
    values = [100 * r.g for r in rows]
    text = [f"g = {r.g:.2f} ({_pct(r.pre)} → {_pct(r.post)})" for r in rows]
    if result.g is not None:
        names.insert(0, "Overall")
        values.insert(0, 100 * result.g)
        text.insert(0, f"g = {result.g:.2f} ({_pct(result.pre)} → {_pct(result.post)})")
    fig = go.Figure(go.Bar(
        x=values, y=names, orientation="h", text=text, textposition="outside", cliponaxis=False,
        marker={"color": GAIN_COLOUR, "line": {"color": "#1a1a1a", "width": 1}},
        hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.update_layout(
        title={"text": "Learning gain: pre-test to post-test (normalised gain g, %)"},
        xaxis={"range": [min(-10, min(values) - 10), 160], "title": {"text": "g: share of what you did not know "
                                                       "before that you know now (%)"},
               "tickvals": [v for v in (-100, -50, 0, 50, 100) if v >= min(values) - 10],
               "zeroline": True},
        yaxis={"autorange": "reversed"}, height=140 + 36 * len(names),
        margin={"l": 10, "r": 10, "t": 50, "b": 50}, template="simple_white",
        font={"color": "#1a1a1a"})
    return fig


def calibration_figure(cal):
    """Share right at each level of confidence, beside the range where that level pays."""
    import plotly.graph_objects as go

    if not cal.total:
        return None
    labels = [lvl.capitalize() for lvl in LEVELS]
    low = [100 * THRESHOLDS[lvl][0] for lvl in LEVELS]
    width = [100 * (THRESHOLDS[lvl][1] - THRESHOLDS[lvl][0]) for lvl in LEVELS]
    shares = [None if cal.share(lvl) is None else 100 * cal.share(lvl) for lvl in LEVELS]
    text = [f"{cal.counts[lvl][1]} of {cal.counts[lvl][0]} right" if cal.counts[lvl][0]
            else "no answers" for lvl in LEVELS]
    fig = go.Figure([
        go.Bar(x=labels, y=width, base=low, name="Where this level pays best (LAPT)",
               marker={"color": BAND_COLOUR, "opacity": 0.35, "pattern": {"shape": "/"}},
               width=0.8, hovertemplate="%{x}: pays best from %{base:.0f}%<extra></extra>"),
        go.Bar(x=labels, y=[s or 0 for s in shares], name="Your share right", text=text,
               textposition="outside", width=0.4, cliponaxis=False,
               marker={"color": SHARE_COLOUR, "line": {"color": "#1a1a1a", "width": 1}},
               hovertemplate="%{x}: %{y:.0f}% right (%{text})<extra></extra>"),
    ])
    fig.update_layout(
        title={"text": "How sure versus how often right (first answers)"}, barmode="overlay",
        xaxis={"title": {"text": "How sure you said you were"}},
        yaxis={"range": [0, 115], "title": {"text": "% answered right"},
               "tickvals": [0, 25, 50, 67, 80, 100]},
        legend={"orientation": "h", "y": -0.25}, height=420,
        margin={"l": 10, "r": 10, "t": 50, "b": 40}, template="simple_white",
        font={"color": "#1a1a1a"})
    return fig


def learning_html(course, answers: dict) -> str:
    """The gain and calibration in words and tables (the charts' text alternative)."""
    result, cal = gains(course, answers), calibration(answers)
    rows = "".join(
        f"<tr><td>{html.escape(r.section.number)} {html.escape(r.section.title)}</td>"
        f"<td>{_pct(r.pre)}</td><td>{_pct(r.post)}</td>"
        f"<td>{'–' if r.g is None else f'{r.g:.2f}'}</td></tr>" for r in result.sections)
    overall = "–" if result.g is None else f"{result.g:.2f}"
    gain_table = (
        '<table class="ms-dashboard__gain"><caption>Pre-test and post-test, first answers'
        '</caption><thead><tr><th scope="col">Section</th><th scope="col">Pre-test right</th>'
        '<th scope="col">Post-test right</th><th scope="col">Gain g</th></tr></thead>'
        f"<tbody>{rows}</tbody><tfoot><tr><th scope='row'>Overall</th><td>{_pct(result.pre)}"
        f"</td><td>{_pct(result.post)}</td><td>{overall}</td></tr></tfoot></table>"
        if result.sections else "")
    cal_rows = "".join(
        f"<tr><td>{lvl}</td><td>{cal.counts[lvl][0]}</td><td>{cal.counts[lvl][1]}</td>"
        f"<td>{_pct(None if cal.share(lvl) is None else 100 * cal.share(lvl))}</td></tr>"
        for lvl in LEVELS)
    return (
        '<section class="ms-dashboard__learning"><h3>What you have learned</h3>'
        f'<p class="ms-dashboard__gain-text">{html.escape(gain_sentence(result))}</p>{gain_table}'
        '<h3>How sure versus how right</h3>'
        f'<p class="ms-dashboard__calibration-text">{html.escape(calibration_sentence(cal))}</p>'
        + ('<table class="ms-dashboard__calibration"><caption>First answers at each level of '
           'confidence</caption><thead><tr><th scope="col">How sure</th><th scope="col">'
           'Answers</th><th scope="col">Right</th><th scope="col">Share right</th></tr></thead>'
           f"<tbody>{cal_rows}</tbody></table>" if cal.total else "") + "</section>")


def _figure_output(output, fig, text: str) -> None:
    output.outputs = ()
    if fig is not None:
        import plotly.io as pio

        bundle = pio.renderers["plotly_mimetype"].to_mimebundle(fig.to_dict())
        bundle["text/plain"] = text
        output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


def progress_dashboard(course, store: ProgressStore | None = None, *, learner: str | None = None):
    """A VBox: an HTML summary (what to do next + a table), a bar chart, what was learned
    (pre/post gain and calibration, in words, tables and two charts), and a reset button.

    Carries ``.summary`` (HTML), ``.figure`` (the plotly Figure), ``.chart`` (an Output
    showing it), ``.learning`` (HTML), ``.gain_figure`` / ``.calibration_figure`` (Figures
    or None) in ``.gain_chart`` / ``.calibration_chart``, ``.reset_button``,
    ``.confirm_button``, ``.cancel_button`` and ``.refresh()``.
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
    learning = widgets.HTML()
    gain_chart = widgets.Output()
    calibration_chart = widgets.Output()
    update = widgets.Button(description="Refresh", icon="refresh",
                            tooltip="Show your latest answers, gain and confidence here")
    box = widgets.VBox([summary, chart, learning, gain_chart, calibration_chart,
                        widgets.HBox([update, reset]), confirm_box])
    box.add_class("ms-dashboard")

    def refresh():
        scores = section_scores(course, store, learner)
        summary.value = _summary_html(scores, learner)
        box.figure = _figure(scores) if scores else None
        _figure_output(chart, box.figure, next_step(scores))
        answers = store.answers(learner)
        learning.value = learning_html(course, answers)
        result, cal = gains(course, answers), calibration(answers)
        box.gain_figure = gain_figure(result)
        box.calibration_figure = calibration_figure(cal)
        _figure_output(gain_chart, box.gain_figure, gain_sentence(result))
        _figure_output(calibration_chart, box.calibration_figure, calibration_sentence(cal))

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

    update.on_click(lambda _b=None: refresh())
    reset.on_click(ask)
    cancel.on_click(close)
    confirm.on_click(do_reset)
    refresh()
    box.summary = summary
    box.chart = chart
    box.learning = learning
    box.gain_chart = gain_chart
    box.calibration_chart = calibration_chart
    box.refresh_button = update
    box.reset_button = reset
    box.confirm_button = confirm
    box.cancel_button = cancel
    box.confirm_box = confirm_box
    box.refresh = refresh
    return box
