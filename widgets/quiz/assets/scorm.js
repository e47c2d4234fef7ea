/* SCORM 1.2 for the offline handouts: score, status, and answers kept by the LMS.
 *
 * Loaded only by the pages of the SCORM package (python -m widgets scorm). It looks for
 * the LMS's API object the standard way (up window.parent, then window.opener); when
 * there is none, as on a learner's own computer, it does nothing at all.
 * In an LMS it listens to quiz.js's "mscourse:answer" events and reports
 *   cmi.core.score.raw/min/max  the percentage of the course's questions answered right,
 *   cmi.core.lesson_status      incomplete, then completed (or passed/failed against the
 *                               LMS's mastery score) once every question is answered,
 *   cmi.suspend_data            every answer, compactly, so the next visit restores them.
 * The launch page (scorm-launch.html) holds the LMS session for the whole visit and shows
 * the handout pages in a frame; a page opened as the SCO on its own holds its own session.
 */
(function () {
  "use strict";

  var MAX_SUSPEND = 4096; // SCORM 1.2 limit of cmi.suspend_data

  function findAPI(win) {
    var tries = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win && tries < 500) {
        tries += 1;
        win = win.parent;
      }
      return (win && win.API) || null;
    } catch (e) { // a frame of another origin: no API that way
      return null;
    }
  }

  function getAPI() {
    var api = findAPI(window);
    try {
      if (!api && window.opener) { api = findAPI(window.opener); }
      if (!api && window.top && window.top.opener) { api = findAPI(window.top.opener); }
    } catch (e) { api = null; }
    return api;
  }

  var api = getAPI();
  if (!api) { return; } // not in an LMS: the handouts behave exactly as without this file

  function parentSession() {
    var win = window;
    try {
      while (win.parent && win.parent !== win) {
        win = win.parent;
        if (win.MSCourseSCORM && win.MSCourseSCORM.session) { return true; }
      }
    } catch (e) { /* another origin above us */ }
    return false;
  }

  function get(name) { return String(api.LMSGetValue(name) || ""); }
  function set(name, value) { return api.LMSSetValue(name, String(value)); }

  var started = Date.now();
  var ownSession = !parentSession();
  var isLaunch = document.documentElement.hasAttribute("data-scorm-launch");
  window.MSCourseSCORM = { session: ownSession, api: api };

  if (ownSession) {
    api.LMSInitialize("");
    var status = get("cmi.core.lesson_status");
    if (status === "" || status === "not attempted") { set("cmi.core.lesson_status", "incomplete"); }
    set("cmi.core.exit", "suspend");
    api.LMSCommit("");
    window.addEventListener("pagehide", function () {
      var s = Math.max(0, Math.round((Date.now() - started) / 1000));
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      set("cmi.core.session_time", pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60));
      api.LMSCommit("");
      api.LMSFinish("");
    });
  }
  if (isLaunch) { return; } // the launch page has no quiz of its own

  // ---- the answers: {key: [compact answer, 1 if right else 0]}, key a short hash of the id
  function key(id) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i += 1) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }

  function load() {
    try {
      var doc = JSON.parse(get("cmi.suspend_data") || "{}");
      return (doc && doc.v === 1 && doc.a) ? doc.a : {};
    } catch (e) { return {}; }
  }

  function indexOf(list, value) { return list.indexOf(value); }

  // saved form (texts, as in the progress file) <-> indices in the page's presented data
  function compact(data, saved) {
    var texts;
    if (saved === null || saved === undefined) { return null; }
    switch (data.kind) {
    case "single": return indexOf(data.options.map(function (o) { return o.text; }), saved);
    case "multiple":
      texts = data.options.map(function (o) { return o.text; });
      return Array.isArray(saved) ? saved.map(function (t) { return indexOf(texts, t); }) : null;
    case "truefalse": return typeof saved === "boolean" ? (saved ? 1 : 0) : saved;
    case "ordering":
      texts = data.steps.map(function (s) { return s.text; });
      return Array.isArray(saved) ? saved.map(function (t) { return indexOf(texts, t); }) : null;
    case "matching":
      texts = data.pairs.map(function (p) { return p.right; });
      return Array.isArray(saved) ? saved.map(function (t) { return indexOf(texts, t); }) : null;
    }
    return null;
  }

  function expand(data, c) {
    switch (data.kind) {
    case "single": return data.options[c].text;
    case "multiple": return c.map(function (i) { return data.options[i].text; });
    case "truefalse": return c === 1;
    case "ordering": return c.map(function (i) { return data.steps[i].text; });
    case "matching": return c.map(function (i) { return data.pairs[i].right; });
    }
    return null;
  }

  function valid(data, c) {
    var n = { single: (data.options || []).length, multiple: (data.options || []).length,
      ordering: (data.steps || []).length, matching: (data.pairs || []).length }[data.kind];
    if (data.kind === "truefalse") { return c === 0 || c === 1; }
    if (data.kind === "single") { return typeof c === "number" && c >= 0 && c < n; }
    if (!Array.isArray(c) || c.some(function (i) { return typeof i !== "number" || i < 0 || i >= n; })) { return false; }
    return data.kind === "multiple" || c.length === n;
  }

  function total(answers) {
    var meta = document.querySelector('meta[name="mscourse-questions"]');
    var n = meta ? parseInt(meta.getAttribute("content"), 10) : NaN;
    return isNaN(n) || n < 1 ? Math.max(1, Object.keys(answers).length) : n;
  }

  var restoring = false;

  function report(answers) {
    var keys = Object.keys(answers);
    var right = keys.filter(function (k) { return answers[k][1] === 1; }).length;
    var n = total(answers);
    var raw = Math.min(100, Math.round(100 * right / n));
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", raw);
    var status = "incomplete";
    if (keys.length >= n) {
      var mastery = parseFloat(get("cmi.student_data.mastery_score"));
      status = isNaN(mastery) ? "completed" : (raw >= mastery ? "passed" : "failed");
    }
    set("cmi.core.lesson_status", status);
    var text = JSON.stringify({ v: 1, a: answers });
    if (text.length <= MAX_SUSPEND) { set("cmi.suspend_data", text); }
    api.LMSCommit("");
  }

  function dataOf(fieldset) {
    var script = fieldset.querySelector("script.ms-quiz-data");
    try { return script ? JSON.parse(script.textContent) : null; } catch (e) { return null; }
  }

  document.addEventListener("mscourse:answer", function (event) {
    if (restoring) { return; }
    var d = event.detail || {};
    var data = dataOf(event.target);
    if (!data || !d.id) { return; }
    var c = compact(data, d.answer);
    if (!valid(data, c)) { c = d.answer; } // an answer given as presented indices already
    if (!valid(data, c)) { return; }
    var answers = load();
    answers[key(d.id)] = [c, d.correct ? 1 : 0];
    report(answers);
  });

  // ---- put saved answers back: quiz.js's restore when it has one, else the page's own controls
  function fill(q, data, c) {
    var inputs = q.querySelectorAll(".ms-quiz__controls input");
    var selects = q.querySelectorAll(".ms-quiz__controls select");
    Array.prototype.forEach.call(inputs, function (i) {
      if (data.kind === "truefalse") { i.checked = i.value === (c === 1 ? "true" : "false"); }
      else if (data.kind === "multiple") { i.checked = c.indexOf(parseInt(i.value, 10)) >= 0; }
      else { i.checked = parseInt(i.value, 10) === c; }
    });
    Array.prototype.forEach.call(selects, function (s, pos) { s.value = String(c[pos]); });
    var check = q.querySelector('button[data-action="check"]');
    if (check) { check.click(); }
  }

  function restoreAll() {
    var answers = load();
    restoring = true;
    try {
      Array.prototype.forEach.call(document.querySelectorAll(".ms-quiz-question"), function (q) {
        var data = dataOf(q);
        var entry = data && answers[key(data.id)];
        if (!entry || !valid(data, entry[0])) { return; }
        var saved = expand(data, entry[0]);
        var quiz = window.MSCourseQuiz;
        if (quiz && typeof quiz.restore === "function") {
          quiz.restore(data.id, { answer: saved, correct: entry[1] === 1 });
        } else {
          fill(q, data, entry[0]);
        }
      });
    } finally {
      restoring = false;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restoreAll);
  } else {
    restoreAll();
  }
}());
