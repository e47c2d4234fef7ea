/* The pathway minimap of a wrong answer in the offline handouts.
 *
 * assets/pathway-map.js is this file after the course's pathway (window.MSPathwayMap.data,
 * written by minimap_data in widgets/figures/minimap.py), once per handout folder. A quiz
 * question names only its nodes (data-nodes on .ms-quiz__pathway); quiz.js calls
 * MSPathwayMap.draw(ids) when a wrong answer shows the pathway hint. The layout mirrors
 * node_chain_svg in minimap.py line for line (the notebook's minimap): change them together.
 * No framework, no network, no eval, no innerHTML.
 */
(function () {
  "use strict";

  var map = window.MSPathwayMap;
  if (!map || !map.data) { return; }
  var D = map.data, S = D.size;
  var SVG = "http://www.w3.org/2000/svg";
  var index = {}, parents = [], children = [];
  D.nodes.forEach(function (n, i) { index[n.id] = i; parents.push([]); children.push([]); });
  D.edges.forEach(function (e) { parents[e[1]].push(e[0]); children[e[0]].push(e[1]); });

  function num(v) {  // one decimal at most, no trailing ".0" (like _n in minimap.py)
    var t = v.toFixed(1);
    return t.slice(-2) === ".0" ? t.slice(0, -2) : t;
  }

  function add(parent, tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function chainOf(ids) {  // the nodes and every node leading to them, in causal order
    var seen = {}, frontier = ids.slice();
    ids.forEach(function (i) { seen[i] = true; });
    while (frontier.length) {
      parents[frontier.pop()].forEach(function (p) {
        if (!seen[p]) { seen[p] = true; frontier.push(p); }
      });
    }
    return D.nodes.map(function (_, i) { return i; }).filter(function (i) { return seen[i]; });
  }

  function columns(chain, inside) {  // _columns in minimap.py
    var col = {};
    chain.forEach(function (n) {
      col[n] = parents[n].filter(inside).reduce(function (m, p) { return Math.max(m, col[p] + 1); }, 0);
    });
    chain.forEach(function (n) {
      var kids = children[n].filter(inside);
      if (!parents[n].filter(inside).length && kids.length) {
        col[n] = Math.max(0, Math.min.apply(null, kids.map(function (c) { return col[c]; })) - 1);
      }
    });
    return col;
  }

  function orderRows(rows, parentsOf) {  // _order_rows in minimap.py
    var rank = {};
    Object.keys(rows).map(Number).sort(function (a, b) { return a - b; }).forEach(function (c) {
      var members = rows[c], mid = (members.length - 1) / 2;
      var keyed = members.map(function (n, i) {
        var ps = (parentsOf[n] || []).filter(function (p) { return p in rank; });
        var k = ps.length ? ps.reduce(function (s, p) { return s + rank[p]; }, 0) / ps.length : i - mid;
        return [k, i, n];
      });
      keyed.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      rows[c] = keyed.map(function (k) { return k[2]; });
      rows[c].forEach(function (n, i) { rank[n] = i - mid; });
    });
  }

  function name(ids, edges) {  // minimap_name in minimap.py
    var label = function (i) { return D.nodes[i].label; };
    var nodes = ids.map(label).join("; ");
    var links = edges.map(function (e) { return label(e[0]) + D.arrow + label(e[1]); }).join("; ");
    return (links ? D.name : D.name_alone).replace("{nodes}", function () { return nodes; })
      .replace("{links}", function () { return links; });
  }

  function arrowhead(parent, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay, length = Math.sqrt(dx * dx + dy * dy) || 1;
    var ux = dx / length, uy = dy / length, size = 7, px = -uy, py = ux;
    var pts = [[bx, by], [bx - ux * size + px * size / 2, by - uy * size + py * size / 2],
      [bx - ux * size - px * size / 2, by - uy * size - py * size / 2]];
    add(parent, "polygon", { points: pts.map(function (p) { return num(p[0]) + "," + num(p[1]); }).join(" ") });
  }

  // The minimap of the chain(s) leading to the pathway nodes `nodeIds` (ids unknown to the
  // pathway are left out), those nodes highlighted; null when none is known.
  function draw(nodeIds) {
    var ids = [];
    (nodeIds || []).forEach(function (id) {
      if (id in index && ids.indexOf(index[id]) < 0) { ids.push(index[id]); }
    });
    if (!ids.length) { return null; }
    var chain = chainOf(ids), within = {}, marked = {};
    chain.forEach(function (n) { within[n] = true; });
    ids.forEach(function (n) { marked[n] = true; });
    var inside = function (n) { return within[n] === true; };
    var col = columns(chain, inside);
    var edges = D.edges.filter(function (e) { return inside(e[0]) && inside(e[1]); });
    var rows = {}, via = {}, parentsOf = {};
    chain.forEach(function (n) { (rows[col[n]] = rows[col[n]] || []).push(String(n)); });
    edges.forEach(function (e, i) {  // an edge that skips columns passes through a slot in each
      var prev = String(e[0]);
      for (var c = col[e[0]] + 1; c < col[e[1]]; c += 1) {
        var slot = "~" + i + "~" + c;
        (rows[c] = rows[c] || []).push(slot);
        (via[i] = via[i] || []).push(slot);
        parentsOf[slot] = [prev];
        prev = slot;
      }
      (parentsOf[String(e[1])] = parentsOf[String(e[1])] || []).push(prev);
    });
    orderRows(rows, parentsOf);
    var cols = Object.keys(rows).map(Number);
    var nCols = Math.max.apply(null, cols) + 1;
    var size = function (item) { return item.charAt(0) === "~" ? S.slot_h : S.box_h; };
    var used = {};
    cols.forEach(function (c) {
      used[c] = rows[c].reduce(function (s, m) { return s + size(m); }, 0) + (rows[c].length - 1) * S.gap_y;
    });
    var width = S.pad * 2 + nCols * S.box_w + (nCols - 1) * S.gap_x;
    var height = S.pad * 2 + Math.max.apply(null, cols.map(function (c) { return used[c]; }));
    var pos = {};
    cols.forEach(function (c) {
      var y = S.pad + (height - 2 * S.pad - used[c]) / 2;
      rows[c].forEach(function (item) {
        pos[item] = [S.pad + c * (S.box_w + S.gap_x), y];
        y += size(item) + S.gap_y;
      });
    });

    var svg = add(null, "svg", { "class": "pathway-minimap", role: "img",
      viewBox: "0 0 " + Math.round(width) + " " + Math.round(height), width: Math.round(width),
      height: Math.round(height), style: "max-width:100%;height:auto" });
    add(svg, "title", {}, name(ids, edges));
    var lines = { false: [], true: [] }, heads = { false: [], true: [] };
    edges.forEach(function (e, i) {
      var a = pos[String(e[0])], b = pos[String(e[1])];
      var points = [[a[0] + S.box_w, a[1] + S.box_h / 2]];
      (via[i] || []).forEach(function (slot) {
        var s = pos[slot];
        points.push([s[0] - 2, s[1] + S.slot_h / 2], [s[0] + S.box_w + 2, s[1] + S.slot_h / 2]);
      });
      points.push([b[0] - 7, b[1] + S.box_h / 2]);
      var hot = marked[e[1]] === true || marked[e[0]] === true;
      var d = "M" + num(points[0][0]) + " " + num(points[0][1]);
      for (var k = 1; k < points.length; k += 1) {
        var ax = points[k - 1][0], ay = points[k - 1][1], bx = points[k][0], by = points[k][1];
        if (ay === by) { d += "L" + num(bx) + " " + num(by); continue; }
        var bend = Math.max(8, (bx - ax) / 2);
        d += "C" + num(ax + bend) + " " + num(ay) + " " + num(bx - bend) + " " + num(by) + " " +
          num(bx) + " " + num(by);
      }
      lines[hot].push(d);
      var end = points[points.length - 1];
      heads[hot].push([end[0] - 1, end[1], end[0] + 6, end[1]]);
    });
    [false, true].forEach(function (hot) {
      if (!lines[hot].length) { return; }
      var colour = hot ? D.ink : D.grey;
      var g = add(svg, "g", { fill: "none", stroke: colour, "stroke-width": hot ? "1.8" : "1.2" });
      lines[hot].forEach(function (d) { add(g, "path", { d: d }); });
      var h = add(svg, "g", { fill: colour });
      heads[hot].forEach(function (p) { arrowhead(h, p[0], p[1], p[2], p[3]); });
    });
    var text = add(svg, "g", { "font-family": "Arial, Helvetica, sans-serif", "font-size": String(S.font),
      "text-anchor": "middle", fill: D.ink, "stroke-width": "1.5" });
    chain.forEach(function (n) {
      var node = D.nodes[n], p = pos[String(n)], hot = marked[n] === true;
      var g = add(text, "g", { "class": hot ? "node highlighted" : "node", "data-node": node.id });
      var box = { x: num(p[0]), y: num(p[1]), width: S.box_w, height: S.box_h, rx: "6" };
      if (hot) {
        box.fill = node.colour; box.stroke = D.ink; box["stroke-width"] = "3";
      } else {
        box.fill = "#ffffff"; box.stroke = node.colour;
        if (node.dash) { box["stroke-dasharray"] = node.dash; }
      }
      add(g, "rect", box);
      var first = p[1] + S.box_h / 2 - (node.lines.length - 1) * S.line / 2 + S.font * 0.35;
      var cx = num(p[0] + S.box_w / 2);
      var look = { x: cx, y: num(first) };
      if (hot) { look.fill = node.on; look["font-weight"] = "bold"; }
      var t = add(g, "text", look, node.lines[0]);
      node.lines.slice(1).forEach(function (l) { add(t, "tspan", { x: cx, dy: String(S.line) }, l); });
    });
    return svg;
  }

  map.draw = draw;
}());
