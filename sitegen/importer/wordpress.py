"""A WordPress export (WXR, also what Squarespace exports): posts, pages and their images, read safely.

The file is parsed with defusedxml, which refuses entity declarations (the billion-laughs
bomb) and external entities (which would read files or the network): a real export never
has either, so such a file is refused whole and nothing is written.  Comments and the
commenters' names, e-mail and IP addresses are never read.  WordPress shortcodes are
turned into HTML (`[caption]`, `[gallery]`, `[embed]`, `[audio]`, `[video]`) or kept
visible and reported; the HTML then becomes Markdown in `htmltext.py`.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from ..errors import ImportSourceError
from .files import rel, walk, with_slash
from .records import Note, OldPost, OldSite

SKIPPED_TYPES = {"nav_menu_item": "menu items", "revision": "revisions", "custom_css": "custom CSS",
                 "customize_changeset": "theme customiser changes", "oembed_cache": "cached embeds",
                 "wp_global_styles": "theme styles", "wp_navigation": "menus", "wp_template": "theme templates",
                 "wp_template_part": "theme template parts", "wp_block": "reusable blocks",
                 "user_request": "privacy requests", "wp_font_family": "fonts", "wp_font_face": "fonts"}
KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist", "youtube", "vimeo"}


def is_export(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() != ".xml":
        return False
    with open(path, "rb") as fh:
        head = fh.read(4096)
    return b"<rss" in head or b"wordpress.org/export" in head


def _local(tag: str) -> tuple[str, str]:
    ns, _, name = tag.rpartition("}")
    return ns.lstrip("{"), name


def _kind(ns: str) -> str:
    if "/excerpt/" in ns:
        return "excerpt"
    if "wordpress.org/export" in ns:
        return "wp"
    if "purl.org/rss/1.0/modules/content" in ns:
        return "content"
    if "purl.org/dc" in ns:
        return "dc"
    return ""


def _get(el: Element, name: str, kind: str = "") -> str:
    for child in el:
        ns, local = _local(child.tag)
        if local == name and _kind(ns) == kind:
            return (child.text or "").strip() if kind not in ("content", "excerpt") else (child.text or "")
    return ""


# C0 control characters, which XML 1.0 does not allow: some plugins leave them in exports (in serialised
# settings, in pasted text), and every XML reader then refuses the whole file.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parse(path: Path) -> tuple[Element, int]:
    """The export's root element, and how many stray control characters had to be left out to read it;
    a hostile or broken file is refused with a message (exit 2)."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    removed = 0
    try:
        try:
            return SafeET.parse(str(path), forbid_dtd=False, forbid_entities=True, forbid_external=True).getroot(), 0
        except ParseError as first:
            cleaned, removed = _CONTROL.subn(b"", path.read_bytes())
            if not removed:
                raise first
            return SafeET.fromstring(cleaned, forbid_dtd=False, forbid_entities=True, forbid_external=True), removed
    except DefusedXmlException as exc:
        raise ImportSourceError(
            f"{path.name}: refused: the file declares XML entities or external references "
            f"({type(exc).__name__}), which a WordPress or Squarespace export never has; a file like this can "
            "make a program read other files or use all the memory. Nothing was written — export your site "
            "again from WordPress (Tools → Export) or Squarespace (Settings → Import & Export)") from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ImportSourceError(f"{path.name}{f':{line}' if line else ''}: the export is not complete XML "
                                f"({exc}); nothing was written — download the export again (it may have been cut "
                                "short)") from None
    except OSError as exc:
        raise ImportSourceError(f"{path}: cannot be read ({exc.strerror})") from None


def read(path: Path, media_dir: Path | None) -> OldSite:
    root, removed = parse(path)
    channel = next((c for c in root if _local(c.tag)[1] == "channel"), None)
    if channel is None:
        raise ImportSourceError(f"{path.name}: this XML file is not a WordPress export (it has no <channel>); "
                                "export your site from WordPress: Tools → Export → All content")
    text = path.read_text(encoding="utf-8", errors="replace")
    item_lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<item[\s>]", text)]
    base = with_slash(_get(channel, "base_blog_url", "wp") or _get(channel, "link"))
    generator = "Squarespace" if "squarespace" in (_get(channel, "generator") + base).lower() else "WordPress"
    authors = [a for a in channel if _local(a.tag)[1] == "author" and _kind(_local(a.tag)[0]) == "wp"]
    settings = {"title": _get(channel, "title"), "description": _get(channel, "description"),
                "language": _get(channel, "language"),
                "author": _get(authors[0], "author_display_name", "wp") if len(authors) == 1 else ""}
    items = [c for c in channel if _local(c.tag)[1] == "item"]
    notes: list[Note] = []
    if removed:
        notes.append(Note(path.name, None, f"{removed} control characters that XML does not allow (left in the "
                                           "export by WordPress or a plugin) were left out to read it"))
    media, by_id, by_parent = _media(items, media_dir, notes, path.name)
    posts: list[OldPost] = []
    skipped: dict[str, int] = {}
    for n, item in enumerate(items):
        line = item_lines[n] if n < len(item_lines) else 1
        post = _item(item, path.name, line, base, by_id, by_parent, notes, skipped)
        if post is not None:
            posts.append(post)
    for kind, count in sorted(skipped.items()):
        what = SKIPPED_TYPES.get(kind, f"items of the type '{kind}'")
        notes.append(Note(path.name, None, f"not imported: {count} {what} ({kind}): part of how the old site was "
                                           "run, not writing", kind not in SKIPPED_TYPES))
    statics = (media_dir,) if media_dir else ()
    return OldSite(generator, path.parent, base, settings, tuple(posts), statics, tuple(notes), media)


