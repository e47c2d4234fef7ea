"""Installs anywhere: a built wheel carries the course content, and the installed course
checks its content and runs a notebook from a folder that has nothing to do with the checkout.

The scratch environment is a fresh venv with only the built wheel installed into it. Its
dependencies come from this venv (one ``.pth`` line naming its site-packages, whose own
``.pth`` files, the editable install of this checkout among them, are not processed there),
so the test takes seconds, not the minute a full download-and-install of the Jupyter stack
takes; ``pip check`` then proves the wheel's declared requirements are all met.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

SOURCES = ["pyproject.toml", "setup.py", "MANIFEST.in", "widgets", "content"]


def _run(cmd, cwd, env, timeout=600):
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"  # a copy, so the build leaves nothing in the checkout
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "MS_COURSE_CONTENT", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"),
          str(src)], cwd=base, env=env)
    wheel = next((base / "dist").glob("ms_leg_pain_course-*.whl"))
    scratch = base / "venv"
    venv.create(scratch, with_pip=False)
    py = scratch / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=base, env=env).stdout.strip())
    (site / "course-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q",
          str(wheel)], cwd=base, env=env)
    elsewhere = base / "elsewhere"  # an unrelated folder: no content/, no notebooks/
    elsewhere.mkdir()
    env["MS_COURSE_PROGRESS"] = str(base / "progress.json")
    return {"py": py, "wheel": wheel, "env": env, "cwd": elsewhere, "site": site}




def test_wheel_holds_every_content_file(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    content = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    missing = [c for c in content if f"widgets/{c}" not in names]
    assert content and not missing, missing
    assert "widgets/quiz/assets/quiz.js" in names


def test_installed_course_imports_from_the_scratch_env_and_checks_its_content(installed):
    py, env, cwd = installed["py"], installed["env"], installed["cwd"]
    where = _run([str(py), "-c", "import widgets, widgets.course as c; "
                  "print(widgets.__file__); print(c.find_content())"], cwd, env).stdout.split()
    assert all(Path(p).is_relative_to(installed["site"]) for p in where), where
    out = _run([str(py), "-m", "widgets", "check"], cwd, env).stdout
    assert out.startswith("ok: ") and "sections" in out, out
    # every requirement the wheel declares is met in the scratch environment
    _run([sys.executable, "-m", "pip", "--python", str(py), "check"], cwd, env)


def test_installed_course_writes_and_runs_a_notebook_from_an_unrelated_folder(installed):
    py, env, cwd = installed["py"], installed["env"], installed["cwd"]
    refused = subprocess.run([str(py), "-m", "widgets", "notebooks"], cwd=cwd, env=env,
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "--out" in refused.stderr  # never into site-packages
    _run([str(py), "-m", "widgets", "notebooks", "--out", "course"], cwd, env)
    notebook = cwd / "course" / "03-nerve-damage-and-sensation.ipynb"
    assert notebook.is_file()
    runner = ("import nbformat, sys; from nbclient import NotebookClient; "
              "nb = nbformat.read(sys.argv[1], as_version=4); "
              "NotebookClient(nb, timeout=120, kernel_name='python3', "
              "resources={'metadata': {'path': '.'}}).execute(); "
              "nbformat.write(nb, sys.argv[2])")
    _run([str(py), "-c", runner, str(notebook), "executed.ipynb"], cwd, env)
    nb = nbformat.read(cwd / "executed.ipynb", as_version=4)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    # the section's own prose and footer, from the wheel's content (its title is the
    # notebook's Markdown cell now, not an output)
    assert "demyelination" in html.lower() and "Content last reviewed" in html
    assert 'class="course-problems"' not in html
