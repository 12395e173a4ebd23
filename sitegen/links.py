"""After the model: what every link and image in the published text points at, checked.

A link may be written the way a Markdown editor writes it, relative to the file
(`other-post.md`, `../case-studies/x.md#outcome`, `photo.jpg` beside the post,
`../../static/images/a.png`), the way a web page writes it, relative to the page's address
(`../../images/a.png`, `../other-post/`), or from the site's root (`/posts/x/`,
`/images/a.png`, an imported post's old address).  Each one is looked up in that order;
the first that names a page, a file or an old address (an alias) wins.  A link to a
heading (`#why`) is checked against the ids of the page it goes to.

What cannot be found is an error at the line that uses it, with the closest name when one
is close (`difflib`).  A link to something held back (a draft, a withdrawn case study)
would be broken for readers: the link is taken out, its words stay, and a warning says so.
Files under content/ are published only when a published page uses them, so a photo beside
a draft stays off the site until the draft is published.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote

from .errors import Diagnostic, error, shorten, warning
from .files import StaticFile
from .htmlrefs import Reference, is_local, relative_file_refs
from .model import Item, Site

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".avif", ".heic", ".heif")
# ids every page of the theme has, and #top (the browser's own: the top of the page)
THEME_IDS = frozenset({"main", "top", "q", "facts-heading", "perspective-heading", "learning-heading",
                       "search-status", "results"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """What one reference points at."""

    tag: str  # "a" or "img"
    target: str  # as written
    url: str  # site-root path with its #fragment; "" for a link to take out (its target is held back)
    image: str = ""  # the source (StaticFile.rel) of a raster image this <img> shows


@dataclass(frozen=True, slots=True)
class Use:
    """How a published raster image is used."""

    file: StaticFile
    shown: bool = False  # in an <img>: responsive sizes are made
    full: bool = False  # linked to, or in static/: a copy (without metadata) at its own address


@dataclass(frozen=True, slots=True)
class Linked:
    resolved: Mapping[str, tuple[Resolved, ...]]  # source file → the answers for its references
    files: tuple[StaticFile, ...]  # the files to publish (raster images among them are processed)
    images: Mapping[str, Use]  # StaticFile.rel → how the image is used
    diagnostics: tuple[Diagnostic, ...]
    # the line of each raster image's first use, for messages about the image itself
    first_use: Mapping[str, tuple[str, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str  # "page" (an item), "held" (held back), "generated" (a list page, a feed), "file"
    url: str = ""  # site-root path, for "page", "generated" and "file"
    item: Item | None = None
    file: StaticFile | None = None
    why: str = ""  # for "held": why it is held back


class _Index:
    """Every name a link can use: source files, bundle folders, output paths, old addresses."""

    def __init__(self, site: Site, statics: tuple[StaticFile, ...], generated: Iterable[str]):
        from .aliases import bundle_folder

        self.sources: dict[str, _Found] = {}
        self.outputs: dict[str, _Found] = {}
        reasons = {h.rel: h.reason for h in site.held_back}
        for item in site.posts + site.pages:
            found = _Found("page", item.url, item)
            self._source(item.entry.rel, found, bundle_folder(item.entry.rel))
            self.outputs[item.url + "index.html"] = found
            for alias in item.entry.aliases:
                self.outputs.setdefault(alias, found)
        for item in site.drafts:
            held = _Found("held", why=reasons.get(item.entry.rel, "held back"))
            self._source(item.entry.rel, held, bundle_folder(item.entry.rel))
            self.outputs.setdefault(item.url + "index.html", held)  # linked by its address, not its file
        for rel in generated:
            self.outputs.setdefault(rel, _Found("generated", rel.removesuffix("index.html")))
        for s in statics:
            found = _Found("file", s.out, file=s)
            self.sources.setdefault(s.rel, found)
            self.outputs.setdefault(s.out, found)

    def _source(self, rel: str, found: _Found, folder: str | None) -> None:
        self.sources[rel] = found
        if folder is not None:
            self.sources.setdefault(folder, found)

    def source(self, path: str) -> _Found | None:
        return self.sources.get(path)

    def output(self, path: str) -> _Found | None:
        if path in ("", "."):
            return self.outputs.get("index.html")
        return self.outputs.get(path) or self.outputs.get(path + "/index.html")

    def lookup(self, path: str, src: str, page_url: str) -> _Found | None:
        """The first of: relative to the file, relative to the page, from the site's root."""
        if path.startswith("/"):
            rest = _norm(path.lstrip("/"))
            return (self.output(rest) or self.source(rest)) if rest is not None else None
        here = posixpath.dirname(src)
        if "/" not in path and path not in (".", ".."):  # a file beside this one (most links): already plain
            in_sources: str | None = f"{here}/{path}" if here else path
        else:
            in_sources = _norm(posixpath.join(here, path))
        found = self.source(in_sources) if in_sources is not None else None
        if found is None:
            in_output = _norm(posixpath.join(page_url, path))
            found = self.output(in_output) if in_output is not None else None
        return found

    def names_near(self, src: str) -> list[str]:
        """Every source file and output path, written as a link from src would write it."""
        here = posixpath.dirname(src)
        names = [posixpath.relpath(rel, here) for rel in self.sources if not rel.startswith("(theme)")]
        names += ["/" + out.removesuffix("index.html") for out in self.outputs]
        return names


