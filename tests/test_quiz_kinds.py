"""Each question kind on the fixture course: present, grade, reveal, save, and the live view."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import load_course  # noqa: E402
from widgets.quiz import matching, multiple, ordering, single, truefalse  # noqa: E402
from widgets.quiz.base import MESSAGES, Feedback, learner_seed, pathway_chain, shuffled  # noqa: E402
from widgets.quiz.kinds import KINDS, kind_of  # noqa: E402
from widgets.quiz.section_quiz import question_view  # noqa: E402


@pytest.fixture(scope="module")
def course():
    return load_course(L.FIXTURE_CONTENT)


def _view(course, qid, learner="ana"):
    return question_view(course, course.question(qid), learner=learner, number=1)


def test_every_kind_has_a_module_with_the_same_parts():
    assert set(KINDS) == {"single", "multiple", "truefalse", "ordering", "matching"}
    for name, mod in KINDS.items():
        for part in ("present", "grade", "reveal", "to_saved", "from_saved", "offline_controls",
                     "View"):
            assert hasattr(mod, part), (name, part)
        assert mod.View.kind is mod


def test_seed_is_deterministic_per_learner_and_question():
    assert learner_seed("ana", "q1") == learner_seed("ana", "q1")
    assert learner_seed("ana", "q1") != learner_seed("ben", "q1")
    assert learner_seed("ana", "q1") != learner_seed("ana", "q2")
    assert shuffled(6, 42) == shuffled(6, 42)
    assert sorted(shuffled(6, 42)) == list(range(6))


def test_option_order_is_fixed_for_a_learner_and_differs_between_learners(course):
    q = course.question("fx-single")
    a1 = single.present(q, seed=learner_seed("ana", q.id))
    a2 = single.present(q, seed=learner_seed("ana", q.id))
    assert a1 == a2
    orders = {tuple(o["text"] for o in single.present(q, seed=learner_seed(f"l{i}", q.id))["options"])
              for i in range(30)}
    assert len(orders) > 1
    assert {o["text"] for o in a1["options"]} == {o.text for o in q.options}


@pytest.mark.parametrize("qid", ["fx-single", "fx-multiple", "fx-truefalse", "fx-ordering",
                                 "fx-matching"])
def test_fixture_question_driven_as_a_learner(course, qid):
    view = _view(course, qid)
    assert L.drive_question(view) >= 2


def test_single_feedback_words_and_symbols(course):
    view = _view(course, "fx-single")
    wrong = L.all_wrong(view.data)[0]
    view.choice.value = wrong
    view.confidence.value = "low"
    view.check_button.click()
    assert view.last_feedback.headline == "✗ Not quite"
    assert view.last_feedback.lines[0].mark == "✗ Not right"
    view.choice.value = L.right_answer(view.data)
    view.check_button.click()
    assert view.last_feedback.headline == "✓ Correct"
    assert view.last_feedback.lines[0].mark == "✓ Right"


def test_checking_without_an_answer_asks_for_one(course):
    for qid, key in [("fx-single", "choose_one"), ("fx-multiple", "choose_some"),
                     ("fx-truefalse", "choose_one"), ("fx-ordering", "fill_positions"),
                     ("fx-matching", "fill_matches")]:
        view = _view(course, qid)
        view.check_button.click()
        assert view.answered_correctly is None
        assert MESSAGES[key] in view.feedback.value
        assert "✗" not in view.feedback.value and "✓" not in view.feedback.value


def test_ordering_partly_filled_is_incomplete(course):
    view = _view(course, "fx-ordering")
    view.positions[0].value = 0
    view.check_button.click()
    assert view.answered_correctly is None
    assert MESSAGES["fill_positions"] in view.feedback.value


def test_ordering_per_step_feedback(course):
    view = _view(course, "fx-ordering")
    L.choose(view, [1, 0, 2])
    view.check_button.click()
    fb = view.last_feedback
    assert [line.mark for line in fb.lines] == ["✗ Wrong place", "✗ Wrong place", "✓ Right place"]
    assert fb.lines[0].label == "Position 1, Demyelination"


def test_matching_wrong_pair_gets_the_chosen_items_own_explanation(course):
    view = _view(course, "fx-matching")
    L.choose(view, [1, 0, 2])
    view.check_button.click()
    fb = view.last_feedback
    assert fb.lines[0].mark == "✗ Wrong match"
    assert fb.lines[0].label == "Demyelination → A signal starting where it should not"
    assert fb.lines[0].text == view.data["pairs"][1]["explanation"]
    assert fb.lines[2].mark == "✓ Right match"


def test_ordering_and_matching_menus_never_list_the_answer_in_order(course):
    for i in range(40):
        q = course.question("fx-ordering")
        assert ordering.present(q, seed=i)["choices"] != [0, 1, 2]
        q = course.question("fx-matching")
        assert matching.present(q, seed=i)["choices"] != [0, 1, 2]


def test_saved_answers_round_trip_as_texts(course):
    for qid in ["fx-single", "fx-multiple", "fx-truefalse", "fx-ordering", "fx-matching"]:
        q = course.question(qid)
        mod = kind_of(q)
        data_a = mod.present(q, seed=1)
        data_b = mod.present(q, seed=2)  # another shuffle: texts keep their meaning
        answer = L.right_answer(data_a)
        saved = mod.to_saved(data_a, answer)
        assert mod.grade(data_b, mod.from_saved(data_b, saved)).correct is True


def test_restore_rejects_answers_that_no_longer_fit(course):
    view = _view(course, "fx-single")
    assert view.restore("An option that was removed") is False
    assert view.answered_correctly is None
    tf = _view(course, "fx-truefalse")
    assert tf.restore("yes") is False


def test_pathway_chain_follows_edges_in_causal_order(course):
    pw = course.pathway
    assert pathway_chain(pw, ["slowed-conduction", "inflammation", "demyelination"]) == (
        "Look again at the pathway: Inflammation → Demyelination → Slowed conduction")
    # a branch: both children of demyelination, as two chains
    text = pathway_chain(pw, ["demyelination", "slowed-conduction", "ectopic-impulses"])
    assert text.startswith("Look again at the pathway: Demyelination → ")
    assert "Slowed conduction" in text and "Ectopic impulses" in text
    assert pathway_chain(pw, []) == ""
    assert pathway_chain(None, ["altered-gait"]) == "Look again at the pathway: altered gait"


def test_wrong_answer_shows_the_pathway_text_and_figure(course):
    view = _view(course, "fx-single")
    view.choice.value = L.all_wrong(view.data)[0]
    view.confidence.value = "medium"
    view.check_button.click()
    fb = view.feedback.value
    assert "Look again at the pathway: Demyelination → Slowed conduction" in fb
    # the minimap is optional (another module); when present it is an inline SVG
    try:
        import widgets.figures.minimap  # noqa: F401
    except ImportError:
        assert "<svg" not in fb
    else:
        assert "<svg" in fb


def test_questions_without_nodes_have_no_pathway_hint(course):
    view = _view(course, "fx-multiple")
    view.choices[[i for i, o in enumerate(view.data["options"]) if not o["correct"]][0]].value = True
    view.check_button.click()
    assert "Look again at the pathway" not in view.feedback.value


def test_controls_have_descriptions_for_screen_readers(course):
    for qid in ["fx-single", "fx-multiple", "fx-truefalse", "fx-ordering", "fx-matching"]:
        view = _view(course, qid)
        for button in (view.check_button, view.retry_button, view.reveal_button):
            assert button.description and button.tooltip
        kind = view.data["kind"]
        controls = {"single": lambda: [view.choice], "truefalse": lambda: [view.choice],
                    "multiple": lambda: view.choices, "ordering": lambda: view.positions,
                    "matching": lambda: view.matches}[kind]()
        for control in controls:
            assert control.description.strip(), (qid, control)
            assert control.tooltip, (qid, control)


def test_feedback_text_and_html_agree():
    fb = Feedback("wrong", "✗ Not quite", (), "note <b>", "hint")
    assert "note &lt;b&gt;" in fb.to_html()
    assert fb.text() == "✗ Not quite\nnote <b>\nhint"
    assert fb.correct is False
