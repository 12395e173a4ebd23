"""Find identifying numbers: NHS numbers, US SSNs, record and licence numbers, and ages over 89."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from sitegen.privacy.disguise import bracket_after_thing
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.places import _STATES
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

Span = tuple[str, int, int]

# --- NHS numbers -----------------------------------------------------------------

_NHS = lazy(r"(?<![\w.+/-])(\d{3})([ \u00a0-]?)(\d{3})\2(\d{4})(?![\w/]|[.,]\d)")
_PHONE_WORDS = lazy(
    r"\b(?:call(?:s|ed|ing)?|ring(?:s|ing)?|rang|rung|phon(?:e|es|ed|ing)|tel|telephone|mobile|mob|cell|landline|"
    r"text(?:s|ed|ing)?|fax|whatsapp|contact)\b[^\d\n]{0,12}$",
    re.IGNORECASE,
)
_NHS_CONTEXT = lazy(r"\bNHS\b[^\d\n]{0,25}$", re.IGNORECASE)


def _long_runs(ix: TextIndex, digits: int) -> list[tuple[int, int]]:
    return ix.runs_with(digits)


# The checksum libraries are imported on the first number that needs one: most texts have none,
# and importing python-stdnum (with the network modules it loads) costs about 9 ms.
def _nhs_valid(digits: str) -> bool:
    from stdnum.gb import nhs

    return nhs.is_valid(digits)


def _ssn_valid(digits: str) -> bool:
    from stdnum.us import ssn

    return ssn.is_valid(digits)


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
        elif _nhs_valid(digits) and m.group(2) != "-" and not _PHONE_WORDS.search(text, max(0, m.start() - 25), m.start()):
            if not record_context_before(text, m.start(), ix.lower, ix):
                yield "nhs", m.start(), m.end()


# --- US Social Security numbers --------------------------------------------------

_SSN = lazy(r"(?<![\w.+/-])(\d{3})([ \u00a0-])(\d{2})\2(\d{4})(?![\w/]|[.,]\d)")
_SSN_BARE = lazy(r"(?<![\w.+/-])\d{9}(?![\w/]|[.,]\d)")
_SSN_CONTEXT = lazy(r"\b(?:SSN|SSA|social\s+security(?:\s+(?:no\.?|number|#))?)\s*(?:is|was|:|#)?\s*$", re.IGNORECASE)


def find_ssns(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    windows = ix.windows(_long_runs(ix, 9), 1, 1)
    for m in (m for a, b in windows for m in _SSN.finditer(text, a, b)):
        digits = m.group(1) + m.group(3) + m.group(4)
        if _ssn_valid(digits) or _SSN_CONTEXT.search(text, max(0, m.start() - 30), m.start()):
            yield "ssn", m.start(), m.end()
    for m in (m for a, b in windows for m in _SSN_BARE.finditer(text, a, b)):
        if _SSN_CONTEXT.search(text, max(0, m.start() - 30), m.start()):
            yield "ssn", m.start(), m.end()


# --- record, account, licence and other reference numbers -------------------------

# A code: capitals and digits, joined by hyphens or slashes, or in groups separated by single
# spaces ("2953 41876 1", "RTH 0042871", "KOWAL708238T99LK", "BCX-44-90817-A").
_CODE = lazy(
    r"(?<![\w/.=&?-])(?=[A-Z0-9/\- ]{0,8}\d)[A-Z0-9](?:(?:[A-Z0-9/-]|[ \u00a0](?=[A-Z0-9]*\d|[A-Z]{1,4}\b)){0,24}[A-Z0-9])?(?![\w/-])"
)
# Words that name a record, an account or a document whose number identifies its holder: a
# number right after one of them ("claim (31-4476092)", "member ID XQH448120337") is its number.
_STRONG_KEYS = frozenset("""
    claim claims policy member membership account acct a/c licence license passport medicare medicaid
    tricare ohip insurance insurer mrn nhi chi upn uln nino ppsn pps utr vin imei serial chassis invoice
    payroll badge employee staff student pupil beneficiary registration reg certificate cert
    hospital patient customer subscriber id ids identifier reference ref case
    sin tfn ird nric bsn pesel
