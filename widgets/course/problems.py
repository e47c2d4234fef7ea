"""Problems found in content: values first, exceptions only at the edges."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content: where it is and what to do about it."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised by :func:`widgets.course.load_course` when the content has problems.

    ``str(error)`` lists every problem as ``file:line: message``, one per line.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(
            f"the course content has {len(self.problems)} problem(s):\n"
            + "\n".join(str(p) for p in self.problems)
        )


def rel(path: Path, root: Path | None) -> str:
    """A path as the author knows it: relative to the content folder's parent when possible."""
    path = Path(path)
    if root is not None:
        try:
            return str(path.resolve().relative_to(Path(root).resolve().parent))
        except ValueError:
            pass
    return str(path)
