"""A post's HTML made safe to place inside the CPD record: text and structure only, nothing fetched.

The record is one self-contained file that makes no request to any other host, so images,
embedded frames, scripts and styles of a post do not come along: an image becomes its
description in brackets.  Links stay only where they lead somewhere from a printout (full
web addresses, with the post's own address resolving relative ones); headings are moved
down so that they nest under the record's own.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

KEEP = frozenset("p br hr ul ol li blockquote em strong b i u code pre kbd samp table thead tbody tfoot tr th td "
                 "caption a sup sub dl dt dd figure figcaption span div abbr del ins s mark small q cite".split())
DROP = frozenset("script style iframe object embed video audio source track svg math template form input button "
                 "select textarea option link meta noscript head title canvas picture map".split())
VOID = frozenset({"br", "hr", "img", "input", "source", "track", "link", "meta", "wbr", "col", "area", "embed"})
ATTRS = {"a": ("href",), "th": ("colspan", "rowspan", "scope"), "td": ("colspan", "rowspan"), "ol": ("start",),
         "abbr": ("title",)}
_HEADING = re.compile(r"<h([1-6])\b", re.I)


class _Cleaner(HTMLParser):
    def __init__(self, shift: int, base: str | None):
        super().__init__(convert_charrefs=True)
        self.shift, self.base = shift, base
        self.out: list[str] = []
        self.dropping = 0  # depth inside a DROP element: its content is left out
        self.open: list[str] = []  # what was opened, as written out ("" for an unwrapped tag)

    def handle_starttag(self, tag, attrs):
        if self.dropping:
            if tag in DROP and tag not in VOID:
                self.dropping += 1
            return
        if tag in DROP:
            if tag not in VOID:
                self.dropping = 1
            if tag in ("svg", "picture", "canvas", "video"):
                self.out.append("<span class=\"media\">[drawing or video not included]</span>")
            return
        a = dict(attrs)
        if tag == "img":
            alt = (a.get("alt") or "").strip()
            self.out.append(f"<span class=\"media\">[image: {html.escape(alt, quote=False)}]</span>" if alt
                            else "<span class=\"media\">[image]</span>")
            return
        heading = re.fullmatch(r"h[1-6]", tag) is not None
        name = f"h{max(1, min(6, int(tag[1]) + self.shift))}" if heading else tag
        if name not in KEEP and not heading:
            self._push(tag, "")
            return
        kept = []
        for key in ATTRS.get(name, ()):
            value = a.get(key)
            if value is None:
                continue
            if key == "href":
                value = self._href(value, a.get("class") or "")
                if value is None:
                    break
            kept.append(f' {key}="{html.escape(value, quote=True)}"')
        if name == "a" and not kept:
            self._push(tag, "")  # a link that leads nowhere from the record: its text stays
            return
        if tag in VOID:
            self.out.append(f"<{name}>")
            return
        self.out.append(f"<{name}{''.join(kept)}>")
        self._push(tag, name)

    def _href(self, href: str, cls: str) -> str | None:
        if "footnote-backref" in cls or href.startswith("#"):
            return None
        target = urljoin(self.base, href) if self.base else href
        return target if urlsplit(target).scheme in ("http", "https", "mailto") else None

    def _push(self, tag: str, written: str) -> None:
        if tag not in VOID:
            self.open.append(f"{tag}\0{written}")

    def handle_endtag(self, tag):
        if self.dropping:
            if tag in DROP:
                self.dropping -= 1
            return
        for i in range(len(self.open) - 1, -1, -1):
            opened, written = self.open[i].split("\0")
            if opened == tag:
                for item in reversed(self.open[i:]):  # close anything left open inside it
                    name = item.split("\0")[1]
                    if name:
                        self.out.append(f"</{name}>")
                del self.open[i:]
                return

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))

    def close_all(self) -> str:
        self.close()
        for item in reversed(self.open):
            name = item.split("\0")[1]
            if name:
                self.out.append(f"</{name}>")
        return "".join(self.out)


def clean_html(fragment: str, top_level: int = 4, base: str | None = None) -> str:
    """The fragment with only safe elements, its highest heading at `top_level`, links resolved against base."""
    levels = [int(m) for m in _HEADING.findall(fragment)]
    shift = top_level - min(levels) if levels else 0
    cleaner = _Cleaner(shift, base)
    cleaner.feed(fragment)
    return cleaner.close_all()
