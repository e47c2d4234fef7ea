/* Handouts that remember: each checked answer kept in this browser, restored on reload.
 *
 * Listens to quiz.js's "mscourse:answer" event and keeps one localStorage key per question,
 * "<course>:<question id>", holding the same entry object as the JupyterLab progress file
 * (answer, correct, confidence, saved, attempts, first, box, due); so a rebuilt handout
 * keeps the answers, and an export is a progress file. On load it puts saved answers back
 * with window.MSCourseQuiz.restore and marks the questions due for review today. It offers
 * window.MSCourseRecord (all, get, put, erase, dueOf, today, onChange, ...) to dashboard.js,
 * which draws the handout index's dashboard. The course id, the review plan
 * (widgets/schedule.py) and every word come from window.MSRecordConfig (the same on every
 * page: the handouts put it at the start of this file) and the page's own
 * <script type="application/json" id="ms-record-config"> (the index: its sections), read
 * over it (widgets/quiz/record.py).
 * Storage that is blocked, disabled or full gives one line; the quiz keeps working, with
 * this visit's answers kept in memory.
 */
(function () {
  "use strict";

  var cfgEl = document.getElementById("ms-record-config");
  var own = cfgEl ? JSON.parse(cfgEl.textContent) : null;
  var shared = window.MSRecordConfig || null;
  if (!own && !shared) { return; }
  var CFG = {};
  [shared, own].forEach(function (part) {
    Object.keys(part || {}).forEach(function (k) { CFG[k] = part[k]; });
  });
  var M = CFG.messages, PREFIX = CFG.course + ":", INTERVALS = CFG.intervals;
  var memory = {};      // answers this visit could not store
  var problem = null;   // "blocked" | "full"
  var store = openStorage();
  var listeners = [];   // dashboard.js: redraw when answers change

  function changed() {
    listeners.forEach(function (fn) { fn(); });
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? String(values[k]) : m; });
  }

  function isQuota(e) {
    return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
      e.code === 22 || e.code === 1014);
  }

  // ---- storage: never throws; a problem becomes one line on the page
  function openStorage() {
    var s;
    try {
      s = window.localStorage;
      if (!s) { throw new Error("no localStorage"); }
      s.getItem(PREFIX);
    } catch (e) {
      problem = "blocked";
      return null;
    }
    try {
      s.setItem(PREFIX + "\u0000probe", "1");
      s.removeItem(PREFIX + "\u0000probe");
    } catch (e) {
      problem = isQuota(e) ? "full" : "blocked";
      if (problem === "blocked") { return null; }
    }
    return s;
  }

  function notice() {
    if (!problem) { return; }
    var p = document.querySelector(".ms-record__notice");
    if (!p) {
      p = document.createElement("p");
      p.className = "ms-record__notice";
      p.setAttribute("role", "status");
      // just above the first quiz (or the dashboard), where the learner answers
      var near = document.querySelector("section.ms-quiz, #ms-dashboard");
      var main = document.getElementById("main") || document.body;
      if (near) { near.parentNode.insertBefore(p, near); } else { main.insertBefore(p, main.firstChild); }
    }
    p.textContent = M[problem];
  }

  function isEntry(e) {
    return !!e && typeof e === "object" && !Array.isArray(e) && typeof e.correct === "boolean";
  }

  function keys() {
    var out = [];
    if (!store) { return out; }
    try {
      for (var i = 0; i < store.length; i += 1) {
        var k = store.key(i);
        if (k && k.indexOf(PREFIX) === 0 && k.indexOf("\u0000") < 0) { out.push(k); }
      }
    } catch (e) { /* blocked midway: what we have */ }
    return out;
  }

  function get(id) {
    if (memory[id]) { return memory[id]; }
    if (!store) { return null; }
    try {
      var e = JSON.parse(store.getItem(PREFIX + id));
      return isEntry(e) ? e : null;
    } catch (err) {
      return null;
    }
  }

  function all() {
    var out = {};
    keys().forEach(function (k) {
      var id = k.slice(PREFIX.length), e = get(id);
      if (e) { out[id] = e; }
    });
    Object.keys(memory).forEach(function (id) { out[id] = memory[id]; });
    return out;
  }

  function put(id, entry) {
    if (store) {
      try {
        store.setItem(PREFIX + id, JSON.stringify(entry));
        delete memory[id];
        return;
      } catch (e) {
        problem = isQuota(e) ? "full" : "blocked";
      }
    }
    memory[id] = entry;
    notice();
  }

  function eraseAll() {
    memory = {};
    keys().forEach(function (k) {
      try { store.removeItem(k); } catch (e) { /* nothing more we can do */ }
    });
  }

  // ---- dates and the review plan (the same as widgets/schedule.py)
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function utc(day) {
    var p = day.split("-");
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }

  function addDays(day, n) {
    var d = utc(day);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function isDay(s) { return typeof s === "string" && /^\d{4}-\d{2}-\d{2}/.test(s) && !isNaN(utc(s.slice(0, 10))); }

  function dueOf(e) {
    if (!isEntry(e)) { return null; }
    if (isDay(e.due)) { return e.due.slice(0, 10); }
    if (!isDay(e.saved)) { return today(); }
    var wait = e.correct && e.confidence !== "low" ? INTERVALS[1] : INTERVALS[0];
    return addDays(e.saved.slice(0, 10), wait);
  }

  function plan(old, correct, confidence, on) {
    var box = 0, last = INTERVALS.length - 1;
    if (correct && confidence !== "low") {
      var before = old && typeof old.box === "number" ? Math.max(0, Math.min(last, old.box)) : null;
      var due = dueOf(old);
      if (before !== null && due !== null && due > on) { return { box: before, due: due }; }
      box = Math.min(last, (before || 0) + 1);
    }
    return { box: box, due: addDays(on, INTERVALS[box]) };
  }

  function nextEntry(old, d) {
    var entry = {}, k;
    if (isEntry(old)) { for (k in old) { if (Object.prototype.hasOwnProperty.call(old, k)) { entry[k] = old[k]; } } }
    var confidence = d.confidence || null;
    entry.first = isEntry(old) ? (old.first || { answer: old.answer, correct: old.correct, confidence: old.confidence || null })
      : { answer: d.answer, correct: d.correct, confidence: confidence };
    entry.attempts = isEntry(old) ? (old.attempts || 1) + 1 : 1;
    entry.answer = d.answer;
    entry.correct = !!d.correct;
    entry.confidence = confidence;
    entry.saved = new Date().toISOString().replace(/\.\d+Z$/, "+00:00");
    var p = plan(isEntry(old) ? old : null, !!d.correct, confidence, today());
    entry.box = p.box;
    entry.due = p.due;
    return entry;
  }

  // ---- every page: save each check, restore on load
  document.addEventListener("mscourse:answer", function (event) {
    var d = event.detail || {};
    if (!d.id) { return; }
    put(d.id, nextEntry(get(d.id), d));
    var q = event.target && event.target.closest ? event.target.closest(".ms-quiz-question") : null;
    var marker = q ? q.querySelector(".ms-record__due") : null;
    if (marker) { marker.remove(); }
    changed();
  });

  window.addEventListener("storage", function (event) {  // another tab answered or erased
    if (!event.key || event.key.indexOf(PREFIX) === 0) { changed(); }
  });

  function restoreAll() {
    var quiz = window.MSCourseQuiz, on = today();
    if (!quiz || !quiz.ids) { return; }
    quiz.ids().forEach(function (id) {
      var e = get(id);
      if (!e) { return; }
      quiz.restore(id, e);
      if (dueOf(e) <= on) { markDue(id); }
    });
  }

  function markDue(id) {  // a question due for review: say so under its prompt
    Array.prototype.forEach.call(document.querySelectorAll(".ms-quiz-question"), function (q) {
      if (q.getAttribute("data-question") !== id || q.querySelector(".ms-record__due")) { return; }
      var p = document.createElement("p");
      p.className = "ms-record__due";
      p.textContent = M.due_marker;
      var legend = q.querySelector("legend");
      q.insertBefore(p, legend ? legend.nextSibling : q.firstChild);
    });
  }


  window.MSCourseRecord = {
    config: CFG, fill: fill, all: all, get: get, put: put, erase: eraseAll, dueOf: dueOf,
    today: today, addDays: addDays, utc: utc, changed: changed,
    onChange: function (fn) { listeners.push(fn); }
  };

  function start() {
    notice();
    restoreAll();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
