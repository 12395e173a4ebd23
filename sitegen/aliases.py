"""Old addresses that keep working: `aliases:` in front matter → a small redirect page at each one.

A blog moved from another generator had other addresses (`/2019/03/14/title.html`,
`/blog/title/`); links to them from elsewhere on the web should still arrive.  Each alias
becomes a page with a meta refresh and a canonical link to the post (no script needed),
with a relative target so it works under a sub-path too.  Redirect pages are not in the
sitemap: only real pages are.  Page bundles live here as well: the files beside a
`post-name/index.md` follow the post to its address.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from .errors import Diagnostic, error, shorten, warning
from .files import OutputFile

if TYPE_CHECKING:
    from .files import StaticFile
    from .model import Item, Site

_SERVED_AS_PAGE = (".html", ".htm", ".shtml", ".xhtml")
# Addresses the site makes for itself (lists, topics, feeds): an alias may not take them.
_GENERATED_FOLDERS = ("tags/", "page/", "archive/", "search/")
_GENERATED_FILES = ("index.html", "case-studies/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
                    "search-index.json")


def read_aliases(value: Any, key_lines: Mapping[str, int], rel: str) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """The `aliases:` of one file as output paths ('2019/03/14/title/index.html'), with its problems."""
    if value is None or value == "":
        return (), []
    items = [value] if isinstance(value, str) else value
    line = key_lines.get("aliases", 1)
    if not isinstance(items, list):
        return (), [error(rel, line, "front-matter.type", "'aliases' must be a list of old addresses",
                          "write it as aliases: [/2019/03/14/my-post.html, /old/address/]")]
    out: list[str] = []
    diags: list[Diagnostic] = []
    for i, item in enumerate(items):
        where = key_lines.get(f"aliases.{i}", line)
        path, problem = alias_path(item)
        if problem:
            diags.append(warning(rel, where, "front-matter.alias", f"alias {shorten(str(item))!r} {problem}: skipped",
                                 "write an address on this site, like /2019/03/14/my-post.html or /old/address/"))
        elif path not in out:
            out.append(path)
    return tuple(out), diags


def alias_path(value: Any) -> tuple[str, str]:
    """('2019/03/title/index.html', '') for an old address, or ('', why it cannot be one)."""
    if not isinstance(value, str) or not value.strip():
        return "", "is not an address"
    parts = urlsplit(value.strip())
    if parts.query:
        return "", "has a ?query, which a static site cannot answer"
    path = unquote(parts.path)
    if "\\" in path or any(seg in ("..", ".") for seg in path.split("/")) or "\x00" in path:
        return "", "would lead outside the site"
    segments = [s for s in path.split("/") if s]
    if not segments:
        return "", "is the home page"
    last = segments[-1]
    if path.endswith("/") or "." not in last:
        return "/".join(segments) + "/index.html", ""
    if last.lower().endswith(_SERVED_AS_PAGE):
        return "/".join(segments), ""
    return "", f"ends in {posixpath.splitext(last)[1]!r}, which a static host does not serve as a page"


def check_aliases(items: list[Item], statics: tuple[StaticFile, ...]) -> list[Diagnostic]:
    """Two owners for one address: an alias that is another page's address, a file's, or another alias."""
    owners: dict[str, str] = {item.url + "index.html": item.entry.rel for item in items}
    owners.update((s.out, s.rel) for s in statics)
    diags: list[Diagnostic] = []
    for item in items:
        for i, path in enumerate(item.entry.aliases):
            other = owners.get(path)
            line = item.entry.doc.key_lines.get(f"aliases.{i}", item.entry.doc.key_lines.get("aliases", 1))
            if path in _GENERATED_FILES or path.startswith(_GENERATED_FOLDERS):
                diags.append(error(item.entry.rel, line, "url.alias-reserved",
                                   f"the old address /{_shown(path)} is one sitegen uses for its own pages",
                                   "remove this alias: the new site has its own page at that address"))
                continue
            if other is None:
                owners[path] = item.entry.rel
                continue
            if other == item.entry.rel:
                continue
            diags.append(error(item.entry.rel, line, "url.alias-collision",
                               f"the old address /{_shown(path)} is also used by {other}",
                               "each address belongs to one page: remove this alias or the other one"))
    return diags


def _shown(path: str) -> str:
    return path.removesuffix("index.html")


def redirect_pages(site: Site, taken: Any = ()) -> list[OutputFile]:
    """One small page at every alias of every published item, pointing to the item (never over a page)."""
    out: list[OutputFile] = []
    for item in site.posts + site.pages:
        for path in item.entry.aliases:
            if path in taken:
                continue
            out.append(OutputFile(path, _redirect_html(site, item, path).encode("utf-8")))
    return out


def _redirect_html(site: Site, item: Item, path: str) -> str:
    here = posixpath.dirname(path)
    target = posixpath.relpath(item.url.rstrip("/"), here or ".") + "/"
    canonical = html.escape(site.config.site_url + item.url)
    link = html.escape(target)
    title = html.escape(item.title)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html.escape(site.config.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n"
            f'<link rel="canonical" href="{canonical}">\n'
            '<meta name="robots" content="noindex">\n'
            f'<meta http-equiv="refresh" content="0; url={link}">\n'
            "</head>\n<body>\n"
            f'<p>This page has moved: <a href="{link}">{title}</a>.</p>\n'
            "</body>\n</html>\n")


# -- page bundles ------------------------------------------------------------------------------

_INDEX = re.compile(r"^index\.(?:md|markdown)$")


def bundle_folder(rel: str) -> str | None:
    """'content/posts/my-post' for 'content/posts/my-post/index.md', else None (kind folders are no bundle)."""
    if not rel.endswith(("index.md", "index.markdown")):
        return None
    parts = rel.split("/")
    if len(parts) >= 4 and _INDEX.match(parts[-1]):
        return "/".join(parts[:-1])
    return None


def follow_bundles(items: list[Item], statics: tuple[StaticFile, ...]) -> tuple[StaticFile, ...]:
    """Files in a bundle's folder go to its post's address, whatever slug the post was given."""
    folders = {}
    for item in items:
        folder = bundle_folder(item.entry.rel)
        if folder is not None:
            folders[folder + "/"] = item.url
    if not folders:
        return statics
    moved = []
    for s in statics:
        folder = max((f for f in folders if s.rel.startswith(f)), key=len, default=None)
        moved.append(s if folder is None else replace(s, out=folders[folder] + s.rel[len(folder):]))
    return tuple(moved)
