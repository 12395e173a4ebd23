"""The plan_pages stage: every page with the key of what it shows, and the pages to render.

A page whose key is unchanged since the last build, and whose file is still in the output,
is not rendered again (fingerprint.py says what a key covers).  The sitemap and the search
index share one key (EXTRAS): every post's fingerprint, text included.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import jinja2

from . import fingerprint, privacy, quick
from .cache import Cache
from .errors import ContentErrors, Diagnostic
from .render import Job, make_env, template_diagnostic
from .render import jobs as page_jobs
from .write import Held

if TYPE_CHECKING:
    from .build import Assembled
    from .model import Site
    from .perfile import Processed, Sources

__all__ = ["EXTRAS", "PagePlan", "plan_pages", "unique"]

EXTRAS = "(extras)"  # the page key of the sitemap and search index together
EXTRA_FILES = ("sitemap.xml", "search-index.json")


@dataclass(frozen=True, slots=True)
class PagePlan:
    env: jinja2.Environment
    keys: Mapping[str, str]  # every page's key (and EXTRAS'), recorded for the next build
    todo: tuple[Job, ...]  # the pages to render; every other page's file is kept as it is
    pages: tuple[str, ...]  # every page's path in the output
    extras: bool  # the sitemap and the search index must be made again
    needles: tuple  # what the output audit looks for (privacy.audit_needles)
    templates: Mapping[str, tuple]  # what each template's source refers to and reads, for the next build


def plan_pages(assembled: Assembled, processed: Processed, sources: Sources, start: quick.Start,
               cache: Cache, held: Held | None = None) -> PagePlan:
    """Every page and its key; the pages whose key or file changed since the last build are to render."""
    site = assembled.site
    env = start.options.memory.env_for(start.site_dir, make_env) if start.options.memory else make_env(start.site_dir)
    rewrites = assembled.media.rewrites if assembled.media is not None else {}
    per_file = {r.entry.rel: _with_rewrite(key, r.shown, rewrites.get(r.entry.rel))
                for r, key in zip(processed.results, sources.keys) if r.entry is not None}
    memory = start.options.memory
    keys = fingerprint.PageKeys(env, site, per_file, cache.record("templates") if not start.options.clean else None,
                                memory.item_keys if memory is not None else None,
                                memory.page_keys if memory is not None else None)
    reasons = {h.rel: h.reason for h in site.held_back}
    needles = privacy.audit_needles([i.entry for i in site.posts + site.pages],
                                    [(i.entry, reasons.get(i.entry.rel, "held back")) for i in site.drafts],
                                    sources.register)
    previous = _previous_pages(cache, start, fingerprint.h(needles))
    present = held.present if held is not None and previous else frozenset()
    # (a page file deleted by hand is rendered again)
    jobs = list(page_jobs(site))
    page_keys, errors = _keyed(keys, jobs, start.site_dir)
    if errors:
        raise ContentErrors(unique(errors))
    todo = tuple(job for job in jobs if previous.get(job.rel) != page_keys[job.rel] or job.rel not in present)
    if memory is not None:
        memory.item_keys = keys.item_keys(site.posts + site.pages)
        memory.page_keys = keys.made
    page_keys[EXTRAS] = _extras_key(keys, site)
    extras = previous.get(EXTRAS) != page_keys[EXTRAS] or not set(EXTRA_FILES) <= present
    pages = tuple(k for k in page_keys if k != EXTRAS)
    return PagePlan(env, MappingProxyType(page_keys), todo, pages, extras, needles, keys.used)


def _extras_key(keys: fingerprint.PageKeys, site: Site) -> str:
    """The key of the sitemap and search index: every post's fingerprint, text included."""
    return fingerprint.h(keys.everything("posts", "pages"), site.config.site_url, keys.config)


def _keyed(keys: fingerprint.PageKeys, jobs: list[Job], site_dir: Path) -> tuple[dict[str, str], list[Diagnostic]]:
    made: dict[str, str] = {}
    errors: list[Diagnostic] = []
    for job in jobs:
        try:
            made[job.rel] = keys.page(job.rel, job.template, job.context, job.absolute_links)
        except jinja2.TemplateError as exc:  # the template cannot even be loaded or parsed
            errors.append(template_diagnostic(exc, site_dir))
    return made, errors


def _with_rewrite(key: str, shown: str, rewrite: str | None) -> tuple[str, str]:
    """A file's fingerprints (full, without its text) once its links and pictures are put into
    its text: the rewritten text is a function of the file and of what the rewriting used."""
    return (key, shown) if rewrite is None else (fingerprint.h(key, rewrite), fingerprint.h(shown, rewrite))


def _previous_pages(cache: Cache, start: quick.Start, needles: str) -> Mapping[str, Any]:
    """The last build's page keys, when it wrote the same output with the same settings and audit."""
    if not start.options.write or start.options.clean:
        return {}
    memory = start.options.memory
    kept = memory.last if memory is not None else None
    last = kept[0] if kept is not None else cache.record("last")
    if not isinstance(last, quick.LastBuild) or last.inputs.run_key != start.inputs.run_key \
            or last.inputs.output != start.inputs.output or last.needles != needles:
        return {}
    return kept[1] if kept is not None else (cache.record("pages") or {})


def unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics without repeats (the same template error met by many pages)."""
    seen: dict[tuple, Diagnostic] = {}
    for d in diags:
        seen.setdefault((d.path, d.line, d.message), d)
    return list(seen.values())
