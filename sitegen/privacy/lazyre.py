"""Regular expressions compiled the first time a text needs them.

The scan holds a few hundred patterns; compiling them all when the module is imported
cost about a third of the import, paid by every build, even one that scans a single
essay with no digits in it.  A `LazyPattern` is compiled on first use and from then
on is the compiled pattern's own methods, so a scan pays nothing more per call.
"""

from __future__ import annotations

import re

from sitegen import warmstart

_ATTRS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
          "groups", "groupindex")


class LazyPattern:
    """A pattern compiled on first use; `lower` compiles it for the lower-cased text (see
    `tokens.lowered`)."""

    __slots__ = ("_source", "_flags", "_lower", "_constant") + _ATTRS

    def __init__(self, source: str, flags: int = 0, lower: bool = False) -> None:
        self._source, self._flags, self._lower = source, flags, lower
        self._constant = warmstart.importing()  # a module's own pattern: its compiled code may be kept
        _ALL.append(self)

    def __getattr__(self, name: str):
        # Reached only while the slots are empty: compile once, then fill them all.
        if name not in _ATTRS:
            raise AttributeError(name)
        source = lower_pattern(self._source) if self._lower else self._source
        if self._constant:
            with warmstart.constant_patterns():
                rx = re.compile(source, self._flags)
        else:
            rx = re.compile(source, self._flags)
        for a in _ATTRS:
            setattr(self, a, getattr(rx, a))
        return getattr(rx, name)


_ALL: list[LazyPattern] = []


def compile_all() -> None:
    """Compile every pattern now: for measuring the scan apart from this one-time cost."""
    for p in _ALL:
        p.pattern  # noqa: B018 - reading an attribute compiles the pattern


def lazy(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)


# An escape ("\S", "\D", "\\") or a named group's opening, kept as written; any other run is lower-cased.
_KEEP = re.compile(r"\\.|\(\?P|[^\\(]+|\(", re.DOTALL)


def lower_pattern(pattern: str) -> str:
    """`pattern` with every letter outside an escape lower-cased ("\\S", "\\D" keep their meaning)."""
    return "".join(p if p[0] == "\\" or p == "(?P" else p.lower() for p in _KEEP.findall(pattern))
