"""Scan text for anything that could identify a client: the privacy gate's detectors.

    from sitegen.privacy.detect import ScanContext, scan_text

    for f in scan_text(body, ScanContext(allow=("Morven Tait",), region="GB")):
        print(f.kind, f.start, f.text, f.reason, f.fix)

`scan_text` is pure: it reads only its arguments and returns findings sorted by
offset, never overlapping.  The detectors themselves live beside this module,
one per noun: `names` (with the given-name list in `givennames`), `contact`
(email, url, handle, ip, phone), `numbers` (nhs, ssn, record, age), `dates` and
`places` (postcode, zip, address, workplace); their word lists are in
`lexicon`.  All of them start from `tokens.TextIndex`, the one pass over the
text that finds capitalised words and digit runs, and run their precise
patterns only around those anchors: the scan costs about 2 ms of CPU per
1,000 words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import phonenumbers

from sitegen.privacy.contact import find_emails, find_handles, find_ips, find_phones, find_urls
from sitegen.privacy.dates import find_dates
from sitegen.privacy.names import find_names
from sitegen.privacy.numbers import find_ages, find_nhs, find_records, find_ssns
from sitegen.privacy.places import find_addresses, find_postcodes, find_workplaces, find_zips
from sitegen.privacy.tokens import TextIndex, aligned_lower

__all__ = ["KINDS", "Finding", "ScanContext", "scan_text", "REASONS", "FIXES"]

KINDS = ("name", "email", "phone", "address", "postcode", "zip", "date", "age",
         "nhs", "ssn", "url", "handle", "ip", "record", "workplace")


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str      # one of KINDS, or "register"
    start: int     # character offset of the match in the scanned text
    end: int
    text: str      # text[start:end]
    reason: str    # one short sentence: why this can identify a client
    fix: str       # one short sentence: how to fix it, or how to allow it if it is not about a client


@dataclass(frozen=True, slots=True)
class ScanContext:
    allow: tuple[str, ...] = ()     # phrases never flagged (case-insensitive, whole-word)
    region: str = "GB"              # default region for phone numbers without a country code
    register: tuple[str, ...] = ()  # strings from the private client register: always flagged


_ALLOW_HINT = "add it to privacy.allow in site.toml (or the post's privacy.allow)"

REASONS: dict[str, str] = {
    "name": "a person's name can identify the client or someone close to them.",
    "email": "an email address identifies its owner directly.",
    "phone": "a phone number identifies its owner directly.",
    "address": "a street address locates a household.",
    "postcode": "a full postcode narrows a location down to a few households.",
    "zip": "a ZIP code in an address narrows down where someone lives.",
    "date": "a day-level date (birth, treatment, admission) can be linked to the client.",
    "age": "an age over 89 is rare enough to single someone out.",
    "nhs": "an NHS number identifies a patient uniquely.",
    "ssn": "a Social Security number identifies a person uniquely.",
    "url": "a web address can lead to a person's own page or profile.",
    "handle": "a social media handle points to a person's public profile.",
    "ip": "an IP address can be traced to a household or device.",
    "record": "a record, account, licence or serial number identifies its holder.",
    "workplace": "a named workplace or school with its town lets colleagues and neighbours recognise the client.",
    "register": "this matches an entry in your private client register.",
}

FIXES: dict[str, str] = {
    "name": f"use the client's pseudonym or 'my client'; if it is not a client (an author, a colleague who agreed), {_ALLOW_HINT}.",
    "email": f"remove it; if it is your own practice address, {_ALLOW_HINT}.",
    "phone": f"remove it; if it is your own practice number, {_ALLOW_HINT}.",
    "address": f"say 'a terraced street in town' instead; if it is your own practice address, {_ALLOW_HINT}.",
    "postcode": f"remove it or keep only the area ('LA9'); if it is your own practice postcode, {_ALLOW_HINT}.",
    "zip": f"remove it or keep only the first three digits; if it is your practice's ZIP, {_ALLOW_HINT}.",
    "date": f"use relative time ('session 3', 'week 6') or month and year only; if the date is not about a client, {_ALLOW_HINT}.",
    "age": "write '90 or older' instead of the exact age.",
    "nhs": "remove the NHS number; it never belongs in a published post.",
    "ssn": "remove the Social Security number; it never belongs in a published post.",
    "url": f"remove the link; if it is a public resource not about the client, {_ALLOW_HINT}.",
    "handle": f"remove the handle; if it is your own or a public organisation's, {_ALLOW_HINT}.",
    "ip": "remove the IP address.",
    "record": "remove the number; a pseudonym is enough for the reader.",
    "workplace": f"describe it generally ('a bakery in a market town'); if it is not the client's, {_ALLOW_HINT}.",
    "register": "remove or replace it with the pseudonym: your register says it is a real client's detail.",
}

# Where two findings overlap the more specific kind wins (earlier here).
_PRIORITY = {k: i for i, k in enumerate((
    "register", "email", "nhs", "ssn", "record", "ip", "phone", "url", "handle",
    "postcode", "zip", "date", "age", "address", "workplace", "name",
))}
# Kinds dropped as soon as an allowed phrase appears inside them (the therapist's
# own address, number or site inside a longer match); other kinds are dropped
# only when an allowed phrase covers them entirely.
_ALLOW_INSIDE = frozenset({"email", "url", "handle", "phone", "name"})

_Detector = Callable[[TextIndex], Iterable[tuple[str, int, int]]]
# Detectors whose matches always contain a digit, skipped for texts without one
# (most front-matter values), and the rest.
_DIGIT_DETECTORS: tuple[_Detector, ...] = (
    find_ips, find_nhs, find_ssns, find_records, find_dates, find_postcodes, find_zips,
)
_WORD_DETECTORS: tuple[_Detector, ...] = (
    find_emails, find_urls, find_handles, find_ages, find_addresses, find_workplaces,
)
_PLAIN_DETECTORS = _WORD_DETECTORS + _DIGIT_DETECTORS


def scan_text(text: str, ctx: ScanContext = ScanContext()) -> list[Finding]:
    """Every identifier in `text`, sorted by start, no two findings overlapping."""
    if not text or not text.strip():
        return []
    ix = TextIndex(text)
    allow_set, allow_words = _allow_matcher(tuple(ctx.allow))
    allowed = allow_set.spans(text, ix.lower) if allow_set is not None else []

    candidates: list[tuple[str, int, int]] = []
    for detect in _PLAIN_DETECTORS if ix.digits else _WORD_DETECTORS:
        candidates.extend(detect(ix))
    if ix.digits:
        candidates.extend(find_phones(ix, ctx.region or "GB"))
    candidates.extend(("name", s, e) for s, e in find_names(ix, allow_words))

    kept = [c for c in candidates if c[2] > c[1] and not _is_allowed(c, allowed)]
    register_set = _register_matcher(tuple(ctx.register))
    if register_set is not None:
        # Accents are folded on both sides: the register's "Zoë" finds "Zoe" and "ZOË".
        folded = _fold_aligned(text)
        folded_lower = ix.lower if folded is text else aligned_lower(folded)
        kept.extend(("register", s, e) for s, e in register_set.spans(folded, folded_lower))
        # A register phone written another way ("+44 7412 556789" for "07412 556789").
        phones = _register_phones(tuple(ctx.register), ctx.region or "GB")
        if phones:
            for kind, s, e in candidates:
                if kind == "phone" and _e164(text[s:e], ctx.region or "GB") in phones:
                    kept.append(("register", s, e))
    return [
        Finding(kind, s, e, text[s:e], REASONS[kind], FIXES[kind])
        for kind, s, e in _resolve(kept)
    ]


def _is_allowed(c: tuple[str, int, int], allowed: list[tuple[int, int]]) -> bool:
    kind, s, e = c
    for a, b in allowed:
        if a <= s and e <= b:
            return True
        if kind in _ALLOW_INSIDE and a < e and s < b:
            return True
    return False


def _resolve(cands: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Keep the most specific (then the longest) of overlapping findings.

    The spans kept so far never overlap, so sorted by start their ends are sorted too: a
    candidate overlaps one of them exactly when the last one starting before its end
    reaches past its start.  One bisection per candidate, not a pass over every span kept
    (which made a text with thousands of findings take minutes)."""
    cands = sorted(set(cands), key=lambda c: (_PRIORITY[c[0]], -(c[2] - c[1]), c[1]))
    chosen: list[tuple[str, int, int]] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in cands:
        i = bisect_left(starts, c[2])
        if i and ends[i - 1] > c[1]:
            continue
        starts.insert(i, c[1])
        ends.insert(i, c[2])
        chosen.append(c)
    chosen.sort(key=lambda c: c[1])
    return chosen


