// Offline search over search-index.json, built with the site: no external service, and no
// request but the index itself. All links are relative to data-root, so the search works
// at any sub-path. Index entries: t title, u url (from the site root), d date (YYYY-MM-DD),
// g tags, s summary, x the words of the text.
(function () {
  "use strict";
  var script = document.currentScript;
  var indexUrl = script.getAttribute("data-index");
  var root = script.getAttribute("data-root");
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var out = document.getElementById("results");
  if (!form || !input || !status || !out) return;
  var lang = document.documentElement.lang || undefined;
  var index = null;      // prepared entries, once loaded
  var loading = null;    // callbacks waiting for the index
  var timer = 0;
  var shown = null;      // the query whose results are on screen

  // Lower case, accents removed ("Bien-être" → bien, etre), letters and digits of any script.
  var WORD = /[\p{L}\p{N}]+/gu;
  function words(s) {
    return (s || "").toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(WORD) || [];
  }

  function prepare(d) {
    return {
      title: d.t, url: d.u, date: d.d || "", summary: d.s || "",
      t: words(d.t), g: words((d.g || []).join(" ")), s: words(d.s), x: words(d.x)
    };
  }

  // A term matches a field when one of its words starts with the term, so "breath" finds
  // "breathing"; matches in the title count most, then tags, summary and text.
  function has(list, term) {
    for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) return true;
    return false;
  }

  function score(doc, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (has(doc.t, t)) s += 10;
      if (has(doc.g, t)) s += 6;
      if (has(doc.s, t)) s += 3;
      if (has(doc.x, t)) s += 1;
      if (!s) return 0;  // every term must appear somewhere
      total += s;
    }
    return total;
  }

  function humanDate(iso) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "";
    try {
      return new Date(iso + "T12:00:00Z").toLocaleDateString(lang, {
        day: "numeric", month: "long", year: "numeric", timeZone: "UTC"
      });
    } catch (e) {
      return iso;
    }
  }

  function el(name, cls, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function show(query) {
    var terms = words(query);
    shown = query;
    out.textContent = "";
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    var hits = [];
    index.forEach(function (d) {
      var s = score(d, terms);
      if (s) hits.push([s, d]);
    });
    hits.sort(function (a, b) {
      return b[0] - a[0] || (a[1].date < b[1].date ? 1 : a[1].date > b[1].date ? -1 : 0);
    });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") +
      " for \u201c" + query.trim() + "\u201d";
    if (!hits.length) return;
    var ol = el("ol", "post-list");
    hits.slice(0, 50).forEach(function (h) {
      var d = h[1], li = el("li"), article = el("article", "summary"), h2 = el("h2"), a = el("a", "", d.title);
      a.href = root + d.url;
      h2.appendChild(a);
      article.appendChild(h2);
      var meta = el("p", "meta"), date = humanDate(d.date);
      if (d.url.lastIndexOf("case-studies/", 0) === 0) meta.appendChild(el("span", "badge", "Case study"));
      if (date) {
        if (meta.firstChild) meta.appendChild(document.createTextNode(" "));
        var time = el("time", "", date);
        time.setAttribute("datetime", d.date);
        meta.appendChild(time);
      }
      if (meta.firstChild) article.appendChild(meta);
      if (d.summary) article.appendChild(el("p", "excerpt", d.summary));
      li.appendChild(article);
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }

  function failed() {
    loading = null;
    status.textContent = "Search is not available right now. The archive and the topics below list every post.";
  }

  function load(then) {
    if (index) return then();
    if (loading) return loading.push(then);
    loading = [then];
    status.textContent = "Loading the search index\u2026";
    fetch(indexUrl).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (data) {
      index = data.map(prepare);
      var waiting = loading;
      loading = null;
      status.textContent = "";
      waiting.forEach(function (f) { f(); });
    }).catch(failed);
  }

  // Keep the query in the address, so a result can be shared and Back returns to it.
  function remember(q) {
    var url = new URL(location.href);
    if (q.trim()) url.searchParams.set("q", q); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  function run(q) {
    remember(q);
    load(function () { if (q !== shown) show(q); });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    shown = null;  // searching again for the same words still announces the result
    run(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
