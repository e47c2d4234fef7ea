"""Exports of the course for other systems: a Moodle XML question bank (:mod:`.moodle`)."""
from __future__ import annotations

from .moodle import FRACTIONS, moodle_xml, write_moodle_xml

__all__ = ["FRACTIONS", "moodle_xml", "write_moodle_xml"]
