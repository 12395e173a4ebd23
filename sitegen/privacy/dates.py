"""Find dates more specific than a month and year ("14 March", "12/05/2023", "2024-02-19")."""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.privacy.lazyre import lazy
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

Span = tuple[str, int, int]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_MONTH_ABBR_DOT = _MONTH + r"(?<=[a-z])\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.?"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:,?\s+(?:(?:19|20)\d\d|'\d\d)(?!\d))"

_PATTERNS = [
    # "Monday 14 March 2024", "14th of March", "3rd of June 2024", "14 Mar 24", "14-Mar-2024"
    r"(?:\b" + _WEEKDAY + r",?\s+)?(?:the\s+)?\b" + _DAY + r"(?:" + _ORD + r")?(?:\s+of)?[\s-]+"
    + _MONTH_ABBR_DOT + r"(?![a-z])(?:" + _YEAR + r"|-(?:19|20)?\d\d(?!\d))?",
    # "March 14th", "March 14, 2024", "Tuesday, March 4", "March the 3rd"
    r"(?:\b" + _WEEKDAY + r",?\s+)?\b" + _MONTH_ABBR_DOT + r"(?![a-z])\s+(?:the\s+)?" + _DAY + r"(?:" + _ORD + r")?"
    r"(?![\d:,.]\d|\d|\s*(?:%|am\b|pm\b|[-–]\s*\d+\s*(?:minutes|mins|hours)))"
    # "in March 3 sessions", "by May 2 weeks": a count, not a day
    r"(?!\s+(?:more\s+|further\s+|extra\s+)?(?:sessions?|visits?|times|weeks?|days?|months?|years?|x\b|reps?|sets?|"
    r"clients?|people|of\s+(?:the|them|us|my|her|his)\b|hours?|minutes?))(?:" + _YEAR + r")?",
    # "Monday 14th", "Tuesday the 3rd"
    r"\b" + _WEEKDAY + r",?\s+(?:the\s+)?" + _DAY + _ORD + r"\b",
    # ISO and year-first: "2024-02-19", "2024/02/19"
    r"(?<![\d.\-/])(?:19|20)\d\d(?P<s1>[-/.])(?:0?[1-9]|1[0-2])(?P=s1)(?:0?[1-9]|[12]\d|3[01])(?![\d/]|[.\-]\d)",
    # "12/05/2023", "12-05-23", "14.03.2024", US "5/12/2023"
    r"(?<![\d.\-/])(?P<a>\d{1,2})(?P<s2>[/.\-])(?P<b>\d{1,2})(?P=s2)(?:(?:19|20)\d\d|\d\d)(?![\d/]|[.\-]\d)",
]
# A day-long holiday with its year names one day: "Christmas Eve 2022", "Boxing Day, 2019".
_HOLIDAY = (r"\b(?:Christmas\s+(?:Eve|Day)|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day)|Valentine['’]s\s+Day|Halloween|"
            r"Bonfire\s+Night|Thanksgiving(?:\s+Day)?|Easter\s+(?:Sunday|Monday|Day)|Good\s+Friday|"
            r"St\.?\s+Patrick['’]s\s+Day|Anzac\s+Day|Australia\s+Day|Canada\s+Day|Independence\s+Day|"
            r"Mother['’]s\s+Day|Father['’]s\s+Day|Remembrance\s+(?:Day|Sunday)|Hogmanay|Waitangi\s+Day)"
            r"(?:\s+of)?,?\s+(?:19|20)\d\d(?!\d)")
_PATTERNS.append(_HOLIDAY)
_WORD_DATES = [lazy(p) for p in _PATTERNS[:3]] + [lazy(_HOLIDAY)]
_NUMERIC_DATES = [lazy(p) for p in _PATTERNS[3:5]]
# "on 3/18", "on 18/3": a day and month without the year, after "on", the day past 12 so that
# neither part can be a score out of ten or twelve.
_NUMERIC_DATES.append(lazy(r"(?<=\bon )(?:(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))"
                           r"(?![\d/]|[.\-]\d)"))
_MONTH_WORDS = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Mon Tues Tue Wed Thurs Thu Fri Sat Sun Christmas Halloween Thanksgiving Easter Hogmanay Eve Day
    Night""".split()
)


# Notes written in lower case: "wed 3rd sept", "on the 14th of march", "12 oct" (the capital
# cannot be what makes a month there).  "may" and "march" are words too, so they need an ordinal.
_LOWER_DAY_MONTH = lowered(
    r"(?:[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)(?:\s+of)?\s+(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
    r"|(?:\s+of)?\s+(?:january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|"
    r"aug|sept|sep|oct|nov|dec))(?![a-z])(?:" + _YEAR + r")?")
_LOWER_WEEKDAYS = tuple(w + " " for w in "monday tuesday wednesday thursday friday saturday sunday mon tues tue wed "
                        "thurs thu fri sat sun".split())


_LOWER_MONTHS = register_vocabulary(frozenset("""january february march april may june july august september october
    november december jan feb mar apr jun jul aug sept sep oct nov dec""".split()))
_DAY_BEFORE = lazy(r"(?<![\w.])\d{1,2}(?:st|nd|rd|th)?(?: of)? $")


def _lower_case_dates(ix: TextIndex) -> Iterator[Span]:
    text, low = ix.text, ix.lower
    for ms, _me in ix.anchors(_LOWER_MONTHS):
        if not text[ms].islower():
            continue  # a capitalised month is the patterns' above
        d = _DAY_BEFORE.search(low, max(0, ms - 10), ms)
        if d is None:
            continue
        s = d.start()
        m = _LOWER_DAY_MONTH.match(low, s)
        if m is None or any(c.isupper() for c in text[s:m.end()]):
            continue  # a capitalised month is the patterns' above
        start = s
        for w in _LOWER_WEEKDAYS:
            if low.endswith(w, 0, s):
                start = s - len(w)
                break
        yield "date", start, m.end()


def find_dates(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    if not ix.digits:
        return
    months = ix.caps_in(_MONTH_WORDS)
    matches = [m for a, b in ix.windows(months, 40, 40) for p in _WORD_DATES for m in p.finditer(text, a, b)]
    runs = [(s, e) for s, e in ix.digits if any(c in "/.-" for c in text[s:e])]
    matches += [m for a, b in ix.windows(runs, 1, 1) for p in _NUMERIC_DATES for m in p.finditer(text, a, b)]
    for m in matches:
        groups = m.groupdict()
        if groups.get("a") is not None:
            a, b = int(groups["a"]), int(groups["b"])
            # day/month either way round (UK 12/05, US 5/12), both parts real
            if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
                continue
        end = m.end()
        while end > m.start() and text[end - 1] in " ,":
            end -= 1
        yield "date", m.start(), end
    yield from _lower_case_dates(ix)
