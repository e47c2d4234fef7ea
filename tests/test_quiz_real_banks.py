"""Drive every question of every real quiz bank in content/quizzes/ as a learner would."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "quiz"))
import learner as L  # noqa: E402

from widgets.course import DEFAULT_CONTENT, QuizBank, check_course  # noqa: E402
from widgets.quiz import quiz_widget  # noqa: E402
from widgets.quiz.base import learner_seed, pathway_chain  # noqa: E402
from widgets.quiz.kinds import kind_of  # noqa: E402

BANKS = sorted((DEFAULT_CONTENT / "quizzes").glob("*.yaml"))


@pytest.fixture(autouse=True)
def _own_progress_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.delenv("MS_COURSE_MODE", raising=False)


@pytest.fixture(scope="module")
def real_course():
    course, problems = check_course(DEFAULT_CONTENT)
    return course if course is not None and not problems else None


def _bank(path: Path) -> QuizBank:
    return QuizBank.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_the_course_has_quiz_banks():
    assert BANKS, "content/quizzes/ holds no quiz bank yet"


@pytest.mark.parametrize("path", BANKS, ids=[p.stem for p in BANKS])
def test_every_question_driven_as_a_learner(path, real_course):
    bank = _bank(path)  # a bank that does not validate fails here, with pydantic's message
    pathway = real_course.pathway if real_course is not None else None
    for learner in ("learner", "another-learner"):  # two shuffles of every question
        for number, q in enumerate(bank.questions, start=1):
            mod = kind_of(q)
            data = mod.present(q, seed=learner_seed(learner, q.id),
                               hint=pathway_chain(pathway, list(q.nodes)))
            view = mod.View(data, number=number)
            assert L.drive_question(view) >= 2, q.id


@pytest.mark.parametrize("path", BANKS, ids=[p.stem for p in BANKS])
def test_section_quiz_scores_every_question(path, real_course):
    if real_course is None:
        pytest.skip("the real course does not validate yet (python -m widgets check)")
    box = quiz_widget(real_course, _bank(path).section, learner="ana")
    assert box.score.value == f"Score: 0 of {len(box.questions)} answered correctly"
    for i, view in enumerate(box.questions, start=1):
        L.choose(view, L.right_answer(view.data))
        view.check_button.click()
        n = len(box.questions)
        assert box.score.value == (f"Score: {i} of {n} answered correctly; confidence-weighted "
                                   f"score {2 * i} of a possible {3 * n}")
    # a new widget on the same file (a "kernel restart") restores everything
    again = quiz_widget(real_course, _bank(path).section, learner="ana")
    assert again.score.value == box.score.value
    assert all("✓ Correct" in v.feedback.value for v in again.questions)


def test_every_quiz_of_the_course_builds(real_course):
    """Every section's quiz widget holds every question (its build time: make bench)."""
    if real_course is None:
        pytest.skip("the real course does not validate yet (python -m widgets check)")
    boxes = [quiz_widget(real_course, s.id, store=False) for s in real_course.sections]
    assert sum(len(b.questions) for b in boxes) == sum(
        len(real_course.quiz(s.id).questions) for s in real_course.sections)


# ---------------------------------------------- where the items are asked (issue 11)
def _drive_all(course, questions, learner="ana"):
    pathway = course.pathway
    for number, q in enumerate(questions, start=1):
        mod = kind_of(q)
        data = mod.present(q, seed=learner_seed(learner, q.id),
                           hint=pathway_chain(pathway, list(q.nodes)))
        assert L.drive_question(mod.View(data, number=number)) >= 2, q.id


def test_every_part_has_its_check_yourself_items_driven(real_course):
    if real_course is None:
        pytest.skip("the real course does not validate yet (python -m widgets check)")
    for s in real_course.sections:
        for part in s.parts:
            checks = real_course.checks(s.id, part.slug)
            assert 1 <= len(checks) <= 2, (s.id, part.slug, [q.id for q in checks])
            _drive_all(real_course, checks)
        # the end-of-section quiz keeps items of its own, none of them a check or a test item
        quiz = real_course.quiz(s.id).questions
        own = [q for q in quiz if q in real_course.banks[s.id].questions]
        assert own and all(q.part is None and q.use is None for q in own), s.id


def test_pretest_and_posttest_are_parallel_and_driven(real_course):
    if real_course is None:
        pytest.skip("the real course does not validate yet (python -m widgets check)")
    pre, post = real_course.pretest().questions, real_course.posttest().questions
    middle = [s.id for s in real_course.sections][1:-1]
    where = {q.id: s.id for s in real_course.sections for q in real_course.banks[s.id].questions}
    assert [where[q.id] for q in pre] == middle
    assert [where[q.id] for q in post] == middle
    for a, b in zip(pre, post):
        assert set(a.facts) & set(b.facts), (a.id, b.id)   # the same facts ...
        assert a.prompt != b.prompt                        # ... asked in other words
        assert a.objective == b.objective and a.level == b.level
    _drive_all(real_course, pre)
    _drive_all(real_course, post, learner="another-learner")


def test_review_quiz_is_integrative_items_plus_flagged_ones(real_course):
    if real_course is None:
        pytest.skip("the real course does not validate yet (python -m widgets check)")
    review = real_course.sections[-1]
    quiz = real_course.quiz(review.id).questions
    own = [q for q in real_course.banks[review.id].questions if q.part is None and q.use is None]
    flagged = [q for s in real_course.sections[:-1] for q in real_course.banks[s.id].questions
               if q.review]
    assert [q.id for q in quiz] == [q.id for q in own + flagged]
    assert len(flagged) >= len(real_course.sections) - 2  # about one per bank, chosen by flag
    assert not any(q.use for q in flagged)                # never a pre/post item
