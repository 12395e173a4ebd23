"""Diagnostics and the exception tree: how sitegen tells a person what is wrong.

Every problem found in a user's files is a `Diagnostic`: the file (relative to
the site folder, as the user sees it), the line (and column where it helps),
what is wrong, the offending value and how to fix it.  Stages return
diagnostics; they do not raise.  Exceptions are kept for the few conditions
that stop a command as a whole, and the CLI shows them without a traceback:

    SitegenError            exit 1 -- shown as its message, never a traceback
    ├── ContentErrors       exit 1 -- carries every ERROR diagnostic of a build
    │   └── NotPublished    exit 1 -- the same, when publishing: nothing was published
    ├── FileExists          exit 1 -- `sitegen new` would overwrite a file
    ├── ConfigError         exit 2 -- site.toml is unreadable or invalid
    ├── UnsafeOutputError   exit 2 -- the output folder is not safe to replace
    ├── UsageError          exit 2 -- a command line that cannot be carried out
    ├── PublishError        exit 2 -- the publishing target cannot take the site
    ├── WorkerFailed        exit 2 -- a build process ran out of memory or was killed
    ├── ImportSourceError   exit 2 -- `sitegen import` cannot read (or refuses) the old site or export
    └── FileSystemError     exit 2 -- the operating system refused to read or write: a full
                                      disk, a quota, a read-only disk, no permission
    Terminated (a BaseException: SIGTERM, so that every cleanup handler runs)  exit 143

Anything else that reaches the command line is a fault in sitegen itself: "internal
error — please report it", exit 3.

Exit codes: 0 success, 1 content errors, 2 usage or configuration errors and files the
operating system would not let sitegen read or write, 130 interrupted (Ctrl-C),
143 terminated (SIGTERM).

Whatever a message quotes (a file name, a front-matter value) is shown with control
characters escaped (`content/posts/a\nb.md`), so a hostile file cannot move the cursor
or recolour the terminal.
"""

from __future__ import annotations

import enum
import errno
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar


class Severity(enum.Enum):
    ERROR = "error"
    REVIEW = "review"  # possibly identifying: holds a case study back until the author confirms it (sitegen review)
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about one place in one file.

    `str(d)` gives the line the user reads:
    ``content/posts/a.md:3: unknown key 'tgas' — did you mean 'tags'?`` for an
    error, with ``warning: `` before the message for a warning.
    """

    path: str  # posix path relative to the site folder, e.g. content/posts/a.md
    line: int | None
    severity: Severity
    code: str  # dotted kind: "front-matter.unknown-key", "privacy.phone"
    message: str
    hint: str = ""
    column: int | None = None
    text: str = ""  # the offending text itself, where there is one
    key: str = ""  # a review item's key: what `sitegen review` records when the author confirms it

    @property
    def location(self) -> str:
        loc = printable(self.path)
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def __str__(self) -> str:
        label = {Severity.WARNING: "warning: ", Severity.REVIEW: "review: "}.get(self.severity, "")
        tail = f" — {self.hint}" if self.hint else ""
        return f"{self.location}: {label}{printable(self.message)}{printable(tail)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_review(self) -> bool:
        return self.severity is Severity.REVIEW

    def as_warning(self) -> Diagnostic:
        return _replace(self, severity=Severity.WARNING)

    def as_error(self) -> Diagnostic:
        return _replace(self, severity=Severity.ERROR)

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.code, self.message)


def _replace(d: Diagnostic, **changes) -> Diagnostic:
    from dataclasses import replace

    return replace(d, **changes)


def error(path: str, line: int | None, code: str, message: str, hint: str = "", **kw) -> Diagnostic:
    return Diagnostic(path, line, Severity.ERROR, code, message, hint, **kw)


def warning(path: str, line: int | None, code: str, message: str, hint: str = "", **kw) -> Diagnostic:
    return Diagnostic(path, line, Severity.WARNING, code, message, hint, **kw)


def shorten(text: str, width: int = 60) -> str:
    """The offending text for a message: one line, at most `width` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# C0 and C1 control characters, DEL, and the bidirectional overrides that make a terminal
# show text in another order than it is stored (U+202A-U+202E, U+2066-U+2069); lone
# surrogates stand for bytes of a file name that are not UTF-8 (os.fsdecode).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that is not UTF-8, as os.fsdecode keeps it
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character escaped, safe to print on a terminal."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(set(diags), key=Diagnostic.sort_key))


class SitegenError(Exception):
    """A condition that stops a command; shown to the user without a traceback."""

    exit_code: ClassVar[int] = 1


class ContentErrors(SitegenError):
    """The content has errors; nothing was written.

    Exit code 2 instead of 1 when a file could not be read at all (FILESYSTEM codes): that
    is the operating system refusing, not a mistake in what the file says."""

    def __init__(self, diagnostics: Iterable[Diagnostic], private: tuple = ()):
        self.diagnostics = sorted_diagnostics(diagnostics)
        self.private = tuple(private)  # exposure.PrivateFile of the sources, for the git check
        if any(d.is_error and d.code.startswith(FILESYSTEM) for d in self.diagnostics):
            self.exit_code = 2
        n = sum(d.is_error for d in self.diagnostics)
        super().__init__(f"{n} error{'s' if n != 1 else ''}; nothing was written, the previous output is unchanged")


