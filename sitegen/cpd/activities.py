"""The private CPD file, private/cpd.toml: activities that are not posts, explained gaps, the profile.

A course, a supervision session or a book is CPD as much as a reflective post, but it has
no page on the blog.  The therapist lists such activities here, with the reasons for any
long gap and, for an HCPC profile, their summary of practice.  Nothing in this file is
ever published: the build's output audit looks for its text (see `private_texts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..config import load_toml
from ..errors import Diagnostic, error
from ..files import CPD_FILE
from ..reflection import MODELS
from .fields import ACTIVITY_TYPES, CATEGORIES, DEFAULT_CATEGORY, TYPE_ALIASES, resolve
from .tomlcheck import TomlReader, key_lines

CODE = "cpd.file"
ACTIVITY_KEYS = ("date", "until", "title", "type", "hours", "points", "category", "learning", "benefit", "evidence",
                 "reflection", "reflection_model")
GAP_KEYS = ("from", "to", "reason")
PROFILE_KEYS = ("summary", "statement", "chosen")
RECORD_KEYS = ("body", "year_start", "name", "profession", "registration")
SECTIONS = ("record", "activity", "gap", "profile", "bodies")


@dataclass(frozen=True, slots=True)
class Activity:
    date: date
    until: date | None  # the last day, for an activity over several days (a course of weekends)
    title: str
    type: str
    hours: float | None
    points: float | None
    category: str
    learning: tuple[str, ...]
    benefit: str
    evidence: tuple[str, ...]
    reflection: str  # Markdown
    reflection_model: str
    line: int | None


@dataclass(frozen=True, slots=True)
class GapReason:
    start: date
    end: date
    reason: str
    line: int | None


@dataclass(frozen=True, slots=True)
class Profile:
    summary: str  # HCPC's summary of practice, Markdown
    statement: str  # an introduction to the personal statement, Markdown
    chosen: tuple[str, ...]  # the activities the statement is about: post files, slugs or activity titles
    chosen_line: int | None


@dataclass(frozen=True, slots=True)
class Settings:
    body: str
    year_start: date | None  # the registration or membership year starts on this day and month
    name: str
    profession: str
    registration: str


@dataclass(frozen=True, slots=True)
class CpdFile:
    rel: str
    exists: bool
    activities: tuple[Activity, ...] = ()
    gaps: tuple[GapReason, ...] = ()
    profile: Profile = Profile("", "", (), None)
    settings: Settings = Settings("", None, "", "", "")
    bodies: Any = None  # the [bodies] section as written, checked by bodies.py
    lines: Any = None  # key → line, for bodies.py's messages


def read_cpd_file(site_dir: Path) -> tuple[CpdFile, tuple[Diagnostic, ...]]:
    """Read private/cpd.toml if it exists; every problem comes back as a diagnostic with its line."""
    path = site_dir / CPD_FILE
    if not path.is_file():
        return CpdFile(CPD_FILE, False), ()
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        return CpdFile(CPD_FILE, True), (error(CPD_FILE, None, CODE, f"the CPD file cannot be read: {why}",
                                               "save it again as plain text with the encoding UTF-8"),)
    data, problem = load_toml(text, CPD_FILE, CODE)
    if data is None:
        return CpdFile(CPD_FILE, True), (problem,)
    lines = key_lines(text)
    r = TomlReader(CPD_FILE, lines, CODE)
    r.unknown_keys(data, "", SECTIONS)
    activities = tuple(a for path, t in r.tables(data, "activity") if (a := _activity(r, path, t)) is not None)
    gaps = tuple(g for path, t in r.tables(data, "gap") if (g := _gap(r, path, t)) is not None)
    profile = _profile(r, r.table(data, "profile"))
    settings = _settings(r, r.table(data, "record"))
    return CpdFile(CPD_FILE, True, activities, gaps, profile, settings, r.table(data, "bodies"), lines), tuple(r.diags)


def _activity(r: TomlReader, path: str, t: dict) -> Activity | None:
    before = len(r.diags)
    r.unknown_keys(t, path, ACTIVITY_KEYS)
    when = r.day(t, path, "date", required=True)
    until = r.day(t, path, "until")
    title = r.text(t, path, "title", required=True, example="Trauma-informed touch: a two-day course")
    raw_type = r.text(t, path, "type", required=True, example="course")
    type_ = ""
    if raw_type:
        type_, hint = resolve(raw_type, ACTIVITY_TYPES, TYPE_ALIASES)
        if type_ is None:
            r.err(f"{path}.type", f"unknown activity type {raw_type!r}", hint)
    hours = r.number(t, path, "hours")
    points = r.number(t, path, "points", example="2")
    if hours is None and points is None and "hours" not in t and "points" not in t:
        r.err(path, "this activity gives neither 'hours' nor 'points'", "add a line hours = 1.5")
    category = DEFAULT_CATEGORY
    raw_category = r.text(t, path, "category")
    if raw_category:
        category, hint = resolve(raw_category, CATEGORIES)
        if category is None:
            r.err(f"{path}.category", f"unknown category {raw_category!r}", hint)
    model = r.text(t, path, "reflection_model").lower()
    if model and model not in MODELS:
        _, hint = resolve(model, tuple(MODELS))
        r.err(f"{path}.reflection_model", f"unknown reflection model {model!r}", hint)
    if when and until and until < when:
        r.err(f"{path}.until", f"'until' ({until.isoformat()}) is before 'date' ({when.isoformat()})",
              "until is the last day of the activity: check the two dates")
    if len(r.diags) > before and any(d.is_error for d in r.diags[before:]):
        return None
    return Activity(when, until, title, type_, hours, points, category, r.texts(t, path, "learning"),
                    r.text(t, path, "benefit"), r.texts(t, path, "evidence"), r.text(t, path, "reflection"),
                    model, r.line(path))


def _gap(r: TomlReader, path: str, t: dict) -> GapReason | None:
    r.unknown_keys(t, path, GAP_KEYS)
    start, end = r.day(t, path, "from", required=True), r.day(t, path, "to", required=True)
    reason = r.text(t, path, "reason", required=True, example="Parental leave: not practising")
    if start and end and end < start:
        r.err(f"{path}.to", f"'to' ({end.isoformat()}) is before 'from' ({start.isoformat()})", "check the two dates")
        return None
    if start is None or end is None or not reason:
        return None
    return GapReason(start, end, reason, r.line(path))


def _profile(r: TomlReader, t: dict) -> Profile:
    r.unknown_keys(t, "profile", PROFILE_KEYS)
    return Profile(r.text(t, "profile", "summary"), r.text(t, "profile", "statement"),
                   r.texts(t, "profile", "chosen"), r.line("profile.chosen"))


def _settings(r: TomlReader, t: dict) -> Settings:
    r.unknown_keys(t, "record", RECORD_KEYS)
    return Settings(r.text(t, "record", "body").lower(), r.day(t, "record", "year_start"),
                    r.text(t, "record", "name"), r.text(t, "record", "profession"),
                    r.text(t, "record", "registration"))


def private_texts(site_dir: Path) -> tuple[tuple[tuple[str, str, int | None, str], ...], tuple[Diagnostic, ...]]:
    """Text from the CPD file that must never be published: (text, file, line, what), for the output audit."""
    cpd, diags = read_cpd_file(site_dir)
    if any(d.is_error for d in diags):
        # Unreadable, so its text cannot be looked for: publishing waits until it is fixed.
        return (), tuple(d for d in diags if d.is_error)
    # Titles and learning points are left out: short phrases an author may well use in a
    # post too, and an audit that stops publishing for them would be a false alarm.
    texts: list[tuple[str, str, int | None, str]] = []
    for a in cpd.activities:
        what = f"text of the CPD activity {a.title!r}"
        for value in (a.reflection, a.benefit, *a.evidence):
            texts.append((value, cpd.rel, a.line, what))
    for g in cpd.gaps:
        texts.append((g.reason, cpd.rel, g.line, "the reason given for a gap in your CPD"))
    for value in (cpd.profile.summary, cpd.profile.statement, cpd.settings.registration):
        texts.append((value, cpd.rel, None, "text of your CPD profile"))
    return tuple(t for t in texts if t[0].strip()), ()