class _PhraseSet:
    """Case-insensitive, whole-word matching of literal phrases, fast on long texts.

    Each phrase is found by `str.find` on its first few characters in the
    lower-cased text (C speed), then confirmed with its own small pattern,
    which tolerates any whitespace between words and, for phone-like
    phrases, any grouping of the digits.
    """

    __slots__ = ("items",)

    def __init__(self, phrases: Iterable[str], fold: bool = False) -> None:
        self.items: list[tuple[str, re.Pattern[str]]] = []
        for phrase in sorted(set(phrases), key=len, reverse=True):
            if fold:
                phrase = _fold_aligned(phrase)
            digits = sum(c.isdigit() for c in phrase)
            if digits >= 7 and digits >= len(re.sub(r"\W", "", phrase)) - 2:
                # "07412 556789" also matches "07412556789" and "07412-556-789"
                compact = re.sub(r"\D", "", phrase)
                body = r"[\s().\-]*".join(re.escape(c) for c in compact)
                key = compact[:3]
            else:
                words = phrase.split()
                body = r"\s+".join(re.escape(w) for w in words)
                key = words[0].lower()
            self.items.append((key, re.compile(body + r"(?!\w)", re.IGNORECASE)))

    def spans(self, text: str, lower: str) -> list[tuple[int, int]]:
        out = []
        for key, pattern in self.items:
            i = lower.find(key)
            while i >= 0:
                if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or not key[0].isalnum():
                    m = pattern.match(text, i)
                    if m is not None and m.end() > i:
                        out.append((i, m.end()))
                i = lower.find(key, i + 1)
        return out


