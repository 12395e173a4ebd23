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
    └── ImportSourceError   exit 2 -- `sitegen import` cannot read (or refuses) the old site or export
    Terminated (a BaseException: SIGTERM, so that every cleanup handler runs)  exit 143

Anything else that reaches the command line is a fault in sitegen itself: "internal
error — please report it", exit 3.

Exit codes: 0 success, 1 content errors, 2 usage or configuration errors,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import ClassVar, Iterable


class Severity(enum.Enum):
    ERROR = "error"
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

    @property
    def location(self) -> str:
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def __str__(self) -> str:
        label = "warning: " if self.severity is Severity.WARNING else ""
        tail = f" — {self.hint}" if self.hint else ""
        return f"{self.location}: {label}{self.message}{tail}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

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


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(set(diags), key=Diagnostic.sort_key))


class SitegenError(Exception):
    """A condition that stops a command; shown to the user without a traceback."""

    exit_code: ClassVar[int] = 1


class ContentErrors(SitegenError):
    """The content has errors; nothing was written."""

    def __init__(self, diagnostics: Iterable[Diagnostic], private: tuple = ()):
        self.diagnostics = sorted_diagnostics(diagnostics)
        self.private = tuple(private)  # exposure.PrivateFile of the sources, for the git check
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