""".split())
# Words that name a record only with a number word after them ("file number", "unit no."; "booking
# reference", but "Booking: 0131 496 0022" is how to book, a phone number).
_WEAK_KEYS = frozenset("""
    booking
    record records file chart notes unit plan client library device pacemaker implant plate vehicle car
    driving driver national ni tax sort fund pension benefits health care clinical dental medical
    prescription group scheme card
""".split())
_NUMBER_WORD = lazy(r"\s*(?:numbers?|nos?\b\.?|num\b|#|ids?\b|identifier|ref\b\.?|reference|code)", re.IGNORECASE)
_KEY = lazy(r"(?<![a-z/])(?:" + "|".join(sorted((re.escape(k) for k in _STRONG_KEYS | _WEAK_KEYS), key=len,
                                                        reverse=True)) + r")(?![a-z])")
# What may stand between a record word and its number when no number word is there.
_NEAR_GAP = lazy(r"^[\s:#,(\-–]*(?:(?:is|was|reads|of)\s*[:#(]?\s*)?$")
_KEYWORDS = _STRONG_KEYS | _WEAK_KEYS
_KEY_VOCAB = register_vocabulary(frozenset(k for k in _KEYWORDS if "/" not in k))
_NOT_CODE_HEADS = frozenset("NHS NO SSN DOB TEL ZIP".split())
_SELF_KEY = frozenset("mrn nhi chi upn uln nino ppsn pps utr vin imei id ids identifier ref reference sin tfn ird nric bsn "
                      "pesel".split())
_KEY_SPAN = 70


def record_context_before(text: str, start: int, low: str | None = None, ix: TextIndex | None = None) -> bool:
    """Whether the clause before `start` introduces a record's number ("policy number 2079461834",
    "claim (31-4476092)", "Medicare number came up on the screen as …")."""
    low = text.lower() if low is None else low
    a = max(0, start - _KEY_SPAN)
    if ix is not None:
        keys = ix.anchors(_KEY_VOCAB)
        k = bisect_left(keys, (a, 0))
        spans = [span for span in keys[k:k + 8] if span[1] <= start]
    else:
        spans = [m.span() for m in _KEY.finditer(low, a, start)]
    for ks, ke in spans:
        tail = _NUMBER_WORD.match(low, ke, start)
        gap_from = tail.end() if tail else ke
        gap = low[gap_from:start]
        if any(c.isdigit() for c in gap) or ". " in gap or ";" in gap or "\n\n" in gap or "?" in gap:
            continue
        key = low[ks:ke]
        if tail is not None or key in _SELF_KEY:
            if len(gap) <= 60 and not _PHONE_WORDS.search(low, max(0, start - 25), start) \
                    and not _NHS_CONTEXT.search(text, a, start):
                return True
        elif key in _STRONG_KEYS and _NEAR_GAP.match(gap):
            return True
    return False


# UK National Insurance numbers have their own shape: "QQ 12 34 56 C".
_NINO = lazy(
    r"(?<![\w])[A-Z]{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?[A-D](?!\w)"
)
# Measures, not codes: "plan of 3 x 10", "policy of 20 minutes".
_NOT_CODE = lazy(
    r"^\d{1,3}(?:\s|$)|^(?:19|20)\d\d$|^\d+(?:st|nd|rd|th)$"
    r"|^(?:19|20)\d\d[-/](?:\d\d|(?:19|20)\d\d)$"  # "2024-25", "2019/2020"
    r"|^(?:19|20)\d\d-\d\d-\d\d$|^\d\d?/\d\d?/\d{2,4}$",  # dates are the date detector's
    re.IGNORECASE,
)
_UNIT_NEXT = lazy(r"\s*(?:%|°|x\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|degrees?|kg|g\b|cm|mm|"
                        r"km|m\b|miles?|steps?|reps?|sets?|times|people|clients|members|staff|words|pounds|dollars)",
                        re.IGNORECASE)


_CAPITAL_NEXT = lazy(r"[ \u00a0]+[A-Z][a-z]")


def _code_shape(code: str) -> bool:
    """Capitals and digits mixed in one code are a reference number on their own: "K0049318",
    "XQH448120337", "PX-55120-B", "RTH 0042871" (a UK postcode or "COVID-19" has too few digits)."""
    digits = sum(map(str.isdigit, code))
    letters = sum(map(str.isalpha, code))
    if not letters or digits < 4 or not _DIGIT_PAIR.search(code):
        return False  # "G2 R1 B2 A0 S1", "C5 C6 T1": one digit a letter, a rating or a level each, not a number
    return digits >= 5 or letters >= 2 and " " not in code


_DIGIT_PAIR = lazy(r"\d\d")


# "her room, 14B", "she is in room 7": in a care home or a ward, the room points at one person.
_ROOM_BEFORE = lazy(r"\b(?:room|bed|locker|bay)\s*(?:number|no\.?|#)?\s*[:,#]?\s*$", re.IGNORECASE)
_ROOM_HINTS = ("room", "bed", "locker", "bay")
_ROOM_OWNER = lazy(r"\b(?:she|he|they|her|his|their|client|resident)\b", re.IGNORECASE)
_NOT_ROOM_OWNER = lazy(r"\b(?:my|our|treatment|therapy|consulting|clinic)\s+(?:room|bay)\b", re.IGNORECASE)


_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/- \u00a0")


def _codes(text: str, runs: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The codes holding these digit runs: each is matched where it starts, at most eight code
    characters before its first digit (as _CODE's lookahead allows), not searched for in a window."""
    last = -1
    for s, _e in runs:
        if s < last:
            continue
        p = s
        while p > 0 and s - p < 8 and text[p - 1] in _CODE_CHARS:
            p -= 1
        for start in range(p, s + 1):
            m = _CODE.match(text, start)
            if m is not None and m.end() > s:
                last = m.end()
                yield m
                break


