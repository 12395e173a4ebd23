"""Links and images in imported posts: to the imported file, beside the post, or to the old site.

A link to another imported post becomes a relative link to its Markdown file
(`other-post.md`, `../pages/about.md`); an image or a file the post uses is copied beside
it (the post becomes a page bundle, `my-post/index.md`) and linked by its name; a link to
a topic (Pelican's `{tag}x`) goes to sitegen's page for that topic.  What the old site
linked to but the import cannot bring over points to the old site's full address when that
is known: a page that was not imported, or a picture that was not among its files (which
the report asks to download).  Without the old address, the link is taken out and its
words kept (a picture: its description), and the report says where.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..validate import tag_slug
from .records import OldPost, OldSite
from .refs import REF, TEMPLATE

PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".html", ".htm", ".php", ".txt")
SOURCE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".ipynb")
_KEEP = ("#", "mailto:", "tel:", "data:", "javascript:", "ftp:", "sms:")
_PELICAN = re.compile(r"^(?:\{(filename|static|attach|tag|category|author|index)\}"
                      r"|\|(filename|static|attach|tag|category|author|index)\|)")
# Pelican's own addresses for its list pages (its defaults: TAG_URL, CATEGORY_URL, AUTHOR_URL)
_PELICAN_LISTS = {"tag": "tag/{}.html", "category": "category/{}.html", "author": "author/{}.html"}
_RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")  # WordPress's photo-300x200.jpg is a copy of photo.jpg
# discourse.org, jekyllrb.com/docs: a web address written without https://, which led nowhere on the old site
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|io|dev|me|co|uk|de|fr|nl|edu|gov|info"
                     r"|app|blog|ca|au|us|eu|ch|se|no|es|it|jp|gg|ly|tv|xyz|site)(?:[/?#]|$)", re.I)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What one address in an old post points to.

    kind: "keep" (as it is, or value), "post" (another imported post), "file" (copied beside the
    post), "old" (a page of the old site that was not imported: its full old address in value),
    "gone" (a file the old site used but does not have: its full old address in value),
    "guess" (a web address written without https://: value), "template" (template syntax only the
    old site could work out: value), "missing" (nowhere).  The last two lose the link and keep its
    words."""

    kind: str
    value: str = ""
    post: int = -1  # for "post": the index of the target in the site's posts
    file: Path | None = None  # for "file": the file to copy beside the post
    fragment: str = ""  # "#section" to keep after the new link
    old: str = ""  # for "file": its full address on the old site, when that is known


