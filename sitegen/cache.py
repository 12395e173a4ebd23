"""The persistent build cache in .sitegen-cache/: per-file results by content hash, and the last build's record.

Only the per-file work is worth saving (parsing, Markdown, the privacy scan), keyed by a
hash of the file's bytes, its path and every setting that changes the result.  The model
is always rebuilt over everything.  The record of the last build (every input file's size
and modification time, each page's input hash) lets a build with no change return at once,
and lets an incremental build re-render only the pages whose inputs changed.

The cache is a SQLite database: each build's writes land in one transaction, so a killed
build never leaves a half-written cache.  A corrupt or foreign cache is discarded with a
warning and rebuilt, never trusted: values are unpickled with only sitegen's own data
classes, dates and time zones allowed, so a cache file planted in a site folder cannot run
code.  A cache the operating system will not let us write (a full disk, a read-only
folder, no permission) is a warning, and the build goes on without it; one that could not
be saved after a build is deleted, so it can never describe an output it did not see.
This module imports only the standard library (and errors.py, which does too): the
no-change check must not pay for importing Markdown, Jinja and YAML.
"""

from __future__ import annotations

import copyreg
import dataclasses
import datetime
import enum
import hashlib
import io
import os
import pickle
import sqlite3
import sys
import types
import zoneinfo
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import os_reason


# Documents keep their front matter read-only (a MappingProxyType), which pickle cannot store
# as it is: store the mapping and wrap it again on loading.
def _read_only(mapping: dict) -> types.MappingProxyType:
    return types.MappingProxyType(mapping)


copyreg.pickle(types.MappingProxyType, lambda m: (_read_only, (dict(m),)))


def register_compact(*classes: type) -> None:
    """Pickle frozen dataclasses as constructor calls: loading 10,000 cached entries through
    dataclasses' generic __setstate__ costs three times as much."""
    import dataclasses

    for cls in classes:
        names = tuple(f.name for f in dataclasses.fields(cls))
        copyreg.pickle(cls, lambda obj, names=names: (type(obj), tuple(getattr(obj, n) for n in names)))

def racy(mtime_ns: int, now_ns: int) -> bool:
    """Whether a file modified at mtime_ns may still change without its time changing.

    File systems keep modification times in clock ticks: a few milliseconds on ext4,
    APFS or NTFS, whole seconds on HFS+, ext3 or many network shares, two seconds on FAT.
    A file written again within the same tick keeps its time (and often its size), so a
    time that close to "now" proves nothing; only the bytes can tell."""
    coarse = mtime_ns % 1_000_000_000 == 0  # a time in whole seconds: assume a coarse clock
    return now_ns - mtime_ns <= (2_000_000_000 if coarse else 50_000_000)


CACHE_DIR = ".sitegen-cache"
SCHEMA = 7  # 7: review items, the scan with two confidences; 6: renderings carry references and anchors;
# 5: tags past MAX_TAGS are left out, over-long tags refused; 4: description and aliases

# What a cached value may be made of, besides sitegen's own data classes and enums.
_SAFE_GLOBALS = {("datetime", n): getattr(datetime, n) for n in ("date", "datetime", "time", "timedelta", "timezone")}
_SAFE_GLOBALS[("zoneinfo", "ZoneInfo")] = zoneinfo.ZoneInfo
_SAFE_GLOBALS[("sitegen.cache", "_read_only")] = _read_only


def _zone_getattr(obj: Any, name: str) -> Any:
    """The one getattr a cached value needs (ZoneInfo pickles as getattr(ZoneInfo, "_unpickle"))."""
    if obj is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle
    raise pickle.UnpicklingError(f"the cache asks for {name!r}, which a cached value never holds")


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _SAFE_GLOBALS.get((module, name))
        if found is not None:
            return found
        if (module, name) == ("builtins", "getattr"):
            return _zone_getattr
        if module.startswith("sitegen.") and "." not in name:
            obj = super().find_class(module, name)
            if isinstance(obj, type) and (dataclasses.is_dataclass(obj) or issubclass(obj, enum.Enum)):
                _SAFE_GLOBALS[(module, name)] = obj  # checked once: a build reads thousands of records
                return obj
        raise pickle.UnpicklingError(f"the cache holds {module}.{name}, which sitegen never stores")


def _loads(blob: bytes) -> Any:
    return _Unpickler(io.BytesIO(blob)).load()


