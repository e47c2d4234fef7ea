"""The student handouts as a SCORM 1.2 package (``python -m widgets scorm``).

The package is the student handout folder plus:
- ``imsmanifest.xml``: one organisation with one SCO, launched at ``scorm-launch.html``;
- ``scorm-launch.html``: holds the LMS session for the visit and shows the handouts in a frame;
- ``assets/scorm.js`` (widgets/quiz/assets/scorm.js), loaded by every page: it finds the
  LMS's API and reports score, status and the learner's answers (see that file). Outside
  an LMS it does nothing, so the pages behave as the ordinary handouts.

The zip is reproducible (sorted entries, fixed timestamps) and written atomically; an
existing file that is not a SCORM package is never replaced.
"""
from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
SCORM_JS = HERE / "quiz" / "assets" / "scorm.js"
TEMPLATES = HERE / "export" / "templates"
LAUNCH = "scorm-launch.html"
START = "index.html"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def course_question_ids(course) -> list[str]:
    """Every question a learner meets in the handouts' quizzes, once each."""
    ids: dict[str, None] = {}
    for section in course.sections:
        for q in course.quiz(section.id).questions:
            ids.setdefault(q.id, None)
    return list(ids)


_QUIZ_TAG = re.compile(r'<script src="assets/quiz\.js"( defer)?></script>')


def add_scorm_script(page: str, n_questions: int) -> str:
    """The page with scorm.js after quiz.js (or at the end of the head) and the question count."""
    tags = (f'<meta name="mscourse-questions" content="{n_questions}">\n'
            '<script src="assets/scorm.js" defer></script>')
    match = _QUIZ_TAG.search(page)
    if match:
        return page[:match.end()] + "\n" + tags + page[match.end():]
    if "</head>" not in page:
        raise ValueError("a handout page has no </head>: cannot add the SCORM script")
    return page.replace("</head>", tags + "\n</head>", 1)


def manifest(course, files: list[str]) -> bytes:
    """imsmanifest.xml for SCORM 1.2: one organisation, one item, one SCO resource."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    m = ET.Element(f"{{{IMSCP}}}manifest", {
        "identifier": "ms-leg-pain-course", "version": "1",
        f"{{{XSI}}}schemaLocation": (f"{IMSCP} imscp_rootv1p1p2.xsd "
                                     f"{ADLCP} adlcp_rootv1p2.xsd")})
    meta = ET.SubElement(m, f"{{{IMSCP}}}metadata")
    ET.SubElement(meta, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(meta, f"{{{IMSCP}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(m, f"{{{IMSCP}}}organizations", {"default": "course"})
    org = ET.SubElement(orgs, f"{{{IMSCP}}}organization", {"identifier": "course"})
    ET.SubElement(org, f"{{{IMSCP}}}title").text = course.info.title
    item = ET.SubElement(org, f"{{{IMSCP}}}item", {"identifier": "item-course",
                                                   "identifierref": "sco-course",
                                                   "isvisible": "true"})
    ET.SubElement(item, f"{{{IMSCP}}}title").text = course.info.title
    resources = ET.SubElement(m, f"{{{IMSCP}}}resources")
    res = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "sco-course", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco",
        "href": LAUNCH})
    for name in files:
        ET.SubElement(res, f"{{{IMSCP}}}file", {"href": name})
    ET.indent(m, space="  ")
    return ET.tostring(m, encoding="utf-8", xml_declaration=True) + b"\n"


def launch_page(course) -> str:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return env.get_template("scorm-launch.html.j2").render(title=course.info.title, start=START)


def package_files(course, folder: Path) -> dict[str, bytes]:
    """Every file of the package by its path inside the zip, from a built student folder."""
    n = len(course_question_ids(course))
    files: dict[str, bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        if name.endswith(".html"):
            data = add_scorm_script(data.decode("utf-8"), n).encode("utf-8")
        files[name] = data
    files["assets/scorm.js"] = SCORM_JS.read_bytes()
    files[LAUNCH] = launch_page(course).encode("utf-8")
    files["imsmanifest.xml"] = manifest(course, sorted(files))
    return files


def _is_package(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return "imsmanifest.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def build_scorm(out: str | Path, content: str | Path | None = None,
                progress: Callable[[str], None] | None = None) -> Path:
    """Build the student handouts and pack them as a SCORM 1.2 zip at ``out``."""
    from .course import load_course
    from .handouts import build_handouts

    out = Path(out)
    if out.exists() and (out.is_dir() or not _is_package(out)):
        raise FileExistsError(f"{out} exists and is not a SCORM package; choose another --out "
                              "file or remove it")
    course = load_course(content)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".scorm-", dir=out.parent) as tmp:
        build_handouts(content=content, out=Path(tmp) / "handouts", variant="student",
                       progress=progress)
        files = package_files(course, Path(tmp) / "handouts" / "student")
        part = Path(tmp) / "package.zip"
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name in ["imsmanifest.xml"] + sorted(n for n in files if n != "imsmanifest.xml"):
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, files[name])
        os.chmod(part, 0o644)
        os.replace(part, out)
    return out
