"""Walk content/ and the static folders: which files make up the site, and of what kind."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import FILESYSTEM, Diagnostic, error, os_reason, printable, warning
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


# A name with a control character (a line break, an escape) or a byte that is not UTF-8
# (kept by os.fsdecode as a lone surrogate) would reach addresses, feeds and messages
# mangled, and can rewrite what the terminal shows; the bidirectional overrides make a
# name display in another order than it is stored.
_BAD_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\udc80-\udcff]")


def _bad_name(name: str) -> str:
    """Why a file or folder name cannot be used, or '' when it can."""
    m = _BAD_NAME.search(name)
    if m is None:
        return ""
    ch = m.group(0)
    if "\udc80" <= ch <= "\udcff":
        return "the name is not valid UTF-8 text (it was probably made on a system with another encoding)"
    what = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab", "\x1b": "an escape character"}.get(ch)
    return f"the name contains {what or 'an invisible control character'} ({printable(ch)})"


def unreadable(rel: str, exc: OSError, folder: bool = False) -> Diagnostic:
    """The error for a file (or folder) under the site that the operating system would not let us read."""
    what = "folder" if folder else "file"
    reason, fix = os_reason(exc) or (exc.strerror or str(exc), "check that it is there and that you can open it")
    return error(rel, None, FILESYSTEM + "unreadable", f"cannot read this {what}: {reason}",
                 f"{fix}; nothing was built, so the site is not published without it")


def _walk(root: Path, site_dir: Path, diags: list[Diagnostic], report_index: bool = False) -> list[tuple[Path, str]]:
    """Every regular file under root with its path from root (posix), sorted as paths sort;
    symlinks leading outside the site are skipped.  Paths are joined as strings: a Path made
    and taken apart four times a file was most of the walk's time."""
    site_real = site_dir.resolve()
    found: list[tuple[Path, str]] = []
    stack: list[tuple[str, str]] = [(str(root), "")]  # (folder, its path from root with a trailing /)
    seen_dirs = {root.resolve()}  # a link to a folder above itself would otherwise be walked forever
    while stack:
        folder, under = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diags.append(unreadable(_rel(Path(folder), site_dir), exc, folder=True))
            continue
        for entry in entries:
            if entry.name in SECTION_INDEXES and report_index:
                from .legacy import section_index

                diags.append(section_index(_rel(Path(entry.path), site_dir)))
            why = _bad_name(entry.name)  # before the ignore rules: a name that can fool a terminal is named
            if why:
                what = "folder" if entry.is_dir(follow_symlinks=False) else "file"
                diags.append(error(printable(_rel(Path(entry.path), site_dir)), None, "discover.file-name", why,
                                   f"rename the {what}, using letters, digits, spaces, - and _; "
                                   f"nothing is built from it until then"))
                continue
            if _ignored(entry.name):
                continue
            if entry.is_symlink():
                p = Path(entry.path)
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
                real = Path(entry.path).resolve()
                if real in seen_dirs:
                    diags.append(warning(_rel(Path(entry.path), site_dir), None, "discover.symlink-loop",
                                         "this folder (through a symbolic link) was already read: skipped",
                                         "remove the link; each folder is read once"))
                    continue
                seen_dirs.add(real)
                stack.append((entry.path, under + entry.name + "/"))
            elif entry.is_file():
                found.append((Path(entry.path), under + entry.name))
    found.sort(key=lambda f: f[1].split("/"))  # the order of the paths' parts, as Path sorts them
    return found


def _rel(p: Path, site_dir: Path) -> str:
    try:
        return PurePosixPath(p.relative_to(site_dir)).as_posix()
    except ValueError:
        return str(p)


def _suffix(name: str) -> str:
    """The file name's last suffix, as Path.suffix gives it ('' for '.hidden' and for 'name.')."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def discover(site_dir: Path, theme_static: Path) -> Discovered:
    """List the site's content and static files (theme static first, site static overriding)."""
    diags: list[Diagnostic] = []
    sources: list[SourceFile] = []
    assets: list[tuple[Path, str]] = []
    content = site_dir / "content"
    if content.is_dir():
        for p, under in _walk(content, site_dir, diags, report_index=True):
            rel = "content/" + under
            parts = under.split("/")
            if _suffix(parts[-1]).lower() not in (".md", ".markdown"):
                # Images next to posts are common: copied as they are (see below).
                assets.append((p, under))
                continue
            top = parts[0] if len(parts) > 1 else ""
            kind = _FOLDERS.get(top)
            if kind is None:
                kind = Kind.ESSAY
                diags.append(warning(rel, None, "discover.unknown-folder",
                                     "not in content/posts, content/case-studies or content/pages; built as an essay",
                                     "move it into content/posts/ (or the folder for its kind)"))
            sources.append(SourceFile(p, rel, kind))
    statics: dict[str, StaticFile] = {}
    if theme_static.is_dir():
        for p, out in _walk(theme_static, theme_static, []):
            statics[out] = StaticFile(p, f"(theme)/static/{out}", out)
    site_static = site_dir / "static"
    if site_static.is_dir():
        for p, out in _walk(site_static, site_dir, diags):
            statics[out] = StaticFile(p, "static/" + out, out)
    # Non-Markdown files under content/ (images beside posts) are copied to the same place.
    for p, under in assets:
        parts = under.split("/")
        if parts[0] == "pages":
            parts = parts[1:]
        out = "/".join(parts) or "."
        statics.setdefault(out, StaticFile(p, "content/" + under, out))
    private = os.path.realpath(site_dir / "private") + os.sep
    real_dirs: dict[Path, str] = {}  # one realpath per folder, not per file: folders of images are common
    for out, static in list(statics.items()):
        problem = _private(static, private, real_dirs)
        if problem:
            diags.append(problem)
            del statics[out]
    return Discovered(tuple(sources), tuple(statics[k] for k in sorted(statics)), tuple(diags))


def _private(static: StaticFile, private: str, real_dirs: dict[Path, str]) -> Diagnostic | None:
    """A file that must never be published: one inside private/ (reached through a link), or a CPD record."""
    if static.rel.startswith("(theme)/"):
        return None
    from .cpd.output import is_record  # standard library only

    folder = static.path.parent
    if folder not in real_dirs:
        real_dirs[folder] = os.path.realpath(folder) + os.sep
    real = (os.path.realpath(static.path) if static.path.is_symlink()
            else real_dirs[folder] + static.path.name)
    if real.startswith(private):
        return error(static.rel, None, "privacy.private-file",
                     "this file is in your private/ folder (through a link), and nothing there is ever published",
                     "remove the link; keep private files out of content/ and static/")
    if static.path.suffix.lower() in (".html", ".htm", ".csv", ".json") and is_record(static.path):
        return error(static.rel, None, "privacy.cpd-record",
                     "this is a CPD record made by sitegen cpd: it may hold unpublished reflections and is never "
                     "published", "move it back to private/cpd/ (or anywhere outside the site)")
    return None
