"""The record as CSV for a spreadsheet: one row per entry, oldest first.

Written as UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without it,
accented letters come out garbled); a cell that a spreadsheet would take for a formula
(starting with =, +, - or @) is written with a ' in front, so it stays text.
"""

from __future__ import annotations

import csv
import io

from .record import Record

HEADER = ("date", "until", "title", "type", "category", "hours", "points", "status", "reflective model",
          "stages present", "stages missing", "learning", "benefit to clients", "evidence", "source")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(record: Record) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    for e in record.entries:
        w.writerow([_cell(v) for v in (
            e.date.isoformat(), e.until.isoformat() if e.until else "", e.title, e.type, e.category, e.hours,
            e.points, e.status, e.model, "; ".join(e.stages), "; ".join(e.missing_stages), "; ".join(e.learning),
            e.benefit, "; ".join(e.evidence), e.source)])
    return buf.getvalue().encode("utf-8-sig")
