"""Build a site: the one place where the stages meet.

    build(site_dir, options)
      read_sources   discover content/ and static/, read the client register, hash each file
      process        parse, validate, render the Markdown of and scan each changed file
                     (these two: perfile.py)
      assemble       the consent gate, then the site model: what is published, where, in what order
      plan_pages     every page with the key of what it shows; a page whose key is unchanged,
                     and whose file is still in the output, is not rendered again (plan.py)
      render         those pages, the sitemap and the search index
      audit          nothing private or held back in any file about to be written
      commit         the output folder, atomically, then the cache

Each stage is a function from frozen values to frozen values.  Work is never done twice:
per-file results come from the cache when a file's bytes and the settings are unchanged,
and a build with no change at all is answered by quick.py before any stage is loaded.
Changed files and pages to render are shared among worker processes (pool.py) when there
are enough of them to pay for it.  Any error found in any file stops the build before
anything is written, so the previous output stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from . import collector, fingerprint, privacy, quick
from .aliases import redirect_pages
from .cache import CACHE_DIR, Cache, output_identity
from .cards import Card
from .cards import store as store_card
from .cards import unstored as unstored_cards
from .errors import ContentErrors, Diagnostic, Severity, sorted_diagnostics
from .exposure import PrivateFile, private_files
from .files import OutputFile
from .markup import Rendered
from .media import Media, as_written, attach, sweep
from .model import Publication, Site, build_site
from .options import BuildOptions, BuildResult
from .perfile import Processed, Sources, process, process_source, read_sources
from .plan import EXTRA_FILES, PagePlan, plan_pages, unique
from .pool import PARALLEL_MIN, run_parallel, workers_for
from .privacy.photos import photo_consent
from .render import Job, render_extras, render_page
from .validate import Entry
from .write import Held, WriteResult, held_output, write_output

__all__ = ["BuildOptions", "BuildResult", "build", "check", "process_source"]

def build(site_dir: Path, options: BuildOptions = BuildOptions(), look: quick.Look | None = None) -> BuildResult:
    """Build the site in site_dir; raise ContentErrors (nothing written) if any file has an error.

    `look`: what quick.try_unchanged found for the same site and options, when it found work
    to do (the build goes on from its start and its open cache)."""
    with collector.paused():  # see collector.py: a tenth of a one-edit build at 10,000 posts
        if look is not None and look.start is not None and look.cache is not None:
            start, cache = look.start, look.cache
        else:
            start = quick.start(site_dir, options)
            cache = quick.open_cache(start.site_dir)
        try:
            return _stages(start, cache, look is None)
        finally:
            cache.close()


def _stages(start: quick.Start, cache: Cache, ask_unchanged: bool) -> BuildResult:
    if start.options.write and not start.options.clean and ask_unchanged:
        answer = quick.unchanged(cache, start)
        if answer is not None:
            return answer
    lap = _Timer()
    sources = read_sources(start, cache)
    lap("discover")
    processed = process(sources, start, cache)
    lap(f"parse+markup ({processed.parsed})")
    assembled = assemble(processed, sources, start, cache)
    with _held_output(start) as held:  # read once, and locked until it is written
        plan = plan_pages(assembled, processed, sources, start, cache, held)
        lap(f"model+page keys ({len(plan.todo)} to render)")
        files = render(plan, assembled, start)
        lap("render")
        audit(files, plan, assembled)
        result = commit(files, plan, assembled, sources, start, cache, held)
    lap("write+cache")
    return result


def _held_output(start: quick.Start) -> contextlib.AbstractContextManager[Held | None]:
    """The output folder, locked from planning the pages to writing them (nothing, for a check)."""
    if not start.options.write:
        return contextlib.nullcontext()
    memory = start.options.memory
    return held_output(start.output, memory.output_files(start.inputs.output) if memory is not None else None,
                       throwaway=memory is not None and start.options.preview)


def check(site_dir: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Run every validation and the privacy scan; write nothing."""
    return build(site_dir, replace(options, write=False))


class _Timer:
    """Wall-clock time of each stage, printed to stderr when SITEGEN_TIMINGS is set (for profiling)."""

    def __init__(self) -> None:
        self.on = bool(os.environ.get("SITEGEN_TIMINGS"))
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        if self.on:
            now = time.perf_counter()
            print(f"  {stage:<32} {now - self.last:7.3f} s", file=sys.stderr)
            self.last = now