def _media(items: list[Element], media_dir: Path | None, notes: list[Note], name: str):
    """Uploaded files by address (2019/03/a.jpg), and attachments by id and by the post they belong to."""
    media: dict[str, Path] = {}
    if media_dir is not None:
        for p in walk(media_dir, set()):
            media[rel(p, media_dir)] = p
    by_id: dict[str, tuple[str, str]] = {}
    by_parent: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        if _get(item, "post_type", "wp") != "attachment":
            continue
        url = _get(item, "attachment_url", "wp")
        entry = (url, _get(item, "title"))
        by_id[_get(item, "post_id", "wp")] = entry
        by_parent.setdefault(_get(item, "post_parent", "wp"), []).append(entry)
    return media, by_id, by_parent


def _item(item: Element, name: str, line: int, base: str, by_id, by_parent, notes: list[Note],
          skipped: dict[str, int]) -> OldPost | None:
    ptype = _get(item, "post_type", "wp") or "post"
    status = _get(item, "status", "wp") or "publish"
    title = _get(item, "title")
    shown = repr(title) if title else f"item {_get(item, 'post_id', 'wp')}"
    if ptype == "attachment":
        return None
    if ptype not in ("post", "page"):
        skipped[ptype] = skipped.get(ptype, 0) + 1
        return None
    if status in ("trash", "auto-draft", "inherit"):
        notes.append(Note(name, line, f"not imported: {shown} was {'in the bin' if status == 'trash' else 'an ' + status}"
                                      " on the old site"))
        return None
    post_id = _get(item, "post_id", "wp")
    meta: dict[str, Any] = {"title": title}
    when = _when(_get(item, "post_date", "wp"), _get(item, "post_date_gmt", "wp"))
    if when is not None:
        meta["date"] = when
    modified = _when(_get(item, "post_modified", "wp"), _get(item, "post_modified_gmt", "wp"))
    if modified is not None:
        meta["modified"] = modified
    cats = [(c.get("domain"), (c.text or "").strip()) for c in item if _local(c.tag)[1] == "category"]
    meta["categories"] = [t for d, t in cats if d == "category" and t]
    meta["tags"] = [t for d, t in cats if d == "post_tag" and t]
    excerpt = _get(item, "encoded", "excerpt")
    if excerpt.strip():
        meta["excerpt"] = excerpt
    slug = _get(item, "post_name", "wp")
    if slug:
        meta["slug"] = _unquote(slug)
    if status in ("draft", "pending", "private"):
        meta["draft"] = True
        if status == "private":
            notes.append(Note(name, line, f"{shown} was private on the old site: imported as a draft"))
    if _get(item, "post_password", "wp"):
        meta["draft"] = True
        notes.append(Note(name, line, f"{shown} was protected by a password on the old site: imported as a draft, "
                                      "which sitegen never publishes", True))
    if status == "future":
        notes.append(Note(name, line, f"{shown} was scheduled on the old site: sitegen publishes it on its date"))
    link = _get(item, "link")
    old = _old_path(link, base) if status in ("publish", "future") else ""
    content = _get(item, "encoded", "content")
    body, shortcode_notes = shortcodes(content, by_id, by_parent.get(post_id, []))
    for message, attention, needle in shortcode_notes:
        notes.append(Note(name, line, f"{shown}: {message}", attention, needle))
    keys = tuple(k for k in (f"?p={post_id}", f"?page_id={post_id}", _get(item, "guid"), link, slug) if k)
    return OldPost(name, line, "page" if ptype == "page" else "post", meta, body, line, "html", old, None, (),
                   keys, False, _unquote(slug))


def _unquote(text: str) -> str:
    from urllib.parse import unquote

    return unquote(text)


