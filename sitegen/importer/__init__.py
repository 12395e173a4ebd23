"""`sitegen import`: a blog from WordPress, Squarespace, Jekyll, Hugo, Zola, Pelican, Eleventy or a folder
of Markdown posts, brought over as it is into a sitegen site.

    detect.py     which generator made SOURCE → its reader
    wordpress.py  the WXR export (defusedxml), shortcodes     jekyll.py, hugo.py (Hugo, Zola),
    pelican.py    pelicanconf, rST, Title: headers            eleventy.py (Eleventy, a folder of posts)
    headers.py    front matter in YAML, TOML, JSON or headers
    mapping.py    old front matter → sitegen's                 syntax.py  Liquid, shortcodes → Markdown
    fences.py     code fences as Python-Markdown reads them
    htmltext.py   HTML and rST → Markdown (markdownify)       links.py   links, images, old addresses
    refs.py       the addresses in a text                     values.py  {{ site.x }} from settings, data
    convert.py    each post's place and text                  anchors.py other generators' heading ids
    verify.py     the plan checked by the build's own checks  repair.py  what it would refuse, mended
    writer.py     files, never overwritten                    report.py  done, skipped, needs a look

    report = import_blog(Path("old-blog"), Path("my-journal"))
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from ..errors import UsageError
from ..scaffold import others_files
from .convert import plan
from .detect import read_source
from .records import ImportReport, Note
from .repair import mend
from .report import format_report
from .writer import site_toml, write_site

__all__ = ["import_blog", "format_report", "ImportReport", "Note"]


def import_blog(source: Path, site_dir: Path, media: Path | None = None,
                now: datetime | None = None) -> ImportReport:
    """Import the old site at SOURCE into SITE_DIR; never overwrites a file; raises for unusable input."""
    source, site_dir = Path(source), Path(site_dir)
    _check_site_dir(source, site_dir)
    old = read_source(source, media)
    now = now or datetime.now(UTC)
    planned, notes, skipped = plan(old, now)
    settings = {**old.settings, "base_url": old.base_url}
    notes += mend(planned, site_toml(settings, old.generator))  # what the build would refuse, mended first
    w = write_site(site_dir, planned, settings, old.generator)
    all_notes = list(old.notes) + notes + [n for p in planned for n in p.notes] + w.notes
    skipped += sum(1 for n in old.notes if _skipped_post(n))
    return ImportReport(source, site_dir, old.generator, len(old.posts) + sum(1 for n in old.notes if _skipped_post(n)),
                        tuple(w.written), tuple(w.unchanged), tuple(all_notes), imported=len(planned), skipped=skipped)


def _skipped_post(note: Note) -> bool:
    """A post or page the reader left out (not a tally of menus and the like)."""
    return note.message.startswith("not imported") and not re.match(r"not imported: \d+ ", note.message)


def _check_site_dir(source: Path, site_dir: Path) -> None:
    if site_dir.exists() and not site_dir.is_dir():
        raise UsageError(f"{site_dir} is a file, not a folder: give a folder for the new site, "
                         "for example sitegen import old-blog my-journal")
    src = source.resolve()
    dest = site_dir.resolve()
    if src.is_dir() and (dest == src or dest.is_relative_to(src)):
        raise UsageError(f"{site_dir} is inside the old site's folder {source}: choose a folder outside it, "
                         "for example sitegen import old-blog my-journal")
    others = others_files(site_dir)
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        raise UsageError(f"{site_dir} already holds files ({shown}) and is not a sitegen site, so nothing was "
                         "imported. Choose a new or empty folder, or an existing sitegen site")
