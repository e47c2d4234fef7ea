"""Exports of the course for other systems: a Moodle XML question bank (:mod:`.moodle`).

Nothing is imported here, so the command line can register the export commands without
loading the quiz engine (and ipywidgets) until an export actually runs.
"""
__all__ = ["moodle", "commands"]
