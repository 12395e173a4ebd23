"""The import itself: each old post → sitegen Markdown, its place in the new site, its links and files.

Two passes over the posts: the first finds what each one links to and which files it uses
(a post with files becomes a page bundle, `my-post/index.md`), so that every post's new
file is known; the second rewrites the links to those files.  Imported posts become essays
(or pages), never case studies: a case study needs the client's consent and a pseudonym,
which no import can know.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ..aliases import alias_path
from ..model import RESERVED
from .htmltext import html_to_markdown, rst_to_html, wpautop
from .links import Index, Resolved, link_notes, resolve, rewrite_links
from .mapping import Front, left_out_keys, map_front
from .records import Note, OldPost, OldSite
from .syntax import translate

KIND_FOLDERS = {"post": "content/posts", "page": "content/pages"}
_LOOP = re.compile(r"\{%-?\s*for\s")
_GENERATED = ("tags/", "page/", "archive/", "search/", "case-studies/", "feed.xml", "sitemap.xml", "index.html",
              "404.html", "robots.txt")


@dataclass
class Planned:
    """One old post on its way into the new site."""

    index: int
    post: OldPost
    front: Front
    body: str
    notes: list[Note] = field(default_factory=list)
    files: dict[Path, str] = field(default_factory=dict)  # file to copy → its name beside the post
    rel: str = ""  # the new file: content/posts/slug.md or content/posts/slug/index.md
    address: str = ""  # the new page's address: posts/slug/

    @property
    def bundle_dir(self) -> str:
        return posixpath.dirname(self.rel)


def prepare(i: int, post: OldPost, site: OldSite, now: datetime) -> tuple[Planned | None, list[Note]]:
    """The post's front matter and Markdown body; None (with the reason) when it is not imported."""
    front, notes = map_front(post, site.generator, now)
    body = post.body
    if post.format in ("html", "rst"):
        if post.format == "rst":
            body, problem = rst_to_html(body)
            if problem:
                notes.append(Note(post.origin, post.line, f"the reStructuredText had problems: {problem[:200]}", True))
        else:
            body, found = translate(post, body, site.generator)
            notes.extend(found)
            body = wpautop(body) if site.generator in ("WordPress", "Squarespace") else body
        body, dropped = html_to_markdown(body)
        notes.extend(Note(post.origin, post.line, d, "script" in d or "form" in d) for d in dropped)
    else:
        body, found = translate(post, body, site.generator)
        notes.extend(found)
    if post.kind == "page" and _LOOP.search(post.body):
        notes.append(Note(post.origin, post.line, "not imported: a page the old site's templates filled in "
                          "(lists, feeds, search); sitegen makes its own"))
        return None, notes
    if not body.strip() and post.kind == "page":
        notes.append(Note(post.origin, post.line, f"not imported: the page {front.title!r} has no text of its own"))
        return None, notes
    notes.extend(Note(post.origin, None, f"the front-matter key {key!r} was left out (sitegen has no use for it)")
                 for key in left_out_keys(post.meta))
    return Planned(i, post, front, body, []), notes


def plan(site: OldSite, now: datetime) -> tuple[list[Planned], list[Note], int]:
    """Every post that is imported, with its new file and rewritten text; the notes; how many were skipped."""
    notes: list[Note] = []
    planned: list[Planned] = []
    skipped = 0
    for i, post in enumerate(site.posts):
        p, found = prepare(i, post, site, now)
        if p is None:
            skipped += 1
            notes.extend(found)
        else:
            p.notes.extend(found)
            planned.append(p)
    index = Index(site, {p.index for p in planned})
    by_index = {p.index: p for p in planned}
    resolved: dict[int, list[tuple[str, Resolved]]] = {}
    for p in planned:  # pass 1: what each post links to, and the files it needs beside it
        found: list[tuple[str, Resolved]] = []

        def collect(url: str, p: Planned = p, found: list = found) -> str:
            found.append((url, resolve(url, p.post, index)))
            return url

        rewrite_links(p.body, collect)
        for path in p.post.bundle_files:
            _add_file(p, path, posixpath.normpath(path.relative_to(p.post.folder).as_posix()) if p.post.folder else
                      path.name)
        for url, r in found:
            if r.kind == "file" and r.file is not None and r.file not in p.files:
                _add_file(p, r.file, _name_for(p, r.file))
        resolved[p.index] = found
        p.notes.extend(link_notes(p.post, found))
    _place(planned, notes)
    for p in planned:  # pass 2: the links, now that every post's new file is known
        results = dict(resolved[p.index])
        p.body = rewrite_links(p.body, lambda url, p=p, results=results: _new_url(url, p, results, by_index))
    _aliases(planned, index, notes)
    return planned, notes, skipped


