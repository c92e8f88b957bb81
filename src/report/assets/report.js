// Steward merge report: renders the embedded data. Data only ever reaches the page through
// textContent, title and value, never parsed as markup.
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (e) {
    body.setAttribute("data-steward-error", String(e && e.message));
  });

  var D = JSON.parse(document.getElementById("steward-data").textContent);
  var PAGE = 100;
  var GROUPS = 30;
  var NAME_FIELDS = ["given_name", "middle_name", "family_name", "full_name", "organization", "email", "email_alt", "phone", "phone_alt"];

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "cls") node.className = props[k];
        else if (k === "title") node.title = props[k];
        else node.setAttribute(k, props[k]);
      });
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function svgEl(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function rec(i) { return D.records[i] || { s: null, row: 0, key: "", v: {} }; }
  function sourceName(r) { return r.s === null || D.sources[r.s] === undefined ? "?" : D.sources[r.s]; }
  function describe(r) { return sourceName(r) + " row " + r.row; }
  function num(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function fmt(x, digits) { return x === null || x === undefined ? "n/a" : Number(x).toFixed(digits); }

  // ---- marks (steward decisions) ----
  var storeKey = "steward-decisions:" + D.sources.join("|") + ":" + D.counts.review_total;
  var marks = {};
  function pairId(item) {
    var l = rec(item.l), r = rec(item.r);
    return [sourceName(l), l.key, sourceName(r), r.key].join("\u001f");
  }
  function loadMarks() {
    try { marks = JSON.parse(window.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { marks = {}; }
  }
  function saveMarks() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(marks)); } catch (e) { /* storage unavailable: keep in memory */ }
    var n = Object.keys(marks).length;
    document.getElementById("decision-count").textContent = num(n) + " marked";
  }
  // A cell a spreadsheet would run as a formula gets a leading "'", as in the CLI's CSV
  // outputs (src/spreadsheet.rs): text starting with = + - @ tab or CR, except an E.164 phone
  // or a plain number. Steward reads such a key back without the "'".
  function spreadsheetSafe(s) {
    if (!/^[=+\-@\t\r]/.test(s) || /^\+[0-9]{8,15}$/.test(s) || /^-?[0-9]+(\.[0-9]*)?$/.test(s)) return s;
    return "'" + s;
  }
  function csvCell(text) {
    var s = spreadsheetSafe(String(text === undefined || text === null ? "" : text));
    return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  function decisionsCsv() {
    var lines = ["decision,left_source,left_key,right_source,right_key,customer_id,field,value,note"];
    D.review.forEach(function (item) {
      var m = marks[pairId(item)];
      if (!m || (m.decision !== "match" && m.decision !== "non-match")) return;
      var l = rec(item.l), r = rec(item.r);
      lines.push([m.decision, sourceName(l), l.key, sourceName(r), r.key, "", "", "", m.note || ""].map(csvCell).join(","));
    });
    Object.keys(marks).sort().forEach(function (id) {
      var m = marks[id];
      if (m.decision === "split") lines.push(["split", m.source, m.key, "", "", "", "", "", m.note || ""].map(csvCell).join(","));
      if (m.decision === "value") lines.push(["value", "", "", "", "", m.customer, m.field, m.value, m.note || ""].map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  function download() {
    var blob = new Blob([decisionsCsv()], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: "decisions.csv" });
    body.appendChild(a);
    a.click();
    body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---- review queue ----
  function evidenceTable(item) {
    var l = rec(item.l), r = rec(item.r);
    var rows = [el("tr", null, [el("th", { text: "field" }), el("th", { text: describe(l) }), el("th", { text: describe(r) })])];
    D.fields.forEach(function (f) {
      var a = l.v[f], b = r.v[f];
      if (!a && !b) return;
      var differ = (a ? a[0] : "") !== (b ? b[0] : "");
      rows.push(el("tr", null, [el("th", { text: f }), valueCell(a, differ), valueCell(b, differ)]));
    });
    return el("table", { cls: "grid" }, rows);
  }
  function valueCell(v, differ) {
    var props = { text: v && v[0] ? v[0] : "—" };
    if (v) props.title = "raw: " + v[1];
    if (differ) props.cls = "diff";
    return el("td", props);
  }
  function comparisonTable(item) {
    var rows = [el("tr", null, [el("th", { text: "comparison" }), el("th", { text: "level" }), el("th", { text: "weight" })])];
    rows.push(el("tr", null, [el("td", { text: "prior" }), el("td", { text: "" }), el("td", { cls: "num", text: fmt(item.prior, 2) })]));
    item.fields.forEach(function (f) {
      rows.push(el("tr", null, [el("td", { text: f.c }), el("td", { text: f.level }), el("td", { cls: "num", text: fmt(f.w, 2) })]));
    });
    return el("table", { cls: "grid" }, rows);
  }
  function waterfall(item) {
    var steps = [{ label: "prior", w: item.prior || 0, cls: "prior" }];
    item.fields.forEach(function (f) { steps.push({ label: f.c + " (" + f.level + ")", w: f.w || 0 }); });
    var cum = 0, lo = 0, hi = 0;
    steps.forEach(function (s) { s.from = cum; cum += s.w; s.to = cum; lo = Math.min(lo, cum); hi = Math.max(hi, cum); });
    var labelW = 150, barW = 300, rowH = 16, span = (hi - lo) || 1;
    var x = function (v) { return labelW + (v - lo) / span * barW; };
    var height = rowH * (steps.length + 1) + 6;
    var svg = svgEl("svg", { "class": "waterfall", width: labelW + barW + 60, height: height, role: "img" });
    steps.forEach(function (s, i) {
      var y = 3 + i * rowH;
      var t = svgEl("text", { x: labelW - 6, y: y + 11, "text-anchor": "end" });
      t.textContent = s.label;
      svg.appendChild(t);
      var left = Math.min(x(s.from), x(s.to));
      var rect = svgEl("rect", { x: left, y: y + 2, width: Math.max(1, Math.abs(x(s.to) - x(s.from))), height: rowH - 4, "class": s.cls || (s.w >= 0 ? "pos" : "neg") });
      var tip = svgEl("title");
      tip.textContent = s.label + ": " + fmt(s.w, 2) + " bits";
      rect.appendChild(tip);
      svg.appendChild(rect);
      var v = svgEl("text", { x: Math.max(x(s.from), x(s.to)) + 3, y: y + 11, "class": "value" });
      v.textContent = (s.w >= 0 ? "+" : "") + fmt(s.w, 2);
      svg.appendChild(v);
    });
    var total = svgEl("text", { x: labelW - 6, y: 3 + steps.length * rowH + 11, "text-anchor": "end" });
    total.textContent = "match weight " + fmt(item.w, 2);
    svg.appendChild(total);
    svg.appendChild(svgEl("line", { x1: x(0), x2: x(0), y1: 0, y2: height }));
    return svg;
  }
  function reviewItem(item, n) {
    var id = pairId(item);
    var box = el("div", { cls: "item", "data-pair": String(n) });
    var note = el("input", { cls: "note", type: "text", placeholder: "note (optional)" });
    var buttons = [["match", "Match"], ["non-match", "Not a match"], ["", "Clear"]].map(function (b) {
      var btn = el("button", { type: "button", "data-decision": b[0], text: b[1] });
      btn.addEventListener("click", function () { mark(id, b[0], note.value, box); });
      return btn;
    });
    note.addEventListener("change", function () { if (marks[id]) { marks[id].note = note.value; saveMarks(); } });
    if (marks[id]) note.value = marks[id].note || "";
    var l = rec(item.l), r = rec(item.r);
    var head = el("div", { cls: "item-head" }, [
      el("span", { cls: "prob", text: "p = " + fmt(item.p, 3) }),
      el("span", { text: "weight " + fmt(item.w, 2) + " bits" }),
      item.reason ? el("span", { cls: "reason", text: "held back: " + item.reason }) : null,
      el("span", { cls: "muted", text: "customers " + (l.customer || "—") + " / " + (r.customer || "—") })
    ]);
    box.appendChild(head);
    box.appendChild(el("div", { cls: "evidence" }, [evidenceTable(item), comparisonTable(item), waterfall(item)]));
    box.appendChild(el("div", { cls: "toolbar" }, buttons.concat([note])));
    paintMark(box, marks[id]);
    return box;
  }
  function mark(id, decision, note, box) {
    if (decision) marks[id] = { decision: decision, note: note || "" }; else delete marks[id];
    paintMark(box, marks[id]);
    saveMarks();
  }
  function paintMark(box, m) {
    box.classList.remove("marked-match", "marked-non-match");
    Array.prototype.forEach.call(box.querySelectorAll("button[data-decision]"), function (b) {
      b.className = m && b.getAttribute("data-decision") === m.decision ? "on-" + m.decision : "";
    });
    if (m) box.classList.add("marked-" + m.decision);
  }
  function renderReview() {
    var list = document.getElementById("review-list");
    if (!D.review.length) { list.appendChild(el("p", { cls: "muted", text: "Nothing to review." })); return; }
    renderGroups();
    pager(list, D.review, reviewItem);
  }

  // ---- groups: pairs with the same evidence, decided at once ----
  // A pair's evidence is the set of comparisons that speak for a match (a positive weight:
  // "email, phone agree") and why a guard held it back; pairs with the same evidence are one
  // kind of case, and a steward who has seen a few of them can decide the rest in one click.
  function signature(item) {
    var agree = item.fields.filter(function (f) { return (f.w || 0) > 0; }).map(function (f) { return f.c; });
    var said = agree.length ? agree.join(", ") + " agree" : "no field agrees";
    return (item.reason ? "held back (" + item.reason + "): " : "") + said;
  }
  function groupsOf(items) {
    var by = {};
    items.forEach(function (item) {
      var s = signature(item);
      (by[s] = by[s] || []).push(item);
    });
    return Object.keys(by).map(function (s) { return { sig: s, items: by[s] }; })
      .filter(function (g) { return g.items.length >= 2; })
      .sort(function (a, b) { return b.items.length - a.items.length || (a.sig < b.sig ? -1 : a.sig > b.sig ? 1 : 0); });
  }
  function bulkMark(group, decision) {
    group.items.forEach(function (item) {
      var id = pairId(item);
      if (decision) marks[id] = { decision: decision, note: (marks[id] && marks[id].note) || "" }; else delete marks[id];
    });
    Array.prototype.forEach.call(document.querySelectorAll("#review-list .item[data-pair]"), function (box) {
      var item = D.review[Number(box.getAttribute("data-pair"))];
      if (item) paintMark(box, marks[pairId(item)]);
    });
    saveMarks();
  }
  function renderGroups() {
    var host = document.getElementById("review-groups");
    var groups = groupsOf(D.review);
    if (!host || !groups.length) return;
    var tbody = el("tbody");
    groups.slice(0, GROUPS).forEach(function (g, n) {
      var p = g.items.map(function (i) { return i.p || 0; });
      var range = fmt(Math.min.apply(null, p), 3) + "–" + fmt(Math.max.apply(null, p), 3);
      var buttons = [["match", "All match"], ["non-match", "None match"], ["", "Clear"]].map(function (b) {
        var btn = el("button", { type: "button", "data-group-decision": b[0], text: b[1] });
        btn.addEventListener("click", function () { bulkMark(g, b[0]); });
        return btn;
      });
      tbody.appendChild(el("tr", { "data-group": String(n), "data-group-size": String(g.items.length) }, [
        el("td", { cls: "num", text: num(g.items.length) }),
        el("td", { text: range }),
        el("td", { text: g.sig }),
        el("td", null, buttons)
      ]));
    });
    var head = el("thead", null, [el("tr", null, ["pairs", "probability", "evidence", ""].map(function (t) { return el("th", { text: t }); }))]);
    var note = groups.length > GROUPS ? " The " + num(GROUPS) + " largest of " + num(groups.length) + " are listed." : "";
    host.appendChild(el("details", null, [
      el("summary", { text: "Decide a group at once: " + num(groups.length) + " kinds of evidence shared by two or more pairs" }),
      el("p", { cls: "muted", text: "Pairs whose rows agree on the same fields (and that a guard held back for the same reason). A decision marks every pair of the group, shown or not yet." + note }),
      el("table", { cls: "grid", id: "group-table" }, [head, tbody])
    ]));
  }
  function pager(list, items, render) {
    var shown = 0;
    var more = el("button", { type: "button", text: "Show more" });
    function step() {
      var end = Math.min(items.length, shown + PAGE);
      for (; shown < end; shown++) list.insertBefore(render(items[shown], shown), more);
      more.hidden = shown >= items.length;
      more.textContent = "Show more (" + num(items.length - shown) + " left)";
    }
    list.appendChild(more);
    more.addEventListener("click", step);
    step();
  }

  // ---- customers ----
  function haystack(c) {
    var parts = [c.id];
    c.values.forEach(function (v) { if (NAME_FIELDS.indexOf(v.f) >= 0) parts.push(v.v); });
    c.members.forEach(function (m) {
      var r = rec(m);
      NAME_FIELDS.forEach(function (f) { if (r.v[f]) parts.push(r.v[f][0], r.v[f][1]); });
    });
    var text = parts.join(" ").toLowerCase();
    return { text: text, digits: text.replace(/[^0-9]/g, "") };
  }
  function memberValue(r, f) { return r.v[f] ? r.v[f][0] : ""; }
  function goldenValue(c, f) {
    for (var i = 0; i < c.values.length; i++) if (c.values[i].f === f) return c.values[i];
    return null;
  }
  // Fields where two members hold different values (case aside); the dates a row was
  // created on always differ and say nothing. Members' values never change on the page:
  // counted once per customer, for the filter and the card alike.
  var conflictsOf = {};
  function conflictCount(c) {
    if (conflictsOf.hasOwnProperty(c.id)) return conflictsOf[c.id];
    var n = 0;
    D.fields.forEach(function (f) {
      if (f === "created_at") return;
      var seen = {};
      c.members.forEach(function (m) { var v = memberValue(rec(m), f); if (v) seen[v.toLowerCase()] = true; });
      if (Object.keys(seen).length > 1) n++;
    });
    conflictsOf[c.id] = n;
    return n;
  }
  function splitId(r) { return ["split", sourceName(r), r.key].join("\u001f"); }
  function valueId(c, f) { return ["value", c.id, f].join("\u001f"); }
  function customerCard(c) {
    var card = el("div", { cls: "item customer", "data-customer": c.id });
    fillCard(card, c);
    return card;
  }
  function fillCard(card, c) {
    while (card.firstChild) card.removeChild(card.firstChild);
    var redraw = function () { fillCard(card, c); saveMarks(); };
    var head = [el("th", { text: "field" }), el("th", { text: "golden" })];
    c.members.forEach(function (m) {
      var r = rec(m);
      var cell = el("th", { text: describe(r) });
      if (c.size > 1) {
        var out = marks[splitId(r)];
        var btn = el("button", { type: "button", "data-split": String(m), cls: out ? "on-non-match" : "", text: out ? "Taken out" : "Take out" });
        btn.addEventListener("click", function () {
          if (marks[splitId(r)]) delete marks[splitId(r)];
          else marks[splitId(r)] = { decision: "split", source: sourceName(r), key: r.key, note: "" };
          redraw();
        });
        cell.appendChild(el("br"));
        cell.appendChild(btn);
      }
      head.push(cell);
    });
    var rows = [el("tr", null, head)];
    D.fields.forEach(function (f) {
      var g = goldenValue(c, f);
      var any = g || c.members.some(function (m) { return memberValue(rec(m), f); });
      if (!any) return;
      var chosen = marks[valueId(c, f)];
      var golden = chosen ? chosen.value : (g ? g.v : "");
      var cells = [el("th", { text: f }), el("td", { cls: chosen ? "chosen" : "", text: golden + (chosen ? " (chosen)" : "") })];
      c.members.forEach(function (m) {
        var v = memberValue(rec(m), f);
        var from = !chosen && g && g.from === m;
        var props = { cls: from ? "from" : (v && v !== golden ? "differs" : "") };
        if (from) props.title = "the golden value came from this row";
        var td = el("td", props, [el("span", { text: v })]);
        if (v && v !== golden && !D.masked) {
          var use = el("button", { type: "button", "data-use": f, text: "Use" });
          use.addEventListener("click", function () {
            marks[valueId(c, f)] = { decision: "value", customer: c.id, field: f, value: v, note: "" };
            redraw();
          });
          td.appendChild(use);
        }
        cells.push(td);
      });
      rows.push(el("tr", null, cells));
    });
    var facts = [el("b", { text: c.id }), el("span", { text: num(c.size) + (c.size === 1 ? " record" : " records") })];
    if (c.weakest !== null && c.weakest !== undefined) facts.push(el("span", { text: "weakest link p = " + fmt(c.weakest, 3) }));
    if (c.findings) facts.push(el("span", { text: num(c.findings) + " findings" }));
    var conflicts = conflictCount(c);
    if (conflicts) facts.push(el("span", { cls: "reason", text: num(conflicts) + " fields disagree" }));
    card.appendChild(el("div", { cls: "item-head" }, facts));
    card.appendChild(el("div", { cls: "evidence wide" }, [el("table", { cls: "grid side-by-side" }, rows)]));
    if (c.size > c.members.length) card.appendChild(el("p", { cls: "muted", text: num(c.size - c.members.length) + " more records not listed" }));
  }
  function renderCustomers() {
    var index = D.customers.map(haystack);
    var conflicts = D.customers.map(conflictCount);
    var input = document.getElementById("customer-search");
    var filter = document.getElementById("customer-filter");
    var source = document.getElementById("customer-source");
    var sort = document.getElementById("customer-sort");
    D.sources.forEach(function (name, i) { source.appendChild(el("option", { value: String(i), text: name })); });
    var list = document.getElementById("customer-list");
    function keep(c, i) {
      var q = input.value.trim().toLowerCase();
      var qd = q.replace(/[^0-9]/g, "");
      if (q && index[i].text.indexOf(q) < 0 && !(qd.length >= 3 && index[i].digits.indexOf(qd) >= 0)) return false;
      if (filter.value === "merged" && c.size < 2) return false;
      if (filter.value === "conflicts" && !conflicts[i]) return false;
      if (filter.value === "findings" && !c.findings) return false;
      if (source.value !== "" && !c.members.some(function (m) { return String(rec(m).s) === source.value; })) return false;
      return true;
    }
    function update() {
      var hits = [];
      D.customers.forEach(function (c, i) { if (keep(c, i)) hits.push(c); });
      if (sort.value === "weakest") {
        hits.sort(function (a, b) {
          var wa = a.weakest === null || a.weakest === undefined ? 2 : a.weakest;
          var wb = b.weakest === null || b.weakest === undefined ? 2 : b.weakest;
          return wa - wb || b.size - a.size;
        });
      }
      while (list.firstChild) list.removeChild(list.firstChild);
      document.getElementById("customer-count").textContent = num(hits.length) + " of " + num(D.customers.length) + " shown customers match";
      pager(list, hits, customerCard);
    }
    input.addEventListener("input", update);
    [filter, source, sort].forEach(function (s) { s.addEventListener("change", update); });
    update();
  }

  // ---- findings ----
  function fillSelect(id, values) {
    var select = document.getElementById(id);
    select.appendChild(el("option", { value: "", text: "all" }));
    values.forEach(function (v) { select.appendChild(el("option", { value: v, text: v === "" ? "(none)" : v })); });
    return select;
  }
  function distinct(key) {
    var seen = {};
    D.findings.forEach(function (f) { seen[f[key]] = true; });
    return Object.keys(seen).sort();
  }
  function renderFindings() {
    var code = fillSelect("filter-code", distinct("code"));
    var field = fillSelect("filter-field", distinct("f"));
    var source = fillSelect("filter-source", distinct("s"));
    var tbody = document.querySelector("#finding-table tbody");
    function update() {
      var hits = D.findings.filter(function (f) {
        return (!code.value || f.code === code.value) && (!field.value || f.f === field.value) && (!source.value || f.s === source.value);
      });
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      hits.slice(0, 500).forEach(function (f) {
        tbody.appendChild(el("tr", null, [f.s, String(f.row), f.f, f.code, f.sev, f.raw, f.sug, f.msg].map(function (t) { return el("td", { text: t }); })));
      });
      var note = hits.length > 500 ? " (first 500 listed)" : "";
      document.getElementById("finding-count").textContent = num(hits.length) + " of " + num(D.findings.length) + " embedded findings" + note;
    }
    [code, field, source].forEach(function (s) { s.addEventListener("change", update); });
    update();
  }

  // ---- start ----
  function selftest(what) {
    if (what === "customer") {
      // A value chosen for one customer, a row taken out of another.
      var use = document.querySelector("#customer-list button[data-use]");
      var card = use && use.closest(".customer");
      var take = Array.prototype.filter.call(document.querySelectorAll("#customer-list button[data-split]"), function (b) {
        return b.closest(".customer") !== card;
      })[0];
      if (use) use.click();
      if (take) take.click();
    } else {
      var first = document.querySelector(what === "group"
        ? "#group-table tr[data-group='0'] button[data-group-decision='non-match']"
        : "#review-list button[data-decision='match']");
      if (first) first.click();
    }
    var pre = document.getElementById("selftest-decisions");
    pre.textContent = decisionsCsv();
    pre.hidden = false;
  }
  try {
    var hash = window.location.hash;
    var testing = hash === "#selftest" || hash === "#selftest-group" || hash === "#selftest-customer";
    if (!testing) loadMarks();
    document.getElementById("download-decisions").addEventListener("click", download);
    renderReview();
    saveMarks();
    renderCustomers();
    renderFindings();
    if (testing) selftest(hash === "#selftest" ? "pair" : hash.replace("#selftest-", ""));
    body.setAttribute("data-steward-ready", "ok");
  } catch (e) {
    body.setAttribute("data-steward-error", String(e && e.message));
    throw e;
  }
})();
