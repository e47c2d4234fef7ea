"""The SCORM 1.2 package in Chromium under a real SCORM runtime (npm scorm-again).

A local static server on 127.0.0.1 serves an "LMS" page that creates scorm-again's
Scorm12API as window.API and loads the package's launch page in a frame beneath it, as an
LMS does. The test answers questions in the handout pages and reads back what the runtime
recorded: cmi.core.score.raw/min/max, cmi.core.lesson_status and cmi.suspend_data; a second
visit starts from the saved suspend_data and finds the answers restored. Outside an LMS the
pages behave as ordinary handouts.
"""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from widgets.course import load_course
from widgets.scorm import build_scorm, course_question_ids

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
SECTION_PAGE = "03-nerve-damage-and-sensation.html"

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")

LMS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({autocommit: false, lmsCommitUrl: false, logLevel: 5});
  var start = location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : null;
  if (start) { window.API.loadFromFlattenedJSON(start); }
</script></head>
<body><iframe id="sco" src="pkg/scorm-launch.html" style="width:1200px;height:800px"></iframe></body></html>
"""


def fnv_key(qid: str) -> str:
    """scorm.js's key for a question id (FNV-1a, base 36)."""
    h = 0x811C9DC5
    for ch in qid.encode("utf-16-le")[::2]:  # ids are ASCII slugs: one code unit each
        h = ((h ^ ch) * 0x01000193) & 0xFFFFFFFF
    digits, out = "0123456789abcdefghijklmnopqrstuvwxyz", ""
    while True:
        h, r = divmod(h, 36)
        out = digits[r] + out
        if h == 0:
            return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - keep the test output readable
        pass


from conftest import require_chromium as _require_chromium  # noqa: E402


