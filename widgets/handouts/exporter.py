"""``jupyter nbconvert --to handout notebooks/03-....ipynb``: a section's handout page.

The notebook only tells which section it shows (its file name ``NN-id``, or
``metadata.course.section``); the page is rendered from the content, exactly as in the
handout folder, as one self-contained HTML file (CSS, quiz script and plotly.js inlined,
no navigation links to pages that are not there).

Options: ``--HandoutExporter.variant=instructor``, ``--HandoutExporter.content=DIR``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from nbconvert.exporters import Exporter
from traitlets import Enum, Unicode, default

from ..course import ENV_CONTENT, load_course
from .build import VARIANTS, Assets, Handouts

STEM = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)")


def notebook_section(nb, resources: dict) -> str:
    """The section a course notebook shows: ``metadata.course.section`` or its file name."""
    meta = (nb.get("metadata") or {}).get("course") or {}
    if isinstance(meta, dict) and meta.get("section"):
        return str(meta["section"])
    name = ((resources or {}).get("metadata") or {}).get("name") or ""
    m = STEM.match(name)
    if not m:
        raise ValueError(f"cannot tell which section the notebook {name or '(unnamed)'!r} shows: "
                         "name it NN-section-id.ipynb or set metadata.course.section")
    return f"{m.group(1)}-{m.group(2)}"


class HandoutExporter(Exporter):
    """Export a course notebook as its section's offline handout page."""

    export_from_notebook = "Course handout (offline HTML)"
    output_mimetype = "text/html"

    variant = Enum(list(VARIANTS), default_value="student",
                   help="student, or instructor (answers and facilitator notes)").tag(config=True)
    content = Unicode("", help="content folder (default: the course's content/)").tag(config=True)

    @default("file_extension")
    def _file_extension_default(self):
        return ".html"

    def from_notebook_node(self, nb, resources=None, **kw):
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        key = notebook_section(nb_copy, resources)
        # --HandoutExporter.content, else $MS_COURSE_CONTENT, else content/ near the notebook
        near = None if self.content or os.environ.get(ENV_CONTENT) else _content_near(resources)
        course = load_course(self.content or near)
        try:
            section = course.section(key)
        except KeyError:
            section = course.section(key[:2])  # renamed notebook: trust its number
        handouts = Handouts(course, self.variant, Assets(inline=True))
        return handouts.section(section, standalone=True), resources


def _content_near(resources: dict) -> Path | None:
    """``content/`` beside the notebook's folder, when there is one; else the default."""
    path = ((resources or {}).get("metadata") or {}).get("path")
    if path:
        for folder in (Path(path), *Path(path).resolve().parents):
            if (folder / "content" / "course.yaml").is_file():
                return folder / "content"
    return None
