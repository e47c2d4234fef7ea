"""Teaching mode: the environment variable and the start-here toggle."""
from __future__ import annotations

import ipywidgets as widgets
import pytest

from widgets.teaching import is_teaching, set_teaching, teaching_toggle


@pytest.fixture(autouse=True)
def _reset(monkeypatch):
    monkeypatch.delenv("MS_COURSE_MODE", raising=False)
    set_teaching(None)
    yield
    set_teaching(None)


def test_off_by_default():
    assert is_teaching() is False


@pytest.mark.parametrize("value,on", [("teaching", True), ("Teaching", True), ("learner", False),
                                      ("", False)])
def test_environment_variable(monkeypatch, value, on):
    monkeypatch.setenv("MS_COURSE_MODE", value)
    assert is_teaching() is on


def test_toggle_switches_mode_for_later_quizzes():
    box = teaching_toggle()
    assert isinstance(box, widgets.VBox)
    assert box.toggle.description == "Teaching mode" and box.toggle.tooltip
    assert "off" in box.status.value
    box.toggle.value = True
    assert is_teaching() is True
    assert "Teaching mode is on" in box.status.value
    box.toggle.value = False
    assert is_teaching() is False


def test_toggle_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("MS_COURSE_MODE", "teaching")
    box = teaching_toggle()
    assert box.toggle.value is True
    box.toggle.value = False
    assert is_teaching() is False
    set_teaching(None)
    assert is_teaching() is True


def test_toggle_choice_reaches_other_notebooks(monkeypatch):
    """Another notebook is another kernel: it reads the saved choice, not this module's state."""
    import widgets.teaching as teaching

    box = teaching_toggle()
    box.toggle.value = True
    monkeypatch.setitem(teaching._state, "on", None)  # a fresh kernel
    assert is_teaching() is True
    assert teaching.settings_path().exists()
    set_teaching(None)
    assert not teaching.settings_path().exists()
    assert is_teaching() is False
