"""Writing the imported site: never over a file that is there, so a second run changes nothing.

SITE_DIR becomes a sitegen site as `sitegen init` makes one (settings, folders, .gitignore,
the private client register), without the example posts, and with the old site's title,
address, author, language and time zone carried into site.toml.
"""

from __future__ import annotations

import json
import re
import zoneinfo
from dataclasses import replace
from pathlib import Path

from ..config import CONFIG_NAME
from ..scaffold import init_site, site_toml_text
from .convert import Planned, post_text
from .records import Note

SETTINGS = ("title", "author", "description", "base_url", "language", "timezone")


def site_toml(settings: dict[str, str], generator: str) -> str:
    """site.toml with the old site's settings filled in and every other setting commented out, as init writes it."""
    text = site_toml_text()
    for key in SETTINGS:
        value = settings.get(key, "").strip()
        if not value:
            continue
        if key == "timezone":
            try:
                zoneinfo.ZoneInfo(value)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
                continue
        if key == "language" and not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value):
            continue
        quoted = json.dumps(" ".join(value.split()), ensure_ascii=False)  # a JSON string is a TOML basic string
        text = re.sub(rf"^# {key} = .*$", lambda m: f"{key} = {quoted}", text, count=1, flags=re.M)  # noqa: B023 (called within this iteration)
    return f"# Settings carried over from the old {generator} site by sitegen import.\n" + text


class Writer:
    """Creates files under SITE_DIR; an existing file is never replaced (the same content counts as done)."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.notes: list[Note] = []

    def put(self, rel: str, data: bytes) -> bool:
        path = self.site_dir / rel
        if path.exists() or path.is_symlink():
            try:
                same = path.is_file() and path.read_bytes() == data
            except OSError:
                same = False
            if same:
                self.unchanged.append(rel)
            else:
                self.notes.append(Note(rel, None, "already exists and differs from what the import would write: "
                                       "left as it is (move it away and run the import again to have it written)",
                                       True))
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "xb") as fh:  # "x": never replace a file that appeared meanwhile
                fh.write(data)
        except FileExistsError:
            return self.put(rel, data)
        self.written.append(rel)
        return True

    def copy(self, rel: str, src: Path) -> None:
        try:
            data = src.read_bytes()
        except OSError as exc:
            self.notes.append(Note(rel, None, f"could not be copied from {src} ({exc.strerror})", True))
            return
        self.put(rel, data)


def write_site(site_dir: Path, planned: list[Planned], settings: dict[str, str], generator: str) -> Writer:
    """Write every planned post and its files, then make SITE_DIR a complete site."""
    w = Writer(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    if not (site_dir / CONFIG_NAME).exists():
        w.put(CONFIG_NAME, site_toml(settings, generator).encode("utf-8"))
    for p in planned:
        text = post_text(p)
        w.put(p.rel, text.encode("utf-8"))
        for src, name in sorted(p.files.items(), key=lambda kv: kv[1]):
            w.copy(f"{p.bundle_dir}/{name}", src)
        p.notes[:] = [_in_new_file(n, p, text) for n in p.notes]
    init_site(site_dir)  # folders, .gitignore, the private register: whatever is still missing
    return w


def _in_new_file(note: Note, p: Planned, text: str) -> Note:
    """A note about the old file, pointed at the line of the new file where a person would fix it."""
    if note.line is None and not note.needle and note.new_line is None:
        return replace(note, path=p.rel)
    lines = text.split("\n")
    body_start = text[: text.index("\n---\n") + 5].count("\n") + 2 if "\n---\n" in text else 1
    line = None
    if note.new_line is not None:  # counted in the body, whose leading blank lines are not written
        lead = len(p.body) - len(p.body.lstrip("\n"))
        line = min(len(lines), body_start + max(0, note.new_line - lead))
    if line is None and note.needle:
        line = next((i + 1 for i, s in enumerate(lines) if note.needle in s), None)
    if line is None and note.line is not None and p.post.format == "markdown" and note.line >= p.post.body_line:
        line = min(len(lines), body_start + note.line - p.post.body_line)
    old = f"{p.post.origin}:{note.line}" if note.line else p.post.origin
    return replace(note, path=p.rel, line=line or body_start, message=f"{note.message} (old site: {old})",
                   needle="", new_line=None)
