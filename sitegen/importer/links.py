"""Links and images in imported posts: to the imported file, beside the post, or to the old site.

A link to another imported post becomes a relative link to its Markdown file
(`other-post.md`, `../pages/about.md`); an image or a file the post uses is copied beside
it (the post becomes a page bundle, `my-post/index.md`) and linked by its name; a link
to a page of the old site that was not imported points to that page's full old address,
or, when the old address is not known, stays as it was and is reported.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable
from urllib.parse import unquote, urlsplit

from .records import Note, OldPost, OldSite
from .syntax import REF, outside_code

PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".html", ".htm", ".php", ".txt")
SOURCE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".ipynb")
_KEEP = ("#", "mailto:", "tel:", "data:", "javascript:", "ftp:", "sms:")
_PELICAN = re.compile(r"^(?:\{(filename|static|attach)\}|\|(filename|static|attach)\|)")
_RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")  # WordPress's photo-300x200.jpg is a copy of photo.jpg


@dataclass(frozen=True, slots=True)
class Resolved:
    kind: str  # "keep", "post", "file", "old", "missing"
    value: str = ""  # the URL to keep or write (old, missing, keep)
    post: int = -1  # for "post": the index of the target in the site's posts
    file: Path | None = None  # for "file": the file to copy beside the post
    fragment: str = ""  # "#section" to keep after the new link


class Index:
    """Every name a link may use for an imported post: old addresses and source file names."""

    def __init__(self, site: OldSite, imported: set[int]):
        self.site = site
        self.by_path: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        for i, post in enumerate(site.posts):
            if i not in imported:
                continue
            if post.old_path:
                self.by_path.setdefault(_norm(post.old_path), i)
                self.by_path.setdefault(_norm(post.old_path).lower(), i)
            for key in post.keys:
                for k in _key_forms(key):
                    self.by_key.setdefault(k, i)
        base = urlsplit(site.base_url)
        self.host = (base.hostname or "").lower().removeprefix("www.")
        self.base_path = base.path.strip("/")

    def post_for_path(self, path: str) -> int | None:
        n = _norm(path)
        for candidate in (n, n.lower(), re.sub(r"\.html?$", "", n), re.sub(r"\.html?$", "", n).lower()):
            if candidate in self.by_path:
                return self.by_path[candidate]
        return None

    def post_for_key(self, key: str) -> int | None:
        for k in _key_forms(key):
            if k in self.by_key:
                return self.by_key[k]
        return None

    def site_path(self, url: str) -> str | None:
        """'2019/03/a.html' for an address on the old site (full or root-relative); None for another site."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            if parts.scheme not in ("http", "https", "") or not self.host:
                return None
            if (parts.hostname or "").lower().removeprefix("www.") != self.host:
                return None
        path = unquote(parts.path).lstrip("/")
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            path = path[len(self.base_path):].lstrip("/")
        elif self.base_path and (parts.scheme or parts.netloc):
            return None  # the same host, outside the old blog
        return path


def _norm(path: str) -> str:
    path = unquote(path).strip().lstrip("/")
    for index in ("index.html", "index.htm", "index.php"):
        if path == index or path.endswith("/" + index):
            path = path[: -len(index)]
    return path.rstrip("/")


def _key_forms(key: str) -> list[str]:
    key = unquote(key.strip()).strip("/").lower()
    stem = re.sub(r"\.(md|markdown|mdown|mkd|rst|html?|ipynb)$", "", key)
    forms = [key, stem]
    if stem.endswith("/index") or stem.endswith("/_index"):
        forms.append(stem.rsplit("/", 1)[0])
    return forms


def resolve(url: str, post: OldPost, index: Index) -> Resolved:
    """What a link or image address in `post` points to."""
    url = url.strip()
    if not url or url.lower().startswith(_KEEP):
        return Resolved("keep", url)
    if url.lower().startswith("www."):  # a web address written without https://
        return Resolved("old", "https://" + url)
    if url.startswith(REF) or url.startswith("@/"):
        key, _, frag = (url[len(REF):] if url.startswith(REF) else url[2:]).partition("#")
        i = index.post_for_key(key)
        return Resolved("post", post=i, fragment=f"#{frag}" if frag else "") if i is not None \
            else Resolved("missing", url)
    m = _PELICAN.match(url)
    if m:
        return _pelican(url[m.end():], m.group(1) or m.group(2), post, index)
    parts = urlsplit(url)
    frag = f"#{parts.fragment}" if parts.fragment else ""
    if parts.scheme or parts.netloc or url.startswith("/"):
        path = index.site_path(url)
        if path is None:
            return Resolved("keep", url)
        return _site_path(path, frag, url, index, parts.query)
    # Relative: a file beside the post first, then an address beside its old address.
    rel = unquote(parts.path)
    if post.folder is not None and rel:
        local = _safe_join(post.folder, rel, index.site.root)
        if local is not None and _is_file(local):
            i = index.post_for_key(_root_rel(local, index.site.root)) if local.suffix.lower() in SOURCE_SUFFIXES \
                else None
            if i is not None:
                return Resolved("post", post=i, fragment=frag)
            if local.suffix.lower() not in SOURCE_SUFFIXES:
                return Resolved("file", file=local, fragment=frag)
    if not rel:
        return Resolved("keep", url)
    base = posixpath.dirname(post.old_path) if post.old_path and not post.old_path.endswith("/") \
        else post.old_path.rstrip("/")
    joined = posixpath.normpath(posixpath.join(base, rel)) if post.old_path else rel
    if joined.startswith(".."):
        return Resolved("missing", url)
    return _site_path(joined, frag, url, index, parts.query)


