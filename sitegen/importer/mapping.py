"""An old post's front matter → sitegen's: title, date, updated, tags, summary, description, draft, slug.

Every dialect's way of saying a thing is read here once: `lastmod`/`modified`/
`last_modified_at` are `updated`; `categories`, `category` and Zola's `taxonomies` join `tags`;
`excerpt` and `summary` (else `description`) make the summary; `draft: true`,
`published: false`, Pelican's and WordPress's `status` make a draft.  What has no place in
sitegen is counted for the report, never dropped without a word.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from ..legacy import UNPUBLISHED_STATUSES
from ..validate import slugify, tag_slug
from .records import Note, OldPost

# Keys read here (lower-cased); anything else in the old front matter is counted as left out.
USED = {"title", "date", "lastmod", "modified", "updated", "last_modified_at", "last_modified", "tags", "tag",
        "categories", "category", "taxonomies", "excerpt", "summary", "description", "draft", "published",
        "status", "slug", "aliases", "redirect_from", "publishdate", "pubdate", "expirydate", "permalink", "url",
        "path", "keywords"}
# Collection markers, not topics: Eleventy's `tags: posts`, WordPress's default category.
NOT_TOPICS = {"post", "posts", "all", "uncategorized", "uncategorised", "blog"}


@dataclass(frozen=True, slots=True)
class Front:
    """sitegen front matter for one imported post, in the order it is written."""

    title: str
    date: str  # as written: "2019-03-14 09:30" or "2019-03-14", "" for none
    updated: str
    tags: tuple[str, ...]
    summary: str
    description: str
    draft: bool
    slug: str
    aliases: tuple[str, ...] = ()

    def text(self) -> str:
        lines = ["---", f"title: {_quote(self.title)}"]
        if self.date:
            lines.append(f"date: {self.date}")
        if self.updated:
            lines.append(f"updated: {self.updated}")
        if self.tags:
            lines.append("tags: [" + ", ".join(_quote(t, in_list=True) for t in self.tags) + "]")
        if self.summary:
            lines.append(f"summary: {_quote(self.summary)}")
        if self.description:
            lines.append(f"description: {_quote(self.description)}")
        if self.draft:
            lines.append("draft: true")
        if self.aliases:
            lines.append("aliases:")
            lines.extend(f"  - {_quote('/' + a)}" for a in self.aliases)
        lines.append("---")
        return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"^[A-Za-z0-9][^:#\[\]{}\"'`|>&*!%@,\n]*$")


def _quote(text: str, in_list: bool = False) -> str:
    """A YAML scalar that reads back as exactly this text (plain where that is safe, else quoted)."""
    if _PLAIN.match(text) and not text.endswith(" ") and text.lower() not in ("true", "false", "null", "yes", "no",
                                                                              "~", "on", "off"):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


# -- dates --------------------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M", "%Y/%m/%d",
                 "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d.%m.%Y")
_FRACTION = re.compile(r"(\d{2}:\d{2}:\d{2})\.\d+")
_ONE_DIGIT_HOUR = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ T](\d):")


def read_date(value: Any) -> datetime | date | None:
    """A date as the old generators write it: TOML/YAML dates, ISO text, RFC 2822, one-digit hours."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    s = str(value).strip().strip('"').replace("Z", "+00:00") if "T" in str(value) else str(value).strip()
    s = _FRACTION.sub(r"\1", s)
    s = _ONE_DIGIT_HOUR.sub(lambda m: f"{m.group(1)} 0{m.group(2)}:", s)
    s = re.sub(r"\s+UTC$", " +0000", s)
    s = re.sub(r"^(\d{4})-(\d)-", r"\1-0\2-", s)
    s = re.sub(r"^(\d{4}-\d{2})-(\d)\b", r"\1-0\2", s)
    try:
        return datetime.fromisoformat(s)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            dt = datetime.strptime(s, fmt)
            return dt.date() if fmt in ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d.%m.%Y") else dt
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(s)  # RSS: Thu, 14 Mar 2019 09:30:00 +0000
    except (TypeError, ValueError, IndexError):
        return None


def date_text(value: datetime | date) -> str:
    """How sitegen's front matter writes it: 2019-03-14, 2019-03-14 09:30, or with seconds and a zone."""
    if not isinstance(value, datetime):
        return value.isoformat()
    text = value.strftime("%Y-%m-%d %H:%M") + (value.strftime(":%S") if value.second else "")
    if value.tzinfo is not None:
        off = value.utcoffset() or timedelta(0)
        sign = "-" if off < timedelta(0) else "+"
        minutes = abs(int(off.total_seconds())) // 60
        if not value.second:
            text += ":00"
        text += f" {sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return text


_NAME_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[-_]")  # Jekyll allows 2016-11-3-title.md


def name_date(name: str) -> date | None:
    m = _NAME_DATE.match(name)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# -- the mapping ---------------------------------------------------------------------------------

def _lower(meta: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in meta.items():
        out.setdefault(str(k).lower(), v)
    return out


def _strings(value: Any, split_spaces: bool) -> list[str]:
    if value is None or value == "" or isinstance(value, bool):
        return []
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v, False)]
    if isinstance(value, dict):
        return []
    text = str(value)
    if "," in text or not split_spaces:
        return [t.strip() for t in text.split(",") if t.strip()]
    return text.split()