def _raise_if_errors(diags: list[Diagnostic], strict: bool, private: tuple = ()) -> None:
    # --strict makes warnings errors; review items already hold their case study back.
    if any(d.is_error for d in diags) or (strict and any(not d.is_review for d in diags)):
        raise ContentErrors([d.as_error() if strict and not d.is_review else d for d in diags], private)


# -- assemble -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Assembled:
    site: Site
    warnings: tuple[Diagnostic, ...]
    parsed: int  # source files worked out afresh (the rest came from the cache)
    private: tuple[PrivateFile, ...] = ()  # sources holding private material, for the git check
    media: Media | None = None  # what the cache keeps for the pictures and cards


def assemble(processed: Processed, sources: Sources, start: quick.Start, cache: Cache) -> Assembled:
    """The consent gate, the site model, then its links, pictures and cards (media.py); every
    error found so far stops the build here."""
    diags = list(sources.diagnostics) + list(processed.diagnostics)
    entries: list[tuple[Entry, Rendered]] = []
    for r in processed.results:
        diags.extend(r.diagnostics)
        if r.entry is not None and r.rendered is not None:
            entries.append((r.entry, r.rendered))
    decisions: dict[str, Publication] = {}
    today = start.run.today(start.config)
    reviews = privacy.review_counts(diags)  # unconfirmed review items hold a case study back (issue 12)
    for entry, rendered in entries:  # consent depends on today's date and on the register: never cached
        checked = privacy.check_consent(entry, sources.register, start.config, today)
        if checked is not None:
            photos, found = photo_consent(entry, rendered, checked.consent)  # pictures need consent too
            diags.extend(checked.diagnostics + found)
            held = checked.held_back or photos or privacy.review_hold(reviews.get(entry.rel, 0), entry,
                                                                       start.options.preview)
            decisions[entry.rel] = Publication(checked.consent, checked.reviewed, held)
    if not start.options.write:  # sitegen check reminds about clients missing from the register
        diags.extend(privacy.register_reminders((e for e, _ in entries), sources.register))
    if start.options.preview and reviews:  # the preview shows them, with the items marked
        entries = privacy.mark_review_items(entries, diags)
    site, found = build_site(start.config, entries, sources.found.statics, now=start.run.now,
                             drafts=start.run.drafts, decisions=decisions)
    diags.extend(found)
    # Issue 18: which sources must never reach a public git repository (checked against git by the CLI).
    private = private_files((e for e, _ in entries), site.held_back, diags, start.config.privacy.register)
    _raise_if_errors(diags, start.options.strict, private)
    stats = {} if start.options.clean else (cache.record("image-stats") or {})
    memory = start.options.memory
    media = attach(site, start.site_dir / CACHE_DIR, stats, start.options.jobs, memory)
    diags.extend(media.diagnostics)
    _raise_if_errors(diags, start.options.strict, private)
    return Assembled(media.site, sorted_diagnostics(d for d in diags if not d.is_error), processed.parsed, private,
                     media)


# -- render -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _RenderWork:
    env: jinja2.Environment
    site: Site
    todo: tuple[Job, ...]
    site_dir: Path
    cards: tuple[Card, ...] = ()  # preview cards to draw, after the pages, by the same workers
    card_dir: Path | None = None


def render(plan: PagePlan, assembled: Assembled, start: quick.Start) -> tuple[OutputFile, ...]:
    """The pages to render and the preview cards to draw (in workers when many), then the
    sitemap and the search index if due."""
    media = assembled.media
    cards = media.cards_todo if media is not None else ()
    n = len(plan.todo)
    workers = workers_for(n + len(cards), start.options.jobs, PARALLEL_MIN)
    unstored: dict[str, bytes] = {}  # cards the cache could not take (a full disk): published from memory
    if cards and workers > 1:  # one drawn here first: the workers inherit the font and glyphs it loads
        if (data := store_card(cards[0], media.cache_dir)) is not None:
            unstored[cards[0].key] = data
        cards = cards[1:]
    work = _RenderWork(plan.env, assembled.site, plan.todo, start.site_dir, cards,
                       media.cache_dir if media is not None else None)
    results = run_parallel(_render_task, work, n + len(cards), workers,
                           lambda i: f"rendering {plan.todo[i].rel}" if i < n else
                           f"drawing the preview card of {cards[i - n].title!r}", start.options.progress,
                           warm_first=True)
    unstored.update((card.key, data) for card, data in zip(cards, results[n:]) if data is not None)
    results = results[:n] + [OutputFile(out, data) for out, data in unstored_cards(assembled.site.statics, unstored)]
    errors = [r for r in results if isinstance(r, Diagnostic)]
    if errors:
        raise ContentErrors(unique(errors))
    memory = start.options.memory
    extras = render_extras(assembled.site, memory.extras if memory is not None else None, plan.pages) \
        if plan.extras else []
    # Old addresses (aliases:) get a small page each that sends the reader on: cheap, so always made.
    redirects = redirect_pages(assembled.site, taken=set(plan.pages))
    return tuple(results) + tuple(extras) + tuple(redirects)


