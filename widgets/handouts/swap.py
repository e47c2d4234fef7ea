"""Build beside, swap in: a new build goes into a temporary sibling of its folder and
replaces the previous build only when it is complete, so a failed or interrupted build
leaves the previous one whole; a folder the handouts did not write is never replaced."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..fileio import current_umask

GENERATOR = "ms-leg-pain-course handouts"  # every page's <meta name="generator">


def _is_ours(folder: Path) -> bool:
    index = folder / "index.html"
    return index.is_file() and f'content="{GENERATOR}"' in index.read_text("utf-8", "replace")


def _check_target(folder: Path) -> None:
    """Refuse, before any work, to replace a folder that is not a previous build."""
    if folder.exists() and not (folder.is_dir()
                                and (_is_ours(folder) or not any(folder.iterdir()))):
        raise FileExistsError(f"{folder} exists and does not hold handouts; "
                              "choose another --out folder or remove it")


def _scratch(folder: Path) -> Path:
    """A fresh temporary sibling of ``folder`` to build into. Scratch folders that an
    interrupted build of ``folder`` left behind (named only by this function) go first."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    for left in folder.parent.glob(f".{folder.name}.building-*"):
        if left.is_dir():
            shutil.rmtree(left, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{folder.name}.building-", dir=folder.parent))


def _swap_in(scratch: Path, folder: Path) -> None:
    """Put a finished build in place of the previous one (which is removed only after)."""
    os.chmod(scratch, 0o777 & ~current_umask())  # mkdtemp makes it private; a build is for sharing
    old = None
    if folder.exists():
        _check_target(folder)  # still ours: nothing may have moved in meanwhile
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(folder, old)
    os.replace(scratch, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
