/* The handout index's dashboard: the same as the start-here notebook's, drawn offline.
 *
 * Scores by section, the questions due for review today (linked to where they are asked)
 * and the review schedule, how sure the learner was against how often they were right, and
 * three controls: Export my answers (a progress file), Import (such a file, or a JupyterLab
 * progress.json), Erase my answers (after a confirmation). It reads and writes the answers
 * through window.MSCourseRecord (record.js, loaded before it); every word comes from the
 * page's ms-record-config.
 */
(function () {
  "use strict";

  var R = window.MSCourseRecord, dash = document.getElementById("ms-dashboard");
  if (!R || !dash) { return; }
  var CFG = R.config, M = CFG.messages, fill = R.fill, all = R.all, get = R.get, put = R.put;
  var eraseAll = R.erase, dueOf = R.dueOf, today = R.today, addDays = R.addDays, utc = R.utc;
  var LAPT = { low: [1, 0], medium: [2, -2], high: [3, -6] };  // widgets/quiz/confidence.py

  function isEntry(e) {
    return !!e && typeof e === "object" && !Array.isArray(e) && typeof e.correct === "boolean";
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function count(n) { return fill(n === 1 ? M.question : M.questions, { n: n }); }

  function dayWords(day, on) {
    if (day <= on) { return M.today; }
    if (day === addDays(on, 1)) { return M.tomorrow; }
    return utc(day).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  }

  function table(caption, heads, rows, className) {
    var t = el("table", { "class": className });
    t.appendChild(el("caption", {}, caption));
    var tr = el("tr");
    heads.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    t.appendChild(el("thead")).appendChild(tr);
    var body = t.appendChild(el("tbody"));
    rows.forEach(function (r) {
      var row = body.appendChild(el("tr"));
      r.forEach(function (cell, i) {
        var c = row.appendChild(el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}));
        if (typeof cell === "string") { c.textContent = cell; } else { c.appendChild(cell); }
      });
    });
    return t;
  }

  function bar(share, status, words) {  // a drawn bar that also carries its words
    var wrap = el("span", { "class": "ms-bar" });
    var track = wrap.appendChild(el("span", { "class": "ms-bar__track", "aria-hidden": "true" }));
    track.appendChild(el("span", { "class": "ms-bar__fill ms-bar__fill--" + status.replace(/ /g, "-"),
      style: "width:" + Math.round(100 * share) + "%" }));
    wrap.appendChild(el("span", { "class": "ms-bar__text" }, words));
    return wrap;
  }

  function scores(answers) {
    var rows = [], next = null;
    (CFG.sections || []).forEach(function (s) {
      var total = s.questions.length, answered = 0, right = 0;
      s.questions.forEach(function (q) {
        if (answers[q]) { answered += 1; if (answers[q].correct) { right += 1; } }
      });
      var status = right === total && total ? M.complete : answered ? M.in_progress : M.not_started;
      if (!next && right !== total) {
        next = answered ? fill(M.next_finish, { number: s.number, title: s.title, right: right, total: total })
          : fill(M.next_section, { number: s.number, title: s.title });
      }
      var key = right === total && total ? "complete" : answered ? "in progress" : "not started";
      rows.push([s.number + " " + s.title, bar(total ? right / total : 0, key, fill(M.of, { right: right, total: total })), status]);
    });
    if (!rows.length) { next = M.no_quizzes; }
    return { rows: rows, next: next || M.next_done };
  }

  function reviews(answers, box) {
    var on = today(), where = CFG.where || {}, ids = Object.keys(where);
    var due = [], later = {};
    ids.forEach(function (id, i) {
      var day = answers[id] ? dueOf(answers[id]) : null;
      if (!day) { return; }
      if (day <= on) { due.push([day, i, id]); } else { later[day] = (later[day] || 0) + 1; }
    });
    due.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; });
    var line = box.appendChild(el("p", { "class": "ms-dashboard__due" }));
    if (due.length) {
      line.appendChild(el("strong", {}, fill(M.due_today, { n: count(due.length) })));
      var ul = box.appendChild(el("ul", { "class": "ms-dashboard__due-list" }));
      due.forEach(function (d) {
        var w = where[d[2]], li = ul.appendChild(el("li"));
        li.appendChild(document.createTextNode(fill(M.from_section, w) + ": "));
        li.appendChild(el("a", { href: w.href }, w.prompt));
      });
    }
    var days = Object.keys(later).sort();
    if (!due.length) {
      line.textContent = days.length ? fill(M.due_none, { day: dayWords(days[0], on), n: count(later[days[0]]) })
        : M.due_empty;
    }
    if (days.length) {  // the schedule, drawn: one bar per day that has questions coming back
      var most = Math.max.apply(null, days.map(function (d) { return later[d]; }).concat([due.length]));
      var rows = (due.length ? [[M.today, due.length]] : []).concat(days.map(function (d) {
        return [dayWords(d, on), later[d]];
      }));
      box.appendChild(table(M.schedule_caption, [M.col_day, M.col_due], rows.map(function (r) {
        return [r[0].charAt(0).toUpperCase() + r[0].slice(1), bar(r[1] / most, r[0] === M.today ? "due now" : "due later", count(r[1]))];
      }), "ms-dashboard__schedule"));
    }
  }

  function calibration(answers, box) {
    var levels = ["low", "medium", "high"], n = {}, right = {}, points = 0, best = 0, any = false;
    levels.forEach(function (l) { n[l] = 0; right[l] = 0; });
    Object.keys(answers).forEach(function (id) {
      var e = answers[id];
      if (!LAPT[e.confidence]) { return; }
      any = true;
      n[e.confidence] += 1;
      if (e.correct) { right[e.confidence] += 1; }
      points += LAPT[e.confidence][e.correct ? 0 : 1];
      best += 3;
    });
    if (!any) { box.appendChild(el("p", {}, M.calibration_none)); return; }
    box.appendChild(table(M.calibration_caption, [M.col_level, M.col_answers, M.col_right_share], levels.map(function (l) {
      return [M["level_" + l], String(n[l]), n[l] ? right[l] + " (" + Math.round(100 * right[l] / n[l]) + "%)" : "\u2013"];
    }), "ms-dashboard__calibration"));
    box.appendChild(el("p", {}, fill(M.calibration_score, { points: points, best: best })));
  }

  var view = null, status = null;

  function say(text) { if (status) { status.textContent = text; } }

  function render() {
    if (!view) { return; }
    var answers = all();
    view.textContent = "";
    var s = scores(answers);
    view.appendChild(el("p", { "class": "ms-dashboard__next" })).appendChild(el("strong", {}, s.next));
    if (s.rows.length) {
      view.appendChild(table(M.scores_caption, [M.col_section, M.col_right, M.col_status], s.rows, "ms-dashboard__table"));
    }
    view.appendChild(el("h3", {}, M.reviews));
    reviews(answers, view);
    view.appendChild(el("h3", {}, M.calibration));
    calibration(answers, view);
  }

  function exportFile() {
    var doc = { version: CFG.version, course: CFG.course, learners: {} };
    doc.learners[CFG.learner] = all();
    var name = CFG.course + "-answers-" + today() + ".json";
    var blob = new Blob([JSON.stringify(doc, null, 1) + "\n"], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    say(fill(M.exported, { file: name }));
  }

  function importText(text, file) {
    var doc;
    try { doc = JSON.parse(text); } catch (e) { return say(fill(M.import_not_json, { file: file })); }
    if (!doc || typeof doc !== "object" || !doc.learners || typeof doc.learners !== "object") {
      return say(fill(M.import_not_progress, { file: file }));
    }
    if (typeof doc.version === "number" && doc.version > CFG.version) {
      return say(fill(M.import_newer, { file: file, version: doc.version, max: CFG.version }));
    }
    if (doc.course && doc.course !== CFG.course) {
      return say(fill(M.import_other, { file: file, course: doc.course }));
    }
    var names = Object.keys(doc.learners).filter(function (k) {
      return doc.learners[k] && typeof doc.learners[k] === "object";
    });
    if (!names.length) { return say(fill(M.import_not_progress, { file: file })); }
    var who = names.indexOf(CFG.learner) >= 0 ? CFG.learner : names.sort(function (a, b) {
      return Object.keys(doc.learners[b]).length - Object.keys(doc.learners[a]).length;
    })[0];
    var incoming = doc.learners[who], n = 0;
    Object.keys(incoming).forEach(function (id) {
      var e = incoming[id], mine = get(id);
      if (!isEntry(e)) { return; }
      if (mine && (mine.saved || "") > (e.saved || "")) { return; }  // keep the newer answer
      put(id, e);
      n += 1;
    });
    render();
    say(fill(M.imported, { n: n, file: file, who: names.length > 1 ? fill(M.imported_who, { learner: who }) : "" }));
  }

  function controls() {
    var box = el("div", { "class": "ms-dashboard__controls", role: "group", "aria-label": M.controls });
    var exp = box.appendChild(el("button", { type: "button", "data-action": "export" }, M["export"]));
    var field = box.appendChild(el("div", { "class": "ms-dashboard__import" }));
    field.appendChild(el("label", { "for": "ms-import" }, M["import"]));
    var input = field.appendChild(el("input", { type: "file", id: "ms-import", accept: ".json,application/json" }));
    var erase = box.appendChild(el("button", { type: "button", "data-action": "erase" }, M.erase));
    var confirm = box.appendChild(el("div", { "class": "ms-dashboard__confirm", role: "group", "aria-label": M.erase }));
    confirm.hidden = true;
    confirm.appendChild(el("p", {}, M.erase_confirm));
    var yes = confirm.appendChild(el("button", { type: "button", "data-action": "erase-yes" }, M.erase_yes));
    var no = confirm.appendChild(el("button", { type: "button", "data-action": "erase-no" }, M.erase_no));
    exp.addEventListener("click", exportFile);
    input.addEventListener("change", function () {
      var f = input.files && input.files[0];
      if (!f) { return; }
      var reader = new FileReader();
      reader.onload = function () { importText(String(reader.result), f.name); input.value = ""; };
      reader.onerror = function () { say(fill(M.import_not_json, { file: f.name })); };
      reader.readAsText(f);
    });
    erase.addEventListener("click", function () { confirm.hidden = false; erase.disabled = true; yes.focus(); });
    no.addEventListener("click", function () { confirm.hidden = true; erase.disabled = false; erase.focus(); });
    yes.addEventListener("click", function () {
      eraseAll();
      confirm.hidden = true;
      erase.disabled = false;
      render();
      say(M.erased);
      erase.focus();
    });
    return box;
  }

  function start() {
    dash.textContent = "";
    dash.appendChild(el("h2", { id: "ms-dashboard-title" }, M.title));
    dash.appendChild(el("p", {}, M.intro));
    view = dash.appendChild(el("div", { "class": "ms-dashboard__view" }));
    dash.appendChild(controls());
    status = dash.appendChild(el("p", { "class": "ms-dashboard__status", role: "status" }));
    R.onChange(render);
    render();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