def _norm(path: str) -> str | None:
    """A joined path made plain; None when it climbs out of the site."""
    p = posixpath.normpath(path)
    if p == ".":
        return ""
    return None if p.startswith("../") or p == ".." or p.startswith("/") else p


def _split(target: str) -> tuple[str, str, str]:
    """(path, ?query, #fragment) of a target, the path percent-decoded."""
    path, _, frag = target.partition("#")
    path, q, query = path.partition("?")
    return unquote(path.strip()), (q + query), frag


@dataclass(frozen=True, slots=True)
class _Checked:
    """One text's references as checked, with what the check depended on and did, so that a
    resident process (the preview) takes it over while the site's names are the same."""

    refs: tuple[Reference, ...]
    url: str
    published: bool
    soften: str
    answers: tuple[Resolved, ...]
    diags: tuple[Diagnostic, ...]
    uses: tuple[tuple, ...]  # (StaticFile, tag, line) of each reference to a file, in order


class _Checker:
    def __init__(self, index: _Index, site: Site, last: Mapping[str, _Checked] | None = None):
        self.index = index
        self.site = site
        self.diags: list[Diagnostic] = []
        self.used: dict[str, Use] = {}  # StaticFile.rel → use, by published pages
        self.wanted: set[str] = set()  # StaticFile.rel used by held-back pages
        self.first_use: dict[str, tuple[str, int]] = {}
        self.last = last or {}
        self.checked: dict[str, _Checked] = {}
        self._uses: list[tuple] = []

    def item(self, item: Item, published: bool, soften: str = "") -> tuple[Resolved, ...]:
        rendered, rel = item.rendered, item.entry.rel
        last = self.last.get(rel)
        if last is not None and last.url == item.url and last.published == published and last.soften == soften \
                and (last.refs is rendered.refs or last.refs == rendered.refs):  # its own ids: in the names
            self.diags.extend(last.diags)
            for s, tag, line in last.uses:
                self._use(s, tag, rel, line, published)
            self.checked[rel] = last
            return last.answers
        out: list[Resolved] = []
        seen: set[tuple[str, str]] = set()
        before, self._uses = len(self.diags), []
        for ref in rendered.refs:
            if not is_local(ref.target) or (ref.tag, ref.target) in seen:
                continue
            answer = self._resolve(ref, item, published, soften)
            if answer is not None and published:
                seen.add((ref.tag, ref.target))
                out.append(answer)
        self.checked[rel] = _Checked(rendered.refs, item.url, published, soften, tuple(out),
                                     tuple(self.diags[before:]), tuple(self._uses))
        return tuple(out)

    def _use(self, s: StaticFile, tag: str, rel: str, line: int, published: bool) -> None:
        """A reference from `rel` to a file: published with the page, processed if a picture."""
        self._uses.append((s, tag, line))
        if published:
            raster = s.out.lower().endswith(RASTER)
            use = self.used.get(s.rel, Use(s))
            shown = use.shown or (tag == "img" and raster)
            self.used[s.rel] = Use(s, shown, use.full or (raster and tag == "a"))
            self.first_use.setdefault(s.rel, (rel, line))
        else:
            self.wanted.add(s.rel)

    def _report(self, d: Diagnostic, soften: str) -> None:
        self.diags.append(d.as_warning() if soften and d.is_error else d)
        if soften:
            self.diags[-1] = _with_suffix(self.diags[-1], soften)

    def _resolve(self, ref: Reference, item: Item, published: bool, soften: str) -> Resolved | None:
        rel = item.entry.rel
        path, query, frag = _split(ref.target)
        if not path:
            if frag and unquote(frag) not in item.rendered.anchors and unquote(frag) not in THEME_IDS:
                self._report(self._anchor_error(ref, rel, "this page", item, frag), soften)
            return None
        found = self.index.lookup(path, rel, item.url)
        if found is None:
            self._report(self._missing(ref, rel, path), soften)
            return None
        if found.kind == "held":
            if published and ref.tag == "a":
                self.diags.append(warning(rel, ref.line, "link.held-back",
                                          f"link to {shorten(ref.target)!r}: that page is held back "
                                          f"({found.why}), so the link is left out and its words kept",
                                          "the link comes back by itself when that page is published"))
                return Resolved(ref.tag, ref.target, "")
            if ref.tag == "img":
                self._report(self._missing(ref, rel, path), soften)
            return None
        if found.kind == "page" and frag and found.item is not None:
            anchors = found.item.rendered.anchors
            if unquote(frag) not in anchors and unquote(frag) not in THEME_IDS:
                self._report(self._anchor_error(ref, rel, found.item.entry.rel, found.item, frag), soften)
                return None
        image = ""
        if found.kind == "file" and found.file is not None:
            s = found.file
            self._use(s, ref.tag, rel, ref.line, published)
            image = s.rel if ref.tag == "img" and s.out.lower().endswith(RASTER) else ""
        elif ref.tag == "img":
            self._report(error(rel, ref.line, "image.not-an-image",
                               f"image {shorten(ref.target)!r} is a page of the site, not a picture",
                               "point the image at a picture file, for example ![…](photo.jpg)"), soften)
            return None
        url = found.url + (query if found.kind != "file" else "") + (f"#{frag}" if frag else "")
        return Resolved(ref.tag, ref.target, url, image)

    def _missing(self, ref: Reference, rel: str, path: str) -> Diagnostic:
        from difflib import get_close_matches  # only when a suggestion is needed
        close = get_close_matches(path, self.index.names_near(rel), n=1, cutoff=0.75)
        hint = f"did you mean '{close[0]}'?" if close else (
            "check the spelling; put the picture in static/ or beside the post, then write ![…](photo.jpg)"
            if ref.tag == "img" else
            "check the spelling; a link to another post names its file: [words](other-post.md)")
        if ref.tag == "img":
            return error(rel, ref.line, "image.missing", f"image {shorten(ref.target)!r} does not exist", hint)
        return error(rel, ref.line, "link.broken",
                     f"link to {shorten(ref.target)!r}: there is no such page or file", hint)

    def _anchor_error(self, ref: Reference, rel: str, where: str, target: Item, frag: str) -> Diagnostic:
        from difflib import get_close_matches  # only when a suggestion is needed
        close = get_close_matches(unquote(frag), list(target.rendered.anchors), n=1, cutoff=0.6)
        hint = f"did you mean '#{close[0]}'?" if close else \
            "a heading's anchor is made of its words: ## Why I came back → #why-i-came-back"
        return error(rel, ref.line, "link.anchor",
                     f"link to {shorten(ref.target)!r}: {where} has no heading or anchor '#{shorten(frag, 40)}'", hint)


