"""What other site generators leave in a file, named where the build meets it, pointing to `sitegen import`.

A blog copied over from Jekyll, Hugo, Zola, Pelican or Eleventy brings their ways of writing
with it: TOML or `Title:` headers instead of YAML front matter, `_index.md` section pages,
`published: false` or `status: draft` for drafts, Liquid tags and shortcodes in the text, and
code fences with settings Python-Markdown does not read.  Guessing silently would publish
broken pages (or drafts), so each is a message with the file's own line.  The translation
itself lives in `sitegen.importer`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from .errors import Diagnostic, error, shorten

IMPORT_HINT = "run sitegen import on your old site's folder to convert it (README: Moving from WordPress, Jekyll, Hugo…)"

# Pelican and MultiMarkdown headers: `Title: …` lines at the top of the file, no --- around them.
_HEADER_KEYS = {"title", "date", "tags", "category", "slug", "author", "authors", "summary", "status", "modified",
                "lang", "save_as", "url", "template"}
_HEADER_RE = re.compile(r"^([A-Za-z][A-Za-z_ -]*):(?:\s|$)")


def foreign_front_matter(rel: str, lines: list[str], start: int) -> Diagnostic | None:
    """A clear message for front matter in another generator's format, or None if it is none of them."""
    first = lines[start].strip()
    line = start + 1
    if first == "+++":
        return error(rel, line, "front-matter.toml",
                     "the front matter is TOML (between +++ lines, as Hugo and Zola write it); "
                     "sitegen reads YAML between --- lines",
                     IMPORT_HINT + "; or rewrite it by hand as --- lines with title: and date:")
    if first.startswith("{"):
        return error(rel, line, "front-matter.json",
                     "the front matter is JSON (between { and }, as Hugo allows); sitegen reads YAML between --- lines",
                     IMPORT_HINT)
    m = _HEADER_RE.match(first)
    # `Title:` with a capital is Pelican's way; `title:` alone is sitegen front matter missing its ---.
    if m and first[0].isupper() and m.group(1).strip().lower() in _HEADER_KEYS:
        return error(rel, line, "front-matter.headers",
                     f"the file starts with {shorten(first)!r}: Pelican-style headers, not front matter "
                     "(sitegen reads YAML between --- lines)",
                     IMPORT_HINT + "; or put a line --- above and below these lines and write the keys in lower case")
    return None


def section_index(rel: str) -> Diagnostic:
    """`_index.md`: a Hugo or Zola section page, which sitegen has no place for and would otherwise skip."""
    return error(rel, 1, "content.section-index",
                 "_index.md is a Hugo or Zola section page; sitegen does not read it, so its text would be lost",
                 IMPORT_HINT + "; or rename it (e.g. content/pages/about.md for a page) or delete it if it holds nothing")


# -- drafts, as other generators say it -------------------------------------------------------

# Pelican's status values, WordPress's post statuses: everything but "published" stays off the site.
PUBLISHED_STATUSES = ("published", "publish")
UNPUBLISHED_STATUSES = ("draft", "hidden", "private", "pending", "trash", "future", "unpublished")


def unpublished(meta: Mapping[str, Any], key_lines: Mapping[str, int], rel: str) -> tuple[bool, list[Diagnostic]]:
    """True when `published: false` (Jekyll) or a non-published `status:` (Pelican) keeps an item off the site."""
    diags: list[Diagnostic] = []
    held = False
    if "published" in meta:
        value = meta["published"]
        text = str(value).strip().lower()
        if value is False or text in ("false", "no", "n", "off", "0"):
            held = True
        elif not (value is True or text in ("true", "yes", "y", "on", "1")):
            held = True
            diags.append(error(rel, key_lines.get("published", 1), "front-matter.type",
                               f"'published' must be true or false, not {shorten(str(value))!r}",
                               "write published: false (or draft: true) to keep it off the site"))
    if "status" in meta:
        status = str(meta["status"]).strip().lower()
        if status in UNPUBLISHED_STATUSES:
            held = True
        elif status not in PUBLISHED_STATUSES:
            held = True  # when unsure, keep it unpublished
            diags.append(error(rel, key_lines.get("status", 1), "front-matter.value",
                               f"unknown status {shorten(str(meta['status']))!r}",
                               "write status: draft to keep it off the site, or status: published (or delete the line)"))
    return held, diags


# -- code fences Python-Markdown would not read ------------------------------------------------

_FENCE_START = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# What fenced_code accepts after the fence: a language (with hl_lines), or {attributes} alone.
_FENCE_INFO_OK = re.compile(r"""^[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=("|').*?\1[ ]*)?)$""")


