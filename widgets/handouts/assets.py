"""The files a handout page loads (CSS, quiz and plotly scripts) and its <head> links to them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..figures.minimap import ASSET_NAME as MINIMAP_JS, minimap_script
from ..quiz.record import DASHBOARD_JS, record_script
from .figures import figures_script
from .helpers import _optional
from .plotlyjs import ASSET_NAME as PLOTLY_JS, plotly_bundle

ASSETS = Path(__file__).resolve().parent / "assets"
QUIZ_JS = _optional("widgets.quiz.offline", "QUIZ_JS")
FIGURES_JS = "figures.js"


@dataclass(frozen=True)
class QuizAssets:
    js: Path | None
    css: Path | None


def quiz_assets() -> QuizAssets:
    js, css = _optional("widgets.quiz", "QUIZ_JS"), _optional("widgets.quiz", "QUIZ_CSS")
    return QuizAssets(Path(js) if js else None, Path(css) if css else None)


@dataclass
class Assets:
    """How a page reaches its CSS and scripts: relative links, or inlined (single file)."""

    inline: bool = False
    quiz: QuizAssets = field(default_factory=quiz_assets)
    pathway: object | None = None  # the course's pathway: assets/pathway-map.js (the minimap)

    def files(self) -> dict[str, bytes]:
        """Every file ``assets/`` holds, by name."""
        out = {
            "handout.css": (ASSETS / "handout.css").read_bytes(),
            "print.css": (ASSETS / "print.css").read_bytes(),
            PLOTLY_JS: plotly_bundle().source.encode("utf-8"),  # basic bundle: plotlyjs.py
            FIGURES_JS: figures_script().encode("utf-8"),  # draws the figure specs
        }
        if self.quiz.js:
            # the wording and record.js's config once per folder, before each script
            out["quiz.js"] = (_optional("widgets.quiz.offline", "quiz_script")().encode("utf-8")
                              if self.carries_messages() else self.quiz.js.read_bytes())
            out["record.js"] = record_script().encode("utf-8")
            out["dashboard.js"] = DASHBOARD_JS.read_bytes()
        if self.quiz.css:
            out["quiz.css"] = self.quiz.css.read_bytes()
        if self.quiz.js and self.pathway is not None:  # drawn by quiz.js after a wrong answer
            out[MINIMAP_JS] = minimap_script(self.pathway).encode("utf-8")
        from ..present_page import PRESENT_CSS, PRESENT_JS  # the presenter view's page

        out["present.js"], out["present.css"] = PRESENT_JS.read_bytes(), PRESENT_CSS.read_bytes()
        return out

    def carries_messages(self) -> bool:
        """Whether assets/quiz.js holds the feedback wording (else each page does)."""
        return bool(self.quiz.js and self.quiz.js == QUIZ_JS
                    and _optional("widgets.quiz.offline", "quiz_script"))

    def head(self, *, plotly: bool, quiz: bool, record: bool | None = None,
             dashboard: bool = False, quiz_script: bool = True) -> Markup:
        """The ``<link>``/``<script>`` elements of a page's head. ``record``: record.js keeps
        the learner's answers (default: on pages with a quiz); ``dashboard``: the index
        dashboard (record.js and dashboard.js); ``quiz_script=False``: quizzes as
        worksheets (quiz.css, no quiz.js: the print page). With ``plotly``, figures.js draws
        the page's figures from their specs (assets/<figure id>.js, loaded where each figure
        is); quiz.js and record.js carry the wording and config every page shares."""
        record = (quiz and quiz_script if record is None else record) or dashboard
        styles = [("handout.css", "all")]
        if quiz and self.quiz.css:
            styles.append(("quiz.css", "all"))
        styles.append(("print.css", "print"))
        quiz_js = quiz and quiz_script and self.quiz.js
        scripts = ([PLOTLY_JS, FIGURES_JS] if plotly else []) + (
            [MINIMAP_JS] if quiz_js and self.pathway is not None else []) + (
            ["quiz.js"] if quiz_js else [])
        scripts += ["record.js"] if record and self.quiz.js else []
        scripts += ["dashboard.js"] if dashboard and self.quiz.js else []
        parts = []
        if "quiz.js" in scripts and not self.carries_messages():  # once per page, else
            parts.append(_optional("widgets.quiz.offline", "messages_html")())
        if self.inline:
            files = self.files()
            for name, media in styles:
                css = files[name].decode("utf-8").replace("</", "<\\/")
                parts.append(f'<style media="{media}">\n{css}</style>')
            for name in scripts:
                js = files[name].decode("utf-8").replace("</script", "<\\/script")
                parts.append(f"<script>\n{js}</script>")
        else:
            parts += [f'<link rel="stylesheet" href="assets/{n}" media="{m}">' for n, m in styles]
            parts += [f'<script src="assets/{n}"{"" if n in (PLOTLY_JS, FIGURES_JS) else " defer"}>'
                      "</script>" for n in scripts]  # figures are drawn as the page is read
        return Markup("\n".join(parts))
