"""Code in a post's text: Liquid's and Hugo's `highlight` become fences, fence settings that
Python-Markdown does not read are removed, fences indented as kramdown allows are outdented,
and `outside_code` works on everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .refs import CODE_BLOCK as _CODE_BLOCK
from .refs import CODE_SPAN as _CODE_SPAN

_HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\s+([\w#.+-]+)[^%]*-?%\}[ \t]*\n?(.*?)\n?[ \t]*\{%-?\s*endhighlight\s*-?%\}"
    r"|\{\{[<%]\s*highlight\s+([\w#.+-]+)[^>%]*[>%]\}\}[ \t]*\n?(.*?)\n?[ \t]*\{\{[<%]\s*/highlight\s*[>%]\}\}"
    r"|\{%-?\s*codeblock\s*([\w#.+-]*)[^%]*%\}[ \t]*\n?(.*?)\n?[ \t]*\{%-?\s*endcodeblock\s*%\}",
    re.S)
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]{0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$", re.M)
_FENCE_OK = re.compile(r"""^\{[^\n]*\}$|^\.?[\w#.+-]*[ ]*(?:hl_lines=("|').*?\1[ ]*)?$""")


# ` ```html` one to three spaces in: code for kramdown and CommonMark, but not for Python-Markdown, which would
# publish the HTML in it.  Not after a list item, where the indentation says the code belongs to the item.
_INDENTED_FENCE = re.compile(r"(?<![^\n])(?P<before>(?:[^\n]*\n)?)(?P<indent> {1,3})(?P<fence>`{3,}|~{3,})(?P<rest>[^\n]*\n"
                             r"(?:.*?\n)??)(?P<close>[ ]{0,3}(?P=fence)[`~]*[ \t]*)(?=\n|$)", re.S)
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s")


def _outdented(m: re.Match) -> str:
    if _LIST_ITEM.match(m.group("before")) or m.group("before").startswith((" ", "\t")):
        return m.group(0)
    cut = re.compile(r"^ {1,%d}" % len(m.group("indent")), re.M)
    return m.group("before") + cut.sub("", m.group("fence") + m.group("rest") + m.group("close").lstrip(" "))


def fences(text: str, note: Callable[[str, int, str], None]) -> str:
    """Code fences as Python-Markdown reads them: from highlight tags, settings removed (noted), outdented."""
    def highlight(m: re.Match) -> str:
        lang = m.group(1) or m.group(3) or m.group(5) or ""
        code = m.group(2) if m.group(1) else m.group(4) if m.group(3) else m.group(6)
        fence = "~~~" if "```" in code else "```"
        lead = "\n" if m.start() and m.string[m.start() - 1] != "\n" else ""  # a fence starts its own line
        return f"{lead}{fence}{lang}\n{code}\n{fence}"

    text = _HIGHLIGHT.sub(highlight, text)
    text = _INDENTED_FENCE.sub(_outdented, text)
    out: list[str] = []
    pos = 0
    inside = ""
    for m in _FENCE_OPEN.finditer(text):
        if inside:
            if m.group("fence").startswith(inside) and not m.group("info").strip():
                inside = ""
            continue
        info = m.group("info").strip()
        if not _FENCE_OK.match(info):
            lang = re.match(r"\{?\s*\.?([\w#+-]*)", info).group(1)  # type: ignore[union-attr]
            note(text, m.start(), f"code fence settings {info!r} removed (sitegen shows code plainly)")
            out.append(text[pos:m.start()] + f"{m.group('indent')}{m.group('fence')}{lang}")
            pos = m.end()
        inside = m.group("fence")
    out.append(text[pos:])
    return "".join(out)


def outside_code(text: str, fn) -> str:
    """Apply fn(part, lines before it) to the parts of text that are not fenced code or `code spans`."""
    out: list[str] = []
    pos = 0
    for m in _CODE_BLOCK.finditer(text):
        out.append(_outside_spans(text, pos, m.start(), fn))
        out.append(m.group(0))
        pos = m.end()
    out.append(_outside_spans(text, pos, len(text), fn))
    return "".join(out)


def _outside_spans(text: str, start: int, end: int, fn) -> str:
    out: list[str] = []
    pos = start
    for m in _CODE_SPAN.finditer(text, start, end):
        out.append(fn(text[pos:m.start()], text.count("\n", 0, pos)))
        out.append(m.group(0))
        pos = m.end()
    out.append(fn(text[pos:end], text.count("\n", 0, pos)))
    return "".join(out)
