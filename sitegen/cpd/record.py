"""Posts and activities → Record: the dated entries of a period, their totals, and the gaps between them.

    record, diagnostics = make_record(site_dir, Request(start=date(2025, 4, 1), end=date(2027, 3, 31), body="cnhc"))

A gap is every stretch of three months or more with no activity inside the period,
counting from the period's first day to the first activity and from the last activity to
the period's last day.  Its `start` and `end` are the first and last days with no activity.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path, PurePosixPath

from ..config import load_config, run_context
from ..errors import ContentErrors, Diagnostic, UsageError, error, sorted_diagnostics
from .activities import CpdFile, read_cpd_file
from .bodies import Body, Standing, add_years, assess, load_bodies
from .entries import Entry, activity_entry, post_entry, read_posts
from .fields import CATEGORIES

GAP_MONTHS = 3


@dataclass(frozen=True, slots=True)
class Request:
    start: date | None = None  # default: see resolve_period
    end: date | None = None  # default: today
    body: str | None = None  # default: [record] body in private/cpd.toml, else none


@dataclass(frozen=True, slots=True)
class Gap:
    start: date  # first day with no activity
    end: date  # last day with no activity
    months: int  # whole calendar months
    explanation: str  # from [[gap]] in private/cpd.toml, or ""
    explained_at: str  # private/cpd.toml:LINE of the explanation


@dataclass(frozen=True, slots=True)
class Totals:
    hours: float
    points: float
    entries: int
    by_category: tuple[tuple[str, float, int], ...]  # (category, hours, entries), every category
    by_type: tuple[tuple[str, float, int], ...]  # (type, hours, entries), most hours first


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    profession: str
    registration: str


@dataclass(frozen=True, slots=True)
class Record:
    start: date
    end: date
    made: date  # the day the record was made (SOURCE_DATE_EPOCH when set)
    person: Person
    site_title: str
    language: str
    entries: tuple[Entry, ...]  # oldest first
    totals: Totals
    gaps: tuple[Gap, ...]
    body: Body | None
    standing: Standing | None
    summary_html: str  # the HCPC summary of practice
    summary_words: int
    statement_html: str  # the introduction to the personal statement
    statement_words: int  # the introduction and what the chosen activities say was learnt and gained
    chosen: tuple[Entry, ...]  # the activities the statement is about
    chosen_by_author: bool  # named in [profile] chosen (else sitegen picked them)


def add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def whole_months(start: date, end: date) -> int:
    """Calendar months from the first day to the day after the last: 1 Jan–31 Mar is 3."""
    after, n = end + timedelta(days=1), 0
    while add_months(start, n + 1) <= after:
        n += 1
    return n


def find_gaps(entries: tuple[Entry, ...], start: date, end: date, cpd: CpdFile) -> tuple[Gap, ...]:
    """Every stretch of GAP_MONTHS months or more inside [start, end] with no activity."""
    spans = sorted((max(e.date, start), min(e.last_day, end)) for e in entries if e.date <= end and e.last_day >= start)
    free: list[tuple[date, date]] = []
    cursor = start  # the first day not yet covered by an activity
    for s, e in spans:
        if s > cursor:
            free.append((cursor, s - timedelta(days=1)))
        cursor = max(cursor, e + timedelta(days=1))
    if cursor <= end:
        free.append((cursor, end))
    gaps = []
    for s, e in free:
        months = whole_months(s, e)
        if months >= GAP_MONTHS:
            reasons = [g for g in cpd.gaps if g.start <= e and g.end >= s]
            gaps.append(Gap(s, e, months, " ".join(g.reason for g in reasons),
                            ", ".join(f"{cpd.rel}:{g.line}" for g in reasons if g.line)))
    return tuple(gaps)


def totals(entries: tuple[Entry, ...]) -> Totals:
    def add(key: str, e: Entry, into: dict[str, list[float]]) -> None:
        slot = into.setdefault(key, [0.0, 0])
        slot[0] += e.hours or 0.0
        slot[1] += 1

    cats: dict[str, list[float]] = {c: [0.0, 0] for c in CATEGORIES}
    types: dict[str, list[float]] = {}
    for e in entries:
        add(e.category, e, cats)
        add(e.type, e, types)
    by_type = sorted(((t, round(h, 2), int(n)) for t, (h, n) in types.items()), key=lambda x: (-x[1], x[0]))
    return Totals(round(sum(e.hours or 0 for e in entries), 2), round(sum(e.points or 0 for e in entries), 2),
                  len(entries), tuple((c, round(h, 2), int(n)) for c, (h, n) in cats.items()), tuple(by_type))


def resolve_period(request: Request, body: Body | None, year_start: date | None, today: date,
                   first: date | None) -> tuple[date, date]:
    """The period asked for; without --from: the body's current cycle, else the whole record."""
    end = request.end or today
    if request.start is not None:
        start = request.start
    elif year_start is not None:
        years = body.cycle_years if body else 1
        k = (end.year - year_start.year) // years + 1
        start = add_years(year_start, k * years)
        while start > end:
            k -= 1
            start = add_years(year_start, k * years)
    elif body is not None:
        start = add_years(end, -body.cycle_years) + timedelta(days=1)
    else:
        start = min(first, end) if first else add_years(end, -1) + timedelta(days=1)
    if start > end:
        raise UsageError(f"the period starts ({start.isoformat()}) after it ends ({end.isoformat()}): "
                         "check --from and --to")
    return start, end


