import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium():
    """Skip without Chromium on a developer machine; fail in CI, where it must be installed."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")


@pytest.fixture
def min_content(tmp_path) -> Path:
    """A writable copy of the small valid fixture course."""
    dest = tmp_path / "content"
    shutil.copytree(FIXTURES / "content-min", dest)
    return dest


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Every test gets its own progress and settings files, never the user's."""
    monkeypatch.setenv("MS_COURSE_PROGRESS", str(tmp_path / "progress" / "progress.json"))