class Index:
    """Every name a link may use for an imported post: old addresses and source file names."""

    def __init__(self, site: OldSite, imported: set[int], tags: set[str] = frozenset()):
        self.site = site
        self.tags = tags  # the slugs of the imported posts' topics: each has a page on the new site
        self.by_path: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        self.by_suffix: dict[str, int] = {}
        for i, post in enumerate(site.posts):
            if i not in imported:
                continue
            if post.old_path:
                self.by_path.setdefault(_norm(post.old_path), i)
                self.by_path.setdefault(_norm(post.old_path).lower(), i)
            for key in post.keys:
                for k in _key_forms(key):
                    self.by_key.setdefault(k, i)
                    parts = k.split("/")
                    for n in range(1, len(parts)):  # Zola's @/posts/a.md names the file from content/
                        self.by_suffix.setdefault("/".join(parts[n:]), i)
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
        forms = _key_forms(key)
        for k in forms:
            if k in self.by_key:
                return self.by_key[k]
        # the end of a path: Zola's @/posts/a.md, Hugo's ref "a" for the bundle posts/a/ (never a bare "index")
        return next((self.by_suffix[k] for k in forms if k not in ("index", "_index") and k in self.by_suffix),
                    None)

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
    if url.startswith(TEMPLATE):
        return Resolved("template", unquote(url[len(TEMPLATE):]))
    if url.lower().startswith("www."):  # a web address written without https://
        return Resolved("old", "https://" + url)
    if url.startswith(REF) or url.startswith("@/"):
        key, _, frag = (url[len(REF):] if url.startswith(REF) else url[2:]).partition("#")
        i = index.post_for_key(key)
        if i is not None:
            return Resolved("post", post=i, fragment=f"#{frag}" if frag else "")
        if key.startswith("/") or url.startswith("@/"):  # ref "/categories/x": an address on the old site
            return _site_path(key.lstrip("/"), f"#{frag}" if frag else "", index, "")
        return Resolved("missing", url)
    m = _PELICAN.match(url)
    if m:
        return _pelican(url[m.end():], m.group(1) or m.group(2), post, index)
    parts = urlsplit(url)
    frag = f"#{parts.fragment}" if parts.fragment else ""
    if parts.scheme or parts.netloc or url.startswith("/"):
        path = index.site_path(url)
        if path is None:
            return Resolved("keep", url)
        return _site_path(path, frag, index, parts.query)
    # Relative: a file beside the post first, then an address beside its old address.
    rel = unquote(parts.path)
    if not rel:
        return Resolved("keep", url)
    base = posixpath.dirname(post.old_path) if post.old_path and not post.old_path.endswith("/") \
        else post.old_path.rstrip("/")
    joined = posixpath.normpath(posixpath.join(base, rel)) if post.old_path else rel
    if post.folder is not None:
        local = _safe_join(post.folder, rel, index.site.root)
        if local is not None and _is_file(local):
            i = index.post_for_key(_root_rel(local, index.site.root)) if local.suffix.lower() in SOURCE_SUFFIXES \
                else None
            if i is not None:
                return Resolved("post", post=i, fragment=frag)
            if local.suffix.lower() not in SOURCE_SUFFIXES:
                old = index.site.base_url + joined if index.site.base_url and post.old_path else ""
                return Resolved("file", file=local, fragment=frag, old=old)
    if _DOMAIN.match(url) and PurePosixPath(rel.split("/")[0]).suffix.lower() not in PAGE_SUFFIXES:
        return Resolved("guess", "https://" + url)
    if joined.startswith(".."):
        return Resolved("missing", url)
    return _site_path(joined, frag, index, parts.query, relative=not post.old_path)


def _site_path(path: str, frag: str, index: Index, query: str, relative: bool = False) -> Resolved:
    """An address on the old site (relative to its root): an imported post, a file, or the old address."""
    if query:
        i = index.post_for_key("?" + query)  # WordPress: ?p=123, ?page_id=7
        if i is not None:
            return Resolved("post", post=i, fragment=frag)
    i = index.post_for_path(path) if not query else None
    if i is not None:
        return Resolved("post", post=i, fragment=frag)
    if path and not query:
        old = index.site.base_url + path if index.site.base_url else ""
        for folder in index.site.static_dirs:
            local = _safe_join(folder, path, folder)
            if local is not None and _is_file(local):
                return Resolved("file", file=local, fragment=frag, old=old)
        media = _media(index.site, path)
        if media is not None:
            return Resolved("file", file=media, fragment=frag, old=old)
    suffix = PurePosixPath(path).suffix.lower()
    looks_like_file = bool(suffix) and suffix not in PAGE_SUFFIXES and " " not in suffix
    if " " in path and not looks_like_file:  # [a book's title](A Book's Title): words, not an address
        return Resolved("missing", path)
    old = index.site.base_url + path + (f"?{query}" if query else "") + frag
    if not index.site.base_url or relative:
        return Resolved("missing", path)
    return Resolved("gone" if looks_like_file else "old", old)


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
    if kind in ("tag", "category", "author", "index"):
        return _pelican_list(unquote(rest).strip("/"), kind, index)
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
    old = index.site.base_url + unquote(rest.lstrip("/")) if index.site.base_url and rest.startswith("/") else ""
    return Resolved("file", file=local, fragment=frag, old=old)


def _pelican_list(name: str, kind: str, index: Index) -> Resolved:
    """{tag}x, {category}x: sitegen's page for that topic (categories are topics too); {index}: the home page."""
    if kind == "index":
        return Resolved("keep", "/")
    slug = tag_slug(name)
    if kind != "author" and slug in index.tags:
        return Resolved("keep", f"/tags/{slug}/")
    if index.site.base_url and slug:
        return Resolved("old", index.site.base_url + _PELICAN_LISTS[kind].format(slug))
    return Resolved("missing", "{" + kind + "}" + name)


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


