"""After the model: links checked, pictures made, preview cards drawn, and the answers put in place.

    check_links (links.py)   what every link and image points at; broken ones are errors
    prepare (images.py)      every published raster image re-encoded without metadata, in sizes
    prepare (cards.py)       a preview card for each page that has no picture of its own
    rewrite (htmlrefs.py)    each published text with its links made to work on every page

The result is the site as it will be published: items whose text links to pages (not to
.md files), whose images are <picture>s with their sizes, and which carry the picture a
shared link shows; and the files to publish (the originals of raster images never among
them).  What is done here depends on the whole site, so it is done on every build; what
costs (images, cards) is kept in the cache and done once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import cards as _cards
from . import images as _images
from .errors import Diagnostic, error
from .files import StaticFile
from .fingerprint import h
from .htmlrefs import ROOT, replace_attribute, rewrite
from .links import Linked, Resolved, check_links
from .model import Item, Preview, Site, with_items


@dataclass(frozen=True, slots=True)
class Media:
    site: Site  # as published: texts rewritten, files to publish, previews
    diagnostics: tuple[Diagnostic, ...]
    image_stats: Mapping[str, tuple]  # for the next build: which image file has which content
    keep: tuple[frozenset[str], tuple[_cards.Card, ...]]  # cache folders of images, and cards, in use
    # source rel → what its text's rewriting depended on (the answers and the pictures they show):
    # a page key takes this with the file's own hash instead of hashing the rewritten text again
    rewrites: Mapping[str, str] = field(default_factory=dict)
    cards_todo: tuple[_cards.Card, ...] = ()  # cards to draw (cards.store) before the files are read
    cache_dir: Path | None = None  # where they go: the cache, or a temporary folder when it is unusable


def attach(site: Site, cache_dir: Path, image_stats: Mapping[str, tuple], jobs: int | None,
           memory: Any = None) -> Media:
    """Check every link and image; publish what is used, processed; rewrite each text.

    `memory` (a BuildMemory, kept by a resident process: the preview) holds the last build's
    rewritten texts by everything they were made from, and its items as published (_Published);
    it is left holding this build's.  An item made from what the last build's was made from is
    that same object, so what was worked out about it (its fingerprints, its page key) holds."""
    from .render import jobs as page_jobs

    cache_dir = _usable(cache_dir)
    linked = check_links(site, [j.rel for j in page_jobs(site)], memory.links if memory is not None else None)
    diags = list(linked.diagnostics)
    if any(d.is_error for d in diags):
        return Media(site, tuple(diags), image_stats, (frozenset(), ()))
    try:
        prepared = _images.prepare(linked.images, cache_dir, image_stats, jobs)
    except OSError:  # the cache cannot take them (a full disk, no permission): made for this build only
        cache_dir = _temporary()
        prepared = _images.prepare(linked.images, cache_dir, image_stats, jobs)
    diags += _problems(prepared.problems, linked)
    cfg = site.config
    items: dict[int, Item] = {}
    rewrites: dict[str, str] = {}
    memo = memory.linked_texts if memory is not None else None
    previous = memo if memo is not None else {}
    last_items: dict[str, _Published] = memory.items if memory is not None else {}
    now_items: dict[str, _Published] = {}
    kept: dict[tuple, tuple[str, str]] = {}
    wanted: list[_cards.Card] = [_cards.Card(cfg.title, cfg.business or cfg.author or cfg.description,
                                             _cards.card_path(""))]
    for item in site.posts + site.pages:
        rel = item.entry.rel
        answers = linked.resolved.get(rel, ())
        shown = tuple(prepared.pictures.get(a.image) for a in answers if a.image)
        done = last_items.get(rel)
        if done is None or done.before != item or done.answers != answers or done.shown != shown \
                or done.site_title != cfg.title:
            done = _publish(item, answers, shown, prepared.pictures, cfg.title, memo, previous)
        if done.card is not None:
            wanted.append(done.card)
        if done.used is not None:
            rewrites[rel] = done.used
            key = done.item.rendered.key
            if key in previous:
                kept[key] = previous[key]
        items[id(item)] = done.item
        now_items[rel] = done
    card_files, cards_todo = _cards.plan(wanted, cache_dir)
    processed = set(prepared.pictures) | set(prepared.problems)
    files = tuple(s for s in linked.files if s.rel not in processed) + prepared.files + card_files
    if memo is not None:  # the texts rewritten before and still in use; the rest join as they are made
        memo.clear()
        memo.update(kept)
        memory.items = now_items
    site_card = Preview(wanted[0].out, _cards.WIDTH, _cards.HEIGHT, cfg.title)
    return Media(with_items(site, items, _sorted(files), site_card), tuple(diags), prepared.stats,
                 (prepared.folders, tuple(wanted)), rewrites, cards_todo, cache_dir)


@dataclass(frozen=True, slots=True)
class _Published:
    """A page's item as `attach` publishes it, with everything it was made from, so that a
    resident process (the preview) hands over the very same item while none of that changed."""
    before: Item  # as the model gave it
    answers: tuple[Resolved, ...]  # what its links and images point at
    shown: tuple  # the processed pictures those show
    site_title: str  # on its preview card
    item: Item  # as published
    card: _cards.Card | None  # its preview card, when it has no picture of its own
    used: str | None  # what its text's rewriting depended on (Media.rewrites), None when not rewritten


def _publish(item: Item, answers: tuple[Resolved, ...], shown: tuple, pictures: Mapping[str, Any],
             site_title: str, memo: dict | None, previous: Mapping) -> _Published:
    """The item with its links and pictures put in its text, and the picture a shared link shows."""
    card = None
    preview = _first_picture(item, answers, pictures)
    if preview is None:
        card = _cards.Card(item.title, site_title, _cards.card_path(item.url))
        preview = Preview(card.out, _cards.WIDTH, _cards.HEIGHT, f"{item.title} · {site_title}")
    rendered: Any = item.rendered
    used = None
    if answers:
        used = h(answers, shown)
        memo_key = (item.entry.rel, used, rendered.html, rendered.summary_html)
        rendered = LinkedText(rendered, _fixer(answers, pictures), memo, memo_key, previous.get(memo_key))
    return _Published(item, answers, shown, site_title, replace(item, rendered=rendered, links=answers, preview=preview),
                      card, used)


def as_written(rendered: Any) -> Any:
    """A rendering as its file gave it, before links and pictures were put in: the same words
    (the rewriting changes only what is inside tags), for what reads the words alone."""
    return rendered.base if isinstance(rendered, LinkedText) else rendered


class LinkedText:
    """A post's rendering whose text gets its links and pictures put in on first use.

    Reads like the Rendered it wraps (`html`, `summary_html`, `text`, `words`, …).  A page
    that is not rendered again never needs the rewritten text, so a build after one edit
    rewrites only the texts of the pages it renders, and a first build rewrites them in the
    worker processes that render the pages.  A resident process (the preview) passes its
    memo, which then keeps each text rewritten once."""

    __slots__ = ("base", "_fix", "_memo", "_key", "_done", "_summary")

    def __init__(self, base: Any, fix: Any, memo: dict | None, key: tuple, done: tuple[str, str] | None):
        self.base, self._fix, self._memo, self._key, self._done = base, fix, memo, key, done
        self._summary: str | None = None

    def _texts(self) -> tuple[str, str]:
        if self._done is None:
            self._done = (rewrite(self.base.html, self._fix), rewrite(self.base.summary_html, self._fix))
            if self._memo is not None:
                self._memo[self._key] = self._done
        return self._done

    @property
    def html(self) -> str:
        return self._texts()[0]

    @property
    def summary_html(self) -> str:
        if self._done is None and self._memo is None:  # a list page or feed: the summary alone is enough
            if self._summary is None:
                self._summary = rewrite(self.base.summary_html, self._fix)
            return self._summary
        return self._texts()[1]

    def __getattr__(self, name: str) -> Any:  # text, words, reading_minutes, refs, anchors
        if name.startswith("_") or name == "base":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self.base, name)

    def __repr__(self) -> str:
        return f"LinkedText({self.base!r}, {self._key[1]!r})"

    @property
    def key(self) -> tuple:
        """What the rewritten texts are made of (the file, a hash of the answers and pictures, the texts)."""
        return self._key

    # Equal when made from the same rendering with the same answers and pictures (the key holds
    # the file, a hash of those, and the texts): then the rewritten texts are the same too.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LinkedText):
            return NotImplemented
        return (self.base is other.base or self.base == other.base) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)


def _usable(cache_dir: Path) -> Path:
    """The cache folder, or (when it cannot be used: a file in its place, no permission) a
    temporary folder for this build only, removed when sitegen exits."""
    import os

    try:
        cache_dir.mkdir(exist_ok=True)
        for sub in ("images", "cards"):
            (cache_dir / sub).mkdir(exist_ok=True)
            if not os.access(cache_dir / sub, os.W_OK | os.X_OK):
                raise PermissionError(f"{cache_dir / sub} is read-only")
        return cache_dir
    except OSError:
        return _temporary()


def _temporary() -> Path:
    import atexit
    import shutil
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="sitegen-media-"))
    atexit.register(shutil.rmtree, tmp, True)
    return tmp


def sweep(cache_dir: Path, keep: tuple[frozenset[str], tuple[_cards.Card, ...]]) -> None:
    """After a build that wrote its output: drop processed images and cards nothing uses now."""
    folders, cards = keep
    _images.sweep(cache_dir, folders)
    _cards.sweep(cache_dir, cards)


def _sorted(files: tuple[StaticFile, ...]) -> tuple[StaticFile, ...]:
    seen: dict[str, StaticFile] = {}
    for f in files:
        seen.setdefault(f.out, f)
    return tuple(seen[k] for k in sorted(seen))


def _problems(problems: Mapping[str, str], linked: Linked) -> list[Diagnostic]:
    out = []
    for rel, why in sorted(problems.items()):
        where, line = linked.first_use.get(rel, (rel, None))
        shown = rel if where == rel else f"the image {rel}"
        out.append(error(where, line, "image.unreadable", f"{shown} cannot be published: it is {why}",
                         "save it again as a JPEG or PNG photo of a usual size (a few thousand pixels across), "
                         "or take it out"))
    return out


def _first_picture(item: Item, answers: tuple[Resolved, ...], pictures: Mapping[str, Any]) -> Preview | None:
    """The page's first image as its link preview, when it has one."""
    first = next((r for r in item.rendered.refs if r.tag == "img"), None)
    if first is None:
        return None
    answer = next((a for a in answers if a.tag == "img" and a.target == first.target), None)
    picture = pictures.get(answer.image) if answer is not None and answer.image else None
    if picture is None or picture.preview() is None:
        return None
    v = picture.preview()
    mime = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}.get(v.format, "")
    return Preview(v.out, v.width, v.height, first.alt or item.title, mime)


def _fixer(resolved: tuple[Resolved, ...], pictures: Mapping[str, Any]):
    by_target: dict[tuple[str, str], Resolved] = {}  # made on the first use: most texts are never rewritten

    def fix(tag: str, attrs: dict[str, str], original: str) -> str | None:
        if not by_target:
            by_target.update(((a.tag, a.target), a) for a in resolved)
        answer = by_target.get((tag, attrs.get("href" if tag == "a" else "src", "")))
        if answer is None:
            return None
        if tag == "a":
            return "" if answer.url == "" else replace_attribute(original, "href", ROOT + answer.url)
        picture = pictures.get(answer.image) if answer.image else None
        if picture is not None and picture.sizes:
            return _images.markup(picture, attrs, ROOT)
        if picture is not None and picture.full is not None:
            return replace_attribute(original, "src", ROOT + picture.full.out)
        return replace_attribute(original, "src", ROOT + answer.url)

    return fix
