"""Reading a hand-written TOML file with messages that name its lines (tomllib keeps no positions).

`key_lines` maps every table and key to the line it is on ("activity.2.hours" → 31);
`TomlReader` reads typed values out of the parsed data and collects a `path:line: what
is wrong — how to fix it` diagnostic for each value that is missing or wrong.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ..errors import Diagnostic, error, shorten, warning

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\"'.-]+)\s*=")


def _dotted(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


def key_lines(text: str) -> dict[str, int]:
    """Line of every [table], [[array]] item ("name.N") and key ("table.key") in a TOML text."""
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    quote = ""  # inside a multi-line string: its delimiter
    for n, raw in enumerate(text.splitlines(), 1):
        if quote:
            if raw.count(quote) % 2 == 1:
                quote = ""
            continue
        m = _HEADER.match(raw)
        if m:
            name = _dotted(m.group(2))
            # An [[array]] item under an item of another array belongs to that item.
            parent, _, leaf = name.rpartition(".")
            if parent and parent in counts:
                name = f"{parent}.{counts[parent] - 1}.{leaf}"
            if m.group(1) == "[[":
                counts[name] = counts.get(name, 0) + 1
                table = f"{name}.{counts[name] - 1}"
            else:
                table = name
            lines.setdefault(table, n)
            continue
        m = _KEY.match(raw)
        if m:
            key = _dotted(m.group(1))
            lines.setdefault(f"{table}.{key}" if table else key, n)
            rest = raw[m.end():]
            for q in ('"""', "'''"):
                if rest.count(q) % 2 == 1:
                    quote = q
                    break
    return lines


class TomlReader:
    """Typed values from one parsed TOML file; every problem becomes a diagnostic in .diags."""

    def __init__(self, rel: str, lines: dict[str, int], code: str):
        self.rel, self.lines, self.code = rel, lines, code
        self.diags: list[Diagnostic] = []

    def line(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition(".")[0]
        return None

    def err(self, path: str, message: str, hint: str = "") -> None:
        self.diags.append(error(self.rel, self.line(path), self.code, message, hint))

    def warn(self, path: str, message: str, hint: str = "") -> None:
        self.diags.append(warning(self.rel, self.line(path), self.code, message, hint))

    def unknown_keys(self, table: dict, path: str, known: Iterable[str]) -> None:
        known = tuple(known)
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                self.warn(f"{path}.{key}", f"unknown key {shorten(key)!r} in [{_shown(path)}]",
                          f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known))

    def text(self, table: dict, path: str, key: str, required: bool = False, example: str = "…") -> str:
        value = table.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                where = f"{path}.{key}" if key in table else path
                self.err(where, f"'{key}' is {'empty' if key in table else 'missing'} in [{_shown(path)}]",
                         f'add a line {key} = "{example}"')
            return ""
        if not isinstance(value, str):
            self.err(f"{path}.{key}", f"'{key}' must be text in quotes, not {_describe(value)}",
                     f'write it like {key} = "{example}"')
            return ""
        return value.strip()

    def texts(self, table: dict, path: str, key: str) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.err(f"{path}.{key}", f"'{key}' must be a list of texts, not {_describe(value)}",
                     f'write it like {key} = ["first", "second"]')
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def number(self, table: dict, path: str, key: str, required: bool = False, example: str = "1.5",
               maximum: float = 10_000) -> float | None:
        value = table.get(key)
        if value is None:
            if required:
                self.err(path, f"'{key}' is missing in [{_shown(path)}]", f"add a line {key} = {example}")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not 0 <= value <= maximum:
            self.err(f"{path}.{key}", f"'{key}' must be a number from 0 to {maximum:g}, not {_describe(value)}",
                     f"write it in digits, without quotes: {key} = {example}")
            return None
        return float(value)

    def day(self, table: dict, path: str, key: str, required: bool = False) -> date | None:
        value = table.get(key)
        if value is None:
            if required:
                self.err(path, f"'{key}' is missing in [{_shown(path)}]", f"add a line {key} = 2025-04-22")
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.err(f"{path}.{key}", f"'{key}' must be a date, not {_describe(value)}",
                 f"write it year first, without quotes: {key} = 2025-04-22")
        return None

    def table(self, data: dict, key: str, path: str = "") -> dict:
        value = data.get(key, {})
        where = f"{path}.{key}" if path else key
        if not isinstance(value, dict):
            self.err(where, f"'{key}' must be a [{where}] section, not {_describe(value)}",
                     f"write a line [{where}], then its settings on the lines below it")
            return {}
        return value

    def tables(self, data: dict, key: str, path: str = "") -> list[tuple[str, dict]]:
        """The items of an [[array]] of tables, each with its path ("activity.3")."""
        value = data.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.err(where, f"'{key}' must be written as [[{key}]] sections, not {_describe(value)}",
                     f"start each one with a line [[{key}]]")
            return []
        return [(f"{where}.{i}", v) for i, v in enumerate(value)]


def _shown(path: str) -> str:
    """'activity.3' → 'activity' (the section as the file names it)."""
    return ".".join(p for p in path.split(".") if not p.isdigit())


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a section"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return repr(value)
