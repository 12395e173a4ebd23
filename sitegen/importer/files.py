"""Reading an old site's folder: its files (never following links out of it), its config files, and
each content file split into front matter and body."""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import ImportSourceError
from .headers import Split, split_front_matter
from .records import Note

SKIP_DIRS = {".git", "node_modules", "_site", "public", "output", "vendor", ".sass-cache", ".jekyll-cache",
             "__pycache__", ".venv", "venv", "resources", "themes", "bower_components"}
MAX_FILE = 20 * 1024 * 1024  # a post is never this large; anything bigger is not read


def walk(root: Path, skip: set[str] = SKIP_DIRS) -> list[Path]:
    """Every regular file under root, sorted, skipping generated folders and links leading out of root."""
    return sorted(_files(root, skip), key=lambda p: p.as_posix())


def _files(root: Path, skip: set[str]) -> Iterator[Path]:
    real_root = root.resolve()
    seen = {real_root}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            p = Path(entry.path)
            try:
                real = p.resolve()
            except (OSError, RuntimeError):
                continue
            if not real.is_relative_to(real_root):
                continue
            if entry.is_dir():
                if entry.name not in skip and real not in seen:
                    seen.add(real)
                    stack.append(p)
            elif entry.is_file():
                yield p


def rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def read_text(path: Path, root: Path, notes: list[Note]) -> str | None:
    """The file's text, or None (with a note) when it is too large or not UTF-8 text."""
    try:
        if path.stat().st_size > MAX_FILE:
            notes.append(Note(rel(path, root), None, "not imported: larger than 20 MB, so not a post", True))
            return None
        data = path.read_bytes()
    except OSError as exc:
        notes.append(Note(rel(path, root), None, f"not imported: cannot be read ({exc.strerror})", True))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            notes.append(Note(rel(path, root), None, "not imported: not a text file", True))
            return None
        notes.append(Note(rel(path, root), None, "read as Windows-1252 text (it is not UTF-8); check accented letters",
                          True))
        return text


def read_content(path: Path, root: Path, notes: list[Note]) -> Split | None:
    """A content file split into front matter and body; None when unreadable (noted)."""
    text = read_text(path, root, notes)
    if text is None:
        return None
    split = split_front_matter(text)
    if split.problem:
        notes.append(Note(rel(path, root), 1, f"its front matter could not be read ({split.problem}); "
                          "imported with what could be read", True))
    return split


def load_config(path: Path) -> dict[str, Any]:
    """A YAML, TOML or JSON config file as a mapping; the old site's own config must be readable."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        raise ImportSourceError(f"{path.name}: the old site's settings cannot be read: "
                                f"{' '.join(str(exc).split())[:200]} — fix the file, or import the posts folder "
                                "on its own (sitegen import OLD/content)") from None
    return data if isinstance(data, dict) else {}


def lower_keys(data: Any) -> Any:
    """Config keys in lower case, as Hugo reads them (baseURL = baseurl)."""
    if isinstance(data, dict):
        return {str(k).lower(): lower_keys(v) for k, v in data.items()}
    return data


def text_setting(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("Name") or ""
    if isinstance(value, list):
        value = value[0] if value and isinstance(value[0], str) else ""
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def with_slash(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        return ""
    return url if url.endswith("/") else url + "/"


_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", re.I)


def cname_address(root: Path) -> tuple[str, str]:
    """The site's address from a CNAME file (GitHub Pages serves the site at that name), and that
    file's place; ("", "") when there is none."""
    for pattern in ("CNAME", "*/CNAME", "*/*/CNAME"):
        for path in sorted(root.glob(pattern)):
            if any(part in SKIP_DIRS for part in path.relative_to(root).parts[:-1]) or not path.is_file():
                continue
            try:
                host = path.read_text(encoding="utf-8", errors="replace").strip().split()[0].lower()
            except (OSError, IndexError):
                continue
            host = host.removeprefix("https://").removeprefix("http://").strip("/")
            if _HOST.match(host):
                return f"https://{host}/", rel(path, root)
    return "", ""