def plain(text: Any) -> str:
    """HTML or Markdown-ish text of a summary → one line of plain text."""
    if not isinstance(text, str):
        return str(text) if isinstance(text, (int, float)) and not isinstance(text, bool) else ""
    text = re.sub(r"<(?:p|br|div|li|h\d|tr|td)\b[^>]*>", " ", text, flags=re.I)  # blocks part words
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("true", "yes", "1", "on")


def _falsy(value: Any) -> bool:
    return value is False or str(value).strip().lower() in ("false", "no", "0", "off")


def map_front(post: OldPost, generator: str, now: datetime) -> tuple[Front, list[Note]]:
    """The post's front matter in sitegen's words, and what the report should say about it."""
    meta = _lower(post.meta)
    notes: list[Note] = []

    def note(message: str, attention: bool = False) -> None:
        notes.append(Note(post.origin, post.line, message, attention))

    title = plain(meta.get("title", "")).strip()
    if not title:
        title = (post.file_slug or "untitled").replace("-", " ").replace("_", " ").strip().capitalize()
        note(f"no title in the old site: given the title {title!r} from its file name", attention=True)
    when = read_date(meta.get("publishdate") or meta.get("pubdate") or meta.get("date"))
    raw_date = meta.get("publishdate") or meta.get("pubdate") or meta.get("date")
    if when is None and raw_date not in (None, ""):
        note(f"the date {str(raw_date)!r} could not be read", attention=True)
    if when is None:  # a date in the file name (2019-03-14-title.md), or the bundle folder's
        parts = post.origin.split("/")
        when = name_date(parts[-1]) or (name_date(parts[-2]) if len(parts) > 1 else None)
    draft = post.draft
    if when is None and post.kind == "post":
        when = now.date()
        draft = True
        note("no date in the old site: given today's date and kept as a draft; write its real date, "
             "then delete the line draft: true", attention=True)
    updated = read_date(meta.get("lastmod") or meta.get("modified") or meta.get("updated")
                        or meta.get("last_modified_at") or meta.get("last_modified"))
    if updated is not None and when is not None and _as_dt(updated) <= _as_dt(when):
        updated = None  # the same day (or before): nothing to show
    tags = _tags(meta, generator, note)
    summary = plain(meta.get("excerpt") or meta.get("summary") or meta.get("description") or "")
    description = plain(meta.get("description") or "")
    if description == summary:
        description = ""
    if "{{" in summary or "{%" in summary:
        note("the summary holds template syntax and was left out; sitegen uses the first paragraph instead")
        summary = ""
    if _truthy(meta.get("draft")) or _falsy(meta.get("published", True)) \
            or str(meta.get("status", "")).strip().lower() in UNPUBLISHED_STATUSES:
        draft = True
    if meta.get("permalink") is False:  # Eleventy: never written out
        draft = True
    expiry = read_date(meta.get("expirydate"))
    if expiry is not None and _as_dt(expiry) < _as_dt(now):
        draft = True
        note("its expiry date has passed, so the old site no longer showed it: imported as a draft")
    if draft:
        note("not published on the old site: imported as a draft (draft: true)")
    if str(meta.get("status", "")).strip().lower() == "hidden" and not draft:
        note("hidden on the old site (published, but not listed): sitegen lists it like every post")
    slug = slugify(str(meta.get("slug") or "")) or slugify(_last_segment(post.old_path)) or slugify(post.file_slug) \
        or slugify(title) or "post"
    date_written = date_text(when) if when is not None else ""
    return Front(title, date_written, date_text(updated) if updated is not None else "", tags, summary,
                 description, draft, slug), notes


def _as_dt(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _last_segment(path: str) -> str:
    last = path.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}[-_]", "", last)  # the date is in `date:`, not in the new address
    return re.sub(r"\.(html?|php)$", "", last) if last not in ("index.html", "index.htm") else ""


def _tags(meta: dict[str, Any], generator: str, note) -> tuple[str, ...]:
    split_spaces = generator == "Jekyll"
    found: list[str] = []
    for key in ("tags", "tag", "categories", "category", "keywords"):
        if key == "keywords" and generator != "Pelican":
            continue
        found += _strings(meta.get(key), split_spaces)
    taxonomies = meta.get("taxonomies")
    if isinstance(taxonomies, dict):
        for key in ("tags", "categories"):
            found += _strings(taxonomies.get(key), False)
    out: list[str] = []
    seen: set[str] = set()
    for tag in found:
        tag = " ".join(tag.split())
        slug = tag_slug(tag)
        if tag.lower() in NOT_TOPICS:
            note(f"the tag {tag.lower()!r} was left out: it marks where posts lived on the old site, not a topic")
            continue
        if not slug:
            note(f"the tag {tag!r} has no letters or digits and was left out")
            continue
        if slug not in seen:
            seen.add(slug)
            out.append(tag)
    return tuple(out)


def left_out_keys(meta: Mapping[str, Any]) -> list[str]:
    """Front-matter keys of the old post that sitegen has no use for (for the report's tally)."""
    return sorted({str(k).lower() for k in meta} - USED)