def _site_path(path: str, frag: str, url: str, index: Index, query: str) -> Resolved:
    if query:
        i = index.post_for_key("?" + query)  # WordPress: ?p=123, ?page_id=7
        if i is not None:
            return Resolved("post", post=i, fragment=frag)
    i = index.post_for_path(path) if not query else None
    if i is not None:
        return Resolved("post", post=i, fragment=frag)
    if path and not query:
        for folder in index.site.static_dirs:
            local = _safe_join(folder, path, folder)
            if local is not None and _is_file(local):
                return Resolved("file", file=local, fragment=frag)
        media = _media(index.site, path)
        if media is not None:
            return Resolved("file", file=media, fragment=frag)
    looks_like_file = bool(PurePosixPath(path).suffix) and not path.lower().endswith(PAGE_SUFFIXES)
    if index.site.base_url and not looks_like_file:
        return Resolved("old", index.site.base_url + path + (f"?{query}" if query else "") + frag)
    return Resolved("missing", url)


def _media(site: OldSite, path: str) -> Path | None:
    """A WordPress upload by its address (wp-content/uploads/2019/03/a.jpg), or the full-size original."""
    key = path.split("wp-content/uploads/", 1)[-1] if "wp-content/uploads/" in path else path
    for k in (key, _RESIZED.sub("", key)):
        found = site.media.get(k) or site.media.get(unquote(k))
        if found is not None:
            return found
    return None


def _pelican(rest: str, kind: str, post: OldPost, index: Index) -> Resolved:
    rest, _, frag = rest.partition("#")
    frag = f"#{frag}" if frag else ""
    content = index.site.static_dirs[0] if index.site.static_dirs else index.site.root
    base = content if rest.startswith("/") else (post.folder or content)
    local = _safe_join(base, unquote(rest.lstrip("/")), index.site.root)
    if local is None or not (_is_file(local) or local.is_dir()):
        return Resolved("missing", "{" + kind + "}" + rest)
    if kind == "filename" and local.suffix.lower() in PAGE_SUFFIXES:
        i = index.post_for_key(_root_rel(local, index.site.root))
        if i is not None:
            return Resolved("post", post=i, fragment=frag)
        return Resolved("missing", "{filename}" + rest)
    return Resolved("file", file=local, fragment=frag)


def _safe_join(folder: Path, rel: str, root: Path) -> Path | None:
    """folder/rel, if it stays inside the old site's folder (a link never reads anything else)."""
    try:
        candidate = (folder / rel).resolve()
        if candidate.is_relative_to(root.resolve()):
            return candidate
    except (OSError, ValueError, RuntimeError):
        pass
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for this system: no such file
        return False


def _root_rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


# -- finding and rewriting the addresses in a text ---------------------------------------------

_INLINE = re.compile(r"(!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*)(<[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)"
                     r"((?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\))")
_REFDEF = re.compile(r"^([ ]{0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.M)
_ATTR = re.compile(r"""(\b(?:href|src|poster)\s*=\s*)("[^"]*"|'[^']*')""", re.I)
_SRCSET = re.compile(r"""\s+srcset\s*=\s*("[^"]*"|'[^']*')""", re.I)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BARE_REF = re.compile(r"@ref:[^\s)\]]+")
# ![](/uploads/holly miles.png): a file address with spaces, which Markdown readers do not take as it is
_SPACED = re.compile(r"(!?\[[^\]\n]*\]\()([^()<>\n\"]*\s[^()<>\n\"]*\.(?:png|jpe?g|gif|svg|webp|pdf|mp3|mp4))\)", re.I)


def rewrite_links(text: str, fn: Callable[[str], str]) -> str:
    """Every link and image address outside code, passed through fn (which returns the new address)."""
    def part(segment: str, _base: int) -> str:
        segment = _SPACED.sub(lambda m: m.group(1) + _wrap(fn(m.group(2))) + ")", segment)
        segment = _INLINE.sub(lambda m: m.group(1) + _wrap(fn(_unwrap(m.group(2)))) + m.group(3), segment)
        segment = _REFDEF.sub(lambda m: m.group(1) + _wrap(fn(_unwrap(m.group(2)))), segment)
        segment = _SRCSET.sub("", segment)
        segment = _ATTR.sub(lambda m: m.group(1) + '"' + fn(m.group(2)[1:-1]).replace('"', "%22") + '"', segment)
        segment = _AUTOLINK.sub(lambda m: f"<{fn(m.group(1))}>", segment)
        return _BARE_REF.sub(lambda m: f"[{m.group(0)[len(REF):]}]({fn(m.group(0))})", segment)

    return outside_code(text, part)


def _unwrap(url: str) -> str:
    return url[1:-1] if url.startswith("<") and url.endswith(">") else url


def _wrap(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()]", url) else url


def link_notes(post: OldPost, resolved: list[tuple[str, Resolved]]) -> list[Note]:
    """What the report says about the addresses in one post that could not be made to work."""
    notes: list[Note] = []
    for url, r in resolved:
        if r.kind != "missing":
            continue
        what = "image or file" if PurePosixPath(urlsplit(url).path).suffix.lower() not in ("", ) + PAGE_SUFFIXES \
            else "link"
        notes.append(Note(post.origin, post.line, f"{what} {url!r} points to nothing that was imported or found "
                          "in the old site; it was left as it was", attention=True, needle=url))
    return notes
