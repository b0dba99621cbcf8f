"""The report's inline style sheet and script, as constants (so the page needs no file and no network).

In: nothing. Out: ``STYLE`` (CSS) and ``SCRIPT`` (plain ES5 JavaScript, no library). The script works on the
markup written by ``page``, ``mapsvg`` and ``timeline``: elements of one event share ``data-key``; map and
timeline marks are ``svg .ev`` with their summary in a ``<title>``; cards are ``#card-KEY``, rows ``#row-KEY``.
It adds tooltips, selection (the detail panel beside the map, an inline detail row in the table), table
sorting, text and actor-kind filtering (rows and cards hidden, map and timeline marks dimmed), zoom and pan on
the map, and selection from the URL fragment (``#card-e3``); when done it sets ``data-ready`` on ``<html>``.
It writes text with ``textContent`` and copies only the page's own escaped card markup.
"""

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;
background:#fafaf7}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 16px}
header{padding-top:8px}h1{font-size:21px;margin:2px 0}h2{font-size:16px;margin:14px 0 6px}
h3{font-size:15px;margin:4px 0}h4{font-size:13px;margin:8px 0 2px}
.summary{margin:0;color:#444}.note,.hint,.why{color:#666;font-size:12px}
.mapwrap{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,1fr);gap:16px;align-items:start}
.mapbox{position:relative;border:1px solid #ccd;background:#dce9f3;overflow:hidden}
#map{display:block;width:100%;height:auto;cursor:grab;touch-action:none;--k:1}
#map.drag{cursor:grabbing}
.sea{fill:#dce9f3}.country{fill:#eeece6;stroke:#a9a49a;stroke-width:.8;vector-effect:non-scaling-stroke;
fill-rule:evenodd}.country.sahel{fill:#f7efdc}
.grat path{stroke:#b9cfe0;stroke-width:.5;fill:none;vector-effect:non-scaling-stroke}
.grat text{fill:#7f98ad;font-size:calc(10px / var(--k))}
.clabel{fill:#8a8276;font-size:calc(12px / var(--k));text-anchor:middle;letter-spacing:.04em;pointer-events:none}
.clabel.sahel{fill:#6b604f;font-weight:600;font-size:calc(13px / var(--k))}
.cities rect{fill:#555;transform-box:fill-box}.cities text{fill:#555;font-size:calc(10px / var(--k));
pointer-events:none}
#map .ev{fill-opacity:.72;stroke:#fff;stroke-width:1.2;vector-effect:non-scaling-stroke;cursor:pointer}
#map .ev.notoll{fill-opacity:.25;stroke:#333;stroke-width:1}
#map .ev.approx{stroke:#222;stroke-dasharray:3 2}
svg .ev.hot{stroke:#000;stroke-width:2.5}svg .ev.sel{stroke:#000;stroke-width:3;fill-opacity:.95}
svg .ev.dim{opacity:.12;pointer-events:none}
.zoom{position:absolute;top:8px;right:8px;display:flex;flex-direction:column;gap:4px;z-index:2}
.zoom button{width:28px;height:28px;font-size:16px;border:1px solid #999;background:#fff;border-radius:4px;
cursor:pointer}
#detail{border:1px solid #ddd;background:#fff;padding:8px 10px;max-height:600px;overflow:auto;font-size:13px}
.side{display:flex;flex-direction:column;gap:10px;min-width:0;padding-top:38px}
.legend{display:flex;flex-wrap:wrap;gap:6px 24px;align-items:center}
.kinds{list-style:none;display:flex;flex-wrap:wrap;gap:3px 14px;margin:0;padding:0}
.kinds li{cursor:pointer}.kinds li.off{opacity:.35}.kinds .n{color:#777}
.sw{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:5px;vertical-align:-1px;
border:1px solid rgba(0,0,0,.25)}
.sizekey{display:flex;align-items:center;gap:6px;color:#555}
.sizes circle{fill:#999;fill-opacity:.6;stroke:#fff}.sizes circle.notoll{fill-opacity:.2;stroke:#333}
.sizes circle.approx{stroke:#222;stroke-dasharray:3 2}.sizes text{font-size:11px;text-anchor:middle;fill:#555}
#unplaced h3{font-size:13px}#unplaced ul{margin:4px 0;padding-left:18px;font-size:13px}#unplaced a{color:inherit}
#timeline{display:block;width:100%;height:auto;background:#fff;border:1px solid #ddd}
#timeline .ev{cursor:pointer}#timeline .ev.approx{fill-opacity:.5;stroke:#333;stroke-dasharray:2 2}
#timeline .axis,#timeline .tick{stroke:#999;fill:none}#timeline .tick{stroke:#e3e3e3}
#timeline text{font-size:11px;fill:#555}#timeline .yl{text-anchor:end}#timeline .unit{fill:#888}
.controls{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;margin:6px 0}
.controls input{width:260px;padding:3px 6px}#shown{color:#666}
.tablewrap{overflow:auto;max-height:560px;border:1px solid #ddd;background:#fff}
table{border-collapse:collapse;width:100%;font-size:13px}
th{position:sticky;top:0;background:#f0efe9;text-align:left;z-index:1}
th button{all:unset;cursor:pointer;display:block;padding:5px 8px;font-weight:600;white-space:nowrap}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td{padding:3px 8px;border-top:1px solid #eee;vertical-align:top}td.num{text-align:right}
tbody tr[data-key]{cursor:pointer}tbody tr[data-key]:hover,tbody tr.hot{background:#fff6d8}
tbody tr.sel{background:#ffe9a8}tr.detailrow td{background:#fffdf5;padding:6px 14px}
.card{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 12px;margin:8px 0}
.card.sel{border-color:#c59a00;box-shadow:0 0 0 2px #ffe08a}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:1px 12px;margin:4px 0}
.facts dt{color:#666}.facts dd{margin:0}
q{color:#555;font-style:italic}.attr{color:#666}
.sources{padding-left:20px;margin:2px 0}.sources>li{margin:6px 0}
.src-head{font-weight:600}.src-meta{color:#555;font-size:12px}
.url{color:#666;overflow-wrap:anywhere}
.reports,.evidence{margin:3px 0;padding-left:18px}.reports{font-size:12px}
.evidence{list-style:none;padding-left:0}
blockquote{margin:3px 0;padding:2px 10px;border-left:3px solid #d9cfae;background:#faf8f0;display:inline}
.off{color:#999;font-size:11px}
#tip{position:fixed;z-index:10;max-width:320px;background:rgba(30,30,30,.93);color:#fff;padding:6px 9px;
border-radius:4px;font-size:12px;white-space:pre-line;pointer-events:none}
footer{color:#777;font-size:12px;padding:18px 16px 30px}
@media (max-width:900px){.mapwrap{grid-template-columns:1fr}}
"""

SCRIPT = r"""
(function () {
  "use strict";
  function $$(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var byKey = {}, tips = {};
  $$("[data-key]").forEach(function (el) {
    var k = el.getAttribute("data-key");
    (byKey[k] = byKey[k] || []).push(el);
  });
  var marks = $$("svg .ev");
  marks.forEach(function (el) {
    var t = el.querySelector("title"), k = el.getAttribute("data-key");
    if (t) { tips[k] = t.textContent; el.removeChild(t); }
  });
  var tip = document.getElementById("tip"), detail = document.getElementById("detail");
  var hint = detail.innerHTML, tbody = document.querySelector("#events tbody");

  function moveTip(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14, w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 6) { x = ev.clientX - w - 14; }
    if (y + h > window.innerHeight - 6) { y = ev.clientY - h - 14; }
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hover(k, on) { (byKey[k] || []).forEach(function (el) { el.classList.toggle("hot", on); }); }
  function closeDetailRow() { $$("tr.detailrow", tbody).forEach(function (r) { r.parentNode.removeChild(r); }); }

  function select(k, fromTable) {
    $$(".sel").forEach(function (el) { el.classList.remove("sel"); });
    closeDetailRow();
    if (!k) { detail.innerHTML = hint; return; }
    (byKey[k] || []).forEach(function (el) { el.classList.add("sel"); });
    var card = document.getElementById("card-" + k), row = document.getElementById("row-" + k);
    detail.innerHTML = card ? card.innerHTML + '<p><a href="#card-' + k + '">go to this event in the list</a></p>' : "";
    var c = document.querySelector('#map .ev[data-key="' + k + '"]');
    if (c) { c.parentNode.appendChild(c); }
    if (row && fromTable && card) {
      var tr = document.createElement("tr"), td = document.createElement("td");
      tr.className = "detailrow"; td.colSpan = row.cells.length; td.innerHTML = card.innerHTML;
      tr.appendChild(td); row.parentNode.insertBefore(tr, row.nextSibling);
    } else if (row && !row.hidden) {
      var wrap = row.closest(".tablewrap");
      if (wrap) { wrap.scrollTop = row.offsetTop - wrap.clientHeight / 2; }
    }
  }

  marks.forEach(function (el) {
    var k = el.getAttribute("data-key");
    el.addEventListener("mouseenter", function (ev) {
      tip.textContent = tips[k] || ""; tip.hidden = false; moveTip(ev); hover(k, true);
    });
    el.addEventListener("mousemove", moveTip);
    el.addEventListener("mouseleave", function () { tip.hidden = true; hover(k, false); });
    el.addEventListener("click", function (ev) { ev.stopPropagation(); select(k, false); });
  });
  $$("tr[data-key]", tbody).forEach(function (row) {
    var k = row.getAttribute("data-key");
    row.addEventListener("click", function () {
      if (row.classList.contains("sel")) { select(null); } else { select(k, true); }
    });
    row.addEventListener("mouseenter", function () { hover(k, true); });
    row.addEventListener("mouseleave", function () { hover(k, false); });
  });
  $$("#unplaced a[data-key]").forEach(function (a) {
    a.addEventListener("click", function () { select(a.getAttribute("data-key"), false); });
  });

  // sorting: blanks last in both directions, ties in the original (display) order
  var ths = $$("#events thead th");
  function cellValue(row, i, num) {
    var td = row.cells[i], v = td.hasAttribute("data-v") ? td.getAttribute("data-v") : td.textContent.trim();
    if (v === "") { return null; }
    return num ? parseFloat(v) : fold(v);
  }
  ths.forEach(function (th, i) {
    th.querySelector("button").addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      var num = th.getAttribute("data-type") === "num";
      ths.forEach(function (o) { o.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir);
      closeDetailRow();
      var rows = $$("tr[data-key]", tbody);
      rows.sort(function (a, b) {
        var x = cellValue(a, i, num), y = cellValue(b, i, num);
        var na = parseInt(a.getAttribute("data-key").slice(1), 10);
        var nb = parseInt(b.getAttribute("data-key").slice(1), 10);
        if (x === null || y === null) { return x === y ? na - nb : (x === null ? 1 : -1); }
        var c = num ? x - y : (x < y ? -1 : x > y ? 1 : 0);
        return (dir === "descending" ? -c : c) || na - nb;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });

  // filtering: every word of the box must occur in the event's card (facts, sources, evidence) or row
  var filter = document.getElementById("filter"), kindsel = document.getElementById("kindsel");
  var shown = document.getElementById("shown"), hay = {}, rowsAll = $$("tr[data-key]", tbody);
  rowsAll.forEach(function (r) {
    var k = r.getAttribute("data-key"), card = document.getElementById("card-" + k);
    hay[k] = fold(r.textContent + " " + (card ? card.textContent : ""));
  });
  function apply() {
    var terms = fold(filter.value).split(/\s+/).filter(Boolean), kind = kindsel.value, n = 0;
    closeDetailRow();
    rowsAll.forEach(function (r) {
      var k = r.getAttribute("data-key");
      var ok = (!kind || r.getAttribute("data-kind") === kind) &&
        terms.every(function (t) { return hay[k].indexOf(t) >= 0; });
      if (ok) { n++; }
      (byKey[k] || []).forEach(function (el) {
        if (el.tagName.toLowerCase() === "tr" || el.classList.contains("card")) { el.hidden = !ok; }
        else if (el.classList.contains("ev")) { el.classList.toggle("dim", !ok); }
      });
    });
    $$(".kinds li").forEach(function (li) {
      li.classList.toggle("off", !!kind && li.getAttribute("data-kind") !== kind);
    });
    shown.textContent = n + " of " + rowsAll.length + " events";
  }
  filter.addEventListener("input", apply);
  kindsel.addEventListener("change", apply);
  $$(".kinds li").forEach(function (li) {
    li.addEventListener("click", function () {
      var k = li.getAttribute("data-kind"), has = $$("option", kindsel).some(function (o) { return o.value === k; });
      kindsel.value = (kindsel.value === k || !has) ? "" : k; apply();
    });
  });

  // a link to #card-eN (or #row-eN, #eN) selects that event
  function fromHash() {
    var m = /^#(?:card-|row-)?(e[0-9]+)$/.exec(window.location.hash);
    if (m && byKey[m[1]]) { select(m[1], false); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.documentElement.setAttribute("data-ready", "1");

  // zoom and pan of the map through its viewBox; circles grow slower than the map so clusters come apart
  var svg = document.getElementById("map");
  if (!svg) { return; }
  var W = parseFloat(svg.getAttribute("data-w")), H = parseFloat(svg.getAttribute("data-h"));
  var view = { x: 0, y: 0, w: W, h: H }, circles = $$("circle.ev", svg), drag = null;
  function render() {
    view.w = Math.min(W, Math.max(W / 40, view.w)); view.h = view.w * H / W;
    view.x = Math.min(Math.max(view.x, 0), W - view.w); view.y = Math.min(Math.max(view.y, 0), H - view.h);
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(1); }).join(" "));
    var k = W / view.w;
    svg.style.setProperty("--k", k.toFixed(3));
    circles.forEach(function (c) {
      c.setAttribute("r", (parseFloat(c.getAttribute("data-r")) / Math.sqrt(k)).toFixed(2));
    });
  }
  function toSvg(ev) {
    var r = svg.getBoundingClientRect();
    return { x: view.x + (ev.clientX - r.left) / r.width * view.w,
             y: view.y + (ev.clientY - r.top) / r.height * view.h };
  }
  function zoomAt(f, p) {
    var w = Math.min(W, Math.max(W / 40, view.w / f)), s = w / view.w;
    view.x = p.x - (p.x - view.x) * s; view.y = p.y - (p.y - view.y) * s; view.w = w; render();
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault(); zoomAt(ev.deltaY < 0 ? 1.3 : 1 / 1.3, toSvg(ev));
  }, { passive: false });
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target.classList.contains("ev")) { return; }
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; svg.classList.add("drag");
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var r = svg.getBoundingClientRect();
    view.x = drag.vx - (ev.clientX - drag.x) / r.width * view.w;
    view.y = drag.vy - (ev.clientY - drag.y) / r.height * view.h; render();
  });
  window.addEventListener("pointerup", function () { drag = null; svg.classList.remove("drag"); });
  svg.addEventListener("dblclick", function (ev) { zoomAt(2, toSvg(ev)); });
  $$(".zoom button").forEach(function (b) {
    b.addEventListener("click", function () {
      var z = b.getAttribute("data-zoom"), c = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      if (z === "reset") { view = { x: 0, y: 0, w: W, h: H }; render(); }
      else { zoomAt(z === "in" ? 1.5 : 1 / 1.5, c); }
    });
  });
})();
"""