def unread_fences(body: str, rel: str, body_line: int) -> list[Diagnostic]:
    """Each code fence whose opening line has settings the Markdown reader does not understand.

    Such a fence is not code at all: its lines, HTML included, would reach the page as they are."""
    if "```" not in body and "~~~" not in body:
        return []
    diags: list[Diagnostic] = []
    open_fence = ""
    for n, line in enumerate(body.split("\n")):
        m = _FENCE_START.match(line)
        if open_fence:
            closing = line.strip()
            if closing.startswith(open_fence) and not closing.strip(open_fence[0]):
                open_fence = ""
            continue
        if m is None:
            continue
        info = m.group("info")
        if info.strip() and (m.group("fence")[0] in info):
            continue  # ```inline``` code on one line, not a fence
        if _FENCE_INFO_OK.match(info):
            open_fence = m.group("fence")
            continue
        lang = re.match(r"\s*\.?([\w#.+-]*)", info).group(1)  # type: ignore[union-attr]
        shown = m.group("fence") + lang
        diags.append(error(rel, body_line + n, "markdown.fence-settings",
                           f"this code fence has settings sitegen does not read ({shorten(info.strip())!r}), so "
                           "what follows would not be shown as code (HTML in it would become part of the page)",
                           f"write the first line as just {shown}; sitegen import does this for a whole blog"))
        open_fence = m.group("fence")  # what follows is meant as code: do not report inside it
    return diags


# -- template syntax that would reach the page as text -----------------------------------------

_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.S | re.I)
_FOREIGN = re.compile(
    r"(?P<liquid>\{%-?\s*[\w/].{0,200}?-?%\})"
    r"|(?P<shortcode>\{\{[<%].{0,300}?[>%]\}\})"
    r"|(?P<expr>\{\{-?\s*[\w.$'\"@/(\[][^{}\n]{0,200}?\}\})"
    r"|(?P<kramdown>\{:\s*(?:[.#][\w-]|[\w-]+=[\"']|toc\})[^{}\n]{0,200}?\})"
    r"|(?P<pelican>\{(?:filename|static|attach|tag|category|author|index)\})", re.S)
_KINDS = {
    "liquid": "a template tag ({% … %}, from Jekyll, Zola or Eleventy)",
    "shortcode": "a Hugo shortcode",
    "expr": "a template expression ({{ … }}, from Jekyll, Zola or Eleventy)",
    "kramdown": "a kramdown attribute ({: … }, from Jekyll)",
    "pelican": "a Pelican link placeholder",
}
MAX_REPORTED = 10
_PLAIN_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "--", "—": "---", "…": "..."})


def foreign_syntax(text: str) -> list[re.Match]:
    """Each piece of another generator's template syntax in text (sitegen import uses it to leave none)."""
    return list(_FOREIGN.finditer(text)) if "{" in text else []


def template_syntax(page_html: str, body: str, rel: str, body_line: int) -> list[Diagnostic]:
    """Template syntax of other generators that would appear on the page as text (code is exempt)."""
    if "{" not in page_html:
        return []
    text = html.unescape(_CODE.sub(" ", page_html))
    diags: list[Diagnostic] = []
    seen: set[tuple[int, str]] = set()
    body_lines = body.split("\n")
    for m in _FOREIGN.finditer(text):
        kind = m.lastgroup or "expr"
        raw = m.group(0).translate(_PLAIN_QUOTES)  # as written, before typography curled the quotes
        found = " ".join(raw.split())
        n = _line_of(body_lines, raw)
        if (n, found) in seen:
            continue
        seen.add((n, found))
        if len(diags) == MAX_REPORTED:
            diags.append(error(rel, body_line, "markdown.template-syntax",
                               "more template syntax of another generator follows in this file", IMPORT_HINT))
            break
        diags.append(error(rel, body_line + n, "markdown.template-syntax",
                           f"{shorten(found, 50)!r} is {_KINDS[kind]}: sitegen does not run it, so it would appear "
                           "on the page as it is",
                           IMPORT_HINT + "; or put it in `backticks` to show it as written"))
    return diags


def _line_of(body_lines: list[str], found: str) -> int:
    """Index of the body line where `found` (or its opening) is written; 0 when it cannot be placed."""
    first = found.split("\n", 1)[0].strip()
    for probe in (first, first[:12], first[:3]):
        if not probe:
            continue
        for i, line in enumerate(body_lines):
            if probe in line:
                return i
    return 0
