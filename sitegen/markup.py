"""Markdown body → HTML, summary, plain text and reading time, with one converter per process."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from . import legacy
from .errors import Diagnostic, error, warning
from .fingerprint import body_field
from .htmlrefs import Reference, find_references
from .mdconvert import ALL_TRIGGERS, TRIGGER, forget
from .mdconvert import EXTENSION_CONFIGS as EXTENSION_CONFIGS  # the cache key reads them here
from .mdconvert import EXTENSIONS as EXTENSIONS
from .mdconvert import converter_for as _md
from .typography import ENTITIES, smarten

MORE = "<!-- more -->"
WORDS_PER_MINUTE = 220

# Python-Markdown takes time that grows much faster than the text for some shapes no writer
# types by hand (measured: 2,000 nested list levels take minutes; 8,000 unclosed [ in one
# paragraph, half a minute; a few thousand footnote references, a minute).  Bodies beyond
# these limits get a clear error instead of a build that seems to hang; real writing stays
# far below them (a handful of levels, a few unclosed brackets, dozens of footnotes).
MAX_NESTING = 50  # > quote markers plus list levels on one line
MAX_UNCLOSED = 100  # [ or ( left open within one paragraph, < within the whole text
MAX_FOOTNOTE_REFS = 500
# Python-Markdown copies the rest of a paragraph for every link, emphasis or code span it
# finds there, so one paragraph costs (marks in it) × (its length): 100,000 characters of
# dense formatting took seconds, a megabyte would take minutes.  A block beyond this
# product (about half a second) is an error; a long paragraph of real writing is a few
# thousand characters with a few dozen marks, a product of about 10^5.
MAX_INLINE_WORK = 10**9

_INLINE_MARKS = tuple(t for t in ALL_TRIGGERS if len(t) == 1)  # what the inline budget counts: * _ [ ` < & \


def inline_pass(root, shortcut: bool) -> tuple[str, int] | None:
    """Before the inline patterns run: (text, marks) of the first block whose inline processing
    would cost more than MAX_INLINE_WORK, its text then emptied so that the work is never done
    (else None); with `shortcut`, every text no inline pattern can touch is marked finished."""
    from markdown.util import AtomicString

    search = TRIGGER.search
    for el in root.iter():
        for attr in ("text", "tail"):
            text = getattr(el, attr)
            if not text or isinstance(text, AtomicString):
                continue
            if shortcut and search(text) is None:
                setattr(el, attr, AtomicString(text))
                continue
            if len(text) < 10_000:
                continue
            marks = sum(text.count(m) for m in _INLINE_MARKS)
            if marks * len(text) > MAX_INLINE_WORK:
                setattr(el, attr, "")
                return text, marks
    return None


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str = body_field()
    summary_html: str = ""  # complete elements only, never cut inside a tag
    # The plain text of the body, for search: once its words are in `search`, not kept (perfile.py)
    text: str = body_field(default="")
    words: int = body_field(default=0)
    reading_minutes: int = 1
    refs: tuple[Reference, ...] = body_field(default=())  # links to this site and every image, with lines
    anchors: tuple[str, ...] = body_field(default=())  # every id in the text: what #… may point to
    # The search index's members for this text, as JSON: its summary as plain text and its
    # words ("s" and "x"), worked out with the file so that the index is put together from them
    search: str = body_field(default="")


_TAG = re.compile(r"<[^>]+>")
_FNREF = re.compile(r'<sup id="fnref[^"]*">.*?</sup>', re.S)
_FIRST_P = re.compile(r"<p>(.*?)</p>", re.S)
_EMPTY_ALT = re.compile(r"!\[\s*\]\(")
_RAW_IMG = re.compile(r"<img\b(?![^>]*\balt=)[^>]*>", re.I)


# What smarten writes, decoded with str.replace before html.unescape sees the rest: the same
# text (none of them holds an &, so none can start or end another reference), and html.unescape
# calls back into Python for each reference it finds, a third of the plain text's cost.
_SMART = tuple((entity, html.unescape(entity)) for entity in ENTITIES)


def _plain_words(fragment: str) -> list[str]:
    text = _TAG.sub(" ", fragment)
    if "&" in text:
        for entity, char in _SMART:
            if entity in text:
                text = text.replace(entity, char)
        text = html.unescape(text)
    return text.split()


def plain_text(fragment: str) -> str:
    return " ".join(_plain_words(fragment))


def render_markdown(body: str, rel: str, body_line: int, summary: str = "",
                    summary_words: int = 60) -> tuple[Rendered | None, tuple[Diagnostic, ...]]:
    """Convert one body; a too-deeply nested body is a diagnostic, not a crash."""
    problem = _shape_problem(body, rel, body_line)
    if problem is not None:
        return None, (problem,)
    md = _md(body)
    try:
        out = smarten(md.reset().convert(body))
        too_much = getattr(md, "sitegen_too_much_inline", None)
        if too_much is not None:
            return None, (_inline_error(too_much, body, rel, body_line),)
    except RecursionError:
        # Caught here, not by the caller: this may run in a worker process, and the error
        # must come back as a diagnostic like any other.
        forget()  # their state is unknown after the error: start afresh
        depth_line = _deepest_line(body) + body_line - 1
        return None, (error(rel, depth_line, "markdown.too-deep",
                            "the text on or after this line is nested too deeply to render "
                            "(for example hundreds of > marks, list levels, or * and _ marks)",
                            "remove the extra marks or indentation; a few levels are plenty"),)
    diags = _image_warnings(body, rel, body_line) + tuple(legacy.unread_fences(body, rel, body_line)) \
        + tuple(legacy.template_syntax(out, body, rel, body_line))
    parts = _plain_words(out)
    text, words = " ".join(parts), len(parts)
    if summary:
        summary_html = html.escape(summary, quote=False)
    elif MORE in out:
        summary_html = out.split(MORE, 1)[0].strip()
    else:
        # The first paragraph with words: one holding only an image (a bundle's photo.png, relative to
        # the post) is no summary, and would be a broken image on the home page.
        m = next((p for p in _FIRST_P.finditer(out) if plain_text(p.group(1))), None)
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
    refs, anchors = find_references(out, body, body_line)
    return Rendered(out, summary_html, text, words, max(1, math.ceil(words / WORDS_PER_MINUTE)), refs, anchors), diags


# A line starting with that many marks or blanks: looked for at the start and after each
# newline, which the regular expression engine finds at C speed (`^` with re.M, or an
# alternation, makes it try every position: six times as long).
_LONG_PREFIX = re.compile(r"[ \t>*+\-0-9.)]{%d,}" % MAX_NESTING)
_LONG_PREFIX_AFTER_NEWLINE = re.compile(r"\n([ \t>*+\-0-9.)]{%d,})" % MAX_NESTING)
_LIST_NUMBER = re.compile(r"\d{1,9}[.)](?=[ \t]|$)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t>]*\n")
_QUOTE_MARKS = re.compile(r"^[ \t>]+", re.M)
_PAIRS = (("[", "]", "["), ("(", ")", "("), ("<", ">", "<"))


def _line_depth(line: str) -> int:
    """Quote marks and list levels at the start of a line (indentation counts a level per 4 columns)."""
    depth = spaces = i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch == " " or ch == "\t":
            spaces += 1 if ch == " " else 4
            i += 1
            continue
        if ch == ">":
            i += 1
        elif ch in "-+*" and (i + 1 == n or line[i + 1] in " \t"):
            i += 1
        elif ch.isdigit() and (m := _LIST_NUMBER.match(line, i)):
            i = m.end()
        else:
            break
        depth += 1 + spaces // 4
        spaces = 0
    return depth + spaces // 4


def _shape_problem(body: str, rel: str, body_line: int) -> Diagnostic | None:
    """A body beyond the limits above, as a diagnostic on the line where it goes past them.

    Cheap for ordinary text: each check starts with a C-speed search or count, and looks
    closer only when that finds something."""
    starts = [0] if _LONG_PREFIX.match(body) else []
    for line_start in starts + [m.start(1) for m in _LONG_PREFIX_AFTER_NEWLINE.finditer(body)]:
        line_end = body.find("\n", line_start)
        line = body[line_start:line_end if line_end != -1 else len(body)]
        depth = _line_depth(line)
        if depth > MAX_NESTING:
            return error(rel, body_line + body.count("\n", 0, line_start), "markdown.too-deep",
                         f"this line is nested {depth} levels deep (> quote marks and list levels), "
                         f"more than the {MAX_NESTING} sitegen renders",
                         "remove the extra > marks or indentation; a few levels are plenty")
    for opener, closer, shown in _PAIRS:
        if body.count(opener) <= MAX_UNCLOSED:
            continue
        start = 0
        # [ and ( are matched within a paragraph; raw HTML is looked for across the whole text.
        breaks = [*_PARAGRAPH_BREAK.finditer(body)] if opener != "<" else []
        for brk in [*breaks, None]:
            end = brk.start() if brk is not None else len(body)
            para = body[start:end]
            if para.count(opener) > MAX_UNCLOSED:
                scan = _QUOTE_MARKS.sub(lambda q: " " * len(q.group(0)), para) if opener == "<" else para
                depth = 0
                for i, ch in enumerate(scan):
                    if ch == opener:
                        depth += 1
                        if depth > MAX_UNCLOSED:
                            return error(rel, body_line + body.count("\n", 0, start + i), "markdown.unclosed",
                                         f"more than {MAX_UNCLOSED} {shown} are left open (never closed with "
                                         f"{closer}) by this line",
                                         f"close each {shown} with {closer}, or put a blank line between "
                                         "paragraphs; to show a bracket as it is, write \\" + shown)
                    elif ch == closer and depth:
                        depth -= 1
            start = brk.end() if brk is not None else len(body)
    refs = body.count("[^")
    if refs > MAX_FOOTNOTE_REFS:
        return error(rel, body_line, "markdown.footnotes",
                     f"the text has {refs} footnote references ([^…]), more than the {MAX_FOOTNOTE_REFS} "
                     "sitegen renders in one post", "split the post in two, or use fewer footnotes")
    return None


def _inline_error(found: tuple[str, int], body: str, rel: str, body_line: int) -> Diagnostic:
    text, marks = found
    first = text.lstrip().split("\n", 1)[0][:60]
    at = body.find(first) if first else -1
    line = body_line + (body.count("\n", 0, at) if at >= 0 else 0)
    return error(rel, line, "markdown.too-much-inline",
                 f"the paragraph starting on this line is {len(text):,} characters long with {marks:,} formatting "
                 "marks (* _ [ ` < &), more than sitegen can render in one paragraph",
                 "put blank lines between its paragraphs, or remove formatting pasted in by mistake")


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