_CITY_STATE_BEFORE = lazy(r"[A-Z][a-z]+,[ \u00a0]+(?:" + "|".join(_STATES) + r")[ \u00a0]+$")


def find_records(ix: TextIndex, shapes: bool = True) -> Iterator[Span]:
    """Record, account, claim, licence and membership numbers; with `shapes`, codes that mix
    capitals and digits anywhere (case studies: in an essay a product code is not a person's)."""
    text, low = ix.text, ix.lower
    seen = -1
    n = len(text)
    # Only runs with two digits, a capital beside them or a room word before can be part of a code.
    runs = [(s, e) for s, e in ix.digits if e - s >= 2 and (e - s > 2 or text[s + 1].isdigit())
            or s and text[s - 1].isupper() or e < n and text[e].isupper()
            or any(w in low[max(0, s - 16):s] for w in _ROOM_HINTS)]
    for m in _codes(text, runs):
        code = m.group().rstrip(" -/")
        start = m.start()
        head, sep, rest = code.partition(" ")
        while sep and head.isalpha() and (head.lower() in _KEYWORDS or head in _STATES or head in _NOT_CODE_HEADS
                                          or rest.partition(" ")[0].isalpha()):
            start += len(head) + 1  # "ID 4155550134", "OR 97205", "RFU ID …": words before the number
            code = rest
            head, sep, rest = code.partition(" ")
        if start < seen:
            continue
        if (code.isdigit() and len(code) == 5 or len(code) == 10 and code[5] == "-") and code[:5].isdigit() \
                and _CITY_STATE_BEFORE.search(text, max(0, start - 30), start):
            continue  # "Boise, ID 83702": a ZIP code after a city and a state, the ZIP detector's
        digits = sum(map(str.isdigit, code))
        if digits == 0:
            continue
        end = start + len(code)
        shape = shapes and _code_shape(code)
        if not shape:
            room = len(code) <= 4 and any(w in low[max(0, start - 16):start] for w in _ROOM_HINTS) \
                and _ROOM_BEFORE.search(text, max(0, start - 16), start)
            if room:
                sent = text[max(0, start - 60):start]
                if not _ROOM_OWNER.search(sent) or _NOT_ROOM_OWNER.search(text, max(0, start - 30), start):
                    continue
            elif digits >= 8 and code.replace(" ", "").isdigit() and record_context_before(text, start, low, ix) \
                    and not _PHONE_WORDS.search(text, max(0, start - 20), start):
                pass  # "her SIN, 046 454 286": a national number in groups of three after its name
            else:
                if _NOT_CODE.match(code) or digits < 2 or (digits == 2 and not any(c.isalpha() for c in code)):
                    continue
                if len(code.replace(" ", "")) < 4 or _UNIT_NEXT.match(text, end):
                    continue
                if code.isdigit() and len(code) <= 5 and _CAPITAL_NEXT.match(text, end):
                    continue  # "(6124 Chase Rd": a house number
                if not record_context_before(text, start, low, ix):
                    continue
                if _PHONE_WORDS.search(text, max(0, start - 20), start):
                    continue  # "mobile number 07412 556789" is a phone number
        seen = end
        yield "record", start, end
    six = ix.runs_with(6)
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
    r"\b(?:aged|age|ages|at\s+the\s+(?:[a-z]+\s+){0,2}age\s+of|at\s+age)\s*:?\s+" + _NUM + r"\b(?!\s*(?:%|percent|minutes|mins|degrees|kg|km|miles|cm|mm|per|°|steps|reps|times|sessions|hours))",
    # "she is 95", "he's 93", "turned 92", "now 96"
    r"\b(?:she|he|they|who|client|mum|mother|father|dad|gran|grandmother|grandfather)\s*(?:is|was|'s|’s|turns|turned|had\s+turned|will\s+be|is\s+now|was\s+now|will\s+turn|turns)\s+"
    + r"(?:now\s+|nearly\s+|almost\s+|about\s+)?" + _NUM + r"\b(?!\s*(?:%|percent|minutes|mins|degrees|kg|km|miles|cm|mm|per|°|steps|reps|times|sessions|hours|lbs|pounds|stone))",
    # "client f is 93.", "Mr Hale was 94 and": any subject, the age standing alone
    r"\b(?:is|was)\s+(?:now\s+|nearly\s+|almost\s+|an?\s+(?:sprightly|spry|young|youthful|active|fit|healthy|lively|"
    r"energetic|busy)\s+)?" + _NUM + r"(?=\s*(?:[,.;:!?)]|and\b|but\b|now\b|this\b))",
    # "I'm 91 and …" in her own words; "a lady of ninety-four", "a man of 92"
    r"\b(?:i['’]m|i\s+am)\s+(?:now\s+|nearly\s+|almost\s+)?" + _NUM + r"\b(?!\s*(?:%|percent|minutes|mins|degrees|kg|km|"
    r"miles|cm|mm|per|°|steps|reps|times|sessions|hours|lbs|pounds|stone))",
    r"\b(?:lady|man|woman|gentleman|gent|widow|widower|fellow|chap|client|patient)\s+of\s+" + _NUM + r"\b(?!\s*(?:%|years?\s+"
    r"standing))",
    # "At 97 she still shops", "at ninety-one, he ..."
    r"\bat\s+" + _NUM + r",?\s+(?:she|he|they|my\s+client|the\s+client)\b",
    r"\b(?:turned|turns|turning|reached|reaching)\s+" + _NUM + r"\b(?!\s*(?:%|percent|minutes|degrees|kg|km|miles|cm|mm|per|°|steps|reps|times|sessions|hours))",
    # "still sharp at ninety-one,", "small gains at ninety-three", "touched at a hundred and one"
    r"\bat\s+" + _NUM + r"(?=\s*(?:$|[,.;:!?)\"”]|\s(?:and|but|she|he|they|still|now|this|that|with|is|was)\b))",
    # "Mrs Hale, 94, still", "her mother, now 96, is", "Mr Day (aged 91)"
    r"(?<=[A-Za-z]),\s*(?:now\s+|aged\s+|age\s+)?" + _NUM + r"\s*,",
    r"(?<=[A-Za-z])\s*\(\s*(?:now\s+|aged\s+|age\s+)?" + _NUM + r"\s*\)",
    # "her 90th birthday", "his ninetieth"
    r"\b(?P<ord>(?:9\d|1[0-1]\d)(?:st|nd|rd|th)|ninetieth|ninety-\w+(?:st|nd|rd|th)|hundredth)\s+birthday\b",
]
_AGE_PARTS = [lowered(p) for p in _AGE_PATTERNS]


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


