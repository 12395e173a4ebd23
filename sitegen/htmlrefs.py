"""The references in a rendered body: found once per file, rewritten once the site is known.

Per file (cached with the rendering, see markup.py): every `<a href>` to a place on this
site, every `<img>` (ours or another site's: a case study's photos need consent either
way), each with the line of the Markdown file it came from, and every `id` in the text
(the anchors a link may point to).  After the whole site is known, links.py decides what
each target is, and `rewrite` puts the answers into the HTML in one pass.

Links inside the text are written relative to the site's root behind ROOT, a marker that
render.py turns into the right relative prefix for each page that shows the text (a post
shown on its own page, on the home page, on a topic page) and into the full address in
feeds: one rendering serves every page.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

ROOT = "@sitegen-root@/"  # replaced in every rendered page: see render.finish_page

_TAG = re.compile(r"<(a|img)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|</a\s*>", re.I)
_ATTR = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# An id attribute: `id=` where a word starts (\b), found by searching for the letters and then
# looking at the character before them, which the regular expression engine does at C speed
# (a pattern starting with \b is tried at every position: ten times as long).
_ID = re.compile(r"""id\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_WORD = re.compile(r"\w")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FOOTNOTE = re.compile(r'class="footnote-(?:ref|backref)"')


@dataclass(frozen=True, slots=True)
class Reference:
    tag: str  # "a" or "img"
    target: str  # as written, entities decoded: "first-week.md#why", "photo.jpg", "https://…"
    line: int  # in the Markdown file
    alt: str | None = None  # an image's alt text; None when it has none


def is_local(target: str) -> bool:
    """A place on this site: no scheme (https:, mailto:), not //other-host."""
    t = target.strip()
    return bool(t) and not _SCHEME.match(t) and not t.startswith("//")


def attributes(inner: str) -> dict[str, str]:
    """The attributes of a tag's inside (`href="x" alt="y"`), entities decoded, names lower-cased."""
    out: dict[str, str] = {}
    for m in _ATTR.finditer(inner):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        out.setdefault(m.group(1).lower(), html.unescape(value) if value is not None else "")
    return out


def find_references(out: str, body: str, body_line: int) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """(references, anchors) of one rendered body; lines are found by looking for each target
    in the Markdown, in order."""
    if "<a" not in out and "<img" not in out and "<A" not in out and "<IMG" not in out:
        return (), _anchors(out)
    refs: list[Reference] = []
    pos = 0
    for m in _TAG.finditer(out):
        name = (m.group(1) or "").lower()
        if not name or (name == "a" and _FOOTNOTE.search(m.group(2))):
            continue  # a closing tag, or a footnote's own link (always right)
        attrs = attributes(m.group(2))
        target = attrs.get("href" if name == "a" else "src")
        if target is None or (name == "a" and not is_local(target)):
            continue
        found = body.find(target, pos)
        if found < 0:
            found = body.find(target)
        if found < 0:
            found = body.find(html.escape(target, quote=False))
        if found >= 0:
            pos = found + len(target)
        line = body_line + (body.count("\n", 0, found) if found >= 0 else 0)
        refs.append(Reference(name, target, line, attrs.get("alt") if name == "img" else None))
    return tuple(refs), _anchors(out)


def _anchors(out: str) -> tuple[str, ...]:
    if "id" not in out:
        return ()
    found: list[str] = []
    search, word = _ID.search, _WORD.match
    m = search(out)
    while m is not None:
        at = m.start()
        if at and word(out, at - 1):  # inside a word (valid="…"): look again one character on
            m = search(out, at + 1)
            continue
        found.append(html.unescape(m.group(1) if m.group(1) is not None else m.group(2)))
        m = search(out, m.end())
    return tuple(dict.fromkeys(found))


# What rewrite does with one tag: a new tag in its place, "" to drop a link (keeping its
# text), or None to leave it as it is.
Fix = Callable[[str, dict[str, str], str], "str | None"]


def rewrite(text: str, fix: Fix) -> str:
    """`text` with each <a> and <img> passed through fix(tag, attributes, original tag)."""
    if "<a" not in text and "<img" not in text and "<A" not in text and "<IMG" not in text:
        return text
    parts: list[str] = []
    last = 0
    dropped = 0  # links whose closing tag must go too
    for m in _TAG.finditer(text):
        name = (m.group(1) or "").lower()
        if not name:
            if dropped:
                parts.append(text[last:m.start()])
                last = m.end()
                dropped -= 1
            continue
        new = fix(name, attributes(m.group(2)), m.group(0))
        if new is None:
            continue
        parts.append(text[last:m.start()])
        parts.append(new)
        last = m.end()
        if new == "" and name == "a":
            dropped += 1
    parts.append(text[last:])
    return "".join(parts)


@functools.lru_cache(maxsize=16)
def _attribute(name: str) -> re.Pattern[str]:
    return re.compile(r"""(\s%s\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""" % re.escape(name), re.I)


def replace_attribute(tag: str, name: str, value: str) -> str:
    """The tag with one attribute's value replaced (escaped), e.g. a link's href."""
    m = _attribute(name).search(tag)
    return tag if m is None else f'{tag[:m.start()]}{m.group(1)}"{html.escape(value)}"{tag[m.end():]}'


_FILE_REF = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def relative_file_refs(page: str) -> list[str]:
    """The files a stand-alone HTML page uses by a relative address (`thumb.png`, `css/a.css`),
    queries and fragments left off: what must travel with it."""
    from urllib.parse import unquote

    out: list[str] = []
    for m in _FILE_REF.finditer(page):
        target = html.unescape(m.group(1) if m.group(1) is not None else m.group(2)).strip()
        target = target.split("#", 1)[0].split("?", 1)[0]
        if target and is_local(target) and not target.startswith("/"):
            out.append(unquote(target))
    return out

