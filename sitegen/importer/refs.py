"""Finding and rewriting the addresses in a post's text, never inside code.

Markdown links and images (an image inside a link, a title, an address with spaces as
kramdown reads it, `<…>`), reference definitions and the links that use them, the
addresses in HTML tags (`href`, `src`, `poster`, `data`), `<https://…>` autolinks and
bare `@ref:` names.  `rewrite(text, fn)` passes each address to `fn(url, tag, line)` —
tag "a", "img" or the HTML tag's name, line counted from 0 in `text` — and puts back what
it returns: a new address, or None to take the link out and keep its words (an image: its
description; another tag: the address alone goes).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable

Fn = Callable[[str, str, int], "str | None"]
REF = "@ref:"  # a link to another post by one of its names (from ref, relref, post_url…); see links.py
TEMPLATE = "@template:"  # an address only the old site's templates could work out (syntax.py): the link goes

CODE_BLOCK = re.compile(r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?^[ \t]{0,3}\2[`~]*[ \t]*$", re.S | re.M)
# A code span ends where its paragraph does: a stray backtick never hides the rest of the post.
CODE_SPAN = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
_REFDEF = re.compile(r"^([ ]{0,3}\[([^\]\n]+)\]:[ \t]*)(<[^>\n]*>|\S+)(.*)$", re.M)
_TAG = re.compile(r"<(a|img|video|audio|source|object|embed|track|area|input)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
                  re.I)
_TAG_ATTR = re.compile(r"""(\s(?:href|src|poster|data)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.I)
_SRCSET = re.compile(r"""\s+srcset\s*=\s*("[^"]*"|'[^']*')""", re.I)
_ALT = re.compile(r"""\balt\s*=\s*("[^"]*"|'[^']*')""", re.I)
_CLOSE_A = re.compile(r"</a\s*>", re.I)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BARE_REF = re.compile(r"(?<![(<\"'\w/:=])" + re.escape(REF) + r"[^\s)\]\"'<>]+")
_TITLE = re.compile(r"""^(.*?)(\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*$""", re.S)
MAX_LINK_TEXT = 2000  # a [ whose ] is further than this is not a link (keeps the scan linear)


def mask_code(text: str) -> str:
    """The text with the inside of code blocks and code spans blanked: the same length, newlines kept."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", "\x00", m.group(0))

    return CODE_SPAN.sub(blank, CODE_BLOCK.sub(blank, text))


class _Lines:
    def __init__(self, text: str):
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def of(self, pos: int) -> int:
        return bisect.bisect_left(self.breaks, pos)


def rewrite(text: str, fn: Fn) -> str:
    """Every address in text outside code, passed through fn."""
    if not any(c in text for c in "[<@"):
        return text
    text = _Scan(text, fn).links(0, None)
    text = _refdefs(text, fn)
    text = _tags(text, fn)
    return _others(text, fn)


class _Scan:
    """Inline links and images, nested ones too, from left to right."""

    def __init__(self, text: str, fn: Fn):
        self.text, self.fn = text, fn
        self.masked = mask_code(text)
        self.lines = _Lines(text)

    def links(self, start: int, end: int | None) -> str:
        text, masked = self.text, self.masked
        end = len(text) if end is None else end
        out: list[str] = []
        i = start
        while True:
            j = masked.find("[", i, end)
            if j < 0:
                break
            close = _bracket_end(masked, j, end) if not _escaped(masked, j) else -1
            dest = _destination(masked, close + 2, end) if close >= 0 and masked[close + 1:close + 2] == "(" else None
            if dest is None:
                out.append(text[i:j + 1])
                i = j + 1
                continue
            url_start, url_end, after = dest
            image = j > start and masked[j - 1] == "!" and not _escaped(masked, j - 1)
            s = j - 1 if image else j
            inner = self.links(j + 1, close)
            url = text[url_start:url_end]
            bare = url[1:-1] if url.startswith("<") and url.endswith(">") else url
            new = self.fn(bare, "img" if image else "a", self.lines.of(s))
            out.append(text[i:s])
            if new is None:
                out.append(inner.strip() if not image else _alt_text(inner))
            elif new == bare:
                out.append(text[s:j + 1] + inner + text[close:after])
            else:
                out.append(text[s:j + 1] + inner + text[close:url_start] + wrap(new) + text[url_end:after])
            i = after
        out.append(text[i:end])
        return "".join(out)


def _escaped(text: str, i: int) -> bool:
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _bracket_end(masked: str, j: int, end: int) -> int:
    """The ] that closes the [ at j (brackets nest), or -1: none before a blank line or too far."""
    depth = 0
    limit = min(end, j + MAX_LINK_TEXT)
    i = j
    while i < limit:
        c = masked[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        elif c == "\n" and masked[i + 1:i + 2] == "\n":
            return -1
        i += 1
    return -1


def _destination(masked: str, k: int, end: int) -> tuple[int, int, int] | None:
    """(start, end) of the address after `](` at k, and the position after its `)`; None: not a link."""
    p = k
    if masked[k:k + 1] == "<":
        gt = masked.find(">", k, min(end, k + MAX_LINK_TEXT))
        if gt < 0 or "\n" in masked[k:gt]:
            return None
        rest = re.match(r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)""", masked[gt + 1:end])
        return (k, gt + 1, gt + 1 + rest.end()) if rest else None
    depth = 0
    limit = min(end, k + MAX_LINK_TEXT)
    while p < limit:
        c = masked[p]
        if c == "\\":
            p += 2
            continue
        if c in "\"'" and p > k and masked[p - 1] in " \t":  # a title: "what (the picture) shows"
            q = masked.find(c, p + 1, limit)
            if q > 0 and "\n" not in masked[p:q]:
                p = q + 1
                continue
        if masked.startswith(("{{", "{%"), p):  # template syntax stays one piece: {{< ref "a (b)" >}}
            close = masked.find("}}" if masked[p + 1] == "{" else "%}", p + 2, limit)
            if close > 0 and "\n" not in masked[p:close]:
                p = close + 2
                continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif c == "\n":
            return None
        p += 1
    else:
        return None
    m = _TITLE.match(masked[k:p])
    url = m.group(1) if m else masked[k:p]
    lead = len(url) - len(url.lstrip())
    url = url.strip()
    if not url:
        return None
    return k + lead, k + lead + len(url), p + 1


