"""The CPD front-matter keys of a post: what they may hold, and reading them with path:line messages.

A post is a CPD entry when it says how long it took (`cpd_hours`) or what it earns
(`cpd_points`).  The other keys describe the entry; each has a default, so a post needs
nothing more than `cpd_hours: 1.5` to be counted.  This module is imported by
`validate.py` for every build, so it uses the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..files import Kind

if TYPE_CHECKING:
    from ..validate import _Checker

FRONT_MATTER_KEYS = ("cpd_hours", "cpd_points", "cpd_type", "cpd_category", "cpd_benefit", "cpd_evidence")

# The kinds of activity, as the professional bodies group them (bodies.toml maps these
# onto each body's own groups, such as HCPC's five types of learning activity).
ACTIVITY_TYPES: dict[str, str] = {  # the type → how the record names it
    "reflective-writing": "Reflective writing",
    "case-study": "Written case study",
    "reading": "Reading",
    "course": "Course or training day",
    "online-course": "Online course or webinar",
    "workshop": "Workshop",
    "conference": "Conference or seminar",
    "supervision": "Supervision",
    "peer-review": "Case review with colleagues",
    "mentoring": "Mentoring",
    "teaching": "Teaching or presenting",
    "research": "Research",
    "work-based": "Learning at work",
    "other": "Other",
}
TYPE_ALIASES = {"webinar": "online-course", "e-learning": "online-course", "elearning": "online-course",
                "online": "online-course", "training": "course", "training-day": "course", "seminar": "conference",
                "journal": "reading", "reflection": "reflective-writing", "reflective-practice": "reflective-writing",
                "writing": "reflective-writing", "blog": "reflective-writing", "case-review": "peer-review",
                "peer-discussion": "peer-review", "presenting": "teaching", "volunteering": "other"}
CATEGORIES = ("discipline", "general", "ethics")
DEFAULT_CATEGORY = "discipline"
DEFAULT_TYPE = {Kind.ESSAY: "reflective-writing", Kind.CASE_STUDY: "case-study", Kind.PAGE: "reflective-writing"}
MAX_HOURS = 10_000


@dataclass(frozen=True, slots=True)
class CpdFields:
    hours: float | None
    points: float | None
    type: str  # a key of ACTIVITY_TYPES
    category: str  # one of CATEGORIES
    benefit: str  # how clients benefit
    evidence: tuple[str, ...]  # certificates, notes: besides the post itself

    @property
    def counted(self) -> bool:
        """The post is a CPD entry: it gives hours or points."""
        return self.hours is not None or self.points is not None


def choice_key(value: str) -> str:
    """'Online course', 'online_course' → 'online-course': how a value is compared."""
    return "-".join(str(value).replace("_", " ").replace("-", " ").casefold().split())


def resolve(value: str, choices: tuple[str, ...] | dict[str, str], aliases: dict[str, str] | None = None
            ) -> tuple[str | None, str]:
    """(the known value, "") or (None, a hint naming the closest known one)."""
    key = choice_key(value)
    if key in choices:
        return key, ""
    if aliases and key in aliases:
        return aliases[key], ""
    known = tuple(choices)
    from difflib import get_close_matches  # only for a key that is not known
    close = get_close_matches(key, known + tuple(aliases or ()), n=1, cutoff=0.6)
    if close:
        return None, f"did you mean '{(aliases or {}).get(close[0], close[0])}'?"
    return None, "use one of: " + ", ".join(known)


def is_cpd_key(key: str) -> bool:
    """A key that is, or is probably meant to be, one of the CPD keys (so a typo is not missed)."""
    low = str(key).casefold()
    from difflib import get_close_matches  # only for a key that is not known
    return low.startswith(("cpd", "cdp")) or bool(get_close_matches(low, FRONT_MATTER_KEYS, n=1, cutoff=0.8))


def read_fields(c: _Checker, kind: Kind) -> CpdFields:
    """Read and check the CPD keys of one document (the checker collects the messages)."""
    hours = c.number("cpd_hours", "a number of hours", "cpd_hours: 1.5", MAX_HOURS)
    points = c.number("cpd_points", "a number of points", "cpd_points: 2", MAX_HOURS)
    kind_type = DEFAULT_TYPE[kind]
    type_ = _choice(c, "cpd_type", ACTIVITY_TYPES, TYPE_ALIASES, kind_type, "activity type")
    category = _choice(c, "cpd_category", CATEGORIES, None, DEFAULT_CATEGORY, "category")
    return CpdFields(hours, points, type_, category, c.text("cpd_benefit"), c.text_list("cpd_evidence"))


def _choice(c: _Checker, key: str, choices, aliases, default: str, what: str) -> str:
    raw = c.text(key)
    if not raw:
        return default
    value, hint = resolve(raw, choices, aliases)
    if value is None:
        c.warn(key, f"cpd.{key.removeprefix('cpd_')}", f"unknown {what} {raw!r} (counted as {default!r})", hint)
        return default
    return value
