"""The command line: clear one-line errors and exit codes, never a traceback."""
import subprocess
import sys

from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "widgets", *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_pdf_without_handouts_says_what_to_do(tmp_path):
    result = run("pdf", "--out", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "build the handouts first" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_handouts_refuse_a_folder_they_did_not_build(tmp_path):
    foreign = tmp_path / "out" / "student"
    foreign.mkdir(parents=True)
    (foreign / "my-notes.txt").write_text("mine")
    result = run("handouts", "--out", str(tmp_path / "out"), "--variant", "student")
    assert result.returncode == 1
    assert "handouts not built" in result.stderr and "Traceback" not in result.stderr
    assert (foreign / "my-notes.txt").read_text() == "mine"


def test_handouts_on_broken_content_list_the_problems(min_content, tmp_path):
    (min_content / "course.yaml").write_text("title: [unclosed\n")
    result = run("handouts", "--content", str(min_content), "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    assert result.stdout.startswith("content/course.yaml:")
    assert "Traceback" not in result.stderr


def test_unknown_command_shows_usage():
    result = run("frobnicate")
    assert result.returncode == 2 and "usage:" in result.stderr
