"""The command line: clear one-line errors and exit codes, never a traceback.

In process (``cli`` fixture: ``widgets.cli.main``), except one real ``python -m widgets``
run per kind of outcome: usage here, ``check`` in tests/test_course.py."""
import subprocess
import sys

import pytest

from conftest import ROOT


def test_pdf_without_handouts_says_what_to_do(tmp_path, cli):
    code, out, err = cli("pdf", "--out", tmp_path / "none")
    assert code == 1
    assert "build the handouts first" in err
    assert "Traceback" not in out + err


def test_handouts_refuse_a_folder_they_did_not_build(tmp_path, cli):
    foreign = tmp_path / "out" / "student"
    foreign.mkdir(parents=True)
    (foreign / "my-notes.txt").write_text("mine")
    code, out, err = cli("handouts", "--out", tmp_path / "out", "--variant", "student")
    assert code == 1
    assert "handouts not built" in err and "Traceback" not in err
    assert (foreign / "my-notes.txt").read_text() == "mine"


def test_handouts_on_broken_content_list_the_problems(min_content, tmp_path, cli):
    (min_content / "course.yaml").write_text("title: [unclosed\n")
    code, out, err = cli("handouts", "--content", min_content, "--out", tmp_path / "o")
    assert code == 1
    assert out.startswith("content/course.yaml:")
    assert "Traceback" not in err


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_unknown_command_shows_usage():
    """The smoke test of ``python -m widgets`` as a real process."""
    result = subprocess.run([sys.executable, "-m", "widgets", "frobnicate"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 2 and "usage:" in result.stderr
