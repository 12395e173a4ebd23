"""What the scan never reads: code, and in essays link targets, tags and template tags.

The text keeps its length and its lines (what is not read becomes spaces), so every
finding's offset and line still point into the author's file.
"""

from __future__ import annotations

import re

from sitegen.privacy.lazyre import lazy

_FENCE = lazy(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INLINE_CODE = lazy(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# In essays: link and image targets, autolinks, HTML tags and template tags.
_ESSAY_MASKS = lazy(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<(?:https?:|mailto:)[^>\s]*>|</?[A-Za-z][^<>\n]*>"
                          r"|\{%.*?%\}|\{\{.*?\}\}|^\[[^\]\n]+\]:\s*\S+.*$", re.MULTILINE)


def _blank(m: re.Match) -> str:
    return "".join("\n" if c == "\n" else " " for c in m.group())


def mask_code(text: str, essay: bool = False) -> str:
    """`text` with code blocks and code spans (and in essays link targets, tags and template tags)
    replaced by spaces, every offset and line unchanged: code is never scanned.  HTML comments
    are scanned: they reach the page's source."""
    if "`" in text or "~~~" in text:
        text = _mask_fences(text)
        if "`" in text:
            text = _INLINE_CODE.sub(_blank, text)
    if essay and any(c in text for c in "]<{["):
        text = _ESSAY_MASKS.sub(lambda m: m.group()[:1] + _blank(m)[1:] if m.group().startswith("]") else _blank(m),
                                text)
    return text


def _mask_fences(text: str) -> str:
    lines = text.split("\n")
    fence = ""
    changed = False
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):]:
                fence = ""
            lines[i] = " " * len(line)
            changed = True
        elif m:
            fence = m.group(1)
            lines[i] = " " * len(line)
            changed = True
    return "\n".join(lines) if changed else text