def _pick_body(request: Request, cpd: CpdFile, bodies: dict[str, Body], diags: list[Diagnostic]) -> Body | None:
    key = (request.body or cpd.settings.body or "").strip().lower()
    if not key:
        return None
    if key in bodies:
        return bodies[key]
    close = difflib.get_close_matches(key, list(bodies), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known bodies: " + ", ".join(bodies)
    if request.body:
        raise UsageError(f"unknown professional body {request.body!r} for --body — {hint}")
    diags.append(error(cpd.rel, cpd.lines.get("record.body") if cpd.lines else None, "cpd.file",
                       f"unknown professional body {key!r}", hint))
    return None


def make_record(site_dir: Path, request: Request = Request()) -> tuple[Record, tuple[Diagnostic, ...]]:
    """Gather the record; raise ContentErrors (nothing written) when a post or the CPD file has an error."""
    from ..privacy import load_register
    from ..validate import parse_when

    site_dir = Path(site_dir)
    config, _ = load_config(site_dir)
    now = run_context(site_dir).now or datetime.now(UTC)  # SOURCE_DATE_EPOCH when set
    cpd, diags_ = read_cpd_file(site_dir)
    diags = list(diags_)
    bodies, body_diags = load_bodies(cpd.bodies, cpd.rel, cpd.lines)
    diags.extend(body_diags)
    body = _pick_body(request, cpd, bodies, diags)
    candidates, post_diags = read_posts(site_dir, config)
    diags.extend(post_diags)
    register, reg_diags = load_register(site_dir, config.privacy.register,
                                        lambda v: (lambda d: d.date() if d else None)(parse_when(v, config)[0]))
    diags.extend(d for d in reg_diags if d.is_error)
    if any(d.is_error for d in diags):
        raise ContentErrors(diags)

    today_d = now.astimezone(config.tz).date()
    firsts = [c.date for c in candidates] + [a.date for a in cpd.activities]
    start, end = resolve_period(request, body, cpd.settings.year_start, today_d, min(firsts, default=None))
    entries: list[Entry] = []
    for c in candidates:
        if start <= c.date <= end:
            entry, found = post_entry(c, config, register, now)
            entries.append(entry)
            diags.extend(found)
    for a in cpd.activities:
        if a.date <= end and (a.until or a.date) >= start:
            entry, found = activity_entry(a, cpd)
            entries.append(entry)
            diags.extend(found)
    ordered = tuple(sorted(entries, key=lambda e: (e.date, e.title.casefold(), e.source)))
    gaps = find_gaps(ordered, start, end, cpd)
    chosen, by_author = _chosen(ordered, cpd, diags)
    summary_html, summary_words = _markdown(cpd.profile.summary, cpd)
    statement_html, intro_words = _markdown(cpd.profile.statement, cpd)
    statement_words = intro_words + sum(len(" ".join(e.learning + (e.benefit,)).split()) for e in chosen)
    if any(d.is_error for d in diags):
        raise ContentErrors(diags)
    standing = assess(body, ordered, gaps, start, end, len(chosen), summary_words, statement_words) if body else None
    person = Person(cpd.settings.name or config.author, cpd.settings.profession, cpd.settings.registration)
    record = Record(start, end, today_d, person, config.title, config.language, ordered, totals(ordered), gaps,
                    body, standing, summary_html, summary_words, statement_html, statement_words, chosen, by_author)
    return record, sorted_diagnostics(d for d in diags if not d.is_error)


def _markdown(text: str, cpd: CpdFile) -> tuple[str, int]:
    if not text:
        return "", 0
    from ..markup import render_markdown
    from .sanitize import clean_html

    rendered, _ = render_markdown(text, cpd.rel, 1)
    return (clean_html(rendered.html, 3), rendered.words) if rendered else ("", 0)


def _chosen(entries: tuple[Entry, ...], cpd: CpdFile, diags: list[Diagnostic]) -> tuple[tuple[Entry, ...], bool]:
    """The activities named in [profile] chosen; else up to six sitegen picks (see the README)."""
    if cpd.profile.chosen:
        picked: list[Entry] = []
        for name in cpd.profile.chosen:
            entry = _find(entries, name)
            if entry is None:
                titles = [e.title for e in entries]
                close = difflib.get_close_matches(name, titles, n=1, cutoff=0.5)
                diags.append(error(cpd.rel, cpd.profile.chosen_line, "cpd.file",
                                   f"[profile] chosen names {name!r}, which is not an activity in this period",
                                   f"did you mean {close[0]!r}?" if close else
                                   "name a post's file (content/posts/a.md) or an activity's title"))
            elif entry not in picked:
                picked.append(entry)
        return tuple(picked), True
    # The fullest entries first (learning and benefit both written), one of each type before
    # a second of any, then the longest: a statement on varied, well-described activities.
    ranked = sorted(entries, key=lambda e: (-(bool(e.learning) + bool(e.benefit)), -(e.hours or e.points or 0),
                                            -e.date.toordinal()))
    picked, seen = [], set()
    for rnd in (0, 1):
        for e in ranked:
            if len(picked) < 6 and e not in picked and (rnd or e.type not in seen):
                picked.append(e)
                seen.add(e.type)
    return tuple(sorted(picked, key=lambda e: (e.date, e.title.casefold()))), False


def _find(entries: tuple[Entry, ...], name: str) -> Entry | None:
    """The entry a [profile] chosen name means: a post's file or file name, or an entry's title."""
    key = name.strip().casefold()
    for e in entries:
        names = {e.title.casefold()}
        if e.status != "private":
            names |= {e.source.casefold(), PurePosixPath(e.source).stem.casefold()}
        if key in names:
            return e
    return None


def summary_lines(record: Record) -> list[str]:
    """What the command prints after writing the record: the totals, the gaps, the shortfall."""
    t = record.totals
    cats = ", ".join(f"{_n(h)} {c}" for c, h, n in t.by_category if n)
    lines = [f"{t.entries} {'entry' if t.entries == 1 else 'entries'}, {_n(t.hours)} hour{'' if t.hours == 1 else 's'}"
             + (f" ({cats})" if cats else "") + (f", {_n(t.points)} points" if t.points else "")
             + f", from {record.start.isoformat()} to {record.end.isoformat()}."]
    if record.gaps:
        shown = "; ".join(f"{g.start.isoformat()} to {g.end.isoformat()} ({g.months} months"
                          f"{', explained' if g.explanation else ', not explained yet'})" for g in record.gaps)
        lines.append(f"{len(record.gaps)} gap{'s' if len(record.gaps) != 1 else ''} of three months or more: {shown}.")
    else:
        lines.append("No gap of three months or more.")
    s = record.standing
    if s is not None:
        for cycle in s.cycles:
            short = [f"{c.rule.label} — " + (f"add {_n(c.missing)} {s.body.unit} of other kinds" if c.rule.check == "share"
                                              else f"{_n(c.missing)} {c.unit} still missing")
                     for c in cycle.checks if not c.met]
            running = "" if cycle.complete else " (still running)"
            lines.append(f"{s.body.key.upper()} {cycle.start.isoformat()} to {cycle.end.isoformat()}{running}: "
                         + ("; ".join(short) if short else "every requirement met") + ".")
        for c in s.checks:
            if not c.met:
                lines.append(f"{s.body.key.upper()}: {c.rule.label} — not met yet"
                             + (f" ({c.detail})" if c.detail else "") + ".")
    lines.append("The record is private: never put it in content/, static/ or output/.")
    return lines


def _n(x: float) -> str:
    return f"{x:g}"
