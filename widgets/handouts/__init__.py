"""Offline handouts: static HTML pages (and a PDF per variant) from the same course.

``build_handouts(content=None, out="build/handouts", variant="both")`` writes
``OUT/student/`` and ``OUT/instructor/``; ``print_pdfs(out)`` prints each variant's
``print.html`` to ``OUT/student.pdf`` and ``OUT/instructor.pdf`` through headless Chromium.
"""
from .build import VARIANTS, Handouts, build_handouts, page_name
from .pdf import print_pdf, print_pdfs

__all__ = ["build_handouts", "print_pdfs", "print_pdf", "Handouts", "page_name", "VARIANTS"]
