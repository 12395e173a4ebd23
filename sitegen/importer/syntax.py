"""Other generators' template syntax in a post's text → plain Markdown, or kept visible and reported.

Translated: Liquid `highlight`, `post_url`, `link`, `relative_url`/`absolute_url`, `img`,
`figure`…`endfigure`; Hugo `highlight`, `ref`/`relref`, `figure`, `youtube`/`vimeo`, `gist`,
`tweet`; Zola `youtube()`/`vimeo()`; Eleventy `image`; `{{ site.x }}` and `{{ page.x }}` with
the values of the old site's settings and data files; code fences with settings; kramdown
attribute lines (removed) and heading ids (`## Why {#why}`: remembered, so that links to
`#why` find the heading).  A video becomes a plain link to it: no third-party embed on the
reader's page.  Anything else is wrapped in a code span, so it shows as written, and
reported; in a link's address, where a code span cannot go, the link is taken out and its
words kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .fences import fences, outside_code
from .records import Note, OldPost
from .refs import CODE_BLOCK as _CODE_BLOCK
from .refs import REF, TEMPLATE, mask_code, rewrite, wrap
from .values import fill


@dataclass
class _Work:
    post: OldPost
    values: Mapping[str, Any] = field(default_factory=dict)  # what {{ site.x }} and {{ page.x }} stand for
    includes: Mapping[str, str] = field(default_factory=dict)  # {% include x %}: the text of x, when plain
    notes: list[Note] = field(default_factory=list)
    heading_ids: dict[str, str] = field(default_factory=dict)  # an id the old site gave a heading → its text

    base: int = 0  # lines of the text before the part being worked on

    def note(self, text: str, pos: int, message: str, attention: bool = False, needle: str = "",
             kind: str = "") -> None:
        line = self.post.body_line + self.base + text.count("\n", 0, pos)
        self.notes.append(Note(self.post.origin, line, message, attention, needle, kind))


# -- arguments of a tag or shortcode ------------------------------------------------------------

_ARG = re.compile(r"""(?:(\w+)\s*[=:]\s*)?("[^"]*"|'[^']*'|“[^”]*”|[^\s,()]+)""")


def _args(text: str) -> tuple[list[str], dict[str, str]]:
    positional: list[str] = []
    named: dict[str, str] = {}
    for m in _ARG.finditer(text):
        value = m.group(2)
        if value[:1] in "\"'“" and len(value) >= 2:
            value = value[1:-1]
        if m.group(1):
            named[m.group(1).lower()] = value
        else:
            positional.append(value)
    return positional, named


def _video(kind: str, vid: str, title: str = "") -> str:
    vid = vid.strip()
    if kind == "youtube":
        url = vid if vid.startswith("http") else f"https://www.youtube.com/watch?v={vid}"
        site = "YouTube"
    elif kind == "vimeo":
        url = vid if vid.startswith("http") else f"https://vimeo.com/{vid}"
        site = "Vimeo"
    else:
        url, site = vid, "the web"
    label = f"{title} (video on {site})" if title else f"Watch the video on {site}"
    return f"[{_md_text(label)}]({url})"


def _md_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def _image(src: str, alt: str = "", title: str = "", caption: str = "") -> str:
    alt = alt or caption or title
    t = f' "{title}"' if title and title != alt else ""
    out = f"![{_md_text(alt)}]({src}{t})"
    return out + (f"\n\n*{caption.strip()}*" if caption and caption != alt else "")


def code_span(text: str) -> str:
    """Shown as written, in code: an HTML <code> element, which also works inside an HTML block (where a
    Markdown `code span` would not be read)."""
    return "<code>" + html.escape(" ".join(text.split()), quote=False) + "</code>"


# -- tags, expressions, shortcodes -------------------------------------------------------------

_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}(.*?)\{%-?\s*endcomment\s*-?%\}", re.S)
_RAW = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
_URL_FILTER = re.compile(
    r"""\{\{-?\s*(?:site\.url\s*\}\}\s*\{\{-?\s*)?["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url|url|prepend:\s*site\.baseurl|htmlBaseUrl)\s*-?\}\}""")
