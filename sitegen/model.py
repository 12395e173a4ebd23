"""Entries → Site: what is published, in what order, under which URL; tags, archive, pagination."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from .aliases import check_aliases, follow_bundles
from .config import SiteConfig
from .errors import Diagnostic, error, warning
from .files import Kind, StaticFile

if TYPE_CHECKING:
    from .consent import Consent
    from .links import Resolved
    from .markup import Rendered
    from .validate import Entry

# First path segments the site itself uses; a page may not take one of them.
RESERVED = frozenset({"posts", "case-studies", "tags", "page", "archive", "search", "feed.xml", "sitemap.xml",
                      "robots.txt", "404.html", "index.html", "static", "search-index.json", "style.css",
                      "search.js", "favicon.svg", "images", "cards"})
# Topics shown with each post in lists (home, topic pages); the post's own page shows them all.
LISTED_TAGS = 5


@dataclass(frozen=True, slots=True)
class Preview:
    """The picture a shared link to a page shows (og:image): its first image, or a drawn card."""

    url: str  # site-root path of the file
    width: int
    height: int
    alt: str
    type: str = "image/png"


@dataclass(frozen=True, slots=True)
class TagRef:
    name: str
    slug: str
    url: str


@dataclass(frozen=True, slots=True)
class Item:
    """A published entry with everything a template needs about it."""

    entry: Entry
    rendered: Rendered
    url: str  # relative to the site root, ending in /: "posts/my-first-week/"
    tags: tuple[TagRef, ...]
    consent: Consent | None = None  # a case study's consent: its own block, or the register's
    client_reviewed: bool = False  # the client reviewed exactly this text (consent.reviewed matches)
    links: tuple[Resolved, ...] = ()  # what each link and image in the text points at (links.py)
    preview: Preview | None = None  # the picture a shared link to this page shows

    @property
    def kind(self) -> str:
        return self.entry.kind.value

    @property
    def listed_tags(self) -> tuple[TagRef, ...]:
        """The topics shown with the post in lists: the first LISTED_TAGS."""
        return self.tags[:LISTED_TAGS]

    @property
    def more_tags(self) -> int:
        """How many of its topics a list leaves out (the post's own page shows them)."""
        return max(0, len(self.tags) - LISTED_TAGS)

    @property
    def title(self) -> str:
        return self.entry.title

    @property
    def date(self) -> datetime | None:
        return self.entry.date


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    slug: str
    url: str
    items: tuple[Item, ...]  # newest first


@dataclass(frozen=True, slots=True)
class HeldBack:
    rel: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class Site:
    config: SiteConfig
    posts: tuple[Item, ...]  # essays and case studies, newest first
    case_studies: tuple[Item, ...]
    pages: tuple[Item, ...]  # in navigation order
    tags: tuple[Tag, ...]  # by name, case-insensitively
    archive: tuple[tuple[int, tuple[Item, ...]], ...]  # (year, items) newest year first
    neighbours: dict[str, tuple[Item | None, Item | None]]  # url → (newer, older)
    held_back: tuple[HeldBack, ...]
    drafts: tuple[Item, ...]  # held back, kept only for the output audit
    statics: tuple[StaticFile, ...]
    preview: Preview | None = None  # the site's own card: for pages that are not a post (home, topics, …)

    def home_pages(self) -> list[tuple[int, tuple[Item, ...]]]:
        return paginate(self.posts, self.config.posts_per_page)


def with_items(site: Site, new: Mapping[int, Item], statics: tuple[StaticFile, ...],
               preview: Preview | None) -> Site:
    """The same site with some items replaced (by id of the old one) everywhere they appear."""
    get = new.get

    def each(items: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple([get(id(i), i) for i in items])  # one call per list, not per item: 10,000s of them

    return replace(site, posts=each(site.posts), case_studies=each(site.case_studies), pages=each(site.pages),
                   tags=tuple(replace(t, items=each(t.items)) for t in site.tags),
                   archive=tuple((year, each(items)) for year, items in site.archive),
                   neighbours={url: (get(id(a), a) if a else None, get(id(b), b) if b else None)
                               for url, (a, b) in site.neighbours.items()},
                   statics=statics, preview=preview)


def paginate(items: tuple[Item, ...], per_page: int) -> list[tuple[int, tuple[Item, ...]]]:
    """[(page number, items on it)]: always at least one page, even when empty."""
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [()]
    return list(enumerate(chunks, 1))


def page_url(number: int, base: str = "") -> str:
    """URL of page `number` of a paginated list at `base`: '', 'page/2/', 'tags/rest/page/2/'."""
    return base if number == 1 else f"{base}page/{number}/"


def entry_url(entry: Entry) -> str:
    """Where an entry is published, relative to the site root: "posts/my-first-week/"."""
    if entry.kind is Kind.ESSAY:
        return f"posts/{entry.slug}/"
    if entry.kind is Kind.CASE_STUDY:
        return f"case-studies/{entry.slug}/"
    return f"{entry.slug}/"


def _order_key(item: Item) -> tuple:
    # Newest first; equal dates fall back to the slug and the file, so the order never depends
    # on the order files were read in (reproducible output).
    return (-item.entry.date.timestamp() if item.entry.date else 0, item.entry.slug, item.entry.rel)


@dataclass(frozen=True, slots=True)
class Publication:
    """What the consent gate decided for one case study (see privacy.check_consent)."""

    consent: Consent | None
    client_reviewed: bool
    held_back: str  # why it stays off the site whatever else it says ("consent withdrawn on …"), or ""


def build_site(config: SiteConfig, entries: list[tuple[Entry, Rendered]], statics: tuple[StaticFile, ...],
               *, now: datetime, drafts: bool = False, decisions: Mapping[str, Publication] = {},
               ) -> tuple[Site, tuple[Diagnostic, ...]]:
    """Decide what is published and where; report URL collisions and tag spelling differences.

    `now` and `drafts` decide drafts and scheduled posts; `decisions` holds the consent
    gate's word on each case study (its consent, and whether it is held back)."""
    published, held, held_items = _sort_out(entries, now, drafts, decisions)
    names, diags = _tag_names(published)
    refs: dict[str, TagRef] = {}  # one TagRef per topic, shared by every post that has it
    items = [Item(e, r, entry_url(e), _tag_refs(e, names, refs) if e.kind is not Kind.PAGE else (),
                  *_consent_of(decisions.get(e.rel))) for e, r in published]
    drafts_ = tuple(Item(e, r, entry_url(e), ()) for e, r in held_items)
    statics = follow_bundles(items, statics)  # files beside my-post/index.md go where the post goes
    diags += check_aliases(items, statics)
    diags += _url_owners(items, statics)
    posts = tuple(sorted((i for i in items if i.entry.kind is not Kind.PAGE), key=_order_key))
    pages = tuple(sorted((i for i in items if i.entry.kind is Kind.PAGE),
                         key=lambda i: (i.entry.order if i.entry.order is not None else 1000,
                                        i.entry.title.casefold(), i.url)))
    neighbours = {item.url: (posts[i - 1] if i > 0 else None, posts[i + 1] if i + 1 < len(posts) else None)
                  for i, item in enumerate(posts)}
    site = Site(config, posts, tuple(i for i in posts if i.entry.kind is Kind.CASE_STUDY), pages,
                _tags(posts, names), _archive(posts), neighbours, tuple(sorted(held, key=lambda h: h.rel)),
                drafts_, statics)
    return site, tuple(diags)


def _consent_of(decision: Publication | None) -> tuple[Consent | None, bool]:
    return (decision.consent, decision.client_reviewed) if decision is not None else (None, False)


def _sort_out(entries: list[tuple[Entry, Rendered]], now: datetime, drafts: bool,
              decisions: Mapping[str, Publication]) -> tuple[list, list[HeldBack], list]:
    """(published, why each other one is held back, the held-back entries themselves)."""
    published: list[tuple[Entry, Rendered]] = []
    held: list[HeldBack] = []
    held_items: list[tuple[Entry, Rendered]] = []
    for entry, rendered in entries:
        decision = decisions.get(entry.rel)
        if decision is not None and decision.held_back:
            reason = decision.held_back  # a withdrawal holds it back even in a preview with drafts
        elif entry.draft and not drafts:
            reason = "draft"
        elif entry.date and entry.date > now and not drafts:
            reason = f"scheduled for {entry.date:%Y-%m-%d %H:%M}"
        else:
            published.append((entry, rendered))
            continue
        held.append(HeldBack(entry.rel, entry.title, reason))
        held_items.append((entry, rendered))
    return published, held, held_items


def _tag_names(published: list[tuple[Entry, Rendered]]) -> tuple[dict[str, str], list[Diagnostic]]:
    """One tag per slug, named by its first use in time (oldest post first); other spellings warned."""
    from .validate import tag_slug

    chronological = sorted(published, key=lambda er: (er[0].date.timestamp() if er[0].date else 0,
                                                      er[0].slug, er[0].rel))
    names: dict[str, str] = {}
    first_file: dict[str, str] = {}
    diags: list[Diagnostic] = []
    for entry, _ in chronological:
        if entry.kind is Kind.PAGE:
            continue
        for i, tag in enumerate(entry.tags):
            slug = tag_slug(tag)
            if slug not in names:
                names[slug], first_file[slug] = tag, entry.rel
            elif names[slug] != tag:
                line = entry.doc.key_lines.get(f"tags.{i}", entry.doc.key_lines.get("tags"))
                diags.append(warning(entry.rel, line, "tag.spelling",
                                     f"tag {tag!r} is shown as {names[slug]!r}, its spelling in {first_file[slug]}",
                                     "spell a tag the same way everywhere"))
    return names, diags


def _tag_refs(entry: Entry, names: dict[str, str], refs: dict[str, TagRef]) -> tuple[TagRef, ...]:
    from .validate import tag_slug

    out: dict[str, TagRef] = {}
    for tag in entry.tags:
        slug = tag_slug(tag)
        if slug not in refs:
            refs[slug] = TagRef(names.get(slug, tag), slug, f"tags/{slug}/")
        out.setdefault(slug, refs[slug])
    return tuple(out.values())


def _url_owners(items: list[Item], statics: tuple[StaticFile, ...]) -> list[Diagnostic]:
    """Every URL belongs to exactly one file."""
    diags: list[Diagnostic] = []
    owners: dict[str, Entry] = {}
    for item in items:
        first = item.url.split("/", 1)[0]
        if item.entry.kind is Kind.PAGE and first in RESERVED:
            diags.append(error(item.entry.rel, item.entry.doc.key_lines.get("slug", 1), "url.reserved",
                               f"a page cannot use the address /{item.url}: the site uses it for its own pages",
                               "give the page another slug, e.g. slug: about-my-practice"))
        other = owners.get(item.url)
        if other is not None:
            a, b = sorted([other.rel, item.entry.rel])
            later = item.entry if item.entry.rel == b else other
            diags.append(error(b, later.doc.key_lines.get("slug", 1), "url.collision",
                               f"{a} and {b} would both be published at /{item.url}",
                               "give one of them another slug (a line like slug: another-name) or rename it"))
        else:
            owners[item.url] = item.entry
    for static in statics:
        if static.out.rstrip("/") + "/" in owners or static.out.removesuffix("index.html") in owners:
            diags.append(error(static.rel, None, "url.collision",
                               f"this file would overwrite the page at /{static.out}", "rename or move it"))
    return diags


def _tags(posts: tuple[Item, ...], names: dict[str, str]) -> tuple[Tag, ...]:
    by_tag: dict[str, list[Item]] = {}
    for item in posts:
        for ref in item.tags:
            by_tag.setdefault(ref.slug, []).append(item)
    return tuple(sorted((Tag(names[s], s, f"tags/{s}/", tuple(v)) for s, v in by_tag.items()),
                        key=lambda t: (t.name.casefold(), t.slug)))


def _archive(posts: tuple[Item, ...]) -> tuple[tuple[int, tuple[Item, ...]], ...]:
    years: dict[int, list[Item]] = {}
    for item in posts:
        years.setdefault(item.entry.date.year if item.entry.date else 0, []).append(item)
    return tuple((y, tuple(v)) for y, v in sorted(years.items(), reverse=True))
