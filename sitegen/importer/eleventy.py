"""An Eleventy site (`.eleventy.js` or `eleventy.config.js`, Markdown with YAML front matter under its
input folder), and a plain folder of Markdown posts (with or without front matter)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..validate import slugify
from .files import SKIP_DIRS, read_content, rel, text_setting, walk, with_slash
from .hugo import POSTISH
from .mapping import name_date
from .records import Note, OldPost, OldSite
from .values import data_files, include_files

CONFIGS = (".eleventy.js", ".eleventy.cjs", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs")
SUFFIXES = (".md", ".markdown")
NOT_CONTENT = {"readme", "license", "licence", "changelog", "contributing", "404", "code_of_conduct"}


def eleventy_config(root: Path) -> Path | None:
    return next((root / c for c in CONFIGS if (root / c).is_file()), None)


def read_eleventy(root: Path) -> OldSite:
    cfg = eleventy_config(root)
    text = cfg.read_text(encoding="utf-8", errors="replace") if cfg else ""
    m = re.search(r"""input\s*:\s*["'`]([^"'`]+)["'`]""", text)
    src = root / m.group(1) if m and (root / m.group(1)).is_dir() else root
    data = _site_data(src)
    notes: list[Note] = []
    posts: list[OldPost] = []
    passthrough = [src / p for p in re.findall(r"""addPassthroughCopy\(\s*["'`]([^"'`*]+)""", text)]
    skip = SKIP_DIRS | {"_includes", "_data", "_layouts", "dist", "_site"}
    for path in walk(src, skip):
        r = rel(path, src)
        if path.suffix.lower() not in SUFFIXES or path.stem.lower() in NOT_CONTENT:
            continue
        split = read_content(path, root, notes)
        if split is None:
            continue
        meta = split.meta
        if meta.get("pagination") or (path.stem == "index" and "/" not in r):
            notes.append(Note(rel(path, root), None, "not imported: a list page the old site's templates filled in; "
                                                     "sitegen makes its own"))
            continue
        if not split.body.strip():
            notes.append(Note(rel(path, root), None, "not imported: the page has no text of its own"))
            continue
        tags = meta.get("tags")
        tag_list = [tags] if isinstance(tags, str) else (tags if isinstance(tags, list) else [])
        top = r.split("/")[0] if "/" in r else ""
        is_post = top.lower() in POSTISH or any(str(t).lower() in ("post", "posts") for t in tag_list)
        stem = path.parent.name if path.stem == "index" else path.stem
        file_slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem)
        permalink = meta.get("permalink")
        if isinstance(permalink, str) and "{" not in permalink:
            old = permalink.strip().lstrip("/")
        else:
            folder = r.rsplit("/", 1)[0] + "/" if "/" in r else ""  # Eleventy's output mirrors the input
            old = folder if path.stem == "index" else f"{folder}{path.stem}/"
        posts.append(OldPost(rel(path, root), 1, "post" if is_post else "page", meta, split.body, split.body_line,
                             "markdown", old, path.parent, (), (r, rel(path, root), path.name, path.stem), False,
                             file_slug))
    statics = tuple([src] + [p for p in passthrough if p.is_dir()] + [root])
    settings = {"title": text_setting(data.get("title") or data.get("name")),
                "author": text_setting(data.get("author")),
                "description": text_setting(data.get("description")),
                "language": text_setting(data.get("language") or data.get("lang"))}
    return OldSite("Eleventy", root, with_slash(str(data.get("url") or data.get("baseUrl") or "")), settings,
                   tuple(posts), statics, tuple(notes), values=data_files(src / "_data"),
                   includes=include_files(src / "_includes"))


def _site_data(src: Path) -> dict:
    """Eleventy's global data (site.json, metadata.json) for the site's title, address and author."""
    for name in ("site.json", "metadata.json", "meta.json", "config.json"):
        p = src / "_data" / name
        if p.is_file():
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict):
                return data
    return {}


def read_folder(root: Path) -> OldSite:
    """A folder of Markdown posts, from anywhere: each file one essay."""
    notes: list[Note] = []
    posts: list[OldPost] = []
    for path in walk(root, SKIP_DIRS):
        if path.suffix.lower() not in SUFFIXES or path.stem.lower() in NOT_CONTENT:
            continue
        split = read_content(path, root, notes)
        if split is None:
            continue
        meta, body, body_line = dict(split.meta), split.body, split.body_line
        if "title" not in {k.lower() for k in meta}:
            m = re.match(r"\s*#\s+(.+?)\s*#*\s*\n", body)
            if m:
                meta["title"] = m.group(1)
                body_line += body[: m.end()].count("\n")
                body = body[m.end():]
        r = rel(path, root)
        stem = path.parent.name if path.stem == "index" and path.parent != root else path.stem
        if "date" not in {k.lower() for k in meta} and name_date(stem) is None:
            notes.append(Note(r, 1, "no date in the file: read from the file's last change on this computer", True))
            from datetime import datetime

            meta["date"] = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d")
        posts.append(OldPost(r, 1, "post", meta, body, body_line, "markdown", "", path.parent, (),
                             (r, path.name, path.stem), False, slugify(re.sub(r"^\d{4}-\d{2}-\d{2}[-_]", "", stem))))
    return OldSite("Markdown folder", root, "", {}, tuple(posts), (root,), tuple(notes))