def _render_task(work: _RenderWork, i: int) -> OutputFile | Diagnostic | bytes | None:
    if i >= len(work.todo):
        return store_card(work.cards[i - len(work.todo)], work.card_dir)
    return render_page(work.env, work.site, work.todo[i], work.site_dir)


# -- audit and commit -------------------------------------------------------------------------------

def audit(files: tuple[OutputFile, ...], plan: PagePlan, assembled: Assembled) -> None:
    """Nothing private or held back in the files about to be written (unchanged ones passed before)."""
    found = privacy.audit_output(files, plan.needles, lambda: _public_text(assembled.site))
    if found:
        raise ContentErrors(list(assembled.warnings) + list(found), assembled.private)


def _public_text(site: Site) -> Iterator[str]:
    """Everything the site publishes as text: held-back text found here is not a leak."""
    cfg = site.config
    yield "\n".join((cfg.title, cfg.description, cfg.author, cfg.business))
    for item in site.posts + site.pages:
        written = as_written(item.rendered)  # the words are what counts: no need to put links in
        yield "\n".join((item.title, item.entry.summary, written.html, written.summary_html))


def commit(files: tuple[OutputFile, ...], plan: PagePlan, assembled: Assembled, sources: Sources,
           start: quick.Start, cache: Cache, held: Held | None = None) -> BuildResult:
    """Write the output folder (pages not rendered are kept as they are), then record the build."""
    site = assembled.site
    rendered = {f.rel: f for f in files}
    out_files = [rendered.get(rel, OutputFile(rel, None)) for rel in (*plan.pages, *EXTRA_FILES)]
    n_pages = sum(1 for f in out_files if f.rel.endswith(".html"))
    listed = {*plan.pages, *EXTRA_FILES}
    out_files += [f for rel, f in rendered.items() if rel not in listed]  # redirect pages
    n_files = len(out_files) + len(site.statics)
    written: WriteResult | None = None
    warnings = assembled.warnings
    if start.options.write:
        memory = start.options.memory
        if memory is not None:
            memory.output = None  # until this write has succeeded
        written = write_output(start.output, out_files, site.statics, held)
        identity = output_identity(start.output)
        if memory is not None:
            memory.output = (identity, written.listing)
        due = min((i.entry.date.timestamp() for i in site.drafts if i.entry.date and not i.entry.draft
                   and start.run.now and i.entry.date > start.run.now), default=None)
        lasting = tuple(d for d in assembled.warnings if not d.code.startswith("cache."))  # replayed if nothing changes
        last = quick.LastBuild(inputs=replace(start.inputs, output=identity), due=due,
                               diagnostics=lasting, held_back=site.held_back, pages=n_pages,
                               files=n_files, needles=fingerprint.h(plan.needles),
                               private=tuple((p.rel, p.reasons) for p in assembled.private))  # plain: no imports
        records = {"stats": dict(sources.stats), "templates": dict(plan.templates)}
        if memory is None:
            records.update(pages=dict(plan.keys), last=last)
        else:  # the preview's own folder: its build and page keys stay in memory, and the cache keeps
            # describing the last build of the site's real output (the next `sitegen build` renders
            # only what changed since, not every page)
            memory.last = (last, dict(plan.keys))
        media = assembled.media
        if media is not None:
            records["image-stats"] = dict(media.image_stats)
            sweep(start.site_dir / CACHE_DIR, media.keep)
        unsaved = cache.commit(records, keep=set(sources.keys))
        if unsaved:
            warnings += (Diagnostic(".sitegen-cache", None, Severity.WARNING, "cache.unsaved", unsaved),)
    return BuildResult(config=start.config, site=site, diagnostics=warnings, pages=n_pages, files=n_files,
                       written=written, output=start.output if start.options.write else None,
                       elapsed=time.perf_counter() - start.started, held_back=site.held_back,
                       parsed=assembled.parsed, rendered=len(files),
                       outputs=files if not start.options.write else (), private=assembled.private)