def _words_of(phrase: str) -> Iterator[str]:
    words = phrase.split()
    if len(words) == 1:
        yield words[0]
        return
    for w in words:
        w = w.strip(".,;:()\"'")
        # single letters ("Client A") are never flagged on their own anyway
        if len(w) > 1 and w[0].isupper():
            yield w


@lru_cache(maxsize=256)
def _allow_matcher(allow: tuple[str, ...]) -> tuple[_PhraseSet | None, frozenset[str]]:
    phrases = {p.strip() for p in allow if p and p.strip()}
    words = {w for p in phrases for w in _words_of(p)}
    if not phrases:
        return None, frozenset()
    return _PhraseSet(phrases | words), frozenset(w.lower() for w in words)


def _e164(raw: str, region: str) -> str | None:
    try:
        num = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=64)
def _register_phones(register: tuple[str, ...], region: str) -> frozenset[str]:
    """The register's phone numbers in one canonical form (+447412556789)."""
    out = set()
    for entry in register:
        digits = sum(c.isdigit() for c in entry)
        if 7 <= digits <= 15 and not any(c.isalpha() for c in entry):
            e164 = _e164(entry, region)
            if e164:
                out.add(e164)
    return frozenset(out)


@lru_cache(maxsize=64)
def _register_matcher(register: tuple[str, ...]) -> _PhraseSet | None:
    phrases = {p.strip() for p in register if p and p.strip()}
    return _PhraseSet(phrases, fold=True) if phrases else None


def _fold_aligned(text: str) -> str:
    """`text` without accents ("Zoë" → "Zoe"), character for character, so offsets still hold."""
    if text.isascii():
        return text
    out = []
    for c in text:
        if c.isascii():
            out.append(c)
            continue
        base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
        out.append(base if len(base) == 1 else c)
    return "".join(out)
