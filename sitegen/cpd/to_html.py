"""The record as one self-contained, printable HTML page (the browser's Print makes the PDF).

It loads nothing from anywhere (its styles are inside it, and its Content-Security-Policy
forbids every request), its headings go in order, every table has a caption and headers,
and print styles drop what is for the author only.  With a body whose layout is
`hcpc-profile` it is laid out as HCPC's CPD profile: summary of practice, list of
activities with gaps, personal statement on the chosen activities, evidence.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

from ..reflection import MODELS
from .fields import ACTIVITY_TYPES
from .record import Record

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _day(d: date | None) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""


def _num(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def _hours(x: float | None) -> str:
    return "no hours" if x is None else f"{_num(x)} hour{'' if x == 1 else 's'}"


def _rows(record: Record) -> list[tuple[str, object]]:
    """Entries and gaps in date order: a gap sits where it falls in the list."""
    rows = [("entry", e, e.date) for e in record.entries] + [("gap", g, g.start) for g in record.gaps]
    return [(kind, item) for kind, item, _ in sorted(rows, key=lambda r: (r[2], r[0] == "gap"))]


def to_html(record: Record) -> bytes:
    import jinja2

    folder = resources.files(__package__).joinpath("templates")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.filters.update(day=_day, num=_num, hours=_hours)
    body = record.body
    hcpc = body is not None and body.layout == "hcpc-profile"

    def type_name(t: str) -> str:
        name = ACTIVITY_TYPES.get(t, t)
        group = body.group_of(t) if body and body.groups else ""
        return f"{name} ({group})" if group and group != t else name

    show_points = record.totals.points > 0 or (body is not None and body.unit == "points")
    title = "Continuing professional development profile" if hcpc else "CPD record"
    html = env.get_template("record.html").render(
        record=record, hcpc=hcpc, title=title, css=folder.joinpath("record.css").read_text(encoding="utf-8"),
        rows=_rows(record), show_points=show_points, columns=7 if show_points else 6,
        type_name=type_name, model_name=lambda k: MODELS[k].name if k in MODELS else k,
        where=lambda e: e.source, learnt_label="What I learnt",
        benefit_label="How it benefits service users" if hcpc else "How it benefits my clients")
    return html.encode("utf-8")
