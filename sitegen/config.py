"""Read site.toml into a typed, frozen SiteConfig; every setting has a default."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .errors import ConfigError, Diagnostic, error, shorten, warning

CONFIG_NAME = "site.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class PrivacyConfig:
    allow: tuple[str, ...] = ()
    """Phrases the identifier scan never flags, site-wide (e.g. your town, a colleague who agreed)."""
    pseudonyms: tuple[str, ...] = ()
    """Stand-ins used for clients across the site ("Client A", "M."): never flagged."""
    essays: str = "warning"
    """Severity of identifier findings in essays: "warning" (default) or "error"."""
    register: str = "private/clients.toml"
    """Your private client register (real names, contacts, consent); never published."""
    region: str = "GB"
    """Country whose phone-number formats are assumed for numbers without +country code."""
    consent_review: str = "warning"
    """A case study whose client has not reviewed its text (no consent.reviewed): "warning" or "required" (an error)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishConfig:
    to: str = ""
    """Where sitegen publish puts the site when you give no --to: "gh-pages", or a folder your host serves."""
    remote: str = ""
    """For gh-pages: the address of a separate repository for the built site (recommended), or a remote's name; empty means origin."""
    branch: str = "gh-pages"
    """For gh-pages: the branch GitHub Pages serves the site from."""
    private_remotes: tuple[str, ...] = ()
    """Remotes you have made private (e.g. ["origin"]): sitegen stops warning that your drafts are there."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteConfig:
    title: str = "My practice journal"
    """Shown in the header, feeds and the browser tab."""
    author: str = ""
    """You, the therapist: shown as the author and never flagged by the privacy scan."""
    business: str = ""
    """Your practice's name: shown in the footer and never flagged by the privacy scan."""
    description: str = "Reflections on practice."
    """One sentence about the site: used in the feed and in search-engine previews."""
    base_url: str = ""
    """Absolute address the site is served from, ending in /; needed for feeds and the sitemap."""
    language: str = "en"
    """Language of the site (e.g. en-GB), for browsers and screen readers."""
    timezone: str = "UTC"
    """Your time zone (e.g. Europe/London): dates without a time zone are read in it."""
    posts_per_page: int = 10
    """How many essays and case studies the home page lists before moving to /page/2/."""
    domain: str = ""
    """Custom domain for GitHub Pages (written to CNAME when publishing)."""
    summary_words: int = 60
    """Longest automatic summary, in words, when a post has no summary and no <!-- more -->."""
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    publish: PublishConfig = field(default_factory=PublishConfig)

    # Not read from site.toml: set by the command line or the environment.
    site_dir: Path = Path(".")
    drafts: bool = False
    now: datetime | None = None  # the build's "now"; SOURCE_DATE_EPOCH or the clock

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def site_url(self) -> str:
        """base_url with a trailing slash, or a placeholder when it is not set."""
        url = self.base_url or "http://localhost:8000/"
        return url if url.endswith("/") else url + "/"


_TABLES = {"privacy": PrivacyConfig, "publish": PublishConfig}  # [section] → its settings
_FIELDS = {f.name: f for f in dataclasses.fields(SiteConfig)
           if f.name not in ("site_dir", "drafts", "now", *_TABLES)}
_TABLE_FIELDS = {name: {f.name: f for f in dataclasses.fields(cls)} for name, cls in _TABLES.items()}
_PRIVACY_FIELDS = _TABLE_FIELDS["privacy"]


def _key_lines(text: str) -> dict[str, int]:
    """Line of each `key =` in the TOML text, for messages (tomllib keeps no positions)."""
    lines: dict[str, int] = {}
    section = ""
    for n, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        m = re.match(r"\[\s*([A-Za-z0-9_.-]+)\s*\]", s)
        if m:
            section = m.group(1) + "."
            lines.setdefault(m.group(1), n)
            continue
        m = re.match(r"([A-Za-z0-9_\"'-]+)\s*=", s)
        if m:
            lines.setdefault(section + m.group(1).strip("\"'"), n)
    return lines


