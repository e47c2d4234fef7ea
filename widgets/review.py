"""Spaced review in JupyterLab: "N questions due today", the due questions asked again
(across sections, each with its explained feedback), and a small chart of the schedule.

The plan itself is :mod:`widgets.schedule`; every answer given here is saved and
rescheduled like an answer in a section quiz.
"""
from __future__ import annotations

import datetime as dt
import html
from collections import Counter

import ipywidgets as widgets

from . import schedule
from .progress import ProgressStore, default_learner, default_store

# Okabe-Ito: due now (vermillion), due later (blue); each bar also carries its number.
DUE_COLOURS = {"now": "#D55E00", "later": "#0072B2"}
WINDOW = schedule.INTERVALS[-1]  # the chart shows today and the next 21 days

__all__ = ["review_widget", "due_summary", "schedule_figure", "schedule_text", "question_sections"]


def question_sections(course) -> dict:
    """``{question id: (section, question)}`` for every question of every bank."""
    out = {}
    for s in course.sections:
        bank = course.banks.get(s.id)
        for q in getattr(bank, "questions", []):
            out.setdefault(q.id, (s, q))
    return out


def _day(day: dt.date, on: dt.date) -> str:
    if day <= on:
        return "today"
    if day == on + dt.timedelta(days=1):
        return "tomorrow"
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


def _n(count: int) -> str:
    return f"{count} question{'s' if count != 1 else ''}"


def due_summary(counts: Counter, on: dt.date) -> str:
    """One line: how many questions are due today, or when the next review is."""
    now = counts.get(on, 0)
    if now:
        return (f"{_n(now)} due today for review. Answer {'them' if now > 1 else 'it'} below: "
                "each answer sets when you see the question again.")
    later = sorted(d for d in counts if d > on)
    if not later:
        return ("No questions are due for review yet. Answer a section quiz: its questions "
                "come back here on the days that help you remember them.")
    first = later[0]
    return f"No questions are due today. Next review: {_day(first, on)} ({_n(counts[first])})."


def schedule_text(counts: Counter, on: dt.date) -> str:
    """The chart's text alternative: every day that has questions due, in order."""
    days = sorted(counts)
    if not days:
        return "Your review schedule is empty: no question has been answered yet."
    listed = "; ".join(f"{_day(d, on)}: {_n(counts[d])}" for d in days)
    return f"Questions due for review by day: {listed}."


def schedule_figure(counts: Counter, on: dt.date):
    """Bars: questions due on each day from today over the next three weeks."""
    import plotly.graph_objects as go

    last = max([on + dt.timedelta(days=WINDOW), *counts])
    days = [on + dt.timedelta(days=i) for i in range((last - on).days + 1)]
    labels = [_day(d, on).capitalize() if d <= on + dt.timedelta(days=1)
              else f"{d.day} {d.strftime('%b')}" for d in days]
    values = [counts.get(d, 0) for d in days]
    fig = go.Figure(go.Bar(
        x=labels, y=values, text=[str(v) if v else "" for v in values], textposition="outside",
        marker={"color": [DUE_COLOURS["now" if d <= on else "later"] for d in days],
                "line": {"color": "#1a1a1a", "width": 1}},
        hovertemplate="%{x}: %{y} due<extra></extra>", cliponaxis=False))
    fig.update_layout(
        title={"text": "Your review schedule: questions due per day (today in orange-red)"},
        xaxis={"title": {"text": "Day"}, "type": "category", "tickangle": -45},
        yaxis={"title": {"text": "Questions due"}, "rangemode": "tozero", "tickformat": "d",
               **({"dtick": 1} if max(values) <= 10 else {})},
        height=320, margin={"l": 50, "r": 10, "t": 50, "b": 80},
        template="simple_white", font={"color": "#1a1a1a"}, showlegend=False)
    return fig


def review_widget(course, store: ProgressStore | None = None, *, learner: str | None = None,
                  on_change=None, limit: int = 10):
    """A VBox: the due line, the due questions (each labelled with its section), a Refresh
    button, and the schedule chart with its text alternative.

    Carries ``.due_line`` (HTML), ``.questions`` (the question views, in the order asked),
    ``.refresh_button``, ``.figure`` (plotly Figure), ``.chart`` (an Output),
    ``.chart_text`` (HTML), ``.notice`` and ``.refresh()``. ``on_change()`` runs after each
    saved answer (the start-here notebook refreshes its dashboard with it). At most
    ``limit`` questions are asked at once (most overdue first); Refresh brings the next.
    """
    from .quiz.base import esc
    from .quiz.section_quiz import question_view

    store = store if store is not None else default_store()
    learner = learner or default_learner()
    where = question_sections(course)
    known = [q.id for q in course.questions()]

    title = widgets.HTML(value="<h3>Spaced review</h3>")
    due_line = widgets.HTML()
    more = widgets.HTML()
    notice = widgets.HTML()
    asked = widgets.VBox()
    refresh_button = widgets.Button(description="Refresh", icon="refresh",
                                    tooltip="Look again for questions due today (after "
                                            "answering quizzes in other notebooks)")
    chart = widgets.Output()
    chart_text = widgets.HTML()
    box = widgets.VBox([title, due_line, notice, asked, more, refresh_button, chart, chart_text])
    box.add_class("ms-review")

    def counts():
        return schedule.due_counts(store.answers(learner), among=known)

    def show_status():
        on = schedule.today()
        c = counts()
        due_line.value = (f'<p class="ms-review__due" role="status"><strong>'
                          f"{esc(due_summary(c, on))}</strong></p>")
        text = store.notice
        notice.value = f'<p role="status"><strong>Note:</strong> {esc(text)}</p>' if text else ""
        box.figure = schedule_figure(c, on)
        chart_text.value = (f'<p class="ms-review__alt"><strong>Text description:</strong> '
                            f"{esc(schedule_text(c, on))}</p>")
        import plotly.io as pio

        bundle = pio.renderers["plotly_mimetype"].to_mimebundle(box.figure.to_dict())
        bundle["text/plain"] = schedule_text(c, on)
        chart.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)

    def on_answer(view, saved, correct, confidence=None, **_ignored):
        store.record(learner, view.question_id, saved, correct, confidence=confidence)
        show_status()
        if on_change is not None:
            on_change()

    def refresh(_b=None):
        views, rows = [], []
        due = schedule.due_ids(store.answers(learner), among=known)
        more.value = (f'<p class="ms-review__more">{limit} of the {len(due)} questions due '
                      "today are asked here; press Refresh when you have answered them for "
                      "the next ones.</p>") if len(due) > limit else ""
        for number, qid in enumerate(due[:limit], 1):
            section, question = where[qid]
            view = question_view(course, question, learner=learner, number=number,
                                 on_answer=on_answer)
            label = widgets.HTML(value=f'<p class="ms-review__from">From section '
                                       f"{esc(section.number)}, {html.escape(section.title)}</p>")
            views.append(view)
            rows.append(widgets.VBox([label, view]))
        asked.children = rows
        box.questions = views
        show_status()

    refresh_button.on_click(refresh)
    refresh()
    box.due_line = due_line
    box.notice = notice
    box.more = more
    box.refresh_button = refresh_button
    box.chart = chart
    box.chart_text = chart_text
    box.refresh = refresh
    return box
