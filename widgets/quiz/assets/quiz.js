/* Offline quiz checking for the MS and leg pain course handouts.
 *
 * One file for every question kind. No framework, no network, no eval.
 * Each question is a <fieldset class="ms-quiz-question" data-kind="..."> holding its
 * presented data in <script type="application/json" class="ms-quiz-data">; the wording
 * comes from the page's one <script type="application/json" class="ms-quiz-messages">
 * (widgets/quiz/messages.py MESSAGES, written by offline.messages_html), else from
 * window.MSQuizMessages (the handouts store it once, at the start of assets/quiz.js:
 * offline.quiz_script). The grading below mirrors the kind modules in
 * widgets/quiz/*.py line for line: change them together.
 *
 * For other scripts (record.js keeps answers, scorm.js reports them): after every check
 * the question's fieldset sends a bubbling CustomEvent "mscourse:answer" with detail
 * {id, section, answer (as in the progress file), correct, confidence, score}, and
 * window.MSCourseQuiz.restore(id, entry) puts a saved progress entry back on the page.
 */
(function () {
  "use strict";

  function readJSON(el) {
    return el ? JSON.parse(el.textContent) : null;
  }

  function feedback(status, headline, lines, note, hint) {
    return { status: status, headline: headline, lines: lines || [], note: note || "", hint: hint || "",
      alert: "", confidence: null, points: null, scoreNote: "" };
  }

  // ---- confidence-based marking: mirrors widgets/quiz/confidence.py and base.with_confidence
  var POINTS = { low: [1, 0], medium: [2, -2], high: [3, -6] };  // [right, wrong]

  function points(correct, level) {
    return POINTS[level] ? POINTS[level][correct ? 0 : 1] : null;
  }

  function withConfidence(M, fb, level) {
    if ((fb.status !== "correct" && fb.status !== "wrong") || !POINTS[level]) { return fb; }
    var p = points(fb.status === "correct", level);
    fb.confidence = level;
    fb.points = p;
    fb.scoreNote = M.confidence_points.replace("{level}", M["level_" + level])
      .replace("{points}", p > 0 ? "+" + p : String(p));
    fb.alert = fb.status === "wrong" && level === "high" ? M.confident_error : "";
    return fb;
  }

  function readConfidence(q) {
    var c = q.querySelector(".ms-quiz__confidence input[type=radio]:checked");
    return c ? c.value : null;
  }

  function line(mark, label, text) {
    return { mark: mark, label: label, text: text };
  }

  function incomplete(M, key) {
    return feedback("incomplete", M.incomplete, [], M[key]);
  }

  function verdict(M, ok, lines, data, note) {
    if (ok) {
      return feedback("correct", M.correct, lines, note || "");
    }
    var notes = [note, M.try_again].filter(function (p) { return p; }).join(" ");
    return feedback("wrong", M.wrong, lines, notes, data.hint || "");
  }

  function position(M, n) {
    return M.position.replace("{n}", String(n));
  }

  function choiceReveal(M, data) {
    return feedback("answer", M.answer, data.options.map(function (o) {
      return line(o.correct ? M.right_answer : M.wrong_answer, o.text, o.explanation);
    }));
  }

  function word(M, value) {
    return value ? M["true"] : M["false"];
  }

  // ---- the kinds: read the answer from the form, grade it, reveal the answer
  var KINDS = {
    single: {
      read: function (q) {
        var c = q.querySelector(".ms-quiz__controls input[type=radio]:checked");
        return c ? parseInt(c.value, 10) : null;
      },
      grade: function (M, data, answer) {
        if (answer === null) { return incomplete(M, "choose_one"); }
        var o = data.options[answer];
        return verdict(M, !!o.correct, [line(o.correct ? M.right : M.not_right, o.text, o.explanation)], data);
      },
      reveal: choiceReveal
    },
    multiple: {
      read: function (q) {
        return Array.prototype.map.call(q.querySelectorAll(".ms-quiz__controls input[type=checkbox]:checked"), function (c) {
          return parseInt(c.value, 10);
        }).sort(function (a, b) { return a - b; });
      },
      grade: function (M, data, answer) {
        if (!answer.length) { return incomplete(M, "choose_some"); }
        var right = [];
        data.options.forEach(function (o, i) { if (o.correct) { right.push(i); } });
        var lines = answer.map(function (i) {
          var o = data.options[i];
          return line(o.correct ? M.right : M.not_right, o.text, o.explanation);
        });
        var ok = answer.length === right.length && right.every(function (i) { return answer.indexOf(i) >= 0; });
        var missed = right.some(function (i) { return answer.indexOf(i) < 0; });
        return verdict(M, ok, lines, data, ok || !missed ? "" : M.missed);
      },
      reveal: choiceReveal
    },
    truefalse: {
      read: function (q) {
        var c = q.querySelector(".ms-quiz__controls input[type=radio]:checked");
        return c ? c.value === "true" : null;
      },
      grade: function (M, data, answer) {
        if (answer === null) { return incomplete(M, "choose_one"); }
        var ok = answer === !!data.answer;
        return verdict(M, ok, [line(ok ? M.right : M.not_right, word(M, answer),
          data.explanations[answer ? "true" : "false"])], data);
      },
      reveal: function (M, data) {
        return feedback("answer", M.answer, [true, false].map(function (v) {
          return line(v === !!data.answer ? M.right_answer : M.wrong_answer, word(M, v),
            data.explanations[v ? "true" : "false"]);
        }));
      }
    },
    ordering: {
      read: readSelects,
      grade: function (M, data, answer) {
        if (answer.length !== data.steps.length || answer.indexOf(null) >= 0) {
          return incomplete(M, "fill_positions");
        }
        var lines = answer.map(function (a, pos) {
          var s = data.steps[a];
          return line(a === pos ? M.right_place : M.wrong_place, position(M, pos + 1) + ", " + s.text, s.explanation);
        });
        return verdict(M, answer.every(function (a, pos) { return a === pos; }), lines, data);
      },
      reveal: function (M, data) {
        return feedback("answer", M.answer, data.steps.map(function (s, pos) {
          return line("", position(M, pos + 1) + ", " + s.text, s.explanation);
        }));
      }
    },
    matching: {
      read: readSelects,
      grade: function (M, data, answer) {
        if (answer.length !== data.pairs.length || answer.indexOf(null) >= 0) {
          return incomplete(M, "fill_matches");
        }
        var lines = answer.map(function (a, i) {
          return line(a === i ? M.right_match : M.wrong_match,
            data.pairs[i].left + " \u2192 " + data.pairs[a].right, data.pairs[a].explanation);
        });
        return verdict(M, answer.every(function (a, i) { return a === i; }), lines, data);
      },
      reveal: function (M, data) {
        return feedback("answer", M.answer, data.pairs.map(function (p) {
          return line("", p.left + " \u2192 " + p.right, p.explanation);
        }));
      }
    }
  };

  function readSelects(q) {
    return Array.prototype.map.call(q.querySelectorAll(".ms-quiz__controls select"), function (s) {
      return s.value === "" ? null : parseInt(s.value, 10);
    });
  }

  // ---- drawing feedback: the same elements as Feedback.to_html in base.py
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function render(fb) {
    var div = el("div", "ms-feedback ms-feedback--" + fb.status);
    var p = el("p", "ms-feedback__headline");
    p.appendChild(el("strong", "", fb.headline));
    div.appendChild(p);
    if (fb.alert) {
      var a = el("p", "ms-feedback__alert");
      a.appendChild(el("strong", "", fb.alert));
      div.appendChild(a);
    }
    if (fb.lines.length) {
      var ul = el("ul", "ms-feedback__lines");
      fb.lines.forEach(function (l) {
        var li = el("li");
        if (l.mark) {
          li.appendChild(el("span", "ms-feedback__mark", l.mark));
          li.appendChild(document.createTextNode(" \u2013 "));
        }
        li.appendChild(el("strong", "", l.label + ":"));
        li.appendChild(document.createTextNode(" " + l.text));
        ul.appendChild(li);
      });
      div.appendChild(ul);
    }
    if (fb.note) { div.appendChild(el("p", "ms-feedback__note", fb.note)); }
    if (fb.scoreNote) { div.appendChild(el("p", "ms-feedback__points", fb.scoreNote)); }
    if (fb.hint) { div.appendChild(el("p", "ms-feedback__hint", fb.hint)); }
    return div;
  }

  function clearForm(q) {
    Array.prototype.forEach.call(q.querySelectorAll(".ms-quiz__controls input, .ms-quiz__confidence input"),
      function (i) { i.checked = false; });
    Array.prototype.forEach.call(q.querySelectorAll(".ms-quiz__controls select"), function (s) { s.value = ""; });
  }

  function updateScore(section, M) {
    var score = section.querySelector(".ms-quiz__score");
    if (!score) { return; }
    var qs = section.querySelectorAll(".ms-quiz-question");
    var right = 0, total = 0, rated = 0;
    Array.prototype.forEach.call(qs, function (q) {
      var state = q.getAttribute("data-state");
      if (state === "correct") { right += 1; }
      var p = q.getAttribute("data-points");
      if (state && p !== null && p !== "") { total += parseInt(p, 10); rated += 1; }
    });
    var text = M.score.replace("{correct}", String(right)).replace("{total}", String(qs.length));
    if (rated) {
      text += M.score_points.replace("{points}", String(total)).replace("{best}", String(3 * qs.length));
    }
    score.textContent = text;
  }

  // ---- the pathway minimap of a wrong answer's hint: the question names its nodes
  // (data-nodes), assets/pathway-map.js draws them (widgets/figures/minimap.js); true when
  // there is a drawing to show
  function drawMinimap(figure) {
    if (figure.querySelector("svg")) { return true; }
    var map = window.MSPathwayMap, svg = null;
    try {  // a drawing problem must never break the quiz
      svg = map && map.draw ? map.draw((figure.getAttribute("data-nodes") || "").split(" ")) : null;
    } catch (e) { svg = null; }
    if (svg) { figure.appendChild(svg); }
    return !!svg;
  }

  function setUp(section, M) {
    Array.prototype.forEach.call(section.querySelectorAll(".ms-quiz-question"), function (q) {
      var kind = KINDS[q.getAttribute("data-kind")];
      var data = readJSON(q.querySelector("script.ms-quiz-data"));
      if (!kind || !data) { return; }
      var out = q.querySelector(".ms-quiz__feedback");
      var figure = q.querySelector(".ms-quiz__pathway");
      var key = q.querySelector(".ms-quiz__key");  // instructor copy: the answer, always shown
      if (key && !key.querySelector(".ms-feedback")) { key.appendChild(render(kind.reveal(M, data))); }

      function show(fb) {
        out.textContent = "";
        out.appendChild(render(fb));
        if (figure) { figure.hidden = !(fb.status === "wrong" && fb.hint && drawMinimap(figure)); }
        if (fb.status === "correct" || fb.status === "wrong") {
          q.setAttribute("data-state", fb.status);
          if (fb.points === null) { q.removeAttribute("data-points"); } else { q.setAttribute("data-points", String(fb.points)); }
          if (fb.confidence) { q.setAttribute("data-confidence", fb.confidence); } else { q.removeAttribute("data-confidence"); }
        } else if (fb.status === "incomplete") {
          q.removeAttribute("data-state");
          q.removeAttribute("data-points");
          q.removeAttribute("data-confidence");
        }
        updateScore(section, M);
      }

      register(q, data, function () {  // a restored answer, with its confidence when saved
        show(withConfidence(M, kind.grade(M, data, kind.read(q)), readConfidence(q)));
      });

      q.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("button[data-action]") : null;
        if (!button || !q.contains(button)) { return; }
        var action = button.getAttribute("data-action");
        if (action === "check") {
          var answer = kind.read(q), fb = kind.grade(M, data, answer);
          var level = readConfidence(q);
          // a learner says how sure before Check; a script putting a saved answer back
          // (an untrusted click, e.g. scorm.js) may have none, like restore() in base.py
          if ((fb.status === "correct" || fb.status === "wrong") && !level && event.isTrusted !== false) {
            fb = incomplete(M, "choose_confidence");
          }
          fb = withConfidence(M, fb, level);
          show(fb);
          announce(q, section, data, answer, fb);
        } else if (action === "reveal") {
          show(kind.reveal(M, data));
        } else if (action === "retry") {
          clearForm(q);
          out.textContent = "";
          if (figure) { figure.hidden = true; }
          q.removeAttribute("data-state");
          q.removeAttribute("data-points");
          q.removeAttribute("data-confidence");
          updateScore(section, M);
          var first = q.querySelector(".ms-quiz__controls input, .ms-quiz__controls select");
          if (first) { first.focus(); }
        }
      });
    });
    updateScore(section, M);
  }

  // ---- saved answers (issue 12): one event after every check, and restore() to put a
  // saved entry back. Listeners (record.js, scorm.js) get the answer in the progress-file
  // form: option texts, so it means the same in JupyterLab, whose shuffle differs.
  //   detail: {id, section, answer, correct, confidence, score}
  var REGISTRY = {};
  var LAPT = { low: [1, 0], medium: [2, -2], high: [3, -6] };

  function texts(data) {
    return data.options ? data.options.map(function (o) { return o.text; })
      : data.steps ? data.steps.map(function (st) { return st.text; })
        : data.pairs ? data.pairs.map(function (p) { return p.right; }) : [];
  }

  function toSaved(data, answer) {
    var t = texts(data);
    if (typeof answer === "boolean" || answer === null) { return answer; }
    if (typeof answer === "number") { return t[answer]; }
    return answer.map(function (a) { return a === null ? null : t[a]; });
  }

  function fromSaved(data, saved) {  // presented answer, or undefined when it no longer fits
    var t = texts(data), kind = data.kind;
    if (kind === "truefalse") { return typeof saved === "boolean" ? saved : undefined; }
    if (kind === "single") { return t.indexOf(saved) >= 0 ? t.indexOf(saved) : undefined; }
    if (!Array.isArray(saved)) { return undefined; }
    if (kind !== "multiple" && saved.length !== t.length) { return undefined; }
    var out = saved.map(function (x) { return x === null ? null : t.indexOf(x); });
    if (out.indexOf(-1) >= 0) { return undefined; }
    return kind === "multiple" ? out.sort(function (a, b) { return a - b; }) : out;
  }

  function writeForm(q, kind, answer) {
    clearForm(q);
    if (kind === "single" || kind === "multiple" || kind === "truefalse") {
      var wanted = kind === "multiple" ? answer.map(String) : [String(answer)];
      Array.prototype.forEach.call(q.querySelectorAll(".ms-quiz__controls input"), function (i) {
        i.checked = wanted.indexOf(i.value) >= 0;
      });
    } else {
      Array.prototype.forEach.call(q.querySelectorAll(".ms-quiz__controls select"), function (sel, n) {
        sel.value = answer[n] === null ? "" : String(answer[n]);
      });
    }
  }

  function confidenceOf(q) {  // the "How sure are you?" choice, when the quiz asks it
    var c = q.querySelector(".ms-quiz__confidence input:checked");
    return c ? c.value : null;
  }

  function setConfidence(q, level) {
    Array.prototype.forEach.call(q.querySelectorAll(".ms-quiz__confidence input"), function (i) {
      i.checked = i.value === level;
    });
  }

  function register(q, data, regrade) {
    var id = q.getAttribute("data-question") || data.id;
    (REGISTRY[id] = REGISTRY[id] || []).push({ q: q, data: data, regrade: regrade });
  }

  function announce(q, section, data, answer, fb) {
    if (fb.status !== "correct" && fb.status !== "wrong") { return; }
    var confidence = confidenceOf(q), ok = fb.status === "correct";
    var detail = {
      id: q.getAttribute("data-question") || data.id,
      section: q.getAttribute("data-section") || section.getAttribute("data-section") ||
        (section.id || "").replace(/^.*quiz-/, ""),
      answer: toSaved(data, answer), correct: ok, confidence: confidence,
      score: LAPT[confidence] ? LAPT[confidence][ok ? 0 : 1] : null
    };
    var event;
    try {
      event = new CustomEvent("mscourse:answer", { bubbles: true, detail: detail });
    } catch (e) {  // very old browsers
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("mscourse:answer", true, false, detail);
    }
    q.dispatchEvent(event);
  }

  // Put a saved entry ({answer, confidence, ...}) back into every copy of question `id`
  // on the page and show its feedback; no event is sent. Returns how many were restored.
  function restore(id, entry) {
    var n = 0;
    (REGISTRY[id] || []).forEach(function (r) {
      var answer = entry ? fromSaved(r.data, entry.answer) : undefined;
      if (answer === undefined) { return; }
      writeForm(r.q, r.data.kind, answer);
      setConfidence(r.q, entry.confidence || null);
      r.regrade();
      n += 1;
    });
    return n;
  }

  window.MSCourseQuiz = { restore: restore, ids: function () { return Object.keys(REGISTRY); } };

  function start() {  // the wording is on the page once, however many quizzes it holds
    var M = readJSON(document.querySelector("script.ms-quiz-messages")) || window.MSQuizMessages;
    if (!M) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("section.ms-quiz"), function (section) {
      setUp(section, M);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
