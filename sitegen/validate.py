"""Check a Document's front matter and turn it into a typed Entry (essay, case study or page)."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from slugify import slugify as _slugify

from . import legacy
from .aliases import bundle_folder, read_aliases
from .config import SiteConfig
from .consent import Consent, read_consent, text_fingerprint
from .cpd.fields import FRONT_MATTER_KEYS as CPD_KEYS
from .cpd.fields import CpdFields, is_cpd_key, read_fields
from .discover import Kind
from .errors import Diagnostic, error, shorten, warning
from .fingerprint import body_field
from .parse import Document
from .reflection import MODELS

COMMON_KEYS = ("title", "date", "updated", "tags", "summary", "draft", "slug", "private", "privacy",
               "learning", "reflection_model", "description", "aliases", "published", "status") + CPD_KEYS
CASE_KEYS = ("client", "pseudonyms", "sessions", "presenting", "approach", "outcome", "referral",
             "client_perspective", "consent", "disguise")
PAGE_KEYS = ("order",)
REFLECTION_MODELS = tuple(MODELS)
# An address is at most this long: a tag or slug: that would make a longer one is an error
# (never cut short silently); one made from a long file name is shortened at a word boundary.
MAX_ADDRESS = 80
# A post joins at most this many topics.  Each topic is a page and a feed that list the post,
# so without a bound one post with thousands of tags made output that grew with the square
# of the file's size; more than this is a warning at the first tag left out.
MAX_TAGS = 30


@dataclass(frozen=True, slots=True)
class CaseFacts:
    client: str
    pseudonyms: tuple[str, ...]
    sessions: int | None
    presenting: str
    approach: tuple[str, ...]
    outcome: str
    referral: str
    client_perspective: str
    consent: Consent | None  # as the front matter says; the register may hold it instead
    disguise: tuple[str, ...]  # how the case was disguised: "details changed", "composite", …
    fingerprint: str = body_field()  # of the published text: what the client's review binds to


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    doc: Document
    title: str
    date: datetime | None  # aware, in the site's time zone
    updated: datetime | None
    tags: tuple[str, ...]  # as written (display), in the file's order, no duplicates
    slug: str
    summary: str  # plain text from front matter, or ""
    draft: bool
    learning: tuple[str, ...]
    reflection_model: str
    cpd_hours: float | None
    order: int | None
    allow: tuple[str, ...]  # privacy.allow of this file
    private_values: tuple[str, ...]  # every string under private:, for the output audit
    case: CaseFacts | None
    description: str = ""  # the page's meta description (else the summary)
    aliases: tuple[str, ...] = ()  # old addresses, as output paths: each gets a redirect page
    # The file's path from the site's folder (doc.source.rel), kept here: every stage asks for it,
    # some 23 times a post in a build, and the cached form has no `source`.
    rel: str = ""


def slugify(text: str, max_length: int = MAX_ADDRESS) -> str:
    """ASCII slug for URLs: 'Bien-être' → 'bien-etre'. May be empty; callers check.

    Longer than max_length, it is shortened at a word boundary (0: never shortened)."""
    return _slugify(str(text), max_length=max_length, word_boundary=True, save_order=True)


@functools.lru_cache(maxsize=4096)
def tag_slug(tag: str) -> str:
    """A tag's address, whole (never shortened: validation refuses one that is too long)."""
    return slugify(tag, max_length=0)  # memoised: a large blog asks for the same few dozen tags thousands of times