_LEADING_INT = lazy(r"\d+")
_OLD_WORDS = register_vocabulary(frozenset(
    ["ninety", "hundred", "ninetieth", "hundredth"] + [f"ninety-{w}" for w in _ONES] + [f"ninety-{w}{s}" for w, s in (
        ("first", ""), ("second", ""), ("third", ""), ("fourth", ""), ("fifth", ""), ("sixth", ""), ("seventh", ""),
        ("eighth", ""), ("ninth", ""))]))
# "90 minutes", "95 degrees", "100%": measures, not ages.
_UNIT_AFTER = lazy(
    r"\s*(?:%|°|x\b|minutes?|mins?|seconds?|secs?|hours?|hrs?|degrees?|deg|kg|g|cm|mm|m|km|miles?|ml|mg|"
    r"steps?|reps?|sets?|times|bpm|per\b|percent|metres?|meters?|lbs?|pounds|£|pence|p\b)",
    re.IGNORECASE,
)


# "her heart rate sat at 96", "a score of 92, 95 and 98": a measure, not an age.
_MEASURE_BEFORE = lazy(r"\b(?:rate|pulse|bpm|pressure|bp|score|scores|sats?|saturation|oxygen|weight|weighs|index|"
                             r"level|speed|temperature|reading|count|scored|scoring|rated|measured|angle|flexion|extension|rotation|grade|percent|"
                             r"mark|marks|page|pages|number|no|room|bus|route)\b[^.;\n]{0,24}$", re.IGNORECASE)