_SITE_URL = re.compile(r"\{\{-?\s*(?:site\.)?(?:baseurl|url|base_url)\s*-?\}\}(?:\{\{-?\s*site\.baseurl\s*-?\}\})?")
# One pass over all of them, so that nothing already translated (or put in a code span) is read twice.
_TEMPLATE = re.compile(
    r"\{\{\s*(?P<zname>\w+)\((?P<zargs>[^)]*?)\)\s*\}\}"
    r"|\{%\s*(?P<bname>\w+)\((?P<bargs>[^)]*?)\)\s*%\}(?P<bbody>.*?)\{%\s*end\s*%\}"
    r"|\{\{(?P<open>[<%])\s*(?P<close>/?)\s*(?P<sname>[\w./-]+)(?P<srest>.*?)\s*[>%]\}\}"
    r"|\{%-?\s*(?P<lname>\w+)(?P<lrest>.*?)-?%\}"
    r"|\{\{-?.*?-?\}\}", re.S)
_KRAMDOWN_TOC = re.compile(r"^[ \t]*[*+-][^\n]*\n[ \t]*\{:\s*toc\s*\}[ \t]*$", re.M)
_IAL = r"\{:\s*(?:[.#][\w-]|[\w-]+=[\"']|toc\})[^}\n]*\}?"  # {: .note}, {:#id}, {: width="50%"}, {:toc}
_KRAMDOWN_LINE = re.compile(r"^[ \t]*" + _IAL + r"[ \t]*$\n?", re.M)
_KRAMDOWN_INLINE = re.compile(r"(?<=[)\]*_])" + _IAL)
_MORE = re.compile(r"<!--\s*more\s*-->", re.I)


@dataclass(frozen=True, slots=True)
class Translated:
    text: str
    notes: list[Note]
    heading_ids: dict[str, str]  # an id the old site gave a heading ({#why}, <h2 id="why">) → the heading's text


def translate(post: OldPost, text: str, generator: str, values: Mapping[str, Any] = {},
              includes: Mapping[str, str] = {}) -> Translated:
    """The post's text with the known template syntax translated and the rest kept visible."""
    w = _Work(post, values, includes)
    text = fences(text, lambda text, pos, message: w.note(text, pos, message))
    text = _COMMENT.sub(lambda m: f"<!--{m.group(1).replace('--', '- -')}-->", text)
    text = _RAW.sub("", text)
    text = _MORE.sub("<!-- more -->", text)
    text = _FIGURE.sub(_figure, text)
    text = _quoted_tags(w, text, generator)
    text = outside_code(text, lambda part, base: _ESCAPED.sub(lambda m: _escaped(w, part, base, m), part)
                        if "\\{" in part else part)
    text = rewrite(text, lambda url, tag, line: _address(w, url, tag, line, generator))
    text = outside_code(text, lambda part, base: _inline(w, part, base, generator))
    return Translated(_heading_ids(w, _scripts(w, text)), w.notes, w.heading_ids)


# {% figure caption:"…" %}![…](…){% endfigure %}: the picture, then its caption
_FIGURE = re.compile(r"\{%-?\s*figure\b((?:[^%\"']|\"[^\"]*\"|'[^']*')*?)-?%\}(.*?)\{%-?\s*endfigure\s*-?%\}", re.S)
# \{\{ x \}\}: the writer escaped the braces to show them as they are
_ESCAPED = re.compile(r"\\\{(\\\{|%)(.{0,200}?)(\\\}|%)\\\}")
_HEADING_ID = re.compile(r"^(#{1,6}[ \t]+.*?)[ \t]*\{:?[ \t]*#([\w:.-]+)[^}\n]*\}[ \t]*$", re.M)
_A_NAME = re.compile(r"""<a\s+name\s*=\s*(["'])([^"'<>]+)\1(\s*/?)>""", re.I)