class _Checker:
    def __init__(self, doc: Document, config: SiteConfig):
        self.doc = doc
        self.config = config
        self.rel = doc.source.rel
        self.diags: list[Diagnostic] = []

    def line(self, key: str) -> int:
        return self.doc.key_lines.get(key, 2 if self.doc.key_lines else 1)

    def err(self, key: str, code: str, message: str, hint: str = "") -> None:
        self.diags.append(error(self.rel, self.line(key), code, message, hint))

    def warn(self, key: str, code: str, message: str, hint: str = "") -> None:
        self.diags.append(warning(self.rel, self.line(key), code, message, hint))

    def text(self, key: str, required: bool = False, mapping: dict | None = None) -> str:
        meta = self.doc.meta if mapping is None else mapping
        value = meta.get(key.rsplit(".", 1)[-1])
        if value is None or value == "":
            if required:
                if key.rsplit(".", 1)[-1] in meta:
                    self.err(key, "front-matter.empty", f"'{key}' is empty", f"write it after the colon: {key}: …")
                else:
                    self.diags.append(error(self.rel, 2 if self.doc.key_lines else 1, "front-matter.missing-key",
                                            f"'{key}' is missing", f"add a line '{key}: …' to the front matter"))
            return ""
        if not _is_text(value):
            self.err(key, "front-matter.type", f"'{key}' must be text, not {_describe(value)}",
                     f"write it on one line after the colon: {key}: some words (in quotes if it starts with [ or {{)")
            return ""
        return str(value).strip()

    def text_list(self, key: str) -> tuple[str, ...]:
        return tuple(item for _, item in self.text_items(key))

    def text_items(self, key: str) -> list[tuple[int, str]]:
        """(index in the file's list, text) of each item of a list (or comma-separated text), duplicates dropped."""
        value = self.doc.meta.get(key)
        if value is None or value == "":
            return []
        if isinstance(value, str):
            items = value.split(",")
        elif isinstance(value, list):
            items = value
        elif _is_text(value):
            items = [value]
        else:
            self.err(key, "front-matter.type", f"'{key}' must be a list, not {_describe(value)}",
                     f"write it as {key}: [first, second]")
            return []
        out: dict[str, int] = {}
        for i, item in enumerate(items):
            if not _is_text(item):
                self.diags.append(error(self.rel, self.doc.key_lines.get(f"{key}.{i}", self.line(key)),
                                        "front-matter.type", f"item {i + 1} of '{key}' must be text, not {_describe(item)}",
                                        f"write the list as {key}: [first, second]; quote an item that contains : or a comma"))
                continue
            s = str(item).strip()
            if s:
                out.setdefault(s, i)
        return [(i, s) for s, i in out.items()]

    def number(self, key: str, what: str, example: str, maximum: float) -> float | None:
        """A number from 0 to maximum, or None (absent, or wrong: then an error names it)."""
        value = self.doc.meta.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not 0 <= value <= maximum:
            self.err(key, "front-matter.type", f"'{key}' must be {what}, not {_describe(value)}",
                     f"write it in digits, e.g. {example}")
            return None
        return float(value)

    def when(self, key: str, value: Any, required: bool = False) -> datetime | None:
        if value is None or value == "":
            if required:
                if key.rsplit(".", 1)[-1] in self.doc.meta or "." in key:
                    self.err(key, "front-matter.empty", f"'{key}' is empty", "write a date like 2025-04-22")
                else:
                    self.diags.append(error(self.rel, 2 if self.doc.key_lines else 1, "front-matter.missing-key",
                                            f"'{key}' is missing", "add a line like 'date: 2025-04-22'"))
            return None
        parsed, problem = parse_when(value, self.config)
        if parsed is None:
            shown = repr(shorten(value)) if isinstance(value, str) else _describe(value)
            self.err(key, "front-matter.date", f"'{key}' is not a date sitegen can read: {shown}{problem}",
                     "write it as YYYY-MM-DD, e.g. 2025-04-22, or with a time: 2025-04-22 09:30")
        return parsed


