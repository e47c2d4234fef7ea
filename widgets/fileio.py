"""Writing files safely: the package's one atomic-write helper.

A reader (another notebook, another learner's kernel, a browser loading a handout) sees either
the old file or the new one, never half of one: the text goes to a temporary file in the same
folder, is flushed to disk, and then replaces the target in one step (``os.replace``). When
anything fails the target is left exactly as it was and the temporary file is removed.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "current_umask"]


def atomic_write(path: str | Path, data: str | bytes, *, prefix: str = ".tmp-",
                 fsync: bool = True) -> Path:
    """Replace ``path`` with ``data`` (text is written as UTF-8 with ``\\n`` line ends).

    Creates the parent folder when missing. Raises ``OSError`` on failure, with ``path``
    untouched and no temporary file left behind.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        if path.exists():  # keep the permissions of the file being replaced
            try:
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            except OSError:
                pass
        else:
            os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def current_umask() -> int:
    """The process's umask (for files made private by ``tempfile`` that are meant to share)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
