"""The record as JSON, for other tools: stable keys, dates as YYYY-MM-DD, oldest entry first.

    {"entries": [{"date", "title", "hours", "type", …}], "totals": {"hours", …},
     "gaps": [{"from", "to", "months"}], "body": {…} or null}
"""

from __future__ import annotations

import json

from .bodies import Check, Standing
from .entries import Entry
from .record import Record


def _num(x: float | None) -> float | int | None:
    return int(x) if x is not None and float(x).is_integer() else x


def entry_data(e: Entry) -> dict:
    return {"date": e.date.isoformat(), "until": e.until.isoformat() if e.until else None, "title": e.title,
            "hours": _num(e.hours), "points": _num(e.points), "type": e.type, "category": e.category,
            "status": e.status, "model": e.model or None, "stages": list(e.stages),
            "missing_stages": list(e.missing_stages), "learning": list(e.learning), "benefit": e.benefit,
            "evidence": list(e.evidence), "source": e.source, "reflection_words": e.words,
            "withheld": e.withheld or None}


def _check(c: Check) -> dict:
    return {"rule": c.rule.label, "check": c.rule.check, "required": _num(c.required), "done": _num(c.done),
            "missing": _num(c.missing), "met": c.met, "unit": c.unit, "detail": c.detail,
            "source": c.rule.source, "checked": c.rule.checked.isoformat() if c.rule.checked else None}


def body_data(s: Standing) -> dict:
    b = s.body
    return {"key": b.key, "name": b.name, "unit": b.unit, "cycle_years": b.cycle_years, "met": s.met,
            "periods": [{"from": c.start.isoformat(), "to": c.end.isoformat(), "complete": c.complete,
                         "checks": [_check(x) for x in c.checks]} for c in s.cycles],
            "checks": [_check(x) for x in s.checks], "notes": list(b.notes),
            "cycle_source": b.cycle_source, "cycle_checked": b.cycle_checked.isoformat() if b.cycle_checked else None}


def record_data(record: Record) -> dict:
    t = record.totals
    return {
        "entries": [entry_data(e) for e in record.entries],
        "totals": {"hours": _num(t.hours), "points": _num(t.points), "entries": t.entries,
                   "period": {"from": record.start.isoformat(), "to": record.end.isoformat()},
                   "by_category": {c: {"hours": _num(h), "entries": n} for c, h, n in t.by_category},
                   "by_type": {k: {"hours": _num(h), "entries": n} for k, h, n in t.by_type}},
        "gaps": [{"from": g.start.isoformat(), "to": g.end.isoformat(), "months": g.months,
                  "explanation": g.explanation or None} for g in record.gaps],
        "body": body_data(record.standing) if record.standing else None,
    }


def to_json(record: Record) -> bytes:
    return (json.dumps(record_data(record), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