def wrap(url: str) -> str:
    """An address as a Markdown link writes it: in <…> when it has spaces or brackets."""
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def _alt_text(alt: str) -> str:
    return alt.strip()


def _refdefs(text: str, fn: Fn) -> str:
    """`[label]: address` lines; a definition taken out takes the links that use it with it (their words stay)."""
    masked = mask_code(text)
    if "]:" not in masked:
        return text
    dropped: set[str] = set()
    out: list[str] = []
    pos = 0
    lines = _Lines(text)
    for m in _REFDEF.finditer(masked):
        url = text[m.start(3):m.end(3)]
        bare = url[1:-1] if url.startswith("<") and url.endswith(">") else url
        new = fn(bare, "a", lines.of(m.start()))
        out.append(text[pos:m.start()])
        if new is None:
            dropped.add(m.group(2).strip().casefold())
        else:
            out.append(text[m.start():m.start(3)] + (wrap(new) if new != bare else url) + text[m.end(3):m.end()])
        pos = m.end()
    out.append(text[pos:])
    text = "".join(out)
    if not dropped:
        return text

    masked = mask_code(text)
    out, pos = [], 0
    for m in _REF_USE.finditer(masked):
        words, label = text[m.start(2):m.end(2)], m.group(3)
        if (label if label else words).strip().casefold() in dropped:
            out.append(text[pos:m.start()] + (_alt_text(words) if m.group(1) else words))
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


_REF_USE = re.compile(r"(!?)\[([^\[\]\n]*)\](?:\[([^\]\n]*)\]|(?![(:\[]))")


def _tags(text: str, fn: Fn) -> str:
    """The addresses in HTML tags; a link taken out keeps its words, an image its description."""
    masked = mask_code(text)
    if "<" not in masked:
        return text
    lines = _Lines(text)
    out: list[str] = []
    pos = 0
    close_from = -1  # a link was taken out: its </a> goes too
    for m in _TAG.finditer(masked):
        if close_from >= 0:
            c = _CLOSE_A.search(masked, close_from, m.start())
            if c is not None:
                out.append(text[pos:c.start()])
                pos = c.end()
                close_from = -1
        name = m.group(1).lower()
        tag = text[m.start():m.end()]
        line = lines.of(m.start())
        gone = False

        def attr(a: re.Match) -> str:
            nonlocal gone
            raw = a.group(2)
            quoted = raw[:1] in "\"'"
            value = html.unescape(raw[1:-1] if quoted else raw)
            new = fn(value, name, line)  # noqa: B023 (called within this iteration)
            if new is None:
                gone = True
                return ""
            if new == value:
                return a.group(0)
            return a.group(1) + '"' + new.replace("&", "&amp;").replace('"', "&quot;") + '"'

        new_tag = _TAG_ATTR.sub(attr, _SRCSET.sub("", tag))
        out.append(text[pos:m.start()])
        pos = m.end()
        if gone and name == "a":
            close_from = m.end()
        elif gone and name == "img":
            alt = _ALT.search(tag)
            out.append(html.unescape(alt.group(1)[1:-1]).strip() if alt else "")
        else:
            out.append(new_tag)
    if close_from >= 0:
        c = _CLOSE_A.search(masked, close_from)
        if c is not None:
            out.append(text[pos:c.start()])
            pos = c.end()
    out.append(text[pos:])
    return "".join(out)


def _others(text: str, fn: Fn) -> str:
    """<https://…> autolinks and bare @ref: names, outside code."""
    masked = mask_code(text)
    if "<http" not in masked and REF not in masked:
        return text
    lines = _Lines(text)
    out: list[str] = []
    pos = 0
    for m in sorted(list(_AUTOLINK.finditer(masked)) + list(_BARE_REF.finditer(masked)), key=lambda m: m.start()):
        if m.start() < pos:
            continue
        url = text[m.start(1):m.end(1)] if m.re is _AUTOLINK else text[m.start():m.end()]
        new = fn(url, "a", lines.of(m.start()))
        out.append(text[pos:m.start()])
        shown = url[len(REF):] if url.startswith(REF) else url
        if new is None:
            out.append(shown)
        elif m.re is _AUTOLINK and re.match(r"[a-z][\w+.-]*:", new):
            out.append(f"<{new}>")
        else:
            out.append(f"[{shown}]({wrap(new)})")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
