"""What a page depends on: a hash of exactly the data and templates each page receives.

A page is re-rendered only when this key changes.  The key covers the page's own view
objects (each item by the hash of its source file and settings, its URL and tags), the
source of every template the page's template extends, includes or imports, the settings,
and whichever parts of `site` those templates read (found by walking the templates'
syntax trees, so a user template that lists `site.posts` in a sidebar makes every page
depend on every post, as it must).
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from typing import Any

import jinja2
from jinja2 import meta, nodes

from .model import Item, Site, Tag

_ALL = "*"
_BODY = "(body)"
_BODY_ATTRS = frozenset({"html", "text", "body", "words"})  # change with any edit of the body


def _h(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Fingerprints:
    def __init__(self, env: jinja2.Environment, site: Site, item_keys: dict[str, str]):
        self.env = env
        self.site = site
        self.item_keys = item_keys  # source rel → the cache key of its parse/markup/scan result
        self._closure: dict[str, tuple[str, frozenset[str]]] = {}
        cfg = site.config
        self.config_fp = _h(tuple((f.name, getattr(cfg, f.name)) for f in fields(cfg) if f.name not in ("now", "site_dir")))
        self._site_parts: dict[str, str] = {}
        self._items: dict[tuple[int, bool], str] = {}  # (id(item), with body) → fingerprint
        self._with_body = True  # whether the page being keyed reads item bodies (.html / .text)
        self._tags: dict[int, tuple] = {}

    # -- templates ---------------------------------------------------------------------------
    def template(self, name: str) -> tuple[str, frozenset[str]]:
        """(hash of the template and everything it pulls in, the `site.*` attributes they read).

        The attribute set also holds "(body)" when any of the templates reads an item's
        `.html` or `.text`: a list page that shows titles and summaries does not change when
        a sentence is added to one post's body, and is not rendered again."""
        if name in self._closure:
            return self._closure[name]
        seen: dict[str, str] = {}
        uses: set[str] = set()
        todo = [name]
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            source, filename, _ = self.env.loader.get_source(self.env, n)
            seen[n] = source
            ast = self.env.parse(source, n, filename)
            refs = list(meta.find_referenced_templates(ast))
            if any(r is None for r in refs):
                uses.add(_ALL)  # a computed template name: depend on every template
                todo.extend(self.env.list_templates())
            todo.extend(r for r in refs if r is not None)
            uses |= _site_attributes(ast)
            if _reads_body(ast):
                uses.add(_BODY)
        result = (_h(sorted(seen.items())), frozenset(uses))
        self._closure[name] = result
        return result

    # -- view objects ------------------------------------------------------------------------
    def item(self, item: Item | None) -> str:
        if item is None:
            return "-"
        key = (id(item), self._with_body)
        fp = self._items.get(key)
        if fp is None:
            if self._with_body:
                fp = _h(self.item_keys.get(item.entry.rel, item.entry.rel), item.url,
                        tuple((t.name, t.slug) for t in item.tags), item.consent, item.client_reviewed)
            else:  # everything about the item except its body
                e, r = item.entry, item.rendered
                fp = _h(e.kind.value, e.rel, e.title, e.date, e.updated, e.tags, e.slug, e.summary, e.draft,
                        e.learning, e.reflection_model, e.cpd_hours, e.order, e.case, sorted(e.doc.meta.items(), key=str),
                        r.summary_html, r.reading_minutes, item.url, tuple((t.name, t.slug) for t in item.tags),
                        item.consent, item.client_reviewed)
            self._items[key] = fp
        return fp

    def value(self, v: Any) -> Any:
        if isinstance(v, Item):
            return ("item", self.item(v))
        if isinstance(v, Tag):
            fp = self._tags.get((id(v), self._with_body))
            if fp is None:
                fp = self._tags[(id(v), self._with_body)] = (
                    "tag", v.name, v.slug, v.url, _h(tuple(self.item(i) for i in v.items)))
            return fp
        if isinstance(v, (list, tuple)):
            if len(v) > 16:  # long lists of items: hash them once rather than carry them around
                return _h(tuple(self.value(x) for x in v))
            return tuple(self.value(x) for x in v)
        if isinstance(v, dict):
            return tuple(sorted((str(k), self.value(x)) for k, x in v.items()))
        if v is None or isinstance(v, (str, int, float, bool)):
            return v
        return repr(v)

    def with_bodies(self, *names: str) -> tuple[str, ...]:
        """Fingerprints of site parts including item bodies (the search index holds their words)."""
        self._with_body = True
        return tuple(self.site_part(n) for n in names)

    def site_part(self, name: str) -> str:
        name_key = (name, self._with_body)
        if name_key not in self._site_parts:
            if name not in {f.name for f in fields(self.site)}:
                name = _ALL  # a method or unknown attribute: depend on everything
            if name == _ALL:
                value = tuple(self.site_part(f.name) for f in fields(self.site) if f.name != "config")
            else:
                value = self.value(getattr(self.site, name, None)) if name != "neighbours" else \
                    tuple(sorted((u, self.item(a), self.item(b)) for u, (a, b) in self.site.neighbours.items()))
            self._site_parts[name_key] = _h(name, value)
        return self._site_parts[name_key]

    def page(self, rel: str, template: str, context: dict[str, Any], absolute_links: bool) -> str:
        tpl_hash, uses = self.template(template)
        self._with_body = _BODY in uses
        parts = tuple(self.site_part(u) for u in sorted(uses - {_BODY}))
        return _h(rel, template, tpl_hash, self.config_fp, parts, self.value(context), absolute_links)


def _reads_body(ast: nodes.Template) -> bool:
    """Whether a template may read an item's body: `.html`, `.text`, `.body`, by name or by a
    computed subscript or the `attr` filter (which we cannot see through)."""
    if any(n.attr in _BODY_ATTRS for n in ast.find_all(nodes.Getattr)):
        return True
    for n in ast.find_all(nodes.Getitem):
        if not isinstance(n.arg, nodes.Const) or n.arg.value in _BODY_ATTRS:
            return True
    return any(n.name == "attr" for n in ast.find_all(nodes.Filter))


def _site_attributes(ast: nodes.Template) -> set[str]:
    """Names of `site.X` read by a template; `*` when `site` is used whole (passed on, iterated)."""
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
