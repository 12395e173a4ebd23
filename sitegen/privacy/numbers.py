"""Find identifying numbers: NHS numbers, US SSNs, record and licence numbers, and ages over 89."""

from __future__ import annotations

import re
from typing import Iterator

import phonenumbers
from stdnum.gb import nhs as _nhs
from stdnum.us import ssn as _ssn

from sitegen.privacy.tokens import TextIndex

Span = tuple[str, int, int]

# --- NHS numbers -----------------------------------------------------------------

_NHS = re.compile(r"(?<![\w.+/-])(\d{3})([ \u00a0-]?)(\d{3})\2(\d{4})(?![\w/]|[.,]\d)")
_PHONE_WORDS = re.compile(
    r"\b(?:call|ring|phone|tel|telephone|mobile|mob|cell|landline|text|fax|whatsapp|contact)\b[^\d\n]{0,12}$",
    re.IGNORECASE,
)
_NHS_CONTEXT = re.compile(r"\bNHS\b[^\d\n]{0,25}$", re.IGNORECASE)


def _long_runs(ix: TextIndex, digits: int) -> list[tuple[int, int]]:
    text = ix.text
    return [(s, e) for s, e in ix.digits if e - s >= digits and sum(c.isdigit() for c in text[s:e]) >= digits]


def find_nhs(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    for m in (m for a, b in ix.windows(_long_runs(ix, 10), 1, 1) for m in _NHS.finditer(text, a, b)):
        digits = m.group(1) + m.group(3) + m.group(4)
        # Any 10 digits the text itself calls an NHS number (a mistyped one
        # still points at a person); otherwise a valid mod-11 checksum, written
        # the NHS way (3-3-4 with spaces, or unbroken) and not introduced as a
        # phone number: one random 10-digit number in eleven passes the checksum.
        if _NHS_CONTEXT.search(text, max(0, m.start() - 32), m.start()):
            yield "nhs", m.start(), m.end()
        elif _nhs.is_valid(digits) and m.group(2) != "-" and not _PHONE_WORDS.search(text, max(0, m.start() - 25), m.start()):
            if not record_context_before(text, m.start()):
                yield "nhs", m.start(), m.end()


# --- US Social Security numbers --------------------------------------------------

_SSN = re.compile(r"(?<![\w.+/-])(\d{3})([ \u00a0-])(\d{2})\2(\d{4})(?![\w/]|[.,]\d)")
_SSN_BARE = re.compile(r"(?<![\w.+/-])\d{9}(?![\w/]|[.,]\d)")
_SSN_CONTEXT = re.compile(r"\b(?:SSN|SSA|social\s+security(?:\s+(?:no\.?|number|#))?)\s*(?:is|was|:|#)?\s*$", re.IGNORECASE)


def find_ssns(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    windows = ix.windows(_long_runs(ix, 9), 1, 1)
    for m in (m for a, b in windows for m in _SSN.finditer(text, a, b)):
        digits = m.group(1) + m.group(3) + m.group(4)
        if _ssn.is_valid(digits) or _SSN_CONTEXT.search(text, max(0, m.start() - 30), m.start()):
            yield "ssn", m.start(), m.end()
    for m in (m for a, b in windows for m in _SSN_BARE.finditer(text, a, b)):
        if _SSN_CONTEXT.search(text, max(0, m.start() - 30), m.start()):
            yield "ssn", m.start(), m.end()


# --- record, account, licence and other reference numbers -------------------------

_RECORD_WORDS = (
    r"(?:medical|health|hospital|patient|client|case|clinical|dental|care)\s+(?:record|file|notes?)s?"
    r"|records?|patient|client|case|hospital|unit|file|chart"
    r"|MRN|NHI|CHI|UPN|NINO|PPSN|PPS|ULN|DOB"
    r"|health[\s-]*(?:plan|insurance|care)|insurance|insurer|policy|plan|beneficiary|claim"
    r"|member(?:ship)?|account|acct|a/c|sort\s+code|customer|client\s+reference|reference|ref"
    r"|licen[cs]e|driving\s+licen[cs]e|driver'?s\s+licen[cs]e|passport|certificate|cert"
    r"|registration|reg|number\s+plate|licen[cs]e\s+plate|plate|vehicle|car|VIN|chassis"
    r"|serial|device|pacemaker|implant|hearing\s+aid|IMEI|MAC|room|bed|locker|ward|bay"
    r"|national\s+insurance|NI|tax|UTR|student|employee|staff|payroll|badge|pupil|library|booking|invoice"
)
_ID_WORDS = r"(?:numbers?|nos?\.?|num|#|IDs?|identifier|code|ref(?:erence)?)"
_BARE_ID_WORDS = r"(?:IDs?|identifier|reference|ref\.?|(?<=[A-Za-z] )(?:number|no\.?|num|#))"
_RECORD = re.compile(
    r"(?<![\w/])(?:(?:" + _RECORD_WORDS + r")(?![A-Za-z])\s*(?:" + _ID_WORDS + r"(?![A-Za-z]))?|" + _BARE_ID_WORDS + r"(?![A-Za-z]))"
    r"(?:\s+(?:is|was|reads|:))?\s*[:#,]?\s*"
    r"(?P<code>(?-i:(?=[A-Z0-9/\- ]{0,8}\d)[A-Z0-9](?:[A-Z0-9/-]|[ \u00a0](?=[A-Z0-9]*\d|[A-Z]{1,4}\b)){0,24}[A-Z0-9]))"
    r"(?![\w/-])",
)
_RECORD_CI = re.compile(_RECORD.pattern, re.IGNORECASE)
# A record word with its number word right before a code: "membership number",
# "member no.", "policy number:", "patient ID".  This context decides the kind
# even when the digits are shaped like a phone or pass the NHS checksum.
_RECORD_RIGHT_BEFORE = re.compile(
    r"(?<![\w/])(?:" + _RECORD_WORDS + r")(?![A-Za-z])\s*(?:numbers?|nos?\.?|num|#|IDs?|identifier|ref(?:erence)?)"
    r"(?![A-Za-z])(?:\s+(?:is|was|reads))?\s*[:#,]?\s*$",
    re.IGNORECASE,
)


_ID_TAILS = ("number", "numbers", "no", "no.", "nos", "nos.", "num", "id", "ids", "identifier", "ref", "reference",
             " is", " was", " reads")


def record_context_before(text: str, start: int) -> bool:
    """Whether a record word and a number word stand right before `start` ("policy number 2079461834")."""
    a = max(0, start - 45)
    tail = text[max(0, start - 16) : start].rstrip(" :#,\u00a0").lower()
    if not tail.endswith(_ID_TAILS) and not text[max(0, start - 3) : start].strip().endswith("#"):
        return False  # cheap test first: no number word right before
    if _RECORD_RIGHT_BEFORE.search(text, a, start) is None:
        return False
    return _PHONE_WORDS.search(text, max(0, start - 25), start) is None and _NHS_CONTEXT.search(text, a, start) is None
# UK National Insurance numbers have their own shape: "QQ 12 34 56 C".
_NINO = re.compile(
    r"(?<![\w])[A-Z]{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?[A-D](?!\w)"
)
# Measures, not codes: "plan of 3 x 10", "policy of 20 minutes".
_NOT_CODE = re.compile(
    r"^\d{1,3}(?:\s|$)|^(?:19|20)\d\d$|^\d+(?:st|nd|rd|th)$"
    r"|^(?:19|20)\d\d[-/](?:\d\d|(?:19|20)\d\d)$"  # "2024-25", "2019/2020"
    r"|^(?:19|20)\d\d-\d\d-\d\d$|^\d\d?/\d\d?/\d{2,4}$",  # dates are the date detector's
    re.IGNORECASE,
)


_RECORD_KEYS = frozenset(
    """record records patient client case hospital unit file chart notes mrn nhi chi upn nino ppsn
    pps uln dob health plan insurance insurer policy beneficiary claim member membership account
    acct a/c sort customer reference ref licence license driving driver passport certificate cert
    registration reg plate vehicle car vin chassis serial device pacemaker implant hearing imei mac
    national ni tax utr student employee staff payroll badge pupil library booking invoice id ids room bed locker
    identifier number no num medicare medicaid tricare fund pension benefits""".split()
)
_KEY_WORD = re.compile(r"[a-z/]+")
_GENERIC_KEYS = frozenset("number no num id ids identifier reference ref is was reads".split())


def _is_phone(code: str) -> bool:
    for region in ("GB", "US"):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(code, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


# "room number 14B", "bed 7": in a care home or a ward, the room points at one person.
_ROOM_BEFORE = re.compile(r"\b(?:room|bed|locker|bay)\s*(?:number|no\.?|#)?\s*[:,#]?\s*$", re.IGNORECASE)


def find_records(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    low = ix.lower
    runs = [(s, e) for s, e in ix.digits if sum(c.isdigit() for c in text[s:e]) >= 2]
    # Only runs whose last few words before the code name a record are worth
    # the full pattern ("policy number POL-77812").
    keyed = []
    for s, e in runs:
        c = s
        while c > 0 and (text[c - 1].isalnum() or text[c - 1] in "-/") and s - c < 12:
            c -= 1
        if not _RECORD_KEYS.isdisjoint(_KEY_WORD.findall(low, max(0, c - 40), c)[-4:]):
            keyed.append((c, e))
    hits = [m for a, b in ix.windows(keyed, 45, 20) for m in _RECORD_CI.finditer(text, a, b)]
    for m in hits:
        code = m.group("code").rstrip(" -/")
        start = m.start("code")
        digits = sum(c.isdigit() for c in code)
        has_letters = any(c.isalpha() for c in code)
        # A code has 3+ digits, or 2+ digits among letters ("AB12 CDE").
        short_ok = _ROOM_BEFORE.search(text, max(0, m.start() - 2), start) is not None and digits >= 1
        if not short_ok and (_NOT_CODE.match(code) or digits < 2 or (digits == 2 and not has_letters)):
            continue
        if len(code.replace(" ", "")) < (2 if short_ok else 4):
            continue
        if _PHONE_WORDS.search(text, max(0, m.start() - 20), m.start("code")):
            continue  # "mobile number 07412 556789" is a phone number
        if (
            _GENERIC_KEYS.issuperset(_KEY_WORD.findall(text[m.start() : start].lower()))
            and not record_context_before(text, start)
            and _is_phone(code)
        ):
            continue  # "office number 212-736-5000": only the number's shape says what it is
        yield "record", start, start + len(code)
    six = [(s, e) for s, e in runs if sum(c.isdigit() for c in text[s:e]) >= 6]
    for m in (m for a, b in ix.windows(six, 4, 3) for m in _NINO.finditer(text, a, b)):
        yield "record", m.start(), m.end()


# --- ages over 89 --------------------------------------------------------------------

_UNITS = {
    "ninety": 90, "hundred": 100,
}
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
_NUM_WORD = r"(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
# "aged 90+" and "90 or over" already say what HIPAA asks for.
_NUM = r"(?P<n>\d{2,3}|" + _NUM_WORD + r")(?!\s*(?:\+|plus\b|or\s+(?:over|older|above|more)\b))"
_AGE_PATTERNS = [
    # "93-year-old", "93 year old", "ninety-four years old", "93 years of age", "93-yr-old"
    _NUM + r"(?:[\s-]+|-)(?:years?|yrs?|yo)(?:[\s-]+old|\s+of\s+age)\b",
    _NUM + r"\s*(?:y/o|yo|y\.o\.)\b",
    # "aged 91", "age 93", "at the age of 95"
    r"\b(?:aged|age|ages|at\s+the\s+age\s+of|at\s+age)\s*:?\s+" + _NUM + r"\b(?!\s*(?:%|percent|minutes|mins|degrees|kg|km|miles|cm|mm|per|°|steps|reps|times|sessions|hours))",
    # "she is 95", "he's 93", "turned 92", "now 96"
    r"\b(?:she|he|they|who|client|mum|mother|father|dad|gran|grandmother|grandfather)\s*(?:is|was|'s|’s|turns|turned|had\s+turned|will\s+be|is\s+now|was\s+now)\s+"
    + r"(?:now\s+|nearly\s+|almost\s+|about\s+)?" + _NUM + r"\b(?!\s*(?:%|percent|minutes|mins|degrees|kg|km|miles|cm|mm|per|°|steps|reps|times|sessions|hours|lbs|pounds|stone))",
    # "client f is 93.", "Mr Hale was 94 and": any subject, the age standing alone
    r"\b(?:is|was)\s+(?:now\s+|nearly\s+|almost\s+)?" + _NUM + r"(?=\s*(?:[,.;:!?)]|and\b|but\b|now\b|this\b))",
    # "At 97 she still shops", "at ninety-one, he ..."
    r"\bat\s+" + _NUM + r",?\s+(?:she|he|they|my\s+client|the\s+client)\b",
    r"\b(?:turned|turns|turning|reached|reaching)\s+" + _NUM + r"\b(?!\s*(?:%|percent|minutes|degrees|kg|km|miles|cm|mm|per|°|steps|reps|times|sessions|hours))",
    # "her 90th birthday", "his ninetieth"
    r"\b(?P<ord>(?:9\d|1[0-1]\d)(?:st|nd|rd|th)|ninetieth|ninety-\w+(?:st|nd|rd|th)|hundredth)\s+birthday\b",
]
_AGE_PARTS = [re.compile(p, re.IGNORECASE) for p in _AGE_PATTERNS]


def _value(word: str) -> int:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    words = re.split(r"[\s-]+", word)
    total = 0
    for w in words:
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _ONES:
            total += _ONES[w]
        elif w == "ten":
            total += 10
    return total


_LEADING_INT = re.compile(r"\d+")
# "90 minutes", "95 degrees", "100%": measures, not ages.
_UNIT_AFTER = re.compile(
    r"\s*(?:%|°|x\b|minutes?|mins?|seconds?|secs?|hours?|hrs?|degrees?|deg|kg|g|cm|mm|m|km|miles?|ml|mg|"
    r"steps?|reps?|sets?|times|bpm|per\b|percent|metres?|meters?|lbs?|pounds|£|pence|p\b)",
    re.IGNORECASE,
)


def find_ages(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    low = ix.lower
    if "ninet" in low or "hundred" in low:
        windows = [(0, len(text))]
    else:
        old = [
            (s, e) for s, e in ix.digits
            if 90 <= int(_LEADING_INT.match(text, s).group()) < 130 and not _UNIT_AFTER.match(text, e)
        ]
        if not old:
            return
        windows = ix.windows(old, 70, 40)
    for pat in _AGE_PARTS:
        for m in (m for a, b in windows for m in pat.finditer(text, a, b)):
            if m.groupdict().get("ord"):
                yield "age", m.start(), m.end()
                continue
            n = m.group("n")
            if n and _value(n) >= 90 and _value(n) < 130:
                yield "age", m.start(), m.end()
