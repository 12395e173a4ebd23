"""Markdown body → HTML, summary, plain text and reading time, with one converter per process."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .typography import smarten
from .errors import Diagnostic, error, warning

# The cheapest set that gives footnotes, tables, smart typography and heading anchors
# (fenced code is what writers paste).  Part of the cache key: change it, and every
# cached body is rendered again.
EXTENSIONS = ("footnotes", "tables", "fenced_code", "toc")  # + typography.smarten, see there
EXTENSION_CONFIGS = {"toc": {"permalink": False}, "footnotes": {"BACKLINK_TITLE": "Back to the text"}}
MORE = "<!-- more -->"
WORDS_PER_MINUTE = 220

if TYPE_CHECKING:
    import markdown

_converter: markdown.Markdown | None = None


def _md() -> markdown.Markdown:
    global _converter
    if _converter is None:
        import markdown  # imported on first use: a build with nothing to do never needs it

        _converter = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS,
                                       output_format="html")
    return _converter


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    summary_html: str  # complete elements only, never cut inside a tag
    text: str  # plain text of the body, for search and the output audit
    words: int
    reading_minutes: int


_TAG = re.compile(r"<[^>]+>")
_FNREF = re.compile(r'<sup id="fnref[^"]*">.*?</sup>', re.S)
_FIRST_P = re.compile(r"<p>(.*?)</p>", re.S)
_EMPTY_ALT = re.compile(r"!\[\s*\]\(")
_RAW_IMG = re.compile(r"<img\b(?![^>]*\balt=)[^>]*>", re.I)


def plain_text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def render_markdown(body: str, rel: str, body_line: int, summary: str = "",
                    summary_words: int = 60) -> tuple[Rendered | None, tuple[Diagnostic, ...]]:
    """Convert one body; a too-deeply nested body is a diagnostic, not a crash."""
    md = _md()
    try:
        out = smarten(md.reset().convert(body))
    except RecursionError:
        global _converter
        _converter = None  # its state is unknown after the error: start a fresh one
        depth_line = _deepest_line(body) + body_line - 1
        return None, (error(rel, depth_line, "markdown.too-deep",
                            "the text is nested too deeply to render (hundreds of > or list levels)",
                            "remove the extra > or indentation; a few levels are plenty"),)
    diags = _image_warnings(body, rel, body_line)
    text = plain_text(out)
    words = len(text.split())
    if summary:
        summary_html = html.escape(summary, quote=False)
    elif MORE in out:
        summary_html = out.split(MORE, 1)[0].strip()
    else:
        m = _FIRST_P.search(out)
        summary_html = m.group(1) if m else ""
        summary_html = _FNREF.sub("", summary_html)
        plain = plain_text(summary_html)
        if len(plain.split()) > summary_words:
            # Too long to show whole: shorten as plain text, so no tag is ever cut.
            summary_html = html.escape(" ".join(plain.split()[:summary_words]).rstrip(",;:") + "…", quote=False)
        summary_html = f"<p>{summary_html}</p>" if summary_html else ""
    if summary and summary_html:
        summary_html = f"<p>{summary_html}</p>"
    summary_html = _FNREF.sub("", summary_html)
    return Rendered(out, summary_html, text, words, max(1, math.ceil(words / WORDS_PER_MINUTE))), diags


def _deepest_line(body: str) -> int:
    best, best_line = -1, 1
    for n, line in enumerate(body.split("\n"), 1):
        depth = len(line) - len(line.lstrip(" >*-+\t"))
        if depth > best:
            best, best_line = depth, n
    return best_line


def _image_warnings(body: str, rel: str, body_line: int) -> tuple[Diagnostic, ...]:
    diags = []
    for n, line in enumerate(body.split("\n")):
        if _EMPTY_ALT.search(line) or _RAW_IMG.search(line):
            diags.append(warning(rel, body_line + n, "markdown.image-alt", "an image has no alt text",
                                 "describe the image for readers who cannot see it: ![a hand resting on a shoulder](…)"))
    return tuple(diags)