def _when(local: str, gmt: str) -> datetime | None:
    """The post's time with its UTC offset, from WordPress's local and GMT times."""
    try:
        dt = datetime.strptime(local, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if dt.year < 1000:
        return None
    try:
        utc = datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return dt
    if utc.year < 1000:
        return dt
    from datetime import timedelta, timezone

    offset = dt - utc
    if abs(offset) > timedelta(hours=14):
        return dt
    return dt.replace(tzinfo=timezone(offset))


def _old_path(link: str, base: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(link)
    if parts.query or not parts.path.strip("/"):
        return ""
    path = parts.path.lstrip("/")
    base_path = urlsplit(base).path.strip("/")
    if base_path and path.startswith(base_path + "/"):
        path = path[len(base_path) + 1:]
    return path


# -- shortcodes ----------------------------------------------------------------------------------

_SHORTCODE = re.compile(r"\[(\[?)(/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\](?!\()")
_ATTRS = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S)
_BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)


# WordPress.com's code blocks: [sourcecode language="r"]…[/sourcecode], [code lang="python"]…[/code]
_SOURCECODE = re.compile(r"\[(sourcecode|code)\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)


def _code_block(m: re.Match) -> str:
    attrs = _attrs(m.group(2))
    lang = re.sub(r"[^\w#+-]", "", attrs.get("language") or attrs.get("lang") or "")
    code = m.group(3).strip("\n")
    if not re.search(r"&(?:lt|gt|amp|quot|#\d+);", code):  # as typed: make it text (else already escaped)
        code = escape(code, quote=False)
    cls = f' class="language-{lang}"' if lang else ""
    return f"<pre><code{cls}>{code}</code></pre>"


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTRS.finditer(text)}


def _link(url: str) -> str:
    url = url.strip()
    if re.search(r"youtu\.?be", url):
        label = "Watch the video on YouTube"
    elif "vimeo.com" in url:
        label = "Watch the video on Vimeo"
    else:
        label = url
    return f'<p><a href="{escape(url)}">{escape(label)}</a></p>'


def shortcodes(content: str, by_id: dict, children: list) -> tuple[str, list[tuple[str, bool, str]]]:
    """WordPress shortcodes → HTML; unknown ones kept visible (in code) and reported."""
    notes: list[tuple[str, bool, str]] = []

    def caption(m: re.Match) -> str:
        inner = m.group(2)
        img = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner)
        text = (inner[img.end():] if img else inner).strip()
        figure = img.group(0) if img else ""
        if not text:
            text = _attrs(m.group(1)).get("caption", "")
        return f"<figure>{figure}<figcaption>{text}</figcaption></figure>"

    def gallery(attrs: dict[str, str]) -> str:
        ids = [i.strip() for i in attrs.get("ids", attrs.get("include", "")).split(",") if i.strip()]
        images = [by_id[i] for i in ids if i in by_id] if ids else children
        missing = [i for i in ids if i not in by_id]
        if missing:
            notes.append((f"a gallery names images that are not in the export ({', '.join(missing)})", True,
                          ""))
        if not images:
            notes.append(("an empty gallery was left out", False, ""))
        return "".join(f'<p><img src="{escape(u)}" alt="{escape(t)}"></p>' for u, t in images)

    content = _CAPTION.sub(caption, content)
    content = _SOURCECODE.sub(_code_block, content)
    content = _EMBED.sub(lambda m: _link(m.group(1)), content)
    closers = set(re.findall(r"\[/([a-zA-Z][\w-]*)\]", content))

    def other(m: re.Match) -> str:
        if m.group(1):  # [[escaped]]: shown as written
            return m.group(0)[1:]
        closing, name, rest = m.group(2), m.group(3).lower(), m.group(4)
        attrs = _attrs(rest)
        looks = name in KNOWN_SHORTCODES or attrs or name in closers or "_" in name or "-" in name
        if not looks:
            return m.group(0)  # [sic], [1]: ordinary text
        if closing and name in KNOWN_SHORTCODES:
            return ""
        if name == "gallery" and not closing:
            return gallery(attrs)
        if name in ("youtube", "vimeo") and not closing:
            url = rest.strip().split()[0] if rest.strip() else ""
            return _link(url if url.startswith("http") else f"https://www.youtube.com/watch?v={url}") if url else ""
        if name in ("audio", "video") and not closing:
            src = attrs.get("src") or attrs.get("mp3") or attrs.get("mp4") or attrs.get("m4a") or attrs.get("ogg")
            if src:
                return f'<p><a href="{escape(src)}">Listen or watch: {escape(src.rsplit("/", 1)[-1])}</a></p>'
        shown = m.group(0)
        notes.append((f"the shortcode {shown[:60]} cannot be run by sitegen: it is shown as written",
                      True, shown))
        return f"<code>{escape(shown)}</code>"

    content = _SHORTCODE.sub(other, content)
    content = _BARE_URL.sub(lambda m: _link(m.group(1)), content)  # WordPress turns a lone address into an embed
    return content, notes