class ConfigError(SitegenError):
    exit_code = 2

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted_diagnostics(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class UnsafeOutputError(SitegenError):
    exit_code = 2


class UsageError(SitegenError):
    exit_code = 2


class NotPublished(ContentErrors):
    """The fresh build found errors (or warnings, with --strict); nothing was published."""

    def __init__(self, diagnostics: Iterable[Diagnostic], private: tuple = ()):
        super().__init__(diagnostics, private)
        n = sum(d.is_error for d in self.diagnostics)
        self.args = (f"{n} error{'s' if n != 1 else ''}; nothing was published. Fix "
                     f"{'them' if n != 1 else 'it'} and publish again (sitegen check lists them too)",)


class FileExists(SitegenError):
    """`sitegen new` found a piece with the same name: nothing was changed."""


class PublishError(SitegenError):
    """The target cannot take the site (no git, no remote, files in the way...); nothing was published."""

    exit_code = 2


class WorkerFailed(SitegenError):
    """A worker process ran out of memory or was killed; the build stopped and wrote nothing."""

    exit_code = 2


class Terminated(BaseException):
    """SIGTERM, turned into an exception so every cleanup handler runs (not an Exception:
    nothing may catch it by accident)."""


class ImportSourceError(SitegenError):
    """The old site or export cannot be read, or is refused (a hostile export); nothing was written."""

    exit_code = 2


# -- the operating system refusing to read or write --------------------------------------------

FILESYSTEM = "filesystem."  # code prefix of diagnostics for files the system would not let us read

# What a person can do about each refusal.  Anything not listed here (a missing file that
# should exist, a bad file descriptor) is a fault in sitegen and is reported as one.
_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full (no space left on it)",
                   "free some space on that disk (empty the bin, delete or move large files you no longer need), "
                   "or use a folder on another disk"),
    errno.EDQUOT: ("your storage quota on that disk is used up",
                   "delete files you no longer need there, or ask whoever looks after that disk for more space"),
    errno.EFBIG: ("a file is larger than that disk or a limit set for your account allows",
                  "use a folder on another disk, or ask whoever looks after this computer about the file size limit"),
    errno.EROFS: ("that disk is read-only (write-protected, or connected read-only)",
                  "use a folder on a disk you can write to, or make the disk writable (a memory card's lock switch, "
                  "a network share's settings)"),
    errno.EACCES: ("you do not have permission",
                   "check who owns that folder and its files (they may have been made by another user, or with sudo) "
                   "and make them yours, or use another folder"),
    errno.EPERM: ("the operating system does not allow it (no permission, or the file or folder is locked)",
                  "check who owns that folder and its files and that they are not locked, or use another folder"),
    errno.EIO: ("the disk reported an error reading or writing (it may be failing, or was disconnected)",
                "check that the disk is connected; if it keeps happening, copy your files to another disk"),
}


def os_reason(exc: OSError, folder: object = None) -> tuple[str, str] | None:
    """(what went wrong, what to do) in plain words, or None for an OSError that is sitegen's fault."""
    found = _REASONS.get(exc.errno) if isinstance(exc.errno, int) else None
    if found is None:
        return None
    reason, fix = found
    if exc.errno == errno.ENOSPC and folder is not None:
        note_free_space(exc, folder)
    if getattr(exc, "sitegen_no_inodes", False):
        reason = "the disk cannot hold any more files (it has space, but no room left for new file names)"
    return reason, fix


def note_free_space(exc: OSError, folder: object) -> None:
    """Record on a 'no space' error whether the disk ran out of room for files rather than bytes.

    Called where the error happens, before anything is cleaned up (which frees the room again)."""
    if exc.errno != errno.ENOSPC or hasattr(exc, "sitegen_no_inodes"):
        return
    try:
        st = os.statvfs(folder)
    except OSError:
        return
    exc.sitegen_no_inodes = bool(st.f_files and st.f_favail == 0 and st.f_bavail > 0)  # type: ignore[attr-defined]


class FileSystemError(SitegenError):
    """The operating system refused to read or write a file sitegen needed; nothing was changed."""

    exit_code = 2

    def __init__(self, doing: str, folder: object, reason: str, fix: str, outcome: str):
        self.doing, self.folder, self.reason, self.fix, self.outcome = doing, folder, reason, fix, outcome
        fix = fix[0].upper() + fix[1:]
        super().__init__(printable(f"cannot {doing} {folder}: {reason}. {fix}, then try again. {outcome}"))


def file_system_error(exc: OSError, doing: str, folder: object, outcome: str) -> FileSystemError | None:
    """A FileSystemError for `exc`, or None when `exc` is not one a person can act on."""
    found = os_reason(exc, folder)
    if found is None:
        return None
    return FileSystemError(doing, folder, found[0], found[1], outcome)
