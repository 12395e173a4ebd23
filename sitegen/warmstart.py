"""Compiled once, kept: what Python otherwise compiles afresh at every start of `sitegen`.

Two things are compiled from text each time the program starts, and they are a sixth of a
one-post build at 1,000 posts (README, "Speed"):

- the methods `dataclasses` writes for each frozen dataclass (`__init__`, `__eq__`,
  `__hash__`, `__repr__`, `__setattr__`, `__delattr__`): about 400 small functions, each
  put through the compiler;
- the regular expressions of the scanner, Markdown, YAML, Jinja and the phone-number
  library, each parsed and compiled to the regular-expression engine's code.

Both are pure functions of their text and of the Python that compiles them, so their
results are kept in one file beside Python's own compiled modules
(`sitegen/__pycache__/warmstart.<python>.bin`), written when the `sitegen` command ends
having compiled something new, and read back on the next start.  The file is
named after the Python version and carries Python's bytecode magic number and the regular
expression engine's, so another Python never reads it; a file that cannot be read or written
(a read-only install, a damaged file) only means compiling as before.

What is kept never holds a user's words: a regular expression is kept only when it is
compiled while a module is being imported (a module's own constant) or is one of the
scanner's lazily compiled constants (`privacy/lazyre.py`).  Patterns built at run time from
a site's files or its client register (`privacy/phrases.py`, `privacy/review.py`) are
compiled as before and never written down.
"""

from __future__ import annotations

import _frozen_importlib
import _frozen_importlib_external
import dataclasses
import hashlib
import marshal
import os
import re
import sys
from array import array
from pathlib import Path

__all__ = ["constant_patterns", "importing", "install", "save"]

_MAX_ENTRIES = 4000  # far above what the program compiles (about 700): a bound, not a budget
_FILE = Path(__file__).parent / "__pycache__" / f"warmstart.{sys.implementation.cache_tag}.bin"

_CODE_TYPE = "I"  # the engine's code units: 32-bit unsigned (checked against _sre.CODESIZE below)

try:  # the regular-expression compiler's parts, as Python 3.11–3.13 have them
    import _sre
    from re import _compiler, _parser
    _RE_PARTS = callable(getattr(_compiler, "_code", None)) and callable(getattr(_parser, "parse", None)) \
        and array(_CODE_TYPE).itemsize == _sre.CODESIZE
except ImportError:  # pragma: no cover - another Python
    _RE_PARTS = False


class _Store:
    """The kept results: loaded on first use, written back (save()) when something was added."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[bytes, object] | None = None
        self.added = False
        self.pid = os.getpid()
        self.constant_depth = 0  # > 0 while a constant compiled late is compiled

    def header(self) -> tuple:
        return (_frozen_importlib_external.MAGIC_NUMBER, getattr(_sre, "MAGIC", None) if _RE_PARTS else None,
                sys.version)

    def load(self) -> dict[bytes, object]:
        if self.entries is None:
            self.entries = {}
            try:  # one read, then marshal.loads: marshal.load on a file reads it a few bytes at a time
                header, entries = marshal.loads(self.path.read_bytes())
                if header == self.header() and isinstance(entries, dict):
                    self.entries = entries
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no file yet, or not one this Python wrote: compile as before
        return self.entries

    def get(self, key: bytes) -> object | None:
        return self.load().get(key)

    def put(self, key: bytes, value: object) -> None:
        entries = self.load()
        if len(entries) < _MAX_ENTRIES:
            entries[key] = value
            self.added = True

    def save(self) -> None:
        if not self.added or self.entries is None or os.getpid() != self.pid:
            return  # nothing new, or a forked worker: the process that started writes
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(exist_ok=True)
            data = marshal.dumps((self.header(), dict(self.entries)))  # a copy: a thread may still add
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, self.path)
            self.added = False
        except Exception:  # noqa: BLE001 - a read-only install, a full disk, anything: compile as before next time
            try:
                tmp.unlink()
            except OSError:
                pass


_store = _Store(_FILE)

# The files of the code that runs a module being imported ("<frozen importlib._bootstrap>" and
# "…_external>" as Python is usually built, real paths when it is not).
_IMPORT_MACHINERY = frozenset(f.__code__.co_filename for f in (_frozen_importlib._load_unlocked,
                                                               _frozen_importlib_external.SourceLoader.exec_module))


def _digest(*parts: object) -> bytes:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


# -- dataclass methods -----------------------------------------------------------------------------

def _exec(source, globals=None, locals=None, /):  # noqa: A002
    """exec() as `dataclasses` calls it, with the compiled text kept (the module's only exec)."""
    if not isinstance(source, str):
        return exec(source, globals, locals)  # noqa: S102
    key = _digest("fn", source)
    code = _store.get(key)
    if code is None:
        code = compile(source, "<string>", "exec")
        _store.put(key, code)
    return exec(code, globals, locals)  # noqa: S102 - the text dataclasses wrote, run as it runs it


# -- regular expressions ---------------------------------------------------------------------------

def importing() -> bool:
    """Whether a module is being imported (the import machinery is running it): a pattern
    made now is a module's own constant, never a user's words."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in _IMPORT_MACHINERY:
            return True
        frame = frame.f_back
    return False


def _compile(p, flags=0):
    """re._compiler.compile, with the engine's code of a constant pattern kept."""
    if not isinstance(p, (str, bytes)) or flags & re.DEBUG or not (_store.constant_depth or importing()):
        return _original_compile(p, flags)
    key = _digest("re", type(p).__name__, p, int(flags))
    got = _store.get(key)
    if got is None:
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        # the code as bytes (a list of ints would be a Python object per int to read back); the
        # flags as a plain int (the flags and opcodes are int subclasses, which marshal refuses)
        got = (int(flags | parsed.state.flags), array(_CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
               groupindex, tuple(indexgroup))
        _store.put(key, got)
    final_flags, code, groups, groupindex, indexgroup = got
    return _sre.compile(p, final_flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


class constant_patterns:
    """Within it, the patterns compiled are the program's own constants, compiled late
    (privacy/lazyre.py)."""

    def __enter__(self) -> None:
        _store.constant_depth += 1

    def __exit__(self, *exc: object) -> None:
        _store.constant_depth -= 1


_original_compile = _compiler.compile if _RE_PARTS else None


def install() -> None:
    """Route dataclasses' and the regular-expression compiler's work through the kept results."""
    # A global `exec` in the dataclasses module is found before the built-in one (3.11 to 3.13
    # call exec(text, globals, namespace) once per method or once per class).
    dataclasses.exec = _exec
    if _RE_PARTS and _compiler.compile is not _compile:
        _compiler.compile = _compile


def save() -> None:
    """Write down what this process compiled that was not kept yet (the `sitegen` command
    does, as it ends; a program that imports sitegen, such as the tests, keeps nothing)."""
    _store.save()
