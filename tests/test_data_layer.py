"""The data layer is pure: loading and checking the course draws nothing."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT

DRAWING = ["plotly", "ipywidgets", "IPython.display", "matplotlib"]


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_loading_and_checking_the_course_leaves_plotly_and_ipywidgets_unimported():
    script = f"""
import contextlib, io, json, sys
from widgets.course import check_course, load_course
from widgets.course.figure_names import FIGURE_NAMES
from widgets.cli import main
course = load_course()
check_course()
for s in course.sections:
    course.quiz(s.id)
course.pretest(); course.posttest()
assert FIGURE_NAMES
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["check"]) == 0
print(json.dumps([m for m in {DRAWING!r} if m in sys.modules]))
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []
