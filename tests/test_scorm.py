"""The SCORM package builder without a browser: where scorm.js goes, and what it never replaces."""
from __future__ import annotations

import subprocess
import sys

import pytest

from widgets.scorm import add_scorm_script


def test_scorm_script_follows_quiz_js_or_ends_the_head():
    quiz_page = ('<head><script src="assets/quiz.js" defer></script>\n<title>x</title></head>'
                 "<body></body>")
    out = add_scorm_script(quiz_page, 12)
    assert out.index("assets/quiz.js") < out.index("assets/scorm.js") < out.index("<title>")
    assert '<meta name="mscourse-questions" content="12">' in out
    plain = add_scorm_script("<head><title>x</title></head><body></body>", 3)
    assert plain.index("assets/scorm.js") < plain.index("</head>")
    with pytest.raises(ValueError, match="no </head>"):
        add_scorm_script("<body></body>", 1)


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_cli_never_replaces_a_file_that_is_not_a_package(tmp_path):
    mine = tmp_path / "course-scorm.zip"
    mine.write_text("my own notes")
    done = subprocess.run([sys.executable, "-m", "widgets", "scorm", "--out", str(mine)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "is not a SCORM package" in done.stderr
    assert mine.read_text() == "my own notes"