@pytest.fixture(scope="module")
def course():
    return load_course()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The package unzipped beside the LMS page, served on 127.0.0.1."""
    if not RUNTIME.exists():
        pytest.fail("node_modules/scorm-again is missing: run `make node_modules/.installed-stamp`")
    root = tmp_path_factory.mktemp("lms")
    package = build_scorm(root / "course-scorm.zip")
    with zipfile.ZipFile(package) as z:
        z.extractall(root / "pkg")
    shutil.copy(RUNTIME, root / "scorm12.min.js")
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# the browser: one Chromium for the whole suite (tests/conftest.py)


def _open_section(browser, base: str, start: dict | None = None):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    fragment = "#" + json.dumps(start) if start else ""
    page.goto(f"{base}/lms.html{fragment}")
    page.wait_for_function("() => window.frames[0] && window.frames[0].MSCourseSCORM")
    inner = page.frame(name="course")
    inner.goto(f"{base}/pkg/{SECTION_PAGE}")
    inner.wait_for_function("() => window.MSCourseSCORM && document.querySelector('.ms-quiz-question')")
    return page, inner, errors


def _questions(inner) -> list[dict]:
    return inner.evaluate("""() => Array.from(document.querySelectorAll('.ms-quiz .ms-quiz-question'))
        .map(q => Object.assign(JSON.parse(q.querySelector('script.ms-quiz-data').textContent),
                                {uid: q.id}))""")


def _answer(page, inner, q: dict, right: bool) -> None:
    """Answer a single-choice or true/false question by keyboard: focus, Space, then Check."""
    if q["kind"] == "single":
        index = next(i for i, o in enumerate(q["options"]) if o["correct"] == right)
    else:
        value = q["answer"] if right else not q["answer"]
        index = 0 if value else 1
    inner.locator(f"#{q['uid']} .ms-quiz__controls input").nth(index).focus()
    page.keyboard.press("Space")
    # how sure, before Check (confidence-based marking)
    inner.locator(f"#{q['uid']} .ms-quiz__confidence input[value=medium]").focus()
    page.keyboard.press("Space")
    inner.focus(f"#{q['uid']} button[data-action=check]")
    page.keyboard.press("Enter")


def _cmi(page, name: str) -> str:
    return page.evaluate(f"() => window.API.LMSGetValue('{name}')")


def test_manifest_lists_every_file_and_launches_the_sco(served):
    root, _ = served
    tree = ET.parse(root / "pkg" / "imsmanifest.xml").getroot()
    ns = {"c": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
          "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    assert tree.find("c:metadata/c:schemaversion", ns).text == "1.2"
    res = tree.find("c:resources/c:resource", ns)
    assert res.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    assert (root / "pkg" / res.get("href")).is_file()
    item = tree.find("c:organizations/c:organization/c:item", ns)
    assert item.get("identifierref") == res.get("identifier")
    listed = {f.get("href") for f in res.findall("c:file", ns)}
    on_disk = {p.relative_to(root / "pkg").as_posix() for p in (root / "pkg").rglob("*")
               if p.is_file() and p.name != "imsmanifest.xml"}
    assert listed == on_disk


def test_lms_records_score_status_and_answers_then_restores_them(served, browser, course):
    _, base = served
    page, inner, errors = _open_section(browser, base)
    assert _cmi(page, "cmi.core.lesson_status") == "incomplete"  # set when the visit began
    qs = [q for q in _questions(inner) if q["kind"] in ("single", "truefalse")]
    assert len(qs) >= 2
    first, second = qs[0], qs[1]
    _answer(page, inner, first, right=True)
    _answer(page, inner, second, right=False)
    n = len(course_question_ids(course))
    assert _cmi(page, "cmi.core.score.raw") == str(round(100 / n))
    assert _cmi(page, "cmi.core.score.min") == "0"
    assert _cmi(page, "cmi.core.score.max") == "100"
    assert _cmi(page, "cmi.core.lesson_status") == "incomplete"
    suspend = json.loads(_cmi(page, "cmi.suspend_data"))
    assert suspend["a"][fnv_key(first["id"])][1] == 1
    assert suspend["a"][fnv_key(second["id"])][1] == 0
    assert len(suspend["a"]) == 2
    assert page.evaluate("() => window.API.LMSGetLastError()") == "0"
    assert page.evaluate("() => window.API.isInitialized()")  # one session for the visit
    assert not errors
    saved = _cmi(page, "cmi.suspend_data")
    page.close()

    # the next visit starts from what the LMS kept
    page, inner, errors = _open_section(browser, base, {"cmi.suspend_data": saved,
                                                        "cmi.core.lesson_status": "incomplete"})
    assert inner.get_attribute(f"#{first['uid']}", "data-state") == "correct"
    assert inner.get_attribute(f"#{second['uid']}", "data-state") == "wrong"
    feedback = inner.inner_text(f"#{first['uid']} .ms-quiz__feedback")
    assert "Correct" in feedback
    assert json.loads(_cmi(page, "cmi.suspend_data"))["a"] == suspend["a"]
    assert not errors
    page.close()


def test_last_answer_completes_the_course_against_mastery(served, browser, course):
    _, base = served
    page, inner, _ = _open_section(browser, base)
    target = next(q for q in _questions(inner) if q["kind"] in ("single", "truefalse"))
    page.close()
    others = {fnv_key(i): [0, 1] for i in course_question_ids(course) if i != target["id"]}
    start = {"cmi.suspend_data": json.dumps({"v": 1, "a": others}),
             "cmi.student_data.mastery_score": "80"}
    page, inner, errors = _open_section(browser, base, start)
    assert _cmi(page, "cmi.core.lesson_status") == "incomplete"
    _answer(page, inner, target, right=True)
    assert _cmi(page, "cmi.core.score.raw") == "100"
    assert _cmi(page, "cmi.core.lesson_status") == "passed"
    assert not errors
    page.close()


def test_outside_an_lms_the_pages_are_ordinary_handouts(served, browser):
    _, base = served
    page = browser.new_page()
    page.goto(f"{base}/pkg/{SECTION_PAGE}")
    assert page.evaluate("() => window.MSCourseSCORM === undefined")
    q = next(q for q in _questions(page) if q["kind"] in ("single", "truefalse"))
    _answer(page, page, q, right=True)
    assert page.get_attribute(f"#{q['uid']}", "data-state") == "correct"
    page.close()
