"""A build with nothing to do, answered from the record of the last build.

When no input file, setting or output changed since the last build into the same output
folder, and no scheduled post fell due, the last build's result stands: nothing is read,
rendered or written.  This module imports only the standard library and the small modules
that decide it (cache, config, fingerprint), so that answer costs a tenth of a second even
on a site of thousands of posts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from . import fingerprint
from .cache import Cache, input_signature, output_identity, racy, version_key
from .config import RunContext, SiteConfig, load_config, run_context
from .errors import Diagnostic
from .files import THEME_DIR
from .options import BuildOptions, BuildResult

__all__ = ["Inputs", "LastBuild", "Look", "Start", "open_cache", "racy", "start", "try_unchanged", "unchanged"]


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the last build must have seen for its result to stand."""

    run_key: str  # the settings, the output folder and the address override
    signature: str  # size and modification time of every input file
    racy: bool  # an input changed so recently that its size and time prove nothing
    output: tuple | None  # which output folder (replaced or deleted by hand → another identity)


@dataclass(frozen=True, slots=True, kw_only=True)
class LastBuild:
    """The record a build leaves for the next one."""

    inputs: Inputs
    due: float | None  # when the next scheduled post falls due
    diagnostics: tuple[Diagnostic, ...]
    held_back: tuple
    pages: int
    files: int
    needles: str  # fingerprint of what the output audit looked for
    private: tuple = ()  # (rel, reasons) of the sources holding private material, for the git check (issue 18)


@dataclass(frozen=True, slots=True)
class Start:
    """Everything a build starts from, before any file is read."""

    site_dir: Path
    config: SiteConfig  # the settings, with the address the site is served at for this build
    file_settings: str  # fingerprint of the settings as site.toml has them (what per-file results depend on)
    config_diags: tuple[Diagnostic, ...]  # warnings about site.toml
    run: RunContext
    output: Path  # absolute
    options: BuildOptions
    inputs: Inputs
    started: float


def start(site_dir: Path, options: BuildOptions) -> Start:
    """Read the settings and check the output folder (raises ConfigError, UnsafeOutputError)."""
    from .outdir import check_output_dir

    started = time.perf_counter()
    site_dir = Path(site_dir)
    written, diags = load_config(site_dir)
    config = replace(written, base_url=options.base_url) if options.base_url is not None else written
    output = (Path(options.output) if options.output else site_dir / "output").absolute()
    if options.write:
        check_output_dir(output, site_dir)
    return Start(site_dir, config, fingerprint.of(written), diags, run_context(site_dir, drafts=options.drafts),
                 output, options, read_inputs(site_dir, config, output, options), started)


@dataclass(frozen=True, slots=True)
class Look:
    """What the no-change check found: its answer, or, when there is work, the start and the
    open cache the build goes on from (so the inputs are not walked and the cache's records
    not read a second time)."""

    answer: BuildResult | None
    start: Start | None = None
    cache: Cache | None = None


def try_unchanged(site_dir: Path, options: BuildOptions) -> Look:
    """The answer to a build with nothing to do, without loading any stage."""
    if not options.write or options.clean:
        return Look(None)
    s = start(site_dir, options)
    cache = open_cache(s.site_dir)
    try:
        answer = unchanged(cache, s)
    except BaseException:
        cache.close()
        raise
    if answer is not None:
        cache.close()
        return Look(answer)
    return Look(None, s, cache)


def open_cache(site_dir: Path) -> Cache:
    """The site's build cache, for this version of sitegen, Python and the Markdown settings."""
    from .markup import EXTENSION_CONFIGS, EXTENSIONS  # markup loads Markdown itself only when converting

    return Cache(site_dir, version_key(f"{EXTENSIONS}|{EXTENSION_CONFIGS}|{site_dir.resolve()}"))


def read_inputs(site_dir: Path, config: SiteConfig, output: Path, options: BuildOptions) -> Inputs:
    private = [site_dir / config.privacy.register, site_dir / "private" / "cpd.toml"]  # both feed the audit
    parts = input_signature(site_dir, [site_dir / "site.toml", *private], THEME_DIR)
    now = time.time_ns()
    return Inputs(run_key=fingerprint.h(fingerprint.of(config), str(output), options.base_url),
                  signature=fingerprint.h(parts),
                  racy=any(len(p) == 3 and isinstance(p[2], int) and racy(p[2], now) for p in parts),
                  output=output_identity(output))


def unchanged(cache: Cache, s: Start) -> BuildResult | None:
    """The last build's result, if nothing it depended on changed since; else None."""
    memory = s.options.memory
    last = memory.last[0] if memory is not None and memory.last is not None else cache.record("last")
    inputs = s.inputs
    if not isinstance(last, LastBuild) or last.inputs.racy or inputs.racy or \
            (last.inputs.run_key, last.inputs.signature, last.inputs.output) != \
            (inputs.run_key, inputs.signature, inputs.output):
        return None
    now = s.run.now.timestamp() if s.run.now else time.time()
    if last.due is not None and now >= last.due:
        return None  # a scheduled post's time has come
    if s.options.strict and last.diagnostics:
        return None
    return BuildResult(config=s.config, site=None, diagnostics=last.diagnostics, pages=last.pages, files=last.files,
                       output=s.output, elapsed=time.perf_counter() - s.started, held_back=last.held_back,
                       private=last.private)
