"""A Pelican site: `pelicanconf.py` (and `publishconf.py`), articles and pages in Markdown (with `Title:`
headers), reStructuredText or HTML; old addresses from ARTICLE_URL and PAGE_URL."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from ..validate import slugify
from .files import SKIP_DIRS, read_content, read_text, rel, text_setting, walk, with_slash
from .mapping import name_date, read_date
from .records import Note, OldPost, OldSite

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".html", ".htm")
DEFAULTS = {"PATH": "content", "PAGE_PATHS": ["pages"], "ARTICLE_PATHS": [""], "STATIC_PATHS": ["images"],
            "ARTICLE_URL": "{slug}.html", "PAGE_URL": "pages/{slug}.html", "DEFAULT_CATEGORY": "misc",
            "USE_FOLDER_AS_CATEGORY": True, "ARTICLE_EXCLUDES": [], "PAGE_EXCLUDES": [],
            "FILENAME_METADATA": r"(?P<date>\d{4}-\d{2}-\d{2}).*", "PATH_METADATA": ""}
_RST_TITLE = re.compile(r"^(?:([=#*~^\"'`+-])\1+\n)?(.+)\n([=#*~^\"'`+-])\3+\n", re.M)
_RST_FIELD = re.compile(r"^:([\w-]+):[ \t]*(.*)$")


def is_pelican(root: Path) -> bool:
    return (root / "pelicanconf.py").is_file()


def read_conf(path: Path) -> dict[str, Any]:
    """Plain `NAME = value` settings of a Pelican config file, read without running it."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return {}
    out: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
    return out


def read(root: Path) -> OldSite:
    conf = {**DEFAULTS, **read_conf(root / "pelicanconf.py")}
    publish = read_conf(root / "publishconf.py") if (root / "publishconf.py").is_file() else {}
    site_url = str(publish.get("SITEURL") or conf.get("SITEURL") or "")
    notes: list[Note] = []
    content = root / str(conf["PATH"])
    settings = {"title": text_setting(conf.get("SITENAME")), "author": text_setting(conf.get("AUTHOR")),
                "timezone": text_setting(conf.get("TIMEZONE")), "language": text_setting(conf.get("DEFAULT_LANG")),
                "description": text_setting(conf.get("SITESUBTITLE"))}
    page_paths = [str(p).strip("/") for p in conf["PAGE_PATHS"]]
    static = [str(p).strip("/") for p in conf["STATIC_PATHS"] if isinstance(p, str)]
    excludes = [str(p).strip("/") for p in list(conf["ARTICLE_EXCLUDES"]) + list(conf["PAGE_EXCLUDES"])]
    posts: list[OldPost] = []
    for path in walk(content, SKIP_DIRS):
        r = rel(path, content)
        if path.suffix.lower() not in SUFFIXES:
            if path.suffix.lower() == ".ipynb" and not any(_under(r, s) for s in static):
                notes.append(Note(rel(path, root), None, "not imported: a Jupyter notebook (sitegen reads Markdown)",
                                  True))
            continue
        if any(_under(r, s) for s in static + excludes if s):
            continue
        is_page = any(_under(r, p) for p in page_paths if p)
        post = _read_one(path, root, content, r, "page" if is_page else "post", conf, notes)
        if post is not None:
            posts.append(post)
    statics = tuple([content] + [content / s for s in static if (content / s).is_dir()])
    return OldSite("Pelican", root, with_slash(site_url), settings, tuple(posts), statics, tuple(notes))


def _under(r: str, folder: str) -> bool:
    return r == folder or r.startswith(folder + "/")


