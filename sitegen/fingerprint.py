"""Fingerprints: a hash of exactly what a page, an item or the settings consist of.

Everything is derived from the dataclasses themselves: a fingerprint walks every field of
every dataclass it meets, so a field added to `Entry`, `Rendered`, `Item` or `SiteConfig`
is covered the day it is added, with no list to keep in step.  One piece of metadata
matters: a field declared with `body_field()` is *derived from a post's text* (its HTML,
its words, the hash of its file).  A page whose templates never read a post's text (a list
of titles and summaries) depends on every field but those, so adding a sentence to one
post does not re-render every list it appears in.

A page's key covers the page's own data, the source of every template its template
extends, includes or imports, the settings, and whichever parts of `site` those templates
read (found by walking the templates' syntax trees, so a user template that lists
`site.posts` in a sidebar makes every page depend on every post, as it must).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import operator
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

BODY = "body"  # field metadata: the value is derived from the post's text
_PLAIN = frozenset({str, int, float, bool})  # exactly these types: their value is their fingerprint
_ALL = "*"
_READS_BODY = "(body)"
_ANALYSIS = "reads-1"  # the shape of what `_analyse` keeps in the cache: a new shape, a new name
_MISSING = "(no such attribute)"


def body_field(**kwargs: Any) -> Any:
    """Declare a dataclass field derived from a post's text (see the module docstring)."""
    return dataclasses.field(metadata={BODY: True}, **kwargs)


def body_names(*classes: type) -> frozenset[str]:
    """The names of the text-derived fields of these dataclasses (what a template reading
    `.html` or `.words` reads)."""
    return frozenset(f.name for cls in classes for f in dataclasses.fields(cls) if f.metadata.get(BODY))


