/* The handouts' figures: each figure's spec is stored once per folder, in
 * assets/<figure id>.js (widgets/handouts/figures.py figure_files), which puts it in
 * window.MS_FIGURES; a section page draws it as it is, the print page draws its paper copy.
 *
 * paper(spec) is FigureBlock.for_print (widgets/handouts/figures.py) in JavaScript: no
 * animation frames, slider, dropdown or hover text (none of them prints; the text
 * description below each figure says it all), nor the notes that speak of them
 * (annotations named SCREEN_ONLY, widgets/figures/base.py).
 */
(function () {
  "use strict";
  var SCREEN_ONLY = "__SCREEN_ONLY__";

  function paper(spec) {
    var s = JSON.parse(JSON.stringify(spec));  // the shared spec stays whole
    delete s.frames;
    delete s.layout.sliders;
    delete s.layout.updatemenus;
    if (s.layout.annotations) {
      s.layout.annotations = s.layout.annotations.filter(function (a) { return a.name !== SCREEN_ONLY; });
    }
    var hover = false;
    s.data.forEach(function (trace) {
      ["hovertext", "hovertemplate"].forEach(function (k) {
        if (trace[k] !== undefined && trace[k] !== null) { hover = true; }
        delete trace[k];
      });
    });
    if (hover) { s.layout.hovermode = false; }
    return s;
  }

  function draw(id, onPaper) {
    var spec = (window.MS_FIGURES || {})[id];
    var el = document.getElementById(id);
    if (!spec || !el) { return null; }
    if (onPaper) { spec = paper(spec); }
    return Plotly.newPlot(el, spec.data, spec.layout, spec.config).then(function (gd) {
      return spec.frames ? Plotly.addFrames(gd, spec.frames) : gd;
    });
  }

  window.MSFigures = { draw: draw, paper: paper };
})();
