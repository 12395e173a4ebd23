"""The professional bodies' CPD requirements (bodies.toml, and any in private/cpd.toml), and how a record stands against them.

The figures are data, not code: `bodies.toml` beside this module holds each body's rules
with the source and the day each was checked, and a therapist can add a body or correct
a figure in the [bodies] section of private/cpd.toml.  `assess` measures entries against
one body, period by period: what is required, what is done, and what is still missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING

from ..config import load_toml
from ..errors import Diagnostic
from .fields import ACTIVITY_TYPES, CATEGORIES, resolve
from .tomlcheck import TomlReader, key_lines

if TYPE_CHECKING:
    from .record import Entry, Gap

DATA = "bodies.toml"
CHECKS = ("total", "share", "kinds", "present", "gaps", "chosen", "statement", "summary")
WHOLE_PERIOD = ("gaps", "chosen", "statement", "summary")
ABOUT = 0.2  # "about 1,500 words": within a fifth of it either way counts  # judged once over the record, not per cycle
LAYOUTS = ("record", "hcpc-profile")
BODY_KEYS = ("name", "unit", "layout", "notes", "cycle", "groups", "requirement")
RULE_KEYS = ("check", "label", "minimum", "maximum", "months", "words", "types", "categories", "source", "checked")


@dataclass(frozen=True, slots=True)
class Rule:
    check: str  # one of CHECKS
    label: str
    minimum: float | None
    maximum: Fraction | None
    months: int | None
    words: int | None
    types: tuple[str, ...]  # only these activity types count (empty: all)
    categories: tuple[str, ...]  # only these categories count (empty: all)
    source: str
    checked: date | None


@dataclass(frozen=True, slots=True)
class Body:
    key: str
    name: str
    unit: str  # "hours" or "points"
    layout: str  # "record" or "hcpc-profile"
    cycle_years: int
    cycle_source: str
    cycle_checked: date | None
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # the body's kinds of activity → sitegen's types
    rules: tuple[Rule, ...]
    notes: tuple[str, ...]

    def group_of(self, type_: str) -> str:
        return next((name for name, types in self.groups if type_ in types), type_)


def load_bodies(extra: dict | None = None, extra_rel: str = "", extra_lines: dict | None = None
                ) -> tuple[dict[str, Body], tuple[Diagnostic, ...]]:
    """Every known body: the shipped data, then the [bodies] section of the CPD file over it."""
    text = resources.files(__package__).joinpath(DATA).read_text(encoding="utf-8")
    rel = f"(sitegen)/cpd/{DATA}"
    data, problem = load_toml(text, rel, "cpd.bodies")
    if data is None:  # pragma: no cover - the shipped file is tested
        return {}, (problem,)
    bodies, diags = _read(data, TomlReader(rel, key_lines(text), "cpd.bodies"), "")
    if extra:
        more, more_diags = _read(extra, TomlReader(extra_rel, extra_lines or {}, "cpd.bodies"), "bodies.")
        bodies.update(more)
        diags += more_diags
    return bodies, diags


def _read(data: dict, r: TomlReader, prefix: str) -> tuple[dict[str, Body], tuple[Diagnostic, ...]]:
    bodies: dict[str, Body] = {}
    for key, t in data.items():
        path = prefix + key
        if not isinstance(t, dict):
            r.err(path, f"'{key}' must be a [{path}] section with the body's rules", "see the README's CPD section")
            continue
        before = len(r.diags)
        body = _body(r, key.lower(), path, t)
        if body is not None and not any(d.is_error for d in r.diags[before:]):
            bodies[body.key] = body
    return bodies, tuple(r.diags)


def _body(r: TomlReader, key: str, path: str, t: dict) -> Body | None:
    r.unknown_keys(t, path, BODY_KEYS)
    name = r.text(t, path, "name", required=True, example="International Therapy Examination Council (ITEC)")
    unit = r.text(t, path, "unit") or "hours"
    if unit not in ("hours", "points"):
        r.err(f"{path}.unit", f"'unit' must be \"hours\" or \"points\", not {unit!r}", 'write unit = "hours"')
    layout = r.text(t, path, "layout") or "record"
    if layout not in LAYOUTS:
        r.err(f"{path}.layout", f"unknown layout {layout!r}", "use one of: " + ", ".join(LAYOUTS))
    cycle = r.table(t, "cycle", path)
    years = r.number(cycle, f"{path}.cycle", "years", required=True, example="1", maximum=10)
    if years is not None and (years != int(years) or years == 0):
        r.err(f"{path}.cycle.years", "'years' must be a whole number of years, such as 1 or 2", "write years = 1")
    groups = []
    raw_groups = t.get("groups", {})
    if isinstance(raw_groups, dict):
        for group in raw_groups:
            groups.append((group, _types(r, f"{path}.groups.{group}", r.texts(raw_groups, f"{path}.groups", group))))
    rules = tuple(x for p, rt in r.tables(t, "requirement", path) if (x := _rule(r, p, rt)) is not None)
    return Body(key, name, unit, layout, int(years or 1), r.text(cycle, f"{path}.cycle", "source"),
                r.day(cycle, f"{path}.cycle", "checked"), tuple(groups), rules, r.texts(t, path, "notes"))


def _types(r: TomlReader, path: str, values: Iterable[str]) -> tuple[str, ...]:
    out = []
    for v in values:
        known, hint = resolve(v, ACTIVITY_TYPES)
        if known is None:
            r.err(path, f"unknown activity type {v!r}", hint)
        else:
            out.append(known)
    return tuple(out)


def _rule(r: TomlReader, path: str, t: dict) -> Rule | None:
    r.unknown_keys(t, path, RULE_KEYS)
    check = r.text(t, path, "check", required=True, example="total")
    if check and check not in CHECKS:
        _, hint = resolve(check, CHECKS)
        r.err(f"{path}.check", f"unknown check {check!r}", hint)
        return None
    maximum = None
    if "maximum" in t:
        try:
            maximum = Fraction(str(t["maximum"]))
        except (ValueError, ZeroDivisionError):
            r.err(f"{path}.maximum", f"'maximum' must be a number or a fraction such as \"1/3\", not {t['maximum']!r}",
                  'write maximum = "1/3"')
    needs = {"total": "minimum", "kinds": "minimum", "present": "minimum", "share": "maximum", "gaps": "months",
             "chosen": "minimum", "statement": "words", "summary": "words"}
    if check and needs[check] not in t:
        r.err(path, f"a '{check}' requirement needs '{needs[check]}'", f"add a line {needs[check]} = …")
    categories = r.texts(t, path, "categories")
    for c in categories:
        if c not in CATEGORIES:
            r.err(f"{path}.categories", f"unknown category {c!r}", "use one of: " + ", ".join(CATEGORIES))
    months, words = r.number(t, path, "months", example="3"), r.number(t, path, "words", example="500")
    return Rule(check, r.text(t, path, "label", required=True, example="At least 15 hours a year"),
                r.number(t, path, "minimum", example="15"), maximum, int(months) if months else None,
                int(words) if words else None, _types(r, f"{path}.types", r.texts(t, path, "types")), categories,
                r.text(t, path, "source"), r.day(t, path, "checked"))


# -- how a record stands ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Check:
    rule: Rule
    required: float  # in the rule's own unit (hours, points, kinds, entries, words)
    done: float
    missing: float  # 0 when met
    met: bool
    unit: str  # "hours", "points", "kinds of activity", "entries", "gaps explained", "activities", "words"
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Cycle:
    start: date
    end: date
    complete: bool  # the cycle ends inside the record's period (otherwise it is still running)
    checks: tuple[Check, ...]


@dataclass(frozen=True, slots=True)
class Standing:
    body: Body
    cycles: tuple[Cycle, ...]
    checks: tuple[Check, ...]  # the rules judged over the whole period

    @property
    def met(self) -> bool:
        return all(c.met for cycle in self.cycles for c in cycle.checks) and all(c.met for c in self.checks)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def cycles(start: date, end: date, years: int) -> list[tuple[date, date]]:
    """[start, end] cut into requirement periods of `years` years from start; the last may run past end."""
    out = []
    begin = start
    while begin <= end:
        nxt = add_years(start, years * (len(out) + 1))
        out.append((begin, nxt - timedelta(days=1)))
        begin = nxt
    return out


def _counted(body: Body, rule: Rule, entries: Iterable[Entry]) -> list[Entry]:
    return [e for e in entries if (not rule.types or e.type in rule.types)
            and (not rule.categories or e.category in rule.categories)]


def _amount(body: Body, e: Entry) -> float:
    return (e.points if body.unit == "points" else e.hours) or 0.0


def _cycle_check(body: Body, rule: Rule, entries: list[Entry]) -> Check:
    counted = _counted(body, rule, entries)
    if rule.check == "total":
        done = round(sum(_amount(body, e) for e in counted), 2)
        need = rule.minimum or 0
        unpriced = sum(1 for e in counted if body.unit == "points" and e.points is None)
        detail = f"{unpriced} of these entries give no points" if unpriced else ""
        if rule.types and len(counted) < len(entries):
            detail = (detail + "; " if detail else "") + f"{len(entries) - len(counted)} entries are of kinds " \
                                                         "this rule does not count"
        return Check(rule, need, done, round(max(0.0, need - done), 2), done >= need, body.unit, detail)
    if rule.check == "share":
        amounts: dict[str, float] = {}
        for e in counted:
            amounts[body.group_of(e.type)] = amounts.get(body.group_of(e.type), 0.0) + _amount(body, e)
        total = sum(amounts.values())
        top, most = max(amounts.items(), key=lambda kv: (kv[1], kv[0])) if amounts else ("", 0.0)
        limit = float(rule.maximum or 1)
        # Still missing: hours of other kinds that bring the largest kind down to its share.
        missing = max(0.0, most / limit - total) if limit else 0.0
        name = ACTIVITY_TYPES.get(top, top)
        detail = f"the most from one kind: {round(most, 2):g} {body.unit} of {name.lower()}" if top else ""
        if missing > 1e-9:
            detail += f"; add {round(missing, 2):g} {body.unit} of other kinds"
        return Check(rule, round(limit * total, 2), round(most, 2), round(missing, 2), missing <= 1e-9,
                     f"{body.unit} from one kind", detail)
    if rule.check == "kinds":
        kinds = sorted({body.group_of(e.type) for e in counted})
        need = rule.minimum or 0
        return Check(rule, need, len(kinds), max(0, need - len(kinds)), len(kinds) >= need, "kinds of activity",
                     ", ".join(kinds))
    need = rule.minimum or 0  # present
    return Check(rule, need, len(counted), max(0, need - len(counted)), len(counted) >= need, "entries",
                 ", ".join(rule.types))


def assess(body: Body, entries: tuple[Entry, ...], gaps: tuple[Gap, ...], start: date, end: date,
           chosen: int, summary_words: int, statement_words: int) -> Standing:
    """Measure the entries against every rule of one body: each cycle of the period, then the whole period."""
    out = []
    for c_start, c_end in cycles(start, end, body.cycle_years):
        inside = [e for e in entries if c_start <= e.date <= c_end]
        checks = tuple(_cycle_check(body, rule, inside) for rule in body.rules if rule.check not in WHOLE_PERIOD)
        out.append(Cycle(c_start, c_end, c_end <= end, checks))
    whole = []
    for rule in body.rules:
        if rule.check == "gaps":
            long = [g for g in gaps if g.months >= (rule.months or 3)]
            unexplained = sum(1 for g in long if not g.explanation)
            whole.append(Check(rule, len(long), len(long) - unexplained, unexplained, unexplained == 0,
                               "gaps explained"))
        elif rule.check == "chosen":
            low, high = rule.minimum or 0, float(rule.maximum or rule.minimum or 0)
            detail = f"choose at most {high:g}" if chosen > high else ""
            whole.append(Check(rule, low, chosen, max(0, low - chosen), low <= chosen <= high, "activities", detail))
        elif rule.check == "statement":
            words = rule.words or 0
            short = max(0, round(words * (1 - ABOUT)) - statement_words)
            long = statement_words > words * (1 + ABOUT)
            detail = "longer than asked for: shorten it" if long else \
                "write more in [profile] statement, or more learning and benefit for the chosen activities" \
                if short else ""
            whole.append(Check(rule, words, statement_words, max(0, words - statement_words) if short else 0,
                               not short and not long, "words", detail))
        elif rule.check == "summary":
            words = rule.words or 0
            ok = 0 < summary_words <= words * (1 + ABOUT)
            detail = "not written yet" if not summary_words else ("longer than asked for" if not ok else "")
            whole.append(Check(rule, words, summary_words, 0 if summary_words else words, ok, "words", detail))
    return Standing(body, tuple(out), tuple(whole))
