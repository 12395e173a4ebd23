"""Walk content/ and the static folders: which files make up the site, and of what kind."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import Diagnostic, warning
from .files import Kind, SourceFile, StaticFile

# Folder under content/ → kind.  Anything else under content/ is an essay, with a
# warning, so a misplaced post is still seen rather than silently dropped.
_FOLDERS = {"posts": Kind.ESSAY, "case-studies": Kind.CASE_STUDY, "pages": Kind.PAGE}
_IGNORED_PREFIXES = (".", "_", "~", "#")
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")
SECTION_INDEXES = ("_index.md", "_index.markdown")  # Hugo's and Zola's section pages: named, not skipped silently


@dataclass(frozen=True, slots=True)
class Discovered:
    sources: tuple[SourceFile, ...]
    statics: tuple[StaticFile, ...]
    diagnostics: tuple[Diagnostic, ...]


def _ignored(name: str) -> bool:
    return name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES)


def _walk(root: Path, site_dir: Path, diags: list[Diagnostic], report_index: bool = False) -> list[Path]:
    """Every regular file under root, sorted; symlinks leading outside the site are skipped."""
    site_real = site_dir.resolve()
    found: list[Path] = []
    stack = [root]
    seen_dirs = {root.resolve()}  # a link to a folder above itself would otherwise be walked forever
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diags.append(warning(_rel(folder, site_dir), None, "discover.unreadable",
                                 f"cannot read this folder ({exc.strerror}); it was skipped"))
            continue
        for entry in entries:
            if entry.name in SECTION_INDEXES and report_index:
                from .legacy import section_index

                diags.append(section_index(_rel(Path(entry.path), site_dir)))
            if _ignored(entry.name):
                continue
            p = Path(entry.path)
            if entry.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):  # broken, or a loop of links
                    diags.append(warning(_rel(p, site_dir), None, "discover.symlink-broken",
                                         f"symbolic link to {os.readlink(p)!r}, which does not exist: skipped",
                                         "delete the link, or point it at a file inside the site folder"))
                    continue
                if not target.is_relative_to(site_real):
                    diags.append(warning(_rel(p, site_dir), None, "discover.symlink-outside",
                                         f"symbolic link to {target}, outside the site folder: not followed",
                                         "copy the file into the site folder if it belongs to the site"))
                    continue
            if entry.is_dir():
                real = p.resolve()
                if real in seen_dirs:
                    diags.append(warning(_rel(p, site_dir), None, "discover.symlink-loop",
                                         "this folder (through a symbolic link) was already read: skipped",
                                         "remove the link; each folder is read once"))
                    continue
                seen_dirs.add(real)
                stack.append(p)
            elif entry.is_file():
                found.append(p)
    return sorted(found)


def _rel(p: Path, site_dir: Path) -> str:
    try:
        return PurePosixPath(p.relative_to(site_dir)).as_posix()
    except ValueError:
        return str(p)


def discover(site_dir: Path, theme_static: Path) -> Discovered:
    """List the site's content and static files (theme static first, site static overriding)."""
    diags: list[Diagnostic] = []
    sources: list[SourceFile] = []
    assets: list[Path] = []
    content = site_dir / "content"
    if content.is_dir():
        for p in _walk(content, site_dir, diags, report_index=True):
            rel = _rel(p, site_dir)
            parts = PurePosixPath(rel).parts
            if p.suffix.lower() not in (".md", ".markdown"):
                # Images next to posts are common: copied as they are (see below).
                assets.append(p)
                continue
            top = parts[1] if len(parts) > 2 else ""
            kind = _FOLDERS.get(top)
            if kind is None:
                kind = Kind.ESSAY
                diags.append(warning(rel, None, "discover.unknown-folder",
                                     "not in content/posts, content/case-studies or content/pages; built as an essay",
                                     "move it into content/posts/ (or the folder for its kind)"))
            sources.append(SourceFile(p, rel, kind))
    statics: dict[str, StaticFile] = {}
    if theme_static.is_dir():
        for p in _walk(theme_static, theme_static, []):
            out = PurePosixPath(p.relative_to(theme_static)).as_posix()
            statics[out] = StaticFile(p, f"(theme)/static/{out}", out)
    site_static = site_dir / "static"
    if site_static.is_dir():
        for p in _walk(site_static, site_dir, diags):
            out = PurePosixPath(p.relative_to(site_static)).as_posix()
            statics[out] = StaticFile(p, _rel(p, site_dir), out)
    # Non-Markdown files under content/ (images beside posts) are copied to the same place.
    for p in assets:
        rel = _rel(p, site_dir)
        parts = PurePosixPath(rel).parts[1:]
        if parts and parts[0] == "pages":
            parts = parts[1:]
        out = PurePosixPath(*parts).as_posix()
        statics.setdefault(out, StaticFile(p, rel, out))
    return Discovered(tuple(sources), tuple(statics[k] for k in sorted(statics)), tuple(diags))