def h(*parts: object) -> str:
    """A short, stable hash of any repr-able value."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Walker:
    """Turns a value into a repr-able tuple of everything it holds.

    `with_body=False` leaves out text-derived fields; `known` maps id(obj) to a fingerprint
    already computed for that object (a post's entry, worked out once per file)."""

    def __init__(self, with_body: bool = True, known: Mapping[int, str] | None = None):
        self.with_body = with_body
        self.known = known or {}
        self._memo: dict[int, Any] = {}

    def worked_out(self, v: Any) -> str | None:
        """The fingerprint of an object this walker was given or has walked; None when neither."""
        key = id(v)
        if key in self.known:
            return self.known[key]
        got = self._memo.get(key)
        return got[1] if got is not None else None

    def value(self, v: Any) -> Any:
        if v is None or type(v) in _PLAIN or isinstance(v, (str, int, float, bool)):
            return v
        key = id(v)
        if key in self.known:
            return self.known[key]
        if key in self._memo:
            return self._memo[key][1]
        cls = type(v)
        shape = _SHAPES[self.with_body].get(cls)
        if shape is None and dataclasses.is_dataclass(v) and not isinstance(v, type):
            shape = _shape(cls, self.with_body)
        if shape is not None:
            names, get = shape
            # the field names and their values, each fingerprinted (one attrgetter call, one map)
            out = h(cls.__name__, names, tuple(map(self._quick, get(v))))
            self._memo[key] = (v, out)  # the object is kept alive, so its id cannot be reused meanwhile
            return out
        if isinstance(v, Mapping):
            return tuple(sorted((str(k), self._quick(x)) for k, x in v.items()))
        if isinstance(v, (list, tuple, frozenset, set)):
            items: Any = tuple(map(self._quick, v))
            items = tuple(sorted(items, key=repr)) if isinstance(v, (set, frozenset)) else items
            if len(items) > 16:  # long lists: hash them once rather than carry them around
                items = h(items)
                self._memo[key] = (v, items)
            return items
        if isinstance(v, (datetime.date, datetime.time)):
            return v.isoformat()
        if isinstance(v, enum.Enum):
            return v.value
        if isinstance(v, PurePath):
            return str(v)
        return repr(v)

    def _quick(self, v: Any) -> Any:
        """value(v), answered here for what most fields hold (plain values, objects already
        fingerprinted): a page key meets hundreds of thousands of them at 10,000 posts."""
        if v is None or type(v) in _PLAIN:
            return v
        got = self.known.get(id(v))
        if got is not None:
            return got
        got = self._memo.get(id(v))
        return got[1] if got is not None else self.value(v)


# A dataclass → (the names of the fields a fingerprint covers, a getter of their values as one tuple),
# with the text-derived fields (True) and without (False).
_SHAPES: dict[bool, dict[type, tuple[tuple[str, ...], Any]]] = {True: {}, False: {}}


def _shape(cls: type, with_body: bool) -> tuple[tuple[str, ...], Any]:
    names = tuple(f.name for f in dataclasses.fields(cls) if with_body or not f.metadata.get(BODY))
    get = operator.attrgetter(*names) if len(names) > 1 else \
        (lambda v, n=names[0] if names else None: (getattr(v, n),) if n else ())
    _SHAPES[with_body][cls] = (names, get)
    return names, get


def shown(entry: Any, rendered: Any) -> str:
    """What a list page can show of a post: its entry and rendering without the text-derived fields."""
    walker = Walker(with_body=False)
    return h(walker.value(entry), walker.value(rendered))


def of(value: Any, with_body: bool = True) -> str:
    """The fingerprint of one value (a config, an entry, …)."""
    return h(Walker(with_body).value(value))


class PageKeys:
    """The key of each page: re-render a page only when its key changed since the last build.

    `per_file` maps each source file to (the hash of the file and its settings — everything,
    body included —, the fingerprint of its entry and rendering without the body).
    `reused` (kept by a resident process) maps id(item) to (item, its two fingerprints) from the
    last build: an item that is still the very same object (media.attach reuses an equal one)
    has the same fingerprints, as everything it holds was hashed from the same files.
    `last_pages` (kept by a resident process too) maps each page to (what its key was made of,
    the key): a page made of equal parts renders the same, so it keeps its key; `made` holds
    this build's, for the next."""

    def __init__(self, env: jinja2.Environment, site: Any, per_file: Mapping[str, tuple[str, str]],
                 analysed: Mapping[str, tuple] | None = None,
                 reused: Mapping[int, tuple[Any, str | None, str | None]] | None = None,
                 last_pages: Mapping[str, tuple[tuple, str]] | None = None):
        self.env = env
        self.analysed: dict[str, tuple] = dict(analysed or {})  # what earlier builds found in each template
        self.used: dict[str, tuple] = {}  # what this build needed of it: recorded for the next
        self.site = site
        self.config = of(site.config)
        self._closure: dict[str, tuple[str, frozenset[str], dict[str, tuple]]] = {}
        self._reads: dict[tuple[str, tuple[str, ...]], tuple] = {}
        self._parts: dict[tuple[str, bool], str] = {}
        self._by_template: dict[str, tuple[str, bool, tuple[str, ...]]] = {}
        self.last_pages = last_pages
        self.made: dict[str, tuple[tuple, str]] = {}
        known: dict[bool, dict[int, str]] = {True: {}, False: {}}
        for item in (*site.posts, *site.pages, *site.drafts):
            full, nobody = per_file.get(item.entry.rel, (item.entry.rel, item.entry.rel))
            known[True][id(item.entry)] = known[True][id(item.rendered)] = full
            known[False][id(item.entry)] = known[False][id(item.rendered)] = nobody
            last = reused.get(id(item)) if reused else None
            if last is not None and last[0] is item:
                for mode, key in ((True, last[1]), (False, last[2])):
                    if key is not None:
                        known[mode][id(item)] = key
                continue
            for part in (item.links, item.preview):  # flat records of strings and numbers: their repr says it all
                if part:
                    known[True][id(part)] = known[False][id(part)] = h(part)
        self._walkers = {mode: Walker(mode, known[mode]) for mode in (True, False)}

    def template(self, name: str) -> tuple[str, frozenset[str]]:
        """(hash of the template and everything it pulls in, the `site.*` attributes they read,
        plus "(body)" when any of them may read a post's text)."""
        return self._template(name)[:2]

    def _template(self, name: str) -> tuple[str, frozenset[str], dict[str, tuple]]:
        """template(name), and what each template of it does with the names it loads."""
        if name not in self._closure:
            seen: dict[str, str] = {}
            found: dict[str, tuple] = {}
            uses: set[str] = set()
            todo = [name]
            while todo:
                n = todo.pop()
                if n in seen:
                    continue
                source, filename, _ = self.env.loader.get_source(self.env, n)
                seen[n] = source
                refs, read, body, found[n] = self._analyse(n, source, filename)
                if None in refs:
                    uses.add(_ALL)  # a computed template name: depend on every template
                    todo.extend(self.env.list_templates())
                todo.extend(r for r in refs if r is not None)
                uses |= read
                if body:
                    uses.add(_READS_BODY)
            self._closure[name] = (h(sorted(seen.items())), frozenset(uses), found)
        return self._closure[name]

    def reads(self, name: str, context: Mapping[str, Any]) -> tuple[tuple[bool, bool, tuple[str, ...]] | None, ...]:
        """What the template `name` (and all it pulls in) reads of each value in `context`, in its
        order: None for the whole value, else (whether its truth is read, its length, the
        attributes read)."""
        key = (name, tuple(context))
        got = self._reads.get(key)
        if got is None:
            from .template_reads import LENGTH, TRUTH, reads

            found = reads(self._template(name)[2], context)
            got = self._reads[key] = tuple(
                None if r is None else (TRUTH in r, LENGTH in r, tuple(sorted(r - {TRUTH, LENGTH})))
                for r in (found[n] for n in context))
        return got

    def _analyse(self, name: str, source: str, filename: str | None) -> tuple[tuple, frozenset[str], bool, tuple]:
        """(templates it refers to, `site.*` it reads, whether it may read a post's text, what it
        does with each name it loads): parsed once per version of its source, and remembered
        across builds (`analysed`)."""
        key = h(_ANALYSIS, source, sorted(self._body_names()))
        if key not in self.analysed:
            from jinja2 import meta  # Jinja is loaded only when pages are keyed, never on a no-change build

            from . import template_reads

            ast = self.env.parse(source, name, filename)
            self.analysed[key] = (tuple(meta.find_referenced_templates(ast)), frozenset(_site_attributes(ast)),
                                  _reads_body(ast, self._body_names()), template_reads.findings(ast))
        self.used[key] = self.analysed[key]
        return self.analysed[key]

    @functools.cache  # noqa: B019 - one PageKeys per build; the names never change
    def _body_names(self) -> frozenset[str]:
        from .markup import Rendered
        from .parse import Document
        from .validate import CaseFacts, Entry

        return body_names(Entry, Document, Rendered, CaseFacts)

    def site_part(self, name: str, with_body: bool) -> str:
        key = (name, with_body)
        if key not in self._parts:
            names = [f.name for f in dataclasses.fields(self.site) if f.name != "config"]
            if name not in names:  # a method or unknown attribute: depend on everything
                value: Any = tuple(self.site_part(n, with_body) for n in names)
            else:
                value = self._walkers[with_body].value(getattr(self.site, name))
            self._parts[key] = h(name, value)
        return self._parts[key]

    def page(self, rel: str, template: str, context: Mapping[str, Any], absolute_links: bool) -> str:
        got = self._by_template.get(template)
        if got is None:
            tpl_hash, uses = self.template(template)
            with_body = _READS_BODY in uses
            got = self._by_template[template] = (tpl_hash, with_body, tuple(self.site_part(u, with_body)
                                                                             for u in sorted(uses - {_READS_BODY})))
        tpl_hash, with_body, parts = got
        if self.last_pages is None:
            return self._key(rel, template, tpl_hash, with_body, parts, context, absolute_links)
        made_of = (template, tpl_hash, self.config, parts, absolute_links, tuple(context.items()))
        last = self.last_pages.get(rel)
        if last is not None and last[0] == made_of:  # the same objects, mostly: compared by identity first
            key = last[1]
        else:
            key = self._key(rel, template, tpl_hash, with_body, parts, context, absolute_links)
        self.made[rel] = (made_of, key)
        return key

    def _key(self, rel: str, template: str, tpl_hash: str, with_body: bool, parts: tuple[str, ...],
             context: Mapping[str, Any], absolute_links: bool) -> str:
        return h(rel, template, tpl_hash, self.config, parts,
                 _context(context, self.reads(template, context), self._walkers[with_body]), absolute_links)

    def item_keys(self, items: Iterable[Any]) -> dict[int, tuple[Any, str | None, str | None]]:
        """id(item) → (item, its fingerprint with the text, without) as this build found them,
        for the next build of a resident process (`reused`)."""
        out: dict[int, tuple[Any, str | None, str | None]] = {}
        for item in items:
            full, nobody = self._walkers[True].worked_out(item), self._walkers[False].worked_out(item)
            if full is not None or nobody is not None:
                out[id(item)] = (item, full, nobody)
        return out

    def everything(self, *names: str) -> tuple[str, ...]:
        """Fingerprints of site parts including the posts' text (the search index holds their words)."""
        return tuple(self.site_part(n, True) for n in names)


def _context(context: Mapping[str, Any], reads: tuple, walker: Walker) -> tuple:
    """A page's own data, as far as its templates can show it (`reads`, PageKeys.reads): of a
    record whose templates read only some attributes (a neighbour's title and address), its
    truth, its length and those attributes; anything else whole."""
    out = []
    for (name, value), read in zip(context.items(), reads):
        if read is None or value is None or not dataclasses.is_dataclass(value) or isinstance(value, type) \
                or (read[1] and not hasattr(value, "__len__")):
            out.append((name, walker._quick(value)))
            continue
        truth, length, attrs = read
        out.append((name, type(value).__name__, bool(value) if truth else None, len(value) if length else None,
                    tuple([walker._quick(getattr(value, a, _MISSING)) for a in attrs])))
    return tuple(out)


def _reads_body(ast: Any, body: Iterable[str]) -> bool:
    """Whether a template may read a post's text: one of its text-derived fields by name, a
    computed subscript, or the `attr` filter (which we cannot see through)."""
    from jinja2 import nodes

    body = frozenset(body)
    if any(n.attr in body for n in ast.find_all(nodes.Getattr)):
        return True
    for n in ast.find_all(nodes.Getitem):
        if not isinstance(n.arg, nodes.Const) or n.arg.value in body:
            return True
    return any(n.name == "attr" for n in ast.find_all(nodes.Filter))


def _site_attributes(ast: Any) -> set[str]:
    """Names of `site.X` read by a template; `*` when `site` is used whole (passed on, iterated)."""
    from jinja2 import nodes

    used: set[str] = set()
    attr_names = set()
    for node in ast.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "site":
            used.add(node.attr)
            attr_names.add(id(node.node))
    for node in ast.find_all(nodes.Getitem):
        if isinstance(node.node, nodes.Name) and node.node.name == "site":
            used.add(_ALL)
            attr_names.add(id(node.node))
    for node in ast.find_all(nodes.Name):
        if node.name == "site" and node.ctx == "load" and id(node) not in attr_names:
            used.add(_ALL)
    return used
