"""A section's whole quiz as live widgets: its questions, a score, and teaching extras."""
from __future__ import annotations

import ipywidgets as widgets

from .. import classpool
from ..progress import ProgressStore, default_learner, default_store
from .base import MESSAGES, esc, learner_seed, pathway_chain, pathway_figure_html
from .confidence import LEVELS, section_result, shares
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


def score_label(views) -> str:
    """Accuracy and, once an answer carries a confidence, the confidence-weighted score."""
    result = section_result([(v.answered_correctly, v.checked_confidence) for v in views])
    text = result.label(MESSAGES["score"])
    if result.rated:
        text += result.label(MESSAGES["score_points"])
    return text


def pool_html(question_id: str) -> str:
    """The share of each confidence level in a pooled class (teaching mode), or ""."""
    from ..teaching import pooled_confidence

    counts = pooled_confidence(question_id)
    if counts is None and classpool.class_dir() is not None:
        try:  # the latest answer of each learner in the class folder
            counts = dict(classpool.confidence_spread(
                classpool.latest(classpool.read_pool(), question_id)))
        except Exception:  # noqa: BLE001 - a pooling problem must never stop a reveal
            counts = None
    share = shares(counts)
    if share is None:
        return ""
    n = sum(int(counts.get(lvl, 0) or 0) for lvl in LEVELS)
    items = "".join(f"<li>{esc(MESSAGES[f'confidence_{lvl}'])}: {round(100 * share[lvl])}%</li>"
                    for lvl in LEVELS)
    return (f'<div class="ms-quiz__pool"><p><strong>'
            f'{esc(MESSAGES["pool_confidence"].format(n=n))}</strong></p><ul>{items}</ul></div>')


def reveal_to_room(views) -> None:
    """Teaching mode: every question's key and explanations, and the room's confidence."""
    for v in views:
        v.reveal()
        extra = pool_html(v.question_id)
        if extra:
            v.feedback.value += extra


def _resolve(learner, store, teaching):
    learner = learner or default_learner()
    if store is None or store is True:
        store = default_store()
    store = store or None
    if teaching is None:
        from ..teaching import is_teaching

        teaching = is_teaching()
    return learner, store, teaching


def questions_widget(course, questions, *, title: str, learner: str | None = None,
                     store: ProgressStore | None | bool = None, teaching: bool | None = None,
                     section=None, empty: str = MESSAGES["no_quiz"],
                     css_class: str = "ms-quiz"):
    """A list of questions as one live quiz: how sure, a score, saving, teaching extras.

    The returned VBox carries ``.questions`` (the question views), ``.score`` (a Label),
    ``.notice`` (an HTML line about saving problems), and in teaching mode
    ``.reveal_all_button`` and ``.teaching_panel`` (both ``None`` in learner mode;
    the panel only when ``section`` is given).
    """
    learner, store, teaching = _resolve(learner, store, teaching)
    heading = widgets.HTML(value=f"<h3>{esc(title)}</h3>")
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
        score.value = score_label(views)

    def on_answer(view, saved, correct, confidence=None):
        if store is not None:
            store.record(learner, view.question_id, saved, correct, confidence=confidence)
            show_notice()

    for number, question in enumerate(questions, start=1):
        view = question_view(course, question, learner=learner, number=number,
                             on_answer=on_answer)
        if store is not None:
            saved = store.get(learner, question.id)
            if saved is not None and "answer" in saved:
                view.restore(saved["answer"], saved.get("confidence"))
        view.observe(update_score, names=["answered_correctly", "checked_confidence"])
        views.append(view)
    update_score()
    show_notice()

    children: list = [heading, notice]
    reveal_all = panel = None
    if teaching:
        if section is not None:
            panel = widgets.HTML(value=teaching_notes_html(section))
            children.append(panel)
        reveal_all = widgets.Button(description="Reveal to the room", icon="eye",
                                    tooltip="Show the answer and every explanation for all "
                                            "questions at once, with how sure the room was")
        reveal_all.on_click(lambda _b=None: reveal_to_room(views))
        children.append(reveal_all)
    if not views:
        children.append(widgets.HTML(value=f"<p>{esc(empty)}</p>"))
    children += [*views, score]

    box = widgets.VBox(children=children)
    box.add_class(css_class)
    box.learner = learner
    box.store = store
    box.questions = views
    box.score = score
    box.notice = notice
    box.reveal_all_button = reveal_all
    box.teaching_panel = panel
    return box


def quiz_widget(course, section_id, *, learner: str | None = None,
                store: ProgressStore | None | bool = None, teaching: bool | None = None):
    """Every question of a section's end quiz, with a score; answers are saved to ``store``.

    ``store=None`` uses the shared store at ``$MS_COURSE_PROGRESS`` (or the default path);
    ``store=False`` keeps answers in memory only. ``teaching=None`` follows
    :func:`widgets.teaching.is_teaching`. See :func:`questions_widget` for what it carries.
    """
    section = course.section(section_id)
    box = questions_widget(course, course.quiz(section.id).questions,
                           title=f"Quiz: {section.title}", learner=learner, store=store,
                           teaching=teaching, section=section)
    box.section_id = section.id
    return box


def checks_widget(course, section_id, part_slug, *, learner: str | None = None,
                  store: ProgressStore | None | bool = None, teaching: bool | None = None):
    """The check-yourself questions of one part (``None`` when the part has none)."""
    section = course.section(section_id)
    questions = course.checks(section.id, part_slug)
    if not questions:
        return None
    box = questions_widget(course, questions, title=MESSAGES["check_yourself"],
                           learner=learner, store=store, teaching=teaching,
                           css_class="ms-quiz-checks")
    # set apart from the prose around it, as in the handouts (a rule, not a colour code)
    box.layout = widgets.Layout(border_left="4px solid #0072B2", padding="0 0 0 12px",
                                margin="8px 0 16px 0")
    box.section_id = section.id
    box.part = part_slug
    return box


def prepost_widget(course, use: str, *, learner: str | None = None,
                store: ProgressStore | None | bool = None, teaching: bool | None = None):
    """The pre-test (``use="pre"``) or the post-test (``use="post"``) of the whole course."""
    if use not in ("pre", "post"):
        raise ValueError(f"use must be 'pre' or 'post', not {use!r}")
    quiz = course.pretest() if use == "pre" else course.posttest()
    box = questions_widget(course, quiz.questions, title=MESSAGES[f"{use}test_title"],
                           learner=learner, store=store, teaching=teaching,
                           empty=MESSAGES["no_test"], css_class="ms-quiz-test")
    box.use = use
    return box
