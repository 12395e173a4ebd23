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

from .errors import ConfigError, Diagnostic, error, warning

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


_FIELDS = {f.name: f for f in dataclasses.fields(SiteConfig) if f.name not in ("site_dir", "drafts", "now", "privacy")}
_PRIVACY_FIELDS = {f.name: f for f in dataclasses.fields(PrivacyConfig)}


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
    return None, [error(path, line, "config.type", f"'{key}' must be {want}, not {value!r}")]


def load_config(site_dir: Path, *, drafts: bool = False, base_url: str | None = None) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    """Read site_dir/site.toml (absent → defaults); raise ConfigError on any error in it."""
    path = site_dir / CONFIG_NAME
    diags: list[Diagnostic] = []
    values: dict[str, object] = {}
    privacy_values: dict[str, object] = {}
    if path.exists():
        try:
            text = path.read_bytes().decode("utf-8")
            data = tomllib.loads(text)
        except UnicodeDecodeError as exc:
            raise ConfigError([error(CONFIG_NAME, 1, "config.encoding",
                                     f"not valid UTF-8 text (byte {exc.start})", "save the file as UTF-8")])
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            line = int(m.group(1)) if m else 1
            msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
            raise ConfigError([error(CONFIG_NAME, line, "config.syntax", f"invalid TOML: {msg}",
                                     'check quotes, = signs and brackets; text values need quotes: title = "My site"')])
        lines = _key_lines(text)
        for key, value in data.items():
            line = lines.get(key)
            if key == "privacy" and isinstance(value, dict):
                for pkey, pval in value.items():
                    pline = lines.get(f"privacy.{pkey}")
                    if pkey not in _PRIVACY_FIELDS:
                        diags.append(_unknown(f"privacy.{pkey}", [f"privacy.{k}" for k in _PRIVACY_FIELDS], pline))
                        continue
                    expected = tuple if _PRIVACY_FIELDS[pkey].type == "tuple[str, ...]" else str
                    checked, found = _check(f"privacy.{pkey}", pval, expected, CONFIG_NAME, pline)
                    diags.extend(found)
                    if not found:
                        privacy_values[pkey] = checked
                continue
            if key not in _FIELDS:
                diags.append(_unknown(key, list(_FIELDS) + ["privacy"], line))
                continue
            expected = {"str": str, "int": int}[_FIELDS[key].type]
            checked, found = _check(key, value, expected, CONFIG_NAME, line)
            diags.extend(found)
            if not found:
                values[key] = checked
        diags.extend(_check_values(values, privacy_values, lines))
    if base_url is not None:
        values["base_url"] = base_url
    if any(d.is_error for d in diags):
        raise ConfigError(d for d in diags if d.is_error)
    cfg = SiteConfig(**values, privacy=PrivacyConfig(**privacy_values), site_dir=site_dir,
                     drafts=drafts, now=_build_now())
    return cfg, tuple(diags)


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
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            close = difflib.get_close_matches(str(tz), sorted(zoneinfo.available_timezones()), n=1)
            diags.append(error(CONFIG_NAME, lines.get("timezone"), "config.timezone", f"unknown time zone '{tz}'",
                               f"did you mean '{close[0]}'?" if close else "use a name like Europe/London or America/New_York"))
    ppp = values.get("posts_per_page")
    if ppp is not None and not (1 <= int(ppp) <= 1000):
        diags.append(error(CONFIG_NAME, lines.get("posts_per_page"), "config.value",
                           f"posts_per_page must be between 1 and 1000, not {ppp}"))
    url = values.get("base_url")
    if url and not re.match(r"https?://[^/\s]+(/\S*)?$", str(url)):
        diags.append(error(CONFIG_NAME, lines.get("base_url"), "config.value",
                           f"base_url must be an absolute address like https://example.org/blog/, not {url!r}"))
    sev = privacy_values.get("essays")
    if sev is not None and sev not in ("warning", "error"):
        diags.append(error(CONFIG_NAME, lines.get("privacy.essays"), "config.value",
                           f"privacy.essays must be \"warning\" or \"error\", not {sev!r}"))
    return diags


def _build_now() -> datetime:
    """The build's notion of now: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc)