_QUOTED_TAG = re.compile(r"\{%-?\s*\w+(?:[^%\"']|\"[^\"]*\"|'[^']*')*?-?%\}")


def _quoted_tags(w: _Work, text: str, generator: str) -> str:
    """Tags whose quoted arguments hold a `code span` (include notice.html message="… `x` …"): read whole,
    before code spans are looked for, so that the tag is not cut in two."""
    if "{%" not in text or "`" not in text:
        return text
    blocks = [m.span() for m in _CODE_BLOCK.finditer(text)]
    out: list[str] = []
    pos = 0
    w.base = 0
    for m in _QUOTED_TAG.finditer(text):
        if "`" not in m.group(0) or any(a <= m.start() < b for a, b in blocks):
            continue
        tag = _TEMPLATE.match(text, m.start())
        if tag is None or tag.end() != m.end():
            continue
        out.append(text[pos:m.start()] + _template(w, text, tag, generator))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _figure(m: re.Match) -> str:
    _, named = _args(m.group(1))
    caption = named.get("caption", "").strip()
    body = m.group(2).strip()
    return body + (f"\n\n*{caption}*" if caption else "")


def _escaped(w: _Work, text: str, base: int, m: re.Match) -> str:
    """Braces the writer escaped to show them as they are: shown as code (a code span, left alone from now on)."""
    shown = "{" + ("{" if m.group(1) == "\\{" else "%") + m.group(2) + ("}" if m.group(3) == "\\}" else "%") + "}"
    w.base = base
    w.note(text, m.start(), f"{shown} is shown as written, in code: Markdown would otherwise hand it on as template "
           "syntax", kind="syntax.escaped")
    return f"`{shown}`" if "`" not in shown else f"`` {shown} ``"


def _address(w: _Work, url: str, tag: str, line: int, generator: str) -> str | None:
    """An address written with template syntax: translated, or marked as TEMPLATE (the link will go, its words stay)."""
    if "{{" not in url and "{%" not in url:
        return url
    new = _filled(w, _SITE_URL.sub("", _URL_FILTER.sub(lambda m: m.group(1), url)), line)
    unknown: list[str] = []

    def one(m: re.Match) -> str:
        name = (m.group("lname") or m.group("sname") or "").lower()
        pos, named = _args(m.group("lrest") or m.group("srest") or "")
        if name in ("post_url", "link", "ref", "relref") and (named.get("path") or pos):
            return REF + (named.get("path") or pos[0])
        unknown.append(m.group(0))
        return m.group(0)

    new = _TEMPLATE.sub(one, new)
    if not unknown and "{{" not in new and "{%" not in new:
        return new.strip()
    # The link is taken out, its words kept, once its place in the new file is known (links.py); till then
    # the address is kept out of sight of the translations that follow.
    return TEMPLATE + quote(url, safe="")


def _inline(w: _Work, text: str, base: int, generator: str) -> str:
    if "<a" in text or "<A" in text:
        text = _A_NAME.sub(lambda m: f'<a id="{m.group(2)}"{m.group(3)}>', text)  # name= is not an anchor in HTML5
    if "<object" in text:
        text = _OBJECT.sub(lambda m: _object(w, text, m), text)
    if "<video" in text or "<audio" in text:
        text = _PLAYER.sub(lambda m: _player(w, text, m), text)
    if "{" not in text:
        return text
    w.base = base
    text = _URL_FILTER.sub(lambda m: m.group(1), text)
    text = _SITE_URL.sub("", text)
    text = _filled(w, text, base)
    text = _TEMPLATE.sub(lambda m: _template(w, text, m, generator), text)
    # Kramdown lines go last: removing them changes the line count, and every note above has its line.
    text = _KRAMDOWN_TOC.sub(lambda m: _removed(w, text, m, "a kramdown table of contents ({:toc}) removed"), text)
    text = _KRAMDOWN_LINE.sub(lambda m: _removed(w, text, m, f"kramdown attribute {m.group(0).strip()!r} removed"),
                              text)
    return _KRAMDOWN_INLINE.sub(lambda m: _removed(w, text, m, f"kramdown attribute {m.group(0)!r} removed"), text)


