"""What a build is asked to do and what it reports: BuildOptions in, BuildResult out.

Kept apart from build.py, which imports every stage, so that a build with nothing to do
(quick.py) can answer without loading any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import SiteConfig
    from .errors import Diagnostic
    from .files import OutputFile
    from .model import HeldBack, Site
    from .write import WriteResult


class BuildMemory:
    """What a process that builds the same site again and again (the preview server) keeps in
    memory between builds: each file's result by its cache key, and the template environment
    (Jinja checks each template against its file, so an edited template is still read again).
    A build reads only what it can trust: a result is used only when its key — the hash of
    the file's bytes and of the settings — is unchanged."""

    def __init__(self) -> None:
        self.results: dict[str, Any] = {}
        self.linked_texts: dict[tuple, tuple[str, str]] = {}  # media.attach: texts with their links put in
        # media.attach: each page's item as published, with what it was made from, by source file:
        # an item made from the same is that same object, so what was worked out about it holds
        self.items: dict[str, Any] = {}
        # fingerprint.PageKeys: id(item) → (the item, its fingerprint with the text, without)
        self.item_keys: dict[int, tuple[Any, str | None, str | None]] = {}
        self.links: dict[str, Any] = {}  # links.check_links: each text's last check, and the site's names then
        self.page_keys: dict[str, tuple[tuple, str]] = {}  # fingerprint.PageKeys: each page's key, by what it was made of
        self.extras: dict[str, Any] = {}  # render_extras: the last sitemap and each item's search entry
        # The output folder (its identity, cache.output_identity) and every file in it, as this
        # process's last write left it: the preview writes into a temporary folder of its own,
        # which nothing else touches, so it need not be read again while its identity holds.
        self.output: tuple[Any, frozenset[str]] | None = None
        # The last build (quick.LastBuild) and its page keys: the cache keeps the site's real output's
        self.last: tuple[Any, dict[str, str]] | None = None
        self._env: tuple[tuple, Any] | None = None

    def output_files(self, identity: Any) -> frozenset[str] | None:
        """The files of the output folder with this identity as the last write left them; None
        when this process did not write it last (or has not written yet)."""
        if self.output is None or identity is None or self.output[0] != identity:
            return None
        return self.output[1]

    def env_for(self, site_dir: Path, make: Callable[[Path], Any]) -> Any:
        key = (str(Path(site_dir).resolve()), (Path(site_dir) / "templates").is_dir())
        if self._env is None or self._env[0] != key:
            self._env = (key, make(site_dir))
        return self._env[1]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    output: Path | None = None  # default: SITE_DIR/output
    drafts: bool = False  # include drafts and scheduled posts (for previewing)
    strict: bool = False  # warnings count as errors
    base_url: str | None = None  # override site.toml (the dev server uses its own address)
    clean: bool = False  # ignore the build cache and rebuild everything
    write: bool = True  # False: check everything, write nothing (`sitegen check`)
    jobs: int | None = None  # worker processes; default: one per core
    preview: bool = False  # the dev server: case studies with details to review are shown, the details marked
    progress: Callable[[int, int], None] | None = None  # (done, total) as files are read, then as pages are rendered
    memory: BuildMemory | None = None  # what a resident process (the preview) keeps between its builds


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildResult:
    config: SiteConfig
    site: Site | None  # None when nothing changed and the build stopped early
    diagnostics: tuple[Diagnostic, ...]  # warnings (errors raise ContentErrors)
    pages: int = 0  # HTML pages in the site
    files: int = 0  # files in the output, static files included
    written: WriteResult | None = None
    output: Path | None = None
    elapsed: float = 0.0
    held_back: tuple[HeldBack, ...] = ()
    parsed: int = 0  # source files parsed (cache misses)
    rendered: int = 0  # pages rendered (the rest were unchanged)
    outputs: tuple[OutputFile, ...] = ()  # with write=False: every rendered file, for inspection
    private: tuple = ()  # sources holding drafts, private notes…: exposure.PrivateFile, or (rel, reasons) pairs