def _is_text(value: Any) -> bool:
    """A value that reads as words: text, or a number (`title: 1984`)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int))


def _describe(value: Any) -> str:
    """A value as a person would name it, for messages."""
    if isinstance(value, dict):
        return "a mapping (indented 'key: value' lines or { })"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (set, frozenset)):
        return "a set"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if value is None:
        return "nothing"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    if isinstance(value, (date, datetime)):
        return repr(value.isoformat())
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} (not a real number)"
    if isinstance(value, str):
        return repr(shorten(value))
    return repr(value)


_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$")


MIN_YEAR, MAX_YEAR = 1000, 9998  # a year outside these is a typo (and 9999 overflows in other time zones)


def parse_when(value: Any, config: SiteConfig) -> tuple[datetime | None, str]:
    """A date or datetime from front matter → aware datetime in the site's zone; or (None, why)."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime.combine(value, time())
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        s = str(value).strip()
        m = _DATE_RE.match(s)
        if not m:
            if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", s):
                return None, " (sitegen reads dates year first, so there is no mistaking 04/05 for 5 April or 4 May)"
            return None, ""
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not MIN_YEAR <= y <= MAX_YEAR:
            return None, f" (the year {y} looks like a typo)"
        if not 1 <= mo <= 12:
            return None, f" (there is no month {mo})"
        try:
            date(y, mo, d)
        except ValueError:
            return None, f" (month {mo} of {y} has no day {d})"
        try:
            dt = datetime(y, mo, d)
            if m.group(4):
                dt = datetime(y, mo, d, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0),
                              tzinfo=_zone(m.group(7)))
        except ValueError as exc:
            return None, f" ({_time_problem(m, exc)})"
    else:
        return None, ""
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        return None, f" (the year {dt.year} looks like a typo)"
    try:
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=config.tz)
        return dt.astimezone(config.tz), ""
    except (OverflowError, ValueError) as exc:
        return None, f" ({exc})"


def _zone(text: str | None) -> timezone | None:
    """'Z', '+01:00' or '+0100' as a fixed offset; None for no zone."""
    if not text:
        return None
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError("bad time zone")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _time_problem(m: re.Match, exc: ValueError) -> str:
    hour, minute, second = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
    if hour > 23:
        return f"there is no hour {hour}: use 0 to 23"
    if minute > 59 or second > 59:
        return "minutes and seconds go up to 59"
    if m.group(7):
        return f"the time zone {m.group(7)!r} is not one sitegen can read: write it like +01:00, or leave it out"
    return str(exc)


def validate_document(doc: Document, config: SiteConfig) -> tuple[Entry | None, tuple[Diagnostic, ...]]:
    """Check the front matter of one document; return the Entry (or None) and every problem found."""
    c = _Checker(doc, config)
    kind = doc.source.kind
    meta = doc.meta
    known = COMMON_KEYS + (CASE_KEYS if kind is Kind.CASE_STUDY else ()) + (PAGE_KEYS if kind is Kind.PAGE else ())
    for key in meta:
        if key not in known:
            from difflib import get_close_matches  # only when a suggestion is needed
            close = get_close_matches(key, known, n=1, cutoff=0.6)
            if kind is not Kind.CASE_STUDY and key in CASE_KEYS:
                hint = "this key belongs to case studies: move the file to content/case-studies/"
            else:
                hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
            # A misspelt CPD key would drop the post from the CPD record: `sitegen cpd` stops on it.
            code = "cpd.unknown-key" if is_cpd_key(key) else "front-matter.unknown-key"
            c.warn(key, code, f"unknown key {shorten(key)!r}", hint)

    title = c.text("title", required=True)
    when = c.when("date", _date_or_file_name(doc), required=kind is not Kind.PAGE)
    updated = c.when("updated", meta.get("updated"))
    if when and updated and updated < when:
        c.warn("updated", "front-matter.date", "'updated' is before 'date'", "check the two dates")
    tags = _tags(c)
    summary = c.text("summary")
    draft = _flag(c, "draft", meta.get("draft"))
    held, found = legacy.unpublished(meta, doc.key_lines, doc.source.rel)  # published: false, status: draft
    draft = draft or held
    c.diags.extend(found)
    description = c.text("description")
    aliases, found = read_aliases(meta.get("aliases"), doc.key_lines, doc.source.rel)
    c.diags.extend(found)
    slug = _slug(c, doc)
    learning = c.text_list("learning")
    model = c.text("reflection_model").lower()
    if model and model not in REFLECTION_MODELS:
        from difflib import get_close_matches  # only when a suggestion is needed
        close = get_close_matches(model, REFLECTION_MODELS, n=1)
        c.warn("reflection_model", "cpd.reflection-model", f"unknown reflection model {shorten(model)!r}",
               f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(REFLECTION_MODELS))
    cpd = read_fields(c, kind).hours
    order = meta.get("order")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int) or abs(order) > 1_000_000):
        c.err("order", "front-matter.type", f"'order' must be a whole number, not {_describe(order)}",
              "pages are listed by order, smallest first: order: 1, order: 2, …")
        order = None
    allow = _privacy_allow(c)
    private = meta.get("private")
    private_values = tuple(_strings(private)) if private is not None else ()
    case = _case_facts(c) if kind is Kind.CASE_STUDY else None
    if any(d.is_error for d in c.diags):
        return None, tuple(c.diags)
    entry = Entry(kind, doc, title, when, updated, tags, slug, summary, draft, learning, model,
                  cpd, order, allow, private_values, case, description, aliases, doc.source.rel)
    return entry, tuple(c.diags)


