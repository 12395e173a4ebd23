"""Read site.toml into a typed, frozen SiteConfig; every setting has a default.

Each setting is declared once, below, with its type (the annotation), its default, the
check of its value and the sentence that explains it (`setting(...)`); the reader, the
type checks, the messages and the commented site.toml that `sitegen init` writes all
come from these declarations.  A table such as `[privacy]` is a nested dataclass.

What is not a setting of the site — the folder, whether drafts are shown, the build's
"now", an address the dev server serves at — is the build's `RunContext`, kept apart so
that the settings can be fingerprinted as they are.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import typing
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ConfigError, Diagnostic, error, shorten, warning

CONFIG_NAME = "site.toml"

Check = Callable[[str, Any], "tuple[str, str] | None"]  # (key, value) → (message, hint) when wrong


def setting(default: Any, doc: str, check: Check | None = None) -> Any:
    """Declare one setting: its default, the sentence that explains it, how its value is checked."""
    return field(default=default, metadata={"doc": " ".join(doc.split()), "check": check})


def table(cls: type, doc: str) -> Any:
    """Declare a [section] of settings, itself a dataclass of settings."""
    return field(default_factory=cls, metadata={"doc": doc, "check": None})


# -- checks of values (the type is checked before, from the annotation) ---------------------

def between(low: int, high: int, example: int) -> Check:
    def check(key: str, value: int) -> tuple[str, str] | None:
        if low <= value <= high:
            return None
        return f"{key} must be between {low} and {high}, not {value}", f"for example {key.split('.')[-1]} = {example}"
    return check


def one_of(*choices: str) -> Check:
    def check(key: str, value: str) -> tuple[str, str] | None:
        if value in choices:
            return None
        quoted = " or ".join(f'"{c}"' for c in choices)
        section = f" in the [{key.split('.')[0]}] section" if "." in key else ""
        return (f"{key} must be {quoted}, not {shorten(value)!r}",
                f'write it like {key.split(".")[-1]} = "{choices[-1]}"{section}')
    return check


def _time_zone(key: str, value: str) -> tuple[str, str] | None:
    try:
        zoneinfo.ZoneInfo(value)
        return None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder: OSError
        from difflib import get_close_matches  # only when a suggestion is needed
        close = get_close_matches(value, sorted(zoneinfo.available_timezones()), n=1)
        return (f"unknown time zone {shorten(value)!r}",
                f"did you mean '{close[0]}'?" if close else "use a name like Europe/London or America/New_York")


def _web_address(key: str, value: str) -> tuple[str, str] | None:
    if not value or re.match(r"https?://[^/\s]+(/\S*)?$", value):
        return None
    return (f"{key} must be a full web address, not {shorten(value)!r}",
            f'write it like {key} = "https://example.org/blog/"')


# -- the settings ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class PrivacyConfig:
    allow: tuple[str, ...] = setting(
        (), "Phrases the identifier scan never flags, site-wide (e.g. your town, a colleague who agreed).")
    pseudonyms: tuple[str, ...] = setting((), 'Stand-ins used for clients across the site ("Client A", "M."): never flagged.')
    essays: str = setting("warning", 'Severity of identifier findings in essays: "warning" (default) or "error".',
                          one_of("warning", "error"))
    register: str = setting("private/clients.toml",
                            "Your private client register (real names, contacts, consent); never published.")
    region: str = setting("GB", "Country whose phone-number formats are assumed for numbers without +country code.")
    consent_review: str = setting(
        "warning", 'A case study whose client has not reviewed its text (no consent.reviewed): "warning" or '
                   '"required" (an error).', one_of("warning", "required"))


def _branch_name(key: str, value: str) -> tuple[str, str] | None:
    if re.fullmatch(r"(?!.*\.\.)(?!/)[\w./-]+(?<![/.])", value):
        return None
    return (f"{key} {shorten(value)!r} is not a branch name git accepts",
            'use letters, digits and dashes, for example branch = "gh-pages"')


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishConfig:
    to: str = setting("", 'Where sitegen publish puts the site when you give no --to: "gh-pages", or a folder your '
                          "host serves.")
    remote: str = setting("", "For gh-pages: the address of a separate repository for the built site (recommended), "
                              "or a remote's name; empty means origin.")
    branch: str = setting("gh-pages", "For gh-pages: the branch GitHub Pages serves the site from.", _branch_name)
    private_remotes: tuple[str, ...] = setting(
        (), 'Remotes you have made private (e.g. ["origin"]): sitegen stops warning that your drafts are there.')


@dataclass(frozen=True, slots=True, kw_only=True)
class PracticeConfig:
    street: str = setting("", "Your practice's public street address (e.g. 12 Station Road), for search engines.")
    town: str = setting("", "The town or city of that address.")
    region: str = setting("", "The county, state or region, if you want it shown.")
    postcode: str = setting("", "The postcode or ZIP code of that address.")
    country: str = setting("", "The country, as a two-letter code (GB, US, IE, …) or its name.")
    phone: str = setting("", "The practice's public phone number, for search engines (e.g. +44 1233 123456).")
    email: str = setting("", "The practice's public email address, for search engines.")
    kind: str = setting("LocalBusiness", 'What kind of practice search engines are told it is: a schema.org type '
                                         'such as "LocalBusiness", "HealthAndBeautyBusiness" or "Physiotherapy".',
                        lambda key, value: None if re.fullmatch(r"[A-Z][A-Za-z]+", value) else (
                            f"{key} must be one schema.org type name, not {shorten(value)!r}",
                            'write it like kind = "LocalBusiness"'))


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteConfig:
    title: str = setting("My practice journal", "Shown in the header, feeds and the browser tab.")
    author: str = setting("", "You, the therapist: shown as the author and never flagged by the privacy scan.")
    business: str = setting("", "Your practice's name: shown in the footer and never flagged by the privacy scan.")
    description: str = setting("Reflections on practice.",
                               "One sentence about the site: used in the feed and in search-engine previews.")
    base_url: str = setting("", "Absolute address the site is served from, ending in /; needed for feeds and the "
                                "sitemap.", _web_address)
    language: str = setting("en", "Language of the site (e.g. en-GB), for browsers and screen readers.")
    timezone: str = setting("UTC", "Your time zone (e.g. Europe/London): dates without a time zone are read in it.",
                            _time_zone)
    posts_per_page: int = setting(10, "How many essays and case studies the home page lists before moving to "
                                      "/page/2/.", between(1, 1000, 10))
    domain: str = setting("", "Custom domain for GitHub Pages (written to CNAME when publishing).")
    summary_words: int = setting(60, "Longest automatic summary, in words, when a post has no summary and no "
                                     "<!-- more -->.", between(1, 10_000, 60))
    privacy: PrivacyConfig = table(PrivacyConfig, "The privacy scan, the client register and consent.")
    publish: PublishConfig = table(PublishConfig, "Where sitegen publish puts the site (see \"Keep your sources "
                                                  "private\" in the README).")
    practice: PracticeConfig = table(PracticeConfig, "Your practice's public address and phone, for search "
                                                     "engines (structured data on the home page); never flagged "
                                                     "by the privacy scan.")

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def site_url(self) -> str:
        """base_url with a trailing slash, or a placeholder when it is not set."""
        url = self.base_url or "http://localhost:8000/"
        return url if url.endswith("/") else url + "/"


@dataclass(frozen=True, slots=True, kw_only=True)
class RunContext:
    """What one build runs with that is not a setting of the site."""

    site_dir: Path = Path(".")
    drafts: bool = False  # include drafts and scheduled posts (previewing)
    now: datetime | None = None  # the build's "now": SOURCE_DATE_EPOCH or the clock

    def today(self, config: SiteConfig) -> Any:
        return (self.now or datetime.now(UTC)).astimezone(config.tz).date()


# -- reading site.toml -------------------------------------------------------------------------

_TYPE_WORDS = {str: ("text in quotes", '{key} = "…"'), int: ("a whole number", "{key} = 10"),
               bool: ("true or false", "{key} = true"), float: ("a number", "{key} = 1.5")}


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


def _typed(key: str, value: Any, expected: Any, line: int | None) -> tuple[Any, Diagnostic | None]:
    """The value if it has the declared type (a list of strings becomes a tuple), else a diagnostic."""
    if typing.get_origin(expected) is tuple:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value), None
        return None, error(CONFIG_NAME, line, "config.type", f"'{key}' must be a list of strings, not {_show(value)}",
                           f'write it as {key.split(".")[-1]} = ["first", "second"]')
    ok = isinstance(value, expected) and not (expected in (int, float) and isinstance(value, bool))
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value), None
    if ok:
        return value, None
    want, example = _TYPE_WORDS[expected]
    return None, error(CONFIG_NAME, line, "config.type", f"'{key}' must be {want}, not {_show(value)}",
                       "write it like " + example.format(key=key.split(".")[-1]))


def read_table(cls: type, data: dict[str, Any], lines: dict[str, int], prefix: str = "") -> tuple[Any, list[Diagnostic]]:
    """Check a TOML table against the dataclass `cls` of settings; return an instance and every problem."""
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls) if "doc" in f.metadata}
    values: dict[str, Any] = {}
    diags: list[Diagnostic] = []
    for key, value in data.items():
        name, line = prefix + key, lines.get(prefix + key)
        f = known.get(key)
        if f is None:
            diags.append(_unknown(name, [prefix + k for k in known], line))
            continue
        expected = hints[key]
        if dataclasses.is_dataclass(expected):
            if not isinstance(value, dict):
                diags.append(error(CONFIG_NAME, line, "config.type", f"'{name}' must be a [{name}] table, not "
                                   f"{_show(value)}", f'write it as a section: a line [{name}], then lines like '
                                   f'key = "value" under it'))
                continue
            values[key], found = read_table(expected, value, lines, name + ".")
            diags.extend(found)
            continue
        checked, problem = _typed(name, value, expected, line)
        if problem is None and f.metadata["check"] is not None:
            wrong = f.metadata["check"](name, checked)
            if wrong is not None:
                problem = error(CONFIG_NAME, line, "config.value", *wrong)
        if problem is not None:
            diags.append(problem)
        else:
            values[key] = checked
    return cls(**values), diags


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


def load_config(site_dir: Path, *, base_url: str | None = None) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    """Read site_dir/site.toml (absent → defaults); raise ConfigError on any error in it.

    `base_url` replaces the one in site.toml (the dev server serves at its own address)."""
    text = _read_text(site_dir / CONFIG_NAME)
    cfg, diags = SiteConfig(), []
    if text is not None:
        data, problem = load_toml(text, CONFIG_NAME, "config.syntax")
        if problem is not None:
            raise ConfigError([problem])
        cfg, diags = read_table(SiteConfig, data, _key_lines(text))
    if any(d.is_error for d in diags):
        raise ConfigError(diags)  # the warnings too: an unknown key is often the cause of the error
    if base_url is not None:
        cfg = dataclasses.replace(cfg, base_url=base_url)
    return cfg, tuple(diags)


def run_context(site_dir: Path, *, drafts: bool = False) -> RunContext:
    """The run context of a build of site_dir now (SOURCE_DATE_EPOCH, when set, is now)."""
    return RunContext(site_dir=Path(site_dir), drafts=drafts, now=_build_now())


def _read_text(path: Path) -> str | None:
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([error(CONFIG_NAME, None, "config.unreadable", f"site.toml cannot be read: {exc.strerror or exc}",
                                 "site.toml must be a text file in the site folder; check its permissions")]) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError([error(CONFIG_NAME, line, "config.encoding",
                                 f"site.toml is not valid UTF-8 text: byte 0x{raw[exc.start]:02x} at byte offset "
                                 f"{exc.start}", "save the file again with the encoding UTF-8")]) from None


def load_toml(text: str, rel: str, code: str) -> tuple[dict | None, Diagnostic | None]:
    """The parsed file, or the syntax error at its line."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return None, dataclasses.replace(toml_error(exc, text, rel), code=code)
    except RecursionError:  # tomllib reads nested brackets recursively: thousands of [ exhaust the stack
        line = next((n for n, raw in enumerate(text.splitlines(), 1) if raw.count("[") + raw.count("{") > 50), None)
        return None, error(rel, line, code, f"{rel} has brackets nested far too deeply to be read",
                           "remove the extra [ or { marks (probably pasted by mistake); a list needs one pair")


def toml_error(exc: tomllib.TOMLDecodeError, text: str, rel: str = CONFIG_NAME) -> Diagnostic:
    """tomllib's message carries '(at line N, column M)': point there and quote that line (of file rel)."""
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
    return error(rel, line, "config.syntax", f"{rel} is not valid TOML: {msg}{where}", hint)


def _unknown(key: str, known: list[str], line: int | None) -> Diagnostic:
    from difflib import get_close_matches  # only when a suggestion is needed
    close = get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known settings: " + ", ".join(sorted(known))
    return warning(CONFIG_NAME, line, "config.unknown-key", f"unknown setting '{key}'", hint)


def _build_now() -> datetime:
    """The build's notion of now: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC)
    try:
        if not epoch.isascii() or not epoch.isdigit():
            raise ValueError(epoch)
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ConfigError([error("SOURCE_DATE_EPOCH", None, "config.environment",
                                 f"the environment variable SOURCE_DATE_EPOCH is {shorten(epoch)!r}, "
                                 "not a number of seconds since 1970",
                                 "set it to a time such as the last commit's (git log -1 --format=%ct), or unset it")]) from None
