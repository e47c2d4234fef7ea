"""The handouts' own words come from content/handouts.yaml, not from the templates."""
import shutil

from widgets.course import check_course, load_course
from widgets.handouts.build import Handouts

from conftest import ROOT


def test_index_guidance_and_page_intros_come_from_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = (content / "handouts.yaml").read_text()
    text = text.replace("Work through the sections in order", "Go through the sections one by one")
    text = text.replace("Every source the course cites, by its key.", "All the sources, by key.")
    text = text.replace("on a page of its own: open it and print it after the sections.",
                        "kept apart: print it **separately**.")
    (content / "handouts.yaml").write_text(text)
    course_yaml = (content / "course.yaml").read_text()
    (content / "course.yaml").write_text(course_yaml.replace("**Educational use only, not medical advice.**",
                                                             "**For learning only, not medical advice.**"))
    # the pages as the build writes them (rendered in process; the build itself:
    # tests/test_handouts.py)
    handouts = Handouts(load_course(content), "instructor")
    index = handouts.render("index.html")
    assert "Go through the sections one by one" in index
    assert "Work through the sections in order" not in index
    assert "<strong>For learning only, not medical advice.</strong>" in index
    assert 'href="answer-key.html">answer key</a>' in index  # Markdown links in the guidance
    refs = handouts.render("references.html")
    assert "All the sources, by key." in refs
    printed = handouts.render("print.html")  # the answer key's entry: the key is its own page
    assert ('<li class="handout-key-entry"><a href="answer-key.html">Answer key</a><span class='
            '"handout-key-note">: every quiz question, its answer and the explanations, kept apart: '
            'print it <strong>separately</strong>.</span></li>') in printed
    page = handouts.render("02-understanding-ms.html")
    assert "For learning only, not medical advice." in page


def test_a_broken_handouts_file_is_reported_with_its_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = (content / "handouts.yaml").read_text().replace("  print: every section", "  printed: every section")
    (content / "handouts.yaml").write_text(text)
    _, problems = check_course(content)
    lines = [str(p) for p in problems]
    assert any(l.startswith("content/handouts.yaml:") and "printed: unknown field" in l for l in lines), lines
