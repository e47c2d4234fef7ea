"""The suite's own rules (tests/conftest.py): in CI a skipped browser test, or a test
skipped for a missing tool (Chromium, Playwright, axe-core, poppler, npm), is a failure;
on a developer machine it stays a skip; a skip for any other reason stays a skip."""
import pytest

from conftest import ROOT

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.slow  # two inner pytest runs

SAMPLE = '''
import pytest
from conftest import need

@pytest.mark.browser
def test_browser_skip():
    pytest.skip("no page to open")

def test_tool_skip():
    need(False, "pdftoppm missing: apt-get install poppler-utils")

def test_other_skip():
    pytest.skip("nothing of this kind in the course yet")
'''


@pytest.mark.parametrize("ci", [False, True])
def test_ci_turns_tool_and_browser_skips_into_failures(pytester, monkeypatch, ci):
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(test_sample=SAMPLE)
    for name in ("CI", "COURSE_REQUIRE_BROWSER"):
        monkeypatch.delenv(name, raising=False)
    if ci:
        monkeypatch.setenv("CI", "true")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    if ci:
        result.assert_outcomes(failed=2, skipped=1)
        result.stdout.fnmatch_lines(["*test_browser_skip*skipped in CI*",
                                     "*test_tool_skip*CI must have it*"])
    else:
        result.assert_outcomes(skipped=3)
