"""Hugo and Zola sites: `content/` in sections, page bundles (`post/index.md` with its files), section
pages (`_index.md`), TOML or YAML front matter; old addresses from `url`/`path`, `slug`, `[permalinks]`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..validate import slugify
from .files import SKIP_DIRS, load_config, lower_keys, read_content, rel, text_setting, walk, with_slash
from .mapping import name_date, read_date
from .records import Note, OldPost, OldSite

CONTENT_SUFFIXES = (".md", ".markdown", ".mdown", ".html")
# Section names that hold a blog's posts; other sections hold pages (services, treatments, about…)
POSTISH = {"post", "posts", "blog", "blogs", "articles", "article", "news", "writing", "writings", "essays", "notes",
           "journal", "diary", "updates", "stories", "thoughts", "reflections"}
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                "config.json", "config/_default/hugo.toml", "config/_default/config.toml",
                "config/_default/hugo.yaml", "config/_default/config.yaml", "config/production/config.toml")
_PRODUCTION = ("config/production/hugo.toml", "config/production/config.toml", "config/production/hugo.yaml",
               "config/production/config.yaml")
_LANG = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[a-z]{2}(?:-[a-zA-Z]{2,4})?)$")
_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[-_]|T\d{2}:\d{2}:\d{2}[-_]?)")


def hugo_config(root: Path) -> Path | None:
    return next((root / c for c in HUGO_CONFIGS if (root / c).is_file()), None)


def is_zola(root: Path) -> bool:
    cfg = root / "config.toml"
    if not cfg.is_file() or not (root / "content").is_dir():
        return False
    head = cfg.read_text(encoding="utf-8", errors="replace")
    return re.search(r"^\s*base_url\s*=", head, re.M) is not None


def read_hugo(root: Path) -> OldSite:
    cfg_path = hugo_config(root)
    cfg = lower_keys(load_config(cfg_path)) if cfg_path else {}
    for name in _PRODUCTION:  # `hugo` builds for production: its settings there come on top of config/_default
        if (root / name).is_file() and root / name != cfg_path:
            cfg = {**cfg, **lower_keys(load_config(root / name))}
            break
    params = cfg.get("params") if isinstance(cfg.get("params"), dict) else {}
    settings = {"title": text_setting(cfg.get("title")),
                "author": text_setting(cfg.get("author") or params.get("author")),
                "description": text_setting(params.get("description") or cfg.get("description")),
                "language": text_setting(cfg.get("languagecode")), "timezone": text_setting(cfg.get("timezone"))}
    content = root / str(cfg.get("contentdir") or "content")
    static = cfg.get("staticdir") or "static"
    statics = [root / s for s in (static if isinstance(static, list) else [static])] + [root / "assets"]
    permalinks = {str(k).lower(): str(v) for k, v in (cfg.get("permalinks") or {}).items() if isinstance(v, str)}
    rules = _Rules("Hugo", permalinks, bool(cfg.get("uglyurls")),
                   str(cfg.get("defaultcontentlanguage") or "en").lower())
    posts, notes = _read_content(content, root, rules)
    return OldSite("Hugo", root, with_slash(str(cfg.get("baseurl") or "")), settings, tuple(posts),
                   tuple([content] + [s for s in statics if s.is_dir()]), tuple(notes))


def read_zola(root: Path) -> OldSite:
    cfg = load_config(root / "config.toml")
    extra = cfg.get("extra") if isinstance(cfg.get("extra"), dict) else {}
    settings = {"title": text_setting(cfg.get("title")), "author": text_setting(cfg.get("author") or extra.get("author")),
                "description": text_setting(cfg.get("description")),
                "language": text_setting(cfg.get("default_language"))}
    rules = _Rules("Zola", {}, False, str(cfg.get("default_language") or "en").lower())
    posts, notes = _read_content(root / "content", root, rules)
    return OldSite("Zola", root, with_slash(str(cfg.get("base_url") or "")), settings, tuple(posts),
                   (root / "content", root / "static"), tuple(notes))


class _Rules:
    def __init__(self, generator: str, permalinks: dict[str, str], ugly: bool, language: str):
        self.generator, self.permalinks, self.ugly, self.language = generator, permalinks, ugly, language


def _read_content(content: Path, root: Path, rules: _Rules) -> tuple[list[OldPost], list[Note]]:
    notes: list[Note] = []
    if not content.is_dir():
        return [], [Note(rel(content, root), None, "the old site has no content folder", True)]
    files = [p for p in walk(content, SKIP_DIRS) if p.suffix.lower() in CONTENT_SUFFIXES]
    bundles = {p.parent for p in files if _lang_stem(p.stem)[0] == "index"}
    dated: dict[str, list[bool]] = {}
    for p in files:
        section = rel(p, content).split("/")[0] if "/" in rel(p, content) else ""
        dated.setdefault(section, []).append(bool(_DATED.match(p.stem)))
    posts: list[OldPost] = []
    for path in files:
        stem, lang = _lang_stem(path.stem)
        if lang and lang != rules.language and not lang.startswith(rules.language):
            notes.append(Note(rel(path, root), None, f"not imported: a translation ({lang}); sitegen sites have one "
                                                     "language, so only the main one was imported"))
            continue
        if _bundle_resource(path, stem, bundles):
            continue  # a Markdown file inside a bundle is one of its resources, not a post
        post = _one(path, stem, content, root, rules, dated, notes)
        if post is not None:
            posts.append(post)
    return posts, notes


def _bundle_resource(path: Path, stem: str, bundles: set[Path]) -> bool:
    for b in bundles:
        if path.parent == b and stem == "index":
            return False
        if path.parent == b or b in path.parents:
            return True
    return False


def _lang_stem(stem: str) -> tuple[str, str]:
    m = _LANG.match(stem)
    if m and m.group("lang").lower() not in ("md",):
        return m.group("stem"), m.group("lang").lower()
    return stem, ""


def _one(path: Path, stem: str, content: Path, root: Path, rules: _Rules, dated: dict[str, list[bool]],
         notes: list[Note]) -> OldPost | None:
    r = rel(path, root)
    split = read_content(path, root, notes)
    if split is None:
        return None
    meta = {str(k): v for k, v in split.meta.items()}
    low = {k.lower(): v for k, v in meta.items()}
    crel = rel(path, content)
    parts = crel.split("/")
    is_section = stem == "_index"
    is_bundle = stem == "index"
    name = parts[-2] if (is_section or is_bundle) and len(parts) > 1 else ("" if is_section else stem)
    if is_section and not split.body.strip():
        if len(parts) == 1 or low.get("title"):
            notes.append(Note(r, None, "not imported: a section page with no text of its own (on the old site it "
                                       "listed the section's pages)"))
        return None
    section = parts[0] if len(parts) > 1 else ""
    file_slug = _DATED.sub("", name) if name else "home"
    in_posts = section.lower() in POSTISH or (len(dated.get(section, [])) >= 3 and all(dated[section]))
    kind = "post" if in_posts and not is_section and section else "page"
    if rules.generator == "Zola" and kind == "page" and section and not is_section and low.get("date"):
        kind = "post"
    when = read_date(low.get("date")) or name_date(name)
    old = _address(rules, low, crel, section, file_slug, when, is_section, is_bundle)
    bundle_files = tuple(p for p in walk(path.parent) if p.suffix.lower() not in CONTENT_SUFFIXES) \
        if is_bundle else ()
    keys = (crel, r, crel.rsplit("/", 1)[-1], "/".join(parts[:-1]) if is_bundle or is_section else crel,
            old.strip("/"))
    return OldPost(r, 1, kind, meta, split.body, split.body_line, "html" if path.suffix == ".html" else "markdown",
                   old, path.parent, bundle_files, keys, False, file_slug)


def _address(rules: _Rules, low: dict[str, Any], crel: str, section: str, file_slug: str, when: Any,
             is_section: bool, is_bundle: bool) -> str:
    explicit = low.get("url") if rules.generator == "Hugo" else low.get("path")
    if isinstance(explicit, str) and explicit.strip():
        path = explicit.strip().lstrip("/")
        return path if path.endswith((".html", "/")) else path + "/"
    folder = crel.rsplit("/", 1)[0] if "/" in crel else ""
    if is_section:
        return folder + "/" if folder else ""
    slug = str(low.get("slug") or file_slug)
    if rules.generator == "Zola":
        slug = slugify(slug) or slug
    pattern = rules.permalinks.get(section.lower())
    if pattern and when is not None:
        title_slug = slugify(str(low.get("title") or "")) or file_slug
        values = {":year": f"{when.year:04d}", ":month": f"{when.month:02d}", ":day": f"{when.day:02d}",
                  ":slugorfilename": slugify(slug), ":slugorcontentbasename": slugify(slug),
                  ":slug": slugify(str(low.get("slug") or "")) or title_slug, ":title": title_slug,
                  ":filename": file_slug, ":contentbasename": file_slug, ":section": section,
                  ":sections": folder}
        for key in sorted(values, key=len, reverse=True):
            pattern = pattern.replace(key, values[key])
        path = re.sub(r"/{2,}", "/", pattern).lstrip("/")
        return path if path.endswith((".html", "/")) else path + "/"
    parent = folder.rsplit("/", 1)[0] if is_bundle and "/" in folder else ("" if is_bundle else folder)
    path = f"{parent}/{slug}" if parent else slug
    path = path.lower() if rules.generator == "Hugo" else path
    return path + ".html" if rules.ugly else path + "/"
