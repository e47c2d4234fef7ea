"""Where the course content is: one answer for every command, notebook and handout.

``find_content(content)`` returns, in order:

1. ``content`` when given (``--content DIR`` on the command line, an argument in Python);
2. ``$MS_COURSE_CONTENT`` when set (a hub or a Docker image serving edited content);
3. the checkout's ``content/`` (a clone, or an editable ``pip install -e .``);
4. the copy the wheel carries as ``widgets/content/`` (``pip install .`` or from a wheel).
"""
from __future__ import annotations

import os
from pathlib import Path

ENV_CONTENT = "MS_COURSE_CONTENT"
_PACKAGE = Path(__file__).resolve().parents[1]  # widgets/
CHECKOUT_CONTENT = _PACKAGE.parent / "content"
PACKAGED_CONTENT = _PACKAGE / "content"

__all__ = ["ENV_CONTENT", "find_content", "course_content", "not_found_hint"]


def course_content() -> Path:
    """The course's own content: the checkout's folder, else the wheel's copy."""
    if (CHECKOUT_CONTENT / "course.yaml").is_file() or not PACKAGED_CONTENT.is_dir():
        return CHECKOUT_CONTENT
    return PACKAGED_CONTENT


def find_content(content: str | os.PathLike | None = None) -> Path:
    """The content folder to use (see the module's docstring for the order)."""
    if content is not None and str(content).strip():
        return Path(content).expanduser()
    env = os.environ.get(ENV_CONTENT, "").strip()
    if env:
        return Path(env).expanduser()
    return course_content()


def not_found_hint() -> str:
    return (f"content folder not found; pass --content DIR or set {ENV_CONTENT}=DIR, "
            "pointing at a folder holding course.yaml")
