"""Write the output folder atomically: build beside it, then swap; never touch anything else.

The new site is written into a hidden temporary folder next to the output folder and
exchanged with the old one in a single rename only once every file is written.  An error,
Ctrl-C or SIGTERM before that leaves the old output exactly as it was; a temporary folder
left behind by SIGKILL or a power cut is removed by the next build.  Files whose bytes did
not change are carried over as hard links to the previous output, so they keep their
modification time and `rsync`/`publish` see only what really changed.

When an output folder from an earlier build exists, only the files that are new or
different are written into the temporary folder; a journal listing them is written last
(the commit point), and then they are renamed into place one by one with Ctrl-C and
SIGTERM held.  A build killed outright (SIGKILL, power cut) during those renames is
finished by the next build from the journal ("rolled forward"); one killed before the
journal exists leaves the old output untouched.  So a one-post edit on a 10,000-page
site moves a dozen files instead of rebuilding a 10,000-entry tree.

Safety rules, each enforced here rather than trusted to the callers:
- the output folder must be a folder of its own (`check_output_dir`), marked as sitegen's
  by a `.sitegen-output` file; nothing outside it and its temporary siblings is written,
- every path written is checked to stay inside the output folder,
- an output folder holding symbolic links (put there by hand) is never written through:
  it is rebuilt whole and swapped, so a link can never lead a write or a delete elsewhere,
- one build at a time writes a given output folder (a lock on the folder that holds it),
- staged files reach the disk before the commit point, so a power cut cannot commit
  empty files.

When the operating system refuses a write (a full disk, a quota, a read-only disk, no
permission), the temporary folder is removed and the build stops with a FileSystemError
that names the folder and says what to do; before the commit point the old output is
untouched, after it the next build finishes the update from the journal.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .cache import racy
from .errors import UnsafeOutputError, note_free_space
from .files import OutputFile, StaticFile
from .outdir import refused
from .safewrite import (
    JOURNAL,
    MARKER,
    MARKER_TEXT,
    OLD_TAG,
    Syncer,
    apply_journal,
    check_rel,
    discard,
    exchange,
    fresh_tmp,
    output_lock,
    recover,
    remove_tree,
    signals_deferred,
)


@dataclass(frozen=True, slots=True)
class WriteResult:
    files: int  # files in the new output
    changed: int  # files whose content is new or different
    removed: int  # files of the old output that are gone
    swapped: bool  # False when nothing changed and the old output was kept as it is
    pages_only: bool = False  # every changed or removed file is a page or a list (HTML, XML, JSON, text)
    listing: frozenset[str] = frozenset()  # every file now in the output (for `write_output`'s `known`)


def _digest(path: str | Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def _resolve_output(output: Path) -> Path:
    """The output folder as an absolute path; a symbolic link to a folder is written through
    to the folder it names (swapping would replace the link itself)."""
    output = Path(os.path.abspath(output))
    if output.is_symlink():
        output = output.resolve()
    return output


# -- writing ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Held:
    """An output folder locked by a build from planning its pages to writing them, and its
    files as they were once locked: read once, as nothing else writes it meanwhile."""

    ours: bool  # sitegen's output folder (it has the marker file)
    files: frozenset[str]  # its files (posix paths), when ours
    links: bool  # it holds a symbolic link (put there by hand)
    throwaway: bool = False  # removed when its process ends (the preview's): nothing need reach the disk

    @property
    def present(self) -> frozenset[str]:
        """The files a build may keep as they are (none when not ours or holding links)."""
        return self.files if self.ours and not self.links else frozenset()


@contextmanager
def held_output(output: Path, known: frozenset[str] | None = None, throwaway: bool = False) -> Iterator[Held]:
    """The output folder locked (waiting for a build that holds it) and cleaned up after a
    killed build, with its files; write_output(…, held=) then writes it without reading it again.

    `known` is the output's files as this process's last write left them (`WriteResult.listing`),
    for a resident process writing into a folder of its own that nothing else touches (the
    preview's): the folder is then not read at all; `throwaway`, that folder is removed when
    the process ends, so a write into it waits for no disk.  Raises FileSystemError when the operating
    system refuses (see `outdir.refused`)."""
    output = _resolve_output(output)
    with output_lock(_made_parent(output), wait=True) as locked:
        try:
            recover(output, _locked=bool(locked))
            ours = (output / MARKER).is_file()
            if not ours:
                found, links = set(), False
            elif known is not None:
                found, links = set(known), False
            else:
                found, links = _old_files(output)
        except OSError as exc:
            raise refused(exc, output) or exc from exc
        yield Held(ours, frozenset(found), links, throwaway)


def _made_parent(output: Path) -> Path:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise refused(exc, output) or exc from exc
    return output


def write_output(output: Path, files: Iterable[OutputFile], statics: Iterable[StaticFile],
                 held: Held | None = None) -> WriteResult:
    """Stage the new or changed files in a temporary folder beside `output`, then move them in.

    `held`: the folder as held_output found it, still locked by this build; without it, the
    folder is locked and read here.  Raises FileSystemError when the operating system refuses
    a write (see `outdir.refused`)."""
    output = _resolve_output(output)
    files, statics = list(files), list(statics)
    if held is not None:
        return _written(output, files, statics, held)
    with held_output(output) as now:
        return _written(output, files, statics, now)


def _written(output: Path, files: list[OutputFile], statics: list[StaticFile], held: Held) -> WriteResult:
    try:
        return _write(output, files, statics, held)
    except OSError as exc:
        raise refused(exc, output) or exc from exc


def _write(output: Path, files: list[OutputFile], statics: list[StaticFile], held: Held) -> WriteResult:
    for f in files:
        check_rel(f.rel)
    for st in statics:
        check_rel(st.out)
    if held.ours:
        old = held.files
        if held.links:
            # Put there by hand: never write or delete through a link.  Rebuild the whole
            # tree (every page rendered: nothing is carried over through a link) and swap.
            if any(f.data is None for f in files):
                raise _changed_meanwhile(output, "symbolic links appeared in it")
            return _write_whole(output, files, statics, carry=False, durable=not held.throwaway)
        missing = [f.rel for f in files if f.data is None and f.rel not in old]
        if missing:
            raise _changed_meanwhile(output, f"{missing[0]} was removed from it")
        if _fits_in_place(output, [f.rel for f in files if f.rel not in old], old):
            return _update_in_place(output, files, statics, old, durable=not held.throwaway)
    return _write_whole(output, files, statics, carry=True, durable=not held.throwaway)


def _changed_meanwhile(output: Path, what: str) -> UnsafeOutputError:
    return UnsafeOutputError(f"the output folder {output} changed while the site was being built ({what}); "
                             "nothing was written. Build again")


def _fits_in_place(output: Path, new_rels: list[str], old: frozenset[str]) -> bool:
    """False when a file would replace a folder or the other way round: then the tree is rebuilt."""
    for rel in new_rels:
        if (output / rel).is_dir():
            return False
        parent = posixpath.dirname(rel)
        while parent:
            p = output / parent
            if p.exists() and not p.is_dir():
                return False
            parent = posixpath.dirname(parent)
    return True


def _old_files(output: Path) -> tuple[set[str], bool]:
    """Every file in the old output (posix paths), and whether it holds any symbolic link."""
    found: set[str] = set()
    links = False
    stack = [("", str(output))]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as it:
            for e in it:
                if e.is_symlink():
                    links = True
                elif e.is_dir(follow_symlinks=False):
                    stack.append((prefix + e.name + "/", e.path))
                else:
                    found.add(prefix + e.name)
    found.discard(MARKER)
    return found, links


def _update_in_place(output: Path, files: list[OutputFile], statics: list[StaticFile],
                     old: frozenset[str], durable: bool = True) -> WriteResult:
    tmp = fresh_tmp(output)
    names: set[str] = set()
    staged: list[str] = []
    made: set[Path] = set()
    try:
        def stage(rel: str) -> Path:
            if not made:  # made on the first file to stage: a build that changes nothing writes nothing
                tmp.mkdir()
                (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
                made.add(tmp)
            dest = tmp / rel
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            staged.append(rel)
            return dest

        for f in files:
            names.add(f.rel)
            if f.data is None:
                continue  # unchanged, and present (checked by the caller)
            if f.rel not in old or not _same_bytes(output / f.rel, f.data):
                stage(f.rel).write_bytes(f.data)
        root = str(output)
        for st in statics:
            if st.out in names:
                continue
            names.add(st.out)
            if not _same_file(os.path.join(root, st.out), st.path):
                _copy_static(st.path, stage(st.out))
        removed = sorted(old - names)
        if not staged and not removed:
            discard(tmp)
            return WriteResult(len(names), 0, 0, False, listing=frozenset(names))
        if not made:  # only removals: the journal still needs its folder
            tmp.mkdir()
            (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        # the staged files are on disk before the journal says they are ready
        syncer = Syncer(durable)
        for path in (tmp / MARKER, *(tmp / rel for rel in staged)):
            syncer.add(path)
        syncer.finish(made or {tmp})
        journal = tmp / JOURNAL
        with open(journal.with_suffix(".part"), "w", encoding="utf-8") as fh:
            json.dump({"staged": staged, "removed": removed}, fh)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(journal.with_suffix(".part"), journal)  # the commit point
        with signals_deferred():
            apply_journal(tmp, output)
            remove_tree(tmp)
        return WriteResult(len(names), len(staged), len(removed), True, _pages_only([*staged, *removed]),
                           frozenset(names))
    except BaseException as exc:
        if isinstance(exc, OSError):
            note_free_space(exc, output.parent)
        if not (tmp / JOURNAL).is_file():
            discard(tmp)
        raise


_PAGE_SUFFIXES = (".html", ".xml", ".json", ".txt")


def _pages_only(rels: list[str]) -> bool:
    """Whether these output files are all pages, lists or preview cards (which only a shared
    link shows): a browser showing a page needs nothing else again (no stylesheet, script,
    picture or font changed)."""
    return all(rel.endswith(_PAGE_SUFFIXES) or rel.startswith("cards/") for rel in rels)


def _write_whole(output: Path, files: list[OutputFile], statics: list[StaticFile], carry: bool,
                 durable: bool = True) -> WriteResult:
    """Write the whole tree into a temporary folder beside `output`, then swap the two.

    With `carry`, files identical to the old output's are hard links to them rather than copies."""
    swap = (output / MARKER).is_file()  # else `output` is absent or an empty folder
    old = output if swap and carry else None
    tmp = fresh_tmp(output)
    changed = total = 0
    names: set[str] = set()
    syncer = Syncer(durable)  # every file, linked ones too (a picture in the cache may not be on disk yet)
    try:
        tmp.mkdir()
        (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        syncer.add(tmp / MARKER)
        made: set[Path] = {tmp}

        def place(rel: str) -> tuple[Path, Path | None]:
            dest = tmp / rel
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            return dest, (old / rel if old is not None else None)

        for f in files:
            dest, prev = place(f.rel)
            names.add(f.rel)
            total += 1
            if f.data is None:  # unchanged since the last build: carry the old file over as it is
                if prev is None:
                    raise _changed_meanwhile(output, f"{f.rel} was removed from it")
                _link_or_copy(prev, dest)
            elif prev is not None and _same_bytes(prev, f.data):
                _link_or_copy(prev, dest)
            else:
                dest.write_bytes(f.data)
                changed += 1
            syncer.add(dest)
        for s in statics:
            if s.out in names:
                continue
            dest, prev = place(s.out)
            names.add(s.out)
            total += 1
            if prev is not None and _same_file(prev, s.path):
                _link_or_copy(prev, dest)
            else:
                _copy_static(s.path, dest)
                changed += 1
            syncer.add(dest)
        removed = 0
        if swap:
            old_names, _ = _old_files(output)
            removed = len(old_names - names)
        if swap and carry and changed == 0 and removed == 0:
            syncer.close()
            discard(tmp)
            return WriteResult(total, 0, 0, False, listing=frozenset(names))
        syncer.finish(made)
        _swap_in(tmp, output, swap)
        return WriteResult(total, changed, removed, True, listing=frozenset(names))  # a new tree: not "pages only"
    except BaseException as exc:
        syncer.close()
        if isinstance(exc, OSError):
            note_free_space(exc, output.parent)
        discard(tmp)
        raise


def _swap_in(tmp: Path, output: Path, swap: bool) -> None:
    """The new tree in place of the old, which is then removed, with Ctrl-C and SIGTERM held."""
    with signals_deferred():
        if swap:
            if not exchange(tmp, output):
                parked = output.parent / f".{output.name}{OLD_TAG}{os.getpid()}"
                os.rename(output, parked)
                try:
                    os.rename(tmp, output)
                except OSError:
                    os.rename(parked, output)  # put the old output back before reporting
                    raise
                tmp = parked
            try:
                remove_tree(tmp)
            except BaseException:
                discard(tmp)  # the old tree, whatever its name now
                raise
        else:
            if output.exists():
                output.rmdir()  # an empty folder (check_output_dir refused a non-empty one)
            os.rename(tmp, output)


def _copy_static(src: Path, dest: Path) -> None:
    """A static file into the new output.  Pictures and cards made by sitegen live in its cache,
    named by their content and only ever replaced whole (by rename), so a hard link to them is
    a copy that costs nothing; anything else is copied."""
    if ".sitegen-cache" in src.parts:
        try:
            os.link(src, dest, follow_symlinks=False)
            return
        except OSError:
            pass  # another file system, or no hard links: copy
    shutil.copy2(src, dest, follow_symlinks=False)


def _link_or_copy(prev: Path, dest: Path) -> None:
    try:
        os.link(prev, dest, follow_symlinks=False)
    except OSError:  # a file system without hard links
        shutil.copy2(prev, dest, follow_symlinks=False)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _same_file(a: str | Path, b: Path) -> bool:
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        return False
    if sa.st_ino == sb.st_ino and sa.st_dev == sb.st_dev:
        return True  # one file (a hard link to the cache's copy)
    if sa.st_size != sb.st_size:
        return False
    # copy2 keeps the source's mtime: the same size and time mean the same copy -- unless the
    # source changed so recently that a rewrite within the file system's clock tick would not
    # show (the "racy" case): then only the bytes can tell.
    settled = not racy(sb.st_mtime_ns, time.time_ns())
    if sa.st_mtime_ns == sb.st_mtime_ns and settled:
        return True
    if _digest(a) != _digest(b):
        return False
    if settled:  # the same bytes under another time (the folder was copied, the cache made again):
        try:     # give the copy the source's time, so the next build need not read both again
            os.utime(a, ns=(sa.st_atime_ns, sb.st_mtime_ns), follow_symlinks=False)
        except OSError:
            pass
    return True
