/* The offline presenter view (instructor handouts, present.html): keyboard driven.
 *
 * Keys (outside a number field): ArrowRight or N next, ArrowLeft or P previous, R reveal,
 * V re-vote (round 2 beside round 1), 1-9 one more hand for that option in the current
 * round. The counts can also be typed. The chart is drawn with the plotly.js beside the
 * page; its text alternative is the line under it. Mirrors widgets/present.py.
 *
 * Each option's text is written once, in its card's list (widgets/present_page.py): its
 * letter, the tally labels, the answer's naming of each option (<strong data-o="i">) and
 * the words "✓ right answer" on the right options (data-right) are made here, as
 * widgets/tally.py makes them for the live view; so are the answers' headline and marks,
 * written once in the data.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-present]");
  var dataEl = document.getElementById("present-data");
  if (!root || !dataEl) { return; }
  var D = JSON.parse(dataEl.textContent);
  var L = D.labels;
  var select = document.getElementById("present-section");
  var rows = document.getElementById("present-tally-rows");
  var chart = document.getElementById("present-chart");
  var chartText = document.getElementById("present-chart-text");
  var cards = Array.prototype.slice.call(root.querySelectorAll(".present-q"));
  var state = {}; // question id -> {counts: [[...], [...]?], revealed: bool}
  var current = 0; // index into Q

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // Every answer opens with the same headline, written once in the data (D.headline).
  function answerHeadline(card) {
    var box = card.querySelector(".present-answer > .ms-feedback");
    if (!D.headline || !box) { return; }
    var p = document.createElement("p");
    var strong = document.createElement("strong");
    p.className = "ms-feedback__headline";
    strong.textContent = D.headline;
    p.appendChild(strong);
    box.insertBefore(p, box.firstChild);
  }

  // Each line of an answer opens with its mark, written once in the data (D.marks).
  function answerMarks(card) {
    each(card.querySelectorAll(".present-answer li[data-m]"), function (li) {
      var mark = document.createElement("span");
      mark.className = "ms-feedback__mark";
      mark.textContent = D.marks[parseInt(li.getAttribute("data-m"), 10)];
      li.insertBefore(document.createTextNode(" \u2013 "), li.firstChild);
      li.insertBefore(mark, li.firstChild);
      li.removeAttribute("data-m");
    });
  }

  // One question from its card: section, id, tally labels (widgets/tally.py's
  // tally_labels and short_labels), the right options (right_labels).
  function question(card) {
    var q = { section: card.getAttribute("data-section"), id: card.getAttribute("data-question") };
    var items = Array.prototype.slice.call(card.querySelectorAll(".present-options--lettered > li"));
    answerHeadline(card);
    answerMarks(card);
    if (!items.length) { // ordering and matching: the room votes right or not right
      q.labels = ["A. " + L.right_order, "B. " + L.not_right];
      q.short = [L.right_order, L.not_right];
      q.right = [0];
      return q;
    }
    var texts = items.map(function (li, i) {
      var text = li.textContent;
      var letter = document.createElement("span");
      letter.className = "present-letter";
      letter.textContent = D.letters[i] + ".";
      li.insertBefore(document.createTextNode(" "), li.firstChild);
      li.insertBefore(letter, li.firstChild);
      return text;
    });
    q.labels = items.map(function (li, i) { return D.letters[i] + ". " + texts[i]; });
    q.short = items.map(function (li, i) { return D.letters[i]; });
    q.right = [];
    items.forEach(function (li, i) {
      if (li.getAttribute("data-right") !== "true") { return; }
      q.right.push(i);
      var mark = document.createElement("strong");
      mark.className = "present-right";
      mark.hidden = true;
      mark.textContent = " (" + L.right + ")";
      li.appendChild(mark);
    });
    each(card.querySelectorAll(".present-answer strong[data-o]"), function (el) {
      el.textContent = texts[parseInt(el.getAttribute("data-o"), 10)] + ":";
      el.removeAttribute("data-o");
    });
    return q;
  }
  var Q = cards.map(question);

  function inSection(section) {
    return Q.map(function (q, i) { return i; })
      .filter(function (i) { return Q[i].section === section; });
  }

  function st(i) {
    var q = Q[i];
    if (!state[q.id]) { state[q.id] = { counts: [q.labels.map(function () { return 0; })], revealed: false }; }
    return state[q.id];
  }

  function button(act) { return root.querySelector('button[data-act="' + act + '"]'); }

  function drawChart() {
    var q = Q[current], s = st(current);
    var x = q.short.map(function (label, i) {
      return label + (s.revealed && q.right.indexOf(i) >= 0 ? " \u2713" : "");
    });
    var top = 1;
    s.counts.forEach(function (c) { c.forEach(function (n) { top = Math.max(top, n); }); });
    var traces = s.counts.map(function (c, r) {
      return { type: "bar", x: x, y: c, text: c.map(String), textposition: "outside",
        name: r ? L.round2 : L.round1,
        marker: { color: D.colours[r], pattern: { shape: r ? "/" : "" } } };
    });
    var words = s.counts.map(function (c, r) {
      return (r ? L.round2 : L.round1) + ": " + c.map(function (n, i) { return q.short[i] + " " + n; }).join(", ");
    });
    chartText.textContent = words.join(". ") + ".";
    if (window.Plotly) {
      window.Plotly.react(chart, traces, {
        barmode: "group", margin: { l: 36, r: 8, t: 30, b: 28 }, font: { size: 14 },
        title: { text: L.chart_title }, showlegend: s.counts.length > 1,
        legend: { orientation: "h", y: -0.18 },
        yaxis: { title: { text: L.chart_y }, range: [0, top * 1.3], dtick: Math.max(1, Math.floor(top / 5)) }
      }, { displayModeBar: false, responsive: true, staticPlot: false });
    }
  }

  function buildTally() {
    var q = Q[current], s = st(current);
    rows.textContent = "";
    q.labels.forEach(function (label, i) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = q.short[i];
      th.title = label;
      tr.appendChild(th);
      [0, 1].forEach(function (r) {
        var td = document.createElement("td");
        if (r === 1) { td.className = "present-r2"; }
        var input = document.createElement("input");
        input.type = "number";
        input.min = "0";
        input.value = String(s.counts[r] ? s.counts[r][i] : 0);
        input.setAttribute("aria-label", (r ? L.round2 : L.round1) + ", " + L.hands + ": " + label);
        input.setAttribute("data-round", String(r));
        input.setAttribute("data-option", String(i));
        input.addEventListener("input", function () {
          var n = parseInt(input.value, 10);
          if (s.counts[r]) { s.counts[r][i] = isNaN(n) || n < 0 ? 0 : n; drawChart(); }
        });
        td.appendChild(input);
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
  }

  function show(i, jump) {
    // next/previous stay in the section on screen; a jump (section chosen) goes anywhere
    var section = jump ? Q[i].section : Q[current].section;
    var ids = inSection(section);
    current = Math.max(ids[0], Math.min(ids[ids.length - 1], i));
    var q = Q[current], s = st(current);
    cards.forEach(function (card, k) {
      card.hidden = k !== current;
    });
    var card = cards[current];
    card.classList.toggle("is-revealed", s.revealed);
    card.querySelector(".present-answer").hidden = !s.revealed;
    each(card.querySelectorAll(".present-right"), function (el) { el.hidden = !s.revealed; });
    Array.prototype.forEach.call(root.querySelectorAll(".present-notes"), function (n) {
      n.hidden = n.getAttribute("data-section") !== q.section;
    });
    root.classList.toggle("is-round2", s.counts.length > 1);
    button("previous").disabled = current === ids[0];
    button("next").disabled = current === ids[ids.length - 1];
    button("revote").disabled = s.counts.length > 1;
    select.value = q.section;
    buildTally();
    drawChart();
  }

  function reveal() { st(current).revealed = true; show(current); }

  function revote() {
    var s = st(current);
    if (s.counts.length === 1) { s.counts.push(s.counts[0].map(function () { return 0; })); }
    show(current);
  }

  function addHand(i) {
    var s = st(current), r = s.counts.length - 1;
    if (i < s.counts[r].length) { s.counts[r][i] += 1; buildTally(); drawChart(); }
  }

  root.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button[data-act]") : null;
    if (!b) { return; }
    var act = b.getAttribute("data-act");
    if (act === "next") { show(current + 1); }
    else if (act === "previous") { show(current - 1); }
    else if (act === "reveal") { reveal(); }
    else if (act === "revote") { revote(); }
  });

  select.addEventListener("change", function () {
    for (var i = 0; i < Q.length; i += 1) {
      if (Q[i].section === select.value) { show(i, true); return; }
    }
  });

  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (e.key === "Escape") { e.target.blur(); }
      return;
    }
    var k = e.key;
    if (k === "ArrowRight" || k === "n" || k === "N") { show(current + 1); }
    else if (k === "ArrowLeft" || k === "p" || k === "P") { show(current - 1); }
    else if (k === "r" || k === "R") { reveal(); }
    else if (k === "v" || k === "V") { revote(); }
    else if (/^[1-9]$/.test(k)) { addHand(parseInt(k, 10) - 1); }
    else { return; }
    e.preventDefault();
  });

  var start = 0;
  var hash = decodeURIComponent((location.hash || "").slice(1));
  Q.some(function (q, i) { if (q.section === hash) { start = i; return true; } return false; });
  show(start, true);
}());
