"""A Jekyll site: `_config.yml`, posts in `_posts/` (dated file names), drafts in `_drafts/`, pages with
front matter anywhere else; old addresses from `permalink` (the site's or the post's)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..validate import slugify
from .files import SKIP_DIRS, load_config, read_content, rel, text_setting, walk, with_slash
from .mapping import name_date, read_date
from .records import Note, OldPost, OldSite
from .values import data_files, include_files

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".html")
STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext",
          "pretty": "/:categories/:year/:month/:day/:title/",
          "ordinal": "/:categories/:year/:y_day/:title:output_ext",
          "none": "/:categories/:title:output_ext",
          "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext"}
NOT_PAGES = {"readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "404", "index", "search",
             "archive", "archives", "tags", "categories", "feed", "sitemap", "robots", "security"}


def is_jekyll(root: Path) -> bool:
    return (root / "_config.yml").is_file() or (root / "_config.yaml").is_file() or (root / "_posts").is_dir()


def read(root: Path) -> OldSite:
    notes: list[Note] = []
    cfg_path = next((p for p in (root / "_config.yml", root / "_config.yaml") if p.is_file()), None)
    cfg = load_config(cfg_path) if cfg_path else {}
    source = root / str(cfg.get("source") or ".")
    if not source.is_dir():
        source = root
    base = with_slash(str(cfg.get("url") or "")) if cfg.get("url") else ""
    baseurl = str(cfg.get("baseurl") or "").strip("/")
    if base and baseurl:
        base = base + baseurl + "/"
    permalink = str(cfg.get("permalink") or "date")
    settings = {"title": text_setting(cfg.get("title")), "author": text_setting(cfg.get("author")),
                "description": text_setting(cfg.get("description")), "language": text_setting(cfg.get("lang")),
                "timezone": text_setting(cfg.get("timezone"))}
    excluded = {str(e).strip("/") for e in cfg.get("exclude") or [] if isinstance(e, str)}
    posts: list[OldPost] = []
    collections = cfg.get("collections") if isinstance(cfg.get("collections"), dict) else {}
    for path in walk(source, SKIP_DIRS | excluded):
        r = rel(path, source)
        parts = r.split("/")
        if path.suffix.lower() not in SUFFIXES or any(p in excluded for p in parts):
            continue
        if "_posts" in parts[:-1] or "_drafts" in parts[:-1]:
            post = _post(path, source, r, parts, permalink, notes)
        elif any(p.startswith("_") for p in parts[:-1]):
            folder = next(p for p in parts[:-1] if p.startswith("_"))
            if folder[1:] in collections:
                notes.append(Note(r, None, f"not imported: part of the collection '{folder[1:]}', not a post or page"))
            continue
        elif parts[-1].startswith((".", "_")):
            continue
        else:
            post = _page(path, source, r, permalink, notes)
        if post is not None:
            posts.append(post)
    data_dir = source / str(cfg.get("data_dir") or "_data")
    values = {"site": {**{str(k): v for k, v in cfg.items()}, "data": data_files(data_dir)}}
    includes = include_files(source / str(cfg.get("includes_dir") or "_includes"))
    return OldSite("Jekyll", source, base, settings, tuple(posts), (source,), tuple(notes), values=values,
                   includes=includes)


def _post(path: Path, root: Path, r: str, parts: list[str], permalink: str, notes: list[Note]) -> OldPost | None:
    split = read_content(path, root, notes)
    if split is None:
        return None
    meta = split.meta
    stem = path.stem
    draft = "_drafts" in parts[:-1]
    title_slug = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", stem)
    when = read_date(meta.get("date")) or name_date(stem)
    folder_cats = [p for p in parts[: parts.index("_posts" if "_posts" in parts else "_drafts")] if p]
    cats = folder_cats + _list(meta.get("categories") or meta.get("category"))
    old = "" if draft else _address(str(meta.get("permalink") or permalink), when, title_slug,
                                     str(meta.get("slug") or title_slug), cats, path.suffix)
    keys = (r, stem, f"_posts/{path.name}", path.name) + ((r.split("_posts/", 1)[1],) if "_posts/" in r else ())
    return OldPost(r, 1, "post", meta, split.body, split.body_line, "html" if path.suffix == ".html" else "markdown",
                   old, path.parent, (), keys, draft, title_slug)


def _page(path: Path, root: Path, r: str, permalink: str, notes: list[Note]) -> OldPost | None:
    text_head = path.read_bytes()[:4]
    if not text_head.startswith(b"---"):
        return None  # Jekyll copies files without front matter as they are: not a page
    split = read_content(path, root, notes)
    if split is None:
        return None
    stem = path.stem.lower()
    if stem in NOT_PAGES or (path.suffix == ".html" and "{%" in split.body):
        if split.body.strip() and stem not in ("readme", "license", "licence"):
            notes.append(Note(r, None, "not imported: a page the old site's templates filled in (lists, feeds, "
                                       "search); sitegen makes its own"))
        return None
    if not split.body.strip():
        notes.append(Note(r, None, "not imported: the page has no text of its own"))
        return None
    custom = split.meta.get("permalink")
    pretty = permalink == "pretty" or permalink.endswith("/")
    if custom:
        old = str(custom)
    else:
        folder = r.rsplit("/", 1)[0] + "/" if "/" in r else ""
        old = f"/{folder}{path.stem}/" if pretty else f"/{folder}{path.stem}.html"
    return OldPost(r, 1, "page", split.meta, split.body, split.body_line,
                   "html" if path.suffix == ".html" else "markdown", old.lstrip("/"), path.parent, (), (r, path.stem),
                   False, path.stem)


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    if isinstance(value, str):
        return value.split()
    return []


def _address(pattern: str, when: Any, title: str, slug: str, cats: list[str], suffix: str) -> str:
    """The post's address on the old site, from a Jekyll permalink pattern."""
    pattern = STYLES.get(pattern, pattern)
    if when is None:
        return ""
    y, m, d = when.year, when.month, when.day
    values = {":year": f"{y:04d}", ":month": f"{m:02d}", ":i_month": str(m), ":day": f"{d:02d}", ":i_day": str(d),
              ":short_year": f"{y % 100:02d}", ":title": title, ":slug": slugify(slug) or title,
              ":categories": "/".join(slugify(c) or c for c in cats).lower(), ":output_ext": ".html",
              ":y_day": f"{when.timetuple().tm_yday:03d}", ":name": title}
    for key in sorted(values, key=len, reverse=True):
        pattern = pattern.replace(key, values[key])
    pattern = re.sub(r":\w+", "", pattern)  # placeholders this import does not know
    return re.sub(r"/{2,}", "/", pattern).lstrip("/")
