"""The notebook API shows each part as rich output, and broken content as a clear message."""
from unittest import mock

import pytest

import widgets
from widgets import notebook


@pytest.fixture
def shown():
    items = []
    with mock.patch.object(notebook, "display", side_effect=items.append):
        yield items


def html_of(items):
    return "".join(getattr(i, "data", "") or "" for i in items)


def test_section_view_shows_header_body_summary_footer(shown):
    section = widgets.open_section("03")
    section.header()
    section.body()
    section.summary()
    section.footer()
    html = html_of(shown)
    assert "<h1>Nerve damage and sensation</h1>" in html
    assert "Key points" in html and "References" in html
    assert "Safety: red flags and what to do" in html


def test_broken_content_is_shown_as_a_list_of_problems(shown, min_content):
    (min_content / "sections" / "00-start.md").write_text("no front matter here\n")
    section = widgets.open_section("start", content=min_content)
    html = html_of(shown)
    assert 'role="alert"' in html and "content/sections/00-start.md:1:" in html
    section.header()  # does nothing more, raises nothing
    assert len(shown) == 1


def test_unknown_section_names_the_known_ones():
    with pytest.raises(KeyError, match="00-start-here"):
        widgets.open_section("99")


@pytest.mark.slow  # another Python process: in make test, not make test-fast
def test_import_widgets_stays_light():
    import subprocess
    import sys

    code = ("import sys, widgets, widgets.course; "
            "print(any(m.split('.')[0] in ('plotly','ipywidgets') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
