"""The persistent build cache in .sitegen-cache/: per-file results by content hash, and the last build's record.

Only the per-file work is worth saving (parsing, Markdown, the privacy scan), keyed by a
hash of the file's bytes, its path and every setting that changes the result.  The model
is always rebuilt over everything.  The record of the last build (every input file's size
and modification time, each page's input hash) lets a build with no change return at once,
and lets an incremental build re-render only the pages whose inputs changed.

The cache is a SQLite database: each build's writes land in one transaction, so a killed
build never leaves a half-written cache.  A corrupt or foreign cache is discarded with a
warning and rebuilt, never trusted.  This module imports only the standard library: the
no-change check must not pay for importing Markdown, Jinja and YAML.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import types
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable

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
SCHEMA = 5  # 4: entries carry description and aliases; 5: renderings carry references and anchors


def version_key(extra: str = "") -> str:
    """What every cached value depends on besides its file: sitegen, Python, Markdown settings."""
    from . import __version__

    return hashlib.sha256(f"{SCHEMA}|{__version__}|{sys.version_info[:2]}|{extra}".encode()).hexdigest()[:16]


class Cache:
    """Key → pickled value, plus named records; every failure means 'not cached', never a crash."""

    def __init__(self, site_dir: Path, version: str, *, enabled: bool = True):
        self.path = site_dir / CACHE_DIR / "cache.sqlite"
        self.version = version
        self.warning = ""
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        if enabled:
            self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n")
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("create table if not exists meta (name text primary key, value blob)")
            db.execute("create table if not exists entries (key text primary key, value blob)")
            row = db.execute("select value from meta where name = 'version'").fetchone()
            if row is None:
                db.execute("insert into meta values ('version', ?)", (self.version,))
                db.commit()
            elif row[0] != self.version:
                # Another sitegen version or different Markdown settings: nothing in it applies.
                db.execute("delete from entries")
                db.execute("delete from meta")
                db.execute("insert into meta values ('version', ?)", (self.version,))
                db.commit()
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            self._discard(f"the build cache {self.path} could not be used ({exc}); it was cleared and rebuilt")

    def _discard(self, why: str) -> None:
        self.warning = why
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except OSError:
                pass
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("create table meta (name text primary key, value blob)")
            db.execute("create table entries (key text primary key, value blob)")
            db.execute("insert into meta values ('version', ?)", (self.version,))
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
                        found[key] = pickle.loads(blob)
            except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError) as exc:
                self._discard(f"the build cache was damaged ({type(exc).__name__}); it was cleared and rebuilt")
                found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put(self, key: str, value: Any) -> None:
        self._pending[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def record(self, name: str) -> Any:
        if self._db is None:
            return None
        try:
            row = self._db.execute("select value from meta where name = ?", (name,)).fetchone()
            return pickle.loads(row[0]) if row else None
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def commit(self, records: dict[str, Any], keep: set[str] | None = None) -> None:
        """Store new entries and records in one transaction; drop entries not in `keep`."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany("insert or replace into entries values (?, ?)", self._pending.items())
                for name, value in records.items():
                    self._db.execute("insert or replace into meta values (?, ?)",
                                     (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
                if keep is not None:
                    stale = [k for (k,) in self._db.execute("select key from entries") if k not in keep]
                    self._db.executemany("delete from entries where key = ?", ((k,) for k in stale))
            self._pending.clear()
        except sqlite3.Error as exc:
            self.warning = f"the build cache could not be saved ({exc}); the next build will be a full one"

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
