"""Which generator made SOURCE, from its files, and the reader for it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import ImportSourceError
from . import eleventy, hugo, jekyll, pelican, wordpress
from .files import cname_address
from .records import Note, OldSite


def read_source(source: Path, media: Path | None = None) -> OldSite:
    """The old site at SOURCE, read by the reader for its generator (its address from CNAME if need be)."""
    site = _read(source, media)
    if site.base_url or not site.root.is_dir() or Path(source).is_file():
        return site
    address, where = cname_address(site.root)
    if not address:
        return site
    note = Note(where, None, f"the old site's address, {address}, was taken from {where} (its settings do not "
                "give it): links to pages that were not imported point there")
    return replace(site, base_url=address, notes=site.notes + (note,))


def _read(source: Path, media: Path | None) -> OldSite:
    source = Path(source)
    if not source.exists():
        raise ImportSourceError(f"{source}: no such file or folder — give the old site's folder, or its "
                                "WordPress export file (.xml)")
    if media is not None and not Path(media).is_dir():
        raise ImportSourceError(f"--media {media}: no such folder — give the wp-content/uploads folder "
                                "of the old site")
    if source.is_file():
        if wordpress.is_export(source):
            return wordpress.read(source, Path(media) if media else None)
        raise ImportSourceError(f"{source}: this file is not a WordPress or Squarespace export (.xml); give the "
                                "export file, or the old site's folder")
    if media is not None:
        raise ImportSourceError("--media is for a WordPress export: give the export file (.xml) as SOURCE")
    if (source / "pelicanconf.py").is_file():
        return pelican.read(source)
    if hugo.is_zola(source):
        return hugo.read_zola(source)
    if hugo.hugo_config(source) is not None and (source / "content").is_dir():
        return hugo.read_hugo(source)
    if eleventy.eleventy_config(source) is not None:
        return eleventy.read_eleventy(source)
    if jekyll.is_jekyll(source):
        return jekyll.read(source)
    exports = sorted(p for p in source.glob("*.xml") if wordpress.is_export(p))
    if exports and not any(source.rglob("*.md")):
        raise ImportSourceError(f"{source} holds a WordPress export ({exports[0].name}): give that file as SOURCE")
    return eleventy.read_folder(source)