def _with_suffix(d: Diagnostic, suffix: str) -> Diagnostic:
    from dataclasses import replace

    return replace(d, message=d.message + suffix)


def check_links(site: Site, generated: Iterable[str], memo: dict | None = None) -> Linked:
    """Resolve and check every reference of every published page (drafts' at warning level).

    `memo` (kept by a resident process) holds the last check of each text and what the
    site's names were then: while every page's address, old addresses and ids, the held-back
    texts, the generated pages and the files are the same, a text whose references and ids
    are the same gets the same answers, messages and file uses, which are taken over."""
    generated = tuple(generated)
    index = _Index(site, site.statics, generated)
    last = None
    if memo is not None:
        names = _names(site, generated)
        last = memo.get("texts") if memo.get("names") == names else None
        memo["names"] = names
    checker = _Checker(index, site, last)
    resolved: dict[str, tuple[Resolved, ...]] = {}
    for item in site.posts + site.pages:
        answers = checker.item(item, True)
        if answers:
            resolved[item.entry.rel] = answers
    reasons = {h.rel: h.reason for h in site.held_back}
    for item in site.drafts:
        why = reasons.get(item.entry.rel, "")
        if why == "draft" or why.startswith("scheduled"):
            checker.item(item, False, f" (in a {'draft' if why == 'draft' else 'scheduled post'}: an error once "
                                      "it is published)")
        else:
            checker.item(item, False)
    if memo is not None:
        memo["texts"] = checker.checked
    _follow_pages(site.statics, checker)
    files, diags = _published_files(site.statics, checker)
    images = {rel: use for rel, use in checker.used.items() if use.file.out.lower().endswith(RASTER)}
    for s in files:  # static/ and theme images are published whatever uses them: each gets its clean copy
        if s.out.lower().endswith(RASTER) and not s.rel.startswith("content/"):
            use = images.get(s.rel, Use(s))
            images[s.rel] = Use(s, use.shown, True)
    return Linked(resolved, files, images, tuple(checker.diags + diags), dict(checker.first_use))