def stored(value: Any) -> bytes:
    """A value as the cache stores it."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def from_stored(blob: bytes) -> Any:
    """A value made into bytes by `stored` in this build (a worker's result), read back the way
    the cache reads its own; None when it holds something the cache would refuse."""
    try:
        return _loads(blob)
    except _DAMAGED:
        return None


_DAMAGED = (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError, IndexError, KeyError)


def _sqlite_reason(exc: sqlite3.Error) -> tuple[str, str] | None:
    """(what went wrong, what to do) when SQLite failed because the system refused, else None."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == 13:  # SQLITE_FULL
        return os_reason(OSError(28, "full"))  # ENOSPC
    if code in (3, 8, 14, 23):  # PERM, READONLY, CANTOPEN, AUTH
        return ("sitegen may not write there (a read-only disk, or no permission)",
                "check that you own the site folder and can write to it")
    if code == 10:  # IOERR: a write refused by the disk, a quota or a file size limit
        return ("the disk refused a write (it may be full, over a quota, or failing)",
                "free some space on that disk and check that it is connected")
    return None


def version_key(extra: str = "") -> str:
    """What every cached value depends on besides its file: sitegen (its version and its code),
    Python, Markdown settings."""
    from . import __version__

    return hashlib.sha256(f"{SCHEMA}|{__version__}|{_code_key()}|{sys.version_info[:2]}|{extra}".encode()
                          ).hexdigest()[:16]


def _code_key(here: str = "") -> str:
    """Size and time of each of sitegen's own modules: a sitegen updated without a new version
    number (installed from its repository) reads, scans and renders every file again rather
    than trust what older code made of them — an improved privacy scan is never skipped."""
    here = here or os.path.dirname(os.path.abspath(__file__))
    found: list[tuple[str, int, int]] = []
    todo = [here]
    while todo:
        folder = todo.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.is_dir(follow_symlinks=False) and e.name != "__pycache__":
                todo.append(e.path)
            elif e.name.endswith(".py"):
                st = e.stat()
                found.append((e.path[len(here):], st.st_size, st.st_mtime_ns))
    return hashlib.sha256(repr(sorted(found)).encode()).hexdigest()[:16]


class Cache:
    """Key → pickled value, plus named records; every failure means 'not cached', never a crash."""

    def __init__(self, site_dir: Path, version: str, *, enabled: bool = True):
        self.path = site_dir / CACHE_DIR / "cache.sqlite"
        self.version = version
        self.warning = ""
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        self._records: dict[str, Any] = {}  # read once: a record is never changed by what reads it
        if enabled:
            self._open()

    def _open(self) -> None:
        db = None
        try:
            self.path.parent.mkdir(exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n")
            _check_writable(self.path)
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("create table if not exists meta (name text primary key, value blob)")
            db.execute("create table if not exists entries (key text primary key, value blob)")
            db.execute("select key, value from entries limit 0")  # the right columns: another layout fails here
            row = db.execute("select value from meta where name = 'version'").fetchone()
            if row is None:
                db.execute("insert into meta values ('version', ?)", (self.version,))
            elif row[0] != self.version:
                # Another sitegen version or different Markdown settings: nothing in it applies.
                db.execute("delete from entries")
                db.execute("delete from meta")
                db.execute("insert into meta values ('version', ?)", (self.version,))
            noted = db.execute("select value from meta where name = 'discarded'").fetchone()
            if noted and isinstance(noted[0], str):  # damage found by an earlier opening, not yet reported by a build
                self.warning = noted[0]
            db.commit()
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            if db is not None:
                db.close()
            found = os_reason(exc, self.path.parent) if isinstance(exc, OSError) else _sqlite_reason(exc)
            if found is not None:  # the system refused: leave the files alone and build without a cache
                self.warning = (f"cannot use the build cache in {CACHE_DIR}/: {found[0]}; this build reads every "
                                f"file again — {found[1]}")
                return
            self._discard(f"the build cache in {CACHE_DIR}/ was damaged ({_what(exc)}); it was cleared and "
                          "is being rebuilt")

    def _remove(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except IsADirectoryError:
                import shutil

                shutil.rmtree(str(self.path) + suffix, ignore_errors=True)
            except OSError:
                pass

    def _discard(self, why: str) -> None:
        self.warning = why
        self._records.clear()
        self._remove()
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("create table meta (name text primary key, value blob)")
            db.execute("create table entries (key text primary key, value blob)")
            db.execute("insert into meta values ('version', ?)", (self.version,))
            # Kept until a build saves the cache, so the build that follows a quick look (the
            # no-change check opens the cache first) still tells the user.
            db.execute("insert into meta values ('discarded', ?)", (why,))
            db.commit()
            self._db = db
        except (sqlite3.Error, OSError):
            self._db = None  # run without a cache

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        keys = list(keys)
        found: dict[str, Any] = {}
        if self._db is not None and keys:
            try:
                for i in range(0, len(keys), 900):
                    chunk = keys[i:i + 900]
                    marks = ",".join("?" * len(chunk))
                    for key, blob in self._db.execute(f"select key, value from entries where key in ({marks})", chunk):
                        found[key] = _loads(blob)
            except _DAMAGED as exc:
                self._discard(f"the build cache in {CACHE_DIR}/ was damaged ({_what(exc)}); it was cleared and "
                              "is being rebuilt")
                found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put(self, key: str, value: Any) -> None:
        self._pending[key] = stored(value)

    def put_stored(self, key: str, blob: bytes) -> None:
        """Store a value already made into bytes by `stored` (in a worker process)."""
        self._pending[key] = blob

    def record(self, name: str) -> Any:
        if self._db is None:
            return None
        if name in self._records:
            return self._records[name]
        try:
            row = self._db.execute("select value from meta where name = ?", (name,)).fetchone()
            found = self._records[name] = _loads(row[0]) if row else None
            return found
        except _DAMAGED as exc:
            self._discard(f"the build cache in {CACHE_DIR}/ was damaged ({_what(exc)}); it was cleared and "
                          "is being rebuilt")
            return None

    def commit(self, records: dict[str, Any], keep: set[str] | None = None) -> str:
        """Store new entries and records in one transaction; drop entries not in `keep`.

        Returns "" when saved, else a warning for the user (the cache is then removed)."""
        if self._db is None:
            return ""
        try:
            with self._db:
                self._db.executemany("insert or replace into entries values (?, ?)", self._pending.items())
                for name, value in records.items():
                    self._db.execute("insert or replace into meta values (?, ?)",
                                     (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
                self._db.execute("delete from meta where name = 'discarded'")
                self._records.clear()
                if keep is not None:
                    stale = [k for (k,) in self._db.execute("select key from entries") if k not in keep]
                    self._db.executemany("delete from entries where key = ?", ((k,) for k in stale))
            self._pending.clear()
            return ""
        except sqlite3.Error as exc:
            # The old records no longer describe the output that was just written: never keep them.
            self._remove()
            found = _sqlite_reason(exc)
            why = f"{found[0]} — {found[1]}" if found else _what(exc)
            return (f"the build cache could not be saved in {CACHE_DIR}/: {why}. The site was built; the "
                    "cache was removed, so the next build reads every file again")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def input_signature(site_dir: Path, config_files: Iterable[Path], theme_dir: Path) -> tuple:
    """Size and modification time of every input: changes when any input file changes."""
    sig: list[tuple] = []
    for folder in (site_dir / "content", site_dir / "templates", site_dir / "static", theme_dir):
        sig.append(("dir", str(folder)))
        stack = [folder]
        while stack:
            d = stack.pop()
            try:
                with os.scandir(d) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                continue
            for e in entries:
                try:
                    st = e.stat()
                except OSError:
                    continue
                if e.is_dir():
                    stack.append(Path(e.path))
                else:
                    sig.append((e.path, st.st_size, st.st_mtime_ns))
    for f in config_files:
        try:
            st = f.stat()
            sig.append((str(f), st.st_size, st.st_mtime_ns))
        except OSError:
            sig.append((str(f), None))
    return tuple(sig)


def output_identity(output: Path) -> tuple | None:
    """Which output folder the last build wrote: replaced or deleted by hand → a different identity."""
    try:
        st = output.stat()
        marker = (output / ".sitegen-output").stat()
        return (str(output.resolve()), st.st_dev, st.st_ino, marker.st_ino)
    except OSError:
        return None


def _check_writable(path: Path) -> None:
    """OSError unless a file can be made beside `path` and `path` itself written: a cache that can be
    read but not saved (a read-only disk, someone else's folder) would describe builds it never saw."""
    if path.is_dir():  # not something the system refuses: damage, cleared like any other
        raise IsADirectoryError(21, "a folder where the cache file belongs", str(path))
    probe = path.with_name(f".probe-{os.getpid()}")
    os.close(os.open(probe, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    os.unlink(probe)
    if path.exists() and not os.access(path, os.W_OK):
        raise PermissionError(13, "Permission denied", str(path))


def _what(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
