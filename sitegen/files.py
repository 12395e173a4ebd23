"""The files a build reads and writes, as the stages pass them along.

    SourceFile   a Markdown file under content/ (discover → parse)
    StaticFile   a file copied as it is: static/, the theme's static files, images beside posts
    OutputFile   one file of the built site (render → audit → write)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Kind(enum.Enum):
    ESSAY = "essay"
    CASE_STUDY = "case-study"
    PAGE = "page"


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path  # absolute, for reading
    rel: str  # posix path as the user sees it, relative to the site folder
    kind: Kind


@dataclass(frozen=True, slots=True)
class StaticFile:
    path: Path
    rel: str  # relative to the site folder (or the theme), for messages
    out: str  # posix path inside the output folder


@dataclass(frozen=True, slots=True)
class OutputFile:
    rel: str  # posix path inside the output folder
    data: bytes | None  # None: unchanged since the last build into the same output folder


THEME_DIR = Path(__file__).parent / "theme"  # the default theme: templates/ and static/
CPD_FILE = "private/cpd.toml"  # the CPD record's own activities (sitegen/cpd/activities.py)
