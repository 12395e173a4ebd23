"""What the import passes between its steps: the old site as read, and what was done with it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Note:
    """One line of the report: a place in the old site (or the new one) and what happened there."""

    path: str  # as the user sees it: _posts/2019-03-14-a.md, export.xml, content/posts/a.md
    line: int | None
    message: str
    attention: bool = False  # True: a person should look (the exit code is 1)
    needle: str = ""  # text to find in the written file, to point at its line there
    kind: str = ""  # what was done, for tallies: "image.old-address", "link.words", "anchor.dropped"…
    new_line: int | None = None  # the line of the new post's body (from 0) it is about, when known

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class OldPost:
    """One post or page of the old site, as its generator wrote it."""

    origin: str  # where it came from, relative to SOURCE (or the export file's name)
    line: int  # the line of `origin` where it starts
    kind: str  # "post" or "page"
    meta: Mapping[str, Any]  # its front matter, keys as written
    body: str
    body_line: int  # the line of `origin` where the body starts
    format: str = "markdown"  # "markdown", "html" or "rst"
    old_path: str = ""  # its address on the old site, relative to the site root ("2019/03/14/a.html")
    folder: Path | None = None  # the folder its relative links and images are read from
    bundle_files: tuple[Path, ...] = ()  # files that sat beside it (a Hugo or Zola page bundle)
    keys: tuple[str, ...] = ()  # other names links use for it: source paths, post_url names, WordPress ids
    draft: bool = False  # a draft by where it lives (Jekyll's _drafts/)
    file_slug: str = ""  # the slug its file or folder name gives


@dataclass(frozen=True, slots=True)
class OldSite:
    """A whole old site: its settings, its posts and pages, and what was left out while reading it."""

    generator: str  # "Jekyll", "Hugo", "Zola", "Pelican", "Eleventy", "WordPress", "Markdown folder"
    root: Path  # the SOURCE folder (or the folder holding the export file)
    base_url: str  # the old site's full address, ending in /, or ""
    settings: Mapping[str, str]  # title, author, description, language, timezone: for site.toml
    posts: tuple[OldPost, ...]
    static_dirs: tuple[Path, ...]  # where /images/a.png is found
    notes: tuple[Note, ...] = ()  # files left out and why, settings not carried over
    media: Mapping[str, Path] = field(default_factory=dict)  # WordPress attachment ids and addresses → files
    values: Mapping[str, Any] = field(default_factory=dict)  # what {{ site.x }} stood for: settings, data files
    includes: Mapping[str, str] = field(default_factory=dict)  # include files that are plain text, by name


@dataclass(frozen=True, slots=True)
class ImportReport:
    source: Path
    site_dir: Path
    generator: str
    found: int  # posts and pages found in the old site
    written: tuple[str, ...]  # files created, relative to SITE_DIR
    unchanged: tuple[str, ...]  # already there with the same content (an earlier import)
    notes: tuple[Note, ...]
    imported: int = 0  # posts and pages now in the site (written or already there)
    skipped: int = 0  # posts and pages not imported

    @property
    def needs_attention(self) -> bool:
        return any(n.attention for n in self.notes)
