"""A section's whole quiz as live widgets: its questions, a score, and teaching extras."""
from __future__ import annotations

import ipywidgets as widgets

from .. import classpool
from ..progress import ProgressStore, Score, default_learner, default_store
from .base import esc, learner_seed, pathway_chain, pathway_figure_html
from .kinds import kind_of


def present_question(course, question, *, learner: str) -> dict:
    """A question in the learner's display order, with its pathway hint (live and offline)."""
    hint = pathway_chain(course.pathway, list(question.nodes))
    return kind_of(question).present(question, seed=learner_seed(learner, question.id), hint=hint)


def question_view(course, question, *, learner: str, number: int | None = None,
                  on_answer=None):
    """The live view of one question, with its pathway hint and (lazily drawn) minimap."""
    data = present_question(course, question, learner=learner)
    nodes = list(question.nodes)
    figure = (lambda: pathway_figure_html(course.pathway, nodes)) if nodes else None
    on_answer = classpool.pooling(on_answer)  # also to the class tally, when pooling is on
    return kind_of(question).View(data, on_answer=on_answer, number=number, figure=figure)


def teaching_notes_html(section) -> str:
    """The section's facilitator notes and discussion prompts (educators only)."""
    parts = ['<div class="ms-quiz__teaching">']
    for title, items in (("Facilitator notes", section.meta.facilitator_notes),
                         ("Discussion prompts", section.meta.discussion_prompts)):
        parts.append(f"<p><strong>{title}</strong></p>")
        if items:
            parts.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
        else:
            parts.append(f"<p>This section has no {title.lower()}.</p>")
    parts.append("</div>")
    return "".join(parts)


def quiz_widget(course, section_id, *, learner: str | None = None,
                store: ProgressStore | None | bool = None, teaching: bool | None = None):
    """Every question of a section's quiz, with a score; answers are saved to ``store``.

    ``store=None`` uses the shared store at ``$MS_COURSE_PROGRESS`` (or the default path);
    ``store=False`` keeps answers in memory only. ``teaching=None`` follows
    :func:`widgets.teaching.is_teaching`.

    The returned VBox carries ``.questions`` (the question views), ``.score`` (a Label),
    ``.notice`` (an HTML line about saving problems), and in teaching mode
    ``.reveal_all_button`` and ``.teaching_panel`` (both ``None`` in learner mode).
    """
    section = course.section(section_id)
    quiz = course.quiz(section.id)
    learner = learner or default_learner()
    if store is None or store is True:
        store = default_store()
    store = store or None
    if teaching is None:
        from ..teaching import is_teaching

        teaching = is_teaching()

    title = widgets.HTML(value=f"<h3>Quiz: {esc(section.title)}</h3>")
    notice = widgets.HTML(value="")
    score = widgets.Label(value="")
    views: list = []

    def show_notice():
        text = store.notice if store is not None else ""
        notice.value = f'<p role="status"><strong>Note:</strong> {esc(text)}</p>' if text else ""
        pooled = classpool.notice()
        if pooled:
            notice.value += f'<p role="status" class="ms-quiz__pooling">{esc(pooled)}</p>'

    def update_score(_change=None):
        s = Score(sum(v.answered_correctly is True for v in views),
                  sum(v.answered_correctly is not None for v in views), len(views))
        score.value = s.label

    def on_answer(view, saved, correct):
        if store is not None:
            store.record(learner, view.question_id, saved, correct)
            show_notice()

    for number, question in enumerate(quiz.questions, start=1):
        view = question_view(course, question, learner=learner, number=number,
                             on_answer=on_answer)
        if store is not None:
            saved = store.get(learner, question.id)
            if saved is not None and "answer" in saved:
                view.restore(saved["answer"])
        view.observe(update_score, names="answered_correctly")
        views.append(view)
    update_score()
    show_notice()

    children: list = [title, notice]
    reveal_all = panel = None
    if teaching:
        panel = widgets.HTML(value=teaching_notes_html(section))
        reveal_all = widgets.Button(description="Reveal to the room", icon="eye",
                                    tooltip="Show the answer and every explanation for all "
                                            "questions of this quiz at once")

        def _reveal_all(_b=None):
            for v in views:
                v.reveal()

        reveal_all.on_click(_reveal_all)
        children += [panel, reveal_all]
    if not views:
        children.append(widgets.HTML(value="<p>This section has no quiz.</p>"))
    children += [*views, score]

    box = widgets.VBox(children=children)
    box.add_class("ms-quiz")
    box.section_id = section.id
    box.learner = learner
    box.store = store
    box.questions = views
    box.score = score
    box.notice = notice
    box.reveal_all_button = reveal_all
    box.teaching_panel = panel
    return box
