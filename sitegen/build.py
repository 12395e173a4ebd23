"""The one place the stages meet: discover → parse → validate → markup → model → privacy → render → write.

Work is never done twice: per-file results come from the cache when the file's bytes and
the settings are unchanged, pages are re-rendered only when the data they receive changed,
unchanged output files are carried over untouched, and a build with no change at all stops
after comparing file sizes and times.  Cache misses and pages to render are shared among
worker processes when there are enough of them to pay for it.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable

from .cache import Cache, input_signature, output_identity, version_key
from .config import SiteConfig, load_config
from .errors import ContentErrors, Diagnostic, Severity, sorted_diagnostics

if TYPE_CHECKING:  # the heavy modules are imported only when there is work to do
    from .discover import SourceFile
    from .markup import Rendered
    from .model import HeldBack, Site
    from .privacy import Register
    from .render import Job, OutputFile
    from .validate import Entry
    from .write import WriteResult

THEME_DIR = Path(__file__).parent / "theme"
PARALLEL_MIN = 48  # fewer items than this are quicker done in this process than shipped to workers


@dataclass(frozen=True, slots=True)
class BuildOptions:
    output: Path | None = None  # default: SITE_DIR/output
    drafts: bool = False  # include drafts and scheduled posts (for previewing)
    strict: bool = False  # warnings count as errors
    base_url: str | None = None  # override site.toml (the dev server uses its own address)
    clean: bool = False  # ignore the build cache and rebuild everything
    write: bool = True  # False: check everything, write nothing (`sitegen check`)
    jobs: int | None = None  # worker processes; default: one per core
    progress: Callable[[int, int], None] | None = None  # (done, total) as files are read, then as pages are rendered


@dataclass(frozen=True, slots=True)
class BuildResult:
    config: SiteConfig
    site: Site | None  # None when nothing changed and the build stopped early
    diagnostics: tuple[Diagnostic, ...]  # warnings (errors raise ContentErrors)
    pages: int = 0  # HTML pages in the site
    files: int = 0  # files in the output, static files included
    written: WriteResult | None = None
    output: Path | None = None
    elapsed: float = 0.0
    held_back: tuple[HeldBack, ...] = field(default=())
    parsed: int = 0  # source files parsed (cache misses)
    rendered: int = 0  # pages rendered (the rest were unchanged)
    outputs: tuple[OutputFile, ...] = ()  # with write=False: every rendered file, for inspection


def _register_cached_types() -> None:
    from .cache import register_compact
    from .discover import SourceFile
    from .markup import Rendered
    from .parse import Document, Position
    from .validate import CaseFacts, Consent, Entry

    register_compact(SourceFile, Document, Position, Entry, CaseFacts, Consent, Rendered, Diagnostic, _Processed)


class _Timer:
    """Wall-clock time of each stage, printed to stderr when SITEGEN_TIMINGS is set (for profiling)."""

    def __init__(self) -> None:
        self.on = bool(os.environ.get("SITEGEN_TIMINGS"))
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        if self.on:
            now = time.perf_counter()
            print(f"  {stage:<22} {now - self.last:7.3f} s", file=sys.stderr)
            self.last = now


def _h(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _config_fp(config: SiteConfig) -> str:
    return _h(tuple((f.name, getattr(config, f.name)) for f in fields(config) if f.name not in ("now", "site_dir")))


def _raise_if_errors(diags: list[Diagnostic], strict: bool) -> None:
    if any(d.is_error for d in diags) or (strict and diags):
        raise ContentErrors([d.as_error() if strict else d for d in diags])


# -- per-file work: the unit of caching and of parallel work ----------------------------------

@dataclass(frozen=True, slots=True)
class _Processed:
    entry: Entry | None
    rendered: Rendered | None
    diagnostics: tuple[Diagnostic, ...]


def process_source(source: SourceFile, data: bytes, config: SiteConfig, register: Register) -> _Processed:
    """Parse, validate, render the Markdown of, and scan one file."""
    from . import privacy
    from .markup import render_markdown
    from .parse import parse_document
    from .validate import validate_document

    doc, diags = parse_document(source, data)
    if doc is None:
        return _Processed(None, None, tuple(diags))
    entry, found = validate_document(doc, config)
    diags = list(diags) + list(found)
    if entry is None:
        return _Processed(None, None, tuple(diags))
    rendered, found = render_markdown(doc.body, source.rel, doc.body_line, entry.summary, config.summary_words)
    diags.extend(found)
    if rendered is None:
        return _Processed(None, None, tuple(diags))
    diags.extend(privacy.scan_entry(entry, register, config))
    # Keep what later stages need and no more: the search index wants each word once, and
    # only drafts keep their body (the output audit looks for their sentences).
    rendered = replace(rendered, text=_search_words(rendered.text))
    # Positions of front-matter values served the scan above; drafts keep their body.
    doc = replace(doc, value_positions=_NO_POSITIONS, body=doc.body if entry.draft else "")
    entry = replace(entry, doc=doc)
    return _Processed(entry, rendered, tuple(diags))


def _search_words(text: str) -> str:
    seen: dict[str, None] = {}
    for w in text.split():
        w = w.strip(".,;:!?()[]\"'“”‘’—–-…").lower()
        if len(w) > 1:
            seen.setdefault(w, None)
    return " ".join(seen)


_NO_POSITIONS: Any = MappingProxyType({})
_WORK: dict[str, Any] = {}  # what forked workers inherit: set just before the pool starts


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _process_one(j: int) -> tuple[int, _Processed]:
    i = _WORK["misses"][j]
    source = _WORK["sources"][i]
    data = _WORK["data"].get(i)
    if data is None:
        try:
            data = source.path.read_bytes()
        except OSError as exc:
            from .discover import unreadable

            return j, _Processed(None, None, (unreadable(source.rel, exc),))
    return j, process_source(source, data, _WORK["config"], _WORK["register"])


def _render_one(i: int) -> tuple[int, Any]:
    from .render import render_job, template_diagnostic

    job = _WORK["jobs"][i]
    try:
        return i, render_job(_WORK["env"], _WORK["site"], job)
    except Exception as exc:  # a template error: reported with its template path and line
        return i, template_diagnostic(exc, _WORK["site_dir"])


def _pool_size(options: BuildOptions, n: int) -> int:
    import multiprocessing

    if n < PARALLEL_MIN or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods() \
            or sys.platform != "linux":
        return 1  # fork is the cheap way to share the model; never fork a threaded process
    return max(1, min(options.jobs or os.cpu_count() or 1, n // (PARALLEL_MIN // 2)))


def _map(fn: Callable[[int], tuple[int, Any]], n: int, workers: int, progress=None) -> list[Any]:
    out: list[Any] = [None] * n
    if workers <= 1:
        for i in range(n):
            out[i] = fn(i)[1]
            if progress:
                progress(i + 1, n)
        return out
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_worker_init) as pool:
        for done, (i, value) in enumerate(pool.imap_unordered(fn, range(n), chunksize=max(1, min(64, n // (workers * 8)))), 1):
            out[i] = value
            if progress:
                progress(done, n)
    return out


# -- the build ------------------------------------------------------------------------------

def build(site_dir: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the site in site_dir; raise ContentErrors (nothing written) if any file has an error."""
    started = time.perf_counter()
    site_dir = Path(site_dir)
    config, config_diags = load_config(site_dir, drafts=options.drafts, base_url=options.base_url)
    output = (Path(options.output) if options.output else site_dir / "output").absolute()
    if options.write:
        from .write import check_output_dir

        check_output_dir(output, site_dir)
    from .markup import EXTENSION_CONFIGS, EXTENSIONS

    cache = Cache(site_dir, version_key(f"{EXTENSIONS}|{EXTENSION_CONFIGS}|{site_dir.resolve()}"),
                  enabled=True)
    try:
        run_key = _h(_config_fp(config), str(output), options.base_url)
        config_files = [site_dir / "site.toml", site_dir / config.privacy.register]
        signature = _h(input_signature(site_dir, config_files, THEME_DIR))
        if options.write and not options.clean:
            quick = _unchanged(cache, config, run_key, signature, output, options, started)
            if quick is not None:
                return quick
        return _full_build(site_dir, config, list(config_diags), output, options, cache, run_key, signature, started)
    finally:
        cache.close()