def _check(key: str, value: object, expected: type, path: str, line: int | None) -> tuple[object, list[Diagnostic]]:
    if expected is int and isinstance(value, bool):
        value = None
    if expected is tuple:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value), []
        return None, [error(path, line, "config.type", f"'{key}' must be a list of strings, not {value!r}",
                            f'write it as {key} = ["first", "second"]')]
    if isinstance(value, expected):
        return value, []
    want = {str: "text in quotes", int: "a whole number", bool: "true or false"}[expected]
    example = {str: f'{key} = "…"', int: f"{key} = 10", bool: f"{key} = true"}[expected]
    return None, [error(path, line, "config.type", f"'{key}' must be {want}, not {_show(value)}",
                        f"write it like {example}")]


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(shorten(value))
    return repr(value)


def load_config(site_dir: Path, *, drafts: bool = False, base_url: str | None = None) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    """Read site_dir/site.toml (absent → defaults); raise ConfigError on any error in it."""
    path = site_dir / CONFIG_NAME
    diags: list[Diagnostic] = []
    values: dict[str, object] = {}
    tables: dict[str, dict[str, object]] = {}
    if path.exists() or path.is_symlink():
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError([error(CONFIG_NAME, None, "config.unreadable",
                                     f"site.toml cannot be read: {exc.strerror or exc}",
                                     "site.toml must be a text file in the site folder; check its permissions")])
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise ConfigError([error(CONFIG_NAME, line, "config.encoding",
                                     f"site.toml is not valid UTF-8 text: byte 0x{raw[exc.start]:02x} "
                                     f"at byte offset {exc.start}",
                                     "save the file again with the encoding UTF-8")])
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([_toml_error(exc, text)])
        lines = _key_lines(text)
        for key, value in data.items():
            line = lines.get(key)
            if key in _TABLES:
                diags.extend(_read_table(key, value, lines, tables.setdefault(key, {})))
                continue
            if key not in _FIELDS:
                diags.append(_unknown(key, list(_FIELDS) + list(_TABLES), line))
                continue
            expected = {"str": str, "int": int}[_FIELDS[key].type]
            checked, found = _check(key, value, expected, CONFIG_NAME, line)
            diags.extend(found)
            if not found:
                values[key] = checked
        diags.extend(_check_values(values, tables.get("privacy", {}), lines))
        diags.extend(_check_publish(tables.get("publish", {}), lines))
    if base_url is not None:
        values["base_url"] = base_url
    if any(d.is_error for d in diags):
        raise ConfigError(diags)  # the warnings too: an unknown key is often the cause of the error
    cfg = SiteConfig(**values, **{name: cls(**tables.get(name, {})) for name, cls in _TABLES.items()},
                     site_dir=site_dir, drafts=drafts, now=_build_now())
    return cfg, tuple(diags)


def _read_table(name: str, value: object, lines: dict[str, int], into: dict[str, object]) -> list[Diagnostic]:
    """Check the settings of one [section] (privacy, publish) into `into`."""
    if not isinstance(value, dict):
        example = {"privacy": 'allow = ["Ashford"]', "publish": 'to = "gh-pages"'}[name]
        return [error(CONFIG_NAME, lines.get(name), "config.type", f"'{name}' must be a [{name}] table, not {_show(value)}",
                      f"write it as a section: a line [{name}], then lines like {example}")]
    known = _TABLE_FIELDS[name]
    diags: list[Diagnostic] = []
    for key, val in value.items():
        line = lines.get(f"{name}.{key}")
        if key not in known:
            diags.append(_unknown(f"{name}.{key}", [f"{name}.{k}" for k in known], line))
            continue
        expected = tuple if known[key].type == "tuple[str, ...]" else str
        checked, found = _check(f"{name}.{key}", val, expected, CONFIG_NAME, line)
        diags.extend(found)
        if not found:
            into[key] = checked
    return diags