def _names(site: Site, generated: tuple[str, ...]) -> tuple:
    """Everything a reference can be answered from (what _Index holds), to compare with the last check's."""
    return (tuple((i.entry.rel, i.url, i.entry.aliases, i.rendered.anchors) for i in site.posts + site.pages),
            tuple((i.entry.rel, i.url) for i in site.drafts), tuple((h.rel, h.reason) for h in site.held_back),
            generated, site.statics)


_PAGE_LIMIT = 4 * 1024 * 1024  # a stand-alone page larger than this is published, not read


def _follow_pages(statics: tuple[StaticFile, ...], checker: _Checker) -> None:
    """A stand-alone HTML page under content/ that a published post uses (a demo, a report)
    takes the files it uses itself along: its pictures (as clean copies), style sheets, scripts."""
    by_rel = {s.rel: s for s in statics if s.rel.startswith("content/")}
    todo = [rel for rel in checker.used if rel.lower().endswith((".html", ".htm")) and rel in by_rel]
    seen = set(todo)
    while todo:
        page = by_rel[todo.pop()]
        try:
            if page.path.stat().st_size > _PAGE_LIMIT:
                continue
            text = page.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for target in relative_file_refs(text):
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), target))
            s = by_rel.get(rel)
            if s is None or rel in seen:
                continue
            seen.add(rel)
            checker.used.setdefault(rel, Use(s, False, True))
            if rel.lower().endswith((".html", ".htm")):
                todo.append(rel)


def _published_files(statics: tuple[StaticFile, ...], checker: _Checker) -> tuple[tuple[StaticFile, ...], list]:
    """static/ and the theme in full; from content/, only what a published page uses."""
    files: list[StaticFile] = []
    diags: list[Diagnostic] = []
    for s in statics:
        if not s.rel.startswith("content/") or s.rel in checker.used:
            files.append(s)
        elif s.rel not in checker.wanted:
            diags.append(warning(s.rel, None, "file.unused", "no page uses this file, so it is not published",
                                 "link to it or show it from a post ([words](file) or ![…](file)), move it "
                                 "to static/ to publish it as it is, or delete it"))
    return tuple(files), diags
