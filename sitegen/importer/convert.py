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
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..aliases import alias_path
from ..htmlrefs import relative_file_refs
from ..model import RESERVED
from ..validate import MAX_ADDRESS, slugify, tag_slug
from .files import MAX_FILE
from .htmltext import html_to_markdown, rst_to_html, wpautop
from .links import PAGE_SUFFIXES, Index, Resolved, resolve
from .mapping import Front, left_out_keys, map_front
from .records import Note, OldPost, OldSite
from .refs import rewrite
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
    heading_ids: dict[str, str] = field(default_factory=dict)  # ids the old site gave headings → their text
    file_urls: dict[Path, str] = field(default_factory=dict)  # file beside the post → its old full address

    @property
    def bundle_dir(self) -> str:
        return posixpath.dirname(self.rel)


def prepare(i: int, post: OldPost, site: OldSite, now: datetime) -> tuple[Planned | None, list[Note]]:
    """The post's front matter and Markdown body; None (with the reason) when it is not imported."""
    front, notes = map_front(post, site.generator, now)
    if post.kind == "page" and _LOOP.search(post.body):
        notes.append(Note(post.origin, post.line, "not imported: a page the old site's templates filled in "
                          "(lists, feeds, search); sitegen makes its own"))
        return None, notes
    body = post.body
    values = {**(post.meta if site.generator == "Eleventy" else {}), **site.values, "page": post.meta}
    heading_ids: dict[str, str] = {}
    if post.format in ("html", "rst"):
        if post.format == "rst":
            body, problem = rst_to_html(body)
            if problem:
                notes.append(Note(post.origin, post.line, f"the reStructuredText had problems: {problem[:200]}", True))
        else:
            done = translate(post, body, site.generator, values, site.includes)
            body, heading_ids = done.text, done.heading_ids
            notes.extend(done.notes)
            body = wpautop(body) if site.generator in ("WordPress", "Squarespace") else body
        body, dropped, from_html = html_to_markdown(body)
        heading_ids = {**from_html, **heading_ids}
        notes.extend(Note(post.origin, post.line, d, "script" in d or "form" in d) for d in dropped)
    else:
        done = translate(post, body, site.generator, values, site.includes)
        body, heading_ids = done.text, done.heading_ids
        notes.extend(done.notes)
    if not body.strip() and post.kind == "page":
        notes.append(Note(post.origin, post.line, f"not imported: the page {front.title!r} has no text of its own"))
        return None, notes
    notes.extend(Note(post.origin, None, f"the front-matter key {key!r} was left out (sitegen has no use for it)")
                 for key in left_out_keys(post.meta))
    return Planned(i, post, front, body, [], heading_ids=heading_ids), notes


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
    topics = {tag_slug(t) for p in planned if not p.front.draft for t in p.front.tags}
    index = Index(site, {p.index for p in planned}, topics)
    by_index = {p.index: p for p in planned}
    resolved: dict[int, dict[str, Resolved]] = {}
    for p in planned:  # pass 1: what each post links to, and the files it needs beside it
        found: dict[str, Resolved] = {}

        def collect(url: str, tag: str, line: int, p: Planned = p, found: dict = found) -> str:
            found.setdefault(url, resolve(url, p.post, index))
            return url

        rewrite(p.body, collect)
        for path in p.post.bundle_files:
            _add_file(p, path, posixpath.normpath(path.relative_to(p.post.folder).as_posix()) if p.post.folder else
                      path.name)
            if site.base_url and p.post.old_path.endswith("/"):
                p.file_urls[path] = site.base_url + p.post.old_path + p.files[path]
        for r in found.values():
            if r.kind == "file" and r.file is not None and r.file not in p.files:
                _add_file(p, r.file, _name_for(p, r.file))
                _add_page_files(p, r.file, site.root)
            if r.kind == "file" and r.old and r.file is not None:
                p.file_urls.setdefault(r.file, r.old)
        resolved[p.index] = found
    _place(planned, notes)
    for p in planned:  # pass 2: the links, now that every post's new file is known
        p.body = rewrite(p.body, lambda url, tag, line, p=p: _new_url(url, tag, line, p, resolved[p.index], by_index))
    _aliases(planned, index, notes)
    return planned, notes, skipped


def _name_for(p: Planned, file: Path) -> str:
    if p.post.folder is not None and p.post.bundle_files and file.is_relative_to(p.post.folder):
        return file.relative_to(p.post.folder).as_posix()
    return file.name