def _name_for(p: Planned, file: Path) -> str:
    if p.post.folder is not None and p.post.bundle_files and file.is_relative_to(p.post.folder):
        return file.relative_to(p.post.folder).as_posix()
    return file.name


def _add_file(p: Planned, file: Path, name: str) -> None:
    taken = set(p.files.values())
    stem, dot, ext = name.rpartition(".")
    n = 2
    while name in taken or name in ("index.md", "index.markdown"):
        name = f"{stem}-{n}.{ext}" if dot else f"{name}-{n}"
        n += 1
    p.files[file] = name


def _place(planned: list[Planned], notes: list[Note]) -> None:
    """Each post's file and address: slugs made unique, pages kept off the addresses sitegen uses."""
    used: dict[str, set[str]] = {"post": set(), "page": set()}
    natural = {(p.post.kind, p.front.slug) for p in planned}  # a made-up slug-2 must not take a real one
    for p in sorted(planned, key=lambda p: (p.front.draft, p.front.date or "", p.post.origin)):
        slug = p.front.slug
        if p.post.kind == "page" and (slug in RESERVED or slug in ("home", "index")):
            new = f"{slug}-page" if slug not in ("home", "index") else "welcome"
            p.notes.append(Note(p.post.origin, p.post.line, f"the page's address /{slug}/ is one sitegen uses for "
                                "its own pages: it is now /{new}/".replace("{new}", new)))
            slug = new
        base, n = slug, 2
        while slug in used[p.post.kind] or (slug != base and (p.post.kind, slug) in natural):
            slug = f"{base}-{n}"
            n += 1
        if slug != base:
            p.notes.append(Note(p.post.origin, p.post.line, f"another post already has the slug {base!r}: "
                                f"this one is {slug!r}"))
        used[p.post.kind].add(slug)
        p.front = replace(p.front, slug=slug)
        folder = KIND_FOLDERS[p.post.kind]
        p.rel = f"{folder}/{slug}/index.md" if p.files else f"{folder}/{slug}.md"
        p.address = f"posts/{slug}/" if p.post.kind == "post" else f"{slug}/"


def _new_url(url: str, p: Planned, results: dict[str, Resolved], by_index: dict[int, Planned]) -> str:
    r = results.get(url)
    if r is None:
        return url
    if r.kind == "post" and r.post in by_index:
        target = by_index[r.post].rel
        return posixpath.relpath(target, posixpath.dirname(p.rel)) + r.fragment
    if r.kind == "file" and r.file in p.files:
        return p.files[r.file] + r.fragment
    if r.kind == "old":
        return r.value
    if r.kind == "missing" and url.startswith(("{", "|")):  # {filename}/x.md left unresolved: no raw placeholder
        return re.sub(r"^(\{\w+\}|\|\w+\|)", "", url)
    return url


def _aliases(planned: list[Planned], index: Index, notes: list[Note]) -> None:
    """The old addresses that should redirect: each post's own, and the aliases it already had."""
    taken = {p.address + "index.html" for p in planned}
    owner: dict[str, str] = {}
    for p in planned:
        wanted: list[str] = []
        if p.post.old_path:
            wanted.append(p.post.old_path)
        low = {str(k).lower(): v for k, v in p.post.meta.items()}
        for key in ("aliases", "redirect_from"):
            value = low.get(key)
            for a in ([value] if isinstance(value, str) else value if isinstance(value, list) else []):
                if isinstance(a, str):
                    site_path = index.site_path(a)
                    wanted.append(site_path if site_path is not None else a)
        out: list[str] = []
        for old in wanted:
            path, problem = alias_path("/" + old.lstrip("/"))
            if problem or path in taken or path == p.address + "index.html":
                continue
            if path.startswith(_GENERATED) or path in _GENERATED:
                p.notes.append(Note(p.post.origin, p.post.line, f"its old address /{old.lstrip('/')} is one "
                                    "sitegen uses for its own pages, so it does not redirect"))
                continue
            if path in owner and owner[path] != p.rel:
                p.notes.append(Note(p.post.origin, p.post.line, f"its old address /{old.lstrip('/')} also belonged "
                                    f"to {owner[path]}, which keeps it", True))
                continue
            owner[path] = p.rel
            shown = path.removesuffix("index.html")
            if shown not in out:
                out.append(shown)
        p.front = replace(p.front, aliases=tuple(out))


def post_text(p: Planned) -> str:
    return p.front.text() + "\n" + p.body.strip("\n") + "\n"