# The subject of "is 111" ends in a number or is a pronoun for a thing ("by week 10 it was 115"):
# a service, a room, a measure, never a person.
_NUMBERED_SUBJECT = lazy(r"(?:\d|\b(?:[Ii]t|[Tt]his|[Tt]hat|[Ww]hich|[Tt]here))\s+$")


def find_ages(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    low = ix.lower
    # Ages over 89 in figures (90 to 129, not a measure) or in words ("ninety-one", "a hundred").
    old = [(s, e) for s, e in ix.digits if "0" <= text[s] <= "1" and e - s >= 3 and text[s + 1:s + 3].isdigit()
           or text[s] == "9" and e - s >= 2 and text[s + 1].isdigit() and (e - s == 2 or not text[s + 2].isdigit())]
    old = [(s, e) for s, e in old if 90 <= int(_LEADING_INT.match(text, s).group()) < 130 and not _UNIT_AFTER.match(text, e)]
    old += ix.anchors(_OLD_WORDS)
    if not old:
        return
    old.sort()
    windows = ix.windows(old, 70, 40)
    for pat in _AGE_PARTS:
        for m in (m for a, b in windows for m in pat.finditer(low, a, b)):
            if m.groupdict().get("ord"):
                yield "age", m.start(), m.end()
                continue
            n = m.group("n")
            if n and _value(n) >= 90 and _value(n) < 130:
                if _MEASURE_BEFORE.search(text, max(0, m.start() - 40), m.start() + 1):
                    continue
                if low.startswith(("is ", "was "), m.start()) and _NUMBERED_SUBJECT.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "NHS 24 is 111", "Room 101 was 95", "it was 115": a thing, not a person
                if text[m.start()] in " (" and "(" in m.group() and bracket_after_thing(text, m.start() + m.group().index("(")):
                    continue  # "preparing food (90)": a score in a list, not an age
                a, b = m.span()
                while text[a] in " ,(" and a < b:
                    a += 1
                while text[b - 1] in " ,)" and b > a:
                    b -= 1
                yield "age", a, b