def _toml_error(exc: tomllib.TOMLDecodeError, text: str) -> Diagnostic:
    """tomllib's message carries '(at line N, column M)': point there and quote that line."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    line = int(m.group(1)) if m else 1
    msg = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
    src = text.split("\n")
    shown = src[line - 1].strip() if 0 < line <= len(src) else ""
    if not shown and line > 1 and line - 2 < len(src):
        shown = src[line - 2].strip()
    where = f", in {shorten(shown)!r}" if shown else ""
    hint = 'check quotes, = signs and brackets; text needs quotes: title = "My site"'
    if re.match(r"^[\w.-]+\s*=\s*[^\s\"'\[{0-9tf+-]", shown):
        key = shown.split("=", 1)[0].strip()
        hint = f'text needs quotes around it: {key} = "{shorten(shown.split("=", 1)[1].strip(), 40)}"'
    elif msg.startswith("Cannot overwrite a value") or msg.startswith("Cannot declare"):
        hint = "each setting may appear only once: delete the repeated line or [section]"
    return error(CONFIG_NAME, line, "config.syntax", f"site.toml is not valid TOML: {msg}{where}", hint)


def _unknown(key: str, known: list[str], line: int | None) -> Diagnostic:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known settings: " + ", ".join(sorted(known))
    return warning(CONFIG_NAME, line, "config.unknown-key", f"unknown setting '{key}'", hint)


def _check_values(values: dict, privacy_values: dict, lines: dict[str, int]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    tz = values.get("timezone")
    if tz is not None:
        try:
            zoneinfo.ZoneInfo(str(tz))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder: OSError
            close = difflib.get_close_matches(str(tz), sorted(zoneinfo.available_timezones()), n=1)
            diags.append(error(CONFIG_NAME, lines.get("timezone"), "config.timezone",
                               f"unknown time zone {shorten(str(tz))!r}",
                               f"did you mean '{close[0]}'?" if close else "use a name like Europe/London or America/New_York"))
    ppp = values.get("posts_per_page")
    if ppp is not None and not (1 <= int(ppp) <= 1000):
        diags.append(error(CONFIG_NAME, lines.get("posts_per_page"), "config.value",
                           f"posts_per_page must be between 1 and 1000, not {ppp}", "for example posts_per_page = 10"))
    words = values.get("summary_words")
    if words is not None and not (1 <= int(words) <= 10_000):
        diags.append(error(CONFIG_NAME, lines.get("summary_words"), "config.value",
                           f"summary_words must be between 1 and 10000, not {words}", "for example summary_words = 60"))
    url = values.get("base_url")
    if url and not re.match(r"https?://[^/\s]+(/\S*)?$", str(url)):
        diags.append(error(CONFIG_NAME, lines.get("base_url"), "config.value",
                           f"base_url must be a full web address, not {shorten(str(url))!r}",
                           'write it like base_url = "https://example.org/blog/"'))
    sev = privacy_values.get("essays")
    if sev is not None and sev not in ("warning", "error"):
        diags.append(error(CONFIG_NAME, lines.get("privacy.essays"), "config.value",
                           f"privacy.essays must be \"warning\" or \"error\", not {shorten(str(sev))!r}",
                           'write it like essays = "warning" in the [privacy] section'))
    review = privacy_values.get("consent_review")
    if review is not None and review not in ("warning", "required"):
        diags.append(error(CONFIG_NAME, lines.get("privacy.consent_review"), "config.value",
                           f"privacy.consent_review must be \"warning\" or \"required\", not {shorten(str(review))!r}",
                           'write it like consent_review = "required" in the [privacy] section'))
    return diags


def _check_publish(publish: dict, lines: dict[str, int]) -> list[Diagnostic]:
    branch = publish.get("branch")
    if branch is not None and not re.fullmatch(r"(?!.*\.\.)(?!/)[\w./-]+(?<![/.])", str(branch)):
        return [error(CONFIG_NAME, lines.get("publish.branch"), "config.value",
                      f"publish.branch {shorten(str(branch))!r} is not a branch name git accepts",
                      'use letters, digits and dashes, for example branch = "gh-pages"')]
    return []


def _build_now() -> datetime:
    """The build's notion of now: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(timezone.utc)
    try:
        if not epoch.isascii() or not epoch.isdigit():
            raise ValueError(epoch)
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ConfigError([error("SOURCE_DATE_EPOCH", None, "config.environment",
                                 f"the environment variable SOURCE_DATE_EPOCH is {shorten(epoch)!r}, "
                                 "not a number of seconds since 1970",
                                 "set it to a time such as the last commit's (git log -1 --format=%ct), or unset it")])
