"""Which plotly.js the handouts carry: the basic bundle (scatter, bar, pie; 1.2 MB) when
npm has installed it at the plotly.js version the pinned Python plotly ships, otherwise
Python plotly's own full bundle (4.8 MB), with a warning that says how to get the small one.

The basic bundle is not committed to git (a 1.2 MB minified third-party file); it comes
from npm (``package.json``: ``plotly.js-basic-dist-min``), as axe-core does for the tests.
``make handouts`` installs it when npm is there and still works without npm.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ASSET_NAME = "plotly.min.js"
NPM_PACKAGE = "plotly.js-basic-dist-min"
BASIC_FILE = Path("node_modules") / NPM_PACKAGE / "plotly-basic.min.js"
# the trace types the basic bundle registers (its README: "bar, pie and scatter")
BASIC_TRACES = frozenset({"scatter", "bar", "pie"})
_HEADER = re.compile(r"plotly\.js \(basic - minified\) v(\S+)")
REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Bundle:
    """plotly.js as the handouts ship it: its source, and what it can draw (None = all)."""

    kind: str  # "basic" or "full"
    version: str
    source: str
    traces: frozenset | None

    def draws(self, trace_type: str) -> bool:
        return self.traces is None or trace_type in self.traces


def basic_candidates() -> list[Path]:
    """Where ``npm ci`` puts the basic bundle: the repository, then the working folder."""
    return [REPO / BASIC_FILE, Path.cwd() / BASIC_FILE]


def basic_version(text: str) -> str | None:
    m = _HEADER.search(text[:400])
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def plotly_bundle() -> Bundle:
    """The basic bundle if npm installed the right version, else plotly's full bundle."""
    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    wanted = get_plotlyjs_version()
    why = f"{BASIC_FILE} not found"
    for path in basic_candidates():
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        found = basic_version(text)
        if found == wanted:
            return Bundle("basic", wanted, text, BASIC_TRACES)
        why = (f"{path} is plotly.js {found or '(unknown version)'}, but the installed Python "
               f"plotly draws for plotly.js {wanted}")
        break
    warnings.warn(f"handouts carry the full plotly.js (4.8 MB per variant): {why}. "
                  f"Run `npm ci` (package.json pins {NPM_PACKAGE}@{wanted}) for the 1.2 MB one.",
                  stacklevel=2)
    return Bundle("full", wanted, get_plotlyjs(), None)


def check_traces(name: str, trace_types: set[str], bundle: Bundle | None = None) -> None:
    """Refuse a figure the handouts' plotly.js cannot draw, naming the figure and the fix."""
    bundle = bundle or plotly_bundle()
    missing = sorted(t for t in trace_types if not bundle.draws(t))
    if missing:
        raise ValueError(
            f"figure {name!r} draws {', '.join(missing)} traces, which the handouts' basic "
            f"plotly.js bundle cannot draw ({', '.join(sorted(BASIC_TRACES))} only): draw it "
            "with those trace types (a table becomes an HTML table), or ship a bigger bundle "
            "in widgets/handouts/plotlyjs.py")