_OBJECT = re.compile(r"""<object\b[^>]*?\bdata\s*=\s*(["'])([^"'<>]+\.svg)\1[^>]*>.*?</object\s*>""", re.I | re.S)


def _object(w: _Work, text: str, m: re.Match) -> str:
    """An SVG drawing embedded with <object>: a picture like any other (a page runs nothing of a post's)."""
    w.note(text, m.start(), f"the drawing {m.group(2)} was embedded as an object: it is now a plain picture "
           "(anything interactive in it no longer runs); give it a description", kind="syntax.object")
    return f'<img src="{m.group(2)}">'


_PLAYER = re.compile(r"<(video|audio)\b([^>]*)>(.*?)</\1\s*>", re.I | re.S)
_SRC = re.compile(r"""\bsrc\s*=\s*(["'])([^"'<>]+)\1""", re.I)


def _player(w: _Work, text: str, m: re.Match) -> str:
    """<video>, <audio>: a link to the file (sitegen publishes a file beside a post when a page links to it)."""
    src = _SRC.search(m.group(2)) or _SRC.search(m.group(3))
    if src is None:
        return m.group(0)
    words = "Watch the video" if m.group(1).lower() == "video" else "Listen to the recording"
    w.note(text, m.start(), f"a {m.group(1).lower()} player became a link to its file, {src.group(2)}",
           kind="syntax.player")
    return f"[{words}]({wrap(src.group(2))})"


def _filled(w: _Work, text: str, line: int) -> str:
    """{{ site.x }} and {{ page.x }} replaced by their values from the old site's settings and data files."""
    new, filled = fill(text, w.values)
    for expression, value in filled:
        w.notes.append(Note(w.post.origin, w.post.body_line + line, f"{' '.join(expression.split())} was filled "
                            f"in from the old site's settings: {value[:80]}", kind="syntax.value"))
    return new


def _template(w: _Work, text: str, m: re.Match, generator: str) -> str:
    if m.group("zname") or m.group("bname"):
        return _zola(w, text, m)
    if m.group("sname"):
        return _shortcode(w, text, m)
    if m.group("lname"):
        return _liquid(w, text, m, generator)
    return _unknown(w, text, m, "a template expression")


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.I | re.S)


def _scripts(w: _Work, text: str) -> str:
    """<script> elements: left out, as the HTML of WordPress posts is (sitegen pages run no script from a post)."""
    if "<script" not in text.lower():
        return text
    fenced = _CODE_BLOCK.sub(lambda m: re.sub(r"[^\n]", "\x00", m.group(0)), text)
    masked = mask_code(text)
    out: list[str] = []
    pos = 0
    w.base = 0
    for m in _SCRIPT.finditer(fenced):
        if masked[m.start()] != "<":  # `<script>` written in a code span: shown, not run
            continue
        w.note(text, m.start(), "a script was left out (sitegen pages run no scripts from posts): whatever it "
               "drew or did on the old page is not on the new one", attention=True, kind="syntax.script")
        out.append(text[pos:m.start()])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _heading_ids(w: _Work, text: str) -> str:
    """## Why {#why}: the heading without its id, which is remembered for the links to #why (a code span
    in the heading is part of it, so this reads the whole text with only its code blanked)."""
    if "{" not in text:
        return text
    masked = mask_code(text)
    out: list[str] = []
    pos = 0
    for m in _HEADING_ID.finditer(masked):
        heading = text[m.start(1):m.end(1)]
        w.heading_ids.setdefault(m.group(2), heading.lstrip("#").strip().rstrip("#").strip())
        out.append(text[pos:m.start()] + heading)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _removed(w: _Work, text: str, m: re.Match, message: str) -> str:
    w.note(text, m.start(), message)
    return ""


def _unknown(w: _Work, text: str, m: re.Match, what: str) -> str:
    shown = " ".join(m.group(0).split())
    span = code_span(m.group(0))
    w.note(text, m.start(), f"{what} sitegen cannot run, kept as text: {shown[:80]}", attention=True, needle=span,
           kind="syntax.code")
    return span


