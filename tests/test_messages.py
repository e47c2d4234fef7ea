"""The quiz's words live in content/messages.yaml: checked with file and line, and what a
learner reads in a quiz is what that file says."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from widgets.course.messages import KEYS, load_messages
from widgets.course.problems import ContentError
from widgets.quiz.base import MESSAGES


@pytest.fixture
def content(tmp_path):
    dest = tmp_path / "content"
    shutil.copytree(ROOT / "content", dest)
    return dest


def edit(content, old: str, new: str) -> int:
    path = content / "messages.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_every_message_the_quiz_uses_comes_from_the_content_file():
    assert MESSAGES == load_messages(ROOT / "content")
    assert set(MESSAGES) == set(KEYS)


@pytest.mark.parametrize("old, new, words", [
    ("score: 'Score: {correct} of {total} answered correctly'",
     "score: 'Score: {correct} answered correctly'", "must contain {correct}, {total}"),
    ("position: Position {n}", "position: Position {number}", "must contain {n}"),
    ("button_check: Check", "button_chek: Check", "unknown message 'button_chek'"),
    ("'true': 'True'", "'true': ' '", "must be text"),
    ("pathway: 'Look again at the pathway: '", "pathway: [oops", "YAML"),
])
def test_a_broken_message_is_reported_with_its_line(content, cli, old, new, words):
    line = edit(content, old, new)
    code, out, _ = cli("check", "--content", content)
    assert code == 1
    hits = [ln for ln in out.splitlines() if ln.startswith("content/messages.yaml:")]
    assert any(words in ln for ln in hits), out
    if words != "YAML":
        assert any(ln.startswith(f"content/messages.yaml:{line}: ") for ln in hits), out
    with pytest.raises(ContentError, match="messages.yaml"):
        load_messages(content)


def test_a_missing_message_names_the_key_and_the_fix(content, cli):
    edit(content, "no_quiz: This section has no quiz.\n", "")
    code, out, _ = cli("check", "--content", content)
    assert code == 1 and "missing message 'no_quiz': add `no_quiz: <text>`" in out


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_the_quiz_shows_the_words_of_its_content_folder(content):
    """A course whose messages.yaml says "Mark it" shows that on the live quiz's button."""
    edit(content, "button_check: Check", "button_check: Mark it")
    script = ("import json; from widgets.course import load_course; "
              "from widgets.quiz import quiz_widget; "
              "box = quiz_widget(load_course(), 'start-here'); "
              "print(json.dumps([box.questions[0].check_button.description]))")
    env = dict(os.environ, MS_COURSE_CONTENT=str(content))
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == ["Mark it"]