def _tags(c: _Checker) -> tuple[str, ...]:
    """The tags that make topics: each with an address of letters or digits, not too long, at most MAX_TAGS."""
    kept: list[tuple[int, str]] = []
    for i, tag in c.text_items("tags"):
        line = c.doc.key_lines.get(f"tags.{i}", c.line("tags"))
        slug = tag_slug(tag)
        if not slug:
            c.diags.append(error(c.rel, line, "tag.empty-slug",
                                 f"tag {shorten(tag)!r} has no letters or digits to make a web address from",
                                 "add a word to the tag, or remove it"))
        elif len(slug) > MAX_ADDRESS:
            c.diags.append(error(c.rel, line, "tag.too-long",
                                 f"tag {shorten(tag)!r} is too long to make a web address from (it would be "
                                 f"{len(slug)} characters; at most {MAX_ADDRESS})",
                                 "a topic is a word or a few: shorten it"))
        else:
            kept.append((i, tag))
    if len(kept) > MAX_TAGS:
        first_left_out = kept[MAX_TAGS][0]
        c.diags.append(warning(c.rel, c.doc.key_lines.get(f"tags.{first_left_out}", c.line("tags")), "tag.too-many",
                               f"this post has {len(kept)} tags; only the first {MAX_TAGS} become topics, "
                               f"the other {len(kept) - MAX_TAGS} (from this line on) are left out",
                               f"keep the few that say what the post is about (at most {MAX_TAGS})"))
    return tuple(tag for _, tag in kept[:MAX_TAGS])


def read_cpd(doc: Document, config: SiteConfig) -> tuple[CpdFields, tuple[Diagnostic, ...]]:
    """The CPD keys of a document (for `sitegen cpd`), with the messages about them."""
    c = _Checker(doc, config)
    return read_fields(c, doc.source.kind), tuple(c.diags)