def _unchanged(cache: Cache, config: SiteConfig, run_key: str, signature: str, output: Path,
               options: BuildOptions, started: float) -> BuildResult | None:
    """The last build's result, if no input, setting or output changed since and nothing fell due."""
    last = cache.record("last")
    if not last or last["run"] != run_key or last["inputs"] != signature or last["output"] != output_identity(output):
        return None
    now = (config.now.timestamp() if config.now else time.time())
    if last["due"] is not None and now >= last["due"]:
        return None  # a scheduled post's time has come
    if options.strict and last["diagnostics"]:
        return None
    return BuildResult(config, None, last["diagnostics"], last["pages"], last["files"], None, output,
                       time.perf_counter() - started, last["held_back"])


def _digests(sources: tuple[SourceFile, ...], stats: dict) -> tuple[list[str], dict, dict[int, bytes]]:
    """Each file's content hash; re-read only files whose size, times or inode changed."""
    digests: list[str] = []
    new_stats: dict[str, tuple] = {}
    data: dict[int, bytes] = {}
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
        if sig is not None:
            new_stats[s.rel] = (sig, digest)
    return digests, new_stats, data


def _full_build(site_dir: Path, config: SiteConfig, diags: list[Diagnostic], output: Path, options: BuildOptions,
                cache: Cache, run_key: str, signature: str, started: float) -> BuildResult:
    from . import privacy
    from .discover import discover
    from .model import build_site
    from .render import jobs as page_jobs, make_env, render_extras
    from .write import MissingOutput, write_output

    lap = _Timer()
    _register_cached_types()
    found = discover(site_dir, THEME_DIR / "static")
    diags.extend(found.diagnostics)
    register, reg_diags = privacy.load_register(site_dir, config.privacy.register)
    diags.extend(reg_diags)

    # Per-file results: from the cache when the bytes and the settings are the same.
    stats = (cache.record("stats") or {}) if not options.clean else {}
    lap("discover")
    digests, new_stats, data = _digests(found.sources, stats)
    setting_fp = _h(_config_fp(replace(config, drafts=False, base_url="")), register.secrets)
    keys = [_h(s.rel, s.kind.value, d, setting_fp) for s, d in zip(found.sources, digests)]
    cached = cache.get_many(keys) if not options.clean else {}
    if cache.warning:  # found while opening the cache or loading from it
        diags.append(Diagnostic(".sitegen-cache", None, Severity.WARNING, "cache.discarded", cache.warning))
    misses = [i for i, k in enumerate(keys) if k not in cached]
    lap(f"cache load ({len(cached)})")
    _WORK.update(sources=found.sources, config=config, register=register, misses=misses, data=data)
    try:
        results = _map(_process_one, len(misses), _pool_size(options, len(misses)), options.progress)
    finally:
        _WORK.clear()
    for i, value in zip(misses, results):
        cached[keys[i]] = value
        cache.put(keys[i], _without_source(value))
    entries: list[tuple[Entry, Rendered]] = []
    item_keys: dict[str, str] = {}
    for source, key in zip(found.sources, keys):
        p = cached[key]
        diags.extend(p.diagnostics)
        if p.entry is not None and p.rendered is not None:
            entry = p.entry if p.entry.doc.source is source else \
                replace(p.entry, doc=replace(p.entry.doc, source=source))
            entries.append((entry, p.rendered))
            item_keys[entry.rel] = key
    for entry, _ in entries:  # consent depends on today's date: never cached
        diags.extend(privacy.check_consent(entry, register, config))

    lap(f"parse+markup ({len(misses)})")
    site, model_diags = build_site(config, entries, found.statics)
    diags.extend(model_diags)
    _raise_if_errors(diags, options.strict)

    # Pages: render only those whose inputs changed since the last build into this output.
    from .incremental import Fingerprints

    env = make_env(site_dir)
    prints = Fingerprints(env, site, item_keys)
    held = [i.entry for i in site.drafts]
    published = [i.entry for i in site.posts + site.pages]
    needles = privacy.audit_needles(published, held, register)
    last = cache.record("last") if not options.clean else None
    reuse_ok = (options.write and last is not None and last.get("run") == run_key
                and last.get("output") == output_identity(output) and last.get("needles") == _h(needles))
    old_pages: dict[str, str] = (cache.record("pages") or {}) if reuse_ok else {}
    all_jobs = list(page_jobs(site))
    page_keys: dict[str, str] = {}
    todo: list[Job] = []
    files: dict[str, OutputFile | None] = {}
    template_errors: list[Diagnostic] = []
    for job in all_jobs:
        try:
            key = prints.page(job.rel, job.template, job.context, job.absolute_links)
        except Exception as exc:  # the template cannot even be loaded or parsed
            from .render import template_diagnostic

            template_errors.append(template_diagnostic(exc, site_dir))
            continue
        page_keys[job.rel] = key
        files[job.rel] = None  # None: unchanged, the old file is carried over (unless rendered below)
        if old_pages.get(job.rel) != key:
            todo.append(job)
    if template_errors:
        raise ContentErrors(_unique(template_errors))
    lap("model+page keys")
    rendered_files = _render(todo, env, site, site_dir, options)
    lap(f"render ({len(todo)})")
    for f in rendered_files:
        files[f.rel] = f
    # The sitemap and search index depend on every post and page.
    extras_key = _h(prints.with_bodies("posts", "pages"), config.site_url, prints.config_fp)
    page_keys["(extras)"] = extras_key
    extras = [] if old_pages.get("(extras)") == extras_key else render_extras(site)
    for f in extras:
        rendered_files.append(f)
    for rel in ("sitemap.xml", "search-index.json"):
        files[rel] = next((f for f in extras if f.rel == rel), None)

    lap("sitemap+search index")
    audit = privacy.audit_output(rendered_files, needles)  # unchanged files passed it when written
    _raise_if_errors(diags + list(audit), options.strict)

    from .render import OutputFile as _OF

    out_files = [f if f is not None else _OF(rel, None) for rel, f in files.items()]
    n_pages = sum(1 for rel in files if rel.endswith(".html"))
    written = None
    if options.write:
        try:
            written = write_output(output, out_files, site.statics)
        except MissingOutput:
            if not old_pages:
                raise
            # Someone deleted files inside the output folder: forget which pages are
            # up to date and build again, rendering every page.
            cache.commit({"pages": {}})
            cache.close()
            return build(site_dir, options)
    lap("write")
    diagnostics = sorted_diagnostics(d for d in diags if not d.is_error)
    due = min((i.entry.date.timestamp() for i in site.drafts if i.entry.date and not i.entry.draft
               and i.entry.date > (config.now or i.entry.date)), default=None)
    if options.write:
        lasting = tuple(d for d in diagnostics if not d.code.startswith("cache."))  # replayed by no-change builds
        unsaved = cache.commit({"stats": new_stats, "pages": page_keys,
                                "last": {"run": run_key, "inputs": signature, "output": output_identity(output),
                                         "due": due, "diagnostics": lasting, "held_back": site.held_back,
                                         "pages": n_pages, "files": len(out_files) + len(site.statics),
                                         "needles": _h(needles)}},
                               keep=set(keys))
        if unsaved:
            diagnostics += (Diagnostic(".sitegen-cache", None, Severity.WARNING, "cache.unsaved", unsaved),)
        lap("cache save")
    return BuildResult(config, site, diagnostics, n_pages, len(out_files) + len(site.statics), written,
                       output if options.write else None, time.perf_counter() - started, site.held_back,
                       len(misses), len(rendered_files), tuple(rendered_files) if not options.write else ())


def _without_source(p: _Processed) -> _Processed:
    """What the cache stores: the SourceFile (its path) is attached again from discovery on
    loading; rebuilding 10,000 Path objects was a third of the cost of loading the cache."""
    if p.entry is None:
        return p
    return replace(p, entry=replace(p.entry, doc=replace(p.entry.doc, source=None)))


def _unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: dict[tuple, Diagnostic] = {}
    for d in diags:
        seen.setdefault((d.path, d.line, d.message), d)
    return list(seen.values())


def _render(todo: list[Job], env, site: Site, site_dir: Path, options: BuildOptions) -> list[OutputFile]:
    from .render import OutputFile

    _WORK.update(jobs=todo, env=env, site=site, site_dir=site_dir)
    try:
        results = _map(_render_one, len(todo), _pool_size(options, len(todo)), options.progress)
    finally:
        _WORK.clear()
    errors = [r for r in results if isinstance(r, Diagnostic)]
    if errors:
        raise ContentErrors(_unique(errors))
    return [r for r in results if isinstance(r, OutputFile)]


def check(site_dir: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Run every validation and the privacy scan; write nothing."""
    return build(site_dir, replace(options, write=False))