def _add_page_files(p: Planned, page: Path, root: Path) -> None:
    """A stand-alone HTML page a post links to (a demo, a report) brings the files it uses by a
    relative address with it, placed where that address still finds them beside the page."""
    if page.suffix.lower() not in (".html", ".htm"):
        return
    todo, seen, root = [page], {page}, root.resolve()
    while todo:
        current = todo.pop()
        try:
            if current.stat().st_size > MAX_FILE:
                continue
            text = current.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        base = posixpath.dirname(p.files[current])
        for target in relative_file_refs(text):
            file = (current.parent / target).resolve()
            name = posixpath.normpath(posixpath.join(base, target))
            if file in seen or name.startswith("../") or not file.is_file() or not file.is_relative_to(root):
                continue
            seen.add(file)
            if file not in p.files and name not in p.files.values():
                p.files[file] = name
                if file.suffix.lower() in (".html", ".htm"):
                    todo.append(file)


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
            slug = _numbered(base, n)
            n += 1
        if slug != base:
            p.notes.append(Note(p.post.origin, p.post.line, f"another post already has the slug {base!r}: "
                                f"this one is {slug!r}"))
        used[p.post.kind].add(slug)
        p.front = replace(p.front, slug=slug)
        folder = KIND_FOLDERS[p.post.kind]
        p.rel = f"{folder}/{slug}/index.md" if p.files else f"{folder}/{slug}.md"
        p.address = f"posts/{slug}/" if p.post.kind == "post" else f"{slug}/"


def _numbered(base: str, n: int) -> str:
    """base-n, shortened first if need be: the build shortens a long slug, which would lose the -n."""
    suffix = f"-{n}"
    short = base if len(base) + len(suffix) <= MAX_ADDRESS else slugify(base, MAX_ADDRESS - len(suffix))
    return f"{short.rstrip('-')}{suffix}"


def _new_url(url: str, tag: str, line: int, p: Planned, results: dict[str, Resolved],
             by_index: dict[int, Planned]) -> str | None:
    """The address a link gets in the new site; None takes the link out (its words stay)."""
    r = results.get(url)
    if r is None:
        return url
    if r.kind == "post" and r.post in by_index:
        target = by_index[r.post].rel
        return posixpath.relpath(target, posixpath.dirname(p.rel)) + r.fragment
    if r.kind == "file" and r.file in p.files:
        return p.files[r.file] + r.fragment
    if r.kind in ("old", "keep"):
        return r.value or url
    what = "the picture" if tag == "img" else "the file" if _is_file_address(url) else "the link to"
    if r.kind == "gone":
        where = f"it is on the old site only, at {r.value}" if r.value == url else \
            f"it now {'shows' if tag == 'img' else 'points'} to the old site's copy, {r.value}"
        files = "the old site's files" if p.post.folder is not None else \
            "the files imported (a --media folder holding wp-content/uploads brings them over)"
        p.notes.append(Note(p.post.origin, None, f"{what} {url!r} was not among {files}: {where}, which works only "
                            "while the old site is online; download it, put it beside the post and write its name "
                            "in place of the address", True,
                            kind="image.old-address" if tag == "img" else "file.old-address", new_line=line))
        return r.value
    if r.kind == "template":
        what = "picture" if tag == "img" else "link"
        p.notes.append(Note(p.post.origin, None, f"the {what}'s address {' '.join(r.value.split())[:80]!r} is template "
                            "syntax that only the old site could work out: the "
                            f"{'description is' if tag == 'img' else 'words are'} kept without the {what}; write the "
                            "address in its place", True, kind="syntax.link", new_line=line))
        return None
    if r.kind == "guess":
        p.notes.append(Note(p.post.origin, None, f"the link {url!r} had no https:// (so it led nowhere on the old "
                            f"site): it now goes to {r.value}; check that this is the page you meant", True,
                            kind="link.guess", new_line=line))
        return r.value
    if tag == "img":
        p.notes.append(Note(p.post.origin, None, f"the picture {url!r} was not among the old site's files, and the "
                            "old site's address is not known: the picture was taken out and its description (if it "
                            "had one) kept as text; put the picture beside the post and write "
                            "![description](its-name.jpg)", True, kind="image.text", new_line=line))
    else:
        p.notes.append(Note(p.post.origin, None, f"{what} {url!r} pointed to nothing that was imported or found in "
                            "the old site: its words are kept without the link", True, kind="link.words",
                            new_line=line))
    return None


def _is_file_address(url: str) -> bool:
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return bool(suffix) and suffix not in PAGE_SUFFIXES


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
