"""The one place the stages meet: discover → parse → validate → markup → model → privacy → render → write."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import jinja2

from . import privacy
from .config import SiteConfig, load_config
from .discover import Kind, SourceFile, discover
from .errors import ContentErrors, Diagnostic, Severity, sorted_diagnostics
from .markup import Rendered, render_markdown
from .model import HeldBack, Site, build_site
from .parse import parse_document
from .render import THEME_DIR, OutputFile, jobs, make_env, render_extras, render_job, template_diagnostic
from .validate import Entry, validate_document
from .write import WriteResult, check_output_dir, write_output


@dataclass(frozen=True, slots=True)
class BuildOptions:
    output: Path | None = None  # default: SITE_DIR/output
    drafts: bool = False  # include drafts and scheduled posts (for previewing)
    strict: bool = False  # warnings count as errors
    base_url: str | None = None  # override site.toml (the dev server uses its own address)
    clean: bool = False  # ignore the build cache
    write: bool = True  # False: check everything, write nothing (`sitegen check`)
    progress: Callable[[int, int], None] | None = None


@dataclass(frozen=True, slots=True)
class BuildResult:
    config: SiteConfig
    site: Site | None
    diagnostics: tuple[Diagnostic, ...]  # warnings (errors raise ContentErrors)
    files: tuple[OutputFile, ...] = ()
    written: WriteResult | None = None
    output: Path | None = None
    elapsed: float = 0.0
    held_back: tuple[HeldBack, ...] = field(default=())


def load_entries(config: SiteConfig, sources: tuple[SourceFile, ...]
                 ) -> tuple[list[tuple[Entry, Rendered]], list[Diagnostic]]:
    """Parse, validate and render the Markdown of every source file."""
    out: list[tuple[Entry, Rendered]] = []
    diags: list[Diagnostic] = []
    for source in sources:
        result, found = process_source(source, config)
        diags.extend(found)
        if result is not None:
            out.append(result)
    return out, diags


def process_source(source: SourceFile, config: SiteConfig) -> tuple[tuple[Entry, Rendered] | None, list[Diagnostic]]:
    """Everything done to one file on its own: the unit of caching and parallel work."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(source.rel, None, Severity.ERROR, "file.unreadable",
                                 f"cannot read this file: {exc.strerror}")]
    doc, diags = parse_document(source, data)
    if doc is None:
        return None, list(diags)
    entry, found = validate_document(doc, config)
    diags = list(diags) + list(found)
    if entry is None:
        return None, diags
    rendered, found = render_markdown(doc.body, source.rel, doc.body_line, entry.summary, config.summary_words)
    diags.extend(found)
    if rendered is None:
        return None, diags
    return (entry, rendered), diags


def _raise_if_errors(diags: list[Diagnostic], strict: bool) -> None:
    if any(d.is_error for d in diags) or (strict and diags):
        raise ContentErrors([d.as_error() if strict else d for d in diags])


def build(site_dir: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the site in site_dir; raise ContentErrors (nothing written) if any file has an error."""
    started = time.perf_counter()
    site_dir = Path(site_dir)
    config, diags_t = load_config(site_dir, drafts=options.drafts, base_url=options.base_url)
    diags: list[Diagnostic] = list(diags_t)
    output = Path(options.output) if options.output else site_dir / "output"
    if options.write:
        check_output_dir(output, site_dir)

    found = discover(site_dir, THEME_DIR / "static")
    diags.extend(found.diagnostics)
    entries, found_diags = load_entries(config, found.sources)
    diags.extend(found_diags)

    register, reg_diags = privacy.load_register(site_dir, config.privacy.register)
    diags.extend(reg_diags)
    for entry, _ in entries:
        diags.extend(privacy.check_consent(entry, register, config))
        diags.extend(privacy.scan_entry(entry, register, config))

    site, model_diags = build_site(config, entries, found.statics)
    diags.extend(model_diags)
    _raise_if_errors(diags, options.strict)

    files = render_all(site, site_dir)
    held = [i.entry for i in site.drafts]
    published = [i.entry for i in site.posts + site.pages]
    audit = privacy.audit_output(files, published, held, register)
    _raise_if_errors(diags + list(audit), options.strict)

    written = write_output(output, files, site.statics) if options.write else None
    return BuildResult(config, site, sorted_diagnostics(diags), tuple(files), written,
                       output if options.write else None, time.perf_counter() - started, site.held_back)


def render_all(site: Site, site_dir: Path) -> list[OutputFile]:
    """Render every page; template errors become diagnostics (all of them, one per template)."""
    env = make_env(site_dir)
    files: list[OutputFile] = []
    errors: dict[tuple, Diagnostic] = {}
    for job in jobs(site):
        try:
            files.append(render_job(env, site, job))
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError,
                ZeroDivisionError, RecursionError) as exc:
            d = template_diagnostic(exc, site_dir)
            errors.setdefault((d.path, d.line, d.message), d)
    if errors:
        raise ContentErrors(errors.values())
    files.extend(render_extras(site))
    return files


def check(site_dir: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Run every validation and the privacy scan; write nothing."""
    return build(site_dir, replace(options, write=False))