def _flag(c: _Checker, key: str, value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    s = str(value).strip().lower()
    if s in ("yes", "y", "on", "1"):
        return True
    if s in ("no", "n", "off", "0", ""):
        return False
    c.err(key, "front-matter.type", f"'{key}' must be true or false, not {_describe(value)}",
          f"write {key}: true or {key}: false")
    return True  # when unsure, keep it unpublished


def _slug(c: _Checker, doc: Document) -> str:
    raw = doc.meta.get("slug")
    if raw is not None and raw != "" and not _is_text(raw):
        c.err("slug", "front-matter.type", f"'slug' must be one word-like piece of text, not {_describe(raw)}",
              "write it like slug: my-first-week")
        return ""
    if raw is not None and raw != "":
        s = str(raw).strip()
        if "/" in s or "\\" in s or ".." in s or s.startswith("."):
            c.err("slug", "front-matter.unsafe-slug",
                  f"slug {shorten(s)!r} would put the page outside its folder in the output",
                  "a slug is one word-like piece such as my-first-week: no /, \\ or .. in it")
            return ""
        slug = slugify(s, max_length=0)
        if not slug:
            c.err("slug", "front-matter.empty-slug",
                  f"slug {shorten(s)!r} has no letters or digits to make a web address from",
                  "use a slug like my-first-week")
        elif len(slug) > MAX_ADDRESS:
            c.err("slug", "front-matter.long-slug",
                  f"slug {shorten(s)!r} is too long for a web address ({len(slug)} characters; at most {MAX_ADDRESS})",
                  "use a few words, like slug: my-first-week")
            return ""
        return slug
    stem = _name(doc)
    stem = _DATED_NAME.sub("", stem)  # 2025-04-01-title.md → title
    slug = slugify(stem)
    if not slug:
        title_slug = slugify(str(doc.meta.get("title") or ""))
        if title_slug:
            return title_slug
        c.diags.append(error(doc.source.rel, 1, "front-matter.empty-slug",
                             f"neither the file name {doc.source.path.name!r} nor the title has letters or digits "
                             "to make a web address from",
                             "rename the file with letters or digits, or add slug: my-post"))
    return slug


_DATED_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[-_]")  # Jekyll's names allow 2016-11-3-title.md


def _name(doc: Document) -> str:
    """The file's name without its extension; for a page bundle (my-post/index.md), the folder's."""
    folder = bundle_folder(doc.source.rel)
    return folder.rsplit("/", 1)[-1] if folder is not None else doc.source.path.stem


def _date_or_file_name(doc: Document) -> Any:
    """The front matter's date, or the one a file name like 2019-03-14-title.md starts with."""
    value = doc.meta.get("date")
    if value is None and "date" not in doc.meta:
        m = _DATED_NAME.match(_name(doc))
        return m.group(0)[:-1] if m else None
    return value


def _privacy_allow(c: _Checker) -> tuple[str, ...]:
    privacy = c.doc.meta.get("privacy")
    if privacy is None:
        return ()
    if not isinstance(privacy, dict):
        c.err("privacy", "front-matter.type", f"'privacy' must be a mapping with an allow list, not {_describe(privacy)}",
              'write it as privacy: {allow: ["Ashford"]}')
        return ()
    for key in privacy:
        if key not in ("allow", "confirmed"):
            c.warn(f"privacy.{key}", "front-matter.unknown-key", f"unknown key {shorten(f'privacy.{key}')!r}",
                   "only 'allow' and 'confirmed' are known here")
    confirmed = privacy.get("confirmed")
    if confirmed is not None and not _is_text(confirmed) and not (
            isinstance(confirmed, list) and all(_is_text(x) for x in confirmed)):
        c.warn("privacy.confirmed", "front-matter.type", "'privacy.confirmed' must be a list of the lines "
               "sitegen review writes", "run sitegen review on this file to write it again")
    allow = privacy.get("allow") or []
    if _is_text(allow):
        allow = [allow]
    if not isinstance(allow, list) or not all(_is_text(a) for a in allow):
        c.err("privacy.allow", "front-matter.type", f"'privacy.allow' must be a list of phrases, not {_describe(allow)}",
              'write it as privacy: {allow: ["Ashford", "St Mary\'s"]}')
        return ()
    return tuple(str(a).strip() for a in allow if str(a).strip())


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if value is None or isinstance(value, bool):
        return []
    return [str(value)]


def _case_facts(c: _Checker) -> CaseFacts:
    meta = c.doc.meta
    client = c.text("client", required=True)
    sessions = meta.get("sessions")
    if sessions is not None and sessions != "":
        if isinstance(sessions, bool) or not isinstance(sessions, int) or not 0 <= sessions <= 100_000:
            c.err("sessions", "front-matter.type", f"'sessions' must be a whole number, not {_describe(sessions)}",
                  "write the number of sessions in digits, e.g. sessions: 5")
            sessions = None
    else:
        sessions = None
    consent = None
    if meta.get("consent") is not None:
        lines = {k.removeprefix("consent."): v for k, v in c.doc.key_lines.items()
                 if k == "consent" or k.startswith("consent.")}
        consent = read_consent(meta.get("consent"), path=c.rel, lines=lines,
                               read_date=lambda v: _date_only(v, c.config))
    return CaseFacts(client, c.text_list("pseudonyms"), sessions, c.text("presenting"), c.text_list("approach"),
                     c.text("outcome"), c.text("referral"), c.text("client_perspective"), consent,
                     c.text_list("disguise"), text_fingerprint(meta, c.doc.body))


def _date_only(value: Any, config: SiteConfig) -> date | None:
    dt, _ = parse_when(value, config)
    return dt.date() if dt else None
