"""The one thing pyproject.toml cannot say: a built wheel carries the course content.

``content/`` (every word and number the learner sees) lives at the top of the repository for
the authors; a wheel installs it inside the package as ``widgets/content/``, where
``widgets.course.find_content()`` finds it. An editable install reads the checkout's folder.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CONTENT = Path(__file__).resolve().parent / "content"


class build_py_with_content(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False) or not CONTENT.is_dir():
            return
        dest = Path(self.build_lib) / "widgets" / "content"
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(CONTENT, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": build_py_with_content})
