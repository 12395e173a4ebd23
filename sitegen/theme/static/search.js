// Offline search over search-index.json: no external requests, works under a sub-path.
(function () {
  "use strict";
  var script = document.currentScript;
  var indexUrl = script.getAttribute("data-index");
  var root = script.getAttribute("data-root");
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var out = document.getElementById("results");
  var index = null;

  function words(s) { return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").match(/[a-z0-9]+/g) || []; }

  function score(doc, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (doc._t.indexOf(t) >= 0) s += 10;
      if (doc._g.indexOf(t) >= 0) s += 6;
      if (doc._s.indexOf(t) >= 0) s += 3;
      if (doc._x.indexOf(t) >= 0) s += 1;
      if (!s) return 0;
      total += s;
    }
    return total;
  }

  function show(query) {
    var terms = words(query);
    out.textContent = "";
    if (!terms.length) return;
    var hits = [];
    index.forEach(function (d) { var s = score(d, terms); if (s) hits.push([s, d]); });
    hits.sort(function (a, b) { return b[0] - a[0] || (a[1].d < b[1].d ? 1 : -1); });
    var p = document.createElement("p");
    p.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d";
    out.appendChild(p);
    if (!hits.length) return;
    var ol = document.createElement("ol");
    ol.className = "post-list";
    hits.slice(0, 50).forEach(function (h) {
      var d = h[1], li = document.createElement("li"), a = document.createElement("a");
      a.href = root + d.u;
      a.textContent = d.t;
      var h2 = document.createElement("h2");
      h2.appendChild(a);
      li.appendChild(h2);
      if (d.s) { var s = document.createElement("p"); s.textContent = d.s; li.appendChild(s); }
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }

  function load(then) {
    if (index) return then();
    fetch(indexUrl).then(function (r) { return r.json(); }).then(function (data) {
      index = data.map(function (d) {
        d._t = " " + words(d.t).join(" ") + " "; d._g = words(d.g.join(" ")); d._s = words(d.s); d._x = words(d.x);
        d._t = words(d.t);
        return d;
      });
      then();
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    load(function () { show(q); });
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; load(function () { show(initial); }); }
})();
