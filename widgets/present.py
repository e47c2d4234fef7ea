"""The presenter view: one question at a time for a room, with a class tally.

``section.present()`` in a notebook (or :func:`presenter`) shows the section's quiz one
question at a time in large type, with Previous / Next / Reveal / Re-vote, the section's
facilitator notes and discussion prompts beside it, and a tally of the room's answers drawn
as a Plotly bar chart. Round 1 is the first vote; after discussion, Re-vote starts round 2,
drawn beside round 1 (peer instruction). Counts come from a show of hands (typed, or +1 per
hand) or, with ``MS_COURSE_CLASS_DIR`` set, from the learners' pooled answers
(:mod:`widgets.classpool`), read live. The offline page in the instructor handouts
(:mod:`widgets.present_page`) shows the same, driven by keyboard.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

import ipywidgets as widgets
import plotly.graph_objects as go
from IPython.display import display

from . import classpool
from .tally import (LABELS, LETTERS, pooled_counts, right_labels, short_labels, tally_figure,
                    tally_labels)
from .quiz.base import esc
from .quiz.kinds import KINDS
from .quiz.offline import HANDOUT_LEARNER
from .quiz.section_quiz import present_question, teaching_notes_html

class Presenter(widgets.HBox):
    """The live presenter view. Drive it as an educator: ``next_button.click()``,
    ``counts[0][i].value = 5``, ``revote_button.click()``, ``reveal_button.click()``."""

    LIVE_SECONDS = 2.0  # how often Live re-reads the class folder

    def __init__(self, course, section_id: str, *, class_dir: Path | None = None):
        self.course = course
        self.section = course.section(section_id)
        self.data = [present_question(course, q, learner=HANDOUT_LEARNER)
                     for q in course.quiz(self.section.id).questions]
        self.class_dir = class_dir if class_dir is not None else classpool.class_dir()
        self.index = 0
        self._state = {d["id"]: {"counts": [[0] * len(tally_labels(d))], "revealed": False,
                                 "revote_at": None} for d in self.data}
        self._live: threading.Event | None = None
        big = widgets.Layout(width="auto")
        self.position = widgets.HTML()
        self.prompt = widgets.HTML()
        self.options = widgets.HTML()
        self.answer = widgets.HTML()
        self.prev_button = widgets.Button(description=LABELS["previous"], icon="arrow-left",
                                          layout=big, tooltip="Previous question")
        self.next_button = widgets.Button(description=LABELS["next"], icon="arrow-right",
                                          layout=big, tooltip="Next question")
        self.reveal_button = widgets.Button(description=LABELS["reveal"], icon="eye",
                                            layout=big, button_style="info",
                                            tooltip="Show the answer with every explanation")
        self.revote_button = widgets.Button(description=LABELS["revote"], icon="redo",
                                            layout=big, tooltip="Start round 2 after discussion")
        self.prev_button.on_click(lambda _b: self.go(self.index - 1))
        self.next_button.on_click(lambda _b: self.go(self.index + 1))
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.revote_button.on_click(lambda _b: self.revote())
        self.source = widgets.ToggleButtons(
            options=[(LABELS["source_hands"], "hands")] +
                    ([(LABELS["source_pool"], "pool")] if self.class_dir else []),
            value="hands", style={"button_width": "auto"}, tooltips=["Type or add the hands counted in the room",
                                     "Count the answers learners checked in their notebooks"])
        self.source.observe(lambda _c: self._draw(), names="value")
        self.refresh_button = widgets.Button(description=LABELS["refresh"], icon="sync",
                                             disabled=not self.class_dir)
        self.refresh_button.on_click(lambda _b: self.refresh_pool())
        self.live = widgets.ToggleButton(description=LABELS["live"], value=False,
                                         disabled=not self.class_dir,
                                         tooltip="Re-read the class folder every 2 seconds")
        self.live.observe(self._toggle_live, names="value")
        self.pool_status = widgets.HTML()
        self.tally_box = widgets.VBox()
        self.chart = widgets.Output(layout=widgets.Layout(min_height="260px"))
        self.figure: go.Figure | None = None
        self.counts: list[list[widgets.BoundedIntText]] = []
        notes = widgets.HTML(value=teaching_notes_html(self.section))
        stage = widgets.VBox([self.position, self.prompt, self.options, self.answer,
                              widgets.HBox([self.prev_button, self.next_button,
                                            self.reveal_button, self.revote_button])],
                             layout=widgets.Layout(width="62%", padding="0 1em 0 0"))
        # the chart first, where the room can see it; the educator's notes last
        side = widgets.VBox([self.chart, self.tally_box, self.source,
                             widgets.HBox([self.refresh_button, self.live]), self.pool_status,
                             notes], layout=widgets.Layout(width="38%"))
        super().__init__([stage, side], layout=widgets.Layout(width="100%"))
        self.add_class("ms-presenter")
        self.stage, self.side = stage, side
        if not self.data:
            self.prompt.value = f"<p>{esc(LABELS['no_quiz'])}</p>"
            for b in (self.prev_button, self.next_button, self.reveal_button, self.revote_button):
                b.disabled = True
            return
        self.go(0)

    # -- state of the question on screen
    @property
    def current(self) -> dict:
        return self.data[self.index]

    @property
    def state(self) -> dict:
        return self._state[self.current["id"]]

    @property
    def round(self) -> int:
        return len(self.state["counts"])

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.data) - 1, index))
        d = self.current
        self.position.value = (f'<p style="font-size:18px;margin:0">{esc(self.section.title)} · '
                               + esc(LABELS["question"].format(n=self.index + 1, total=len(self.data)))
                               + "</p>")
        self.prompt.value = (f'<p style="font-size:28px;line-height:1.3;font-weight:600;'
                             f'margin:0.3em 0">{esc(d["prompt"])}</p>')
        self.prev_button.disabled = self.index == 0
        self.next_button.disabled = self.index == len(self.data) - 1
        self._build_tally()
        self._draw()

    def _options_html(self) -> str:
        d, revealed = self.current, self.state["revealed"]
        right = set(right_labels(d)) if revealed else set()
        items = []
        if d["kind"] == "ordering":
            items = [esc(d["steps"][i]["text"]) for i in d["choices"]]
        elif d["kind"] == "matching":
            items = [f"{esc(p['left'])} → ?" for p in d["pairs"]]
        else:
            for i, label in enumerate(tally_labels(d)):
                mark = f' <strong>({esc(LABELS["right"])})</strong>' if i in right else ""
                items.append(esc(label) + mark)
        return ('<ul style="font-size:22px;line-height:1.5;list-style:none;padding-left:0">'
                + "".join(f"<li>{i}</li>" for i in items) + "</ul>")

    def _build_tally(self) -> None:
        labels = tally_labels(self.current)
        self.counts = []
        rows = []
        for r, counts in enumerate(self.state["counts"]):
            boxes = []
            for i, label in enumerate(labels):
                box = widgets.BoundedIntText(value=counts[i], min=0, max=10_000,
                                             description=short_labels(self.current)[i],
                                             tooltip=f"{LABELS[f'round{r + 1}']}: hands for {label}",
                                             style={"description_width": "initial"},
                                             layout=widgets.Layout(width="8em"))
                box.observe(self._typed(r, i), names="value")
                plus = widgets.Button(description=LABELS["add"], layout=widgets.Layout(width="48px"),
                                      tooltip=f"One more hand for {label} in {LABELS[f'round{r + 1}']}")
                plus.on_click(lambda _b, box=box: setattr(box, "value", box.value + 1))
                box.plus = plus
                boxes.append(box)
            self.counts.append(boxes)
            rows.append(widgets.HTML(f"<strong>{esc(LABELS[f'round{r + 1}'])}</strong>"))
            rows.append(widgets.GridBox([widgets.HBox([b, b.plus]) for b in boxes],
                                        layout=widgets.Layout(grid_template_columns="1fr 1fr")))
        self.tally_box.children = rows

    def _typed(self, r: int, i: int):
        def handler(change):
            self.state["counts"][r][i] = int(change["new"] or 0)
            self._draw(chart_only=True)
        return handler

    # -- educator actions
    def reveal(self) -> None:
        self.state["revealed"] = True
        self._draw()

    def revote(self) -> None:
        """Start round 2 (after discussion): round 1 stays beside it."""
        if self.round == 1:
            self.state["counts"].append([0] * len(tally_labels(self.current)))
            self.state["revote_at"] = time.time()
            self._build_tally()
        self._draw()

    def refresh_pool(self) -> None:
        """Fill the tally from the learners' pooled answers (each learner's last answer)."""
        if not self.class_dir:
            return
        records = classpool.read_pool(self.class_dir)
        d, st = self.current, self.state
        cut = st["revote_at"] or float("inf")
        rounds = [classpool.latest(records, d["id"], 0, cut)]
        if st["revote_at"]:
            rounds.append(classpool.latest(records, d["id"], cut))
        st["pooled"] = [pooled_counts(d, rs) for rs in rounds]
        spreads = []
        for r, rs in enumerate(rounds, start=1):
            spread = classpool.confidence_spread(rs)
            if spread:
                text = ", ".join(f"{k} {spread[k]}" for k in classpool.CONFIDENCE if spread[k])
                spreads.append(esc(LABELS["confidence"].format(r=r, spread=text)))
        status = LABELS["pool_status"].format(n=len(rounds[0]),
                                              m=len(rounds[1]) if len(rounds) > 1 else 0,
                                              folder=self.class_dir)
        self.pool_status.value = "<p>" + "<br>".join([esc(status)] + spreads) + "</p>"
        if self.source.value == "pool":
            self._draw()

    def _toggle_live(self, change) -> None:
        if change["new"]:
            stop = self._live = threading.Event()

            def loop():
                while not stop.wait(self.LIVE_SECONDS):
                    try:
                        self.refresh_pool()
                    except Exception:  # noqa: BLE001 - keep polling; the view stays usable
                        pass
            threading.Thread(target=loop, daemon=True).start()
        elif self._live is not None:
            self._live.set()

    # -- drawing
    def tally(self) -> list[list[int]]:
        """The counts drawn now: per round, per option."""
        if self.source.value == "pool":
            return self.state.get("pooled") or [[0] * len(tally_labels(self.current))]
        return [list(c) for c in self.state["counts"]]

    def _draw(self, chart_only: bool = False) -> None:
        if not chart_only:
            self.options.value = self._options_html()
            if self.state["revealed"]:
                fb = KINDS[self.current["kind"]].reveal(self.current)
                self.answer.value = (f'<div style="font-size:18px">'
                                     f'{fb.to_html()}</div>')
            else:
                self.answer.value = ""
            self.revote_button.disabled = self.round > 1
            self.pool_status.value = self.pool_status.value or (
                "" if self.class_dir else f"<p><em>{esc(LABELS['pool_off'])}</em></p>")
            for row in self.counts:
                for box in row:
                    box.disabled = box.plus.disabled = self.source.value == "pool"
        self.figure = tally_figure(self.current, self.tally(), self.state["revealed"])
        with self.chart:
            self.chart.clear_output(wait=True)
            display(self.figure)


def presenter(course, section_id: str, **kwargs) -> Presenter:
    return Presenter(course, section_id, **kwargs)


__all__ = ["Presenter", "presenter", "tally_figure", "tally_labels", "pooled_counts", "LABELS",
           "LETTERS", "right_labels", "short_labels"]
