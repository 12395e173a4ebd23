"""A link's `#fragment`, written for the old generator's heading ids → sitegen's id for the same heading.

Each generator makes a heading's id its own way.  kramdown (Jekyll) keeps ASCII letters,
digits and dashes; GitHub's way (Jekyll with GFM, Hugo's Goldmark, Eleventy's anchors) keeps
every letter, accented or Chinese, and turns each space into a dash; Zola spells everything
in ASCII; Hugo's older Blackfriday turns each run of other characters into one dash;
WordPress's table-of-contents plugins join the words with underscores; Python-Markdown
(sitegen, Pelican) spells accents in ASCII and drops the rest.  `find_heading` makes each
heading of the target page's id in each of these ways, then compares loosely (case and
punctuation aside, and the names Zola gives a heading's emoji), and returns sitegen's id
for the heading the old link meant, or None.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import unquote

_HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1\s*>", re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")


def headings(page_html: str) -> list[tuple[str, str]]:
    """(id, text) of each heading of a rendered page that has an id, in order."""
    return [(html.unescape(m.group(2)), " ".join(html.unescape(_TAGS.sub("", m.group(3))).split()))
            for m in _HEADING.finditer(page_html)]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _kramdown(text: str) -> str:
    s = re.sub(r"[^a-zA-Z0-9 -]", "", re.sub(r"^[^a-zA-Z]+", "", text))
    return s.replace(" ", "-").lower() or "section"


def _github(text: str) -> str:
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def _zola(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def _blackfriday(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text, flags=re.U).strip("-").lower()


def _underscores(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def _python_markdown(text: str) -> str:
    s = re.sub(r"[^\w\s-]", "", _ascii(text)).strip().lower()
    return re.sub(r"[-\s]+", "-", s)


# (the way, how it tells two headings with the same words apart: the second gets "-1" or "_1")
CONVENTIONS: tuple[tuple[Callable[[str], str], str], ...] = (
    (_kramdown, "-"), (_github, "-"), (_zola, "-"), (_blackfriday, "-"), (_underscores, "_"), (_python_markdown, "_"))


def _ids(texts: list[str], way: Callable[[str], str], sep: str) -> dict[str, int]:
    """Each heading's id made one way (the first of equal ones unnumbered, then -1, -2…) → its place."""
    out: dict[str, int] = {}
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        base = way(text)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.setdefault(base if n == 0 else f"{base}{sep}{n}", i)
    return out


def _loose(text: str) -> str:
    """Letters and digits only, case aside: 'Das_Gutachten' and 'Das Gutachten!' are the same."""
    return "".join(c for c in unicodedata.normalize("NFKD", text).casefold() if c.isalnum())


def _has_symbols(text: str) -> bool:
    return any(unicodedata.category(c) == "So" for c in text)


def find_heading(fragment: str, heads: list[tuple[str, str]], explicit: Mapping[str, str] = {}) -> str | None:
    """sitegen's id for the heading an old link's #fragment meant, or None when no heading fits."""
    frag = unquote(fragment.removeprefix("#"))
    if not frag or not heads:
        return None
    texts = [text for _, text in heads]
    if frag in explicit:  # ## Why {#why}, <h2 id="why">: the old site said which heading it is
        wanted = _loose(explicit[frag])
        found = next((i for i, t in enumerate(texts) if _loose(t) == wanted), None)
        if found is not None:
            return heads[found][0]
    for way, sep in CONVENTIONS:
        ids = _ids(texts, way, sep)
        found = ids.get(frag)
        if found is None:
            found = next((i for k, i in ids.items() if k.casefold() == frag.casefold()), None)
        if found is not None:
            return heads[found][0]
    return _loosely(frag, heads)


def _loosely(frag: str, heads: Iterable[tuple[str, str]]) -> str | None:
    """The same letters and digits; or the heading's, followed by the names Zola gives its emoji (🦀 → crab)."""
    wanted = _loose(frag)
    if not wanted:
        return None
    best: tuple[int, str] | None = None
    for hid, text in heads:
        have = _loose(text)
        if have == wanted:
            return hid
        if have and _has_symbols(text) and wanted.startswith(have) and (best is None or len(have) > best[0]):
            best = (len(have), hid)
    return best[1] if best else None
