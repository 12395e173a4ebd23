"""Where a CPD record may be written: under private/cpd/ by default, never where the site is published from.

The record can hold unpublished reflections, so `sitegen cpd` refuses a file inside
content/, static/, templates/ or output/, or inside any folder sitegen builds or publishes
into; it never replaces a file that is not a record it made; and it writes atomically,
readable by its owner only.  `is_record` recognises a record by its contents, so the build
can refuse to publish one that was copied into the site.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from ..errors import UnsafeOutputError

EXTENSIONS = {"html": ".html", "csv": ".csv", "json": ".json"}
DEFAULT_DIR = "private/cpd"
GENERATOR = '<meta name="generator" content="sitegen cpd">'
PUBLISHED_FOLDERS = ("content", "static", "templates", "output")
MARKERS = (".sitegen-output", ".sitegen-manifest.json")  # a folder sitegen built or published into
JSON_KEYS = {"entries", "totals", "gaps", "body"}


def default_name(start: str, end: str, body: str, fmt: str) -> str:
    return f"cpd-record{'-' + body if body else ''}-{start}-to-{end}{EXTENSIONS[fmt]}"


def _csv_header() -> str:
    import csv

    from .to_csv import HEADER

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(HEADER)
    return buf.getvalue()


def is_record(path: Path) -> bool:
    """A file `sitegen cpd` wrote (HTML, CSV or JSON), recognised by what it holds."""
    suffix = path.suffix.lower()
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            if suffix in (".html", ".htm"):
                return GENERATOR.encode() in head
            if suffix == ".csv":
                return head.decode("utf-8", "replace").lstrip("\ufeff").startswith(_csv_header())
            if suffix == ".json" and head.lstrip().startswith(b'{\n  "entries": ['):
                if os.fstat(fh.fileno()).st_size > 50_000_000:
                    return True  # that large and shaped like a record: treat it as one
                data = json.loads(head + fh.read())
                return isinstance(data, dict) and set(data) == JSON_KEYS
    except (OSError, ValueError):
        return False
    return False


def destination(site_dir: Path, output: Path | None, name: str) -> Path:
    """The file to write: -o (a file, or a folder to put the record in) or private/cpd/NAME; refused if unsafe."""
    site_dir = Path(site_dir)
    path = site_dir / DEFAULT_DIR / name if output is None else Path(output)
    if output is not None and path.is_dir():
        path = path / name
    path = path.absolute()
    real = path.resolve()
    site = site_dir.resolve()
    for folder in PUBLISHED_FOLDERS:
        if real.is_relative_to((site / folder).resolve()):
            raise UnsafeOutputError(
                f"refusing to write the CPD record into {folder}/ ({path}): everything there can end up on your "
                f"public site. Nothing was written. Leave out -o to write it to {DEFAULT_DIR}/, or choose a folder "
                "outside the site")
    for parent in real.parents:
        if any((parent / m).exists() for m in MARKERS):
            raise UnsafeOutputError(
                f"refusing to write the CPD record into {parent}: sitegen builds or publishes a website there. "
                f"Nothing was written. Leave out -o to write it to {DEFAULT_DIR}/")
    if path.exists() or path.is_symlink():
        if not path.is_file() or not is_record(path):
            raise UnsafeOutputError(f"{path} already exists and is not a CPD record made by sitegen, so it was left "
                                    "as it is and nothing was written. Choose another file name with -o")
    return path


def write_record(path: Path, data: bytes) -> None:
    """Write atomically (a reader never sees half a record), readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def git_warning(site_dir: Path, path: Path) -> str:
    """A warning when the record sits in a git repository that does not ignore private/."""
    site = Path(site_dir).resolve()
    if not (site / ".git").exists() or not path.resolve().is_relative_to(site / "private"):
        return ""
    try:
        lines = {line.strip() for line in (site / ".gitignore").read_text(encoding="utf-8").splitlines()}
    except OSError:
        lines = set()
    if lines & {"private", "private/", "/private", "/private/"}:
        return ""
    return ("warning: private/ is not in .gitignore, so your CPD record could be committed and pushed with your "
            "site — add a line private/ to .gitignore (sitegen init does this)")


def render(record, fmt: str) -> bytes:
    """The record in one of EXTENSIONS' formats."""
    if fmt == "json":
        from .to_json import to_json

        return to_json(record)
    if fmt == "csv":
        from .to_csv import to_csv

        return to_csv(record)
    from .to_html import to_html

    return to_html(record)