def _read_one(path: Path, root: Path, content: Path, r: str, kind: str, conf: dict, notes: list[Note]) -> OldPost | None:
    origin = rel(path, root)
    if path.suffix.lower() == ".rst":
        text = read_text(path, root, notes)
        if text is None:
            return None
        meta, body, body_line = _rst(text)
        fmt = "rst"
    elif path.suffix.lower() in (".html", ".htm"):
        text = read_text(path, root, notes)
        if text is None:
            return None
        meta, body = _html(text)
        body_line, fmt = 1, "html"
    else:
        split = read_content(path, root, notes)
        if split is None:
            return None
        meta, body, body_line, fmt = {k.lower(): v for k, v in split.meta.items()}, split.body, split.body_line, \
            "markdown"
    if not meta.get("title"):
        notes.append(Note(origin, 1, "not imported: no Title: header, so Pelican did not publish it either"))
        return None
    m = re.match(str(conf.get("FILENAME_METADATA") or "$^"), path.stem)
    file_meta = {k: v for k, v in (m.groupdict() if m else {}).items() if v}
    pm = re.match(str(conf.get("PATH_METADATA") or "$^"), r)
    path_meta = {k: v for k, v in (pm.groupdict() if pm else {}).items() if v}
    for k, v in {**file_meta, **path_meta}.items():
        meta.setdefault(k, v)
    if conf.get("USE_FOLDER_AS_CATEGORY") and "category" not in meta and "/" in r and kind == "post":
        meta["category"] = r.split("/")[0]
    if str(meta.get("category", "")).lower() == str(conf.get("DEFAULT_CATEGORY")).lower():
        meta.pop("category", None)
    slug = str(meta.get("slug") or slugify(str(meta["title"])))
    when = read_date(meta.get("date")) or name_date(path.stem)
    pattern = str(conf["PAGE_URL"] if kind == "page" else conf["ARTICLE_URL"])
    old = _address(pattern, slug, when, meta, path_meta)
    keys = (r, origin, path.name, r.rsplit(".", 1)[0])
    return OldPost(origin, 1, kind, meta, body, body_line, fmt, old, path.parent, (), keys, False,
                   re.sub(r"^\d{4}-\d{2}-\d{2}[-_]", "", path.stem))


def _address(pattern: str, slug: str, when: Any, meta: dict, path_meta: dict) -> str:
    def field(m: re.Match) -> str:
        name, fmt = m.group(1), m.group(2)
        if name == "date":
            return when.strftime(fmt) if when is not None and fmt else (str(when) if when else "")
        if name == "slug":
            return slug
        if name == "category":
            return slugify(str(meta.get("category") or "misc"))
        if name in path_meta:
            return str(path_meta[name])
        return str(meta.get(name, ""))

    try:
        return re.sub(r"\{(\w+)(?::([^}]*))?\}", field, pattern).lstrip("/")
    except ValueError:
        return ""


def _rst(text: str) -> tuple[dict[str, Any], str, int]:
    """Title (the first heading) and :field: lines of a Pelican reStructuredText post."""
    text = text.replace("\r\n", "\n")
    meta: dict[str, Any] = {}
    lines = text.split("\n")
    i = 0
    m = _RST_TITLE.match(text.lstrip("\n"))
    if m:
        meta["title"] = m.group(2).strip()
        i = (text.lstrip("\n")[: m.end()].count("\n")) + (len(text) - len(text.lstrip("\n")))
    while i < len(lines) and (not lines[i].strip() or _RST_FIELD.match(lines[i])):
        f = _RST_FIELD.match(lines[i])
        if f:
            meta[f.group(1).lower()] = f.group(2).strip()
        elif meta and len(meta) > 1 and not lines[i].strip() and i + 1 < len(lines) \
                and not _RST_FIELD.match(lines[i + 1]):
            break
        i += 1
    return meta, "\n".join(lines[i:]), i + 1


def _html(text: str) -> tuple[dict[str, Any], str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    meta: dict[str, Any] = {}
    if soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    for tag in soup.find_all("meta"):
        name, value = tag.get("name"), tag.get("content")
        if name and value is not None:
            meta[str(name).lower()] = value
    body = soup.body.decode_contents() if soup.body else text
    return meta, body
