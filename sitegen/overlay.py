"""What the preview adds to each HTML page it serves (never to the files on disk): the
live-reload script, and the box listing build errors while they stand."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

EVENTS_PATH = "/__sitegen/events"

_RELOAD_SCRIPT = """<script id="sitegen-live-reload">
(function () {
  /* Added by sitegen serve, only to pages it serves: show the new version when the site is
     rebuilt.  When only pages changed, the new version of this page is put in place of the
     old one (no blank moment, the place in the page is kept); when a stylesheet, a picture or
     a script changed, or this page runs scripts of its own, the page is reloaded whole. */
  var shown = %d;
  if (!window.EventSource) return;
  var source = new EventSource("%s");
  var busy = false, again = false;
  function reload() { source.close(); location.reload(); }
  function update(epoch) {
    busy = true;
    fetch(location.href, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      if (!doc.body || doc.querySelector("script[src]")) { reload(); return; }
      document.title = doc.title;
      document.body.replaceWith(document.adoptNode(doc.body));
      shown = epoch;
      busy = false;
      if (again) { again = false; update(latest); }
    }).catch(reload);
  }
  var latest = shown;
  source.onmessage = function (event) {
    var parts = String(event.data).split(" "), epoch = Number(parts[0]), reloadFrom = Number(parts[1] || parts[0]);
    if (epoch === shown) return;
    latest = epoch;
    if (reloadFrom > shown || !window.fetch || !window.DOMParser || document.querySelector("script[src]")) {
      reload();
    } else if (busy) {
      again = true;
    } else {
      update(epoch);
    }
  };
}());
</script>
"""

_OVERLAY = """<div id="sitegen-errors" role="alert" style="position:fixed;top:0;left:0;right:0;max-height:70vh;\
overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#fff5f5;color:#4a0000;\
border-bottom:4px solid #b3261e;box-shadow:0 4px 18px rgba(0,0,0,.3);font:15px/1.5 system-ui,sans-serif;text-align:left">
<p style="margin:0 0 .5rem;font-weight:bold">%s</p>
<ul style="margin:0 0 .5rem;padding-left:1.25rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14px">
%s</ul>
<p style="margin:0">%s <button type="button" onclick="this.closest('#sitegen-errors').remove()" \
style="font:inherit;margin-left:.5rem">Hide</button></p>
</div>
"""

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.I)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.I)


def overlay_html(errors: Sequence[str], have_build: bool = True) -> bytes:
    """The error box laid over every served page while a build error stands (text is HTML-escaped)."""
    n = len(errors)
    head = (f"The site could not be rebuilt: {n} problem{'s' if n != 1 else ''}." if have_build
            else f"The site could not be built: {n} problem{'s' if n != 1 else ''}.")
    tail = ("You are looking at the last version that built. Fix the problem and save the file: "
            "this page reloads by itself." if have_build else
            "Fix the problem and save the file: this page reloads by itself.")
    items = "".join(f"<li>{html.escape(e)}</li>\n" for e in errors)
    return (_OVERLAY % (html.escape(head), items, html.escape(tail))).encode("utf-8")


def inject(page: bytes, epoch: int, errors: Sequence[str] = (), have_build: bool = True) -> bytes:
    """Add the live-reload script (before </body>) and, when errors stand, the overlay (after <body>)."""
    if errors:
        box = overlay_html(errors, have_build)
        m = _BODY_OPEN.search(page)
        page = page[:m.end()] + b"\n" + box + page[m.end():] if m else box + page
    script = (_RELOAD_SCRIPT % (epoch, EVENTS_PATH)).encode("utf-8")
    closes = list(_BODY_CLOSE.finditer(page))
    if closes:
        at = closes[-1].start()
        return page[:at] + script + page[at:]
    return page + script


def no_build_page() -> bytes:
    return (b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Preview: build failed</title>"
            b"</head><body><h1>The preview is not ready</h1></body></html>")