def _shortcode(w: _Work, text: str, m: re.Match) -> str:
    closing, name, rest = m.group("close"), m.group("sname").lower(), m.group("srest")
    pos, named = _args(rest)
    first = pos[0] if pos else ""
    if closing:
        return _unknown(w, text, m, "the end of a Hugo shortcode")
    if name in ("youtube", "vimeo"):
        vid = named.get("id") or first
        if vid:
            return _video(name, vid, named.get("title", ""))
    if name in ("ref", "relref") and (named.get("path") or first):
        return REF + (named.get("path") or first)
    if name in ("figure", "img", "image") and named.get("src"):  # img, image: themes' own figure shortcodes
        return _image(named["src"], named.get("alt", ""), named.get("title", ""), named.get("caption", ""))
    if name == "gist" and len(pos) >= 2:
        return f"[See the code on GitHub](https://gist.github.com/{pos[0]}/{pos[1]})"
    if name in ("tweet", "x") and (named.get("id") or first):
        user = named.get("user", "i/web")
        return f"[See the post on X](https://x.com/{user}/status/{named.get('id') or pos[-1]})"
    if name == "instagram" and first:
        return f"[See the post on Instagram](https://www.instagram.com/p/{first}/)"
    return _unknown(w, text, m, "a Hugo shortcode")


def _zola(w: _Work, text: str, m: re.Match) -> str:
    inline = m.group("zname") is not None
    name = (m.group("zname") if inline else m.group("bname")).lower()
    pos, named = _args(m.group("zargs") if inline else m.group("bargs"))
    if inline and name in ("youtube", "vimeo") and (named.get("id") or pos):
        return _video(name, named.get("id") or pos[0])
    if not inline:  # a body shortcode: keep the body, show the markers
        w.note(text, m.start(), f"a Zola shortcode sitegen cannot run, kept as text: {name}()", attention=True)
        return f"{code_span(name + '(…)')}\n\n{m.group('bbody').strip()}\n"
    return _unknown(w, text, m, "a Zola shortcode")


def _liquid(w: _Work, text: str, m: re.Match, generator: str) -> str:
    name, rest = m.group("lname").lower(), m.group("lrest").strip()
    pos, named = _args(rest)
    if name in ("post_url", "link") and pos:
        return REF + pos[0]
    if name in ("include", "include_cached", "include_relative") and pos and pos[0] in w.includes:
        w.note(text, m.start(), f"{{% include {pos[0]} %}} was written in from the old site's include file")
        return w.includes[pos[0]]
    if name in ("youtube", "vimeo") and pos:
        return _video(name, pos[0])
    if name == "include" and pos and re.match(r"(youtube|vimeo)", pos[0], re.I):
        vid = named.get("id") or (pos[1] if len(pos) > 1 else "")
        if vid:
            return _video("youtube" if pos[0].lower().startswith("youtube") else "vimeo", vid)
    if name == "img" and pos:  # Octopress and Pelican: {% img [class] src [width [height]] ["title" ["alt"]] %}
        src = next((p for p in pos if "/" in p or "." in p), "")
        quoted = re.findall(r'"([^"]*)"|\'([^\']*)\'', rest)
        words = [a or b for a, b in quoted]
        if src:
            return _image(src, words[1] if len(words) > 1 else (words[0] if words else ""),
                          words[0] if words else "")
    if name == "photo" and pos and ("/" in pos[0] or "." in pos[0]):  # {% photo src words of its caption %}
        return _image(pos[0], rest[rest.find(pos[0]) + len(pos[0]):].strip())
    if name == "image" and pos:  # Eleventy's image shortcode: {% image "src", "alt" %}
        return _image(pos[0], pos[1] if len(pos) > 1 else "")
    if name == "gist" and pos:
        return f"[See the code on GitHub](https://gist.github.com/{pos[0]})"
    return _unknown(w, text, m, f"a {generator} template tag")
